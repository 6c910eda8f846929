"""Payroll check-off import: file + period + deposit, then the per-worker reconciliation table."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from unionkit.clock import SYSTEM_CLOCK
from unionkit.errors import UnionkitError
from unionkit.formatting import format_money
from unionkit.i18n import _
from unionkit.ledger import accounts, checkoff
from unionkit.ledger.months import add_months, month_of, parse_month
from unionkit.money import Money
from unionkit.ui import dialogs
from unionkit.ui.treasury.model import RowsModel
from unionkit.vault import Vault

FLAGGED = QBrush(QColor("#fbe9e7"))


class CheckoffWizard(QWizard):
    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.rec: checkoff.Reconciliation | None = None
        self.imported: checkoff.Reconciliation | None = None
        self.setWindowTitle(_("Import payroll check-off"))
        self.setMinimumSize(760, 520)
        p1 = _FilePage(self)
        p1.setTitle(_("The employer's deduction list"))
        p1.setSubTitle(_("A CSV or Excel file with the worker's CURP or employee number and the amount deducted, "
                         "and the deposit that actually arrived in the bank."))
        self.path = QLineEdit()
        self.path.textChanged.connect(p1.completeChanged)
        browse = QPushButton(_("Choose\u2026"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.period = QLineEdit(add_months(month_of(SYSTEM_CLOCK.today()), -1))
        self.period.setPlaceholderText("YYYY-MM")
        self.deposit = QLineEdit()
        self.deposit.setPlaceholderText(_("e.g. 207,000.00"))
        self.deposit.textChanged.connect(p1.completeChanged)
        self.account = QComboBox()
        for a in accounts.list_accounts(vault):
            if a.kind == "bank":
                self.account.addItem(a.name, a.id)
        self.error = QLabel()
        self.error.setStyleSheet("color: #9b1c1c")
        self.error.setWordWrap(True)
        form = QFormLayout(p1)
        form.addRow(_("File"), row)
        form.addRow(_("Period (month)"), self.period)
        form.addRow(_("Deposit received"), self.deposit)
        form.addRow(_("Deposited into"), self.account)
        form.addRow(self.error)
        p2 = QWizardPage()
        p2.setTitle(_("Reconciliation"))
        p2.setSubTitle(_("Expected dues against what was deducted and what was deposited. Flagged rows are shaded."))
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.table_model = RowsModel(lambda: [_("Line"), _("CURP"), _("Employee no."), _("Name"), _("Expected"),
                                              _("Deducted"), _("Flags")], right=(0, 4, 5))
        self.table = QTableView()
        self.table.setModel(self.table_model)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        lay = QVBoxLayout(p2)
        lay.addWidget(self.totals)
        lay.addWidget(self.table, 1)
        self.addPage(p1)
        self.addPage(p2)
        self.setButtonText(QWizard.WizardButton.FinishButton, _("Import and post the deposit"))

    def _browse(self) -> None:
        p = dialogs.choose_open_file(self, _("Deduction list"), "", _("Lists (*.csv *.txt *.xlsx);;All files (*)"))
        if p:
            self.path.setText(str(p))

    def preview(self) -> bool:
        try:
            self.rec = checkoff.reconcile(self.vault, self.path.text().strip(), parse_month(self.period.text()),
                                          Money.parse(self.deposit.text() or "0"))
        except UnionkitError as exc:
            self.error.setText(exc.message)
            return False
        self.error.setText("")
        rec = self.rec
        rows = [[ln.line or "", ln.curp, ln.employee_no, ln.name, format_money(Money(ln.expected)),
                 format_money(Money(ln.deducted)), ", ".join(checkoff.flag_label(f) for f in ln.flags)]
                for ln in rec.lines]
        keys = [[ln.line, ln.curp, ln.employee_no, ln.name, ln.expected, ln.deducted, ",".join(ln.flags)]
                for ln in rec.lines]
        self.table_model.set_rows(rows, keys)
        self.table_model.brushes = {i: FLAGGED for i, ln in enumerate(rec.lines) if ln.flags}
        counts = ", ".join(f"{checkoff.flag_label(k)}: {v}" for k, v in sorted(rec.flag_counts().items()))
        batch = " ".join(checkoff.flag_label(f) + "." for f in rec.batch_flags)
        self.totals.setText(_("Expected {expected} \u00b7 deducted {deducted} \u00b7 deposited {deposit} "
                              "(difference {diff}). {batch} {counts}").format(
            expected=format_money(Money(rec.expected_total)), deducted=format_money(Money(rec.deducted_total)),
            deposit=format_money(Money(rec.deposit)), diff=format_money(Money(rec.deposit - rec.deducted_total)),
            batch=batch, counts=counts))
        return True

    def validateCurrentPage(self) -> bool:  # noqa: N802 - Qt API
        if self.currentId() == 0:
            return self.preview()
        return True

    def accept(self) -> None:
        try:
            self.imported = checkoff.import_checkoff(self.vault, self.path.text().strip(),
                                                     parse_month(self.period.text()),
                                                     Money.parse(self.deposit.text() or "0"),
                                                     account_id=self.account.currentData())
        except UnionkitError as exc:
            self.totals.setText(exc.message)
            return
        super().accept()


class _FilePage(QWizardPage):
    def __init__(self, wizard: CheckoffWizard) -> None:
        super().__init__()
        self.w = wizard

    def isComplete(self) -> bool:  # noqa: N802
        return bool(self.w.path.text().strip() and self.w.deposit.text().strip())
