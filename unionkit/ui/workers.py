"""Long work off the GUI thread (Picard's run_task idea): QRunnable on the global QThreadPool,
progress and results delivered back on the GUI thread through signals, cooperative cancel.

``fn(progress, cancelled)`` runs in the worker: call ``progress(fraction, text)`` now and then and
stop early when ``cancelled()`` is true. Tests may set ``SYNCHRONOUS = True`` to run inline.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)
SYNCHRONOUS = False
_alive: set[TaskHandle] = set()


class _Signals(QObject):
    progress = Signal(float, str)
    done = Signal(object)
    failed = Signal(object)


class TaskHandle:
    """Keeps the signals alive until the task ends; ``cancel()`` asks the work to stop."""

    def __init__(self) -> None:
        self.signals = _Signals()
        self._cancel = threading.Event()
        self.finished = False

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()


class _Runnable(QRunnable):
    def __init__(self, fn: Callable, handle: TaskHandle) -> None:
        super().__init__()
        self.fn = fn
        self.handle = handle
        self.setAutoDelete(True)

    def run(self) -> None:
        h = self.handle
        try:
            result = self.fn(lambda f, t="": h.signals.progress.emit(float(f), str(t)), h.cancelled)
        except BaseException as exc:  # delivered to on_error on the GUI thread
            h.signals.failed.emit(exc)
        else:
            h.signals.done.emit(result)


def run_task(fn: Callable[[Callable[[float, str], None], Callable[[], bool]], Any], *,
             on_done: Callable[[Any], None] | None = None,
             on_error: Callable[[BaseException], None] | None = None,
             on_progress: Callable[[float, str], None] | None = None) -> TaskHandle:
    handle = TaskHandle()
    _alive.add(handle)

    def finish() -> None:
        handle.finished = True
        _alive.discard(handle)

    def done(result: Any) -> None:
        finish()
        if on_done:
            on_done(result)

    def failed(exc: BaseException) -> None:
        finish()
        if on_error:
            on_error(exc)
        else:
            log.error("background task failed: %s", type(exc).__name__)

    handle.signals.done.connect(done)
    handle.signals.failed.connect(failed)
    if on_progress:
        handle.signals.progress.connect(on_progress)
    runnable = _Runnable(fn, handle)
    if SYNCHRONOUS:
        runnable.run()
    else:
        QThreadPool.globalInstance().start(runnable)
    return handle
