"""The main window: wiring only. Start screen, workspace and lock screen in one stack; the session
moves between them; menus, status bar, settings, auto-lock and the demo are hooked up here."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget, QWidget

from unionkit import settings as settings_store
from unionkit.clock import SYSTEM_CLOCK, Clock
from unionkit.demo import DEMO_PASSPHRASE
from unionkit.i18n import _, pgettext
from unionkit.settings import Settings
from unionkit.ui.about import show_about
from unionkit.ui.app import apply_language
from unionkit.ui.area import AreaPage
from unionkit.ui.autolock import IdleWatcher
from unionkit.ui.demo_launcher import DemoLauncher, demo_note
from unionkit.ui.dialogs import run_dialog
from unionkit.ui.lock_screen import LockScreen
from unionkit.ui.menus import Menus
from unionkit.ui.screenlock import ScreenLockListener
from unionkit.ui.session import LOCKED, OPEN, START, Session
from unionkit.ui.settings_dialog import SettingsDialog
from unionkit.ui.start_screen import StartScreen
from unionkit.ui.vault_actions import VaultActions
from unionkit.ui.workers import run_task
from unionkit.ui.workspace import Workspace, preload_area_modules
from unionkit.vault.throttle import UnlockGuard


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings | None = None, *, clock: Clock = SYSTEM_CLOCK,
                 guard: UnlockGuard | None = None, pages: list[AreaPage] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.settings = settings if settings is not None else settings_store.load()
        self.guard = guard or UnlockGuard(clock)
        self.start = StartScreen(self.settings, self.guard, self)
        self.workspace = Workspace(self, pages)
        self.lock_screen = LockScreen(self.guard, self)
        self.stack = QStackedWidget(self)
        for w in (self.start, self.workspace, self.lock_screen):
            self.stack.addWidget(w)
        self.setCentralWidget(self.stack)
        self.idle = IdleWatcher(self.settings.autolock_minutes, clock, self)
        self.session = Session(self.workspace, self.idle, self.settings, self)
        self.vault_actions = VaultActions(self, lambda: self.session.vault, self.settings)
        self.demo = DemoLauncher(self, self.show_demo)
        self.session.busy = lambda: self.vault_actions.running > 0
        self.screen_lock = ScreenLockListener(self)
        self.screen_lock.screen_locked.connect(self.session.lock)
        self.menus = Menus(self, {
            "backup": self.vault_actions.backup_now, "verify": self.vault_actions.verify,
            "restore": self.vault_actions.restore, "passphrase": self.vault_actions.change_passphrase,
            "rekey": self.vault_actions.rekey, "settings": self.open_settings, "lock": self.session.lock,
            "close": self.session.close, "quit": self.close, "about": lambda: show_about(self)})
        self.status_vault, self.status_lock = QLabel(self), QLabel(self)
        self.status_lock.setObjectName("status_lock")
        self.statusBar().addWidget(self.status_vault, 1)
        self.statusBar().addPermanentWidget(self.status_lock)
        self.start.opened.connect(self.session.opened)
        self.start.demo_requested.connect(self.demo.start)
        self.lock_screen.unlocked.connect(self.session.opened)
        self.lock_screen.close_requested.connect(self.session.close)
        self.session.changed.connect(self._state_changed)
        self.workspace.overview.backup_requested.connect(self.vault_actions.backup_now)
        self.workspace.overview.verify_requested.connect(self.vault_actions.verify)
        self.vault_actions.changed.connect(lambda: self.workspace.overview.refresh(self.session.vault))
        self.vault_actions.restored.connect(self._restored)
        self._restore_geometry()
        self._state_changed(START)
        if self.workspace.pending:  # import the area pages while the user types the passphrase
            run_task(preload_area_modules, on_done=lambda _r: self.workspace.load_pages_now(),
                     on_error=lambda _e: self.workspace.load_pages_now())

    # -- state -------------------------------------------------------------------------------
    def _state_changed(self, state: str) -> None:
        if state == OPEN:
            self.stack.setCurrentWidget(self.workspace)
        elif state == LOCKED:
            self.lock_screen.set_path(self.session.path)
            self.stack.setCurrentWidget(self.lock_screen)
        else:
            self.start.show_open()
            self.stack.setCurrentWidget(self.start)
        self.menus.set_vault_open(state == OPEN)
        self._update_status()

    def _update_status(self) -> None:
        state, vault = self.session.state, self.session.vault
        if state == OPEN and vault is not None:
            self.status_vault.setText(_("Vault: {name}").format(name=vault.union_name))
            self.status_lock.setText(_("Unlocked — locks after {n} min idle")
                                     .format(n=self.settings.autolock_minutes))
        elif state == LOCKED and self.session.path is not None:
            self.status_vault.setText(_("Vault: {name}").format(name=self.session.path.name))
            self.status_lock.setText(pgettext("vault state", "Locked"))
        else:
            self.status_vault.setText(_("No vault open"))
            self.status_lock.setText("")

    def show_demo(self, path: Path) -> None:
        self.session.close()
        self.start.show_open(path, note=demo_note(), passphrase=DEMO_PASSPHRASE)
        self.start.open_panel.unlock.show_pass.setChecked(True)
        self.session.transient.add(Path(path).resolve())

    def _restored(self, path: Path) -> None:
        if self.session.state == START:
            self.start.show_open(Path(path))

    # -- settings and language ---------------------------------------------------------------
    def open_settings(self) -> None:
        dlg = SettingsDialog(self.settings, self)
        if run_dialog(dlg):
            old_language = self.settings.language
            dlg.apply_to(self.settings)
            settings_store.save(self.settings)
            self.idle.set_minutes(self.settings.autolock_minutes)
            if self.settings.language != old_language:
                self.set_language(self.settings.language)
            self._update_status()
        dlg.deleteLater()

    def set_language(self, language: str) -> None:
        apply_language(language)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle("unionkit")
        self.menus.retranslate()
        self.start.retranslate()
        self.workspace.retranslate()
        self.lock_screen.retranslate()
        self._update_status()

    # -- geometry and quitting ---------------------------------------------------------------
    def _restore_geometry(self) -> None:
        self.resize(1200, 800)
        if self.settings.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(self.settings.window_geometry.encode("ascii")))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self.settings.window_geometry = bytes(self.saveGeometry().toBase64()).decode("ascii")
        try:
            settings_store.save(self.settings)
        except OSError:
            pass
        self.session.close()
        self.idle.detach()
        self.demo.cleanup()
        super().closeEvent(event)
