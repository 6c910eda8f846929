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


def iso_date(text: str) -> str:
    """``parse_date(text).isoformat()``, without the regular expressions for the two usual forms
    (dd/mm/yyyy and yyyy-mm-dd, checked by ``date.fromisoformat``): a roster's distinct dates go
    through here once each. Raises DateParseError as parse_date does."""
    if len(text) == 10 and text.isascii():
        if text[2] == "/" == text[5]:
            iso = f"{text[6:]}-{text[3:5]}-{text[:2]}"
        elif text[4] == "-" == text[7]:
            iso = text
        else:
            iso = ""
        if iso and (iso[:4] + iso[5:7] + iso[8:]).isdigit():
            try:
                dt.date.fromisoformat(iso)
            except ValueError:
                pass  # parse_date says what is wrong with it
            else:
                return iso
    return parse_date(text).isoformat()


def try_parse_date(raw: str) -> tuple[dt.date | None, str | None]:
    """(date, None) or (None, translated message)."""
    try:
        return parse_date(raw), None
    except DateParseError as exc:
        return None, exc.message
