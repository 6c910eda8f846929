"""A roster as read from a file: headers and rows of strings (see ``unionkit.members.reader``)."""

from __future__ import annotations


class Table:
    """Headers and rows of a roster. A fast-read CSV keeps its cells by column (``column(i)``) and
    builds ``rows`` only when asked."""

    def __init__(self, headers: list[str], rows: list[tuple[int, list[str]]] | None = None, header_line: int = 1,
                 encoding: str = "", delimiter: str = "", kind: str = "csv", sha256: str = "", path: str = "",
                 extra: dict | None = None, *, columns: list[list[str]] | None = None,
                 clean_cells: bool = False) -> None:
        self.headers = headers
        self._rows = rows
        self._columns = columns
        self.header_line = header_line
        self.encoding = encoding
        self.delimiter = delimiter
        self.kind = kind
        self.sha256 = sha256
        self.path = path
        self.extra = extra if extra is not None else {}
        # True when every cell is known to be trimmed with single inner spaces already.
        self.clean_cells = clean_cells
        # What the columns were cut from (kept so that it is freed with them: see csv_fast).
        self.backing: list | None = None
        if rows is None and columns is None:
            self._rows = []

    @property
    def rows(self) -> list[tuple[int, list[str]]]:
        if self._rows is None:
            first = self.header_line + 1
            self._rows = [(first + i, list(cells)) for i, cells in enumerate(zip(*self._columns, strict=True))] \
                if self._columns else []
        return self._rows

    @rows.setter
    def rows(self, value: list[tuple[int, list[str]]]) -> None:
        self._rows, self._columns, self.backing, self.clean_cells = value, None, None, False

    def __len__(self) -> int:
        return len(self._rows) if self._rows is not None else len(self._columns[0]) if self._columns else 0

    def line_numbers(self) -> list[int]:
        if self._rows is None:
            return list(range(self.header_line + 1, self.header_line + 1 + len(self)))
        return [line for line, _cells in self._rows]

    def first_row(self) -> list[str]:
        """The cells of the first data row (``[]`` when there is none), without building ``rows``."""
        if self._rows is None:
            return [col[0] for col in self._columns] if self._columns and self._columns[0] else []
        return list(self._rows[0][1]) if self._rows else []

    def column(self, i: int) -> list[str]:
        """The cells of column ``i`` (``""`` where a row is shorter). A new list unless read by column."""
        if self._rows is None:
            return self._columns[i] if i < len(self._columns) else [""] * len(self)
        return [cells[i] if i < len(cells) else "" for _line, cells in self._rows]

    def release(self) -> list:
        """Empty the table, returning what held its cells (for the caller to free elsewhere)."""
        held = [self._rows, self._columns, self.backing]
        self._rows, self._columns, self.backing = [], None, None
        return held

    def __repr__(self) -> str:
        return f"Table(headers={self.headers!r}, rows={len(self)}, kind={self.kind!r}, path={self.path!r})"


def fit_row(cells: list[str], width: int) -> list[str]:
    """Pad a row to ``width``; drop empty cells beyond it (keep non-empty extras)."""
    if len(cells) < width:
        return cells + [""] * (width - len(cells))
    if len(cells) > width:
        extra = cells[width:]
        while extra and not extra[-1].strip():
            extra.pop()
        return cells[:width] + extra
    return cells
