"""A search-as-you-type field: a clearable line edit whose handler runs once the user pauses typing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLineEdit, QWidget


def debounced_search(parent: QWidget, on_search: Callable[[], None], *, delay_ms: int,
                     min_width: int) -> tuple[QLineEdit, QTimer]:
    """(field, timer): ``on_search`` runs ``delay_ms`` after the last keystroke; stop the timer to cancel."""
    field = QLineEdit(parent)
    field.setClearButtonEnabled(True)
    field.setMinimumWidth(min_width)
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(delay_ms)
    timer.timeout.connect(on_search)
    field.textChanged.connect(lambda _text: timer.start())
    return field, timer
