"""Lock the vault when the desktop locks or the computer goes to sleep (SECURITY R15), as KeePassXC's
ScreenLockListenerDBus: D-Bus signals of the common screen savers on the session bus and logind's
PrepareForSleep on the system bus. Without a bus (Windows, macOS, CI) it simply never fires."""

from __future__ import annotations

import logging

from PySide6.QtCore import SLOT, QObject, Signal, Slot

log = logging.getLogger(__name__)

# (path, interface, signal) on the session bus; the argument is "active/locked".
SESSION_SIGNALS = (
    ("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver", "ActiveChanged"),
    ("/ScreenSaver", "org.freedesktop.ScreenSaver", "ActiveChanged"),
    ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "ActiveChanged"),
    ("/org/mate/ScreenSaver", "org.mate.ScreenSaver", "ActiveChanged"),
    ("/org/xfce/ScreenSaver", "org.xfce.ScreenSaver", "ActiveChanged"),
    ("/com/canonical/Unity/Session", "com.canonical.Unity.Session", "Locked"),
)
LOGIND = ("org.freedesktop.login1", "/org/freedesktop/login1", "org.freedesktop.login1.Manager",
          "PrepareForSleep")


class ScreenLockListener(QObject):
    screen_locked = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.connected: list[str] = []
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:  # pragma: no cover - QtDBus missing from the build
            return
        session = QDBusConnection.sessionBus()
        if session.isConnected():
            for path, interface, name in SESSION_SIGNALS:
                slot = "on_unity_locked()" if name == "Locked" else "on_active_changed(bool)"
                if session.connect("", path, interface, name, self, SLOT(slot)):
                    self.connected.append(f"{interface}.{name}")
        system = QDBusConnection.systemBus()
        if system.isConnected():
            service, path, interface, name = LOGIND
            if system.connect(service, path, interface, name, self, SLOT("on_prepare_for_sleep(bool)")):
                self.connected.append(f"{interface}.{name}")
        log.debug("screen-lock listener on %s", self.connected)

    @Slot(bool)
    def on_active_changed(self, active: bool) -> None:
        if active:
            self.screen_locked.emit()

    @Slot()
    def on_unity_locked(self) -> None:
        self.screen_locked.emit()

    @Slot(bool)
    def on_prepare_for_sleep(self, going_to_sleep: bool) -> None:
        if going_to_sleep:
            self.screen_locked.emit()
