"""Table models of the treasury page. The ledger model fetches pages lazily from the service
(newest first, running balance) and sorts in SQL: never a Python proxy over the whole ledger."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from unionkit.formatting import format_date, format_money
from unionkit.i18n import _
from unionkit.ledger import queries
from unionkit.money import Money
from unionkit.vault import Vault

NEG = QBrush(QColor("#9b1c1c"))
MUTED = QBrush(QColor("#6b6b6b"))
# column -> SQL sort key (None: not sortable in SQL, falls back to date)
SORT_KEYS = ("id", "date", "account", "category", None, "amount", "date", None)


def _date(iso: str) -> str:
    return format_date(dt.date.fromisoformat(iso))


class LedgerModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[queries.Row] = []
        self._pager: queries.EntryPager | None = None
        self._vault: Vault | None = None
        self._flt: queries.EntryFilter | None = None

    def headers(self) -> list[str]:
        return [_("No."), _("Date"), _("Account"), _("Category"), _("Member / concept"), _("Amount"),
                _("Balance"), _("Notes")]

    def load(self, vault: Vault | None, flt: queries.EntryFilter | None = None, *, sort: str = "date",
             descending: bool = True) -> None:
        self.beginResetModel()
        self._rows = []
        self._pager = None
        self._vault, self._flt = vault, flt
        if vault is not None:
            self._pager = queries.EntryPager(vault, flt, sort=sort, descending=descending, page=500)
            self._rows = self._pager.next_page()
        self.endResetModel()

    def clear(self) -> None:
        self.load(None)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Sorting happens in SQL; the running balance shows in the default newest-first date order."""
        if self._vault is None:
            return
        key = SORT_KEYS[column] or "date"
        self.load(self._vault, self._flt, sort=key, descending=order == Qt.SortOrder.DescendingOrder)

    def row_at(self, row: int) -> queries.Row | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # -- lazy fetching ---------------------------------------------------------------------
    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802 - Qt API
        return self._pager is not None and not self._pager.done and not parent.isValid()

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802
        if self._pager is None:
            return
        more = self._pager.next_page()
        if more:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()

    # -- Qt model --------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 8

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        r = self.row_at(index.row())
        if r is None:
            return None
        c = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if c == 0:
                return str(r.id)
            if c == 1:
                return _date(r.entry_date)
            if c == 2:
                return r.account
            if c == 3:
                return r.category
            if c == 4:
                return " \u00b7 ".join(x for x in (r.person, r.memo or r.extra.get("counterparty", "")) if x)
            if c == 5:
                return format_money(Money(r.amount))
            if c == 6:
                return format_money(Money(r.balance)) if r.balance is not None else ""
            if c == 7:
                return self._notes(r)
        if role == Qt.ItemDataRole.TextAlignmentRole and c in (0, 5, 6):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if r.reversed_by is not None or r.reverses_id is not None:
                return MUTED
            if c == 5 and r.amount < 0:
                return NEG
        return None

    @staticmethod
    def _notes(r: queries.Row) -> str:
        parts = []
        if r.folio:
            parts.append(_("receipt {folio}").format(folio=r.folio))
        if r.reverses_id:
            parts.append(_("reverses {id}").format(id=r.reverses_id))
        if r.reversed_by:
            parts.append(_("reversed by {id}").format(id=r.reversed_by))
        return ", ".join(parts)


class RowsModel(QAbstractTableModel):
    """A small read-only table of pre-formatted rows, sorted in Python on header click."""

    def __init__(self, headers: Callable[[], list[str]], right: tuple[int, ...] = (), parent=None) -> None:
        super().__init__(parent)
        self._headers = headers
        self._right = right
        self._rows: list[list] = []
        self._keys: list[list] = []
        self.brushes: dict[int, QBrush] = {}

    def set_rows(self, rows: list[list], keys: list[list] | None = None) -> None:
        self.beginResetModel()
        self._rows = rows
        self._keys = keys or rows
        self.brushes = {}
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._headers())

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers()[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            return str(self._rows[index.row()][index.column()])
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self._right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self.brushes.get(index.row())
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        pairs = sorted(zip(self._keys, self._rows, strict=True), key=lambda kr: _key(kr[0][column]),
                       reverse=order == Qt.SortOrder.DescendingOrder)
        self._keys = [k for k, _r in pairs]
        self._rows = [r for _k, r in pairs]
        self.brushes = {}
        self.layoutChanged.emit()


def _key(v):
    return (0, v) if isinstance(v, int | float) else (1, str(v).casefold())
