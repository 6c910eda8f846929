"""The "new representativeness campaign" dialog: name, workplace (scope of the covered roll), employer,
planned filing date and the headcount in the employer's service."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QSpinBox

from unionkit.i18n import _
from unionkit.vault import Vault
from unionkit.votes import campaigns


class NewCampaignDialog(QDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("New representativeness campaign"))
        f = QFormLayout(self)
        self.name = QLineEdit()
        self.employer = QLineEdit()
        t = dt.date.today()
        self.filing = QDateEdit(QDate(t.year, t.month, t.day))
        self.filing.setDisplayFormat("dd/MM/yyyy")
        self.filing.setCalendarPopup(True)
        self.in_service = QSpinBox()
        self.in_service.setRange(0, 10_000_000)
        self.in_service.setSpecialValueText(_("unknown"))
        self.workplace = QComboBox()
        self.workplace.addItem(_("Every workplace"), None)
        f.addRow(_("Name"), self.name)
        f.addRow(_("Workplace"), self.workplace)
        f.addRow(_("Employer"), self.employer)
        f.addRow(_("Planned filing date"), self.filing)
        f.addRow(_("Workers in the employer's service"), self.in_service)
        bb = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        bb.accepted.connect(self.accept)
        bb.rejected.connect(self.reject)
        f.addRow(bb)

    def set_workplaces(self, items: list[tuple[int, str, str]]) -> None:
        for wid, name, employer in items:
            self.workplace.addItem(name, (wid, employer))

    def create(self, vault: Vault) -> int:
        q = self.filing.date()
        filing = dt.date(q.year(), q.month(), q.day())
        wp = self.workplace.currentData()
        employer = self.employer.text() or (wp[1] if wp else "")
        return campaigns.create_with_roll(vault, self.name.text(), filing, workplace_id=wp[0] if wp else None,
                                          employer=employer, headcount_in_service=self.in_service.value() or None)
