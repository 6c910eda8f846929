"""Fallback CURP check (DOMAIN §7.2) used only when ``unionkit.members.identifiers`` is unavailable."""

from __future__ import annotations

import datetime as dt
import re

_RE = re.compile(r"^[A-Z]{4}\d{6}[HMX][A-Z]{2}[A-Z]{3}[0-9A-Z]\d$")
_D = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ"


def curp_is_valid(curp: str) -> bool:
    c = (curp or "").strip().upper()
    if not _RE.match(c):
        return False
    century = 1900 if c[16].isdigit() else 2000
    try:
        dt.date(century + int(c[4:6]), int(c[6:8]), int(c[8:10]))
    except ValueError:
        return False
    s = sum(_D.index(ch) * (19 - i) for i, ch in enumerate(c[:17], start=1))
    return (10 - s % 10) % 10 == int(c[17])
