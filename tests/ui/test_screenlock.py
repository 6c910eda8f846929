"""Locking when the desktop locks or the computer sleeps (D-Bus), on a private session bus."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from unionkit.ui.session import LOCKED

from .helpers import open_through_ui

ROOT = Path(__file__).resolve().parents[2]


def test_screen_lock_signal_locks_the_vault(qtbot, make_window, vault_path):
    w = make_window()
    open_through_ui(qtbot, w, vault_path)
    w.screen_lock.on_active_changed(False)
    assert w.session.state != LOCKED
    w.screen_lock.on_prepare_for_sleep(True)
    assert w.session.state == LOCKED


@pytest.mark.skipif(not shutil.which("dbus-run-session") or not shutil.which("dbus-send"),
                    reason="needs dbus-run-session and dbus-send")
def test_listener_hears_the_screensaver_on_a_real_session_bus(tmp_path):
    code = textwrap.dedent("""
        import subprocess
        from PySide6.QtCore import QCoreApplication, QTimer
        from unionkit.ui.screenlock import ScreenLockListener
        app = QCoreApplication([])
        listener = ScreenLockListener()
        listener.screen_locked.connect(lambda: (print("LOCKED", flush=True), app.quit()))
        QTimer.singleShot(100, lambda: subprocess.run(["dbus-send", "--session", "--type=signal",
            "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver.ActiveChanged", "boolean:true"]))
        QTimer.singleShot(10000, app.quit)
        app.exec()
    """)
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(["dbus-run-session", "--", sys.executable, "-c", code], env=env,
                         capture_output=True, text=True, timeout=60)
    assert "LOCKED" in out.stdout, out.stderr
