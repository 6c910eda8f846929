"""Post an entry (amount typed the Mexican way), and reverse one with a reason."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from unionkit.errors import UnionkitError
from unionkit.formatting import format_money
from unionkit.i18n import _
from unionkit.ledger import accounts, entries, people
from unionkit.money import Money
from unionkit.ui import dialogs
from unionkit.vault import Vault


def _qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


class PostDialog(QDialog):
    """Income, expense or transfer between own accounts. ``created`` holds the new entries."""

    def __init__(self, vault: Vault, parent: QWidget | None = None, *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.created: list[entries.Entry] = []
        self.attachment: Path | None = None
        self.setWindowTitle(_("New ledger entry"))
        self.setMinimumWidth(520)
        self.kind_income = QRadioButton(_("Income"))
        self.kind_expense = QRadioButton(_("Expense"))
        self.kind_transfer = QRadioButton(_("Transfer between accounts"))
        self.kind_income.setChecked(True)
        group = QButtonGroup(self)
        kinds = QHBoxLayout()
        for b in (self.kind_income, self.kind_expense, self.kind_transfer):
            group.addButton(b)
            kinds.addWidget(b)
            b.toggled.connect(self._kind_changed)
        self.date = QDateEdit(_qdate(today or dt.date.today()))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd/MM/yyyy")
        self.account = QComboBox()
        self.to_account = QComboBox()
        for a in accounts.list_accounts(vault):
            self.account.addItem(a.name, a.id)
            self.to_account.addItem(a.name, a.id)
        self.category = QComboBox()
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(_("e.g. 1,234.50"))
        self.member = QLineEdit()
        self.member.setPlaceholderText(_("CURP or employee number (optional)"))
        self.member.editingFinished.connect(self._lookup_member)
        self.member_name = QLabel()
        self.counterparty = QLineEdit()
        self.counterparty.setPlaceholderText(_("who was paid, or who paid"))
        self.memo = QLineEdit()
        self.receipt = QCheckBox(_("Number a cash receipt (folio)"))
        self.attach_btn = QPushButton(_("Attach receipt or invoice\u2026"))
        self.attach_btn.clicked.connect(self._choose_attachment)
        self.attach_label = QLabel()
        self.error = QLabel()
        self.error.setStyleSheet("color: #9b1c1c")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(kinds)
        form.addRow(_("Date"), self.date)
        self.account_label = QLabel(_("Account"))
        form.addRow(self.account_label, self.account)
        self.to_label = QLabel(_("To account"))
        form.addRow(self.to_label, self.to_account)
        self.category_label = QLabel(_("Category"))
        form.addRow(self.category_label, self.category)
        form.addRow(_("Amount"), self.amount)
        self.member_row = QLabel(_("Member"))
        form.addRow(self.member_row, self.member)
        form.addRow("", self.member_name)
        self.counterparty_label = QLabel(_("Paid to / from"))
        form.addRow(self.counterparty_label, self.counterparty)
        form.addRow(_("Concept"), self.memo)
        form.addRow("", self.receipt)
        att = QHBoxLayout()
        att.addWidget(self.attach_btn)
        att.addWidget(self.attach_label, 1)
        form.addRow(att)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Post"))
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        self._kind_changed()

    def kind(self) -> str:
        if self.kind_transfer.isChecked():
            return "transfer"
        return "expense" if self.kind_expense.isChecked() else "income"

    def _kind_changed(self) -> None:
        kind = self.kind()
        self.category.clear()
        if kind != "transfer":
            for c in accounts.list_categories(self.vault, kinds=(kind,)):
                self.category.addItem(c.name, c.id)
        transfer = kind == "transfer"
        for w in (self.to_label, self.to_account):
            w.setVisible(transfer)
        for w in (self.category_label, self.category, self.member_row, self.member, self.member_name,
                  self.counterparty_label, self.counterparty, self.receipt):
            w.setVisible(not transfer)
        self.receipt.setVisible(kind == "income")
        self.account_label.setText(_("From account") if transfer else _("Account"))

    def _lookup_member(self) -> int | None:
        text = self.member.text().strip()
        if not text:
            self.member_name.setText("")
            return None
        try:
            pid = people.find_person(self.vault, text)
        except UnionkitError as exc:
            self.member_name.setText(exc.message)
            return None
        self.member_name.setText(people.person_name(self.vault, pid))
        return pid

    def _choose_attachment(self) -> None:
        path = dialogs.choose_open_file(self, _("Attach a file"), "",
                                        _("Receipts and invoices (*.pdf *.xml *.jpg *.jpeg *.png);;All files (*)"))
        if path:
            self.attachment = path
            self.attach_label.setText(path.name)

    def try_accept(self) -> None:
        try:
            self.created = self._post()
        except UnionkitError as exc:
            self.error.setText(exc.message)
            return
        self.accept()

    def _post(self) -> list[entries.Entry]:
        q = self.date.date()
        day = dt.date(q.year(), q.month(), q.day())
        amount = Money.parse(self.amount.text())
        if self.kind() == "transfer":
            return entries.transfer(self.vault, entry_date=day, from_account=self.account.currentData(),
                                    to_account=self.to_account.currentData(), amount=amount, memo=self.memo.text())
        pid = self._lookup_member() if self.member.text().strip() else None
        if self.member.text().strip() and pid is None:
            raise UnionkitError(self.member_name.text())
        e = entries.post_entry(self.vault, entry_date=day, account=self.account.currentData(),
                               category=self.category.currentData(), amount=amount, kind=self.kind(),
                               person_id=pid, memo=self.memo.text(), counterparty=self.counterparty.text(),
                               receipt=self.receipt.isChecked() and self.kind() == "income")
        if self.attachment is not None:
            entries.attach_file(self.vault, e.id, self.attachment)
        return [e]


class ReverseDialog(QDialog):
    def __init__(self, vault: Vault, entry_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.entry_id = entry_id
        self.created: list[entries.Entry] = []
        e = entries.get_entry(vault, entry_id)
        self.setWindowTitle(_("Reverse entry {id}").format(id=entry_id))
        text = QLabel(_("Entry {id} of {date} for {amount} stays in the books; a reversing entry dated today "
                        "cancels it out in every total. This cannot be undone.").format(
                            id=e.id, date=e.entry_date, amount=format_money(Money(e.amount))))
        text.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(_("Why? (for example: captured twice)"))
        self.error = QLabel()
        self.error.setStyleSheet("color: #9b1c1c")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Reverse"))
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(text)
        lay.addWidget(QLabel(_("Reason")))
        lay.addWidget(self.reason)
        lay.addWidget(self.error)
        lay.addWidget(buttons)

    def try_accept(self) -> None:
        try:
            self.created = entries.reverse_entry(self.vault, self.entry_id, self.reason.text())
        except UnionkitError as exc:
            self.error.setText(exc.message)
            return
        self.accept()
