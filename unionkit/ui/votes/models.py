"""A small sortable table model fed by the votes services (lists of tuples; no SQL here)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

Index = QModelIndex | QPersistentModelIndex
WARN = QBrush(QColor("#f8d7da"))


def dated(iso: str | None) -> tuple[str, str]:
    """A date cell: shown dd/mm/yyyy, sorted by its ISO text."""
    import datetime as dt

    from unionkit.formatting import format_date

    return (format_date(dt.date.fromisoformat(iso[:10])) if iso else "", iso or "")


class RowsModel(QAbstractTableModel):
    """Rows of display values plus one payload per row; sorted in Python. A cell may be a
    ``(display, sort key)`` tuple (dates shown dd/mm/yyyy sort by their ISO text)."""

    def __init__(self, headers: Callable[[], Sequence[str]], parent=None) -> None:
        super().__init__(parent)
        self._headers = headers
        self._rows: list[list[Any]] = []
        self._payload: list[Any] = []
        self._flagged: list[bool] = []
        self._numeric: set[int] = set()

    def set_rows(self, rows: Sequence[Sequence[Any]], payload: Sequence[Any] | None = None,
                 flagged: Sequence[bool] | None = None, numeric: Sequence[int] = ()) -> None:
        self.beginResetModel()
        self._rows = [list(r) for r in rows]
        self._payload = list(payload) if payload is not None else [None] * len(self._rows)
        self._flagged = list(flagged) if flagged is not None else [False] * len(self._rows)
        self._numeric = set(numeric)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def payload(self, row: int) -> Any:
        return self._payload[row] if 0 <= row < len(self._payload) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return len(self._headers())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self._rows[index.row()][index.column()]
        if isinstance(value, tuple):
            value = value[0]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.BackgroundRole and self._flagged[index.row()]:
            return WARN
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self._numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            h = self._headers()
            return h[section] if section < len(h) else None
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        def key(i: int):
            v = self._rows[i][column]
            if isinstance(v, tuple):
                v = v[1]
            return (0, v, "") if isinstance(v, int | float) else (1, 0, str(v or "").casefold())

        idx = sorted(range(len(self._rows)), key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutAboutToBeChanged.emit()
        self._rows = [self._rows[i] for i in idx]
        self._payload = [self._payload[i] for i in idx]
        self._flagged = [self._flagged[i] for i in idx]
        self.layoutChanged.emit()
