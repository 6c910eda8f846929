"""The common roster CSV read without the ``csv`` module: no quote characters, every line with the
header's number of fields, no blank line. Such a text splits on the delimiter exactly as ``csv.reader``
splits it, so the whole file becomes one flat list of cells (one C-level ``split``) and each column is a
slice of it; no per-row Python objects are made until someone asks for ``Table.rows``.

``split_simple(text, delimiter, max_rows, max_cols)`` returns ``(headers, columns, clean)`` or ``None``
when the text is not of that kind (the caller then uses ``csv.reader``, which also reports errors).
``clean`` is True when no cell needs the trim / inner-space clean-up (``" ".join(cell.split())``).
"""

from __future__ import annotations

import csv
from operator import methodcaller


def split_simple(text: str, delimiter: str, max_rows: int, max_cols: int
                 ) -> tuple[list[str], list[list[str]], bool] | None:
    if '"' in text or not text:
        return None
    d = delimiter
    t = text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
    t = t.rstrip("\n")  # trailing blank lines are skipped by the csv path too
    lines = t.split("\n")
    width = lines[0].count(d) + 1
    if width > max_cols or len(lines) - 1 > max_rows:
        return None
    if len(set(map(methodcaller("count", d), lines))) != 1:
        return None  # ragged rows: padding and extra cells are the csv path's business
    del lines
    joined = t.replace("\n", d)
    flat = joined.split(d)
    if len(joined) > csv.field_size_limit() and max(map(len, flat)) > csv.field_size_limit():
        return None
    headers = flat[:width]
    if not any(h.strip() for h in headers):
        return None
    columns = [flat[width + i::width] for i in range(width)]
    first = columns[0]
    if "" in first or any(map(str.isspace, first)):
        return None  # maybe blank rows (skipped, keeping their line numbers): the csv path decides
    printable = (joined if d != "\t" else joined.replace("\t", "")).isprintable()
    clean = (printable and "  " not in joined and f" {d}" not in joined and f"{d} " not in joined
             and not joined.startswith(" ") and not joined.endswith(" "))
    return [h.strip() for h in headers], columns, clean
