"""The 'Vault' page: the union's name, what the vault holds, the last backup, and buttons for
backing up and verifying. It follows the AreaPage contract like the areas' pages."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from unionkit.formatting import format_datetime, format_int
from unionkit.i18n import _, pgettext
from unionkit.ui.area import AreaPage
from unionkit.ui.overview_data import VaultSummary, summarize
from unionkit.vault import Vault


def _local(when: dt.datetime) -> str:
    """A stored UTC time shown in the computer's local time."""
    return format_datetime(when.astimezone().replace(tzinfo=None))


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return _("{n} MB").format(n=format_int(round(n / (1024 * 1024))))
    return _("{n} KB").format(n=format_int(max(1, round(n / 1024))))


class OverviewPage(AreaPage):
    area_id = "vault"
    icon_name = "vault.svg"
    backup_requested = Signal()
    verify_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary: VaultSummary | None = None
        self.name = QLabel(self)
        self.name.setObjectName("overview_union_name")
        self.name.setWordWrap(True)
        self.name.setStyleSheet("font-size: 18pt; font-weight: bold;")
        self.folder = QLabel(self)
        self.folder.setWordWrap(True)
        self.contents = QGroupBox(self)
        self.contents_form = QFormLayout(self.contents)
        self.safety = QGroupBox(self)
        self.safety_form = QFormLayout(self.safety)
        self.backup_label, self.backup_value = QLabel(self), QLabel(self)
        self.verified_label, self.verified_value = QLabel(self), QLabel(self)
        self.safety_form.addRow(self.backup_label, self.backup_value)
        self.safety_form.addRow(self.verified_label, self.verified_value)
        self.backup_button = QPushButton(self)
        self.backup_button.setObjectName("overview_backup")
        self.backup_button.clicked.connect(self.backup_requested)
        self.verify_button = QPushButton(self)
        self.verify_button.clicked.connect(self.verify_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.verify_button)
        buttons.addStretch(1)
        self.safety_form.addRow(buttons)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 20, 24, 20)
        lay.addWidget(self.name)
        lay.addWidget(self.folder)
        lay.addSpacing(12)
        lay.addWidget(self.contents)
        lay.addWidget(self.safety)
        lay.addStretch(1)
        self.retranslate()

    def title(self) -> str:
        return pgettext("page", "Vault")

    def set_vault(self, vault: Vault | None) -> None:
        self.summary = summarize(vault) if vault is not None else None
        self._fill()

    def refresh(self, vault: Vault | None) -> None:
        self.set_vault(vault)

    def retranslate(self) -> None:
        self.contents.setTitle(_("What the vault holds"))
        self.safety.setTitle(_("Safety"))
        self.backup_label.setText(_("Last backup:"))
        self.verified_label.setText(_("Last verification:"))
        self.backup_button.setText(_("Back up now"))
        self.verify_button.setText(_("Verify the vault"))
        self._fill()

    def _fill(self) -> None:
        while self.contents_form.rowCount():
            self.contents_form.removeRow(0)
        s = self.summary
        enabled = s is not None
        self.backup_button.setEnabled(enabled)
        self.verify_button.setEnabled(enabled)
        if s is None:
            for w in (self.name, self.folder, self.backup_value, self.verified_value):
                w.clear()
            return
        self.name.setText(s.union_name)
        self.folder.setText(_("Folder: {path}").format(path=s.folder))
        for label, n in s.counts:
            self.contents_form.addRow(_("{label}:").format(label=_(label)), QLabel(format_int(n)))
        self.contents_form.addRow(_("Size on disk:"), QLabel(_size(s.size_bytes)))
        self.contents_form.addRow(_("Format version:"), QLabel(str(s.schema_version)))
        self.backup_value.setText(_local(s.last_backup) if s.last_backup else
                                  _("Never — make a backup now and keep it on a separate drive."))
        self.verified_value.setText(_local(s.last_verified) if s.last_verified else pgettext("date", "Never"))
