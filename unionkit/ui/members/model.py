"""The people table model: ids filtered and sorted in SQL (FTS5 trigram for names), rows fetched
lazily in blocks. No QSortFilterProxyModel: at 100,000 rows a Python proxy costs ~2 s per keystroke
(STACK.md); here a keystroke is one indexed query and a model reset.

The view calls ``sort(column, order)`` (header clicks) and the page calls ``set_filter(PersonFilter)``.
``canFetchMore``/``fetchMore`` expose rows 500 at a time; ``data`` loads the rows it shows in blocks.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from unionkit.i18n import N_, _
from unionkit.members.model import status_label
from unionkit.members.query import PersonFilter, fetch_rows, search_ids
from unionkit.vault import Vault

# (sort key in unionkit.members.query.SORT_COLUMNS, header)
COLUMNS = (
    ("name", N_("Name")),
    ("curp", N_("CURP")),
    ("employee_no", N_("Employee no.")),
    ("workplace", N_("Workplace")),
    ("status", N_("Status")),
    ("hire_date", N_("Hire date")),
    ("join_date", N_("Join date")),
)
BATCH = 500
BLOCK = 200
DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)


def _short_date(iso: str) -> str:
    return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}" if iso else ""


class PeopleModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._vault: Vault | None = None
        self._ids: list[int] = []
        self._loaded = 0
        self._cells: dict[int, tuple[str, ...]] = {}
        self._filter = PersonFilter()
        self._order = "name"
        self._descending = False

    # ---------------------------------------------------------------- data source

    def set_vault(self, vault: Vault | None) -> None:
        self._vault = vault
        self.refresh()

    def set_filter(self, flt: PersonFilter) -> None:
        self._filter = flt
        self.refresh()

    @property
    def filter(self) -> PersonFilter:
        return self._filter

    def refresh(self) -> None:
        """Re-run the query (after an import, an edit, a new filter)."""
        self.beginResetModel()
        self._cells = {}
        if self._vault is None:
            self._ids = []
        else:
            self._ids = search_ids(self._vault, self._filter, order=self._order, descending=self._descending)
        self._loaded = min(BATCH, len(self._ids))
        self.endResetModel()

    def total(self) -> int:
        """How many people match (all of them, not only the rows fetched so far)."""
        return len(self._ids)

    def person_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < self._loaded else None

    def row_of(self, person_id: int) -> int | None:
        try:
            row = self._ids.index(person_id)
        except ValueError:
            return None
        while row >= self._loaded and self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())
        return row

    # ---------------------------------------------------------------- Qt model API

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self._loaded

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: QModelIndex) -> bool:  # noqa: N802
        return not parent.isValid() and self._loaded < len(self._ids)

    def fetchMore(self, parent: QModelIndex) -> None:  # noqa: N802
        if parent.isValid():
            return
        n = min(BATCH, len(self._ids) - self._loaded)
        if n <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._loaded, self._loaded + n - 1)
        self._loaded += n
        self.endInsertRows()

    def headerData(self, section: int, orientation, role=Qt.DisplayRole):  # noqa: N802
        if role == Qt.DisplayRole and orientation == Qt.Horizontal and 0 <= section < len(COLUMNS):
            return _(COLUMNS[section][1])
        return None

    def data(self, index: QModelIndex, role=DISPLAY):
        # Hot path (every visible cell, every role, every repaint): plain ints, one dict lookup.
        if role != DISPLAY and role != TOOLTIP:
            return None
        row = index.row()
        if row < 0 or row >= self._loaded:
            return None
        cells = self._cells.get(self._ids[row])
        if cells is None:
            cells = self._load_block(row)
        return cells[index.column()] if cells else None

    def _load_block(self, row: int) -> tuple[str, ...] | None:
        if self._vault is None:
            return None
        start = row - row % BLOCK
        member_label = {s: status_label(s) for s in ("active", "suspended", "resigned", "dismissed", "deceased")}
        not_member = _("Not a member")
        for pid, rv in fetch_rows(self._vault, self._ids[start:start + BLOCK]).items():
            self._cells[pid] = (rv.name, rv.curp, rv.employee_no, rv.workplace,
                                member_label.get(rv.status, rv.status) if rv.is_member else not_member,
                                _short_date(rv.hire_date), _short_date(rv.join_date))
        return self._cells.get(self._ids[row])

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self._order = COLUMNS[column][0]
        self._descending = order == Qt.DescendingOrder
        self.refresh()

    def sort_state(self) -> tuple[str, bool]:
        return self._order, self._descending
