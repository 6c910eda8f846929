"""The menu bar: File (backup, restore, passphrase, rekey, settings, lock, close, quit) and Help."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from unionkit.i18n import _

# name -> (shortcut, needs an open vault); the texts are set in retranslate()
ACTIONS: dict[str, tuple[str | None, bool]] = {
    "backup": ("Ctrl+B", True),
    "verify": (None, True),
    "restore": (None, False),
    "passphrase": (None, True),
    "rekey": (None, True),
    "settings": ("Ctrl+,", False),
    "lock": ("Ctrl+L", True),
    "close": ("Ctrl+W", True),
    "quit": ("Ctrl+Q", False),
    "about": (None, False),
}


class Menus:
    def __init__(self, window: QMainWindow, handlers: dict[str, Callable[[], None]]) -> None:
        self.actions: dict[str, QAction] = {}
        bar = window.menuBar()
        self.file_menu = QMenu(window)
        self.help_menu = QMenu(window)
        bar.addMenu(self.file_menu)
        bar.addMenu(self.help_menu)
        for name, (shortcut, _needs) in ACTIONS.items():
            action = QAction(window)
            action.setObjectName(f"action_{name}")
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(lambda _checked=False, h=handlers[name]: h())
            self.actions[name] = action
            window.addAction(action)  # shortcuts work while the menu bar is hidden too
        groups = (("backup", "verify", "restore"), ("passphrase", "rekey"), ("settings",),
                  ("lock", "close", "quit"))
        for i, group in enumerate(groups):
            if i:
                self.file_menu.addSeparator()
            for name in group:
                self.file_menu.addAction(self.actions[name])
        self.help_menu.addAction(self.actions["about"])
        self.retranslate()

    def retranslate(self) -> None:
        self.file_menu.setTitle(_("&File"))
        self.help_menu.setTitle(_("&Help"))
        texts = {
            "backup": _("&Back up now"),
            "verify": _("&Verify the vault"),
            "restore": _("&Restore a backup…"),
            "passphrase": _("Change the &passphrase…"),
            "rekey": _("Re-&encrypt the vault…"),
            "settings": _("&Settings…"),
            "lock": _("&Lock"),
            "close": _("&Close the vault"),
            "quit": _("&Quit"),
            "about": _("&About unionkit"),
        }
        for name, text in texts.items():
            self.actions[name].setText(text)

    def set_vault_open(self, is_open: bool) -> None:
        for name, (_shortcut, needs) in ACTIONS.items():
            if needs:
                self.actions[name].setEnabled(is_open)
