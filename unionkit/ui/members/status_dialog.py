"""Change a member's status (or make a covered worker a member) with a date and a reason."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from unionkit.errors import UnionkitError
from unionkit.formatting import format_date
from unionkit.i18n import _
from unionkit.members import service
from unionkit.members.dates import DateParseError, parse_date
from unionkit.members.model import STATUSES, status_label
from unionkit.vault import Vault

JOIN = "join"


class StatusDialog(QDialog):
    def __init__(self, vault: Vault, person_id: int, parent: QWidget | None = None,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.person_id = person_id
        person = service.get_person(vault, person_id)
        self.setWindowTitle(_("Change membership status"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        who = QLabel(_("{name} — current status: {status}").format(
            name=person.full_name, status=status_label(person.status) if person.is_member else _("Not a member")))
        who.setWordWrap(True)
        layout.addWidget(who)
        form = QFormLayout()
        self.status = QComboBox()
        if not person.is_member:
            self.status.addItem(_("Joins the union"), JOIN)
        else:
            for s in STATUSES:
                if s != person.status:
                    self.status.addItem(status_label(s), s)
        self.date = QLineEdit(format_date(today or dt.date.today()))
        self.date.setPlaceholderText(_("dd/mm/yyyy"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(_("e.g. assembly resolution of 12/03/2026, written resignation…"))
        form.addRow(_("New status"), self.status)
        form.addRow(_("Date"), self.date)
        form.addRow(_("Reason"), self.reason)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.date.textChanged.connect(self._check)
        self._check()

    def _check(self) -> bool:
        try:
            when = parse_date(self.date.text())
        except DateParseError as exc:
            self.message.setText(exc.message)
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            return False
        if when > dt.date.today():
            self.message.setText(_("The date {date} is in the future.").format(date=format_date(when)))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            return False
        self.message.setText("")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        return True

    def apply(self) -> None:
        if not self._check():
            return
        when = parse_date(self.date.text())
        try:
            if self.status.currentData() == JOIN:
                service.enroll(self.vault, self.person_id, when, self.reason.text())
            else:
                service.change_status(self.vault, self.person_id, self.status.currentData(), when,
                                      self.reason.text())
        except UnionkitError as exc:
            self.message.setText(exc.message)
            return
        self.accept()
