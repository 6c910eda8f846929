"""A small sortable table model for short lists fed by a service (no SQL here).

Rows of display values plus one payload per row, sorted in Python (these lists are short; big
tables have their own lazy, SQL-sorted models). A cell may be a ``(display, sort key)`` tuple, e.g.
a date shown dd/mm/yyyy that sorts by its ISO text; ``formatters`` map a column to a display
function instead. Integer cells and ``numeric`` columns are right-aligned; ``flagged`` rows are
highlighted.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

Index = QModelIndex | QPersistentModelIndex
WARN = QBrush(QColor("#f8d7da"))


class RowsModel(QAbstractTableModel):
    def __init__(self, headers: Callable[[], Sequence[str]], parent=None) -> None:
        super().__init__(parent)
        self._headers = headers
        self._rows: list[list[Any]] = []
        self._payload: list[Any] = []
        self._flagged: list[bool] = []
        self._numeric: set[int] = set()
        self._fmt: dict[int, Callable[[Any], str]] = {}

    def set_rows(self, rows: Sequence[Sequence[Any]], payload: Sequence[Any] | None = None, *,
                 flagged: Sequence[bool] | None = None, numeric: Sequence[int] = (),
                 formatters: dict[int, Callable[[Any], str]] | None = None) -> None:
        self.beginResetModel()
        self._rows = [list(r) for r in rows]
        self._payload = list(payload) if payload is not None else [None] * len(self._rows)
        self._flagged = list(flagged) if flagged is not None else [False] * len(self._rows)
        self._numeric = set(numeric)
        self._fmt = dict(formatters or {})
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def payload(self, row: int) -> Any:
        return self._payload[row] if 0 <= row < len(self._payload) else None

    def row_of(self, payload: Any) -> int:
        return self._payload.index(payload) if payload in self._payload else -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return len(self._headers())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        col = index.column()
        value = self._rows[index.row()][col]
        if isinstance(value, tuple):
            value = value[0]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col in self._fmt:
                return self._fmt[col](value)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.BackgroundRole and self._flagged[index.row()]:
            return WARN
        if role == Qt.ItemDataRole.TextAlignmentRole and (col in self._numeric or
                                                          (isinstance(value, int) and not isinstance(value, bool))):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            headers = self._headers()
            return headers[section] if section < len(headers) else None
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        def key(i: int) -> tuple:
            v = self._rows[i][column]
            if isinstance(v, tuple):
                v = v[1]
            if v is None:
                return (2, 0, "")
            return (0, v, "") if isinstance(v, int | float) else (1, 0, str(v).casefold())

        idx = sorted(range(len(self._rows)), key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutAboutToBeChanged.emit()
        self._rows = [self._rows[i] for i in idx]
        self._payload = [self._payload[i] for i in idx]
        self._flagged = [self._flagged[i] for i in idx]
        self.layoutChanged.emit()
