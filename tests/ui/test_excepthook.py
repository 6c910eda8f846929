"""An unexpected exception is logged without personal data and shown in a dialog."""

from __future__ import annotations

import os
import stat
import sys

from unionkit.errors import ValidationError
from unionkit.ui import excepthook

SENTINEL = "Pérez Sentinela CURP PESX800101HDFRRN09"


def _boom(name):
    secret_local = name  # noqa: F841  (locals must not reach the log)
    raise RuntimeError(f"failed for {name}")


def test_unexpected_exception_is_logged_without_personal_data(qapp, answered_dialogs):
    try:
        _boom(SENTINEL)
    except RuntimeError:
        excepthook.handle(*sys.exc_info())
    kinds = [h[0] for h in answered_dialogs.history]
    assert kinds == ["error"]
    title, text = answered_dialogs.history[0][1:]
    assert title == "Error inesperado" and "a salvo" in text
    assert SENTINEL not in text
    log = excepthook.log_path()
    content = log.read_text(encoding="utf-8")
    assert "builtins.RuntimeError" in content
    assert "test_excepthook.py" in content and "_boom" in content
    assert SENTINEL not in content and "Pérez" not in content and "failed for" not in content
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    assert stat.S_IMODE(log.parent.stat().st_mode) == 0o700


def test_user_error_shows_its_message(qapp, answered_dialogs):
    try:
        raise ValidationError("Mensaje para la persona usuaria")
    except ValidationError:
        excepthook.handle(*sys.exc_info())
    assert answered_dialogs.history[-1][2] == "Mensaje para la persona usuaria"


def test_exception_in_a_slot_is_logged_and_the_app_survives(tmp_path):
    """In a real process: a slot raises, our hook logs it and the event loop goes on."""
    import subprocess
    import textwrap

    code = textwrap.dedent(f"""
        import sys
        from PySide6.QtCore import QTimer
        from unionkit.ui import dialogs
        from unionkit.ui.app import make_app
        dialogs.AUTO = True
        app = make_app([sys.argv[0]])
        def boom():
            name = {SENTINEL!r}
            raise KeyError(name)
        QTimer.singleShot(0, boom)
        QTimer.singleShot(50, lambda: (print("alive", len(dialogs.history)), app.quit()))
        app.exec()
    """)
    env = dict(os.environ, UNIONKIT_CONFIG_DIR=str(tmp_path / "cfg"), QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert "alive 1" in out.stdout, out.stderr
    log = (tmp_path / "cfg" / "crash.log").read_text(encoding="utf-8")
    assert "builtins.KeyError" in log and "in boom" in log
    assert SENTINEL not in log and SENTINEL not in out.stderr
