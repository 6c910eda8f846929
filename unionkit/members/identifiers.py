"""Mexican personal identifiers: CURP, RFC and NSS (DOMAIN.md §7.2–7.4), through python-stdnum.

Public API (stable; the votes area reuses it)::

    normalize_curp(" bemL 920313 hmclns09 ")  -> "BEML920313HMCLNS09"
    check_curp(text, required=True)  -> IdProblem | None   codes: curp_missing, curp_format, curp_check_digit
    check_rfc(text)                  -> IdProblem | None   rfc_format (error), rfc_check_digit (warning)
    check_nss(text)                  -> IdProblem | None   nss_format, nss_check_digit (errors)
    curp_birth_date(curp) -> date | None;  curp_sex(curp) -> 'H' | 'M' | 'X' | ''
    curp_check_digit(first_17_chars) -> str

An empty optional RFC/NSS is not a problem. ``IdProblem.message`` is translated when created.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from operator import mul

from stdnum import luhn
from stdnum.exceptions import InvalidChecksum, ValidationError
from stdnum.mx import curp as _curp
from stdnum.mx import rfc as _rfc

from unionkit.i18n import _

_SPACES = re.compile(r"[\s\-\.]+")
_CURP_SHAPE = re.compile(r"^[A-Z]{4}\d{6}[HMX][A-Z]{2}[A-Z]{3}[0-9A-Z]\d$", re.ASCII)


@dataclass(frozen=True)
class IdProblem:
    code: str
    message: str
    warning: bool = False


def normalize_curp(raw: str | None) -> str:
    """Upper-case, without spaces, hyphens or dots."""
    if not raw:
        return ""
    if raw.isalnum() and raw.isupper():
        return raw
    return _SPACES.sub("", raw).upper()


def normalize_curps(raws: list[str]) -> list[str]:
    """``normalize_curp`` of every cell of a roster column; a column that is already clean (the usual
    case) is checked as one joined string instead of cell by cell (~0.1 s per 100,000 rows), and is
    then returned as it is (the same list)."""
    try:
        joined = "".join(raws)
    except TypeError:  # a None or a number among the cells: the cell-by-cell path handles them
        joined = ""
    if joined.isalnum() and joined == joined.upper():
        return raws
    return list(map(normalize_curp, raws))


def curp_check_digit(first17: str) -> str:
    """The 18th character for the first 17 of a CURP."""
    return _curp.calc_check_digit(first17.upper())


_CURP_VALUES = {c: i for i, c in enumerate("0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ")}
_CURP_STATES = frozenset(_curp._valid_states)
_CURP_WORDS = frozenset(_curp._name_blacklist)


_CURP_WEIGHTS = tuple(range(18, 1, -1))
_CURP_BYTES = bytes(_CURP_VALUES.get(chr(i), 0) for i in range(256))  # ASCII code -> value


def _check_digit_fast(curp: str) -> str:
    """Only for strings that matched the CURP shape (ASCII A-Z, 0-9)."""
    total = sum(map(mul, curp[:17].encode("ascii").translate(_CURP_BYTES), _CURP_WEIGHTS))
    return str((10 - total % 10) % 10)


def check_curp(raw: str | None, *, required: bool = True) -> IdProblem | None:
    """Validate a CURP (format, birth date, state, word list, check digit); None when valid.

    Same rules as ``stdnum.mx.curp.validate`` (tests compare the two), written for speed: a 100,000-row
    roster is checked in well under a second. A non-binary ``X`` at position 11 is accepted."""
    curp = normalize_curp(raw)
    if not curp:
        if required:
            return IdProblem("curp_missing", _("The CURP is missing."))
        return None
    if len(curp) != 18 or not _CURP_SHAPE.match(curp):
        msg = _("“{value}” is not a CURP: it must have 18 letters and digits "
                "(4 letters, 6 digits of the birth date, H or M, ...).")
        return IdProblem("curp_format", msg.format(value=curp))
    m, d = curp[6:8], curp[8:10]
    if not ("01" <= m <= "12" and "01" <= d <= "28") and curp_birth_date(curp) is None:
        return IdProblem("curp_format", _("The CURP {value} contains a birth date that does not exist.")
                         .format(value=curp))
    if curp[11:13] not in _CURP_STATES or curp[:4] in _CURP_WORDS:
        return IdProblem("curp_format", _("The CURP {value} has an unknown state code or a forbidden word.")
                         .format(value=curp))
    if curp[17] != _check_digit_fast(curp):
        return IdProblem("curp_check_digit", _("The CURP {value} has a wrong check digit (typo?).")
                         .format(value=curp))
    return None


def curp_birth_date(curp: str) -> dt.date | None:
    """Birth date encoded in a CURP (century from character 17), or None."""
    c = curp if len(curp) == 18 and curp.isupper() else normalize_curp(curp)
    if len(c) < 17 or not c[4:10].isdigit():
        return None
    year = int(c[4:6]) + (1900 if c[16].isdigit() else 2000)
    try:
        return dt.date(year, int(c[6:8]), int(c[8:10]))
    except ValueError:
        return None


def curp_sex(curp: str) -> str:
    c = normalize_curp(curp)
    return c[10] if len(c) >= 11 and c[10] in "HMX" else ""


def normalize_rfc(raw: str | None) -> str:
    return _SPACES.sub("", raw or "").upper()


def check_rfc(raw: str | None) -> IdProblem | None:
    """RFC of a person (13) or company (12); a wrong check digit is only a warning (DOMAIN §7.3)."""
    rfc = normalize_rfc(raw)
    if not rfc:
        return None
    try:
        _rfc.validate(rfc, validate_check_digits=False)
    except ValidationError:
        return IdProblem("rfc_format", _("“{value}” is not a valid RFC.").format(value=rfc))
    if len(rfc) >= 12:
        try:
            _rfc.validate(rfc, validate_check_digits=True)
        except InvalidChecksum:
            return IdProblem("rfc_check_digit", _("The RFC {value} has an unexpected check digit; please "
                                                  "verify it.").format(value=rfc), warning=True)
        except ValidationError:
            pass
    return None


def normalize_nss(raw: str | None) -> str:
    return _SPACES.sub("", raw or "")


def check_nss(raw: str | None) -> IdProblem | None:
    """IMSS NSS: 11 digits, Luhn check (DOMAIN §7.4)."""
    nss = normalize_nss(raw)
    if not nss:
        return None
    if len(nss) != 11 or not nss.isdigit():
        msg = _("“{value}” is not an NSS: it must have 11 digits.")
        return IdProblem("nss_format", msg.format(value=nss))
    if not luhn.is_valid(nss):
        msg = _("The NSS {value} has a wrong check digit (typo?).")
        return IdProblem("nss_check_digit", msg.format(value=nss))
    return None
