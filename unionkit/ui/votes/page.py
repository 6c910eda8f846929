"""The votes area page: consultations (list, setup wizard, tally entry, result) and the 30 % workbench."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from unionkit.errors import UnionkitError
from unionkit.i18n import _
from unionkit.reports.votes_common import outcome_label
from unionkit.ui import dialogs
from unionkit.ui.area import AreaPage
from unionkit.ui.votes.models import RowsModel, dated
from unionkit.ui.votes.result_view import ResultView
from unionkit.ui.votes.roll_view import RollView
from unionkit.ui.votes.tally_entry import TallyEntry
from unionkit.ui.votes.wizard import SetupWizard
from unionkit.ui.votes.workbench import Workbench
from unionkit.vault import Vault
from unionkit.votes import consultations
from unionkit.votes.setup import setup_consultation


class VotesPage(AreaPage):
    area_id = "votes"
    icon_name = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault: Vault | None = None
        self.tabs = QTabWidget()
        # consultations tab
        self.list_model = RowsModel(lambda: [_("Date"), _("Kind"), _("Title"), _("Status"), _("Result")])
        self.list_view = QTableView()
        self.list_view.setModel(self.list_model)
        self.list_view.setSortingEnabled(True)
        self.list_view.verticalHeader().hide()
        self.list_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.list_view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.list_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.list_view.horizontalHeader().setStretchLastSection(True)
        self.list_view.selectionModel().currentRowChanged.connect(lambda cur, _prev: self.open_row(cur.row()))
        self.new_btn = QPushButton()
        self.new_btn.clicked.connect(self.new_consultation)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.tally = TallyEntry()
        self.tally.closed.connect(lambda cid: self.reload(select=cid))
        self.result = ResultView()
        self.detail = QTabWidget()
        self.detail.addTab(self.tally, "")
        self.detail.addTab(self.result, "")
        self.roll_view = RollView()
        self.detail.addTab(self.roll_view, "")
        self.detail.currentChanged.connect(lambda _i: self._refresh_detail())
        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(self.new_btn)
        bar.addStretch(1)
        tl.addLayout(bar)
        tl.addWidget(self.empty)
        tl.addWidget(self.list_view)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(self.detail)
        split.setStretchFactor(1, 3)
        self.workbench = Workbench()
        self.tabs.addTab(split, "")
        self.tabs.addTab(self.workbench, "")
        lay = QVBoxLayout(self)
        lay.addWidget(self.tabs)
        self.current_id: int | None = None
        self.retranslate()
        self.set_vault(None)

    def title(self) -> str:
        return _("Votes")

    def retranslate(self) -> None:
        self.tabs.setTabText(0, _("Consultations and elections"))
        self.tabs.setTabText(1, _("Representativeness (30 %)"))
        self.detail.setTabText(0, _("Tally entry (double)"))
        self.detail.setTabText(1, _("Result"))
        self.detail.setTabText(2, _("Roll"))
        self.roll_view.retranslate()
        self.new_btn.setText(_("New consultation…"))
        self.empty.setText(_("No consultation yet. Click “New consultation…” to freeze a roll from the member "
                             "register, set the booths and dates, and print the convocatoria."))
        self.tally.retranslate()
        self.result.retranslate()
        self.workbench.retranslate()
        self.list_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 4)
        if getattr(self, "vault", None) is not None:
            self.reload()  # kind, status and outcome labels come from the catalog
            self.workbench.reload(select=self.workbench.campaign_id())

    def set_vault(self, vault: Vault | None) -> None:
        self.vault = vault
        self.current_id = None
        self.list_model.clear()
        self.tally.clear()
        self.result.clear()
        self.roll_view.clear()
        self.workbench.set_vault(vault)
        self.new_btn.setEnabled(vault is not None)
        self.detail.setEnabled(False)
        if vault is not None:
            self.reload()

    def reload(self, select: int | None = None) -> None:
        if self.vault is None:
            return
        items = consultations.list_consultations(self.vault)
        rows = [[dated(c["vote_date"]), _(consultations.KINDS[c["kind"]]), c["title"],
                 _(consultations.STATUSES[c["status"]]), outcome_label(c["outcome"], c["winner"]) if c["outcome"]
                 else ""] for c in items]
        self.list_model.set_rows(rows, [c["id"] for c in items])
        self.empty.setVisible(not items)
        target = select if select is not None else self.current_id
        if target is None and items:
            target = items[0]["id"]  # open the most recent consultation rather than an empty, disabled panel
        for r in range(self.list_model.rowCount()):
            if self.list_model.payload(r) == target:
                self.list_view.selectRow(r)
                self.open_id(target)
                break

    def open_row(self, row: int) -> None:
        cid = self.list_model.payload(row)
        if cid is not None:
            self.open_id(cid)

    def open_id(self, cid: int) -> None:
        if self.vault is None:
            return
        self.current_id = cid
        self.detail.setEnabled(True)
        try:
            self.tally.load(self.vault, cid)
            self._refresh_detail()
        except UnionkitError as exc:
            dialogs.error(self, _("Votes"), exc.message)

    def _refresh_detail(self) -> None:
        if self.vault is None or self.current_id is None:
            return
        if self.detail.currentIndex() == 1:
            self.result.load(self.vault, self.current_id)
        elif self.detail.currentIndex() == 2:
            self.roll_view.load(self.vault, self.current_id)

    def new_consultation(self) -> None:
        if self.vault is None:
            return
        wiz = SetupWizard(self)
        if not dialogs.run_dialog(wiz):
            return
        try:
            cid = setup_consultation(self.vault, **wiz.fields())
        except UnionkitError as exc:
            dialogs.error(self, _("New consultation"), exc.message)
            return
        self.reload(select=cid)

    def save_state(self) -> dict:
        return {"tab": self.tabs.currentIndex(), "detail": self.detail.currentIndex()}

    def restore_state(self, state: dict) -> None:
        self.tabs.setCurrentIndex(int(state.get("tab", 0)))
        self.detail.setCurrentIndex(int(state.get("detail", 0)))
