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

from unionkit.members import identifiers as ids

_UPPER, _DIGITS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", b"0123456789"
# The characters of each of the 18 positions (identifiers._CURP_SHAPE: [A-Z]{4}\d{6}[HMX][A-Z]{5}[0-9A-Z]\d).
_SHAPE_BYTES = (_UPPER,) * 4 + (_DIGITS,) * 6 + (b"HMX",) + (_UPPER,) * 5 + (_DIGITS + _UPPER, _DIGITS)
_CENTURY_1 = bytes(ord("1") if b in _DIGITS else ord("2") for b in range(256))
_CENTURY_2 = bytes(ord("9") if b in _DIGITS else ord("0") for b in range(256))
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


def _per_row(raw: bytes, n: int, positions: tuple[int, ...]) -> list[str]:
    """For each of the ``n`` 18-byte CURPs in ``raw``, the characters at ``positions`` as one string:
    strided copies and one split (no per-row slicing or joining)."""
    width = len(positions) + 1
    out = bytearray(b"\n" * (width * n))
    for j, p in enumerate(positions):
        out[j::width] = raw[p::18]
    return out.decode("ascii").split("\n", n)[:n]


def _shape_suspects(curps: list[str], raw: bytes | None) -> set[int]:
    """Rows whose CURP does not have the CURP shape (``raw``: the cells joined, as ASCII bytes, or None
    when they are not ASCII). All rows at once first: when every cell has 18 characters, the characters
    at each position form one strided slice of the joined bytes, and each position's slice must hold
    only that position's characters."""
    if raw is not None and len(raw) == 18 * len(curps) and set(map(len, curps)) == {18}:
        if not any(raw[p::18].translate(None, allowed) for p, allowed in enumerate(_SHAPE_BYTES)):
            return set()
    return {i for i, m in enumerate(map(ids._CURP_SHAPE.fullmatch, curps)) if m is None}


def _iso_births(raw: bytes, n: int) -> list[str]:
    """'YYYY-MM-DD' per CURP from its birth date (positions 4-9) and century (position 16: a digit is
    1900-1999, a letter 2000-2099), by strided copies; whether the date exists is checked apart."""
    out = bytearray(b"-" * (11 * n))
    out[10::11] = b"\n" * n
    out[0::11] = raw[16::18].translate(_CENTURY_1)
    out[1::11] = raw[16::18].translate(_CENTURY_2)
    for dst, src in ((2, 4), (3, 5), (5, 6), (6, 7), (8, 8), (9, 9)):
        out[dst::11] = raw[src::18]
    return out.decode("ascii").split("\n", n)[:n]


def _impossible(isos: list[str]) -> set[str]:
    """The ISO texts among ``isos`` that are not dates that exist (each distinct text checked once)."""
    bad = set()
    for text in set(isos):
        try:
            dt.date.fromisoformat(text)
        except ValueError:
            bad.add(text)
    return bad


def curp_suspects(curps: list[str]) -> tuple[list[int], list[str | None], list[str]]:
    """(suspect row indexes in order, birth ISO date per row or None, sex letter per row)."""
    n = len(curps)
    if not n:
        return [], [], []
    joined = "".join(curps)
    raw = joined.encode("ascii") if joined.isascii() else None
    suspects = _shape_suspects(curps, raw)
    if suspects:
        curps = [_DUMMY if i in suspects else c for i, c in enumerate(curps)]
        joined = "".join(curps)
        raw = joined.encode("ascii")  # every row now has the shape, which admits ASCII only
    total = 0
    for p in range(17):
        total += int.from_bytes(raw[p::18].translate(_POS_TABLES[p]), "big")
    expected = total.to_bytes(n, "big").translate(_CHECK_OF_SUM)
    actual = raw[17::18]
    if expected != actual:
        suspects.update(i for i, (a, b) in enumerate(zip(expected, actual, strict=True)) if a != b)
    births: list[str | None] = _iso_births(raw, n)
    bad = _impossible(births)
    if bad:
        suspects.update(i for i, b in enumerate(births) if b in bad)
        births = [None if b in bad else b for b in births]
    states = _per_row(raw, n, (11, 12))
    if not ids._CURP_STATES.issuperset(states):
        suspects.update(i for i, s in enumerate(states) if s not in ids._CURP_STATES)
    words = _per_row(raw, n, (0, 1, 2, 3))
    if not ids._CURP_WORDS.isdisjoint(words):
        suspects.update(i for i, w in enumerate(words) if w in ids._CURP_WORDS)
    sexes = list(joined[10::18])
    return sorted(suspects), births, sexes
