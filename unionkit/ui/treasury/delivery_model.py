"""The art. 373 delivery table: every active member with how and when they got the written account.

The rows come from ``ledger.delivery.delivery_log`` once per account (a few thousand dicts, each with
its pre-folded ``search`` text). Search as you type and "only pending" filter in Python over that
folded text and reset the model; sorting is a Python sort over precomputed keys (no proxy model)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from unionkit.formatting import format_date
from unionkit.i18n import _
from unionkit.ledger.delivery import method_label
from unionkit.members.text import fold

Index = QModelIndex | QPersistentModelIndex
PENDING = QBrush(QColor("#fdebc8"))  # a soft amber cell (the selection colour still wins)
DONE = QBrush(QColor("#dcefe1"))
COLUMNS = 5


def _date(iso: str | None) -> str:
    return format_date(dt.date.fromisoformat(iso[:10])) if iso else ""


class DeliveryModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._all: list[dict] = []
        self._view: list[dict] = []
        self._terms: list[str] = []
        self._pending_only = False
        self._sort = (0, Qt.SortOrder.AscendingOrder)

    # -- data in --------------------------------------------------------------------------------
    def set_rows(self, rows: list[dict]) -> None:
        self._all = rows
        self._apply()

    def clear(self) -> None:
        self._terms, self._pending_only = [], False
        self.set_rows([])

    def set_filter(self, text: str, pending_only: bool) -> None:
        self._terms = fold(text or "").split()
        self._pending_only = pending_only
        self._apply()

    def _apply(self) -> None:
        self.beginResetModel()
        rows = self._all
        if self._pending_only:
            rows = [r for r in rows if not r["method"]]
        for term in self._terms:
            rows = [r for r in rows if term in r["search"]]
        self._view = self._sorted(rows)
        self.endResetModel()

    def _sorted(self, rows: list[dict]) -> list[dict]:
        column, order = self._sort
        key = _SORT_KEYS[column]
        return sorted(rows, key=key, reverse=order == Qt.SortOrder.DescendingOrder)

    # -- what the tab reads ---------------------------------------------------------------------
    def counts(self) -> tuple[int, int]:
        """(delivered, total) over every member of the log, whatever the filter."""
        return sum(1 for r in self._all if r["method"]), len(self._all)

    def shown(self) -> int:
        return len(self._view)

    def row(self, i: int) -> dict | None:
        return self._view[i] if 0 <= i < len(self._view) else None

    def row_of_person(self, person_id: int) -> int:
        for i, r in enumerate(self._view):
            if r["person_id"] == person_id:
                return i
        return -1

    # -- Qt model -------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._view)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (_("Member"), _("Workplace"), _("Delivered"), _("How"), _("Date"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        r = self.row(index.row()) if index.isValid() else None
        if r is None:
            return None
        c = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if c == 0:
                return r["name"]
            if c == 1:
                return r["workplace"]
            if c == 2:
                return _("delivered") if r["method"] else _("pending")
            if c == 3:
                return method_label(r["method"]) if r["method"] else ""
            return _date(r["delivered_at"])
        if role == Qt.ItemDataRole.BackgroundRole and c == 2:
            return DONE if r["method"] else PENDING
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        old = self._view
        self._view = self._sorted(old)
        where = {id(r): i for i, r in enumerate(self._view)}
        for p in self.persistentIndexList():  # the selection follows its members
            if 0 <= p.row() < len(old):
                self.changePersistentIndex(p, self.index(where[id(old[p.row()])], p.column()))
        self.layoutChanged.emit()


_SORT_KEYS = (
    lambda r: (r["sort_name"], r["person_id"]),
    lambda r: (fold(r["workplace"]), r["sort_name"], r["person_id"]),
    lambda r: (r["method"] is not None, r["sort_name"], r["person_id"]),
    lambda r: (method_label(r["method"]) if r["method"] else "\uffff", r["sort_name"], r["person_id"]),
    lambda r: (r["delivered_at"] or "9999", r["sort_name"], r["person_id"]),
)
