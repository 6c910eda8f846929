"""Settings: language, auto-lock minutes, backup folder and how many backups to keep."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from unionkit.i18n import LANGUAGE_NAMES, _, pgettext
from unionkit.settings import AUTOLOCK_MAX, AUTOLOCK_MIN, BACKUP_KEEP_MAX, BACKUP_KEEP_MIN, Settings
from unionkit.ui import dialogs


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings_dialog")
        self.language = QComboBox(self)
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.autolock = QSpinBox(self)
        self.autolock.setRange(AUTOLOCK_MIN, AUTOLOCK_MAX)
        self.autolock.setValue(settings.autolock_minutes)
        self.backup_folder = QLineEdit(settings.backup_folder, self)
        self.choose = QPushButton(self)
        self.choose.clicked.connect(self._choose)
        self.keep = QSpinBox(self)
        self.keep.setRange(BACKUP_KEEP_MIN, BACKUP_KEEP_MAX)
        self.keep.setValue(settings.backup_keep)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.backup_folder, 1)
        folder_row.addWidget(self.choose)
        self.form = QFormLayout()
        self.labels = [QLabel(self) for _i in range(4)]
        for label, field in zip(self.labels, (self.language, self.autolock, folder_row, self.keep), strict=True):
            self.form.addRow(label, field)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                        QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(self.form)
        lay.addWidget(self.hint)
        lay.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(pgettext("window", "Settings"))
        for label, text in zip(self.labels, (_("Language:"), _("Lock after idle (minutes):"),
                                             _("Backup folder:"), _("Backups to keep:")), strict=True):
            label.setText(text)
        self.choose.setText(_("Choose…"))
        self.hint.setText(_("Put the backup folder on a separate drive (a USB stick kept in a safe "
                            "place), not in a cloud-synced folder."))

    def _choose(self) -> None:
        path = dialogs.choose_folder(self, _("Choose the backup folder"), self.backup_folder.text())
        if path:
            self.backup_folder.setText(str(path))

    def apply_to(self, settings: Settings) -> None:
        settings.language = self.language.currentData()
        settings.autolock_minutes = self.autolock.value()
        settings.backup_folder = self.backup_folder.text().strip() or settings.backup_folder
        settings.backup_keep = self.keep.value()
