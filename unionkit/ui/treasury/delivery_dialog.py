"""Mark the selected members as having received the art. 373 account: how and when."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from unionkit.formatting import format_date, format_int
from unionkit.i18n import _, ngettext, pgettext
from unionkit.ledger.delivery import METHODS, AccountReport, method_label


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class MarkDeliveredDialog(QDialog):
    """The date defaults to today and can go back to the last day of the account's period, no further."""

    def __init__(self, report: AccountReport, count: int, today: dt.date, parent: QWidget | None = None, *,
                 already: int = 0) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Mark as delivered"))
        self.setMinimumWidth(460)
        intro = QLabel(ngettext("Record that {n} member received the written account:",
                                "Record that {n} members received the written account:", count).format(
            n=format_int(count)))
        intro.setWordWrap(True)
        self.already = QLabel(ngettext(
            "{n} of them was already marked: how and when will be replaced.",
            "{n} of them were already marked: how and when will be replaced.", already).format(
            n=format_int(already)))
        self.already.setWordWrap(True)
        self.already.setVisible(already > 0)
        self.method = QComboBox()
        for code in METHODS:
            self.method.addItem(method_label(code), code)
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd/MM/yyyy")
        self.date.setDateRange(_qdate(report.period_end), _qdate(today))
        self.date.setDate(_qdate(today))
        self.note = QLineEdit()
        self.note.setPlaceholderText(_("optional, e.g. delivered at the Celaya plant gate"))
        hint = QLabel(_("The date can be from {first} (end of the period) to today.").format(
            first=format_date(report.period_end)))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555")
        form = QFormLayout()
        form.addRow(_("How"), self.method)
        form.addRow(_("Date"), self.date)
        form.addRow("", hint)
        form.addRow(_("Note"), self.note)
        buttons = QDialogButtonBox()
        buttons.addButton(pgettext("button", "Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        ok = buttons.addButton(_("Mark as delivered"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.already)
        lay.addLayout(form)
        lay.addWidget(buttons)

    def chosen_method(self) -> str:
        return str(self.method.currentData())

    def chosen_date(self) -> dt.date:
        return self.date.date().toPython()

    def chosen_note(self) -> str:
        return self.note.text().strip()
