"""The common roster CSV read without the ``csv`` module: no quote characters, every line with the
header's number of fields, no blank line. Such a text splits on the delimiter exactly as ``csv.reader``
splits it, so the whole file becomes one flat list of cells (one C-level ``split``) and each column is a
slice of it; no per-row Python objects are made until someone asks for ``Table.rows``.

``split_simple(text, delimiter, max_rows, max_cols)`` returns ``(headers, columns, clean, flat)`` or
``None`` when the text is not of that kind (the caller then uses ``csv.reader``, which also reports
errors). ``clean`` is True when no cell needs the trim / inner-space clean-up (``" ".join(cell.split())``).
``flat`` is the list the columns were sliced from: whoever keeps the columns should keep it too, so that
dropping its million references happens when the table is freed, not while the roster is being read.
"""

from __future__ import annotations

import csv


def _keep_only(*chars: str) -> bytes:
    keep = {ord(c) for c in chars}
    return bytes(b for b in range(256) if b not in keep)


_DELETE = {d: _keep_only(d, "\n") for d in (",", ";", "\t")}
# The bytes of a line that are printable for ``str.isprintable`` whatever else the line holds: printable
# ASCII, the delimiter and the line end (which separate cells; a CR is only ever part of a CRLF line end
# here). What is left after deleting them is short.
_PLAIN = {d: bytes(range(0x20, 0x7F)) + (d + "\r\n").encode("ascii") for d in _DELETE}


def _maybe_longer(joined: str, d: str, limit: int) -> bool:
    """False when no cell of ``joined`` (cells separated by ``d``) can be longer than ``limit``: a cell
    that long covers a whole window of ``limit // 2`` characters starting at a multiple of it, so
    every such window holding a ``d`` rules it out (a few hundred ``find`` calls for a 12 MB text)."""
    w = max(1, limit // 2)
    return any(joined.find(d, k, k + w) < 0 for k in range(0, len(joined) - w + 1, w))


def split_simple(text: str, delimiter: str, max_rows: int, max_cols: int
                 ) -> tuple[list[str], list[list[str]], bool, list[str]] | None:
    if '"' in text or not text or delimiter not in _DELETE:
        return None
    d = delimiter
    eol = "\n"
    t = text
    if "\r" in text:
        n_crlf = text.count("\r\n")
        if n_crlf == text.count("\r") == text.count("\n"):
            eol = "\r\n"  # Windows line ends throughout (Excel's CSV): split on them as they are
        else:
            t = text.replace("\r\n", "\n").replace("\r", "\n")
    if t.endswith(eol * 2):
        t = t.rstrip("\r\n")  # trailing blank lines are skipped by the csv path too
    final_newline = t.endswith(eol)  # the usual single one: kept (no copy of the text to drop it)
    end = t.find(eol)
    width = (t[:end] if end >= 0 else t).count(d) + 1
    n_lines = t.count(eol) + (0 if final_newline else 1)
    if width > max_cols or n_lines - 1 > max_rows:
        return None
    # Every line has width - 1 delimiters: the separators alone (delimiter and newline are single bytes
    # in UTF-8, never part of another character) form a regular pattern.
    raw = t.encode("utf-8", "surrogatepass")
    seps = raw.translate(None, _DELETE[d])
    if not final_newline:
        seps += b"\n"
    if seps != (d * (width - 1) + "\n").encode("ascii") * n_lines:
        return None  # ragged rows: padding and extra cells are the csv path's business
    joined = t.replace(eol, d)
    flat = joined.split(d)
    if final_newline:
        flat.pop()  # the empty "cell" after the last newline
    limit = csv.field_size_limit()
    if len(joined) > limit and _maybe_longer(joined, d, limit) and max(map(len, flat)) > limit:
        return None
    headers = flat[:width]
    if not any(h.strip() for h in headers):
        return None
    columns = [flat[width + i::width] for i in range(width)]
    # ``joined`` (tabs aside when they are the delimiter) is printable: checked on the UTF-8 bytes, where
    # only the few non-ASCII characters and control bytes are left to look at (ASCII bytes never occur
    # inside a multi-byte character).
    rest = raw.translate(None, _PLAIN[d])
    printable = not rest or rest.decode("utf-8", "surrogatepass").isprintable()
    clean = (printable and "  " not in joined and f" {d}" not in joined and f"{d} " not in joined
             and not joined.startswith(" ") and not joined.endswith(" "))
    first = columns[0]
    # A clean text has no whitespace-only cell (it would be a space next to a delimiter, or unprintable).
    if "" in first or (not clean and any(map(str.isspace, first))):
        return None  # maybe blank rows (skipped, keeping their line numbers): the csv path decides
    return [h.strip() for h in headers], columns, clean, flat
