"""Auto-lock after idle: an application-wide event filter notes every mouse, key, wheel and touch
event; a timer compares the time since then with the limit on an injectable clock (tests move a
FakeClock and call ``check()``)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from unionkit.clock import SYSTEM_CLOCK, Clock

ACTIVITY = {QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseMove,
            QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.Wheel, QEvent.Type.TouchBegin,
            QEvent.Type.TouchUpdate, QEvent.Type.HoverMove, QEvent.Type.Shortcut}


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, minutes: int, clock: Clock = SYSTEM_CLOCK, parent: QObject | None = None,
                 poll_ms: int = 1000) -> None:
        super().__init__(parent)
        self.clock = clock
        self.timeout_s = minutes * 60.0
        self.last_activity = clock.monotonic()
        self.active = False
        self.timer = QTimer(self)
        self.timer.setInterval(poll_ms)
        self.timer.timeout.connect(self.check)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        self.timeout_s = minutes * 60.0

    def start(self) -> None:
        """Begin watching (after unlock)."""
        self.active = True
        self.touch()
        self.timer.start()

    def stop(self) -> None:
        self.active = False
        self.timer.stop()

    def touch(self) -> None:
        self.last_activity = self.clock.monotonic()

    def idle_seconds(self) -> float:
        return self.clock.monotonic() - self.last_activity

    def check(self) -> bool:
        """Emit ``idle`` (once) when the limit has passed; returns whether it fired."""
        if self.active and self.idle_seconds() >= self.timeout_s:
            self.stop()
            self.idle.emit()
            return True
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if self.active and event.type() in ACTIVITY:
            self.last_activity = self.clock.monotonic()
        return False

    def detach(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.stop()
