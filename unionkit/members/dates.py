"""Dates as they arrive in rosters: dd/mm/yyyy, yyyy-mm-dd, Excel serial numbers, "15/ene/2020".

Public API (stable; the votes area reuses it)::

    parse_date("05/03/2024") -> date(2024, 3, 5)      # day first, always (Mexican usage)
    parse_date("2024-03-05") -> date(2024, 3, 5)
    parse_date("45356")      -> date(2024, 3, 5)      # Excel serial (1900 system), 1..73050 only
    parse_date("31/02/2024") -> raises DateParseError  # impossible date
    parse_date("05/03/24")   -> raises DateParseError  # two-digit year: ambiguous, never guessed
    parse_date("03/25/2024") -> raises DateParseError  # month/day order: never guessed
    try_parse_date(text) -> (date | None, message | None)

``DateParseError`` is a ValueError with ``code = "date"`` and a translated ``message``. An empty
string is an error too: callers decide whether the field is optional before calling.
"""

from __future__ import annotations

import datetime as dt
import re

from unionkit.i18n import _

CODE = "date"
_EXCEL_EPOCH = dt.date(1899, 12, 30)
MAX_SERIAL = 73050  # 31/12/2099
_MONTHS = {
    "ene": 1, "jan": 1, "feb": 2, "mar": 3, "abr": 4, "apr": 4, "may": 5, "jun": 6, "jul": 7,
    "ago": 8, "aug": 8, "sep": 9, "set": 9, "oct": 10, "nov": 11, "dic": 12, "dec": 12,
}
_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_DMY = re.compile(r"^(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{2,4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$")
_DMONY = re.compile(r"^(\d{1,2})[/\-. ]+([A-Za-zÁÉÍÓÚáéíóú]{3,})\.?[/\-. ]+(\d{2,4})$")
_SERIAL = re.compile(r"^\d{1,6}(?:\.0+)?$")


class DateParseError(ValueError):
    code = CODE

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _make(y: int, m: int, d: int, raw: str) -> dt.date:
    try:
        return dt.date(y, m, d)
    except ValueError:
        raise DateParseError(_("“{value}” is not a date that exists.").format(value=raw)) from None


def _year(text: str, raw: str) -> int:
    if len(text) != 4:
        raise DateParseError(_("“{value}” has a two-digit year, which is ambiguous: write the full year "
                               "(dd/mm/yyyy).").format(value=raw))
    return int(text)


def from_excel_serial(serial: int) -> dt.date:
    """Excel 1900 date system, including its fictitious 29/02/1900 (serial 60 is refused)."""
    if serial < 1 or serial > MAX_SERIAL or serial == 60:
        raise DateParseError(_("{value} is not a usable Excel date number.").format(value=serial))
    return _EXCEL_EPOCH + dt.timedelta(days=serial if serial > 60 else serial + 1)


def parse_date(raw: str) -> dt.date:
    """Parse a roster date; raises DateParseError (code 'date') and never guesses."""
    text = (raw or "").strip()
    if not text:
        raise DateParseError(_("The date is empty."))
    m = _ISO.match(text)
    if m:
        return _make(int(m.group(1)), int(m.group(2)), int(m.group(3)), text)
    m = _DMY.match(text)
    if m:
        day, month = int(m.group(1)), int(m.group(2))
        year = _year(m.group(3), text)
        if month > 12 and day <= 12:
            raise DateParseError(_("“{value}” looks like month/day order; write it as dd/mm/yyyy.")
                                 .format(value=text))
        return _make(year, month, day, text)
    m = _DMONY.match(text)
    if m:
        name = m.group(2).lower()[:3].translate(str.maketrans("áéíóú", "aeiou"))
        month = _MONTHS.get(name)
        if month is None:
            raise DateParseError(_("“{value}” is not a date (unknown month).").format(value=text))
        return _make(_year(m.group(3), text), month, int(m.group(1)), text)
    if _SERIAL.match(text):
        return from_excel_serial(int(float(text)))
    raise DateParseError(_("“{value}” is not a date: use dd/mm/yyyy.").format(value=text))


_DIGIT_BYTES = b"0123456789"
# A column in one fixed form: (separator positions, separator, ISO byte -> source byte position).
_FORMS = (((2, 5), b"/", (6, 7, 8, 9, None, 3, 4, None, 0, 1)),     # dd/mm/yyyy
          ((4, 7), b"-", (0, 1, 2, 3, None, 5, 6, None, 8, 9)))     # yyyy-mm-dd


def iso_column(cells: list[str]) -> list[str] | None:
    """``parse_date(c).isoformat()`` for every cell of a roster column whose cells are all written in one
    of the two usual forms, dd/mm/yyyy or yyyy-mm-dd, and are all dates that exist; ``None`` for any
    other column (then each distinct cell goes through :func:`parse_date`, which explains what is
    wrong). One strided copy per character position instead of a parse per cell."""
    n = len(cells)
    if not n or set(map(len, cells)) != {10}:
        return None
    joined = "".join(cells)
    if not joined.isascii():
        return None
    raw = joined.encode("ascii")
    for seps, sep, layout in _FORMS:
        if raw[seps[0]::10] != sep * n or raw[seps[1]::10] != sep * n:
            continue
        if any(raw[p::10].translate(None, _DIGIT_BYTES) for p in layout if p is not None):
            return None
        out = bytearray(b"-" * (11 * n))
        out[10::11] = b"\n" * n
        for dst, src in enumerate(layout):
            if src is not None:
                out[dst::11] = raw[src::10]
        isos = out.decode("ascii").split("\n", n)[:n]
        for text in set(isos):
            try:
                dt.date.fromisoformat(text)
            except ValueError:
                return None
        return isos
    return None


def try_parse_date(raw: str) -> tuple[dt.date | None, str | None]:
    """(date, None) or (None, translated message)."""
    try:
        return parse_date(raw), None
    except DateParseError as exc:
        return None, exc.message
