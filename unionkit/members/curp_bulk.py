"""CURPs of a whole roster checked at once (100,000 in a few tens of milliseconds).

``curp_suspects(curps)`` returns the rows that are *not certainly valid* (each must then get the exact
``identifiers.check_curp``), and for every row the birth date and sex the CURP encodes. A row outside
the suspects passes every rule of ``check_curp``: shape, a birth date that exists, a state code, not a
forbidden word, check digit. The check digit of all rows is computed with one big-integer sum per
position: each CURP contributes one byte per position, and as every term is < 10 and there are 17
positions, the byte-wise sums (< 256) never carry.
"""

from __future__ import annotations

import datetime as dt
import re

from unionkit.members import identifiers as ids

_SHAPE_ALL = re.compile(r"(?:[A-Z]{4}\d{6}[HMX][A-Z]{2}[A-Z]{3}[0-9A-Z]\d\n)*", re.ASCII)  # _CURP_SHAPE, per line
_DUMMY = "AAAA000101HDFAAA00"   # shape-valid stand-in for malformed rows (which are suspects anyway)
_ALPHABET = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ"
_WEIGHTS = tuple(range(18, 1, -1))
# Per position p: ASCII byte -> (value * weight_p) % 10.
_POS_TABLES = tuple(
    bytes((_ALPHABET.index(chr(b)) * w) % 10 if chr(b) in _ALPHABET else 0 for b in range(256))
    for w in _WEIGHTS
)
# Sum of the 17 terms -> the ASCII check digit.
_CHECK_OF_SUM = bytes(ord(str((10 - s % 10) % 10)) for s in range(256))


class _Births(dict):
    """'yymmdd' + century char -> ISO date, or None if the date does not exist."""

    def __missing__(self, key: str) -> str | None:
        year = int(key[:2]) + (1900 if key[6] <= "9" else 2000)
        try:
            value = dt.date(year, int(key[2:4]), int(key[4:6])).isoformat()
        except ValueError:
            value = None
        self[key] = value
        return value


def _per_row(raw: bytes, n: int, positions: tuple[int, ...]) -> list[str]:
    """For each of the ``n`` 18-byte CURPs in ``raw``, the characters at ``positions`` as one string:
    strided copies and one split (no per-row slicing or joining)."""
    width = len(positions) + 1
    out = bytearray(b"\n" * (width * n))
    for j, p in enumerate(positions):
        out[j::width] = raw[p::18]
    return out.decode("ascii").split("\n", n)[:n]


def _shape_suspects(curps: list[str]) -> set[int]:
    """Rows whose CURP does not have the CURP shape. All rows at once first: the joined text has
    exactly ``n`` newlines (the separators), so a match of ``n`` 19-character groups means every row
    is 18 characters of the shape."""
    text = "\n".join(curps) + "\n"
    if len(text) == 19 * len(curps) and _SHAPE_ALL.fullmatch(text):
        return set()
    return {i for i, m in enumerate(map(ids._CURP_SHAPE.fullmatch, curps)) if m is None}


def curp_suspects(curps: list[str]) -> tuple[list[int], list[str | None], list[str]]:
    """(suspect row indexes in order, birth ISO date per row or None, sex letter per row)."""
    n = len(curps)
    if not n:
        return [], [], []
    suspects = _shape_suspects(curps)
    if suspects:
        curps = [_DUMMY if i in suspects else c for i, c in enumerate(curps)]
    joined = "".join(curps)
    raw = joined.encode("ascii")  # the shape regex admits ASCII only
    total = 0
    for p in range(17):
        total += int.from_bytes(raw[p::18].translate(_POS_TABLES[p]), "big")
    expected = total.to_bytes(n, "big").translate(_CHECK_OF_SUM)
    actual = raw[17::18]
    if expected != actual:
        suspects.update(i for i, (a, b) in enumerate(zip(expected, actual, strict=True)) if a != b)
    births = list(map(_Births().__getitem__, _per_row(raw, n, (4, 5, 6, 7, 8, 9, 16))))
    if None in births:
        suspects.update(i for i, b in enumerate(births) if b is None)
    states = _per_row(raw, n, (11, 12))
    if not ids._CURP_STATES.issuperset(states):
        suspects.update(i for i, s in enumerate(states) if s not in ids._CURP_STATES)
    words = _per_row(raw, n, (0, 1, 2, 3))
    if not ids._CURP_WORDS.isdisjoint(words):
        suspects.update(i for i, w in enumerate(words) if w in ids._CURP_WORDS)
    sexes = list(joined[10::18])
    return sorted(suspects), births, sexes
