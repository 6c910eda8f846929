"""Validate and normalise a person's fields (used by the service, the importer and the UI form).

``normalize_person(data)`` returns a new dict with cleaned values (CURP upper-case without spaces,
inner spaces collapsed, dates ISO, sex and birth date derived from the CURP when absent).
``validate_person(data)`` returns ``(errors, warnings)``, each ``{field: translated message}``.
"""

from __future__ import annotations

import datetime as dt
import re

from unionkit.i18n import _
from unionkit.members import identifiers as ids
from unionkit.members.dates import DateParseError, parse_date
from unionkit.members.model import SEXES
from unionkit.members.text import clean

DATE_FIELDS = ("birth_date", "hire_date", "join_date")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_SEX_WORDS = {"h": "H", "hombre": "H", "masculino": "H", "m": "M", "mujer": "M", "femenino": "M",
              "f": "M", "male": "H", "female": "M", "x": "X", "no binario": "X"}
_TRUE = {"1", "si", "sí", "s", "x", "true", "verdadero", "yes", "y", "confianza"}


def parse_bool(value: object) -> int:
    return 1 if clean(value).lower() in _TRUE else 0


def normalize_sex(value: str) -> str | None:
    """'Hombre'/'M'/'Femenino'... -> 'H'/'M'/'X'/''; None when not understood."""
    v = clean(value).lower()
    if not v:
        return ""
    return _SEX_WORDS.get(v)


def normalize_person(data: dict) -> dict:
    """Cleaned copy of ``data`` (only the keys present, plus derived sex/birth date)."""
    out: dict = {}
    for key, value in data.items():
        if key == "curp":
            out[key] = ids.normalize_curp(value) or None
        elif key == "rfc":
            out[key] = ids.normalize_rfc(value)
        elif key == "nss":
            out[key] = ids.normalize_nss(value)
        elif key in ("confianza", "is_member"):
            out[key] = value if isinstance(value, int) else parse_bool(value)
        elif key == "workplace_id":
            out[key] = value
        elif key in DATE_FIELDS:
            if isinstance(value, dt.date):
                out[key] = value.isoformat()
            else:
                text = clean(value)
                try:
                    out[key] = parse_date(text).isoformat() if text else None
                except DateParseError:
                    out[key] = text  # kept for the error message; validate_person reports it
        elif key == "sex":
            s = normalize_sex(value or "")
            out[key] = s if s is not None else clean(value)
        else:
            out[key] = clean(value)
    curp = out.get("curp")
    if curp and ids.check_curp(curp) is None:
        if not out.get("sex"):
            out["sex"] = ids.curp_sex(curp)
        if not out.get("birth_date"):
            b = ids.curp_birth_date(curp)
            out["birth_date"] = b.isoformat() if b else None
    return out


def validate_person(data: dict, *, curp_required: bool = False) -> tuple[dict[str, str], dict[str, str]]:
    """Errors and warnings for a normalised person dict (see :func:`normalize_person`)."""
    errors: dict[str, str] = {}
    warnings: dict[str, str] = {}
    if "nombre" in data and not data.get("nombre"):
        errors["nombre"] = _("The given name is required.")
    if "curp" in data or curp_required:
        p = ids.check_curp(data.get("curp"), required=curp_required)
        if p:
            errors["curp"] = p.message
    for key, check in (("rfc", ids.check_rfc), ("nss", ids.check_nss)):
        p = check(data.get(key))
        if p:
            (warnings if p.warning else errors)[key] = p.message
    for key in DATE_FIELDS:
        value = data.get(key)
        if value:
            try:
                d = dt.date.fromisoformat(value)
            except ValueError:
                try:
                    d = parse_date(value)
                except DateParseError as exc:
                    errors[key] = exc.message
                    continue
            if d > dt.date.today() + dt.timedelta(days=366):
                errors[key] = _("The date {date} is in the future.").format(date=d.strftime("%d/%m/%Y"))
    if data.get("sex") not in (None, *SEXES):
        errors["sex"] = _("Sex must be H (hombre), M (mujer) or X.")
    email = data.get("email")
    if email and not _EMAIL.match(email):
        warnings["email"] = _("“{value}” does not look like an email address.").format(value=email)
    return errors, warnings
