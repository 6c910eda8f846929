"""Month-close wizard: pick the month, check its figures, name who closes it, confirm."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from unionkit.clock import SYSTEM_CLOCK, Clock
from unionkit.errors import UnionkitError
from unionkit.formatting import format_int, format_money
from unionkit.i18n import _
from unionkit.ledger import periods, queries, summary
from unionkit.ledger.months import add_months, month_label, month_of
from unionkit.money import Money
from unionkit.vault import Vault


def closable_months(vault: Vault, clock: Clock = SYSTEM_CLOCK) -> list[str]:
    """Open months from the first with entries up to the current one, oldest first."""
    last_closed = periods.closed_through(vault)
    months = queries.months_with_entries(vault)
    current = month_of(clock.today())
    first = add_months(last_closed, 1) if last_closed else (months[0] if months else current)
    out, m = [], first
    while m <= current:
        out.append(m)
        m = add_months(m, 1)
    return out


class CloseWizard(QWizard):
    def __init__(self, vault: Vault, parent: QWidget | None = None, clock: Clock = SYSTEM_CLOCK) -> None:
        super().__init__(parent)
        self.vault = vault
        self.closed: periods.Close | None = None
        self.setWindowTitle(_("Close a month"))
        self.setMinimumSize(560, 380)
        # page 1: month and figures
        p1 = QWizardPage()
        p1.setTitle(_("Which month?"))
        p1.setSubTitle(_("After the close no entry dated in that month (or before) is accepted. Corrections are "
                         "then posted in an open month."))
        self.month = QComboBox()
        for m in closable_months(vault, clock):
            self.month.addItem(month_label(m), m)
        if self.month.count() > 1:
            self.month.setCurrentIndex(self.month.count() - 2)  # usually last month
        self.month.currentIndexChanged.connect(self._show_figures)
        self.figures = QLabel()
        self.figures.setWordWrap(True)
        lay = QVBoxLayout(p1)
        lay.addWidget(self.month)
        lay.addWidget(self.figures)
        lay.addStretch(1)
        # page 2: names and confirmation
        p2 = ConfirmPage(self)
        p2.setTitle(_("Who closes it?"))
        p2.setSubTitle(_("Write the names of the officers who checked the cash count and the bank statement."))
        self.names = QLineEdit(vault.get_setting("ledger.officers", "") or "")
        self.names.textChanged.connect(p2.completeChanged)
        self.confirm = QCheckBox(_("We counted the cash and compared the bank statement with the books."))
        self.confirm.toggled.connect(p2.completeChanged)
        self.error = QLabel()
        self.error.setStyleSheet("color: #9b1c1c")
        self.error.setWordWrap(True)
        form = QFormLayout(p2)
        form.addRow(_("Names"), self.names)
        form.addRow(self.confirm)
        form.addRow(self.error)
        self.addPage(p1)
        self.addPage(p2)
        self.setButtonText(QWizard.WizardButton.FinishButton, _("Close the month"))
        self._show_figures()

    def selected_month(self) -> str | None:
        return self.month.currentData()

    def _show_figures(self) -> None:
        m = self.selected_month()
        if m is None:
            self.figures.setText(_("There is no open month to close."))
            return
        s = summary.month_summary(self.vault, m)
        self.figures.setText(_("{month}: opening balance {opening}, income {income}, expenses {expenses}, closing "
                               "balance {closing}; {n} entries.").format(
            month=month_label(m), opening=format_money(Money(s.opening_total)),
            income=format_money(Money(s.income_total)), expenses=format_money(Money(s.expense_total)),
            closing=format_money(Money(s.closing_total)), n=format_int(s.entries)))

    def accept(self) -> None:
        m = self.selected_month()
        if m is None:
            return
        try:
            self.closed = periods.close_month(self.vault, m, self.names.text())
        except UnionkitError as exc:
            self.error.setText(exc.message)
            return
        self.vault.set_setting("ledger.officers", self.names.text().strip())
        super().accept()


class ConfirmPage(QWizardPage):
    def __init__(self, wizard: CloseWizard) -> None:
        super().__init__()
        self.w = wizard

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return bool(self.w.names.text().strip()) and self.w.confirm.isChecked()
