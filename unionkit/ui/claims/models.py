"""Table helpers of the claims area: the shared sortable rows model and date display."""

from __future__ import annotations

import datetime as dt

from unionkit.formatting import format_date
from unionkit.ui.rows_model import RowsModel

__all__ = ["RowsModel", "iso_to_display"]


def iso_to_display(iso: str | None) -> str:
    if not iso:
        return ""
    try:
        return format_date(dt.date.fromisoformat(iso[:10]))
    except ValueError:
        return iso
