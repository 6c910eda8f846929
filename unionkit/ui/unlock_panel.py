"""The passphrase field that opens a vault: the KDF runs off the GUI thread behind a busy bar,
wrong passphrases are counted by ``UnlockGuard`` and a growing wait is shown as a countdown."""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton, QVBoxLayout, QWidget

from unionkit.errors import ThrottledUnlock, UnionkitError, WrongPassphrase
from unionkit.i18n import _, ngettext, pgettext
from unionkit.ui.workers import run_task
from unionkit.vault.throttle import UnlockGuard

ERROR_STYLE = "color: #b3261e; font-weight: bold;"


class UnlockPanel(QWidget):
    opened = Signal(object)  # the open Vault

    def __init__(self, guard: UnlockGuard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.guard = guard
        self.path: Path | None = None
        self.busy = False
        self.prompt = QLabel(self)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setObjectName("unlock_passphrase")
        self.passphrase.returnPressed.connect(self.attempt)
        self.show_pass = QCheckBox(self)
        self.show_pass.toggled.connect(lambda on: self.passphrase.setEchoMode(
            QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password))
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("unlock_button")
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self.attempt)
        self.message = QLabel(self)
        self.message.setObjectName("unlock_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setMaximumHeight(10)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.status = QLabel(self)
        self.status.hide()
        row = QHBoxLayout()
        row.addWidget(self.passphrase, 1)
        row.addWidget(self.open_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.prompt)
        lay.addLayout(row)
        lay.addWidget(self.show_pass)
        lay.addWidget(self.progress)
        lay.addWidget(self.status)
        lay.addWidget(self.message)
        self.countdown = QTimer(self)
        self.countdown.setInterval(1000)
        self.countdown.timeout.connect(self.refresh_throttle)
        self.retranslate()

    def retranslate(self) -> None:
        self.prompt.setText(_("Passphrase:"))
        self.passphrase.setPlaceholderText(_("Type the vault's passphrase"))
        self.show_pass.setText(_("Show passphrase"))
        self.open_button.setText(pgettext("button", "Open"))
        self.status.setText(_("Checking the passphrase…"))
        if self.countdown.isActive():
            self.refresh_throttle()

    def set_path(self, path: Path | None) -> None:
        self.path = Path(path) if path else None
        self.message.clear()
        self.refresh_throttle()

    def set_passphrase(self, text: str) -> None:
        self.passphrase.setText(text)

    def clear(self) -> None:
        self.passphrase.clear()
        self.message.clear()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.progress.setVisible(busy)
        self.status.setVisible(busy)
        self.passphrase.setEnabled(not busy)
        self.open_button.setEnabled(not busy and not self.countdown.isActive())

    def refresh_throttle(self) -> float:
        """Show the remaining wait (if any) and keep the button disabled until it is over."""
        wait = self.guard.wait_seconds(self.path) if self.path else 0.0
        if wait > 0:
            secs = math.ceil(wait)
            self.message.setText(ngettext("Too many wrong passphrases. Wait {n} second before trying again.",
                                          "Too many wrong passphrases. Wait {n} seconds before trying again.",
                                          secs).format(n=secs))
            self.open_button.setEnabled(False)
            if not self.countdown.isActive():
                self.countdown.start()
        elif self.countdown.isActive():
            self.countdown.stop()
            self.message.clear()
            self.open_button.setEnabled(not self.busy)
        return wait

    def attempt(self) -> None:
        if self.busy:
            return
        if self.path is None:
            self.message.setText(_("Choose a vault first."))
            return
        if self.refresh_throttle() > 0:
            return
        text = self.passphrase.text()
        if not text:
            self.message.setText(_("Type the passphrase."))
            return
        path = self.path
        self.message.clear()
        self.status.setText(_("Checking the passphrase…"))  # a previous open may have shown an upgrade
        self._set_busy(True)
        run_task(lambda progress, _cancelled: self.guard.open(path, text, progress),
                 on_done=self._done, on_error=self._failed, on_progress=self._progress)

    def _progress(self, _fraction: float, text: str) -> None:
        self.status.setText(text)  # an upgrade after the passphrase was accepted

    def _done(self, vault: object) -> None:
        self._set_busy(False)
        self.passphrase.clear()
        self.opened.emit(vault)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, WrongPassphrase):
            self.message.setText(_("Wrong passphrase. Check it and try again (is Caps Lock on?)."))
            self.passphrase.selectAll()
            self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)
            self.refresh_throttle()
        elif isinstance(exc, ThrottledUnlock):
            self.refresh_throttle()
        elif isinstance(exc, UnionkitError):
            self.message.setText(exc.message)
        else:
            raise exc
