"""The frozen roll of a consultation: every person considered, eligible or excluded with the reason, its
SHA-256, and a filter to show only the exclusions (filtered in Python over the decoded snapshot)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from unionkit.i18n import _
from unionkit.ui.votes.models import RowsModel, dated
from unionkit.vault import Vault
from unionkit.votes import consultations, rolls
from unionkit.votes.eligibility import reason_text


class RollView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list = []
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.only_excluded = QCheckBox()
        self.only_excluded.toggled.connect(self._fill)
        self.model = RowsModel(lambda: ["#", _("Name"), _("CURP"), _("Hire date"), _("Eligible"), _("Reason")])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        top = QHBoxLayout()
        top.addWidget(self.info, 1)
        top.addWidget(self.only_excluded)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.table)
        self.retranslate()

    def retranslate(self) -> None:
        self.only_excluded.setText(_("Only exclusions"))

    def clear(self) -> None:
        self._entries = []
        self.model.clear()
        self.info.clear()

    def load(self, vault: Vault, cid: int) -> None:
        c = consultations.get(vault, cid)
        if not c["roll_id"]:
            self.clear()
            return
        info = rolls.roll_info(vault, c["roll_id"])
        self._entries = rolls.entries(vault, c["roll_id"])
        self.info.setText(_("{name}: {eligible} eligible, {excluded} excluded · cut-off {date} · SHA-256 {sha}")
                          .format(name=info["name"], eligible=info["eligible"], excluded=info["excluded"],
                                  date=dated(info["as_of"])[0], sha=info["sha256"]))
        self._fill()

    def _fill(self) -> None:
        only = self.only_excluded.isChecked()
        rows, flags = [], []
        seq = 0
        yes, no = _("yes"), _("no")
        texts: dict[str, str] = {}
        for e in self._entries:
            if e.eligible:
                seq += 1
            if only and e.eligible:
                continue
            if e.reason not in texts:
                texts[e.reason] = reason_text(e.reason)
            rows.append([seq if e.eligible else "", e.full_name, e.curp, dated(e.hire_date), yes if e.eligible else no,
                         texts[e.reason]])
            flags.append(not e.eligible)
        self.model.set_rows(rows, flagged=flags, numeric=[0])
