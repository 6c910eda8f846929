"""Small forms: change the passphrase, confirm it (rekey), restore a backup to a new folder."""

from __future__ import annotations

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

from unionkit.i18n import _
from unionkit.paths import default_vault_dir
from unionkit.ui import dialogs
from unionkit.ui.strength import MIN_SCORE, StrengthMeter
from unionkit.ui.unlock_panel import ERROR_STYLE
from unionkit.vault.backup import SUFFIX


def _secret(parent: QWidget) -> QLineEdit:
    e = QLineEdit(parent)
    e.setEchoMode(QLineEdit.EchoMode.Password)
    return e


class _Form(QDialog):
    def __init__(self, parent: QWidget | None, title: str, intro: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.intro = QLabel(intro, self)
        self.intro.setWordWrap(True)
        self.form = QFormLayout()
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                        QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addLayout(self.form)
        lay.addWidget(self.message)
        lay.addWidget(self.buttons)

    def problem(self) -> str:
        return ""

    def accept(self) -> None:
        problem = self.problem()
        if problem:
            self.message.setText(problem)
            return
        super().accept()


class ChangePassphraseDialog(_Form):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, _("Change the passphrase"),
                         _("The data is not re-encrypted: only the key that opens it is wrapped again "
                           "under the new passphrase. Backups made before keep the old passphrase."))
        self.old, self.new1, self.new2 = _secret(self), _secret(self), _secret(self)
        self.meter = StrengthMeter(self)
        self.new1.textChanged.connect(self.meter.update_for)
        self.form.addRow(_("Current passphrase:"), self.old)
        self.form.addRow(_("New passphrase:"), self.new1)
        self.form.addRow(_("New passphrase again:"), self.new2)
        self.form.addRow("", self.meter)

    def problem(self) -> str:
        if not self.old.text():
            return _("Type the current passphrase.")
        if self.meter.current < MIN_SCORE:
            return _("The passphrase is too weak: use a longer one, for example four or five words.")
        if self.new1.text() != self.new2.text():
            return _("The two passphrases are not the same.")
        return ""


class ConfirmPassphraseDialog(_Form):
    def __init__(self, parent: QWidget | None, title: str, intro: str) -> None:
        super().__init__(parent, title, intro)
        self.passphrase = _secret(self)
        self.form.addRow(_("Passphrase:"), self.passphrase)

    def problem(self) -> str:
        return "" if self.passphrase.text() else _("Type the passphrase.")


class RestoreDialog(_Form):
    def __init__(self, parent: QWidget | None = None, backup_folder: str = "") -> None:
        super().__init__(parent, _("Restore a backup"),
                         _("The backup is restored into a new, empty folder; the vault you have open "
                           "is not touched. Type the passphrase that was valid when the backup was made."))
        self.backup_folder = backup_folder
        self.backup = QLineEdit(self)
        pick_backup = QPushButton(_("Choose…"), self)
        pick_backup.clicked.connect(self._pick_backup)
        self.target = QLineEdit(self)
        pick_target = QPushButton(_("Choose…"), self)
        pick_target.clicked.connect(self._pick_target)
        self.passphrase = _secret(self)
        for label, edit, button in ((_("Backup file:"), self.backup, pick_backup),
                                    (_("Restore into the new folder:"), self.target, pick_target)):
            row = QHBoxLayout()
            row.addWidget(edit, 1)
            row.addWidget(button)
            self.form.addRow(label, row)
        self.form.addRow(_("Passphrase of the backup:"), self.passphrase)

    def _pick_backup(self) -> None:
        path = dialogs.choose_open_file(self, _("Choose a backup file"), self.backup_folder,
                                        _("unionkit backups (*{suffix})").format(suffix=SUFFIX))
        if path:
            self.backup.setText(str(path))
            if not self.target.text():
                self.target.setText(str(default_vault_dir() / (path.stem + "-restored")))

    def _pick_target(self) -> None:
        path = dialogs.choose_folder(self, _("Where should the restored vault go?"), default_vault_dir())
        if path:
            self.target.setText(str(path / "restored-vault") if any(path.iterdir()) else str(path))

    def problem(self) -> str:
        if not self.backup.text() or not Path(self.backup.text()).is_file():
            return _("Choose the backup file.")
        if not self.target.text():
            return _("Choose a new folder to restore into.")
        if not self.passphrase.text():
            return _("Type the passphrase.")
        return ""
