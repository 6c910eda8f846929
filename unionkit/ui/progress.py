"""Long work behind a window-modal progress dialog (backups, verify, rekey, restore, demo)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from unionkit.ui.workers import TaskHandle, run_task


def run_with_progress(parent: QWidget | None, text: str,
                      fn: Callable[[Callable[[float, str], None], Callable[[], bool]], Any], *,
                      on_done: Callable[[Any], None] | None = None,
                      on_error: Callable[[BaseException], None] | None = None,
                      determinate: bool = False) -> TaskHandle:
    """Run ``fn(progress, cancelled)`` off the GUI thread; a busy dialog shows until it ends."""
    dlg = QProgressDialog(text, "", 0, 100 if determinate else 0, parent)
    dlg.setCancelButton(None)
    dlg.setWindowModality(Qt.WindowModality.WindowModal)
    dlg.setMinimumDuration(0)
    dlg.setAutoClose(False)
    dlg.setAutoReset(False)
    dlg.setMinimumWidth(420)
    dlg.setObjectName("busy_dialog")
    dlg.setWindowTitle("unionkit")
    dlg.show()

    def progress(fraction: float, label: str) -> None:
        if determinate:
            dlg.setValue(int(max(0.0, min(1.0, fraction)) * 100))
        if label:
            dlg.setLabelText(label)

    def finish() -> None:
        dlg.close()
        dlg.deleteLater()

    def done(result: Any) -> None:
        finish()
        if on_done:
            on_done(result)

    def failed(exc: BaseException) -> None:
        finish()
        if on_error:
            on_error(exc)
        else:
            raise exc

    return run_task(fn, on_done=done, on_error=failed, on_progress=progress)
