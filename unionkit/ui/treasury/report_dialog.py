"""Report dialog: choose a treasury report and its period, preview its text, save the PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from unionkit.errors import UnionkitError
from unionkit.i18n import _
from unionkit.ledger import accounts
from unionkit.ledger.months import add_months, month_of, parse_month
from unionkit.money import Money
from unionkit.ui.workers import run_task
from unionkit.vault import Vault

KINDS = ("monthly", "account373", "arrears", "bank")


def build_report(vault: Vault, kind: str, first: str, last: str, out: Path, lang: str,
                 account_id: int | None = None, statement: Money | None = None) -> Path:
    """Dispatch to the report builders (called off the GUI thread)."""
    if kind == "monthly":
        from unionkit.reports.treasury_monthly import build_monthly

        return build_monthly(vault, last, out, lang=lang)
    if kind == "account373":
        from unionkit.reports.treasury_account373 import build_account373

        return build_account373(vault, first, last, out, lang=lang)[0]
    if kind == "arrears":
        from unionkit.reports.treasury_lists import build_arrears

        return build_arrears(vault, dt.date.today(), out, lang=lang)
    from unionkit.reports.treasury_lists import build_bank_reconciliation

    return build_bank_reconciliation(vault, account_id or 0, last, statement or Money(0), out, lang=lang)


class ReportDialog(QDialog):
    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.saved: Path | None = None
        self._task = None
        self.setWindowTitle(_("Treasury reports"))
        self.setMinimumSize(640, 520)
        self.kind = QComboBox()
        for k, label in zip(KINDS, (_("Monthly town-hall report"), _("Six-monthly account (art. 373)"),
                                    _("Dues arrears"), _("Bank reconciliation sheet")), strict=True):
            self.kind.addItem(label, k)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        last = add_months(month_of(dt.date.today()), -1)
        self.first = QLineEdit(add_months(last, -5))
        self.last = QLineEdit(last)
        self.lang = QComboBox()
        self.lang.addItem("Español", "es")
        self.lang.addItem("English", "en")
        self.account = QComboBox()
        for a in accounts.list_accounts(vault):
            self.account.addItem(a.name, a.id)
        self.statement = QLineEdit()
        self.statement.setPlaceholderText(_("closing balance on the bank statement"))
        self.out = QLineEdit(str(Path.home() / "informe-tesoreria.pdf"))
        browse = QPushButton(_("Browse\u2026"))
        browse.clicked.connect(self._browse)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out, 1)
        out_row.addWidget(browse)
        self.form = QFormLayout()
        self.form.addRow(_("Report"), self.kind)
        self.first_label = QLabel(_("From month"))
        self.form.addRow(self.first_label, self.first)
        self.last_label = QLabel(_("Month"))
        self.form.addRow(self.last_label, self.last)
        self.account_label = QLabel(_("Account"))
        self.form.addRow(self.account_label, self.account)
        self.statement_label = QLabel(_("Statement balance"))
        self.form.addRow(self.statement_label, self.statement)
        self.form.addRow(_("Language"), self.lang)
        self.form.addRow(_("Save as"), out_row)
        self.preview_text = QPlainTextEdit()
        self.preview_text.setReadOnly(True)
        self.preview_text.setPlaceholderText(_("Press Preview to see the report's text before saving it."))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.preview_btn = QPushButton(_("Preview"))
        self.preview_btn.clicked.connect(self.preview)
        self.save_btn = QPushButton(_("Save PDF"))
        self.save_btn.setDefault(True)
        self.save_btn.clicked.connect(self.save)
        close = QPushButton(_("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.preview_btn)
        buttons.addWidget(self.save_btn)
        buttons.addWidget(close)
        lay = QVBoxLayout(self)
        lay.addLayout(self.form)
        lay.addWidget(self.preview_text, 1)
        lay.addLayout(buttons)
        self._kind_changed()

    def _kind_changed(self) -> None:
        k = self.kind.currentData()
        self.first_label.setVisible(k == "account373")
        self.first.setVisible(k == "account373")
        self.last_label.setText(_("To month") if k == "account373" else _("Month"))
        self.last_label.setVisible(k != "arrears")
        self.last.setVisible(k != "arrears")
        for w in (self.account_label, self.account, self.statement_label, self.statement):
            w.setVisible(k == "bank")

    def _browse(self) -> None:
        path, _sel = QFileDialog.getSaveFileName(self, _("Save the report"), self.out.text(), "PDF (*.pdf)")
        if path:
            self.out.setText(path if path.lower().endswith(".pdf") else path + ".pdf")

    def _args(self, out: Path) -> tuple:
        k = self.kind.currentData()
        last = parse_month(self.last.text())
        first = parse_month(self.first.text()) if k == "account373" else last
        statement = Money.parse(self.statement.text()) if k == "bank" else None
        return (self.vault, k, first, last, out, self.lang.currentData(), self.account.currentData(), statement)

    def _run(self, out: Path, then) -> None:
        try:
            args = self._args(out)
        except UnionkitError as exc:
            self.status.setText(exc.message)
            return
        self.status.setText(_("Working\u2026"))
        self.preview_btn.setEnabled(False)
        self.save_btn.setEnabled(False)

        def done(path: Path) -> None:
            self.preview_btn.setEnabled(True)
            self.save_btn.setEnabled(True)
            then(path)

        def failed(exc: BaseException) -> None:
            self.preview_btn.setEnabled(True)
            self.save_btn.setEnabled(True)
            self.status.setText(exc.message if isinstance(exc, UnionkitError) else
                                _("The report could not be made: {error}").format(error=type(exc).__name__))

        self._task = run_task(lambda _p, _c: build_report(*args), on_done=done, on_error=failed)

    def preview(self) -> None:
        """The report's figures as text, built in memory (no temp PDF on disk)."""
        from unionkit.reports.treasury_preview import preview_text

        try:
            vault, kind, first, last, _out, lang, account_id, statement = self._args(Path("unused.pdf"))
            if kind == "bank" and account_id is None:
                raise UnionkitError(_("Choose the account."))
            self.preview_text.setPlainText(preview_text(vault, kind, first, last, lang, account_id, statement))
        except UnionkitError as exc:
            self.status.setText(exc.message)
            return
        self.status.setText("")

    def save(self) -> None:
        out = Path(self.out.text().strip()).expanduser()

        def saved(path: Path) -> None:
            self.saved = path
            self.status.setText(_("Saved: {path}").format(path=str(path)))

        self._run(out, saved)
