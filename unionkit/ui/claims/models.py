"""A small sortable table model fed by the claims services (lists of tuples; no SQL here)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """Rows of display values plus one payload per row; sorted in Python (a case has few rows)."""

    def __init__(self, headers: Callable[[], Sequence[str]], parent=None) -> None:
        super().__init__(parent)
        self._headers = headers
        self._rows: list[list[Any]] = []
        self._payload: list[Any] = []
        self._fmt: dict[int, Callable[[Any], str]] = {}

    def set_rows(self, rows: Sequence[Sequence[Any]], payload: Sequence[Any] | None = None,
                 formatters: dict[int, Callable[[Any], str]] | None = None) -> None:
        """``formatters``: column -> display function (the raw value is what sorts, e.g. ISO dates)."""
        self.beginResetModel()
        self._fmt = dict(formatters or {})
        self._rows = [list(r) for r in rows]
        self._payload = list(payload) if payload is not None else [None] * len(self._rows)
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
        value = self._rows[index.row()][index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() in self._fmt:
                return self._fmt[index.column()](value)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            headers = self._headers()
            return headers[section] if section < len(headers) else None
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        pairs = list(zip(self._rows, self._payload, strict=True))
        pairs.sort(key=lambda p: (p[0][column] is None, _key(p[0][column])),
                   reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = [p[0] for p in pairs]
        self._payload = [p[1] for p in pairs]
        self.layoutChanged.emit()


def _key(value: Any) -> Any:
    if isinstance(value, int | float):
        return (0, value, "")
    return (1, 0, str(value).casefold())


def iso_to_display(iso: str | None) -> str:
    import datetime as dt

    from unionkit.formatting import format_date

    if not iso:
        return ""
    try:
        return format_date(dt.date.fromisoformat(iso[:10]))
    except ValueError:
        return iso
