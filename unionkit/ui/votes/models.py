"""Table helpers of the votes area: the shared sortable rows model and date cells."""

from __future__ import annotations

import datetime as dt

from unionkit.formatting import format_date
from unionkit.ui.rows_model import WARN, RowsModel

__all__ = ["WARN", "RowsModel", "dated"]


def dated(iso: str | None) -> tuple[str, str]:
    """A date cell: shown dd/mm/yyyy, sorted by its ISO text."""
    return (format_date(dt.date.fromisoformat(iso[:10])) if iso else "", iso or "")
