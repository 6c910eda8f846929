"""The vault session: open → locked → open again, or closed (back to the start screen).

Locking saves where the user was, hands ``None`` to every page (views cleared), closes the
database (the key is zeroed by ``Vault.close``) and clears the clipboard. Unlocking the same vault
gives the pages the vault again and restores where the user was.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QProgressDialog

from unionkit import settings as settings_store
from unionkit.settings import Settings
from unionkit.ui.autolock import IdleWatcher
from unionkit.ui.workspace import Workspace
from unionkit.vault import Vault

log = logging.getLogger(__name__)

START, OPEN, LOCKED = "start", "open", "locked"


def close_dialogs() -> None:
    """Close every open dialog (a member's form, a question) before the views are cleared.

    Progress dialogs stay: their task ends by itself and closes them."""
    app = QApplication.instance()
    if app is None:
        return
    for w in app.topLevelWidgets():
        if isinstance(w, (QDialog, QMessageBox)) and not isinstance(w, QProgressDialog) and w.isVisible():
            w.reject()


class Session(QObject):
    changed = Signal(str)  # the new state

    def __init__(self, workspace: Workspace, idle: IdleWatcher, settings: Settings,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.idle = idle
        self.settings = settings
        self.vault: Vault | None = None
        self.path: Path | None = None
        self.saved_state: dict = {}
        self.state = START
        self.transient: set[Path] = set()  # demo vaults: never listed among the recent vaults
        self.busy: Callable[[], bool] = lambda: False  # a background task holds the vault
        idle.idle.connect(self._idle)

    def opened(self, vault: Vault) -> None:
        """A vault was unlocked (from the start screen or the lock screen)."""
        same = self.path is not None and Path(vault.folder).resolve() == self.path.resolve()
        if self.vault is not None and self.vault is not vault:
            self.close()
        self.vault, self.path = vault, Path(vault.folder)
        if Path(vault.folder).resolve() not in self.transient:
            self.settings.add_recent(vault.folder)
            try:
                settings_store.save(self.settings)
            except OSError:
                log.warning("could not save settings")
        self.workspace.set_vault(vault)
        if same and self.saved_state:
            self.workspace.restore_state(self.saved_state)
        elif not same:
            self.workspace.show_page("vault")
        self.saved_state = {}
        self.idle.set_minutes(self.settings.autolock_minutes)
        self.idle.start()
        self._set(OPEN)

    def _idle(self) -> None:
        """Auto-lock, unless a backup or rekey is running: then look again after the next period."""
        if self.busy():
            self.idle.start()
            return
        self.lock()

    def lock(self) -> None:
        if self.vault is None:
            return
        self.saved_state = self.workspace.save_state()
        self._drop_vault()
        self._set(LOCKED)

    def close(self) -> None:
        """Close the vault for good (or forget the locked one) and go back to the start screen."""
        self._drop_vault()
        self.path = None
        self.saved_state = {}
        self._set(START)

    def _drop_vault(self) -> None:
        self.idle.stop()
        close_dialogs()
        self.workspace.set_vault(None)
        vault, self.vault = self.vault, None
        if vault is not None:
            vault.close()
        clipboard = QApplication.clipboard() if QApplication.instance() else None
        if clipboard is not None:
            clipboard.clear()

    def _set(self, state: str) -> None:
        self.state = state
        self.changed.emit(state)
