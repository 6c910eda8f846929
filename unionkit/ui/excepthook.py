"""An unexpected exception is logged without personal data and shown in a dialog, not a crash.

The log (``crash.log`` in the config folder, 0600) gets the exception's type and the traceback
frames (file, line, function) only: never the exception's message, arguments or local variables,
which may hold a member's name or a passphrase (SECURITY R19).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType

from unionkit import __version__
from unionkit.errors import UnionkitError
from unionkit.fsutil import FILE_MODE, make_private_dir
from unionkit.i18n import _
from unionkit.paths import config_dir

log = logging.getLogger(__name__)
LOG_NAME = "crash.log"
MAX_LOG_BYTES = 256 * 1024
_showing = False


def log_path() -> Path:
    return config_dir() / LOG_NAME


def redacted_report(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    """Type and frames only; file names are shown relative to the package when possible."""
    lines = [f"{dt.datetime.now(dt.UTC).isoformat(timespec='seconds')} unionkit {__version__} "
             f"Python {sys.version.split()[0]}",
             f"{exc_type.__module__}.{exc_type.__qualname__}"]
    for frame in traceback.extract_tb(tb):
        name = frame.filename
        marker = name.rfind("unionkit")
        short = name[marker:] if marker >= 0 else Path(name).name
        lines.append(f"  {short}:{frame.lineno} in {frame.name}")
    return "\n".join(lines) + "\n"


def write_log(report: str) -> Path:
    path = log_path()
    make_private_dir(path.parent)
    if path.exists() and path.stat().st_size > MAX_LOG_BYTES:
        path.unlink()
    with open(path, "a", encoding="utf-8", opener=lambda p, f: os.open(p, f, FILE_MODE)) as fh:
        fh.write(report + "\n")
    path.chmod(FILE_MODE)
    return path


def handle(exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None) -> None:
    """The sys.excepthook: log, then tell the user (at most one dialog at a time)."""
    global _showing
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    try:
        path = write_log(redacted_report(exc_type, tb))
    except OSError:
        path = None
    log.error("unexpected %s", exc_type.__qualname__)
    if _showing or not _can_show_dialog():
        return
    _showing = True
    try:
        from unionkit.ui import dialogs

        if isinstance(exc, UnionkitError):
            dialogs.error(None, _("unionkit"), exc.message)
            return
        text = _("Something unexpected went wrong. Your data in the vault is safe: nothing was "
                 "saved halfway. You can keep working; if it happens again, please restart unionkit.")
        detail = (_("A technical report without personal data was written to {path}.")
                  .format(path=str(path)) if path else None)
        dialogs.error(None, _("Unexpected error"), text, detail)
    finally:
        _showing = False


def _can_show_dialog() -> bool:
    """Only on the GUI thread of a living application (not at quit, not from a worker)."""
    from PySide6.QtCore import QCoreApplication, QThread

    app = QCoreApplication.instance()
    return app is not None and QThread.currentThread() is app.thread() and not app.closingDown()


def install() -> None:
    sys.excepthook = handle
