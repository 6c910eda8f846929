"""A worker's written statement not to have dues deducted (LFT art. 110-VI): record a new one with its
scan, or — when one is in force — record the day it was sent to the employer or the day the worker
withdrew it (dues may be deducted again from then on)."""

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
from unionkit.members.optouts import OptOut, active_optout, add_optout, mark_sent, revoke_optout
from unionkit.ui import dialogs
from unionkit.vault import Vault


def _shown(iso: str | None) -> str:
    return format_date(dt.date.fromisoformat(iso)) if iso else ""


class OptOutDialog(QDialog):
    def __init__(self, vault: Vault, person_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.person_id = person_id
        self.scan: Path | None = None
        self.current: OptOut | None = active_optout(vault, person_id)
        self.setWindowTitle(_("Dues opt-out (LFT art. 110-VI)"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.statement = QLineEdit(format_date(dt.date.today()))
        self.sent = QLineEdit()
        self.sent.setPlaceholderText(_("dd/mm/yyyy (leave empty if not sent yet)"))
        self.withdrawn = QLineEdit()
        self.withdrawn.setPlaceholderText(_("dd/mm/yyyy (only if the worker withdrew it)"))
        self.scan_label = QLabel(_("No file attached"))
        if self.current is None:
            intro = QLabel(_("Record the worker's signed statement asking that union dues not be deducted from "
                             "their pay. The scan is kept encrypted in the vault."))
            scan_button = QPushButton(_("Attach scan…"))
            scan_button.clicked.connect(self.choose_scan)
            row = QHBoxLayout()
            row.addWidget(self.scan_label, 1)
            row.addWidget(scan_button)
            form.addRow(_("Date of the statement"), self.statement)
            form.addRow(_("Sent to the employer"), self.sent)
            form.addRow(_("Scan"), row)
        else:
            intro = QLabel(_("This worker's statement signed {date} is in force: dues must not be deducted. Record "
                             "when it was sent to the employer, or the day the worker withdrew it.").format(
                date=_shown(self.current.statement_date)))
            self.statement.setText(_shown(self.current.statement_date))
            self.statement.setReadOnly(True)
            self.sent.setText(_shown(self.current.sent_to_employer_date))
            self.scan_label.setText(_("scan kept in the vault") if self.current.scan_blob_id else _("no scan"))
            form.addRow(_("Date of the statement"), self.statement)
            form.addRow(_("Sent to the employer"), self.sent)
            form.addRow(_("Withdrawn on"), self.withdrawn)
            form.addRow(_("Scan"), self.scan_label)
        intro.setWordWrap(True)
        layout.addWidget(intro)
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

    def _date(self, field: QLineEdit) -> dt.date | None:
        text = field.text().strip()
        if not text:
            return None
        day = parse_date(text)
        if day > dt.date.today():
            raise UnionkitError(_("The date {date} is in the future.").format(date=text))
        return day

    def apply(self) -> None:
        try:
            sent = self._date(self.sent)
            if self.current is None:
                stated = self._date(self.statement)
                if stated is None:
                    raise UnionkitError(_("Type the date the statement was signed."))
                add_optout(self.vault, self.person_id, stated, sent_to_employer_date=sent, scan_path=self.scan)
            else:
                withdrawn = self._date(self.withdrawn)
                if sent is not None and sent.isoformat() != self.current.sent_to_employer_date:
                    mark_sent(self.vault, self.current.id, sent)
                if withdrawn is not None:
                    revoke_optout(self.vault, self.current.id, withdrawn)
        except (UnionkitError, DateParseError) as exc:
            self.message.setText(exc.message)
            return
        self.accept()
