"""Locale formatting shared by the UI, the CLI and the PDFs (Qt-free).

Dates in documents use an explicit ``dd/MM/yyyy`` (babel's es_MX 'short' is ``05/03/24``).
Times from babel contain U+202F; the bundled DejaVu font covers it.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_DOWN, Decimal

from babel.dates import format_date as _bd_format_date
from babel.dates import format_datetime as _bd_format_datetime
from babel.numbers import format_currency, format_decimal

from unionkit import i18n
from unionkit.money import Money

DATE_PATTERN = "dd/MM/yyyy"
DATETIME_PATTERN = "dd/MM/yyyy HH:mm"


def _loc(locale: str | None) -> str:
    return locale or i18n.babel_locale()


def format_money(amount: Money, locale: str | None = None, *, symbol: bool = True) -> str:
    """``$1,234.50`` in es_MX and in English (the peso sign, not ``MX$``)."""
    loc = _loc(locale)
    value = amount.to_decimal()
    if not symbol:
        return format_decimal(value, format="#,##0.00", locale=loc)
    text = format_currency(value, "MXN", locale=loc, currency_digits=True)
    return text.replace("MX$", "$")


def format_date(value: dt.date | None, locale: str | None = None) -> str:
    if value is None:
        return ""
    return _bd_format_date(value, DATE_PATTERN, locale=_loc(locale))


def format_datetime(value: dt.datetime | None, locale: str | None = None) -> str:
    if value is None:
        return ""
    return _bd_format_datetime(value, DATETIME_PATTERN, locale=_loc(locale))


def format_long_date(value: dt.date, locale: str | None = None) -> str:
    """``5 de marzo de 2024`` / ``March 5, 2024``."""
    return _bd_format_date(value, "long", locale=_loc(locale))


def format_int(n: int, locale: str | None = None) -> str:
    return format_decimal(n, format="#,##0", locale=_loc(locale))


def truncated_percent(part: int, whole: int) -> str:
    """Percentage truncated (never rounded up) to two decimals: 749/2500 -> '29.96'."""
    if whole <= 0:
        return "0.00"
    value = (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
    return f"{value:.2f}"


def format_percent(pct: str, locale: str | None = None) -> str:
    """Display a ``truncated_percent`` string in the locale (``29.96 %`` / ``29.96%``)."""
    loc = _loc(locale)
    body = format_decimal(Decimal(pct), format="0.00", locale=loc)
    return f"{body}\u00a0%" if loc.startswith("es") else f"{body}%"
