"""The members area: search as you type (accents and case ignored), filters, the people table, the
detail form, status changes, roster import, exports and the quarterly joiners/leavers report."""

from __future__ import annotations

import datetime as dt
import importlib
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from unionkit.errors import UnionkitError
from unionkit.formatting import format_int
from unionkit.i18n import N_, _, ngettext
from unionkit.members import service
from unionkit.members.export import export_people
from unionkit.members.model import STATUSES
from unionkit.members.query import PersonFilter, count
from unionkit.ui import dialogs
from unionkit.ui.area import AreaPage
from unionkit.ui.members import exporting
from unionkit.ui.members.empty_state import EmptyState
from unionkit.ui.members.form import PersonForm
from unionkit.ui.members.model import PeopleModel
from unionkit.ui.members.status_dialog import StatusDialog
from unionkit.ui.members.wizard import ImportWizard
from unionkit.ui.search_field import debounced_search
from unionkit.vault import Vault

# status filter: (key, members_only, status)
STATUS_FILTERS = [("all", None, None), ("members", True, None)] + [(s, True, s) for s in STATUSES] + \
    [("non_members", False, None)]
STATUS_FILTER_LABELS = {
    "all": N_("Everybody"), "members": N_("All members"), "active": N_("Active members"),
    "suspended": N_("Suspended members"), "resigned": N_("Former members: resigned"),
    "dismissed": N_("Former members: dismissed"), "deceased": N_("Deceased members"),
    "non_members": N_("Not members"),
}
DUES_FILTERS = (("any", None), ("behind1", 1), ("behind3", 3), ("current", 0))


def standing_module():
    """``unionkit.ledger.standing`` when the treasury is part of this build, else None."""
    try:
        return importlib.import_module("unionkit.ledger.standing")
    except ImportError:
        return None


class MembersPage(AreaPage):
    area_id = "members"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault: Vault | None = None
        self._behind: dict[int, int] | None = None
        self.model = PeopleModel(self)
        self.search, self._timer = debounced_search(self, self.apply_filter, delay_ms=80, min_width=270)
        self.workplace = QComboBox()
        self.status = QComboBox()
        self.dues = QComboBox()
        self.dues.setVisible(standing_module() is not None)
        for combo in (self.workplace, self.status, self.dues):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(18 if combo is self.workplace else 14)
            combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.count_label = QLabel()
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.new_person)
        self.import_button = QPushButton()
        self.import_button.clicked.connect(self.open_import)
        self.export_button = QPushButton()
        self.export_menu = QMenu(self)
        self.export_public = self.export_menu.addAction("")
        self.export_full = self.export_menu.addAction("")
        self.export_movements = self.export_menu.addAction("")
        self.export_public.triggered.connect(lambda: self.choose_export(public=True))
        self.export_full.triggered.connect(lambda: self.choose_export(public=False))
        self.export_movements.triggered.connect(self.choose_movements)
        self.export_button.setMenu(self.export_menu)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.workplace)
        bar.addWidget(self.status)
        bar.addWidget(self.dues)
        bar.addWidget(self.add_button)
        bar.addWidget(self.import_button)
        bar.addWidget(self.export_button)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.form = PersonForm()
        self.form.saved.connect(self._saved)
        self.form.status_requested.connect(self.change_status)
        self.form.optout_requested.connect(self.record_optout)
        split = QSplitter()
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        self.workplaces_button = QPushButton()
        self.workplaces_button.clicked.connect(self.edit_workplaces)
        bottom.addWidget(self.workplaces_button)
        lv.addLayout(bottom)
        split.addWidget(left)
        split.addWidget(self.form)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([800, 480])

        self.empty = EmptyState(self.open_import, self.new_person)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(split)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        self.retranslate()
        self.set_vault(None)

    # ---------------------------------------------------------------- AreaPage

    def title(self) -> str:
        return _("Members")

    def retranslate(self) -> None:
        self.search.setPlaceholderText(_("Search by name, CURP or employee number"))
        self.search.setToolTip(self.search.placeholderText())
        self.add_button.setText(_("Add person"))
        self.workplaces_button.setText(_("Workplaces…"))
        self.import_button.setText(_("Import roster…"))
        self.export_button.setText(_("Export"))
        self.export_public.setText(_("Public list (without CURP, address or phone)…"))
        self.export_full.setText(_("Full list (not encrypted)…"))
        self.export_movements.setText(_("Quarterly joiners and leavers (PDF)…"))
        self.empty.retranslate()
        self._fill_combos()
        self.form.retranslate()
        if self.vault is not None:
            self.model.refresh()  # the cached cells hold translated status labels
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)
        header = self.table.horizontalHeader()
        fm = header.fontMetrics()
        for col, width in enumerate((200, 160, 95, 115, 95, 88, 88)):
            text = self.model.headerData(col, Qt.Orientation.Horizontal)
            header.resizeSection(col, max(width, fm.horizontalAdvance(text) + 30))
        self._update_count()

    def _fill_combos(self) -> None:
        for combo in (self.workplace, self.status, self.dues):
            combo.blockSignals(True)
        wp = self.workplace.currentData()
        self.workplace.clear()
        self.workplace.addItem(_("All workplaces"), None)
        if self.vault is not None:
            for w in service.list_workplaces(self.vault):
                self.workplace.addItem(w.name, w.id)
        self.workplace.setCurrentIndex(max(0, self.workplace.findData(wp)))
        st = self.status.currentIndex()
        self.status.clear()
        for key, _members, _status in STATUS_FILTERS:
            self.status.addItem(_(STATUS_FILTER_LABELS[key]), key)
        self.status.setCurrentIndex(max(0, st))
        du = self.dues.currentIndex()
        self.dues.clear()
        for key, _n in DUES_FILTERS:
            self.dues.addItem({"any": _("Any dues standing"), "behind1": _("Dues: 1+ months behind"),
                               "behind3": _("Dues: 3+ months behind"), "current": _("Dues: up to date")}[key], key)
        self.dues.setCurrentIndex(max(0, du))
        for combo in (self.workplace, self.status, self.dues):
            combo.blockSignals(False)

    def set_vault(self, vault: Vault | None) -> None:
        self.vault = vault
        self._behind = None
        self._timer.stop()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.form.set_vault(vault)
        self._fill_combos()
        self.model.set_filter(self.current_filter())
        self.model.set_vault(vault)
        self._update_empty()
        self._update_count()

    def save_state(self) -> dict:
        order, desc = self.model.sort_state()
        return {"status": self.status.currentData(), "dues": self.dues.currentData(), "order": order,
                "descending": desc}

    def restore_state(self, state: dict) -> None:
        for combo, key in ((self.status, "status"), (self.dues, "dues")):
            i = combo.findData(state.get(key))
            if i >= 0:
                combo.setCurrentIndex(i)
        from unionkit.ui.members.model import COLUMNS

        keys = [k for k, _label in COLUMNS]
        if state.get("order") in keys:
            order = Qt.SortOrder.DescendingOrder if state.get("descending") else Qt.SortOrder.AscendingOrder
            self.table.horizontalHeader().setSortIndicator(keys.index(state["order"]), order)

    # ---------------------------------------------------------------- filtering

    def current_filter(self) -> PersonFilter:
        key = self.status.currentData() or "all"
        _k, members_only, status = next(f for f in STATUS_FILTERS if f[0] == key)
        flt = PersonFilter(text=self.search.text(), workplace_id=self.workplace.currentData(), status=status,
                           members_only=members_only)
        dues = self.dues.currentData() or "any"
        if dues != "any" and self.vault is not None and standing_module() is not None:
            behind = self._months_behind()
            need = dict(DUES_FILTERS)[dues]
            if need == 0:
                flt.members_only = True
                flt.person_ids = {pid for pid, n in behind.items() if n == 0}
            else:
                flt.person_ids = {pid for pid, n in behind.items() if n >= need}
        return flt

    def _months_behind(self) -> dict[int, int]:
        if self._behind is None:
            mod = standing_module()
            self._behind = mod.months_behind_by_person(self.vault, dt.date.today()) if mod else {}
        return self._behind

    def apply_filter(self) -> None:
        self._timer.stop()
        if self.vault is None:
            return
        try:
            self.model.set_filter(self.current_filter())
        except UnionkitError as exc:
            dialogs.error(self, _("Search"), exc.message)
        self._update_count()

    def _update_count(self) -> None:
        n = self.model.total()
        self.count_label.setText(ngettext("{count} person", "{count} people", n).format(count=format_int(n)))

    def _update_empty(self) -> None:
        empty = self.vault is not None and count(self.vault) == 0
        self.stack.setCurrentIndex(0 if empty else 1)
        for w in (self.search, self.workplace, self.status, self.export_button, self.add_button,
                  self.import_button):
            w.setVisible(not empty)
        self.dues.setVisible(not empty and standing_module() is not None)

    def refresh(self) -> None:
        self._behind = None
        self._fill_combos()
        self.model.refresh()
        self._update_empty()
        self._update_count()

    # ---------------------------------------------------------------- actions

    def _row_changed(self, current, _previous) -> None:
        pid = self.model.person_id(current.row()) if current.isValid() else None
        if pid is not None:
            self.form.load(pid)

    def select_person(self, person_id: int) -> None:
        row = self.model.row_of(person_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def new_person(self) -> None:
        if self.vault is None:
            return
        self.stack.setCurrentIndex(1)
        self.table.clearSelection()
        self.form.clear()
        self.form.widgets["is_member"].setChecked(True)
        self.form.widgets["nombre"].setFocus()

    def _saved(self, person_id: int) -> None:
        self.refresh()
        self.select_person(person_id)

    def change_status(self, person_id: int) -> None:
        if self.vault is None:
            return
        dlg = StatusDialog(self.vault, person_id, self)
        if dialogs.run_dialog(dlg):
            self.refresh()
            self.select_person(person_id)
            self.form.load(person_id)

    def edit_workplaces(self) -> None:
        if self.vault is None:
            return
        from unionkit.ui.members.workplaces_dialog import WorkplacesDialog

        dialogs.run_dialog(WorkplacesDialog(self.vault, self))
        self.form.set_vault(self.vault)
        self.refresh()

    def record_optout(self, person_id: int) -> None:
        if self.vault is None:
            return
        from unionkit.ui.members.optout_dialog import OptOutDialog

        if dialogs.run_dialog(OptOutDialog(self.vault, person_id, self)):
            self.form.load(person_id)

    def open_import(self) -> None:
        if self.vault is None:
            return
        wizard = ImportWizard(self.vault, self)
        dialogs.run_dialog(wizard)
        # Once the wizard is closed (not behind it): a big import's read-only indexes are built on a
        # second connection right after its COMMIT (unionkit.vault.pending), usually done by then.
        self.refresh()

    def export_to(self, path: str | Path, *, public: bool) -> int:
        """Export the people the filters show (all columns but the private ones when ``public``)."""
        return export_people(self.vault, path, public=public, flt=self.current_filter())

    def choose_export(self, *, public: bool) -> None:
        if self.vault is not None:
            exporting.choose_export(self, public=public)

    def choose_movements(self) -> None:
        if self.vault is not None:
            exporting.choose_movements(self, self.vault)
