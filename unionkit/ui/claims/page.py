"""The claims area page: the list of cases on the left; the selected case's editor, timeline,
evidence browser and packet wizard on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from unionkit.errors import UnionkitError
from unionkit.i18n import _
from unionkit.packets import cases
from unionkit.packets.catalog import CASE_STATUSES, label
from unionkit.ui import dialogs
from unionkit.ui.area import AreaPage
from unionkit.ui.claims.case_form import CaseForm
from unionkit.ui.claims.evidence_view import EvidenceBrowser
from unionkit.ui.claims.models import RowsModel
from unionkit.ui.claims.packet_wizard import PacketWizard
from unionkit.ui.claims.timeline import TimelineWidget, table
from unionkit.vault import Vault


class ClaimsPage(AreaPage):
    area_id = "claims"
    icon_name = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault: Vault | None = None
        self.case_id: int | None = None
        self.model = RowsModel(lambda: [_("Case"), _("Facility"), _("Status"), _("Exhibits")])
        self.view = table(self.model)
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().currentRowChanged.connect(lambda cur, _prev: self.open_row(cur.row()))
        self.search = QLineEdit()
        self.search.textChanged.connect(lambda _t: self.reload())
        self.new_btn, self.delete_btn = QPushButton(), QPushButton()
        self.new_btn.clicked.connect(self.new_case)
        self.delete_btn.clicked.connect(self.delete_case)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.form = CaseForm()
        self.timeline = TimelineWidget()
        self.evidence = EvidenceBrowser()
        self.wizard = PacketWizard()
        self.form.saved.connect(lambda cid: self.reload(select=cid))
        self.timeline.changed.connect(lambda: self.reload(select=self.case_id))
        self.evidence.changed.connect(lambda: self.reload(select=self.case_id))
        self.tabs = QTabWidget()
        for w in (self.form, self.timeline, self.evidence, self.wizard):
            self.tabs.addTab(w, "")
        self.tabs.currentChanged.connect(lambda _i: self._tab_changed())
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(self.new_btn)
        bar.addWidget(self.delete_btn)
        ll.addLayout(bar)
        ll.addWidget(self.search)
        ll.addWidget(self.empty)
        ll.addWidget(self.view, 1)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(left)
        self.split.addWidget(self.tabs)
        self.split.setStretchFactor(1, 3)
        self.split.setSizes([440, 840])
        lay = QVBoxLayout(self)
        lay.addWidget(self.split)
        self.retranslate()
        self._set_detail_enabled(False)

    def title(self) -> str:
        return _("Claims")

    def retranslate(self) -> None:
        self.new_btn.setText(_("New case"))
        self.delete_btn.setText(_("Delete case"))
        self.search.setPlaceholderText(_("Search cases"))
        self.empty.setText(_("No cases yet. Press 'New case' to record a case: the facility, what happened, the "
                             "affected workers and the evidence; then build a packet for the CFCRL or a USMCA "
                             "Rapid Response petition."))
        for i, t in enumerate((_("Case"), _("Timeline and workers"), _("Evidence"), _("Packet"))):
            self.tabs.setTabText(i, t)
        self.form.retranslate()
        self.timeline.retranslate()
        self.evidence.retranslate()
        self.wizard.retranslate()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)
        if self.vault is not None:
            self.reload(select=self.case_id)

    def set_vault(self, vault: Vault | None) -> None:
        self.vault = vault
        self.case_id = None
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        if vault is None:
            self.model.clear()
            for w in (self.form, self.timeline, self.evidence, self.wizard):
                w.load(None, None)
            self._set_detail_enabled(False)
            self.empty.show()
            return
        self.reload()

    def reload(self, select: int | None = None) -> None:
        if self.vault is None:
            return
        rows = cases.list_cases(self.vault, self.search.text().strip())
        self.model.set_rows([[r.title, r.facility_name, r.status, r.evidence] for r in rows],
                            [r.id for r in rows], formatters={2: lambda s: label(CASE_STATUSES, s)})
        self.empty.setVisible(not rows and not self.search.text())
        if select is not None and self.model.row_of(select) >= 0:
            self._select_quietly(select)
        elif select is None and rows and self.case_id is None:
            self.view.selectRow(0)

    def _select_quietly(self, case_id: int) -> None:
        sm = self.view.selectionModel()
        sm.blockSignals(True)
        self.view.selectRow(self.model.row_of(case_id))
        sm.blockSignals(False)
        self.view.viewport().update()

    def _set_detail_enabled(self, on: bool) -> None:
        self.tabs.setEnabled(on)
        self.delete_btn.setEnabled(on)

    def open_row(self, row: int) -> None:
        cid = self.model.payload(row)
        if cid is None or cid == self.case_id:
            return
        if self.form.is_dirty() and dialogs.ask(self, _("Unsaved changes"), _("Save the changes to this case?"),
                                                yes=_("Save"), default=True):
            self.form.save()  # reloads the list
        self.case_id = cid
        self._select_quietly(cid)
        self._set_detail_enabled(True)
        self.form.load(self.vault, cid)
        self._tab_changed()

    def _tab_changed(self) -> None:
        w = self.tabs.currentWidget()
        if self.vault is not None and self.case_id is not None and w is not self.form:
            w.load(self.vault, self.case_id)

    def new_case(self) -> None:
        if self.vault is None:
            return
        try:
            c = cases.create(self.vault, _("New case"))
        except UnionkitError as exc:
            dialogs.error(self, _("Case not created"), exc.message)
            return
        self.reload(select=c.id)
        self.open_row(self.model.row_of(c.id))
        self.tabs.setCurrentIndex(0)
        self.form.edits["title"].setFocus()
        self.form.edits["title"].selectAll()

    def delete_case(self) -> None:
        if self.vault is None or self.case_id is None:
            return
        if not dialogs.ask(self, _("Delete case"), _("Delete this case, its timeline and its links? The evidence "
                                                     "stays in the locker."), yes=_("Delete")):
            return
        cases.delete(self.vault, self.case_id)
        self.case_id = None
        self._set_detail_enabled(False)
        for w in (self.form, self.timeline, self.evidence, self.wizard):
            w.load(None, None)
        self.reload()

    def save_state(self) -> dict:
        return {"tab": self.tabs.currentIndex(), "split": self.split.sizes()}

    def restore_state(self, state: dict) -> None:
        if isinstance(state.get("tab"), int):
            self.tabs.setCurrentIndex(state["tab"])
        if isinstance(state.get("split"), list) and len(state["split"]) == 2:
            self.split.setSizes([int(x) for x in state["split"]])
