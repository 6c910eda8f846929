"""File-menu work on the open vault: backup, verify, restore, change passphrase, rekey.

Everything slow runs off the GUI thread behind a progress dialog; results and user errors are
reported through ``dialogs`` (which tests can answer).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from unionkit.checks import run_checks
from unionkit.errors import UnionkitError
from unionkit.i18n import _
from unionkit.settings import Settings
from unionkit.ui import dialogs
from unionkit.ui.overview_data import record_backup, record_verified
from unionkit.ui.passphrase_dialogs import ChangePassphraseDialog, ConfirmPassphraseDialog, RestoreDialog
from unionkit.ui.progress import run_with_progress
from unionkit.vault import Vault
from unionkit.vault.backup import backup_to_folder, restore_backup


class VaultActions(QObject):
    changed = Signal()  # the vault's summary changed (backup made, verified)
    restored = Signal(object)  # Path of a restored vault, to offer opening it

    def __init__(self, parent: QWidget, current: Callable[[], Vault | None], settings: Settings) -> None:
        super().__init__(parent)
        self.window = parent
        self.current = current
        self.settings = settings
        self.running = 0  # background tasks on the vault now

    def _run(self, text: str, fn: Callable, *, on_done: Callable[[Any], None],
             on_error: Callable[[BaseException], None]) -> None:
        """``run_with_progress`` that counts running tasks (auto-lock waits for them)."""
        self.running += 1

        def done(result: Any) -> None:
            self.running -= 1
            on_done(result)

        def failed(exc: BaseException) -> None:
            self.running -= 1
            on_error(exc)

        run_with_progress(self.window, text, fn, on_done=done, on_error=failed)

    def _vault(self) -> Vault | None:
        v = self.current()
        return v if v is not None and v.is_open else None

    def _user_error(self, title: str) -> Callable[[BaseException], None]:
        def show(exc: BaseException) -> None:
            if not isinstance(exc, UnionkitError):
                raise exc
            dialogs.error(self.window, title, exc.message)
        return show

    def backup_now(self) -> None:
        vault = self._vault()
        if vault is None:
            return
        folder, keep = Path(self.settings.backup_folder).expanduser(), self.settings.backup_keep

        def work(progress, _cancelled):
            info = backup_to_folder(vault, folder, keep=keep)
            record_backup(vault)
            return info

        def done(info) -> None:
            self.changed.emit()
            dialogs.info(self.window, _("Backup made"),
                         _("The encrypted backup was written and verified:\n{path}\n\nKeep a copy on a "
                           "separate drive. It opens with the current passphrase.").format(path=str(info.path)))

        self._run(_("Making an encrypted backup…"), work, on_done=done,
                          on_error=self._user_error(_("Backup failed")))

    def verify(self) -> None:
        vault = self._vault()
        if vault is None:
            return

        def work(_progress, _cancelled):
            results = run_checks(vault)
            if all(r.ok for r in results):
                record_verified(vault)
            return results

        def done(results) -> None:
            self.changed.emit()
            lines = "\n".join(("✔ " if r.ok else "✘ ") + r.message for r in results)
            if all(r.ok for r in results):
                dialogs.info(self.window, _("Vault verified"), lines)
            else:
                dialogs.warning(self.window, _("Problems found"),
                                lines + "\n\n" + _("Restore the latest good backup (File ▸ Restore backup)."))

        self._run(_("Verifying the vault…"), work, on_done=done,
                          on_error=self._user_error(_("Verification failed")))

    def change_passphrase(self) -> None:
        vault = self._vault()
        if vault is None:
            return
        dlg = ChangePassphraseDialog(self.window)
        if not dialogs.run_dialog(dlg):
            return
        old, new = dlg.old.text(), dlg.new1.text()
        dlg.deleteLater()
        self._run(_("Changing the passphrase…"),
                          lambda _p, _c: vault.change_passphrase(old, new),
                          on_done=lambda _r: dialogs.info(self.window, _("Passphrase changed"),
                                                          _("From now on the vault opens with the new "
                                                            "passphrase.")),
                          on_error=self._user_error(_("The passphrase was not changed")))

    def rekey(self) -> None:
        vault = self._vault()
        if vault is None:
            return
        dlg = ConfirmPassphraseDialog(self.window, _("Re-encrypt the vault"),
                                      _("Re-encrypts the whole database under a new random key. Do this "
                                        "if you think someone copied the vault and learned the passphrase "
                                        "— and change the passphrase too. It can take a while on a large "
                                        "vault; an interruption is safe."))
        if not dialogs.run_dialog(dlg):
            return
        passphrase = dlg.passphrase.text()
        dlg.deleteLater()
        self._run(_("Re-encrypting the vault…"),
                          lambda _p, _c: vault.rekey(passphrase),
                          on_done=lambda _r: dialogs.info(self.window, _("Vault re-encrypted"),
                                                          _("The database now uses a new key. Make a new "
                                                            "backup: older backups still use the old key.")),
                          on_error=self._user_error(_("The vault was not re-encrypted")))

    def restore(self) -> None:
        dlg = RestoreDialog(self.window, self.settings.backup_folder)
        if not dialogs.run_dialog(dlg):
            return
        backup, target, passphrase = Path(dlg.backup.text()), Path(dlg.target.text()), dlg.passphrase.text()
        dlg.deleteLater()

        def done(path: Path) -> None:
            dialogs.info(self.window, _("Backup restored"),
                         _("The backup was restored into {path}. You can open it from the start screen.")
                         .format(path=str(path)))
            self.restored.emit(path)

        self._run(_("Restoring the backup…"),
                          lambda _p, _c: restore_backup(backup, passphrase, target), on_done=done,
                          on_error=self._user_error(_("The backup was not restored")))
