"""'YYYY-MM' month keys: parsing, stepping and display."""

from __future__ import annotations

import datetime as dt
import re

from babel.dates import format_date

from unionkit import i18n
from unionkit.errors import ValidationError
from unionkit.i18n import _

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def parse_month(text: str) -> str:
    """Validate ``YYYY-MM``; returns it normalized."""
    m = _MONTH.match((text or "").strip())
    if not m or not 1 <= int(m.group(2)) <= 12 or int(m.group(1)) < 1900:
        raise ValidationError(_("Not a month: \u201c{text}\u201d (write it as YYYY-MM, e.g. 2026-03).").format(
            text=text))
    return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}"


def parse_iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat((text or "").strip())
    except ValueError:
        raise ValidationError(_("Not a date: \u201c{text}\u201d (write it as YYYY-MM-DD).").format(
            text=text)) from None


def month_of(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def add_months(month: str, n: int) -> str:
    y, m = int(month[:4]), int(month[5:7])
    idx = y * 12 + (m - 1) + n
    return f"{idx // 12:04d}-{idx % 12 + 1:02d}"


def month_range(first: str, last: str) -> list[str]:
    out = []
    cur = first
    while cur <= last:
        out.append(cur)
        cur = add_months(cur, 1)
    return out


def first_day(month: str) -> dt.date:
    return dt.date(int(month[:4]), int(month[5:7]), 1)


def last_day(month: str) -> dt.date:
    return first_day(add_months(month, 1)) - dt.timedelta(days=1)


def month_label(month: str, locale: str | None = None) -> str:
    """``marzo de 2026`` / ``March 2026``."""
    loc = locale or i18n.babel_locale()
    text = format_date(first_day(month), "LLLL 'de' y" if loc.startswith("es") else "LLLL y", locale=loc)
    return text


def month_short(month: str, locale: str | None = None) -> str:
    """``mar 2026`` / ``Mar 2026`` (chart axes, tables)."""
    loc = locale or i18n.babel_locale()
    return format_date(first_day(month), "LLL y", locale=loc).replace(".", "")
