"""Record a worker's written statement not to have dues deducted (LFT art. 110-VI), with its scan."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from unionkit.errors import UnionkitError
from unionkit.formatting import format_date
from unionkit.i18n import _
from unionkit.members.dates import DateParseError, parse_date
from unionkit.members.optouts import add_optout
from unionkit.ui import dialogs
from unionkit.vault import Vault


class OptOutDialog(QDialog):
    def __init__(self, vault: Vault, person_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.person_id = person_id
        self.scan: Path | None = None
        self.setWindowTitle(_("Dues opt-out (LFT art. 110-VI)"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        intro = QLabel(_("Record the worker's signed statement asking that union dues not be deducted from "
                         "their pay. The scan is kept encrypted in the vault."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.statement = QLineEdit(format_date(dt.date.today()))
        self.sent = QLineEdit()
        self.sent.setPlaceholderText(_("dd/mm/yyyy (leave empty if not sent yet)"))
        self.scan_label = QLabel(_("No file attached"))
        scan_button = QPushButton(_("Attach scan…"))
        scan_button.clicked.connect(self.choose_scan)
        row = QHBoxLayout()
        row.addWidget(self.scan_label, 1)
        row.addWidget(scan_button)
        form.addRow(_("Date of the statement"), self.statement)
        form.addRow(_("Sent to the employer"), self.sent)
        form.addRow(_("Scan"), row)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def choose_scan(self) -> None:
        path = dialogs.choose_open_file(self, _("Attach the scanned statement"), "",
                                        _("Scans (*.pdf *.jpg *.jpeg *.png);;All files (*)"))
        if path:
            self.scan = Path(path)
            self.scan_label.setText(self.scan.name)

    def apply(self) -> None:
        try:
            stated = parse_date(self.statement.text())
            sent = parse_date(self.sent.text()) if self.sent.text().strip() else None
            add_optout(self.vault, self.person_id, stated, sent_to_employer_date=sent, scan_path=self.scan)
        except DateParseError as exc:
            self.message.setText(exc.message)
            return
        except UnionkitError as exc:
            self.message.setText(exc.message)
            return
        self.accept()
