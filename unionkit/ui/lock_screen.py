"""The screen shown while a vault is locked: nothing of the vault, only its folder and a passphrase."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from unionkit.i18n import _
from unionkit.ui.unlock_panel import UnlockPanel
from unionkit.vault.throttle import UnlockGuard


class LockScreen(QWidget):
    unlocked = Signal(object)  # the reopened Vault
    close_requested = Signal()

    def __init__(self, guard: UnlockGuard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setObjectName("lock_title")
        self.title.setStyleSheet("font-size: 18pt; font-weight: bold;")
        self.explain = QLabel(self)
        self.explain.setWordWrap(True)
        self.folder = QLabel(self)
        self.folder.setWordWrap(True)
        self.unlock = UnlockPanel(guard, self)
        self.unlock.opened.connect(self.unlocked)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.close_requested)
        card = QFrame(self)
        card.setMaximumWidth(560)
        inner = QVBoxLayout(card)
        inner.addWidget(self.title)
        inner.addWidget(self.explain)
        inner.addWidget(self.folder)
        inner.addSpacing(8)
        inner.addWidget(self.unlock)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.close_button)
        inner.addLayout(row)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        h = QHBoxLayout()
        h.addStretch(1)
        h.addWidget(card, 3)
        h.addStretch(1)
        outer.addLayout(h)
        outer.addStretch(2)
        outer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(_("The vault is locked"))
        self.explain.setText(_("The database is closed and its key was removed from memory. Type the "
                               "passphrase to return to where you were."))
        self._show_folder()
        self.close_button.setText(_("Back to the start screen"))
        self.unlock.retranslate()

    def set_path(self, path: Path) -> None:
        self.unlock.set_path(path)
        self.unlock.clear()
        self._show_folder()

    def _show_folder(self) -> None:
        p = self.unlock.path
        self.folder.setText(_("Vault: {path}").format(path=str(p)) if p else "")
