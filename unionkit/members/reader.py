"""Read a roster file (CSV or XLSX) into plain strings, whatever the encoding or delimiter.

Public API (stable; the votes area reuses it for ``votes threshold``)::

    table = read_table(path)          # -> Table
    table.headers                     # list[str], the first non-blank row, cells stripped
    table.rows                        # list[(line_number, cells)], cells are str, padded to the headers
    table.header_line                 # usually 1

Line numbers are those of the file: the header is line 1, blank rows are skipped but keep their
numbers (a CSV record with a quoted newline counts from the line where it starts). XLSX date cells
come out as ISO ``YYYY-MM-DD``; integral numbers without ``.0``; booleans as ``TRUE``/``FALSE``.

CSV: UTF-8 with or without BOM, UTF-16 (with BOM, or without when NUL bytes show it), else cp1252 /
Latin-1 (charset-normalizer arbitrates); delimiter ``,`` ``;`` or tab, detected on the header row;
CRLF or LF. XLSX: first worksheet, by python-calamine or, for a sheet whose size cannot be bounded up
front, openpyxl in read-only mode (``unionkit.members.xlsx``), with caps on the file size, the
uncompressed size, rows and columns.

Anything that cannot be read raises :class:`unionkit.errors.ImportFileError` with path/line/column;
no other exception escapes (a Hypothesis fuzz test holds us to that).
"""

from __future__ import annotations

import csv
import hashlib
import io
from pathlib import Path

from unionkit.errors import ImportFileError
from unionkit.i18n import _
from unionkit.members.bulk import gc_paused
from unionkit.members.csv_fast import split_simple
from unionkit.members.table import Table, fit_row
from unionkit.members.xlsx import read_xlsx

MAX_BYTES = 64 * 1024 * 1024          # file on disk
MAX_ROWS = 1_000_000
MAX_COLS = 256
DELIMITERS = (",", ";", "\t")
# What str.splitlines() splits on.
_LINE_ENDS = ("\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")


def read_table(path: str | Path, *, max_rows: int = MAX_ROWS, max_cols: int = MAX_COLS,
               max_bytes: int = MAX_BYTES) -> Table:
    """Read ``path`` (CSV/TSV/TXT or XLSX) into a :class:`Table`; raises ImportFileError."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > max_bytes:
            msg = _("The file {name} is too large to import ({mb} MB; the limit is {limit} MB).")
            raise ImportFileError(msg.format(name=p.name, mb=size >> 20, limit=max_bytes >> 20), path=str(p))
        data = p.read_bytes()
    except OSError as exc:
        raise ImportFileError(_("Cannot read the file {name}: {reason}").format(
            name=p.name, reason=exc.strerror or type(exc).__name__), path=str(p)) from None
    digest = hashlib.sha256(data).hexdigest()
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise ImportFileError(_("{name} is an old Excel (.xls) file: open it in Excel or LibreOffice and "
                                "save it as .xlsx or .csv.").format(name=p.name), path=str(p))
    with gc_paused():
        if data[:4] == b"PK\x03\x04":
            table = read_xlsx(p, data, max_rows, max_cols)
        else:
            table = read_csv_bytes(data, name=p.name, path=str(p), max_rows=max_rows, max_cols=max_cols)
    table.sha256 = digest
    table.path = str(p)
    return table


# ---------------------------------------------------------------- CSV

def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name) for the bytes of a text file."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    head = data[:4096]
    if len(head) >= 4 and head.count(b"\x00") * 3 >= len(head):
        # UTF-16 without a BOM: ASCII text shows a NUL in every other byte.
        enc = "utf-16-le" if head[1:2] == b"\x00" else "utf-16-be"
        return data.decode(enc, errors="replace"), enc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    enc = "cp1252"
    try:
        import charset_normalizer

        isolation = ["cp1252", "latin_1", "cp850"]
        best = charset_normalizer.from_bytes(data[:200_000], cp_isolation=isolation).best()
        if best is not None and best.encoding in ("cp850",):
            enc = best.encoding
    except Exception:  # noqa: BLE001 - detection is a hint only; cp1252 is the Mexican default
        pass
    try:
        return data.decode(enc), enc
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _detect_delimiter(text: str) -> str:
    first = ""
    start = 0
    while start < len(text):  # the first non-blank line (without splitting the whole text)
        end = min((i for i in (text.find(c, start) for c in _LINE_ENDS) if i >= 0), default=len(text))
        if text[start:end].strip(" \t\r\n,;\x00"):
            first = text[start:end]
            break
        start = end + 1
    counts = {d: 0 for d in DELIMITERS}
    quoted = False
    for ch in first:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv_bytes(data: bytes, *, name: str = "", path: str | None = None, max_rows: int = MAX_ROWS,
                   max_cols: int = MAX_COLS, fast: bool = True) -> Table:
    """Parse the bytes of a delimited text file (see :func:`read_table`). ``fast=False`` always uses
    ``csv.reader`` (tests compare the two paths)."""
    text, encoding = decode_bytes(data)
    if "\x00" in text:
        text = text.replace("\x00", "")
    delimiter = _detect_delimiter(text)
    simple = split_simple(text, delimiter, max_rows, max_cols) if fast else None
    if simple is not None:
        headers, columns, clean, flat = simple
        table = Table(headers=headers, header_line=1, encoding=encoding, delimiter=delimiter, kind="csv",
                      columns=columns, clean_cells=clean)
        table.backing = flat
        return table
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"', strict=False)
    headers: list[str] | None = None
    header_line = 1
    rows: list[tuple[int, list[str]]] = []
    last_line = 0
    width = -1  # no header yet
    append = rows.append
    while True:
        start = last_line + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise ImportFileError(_("{name}, line {line}: the row cannot be read ({reason}).").format(
                name=name, line=reader.line_num, reason=str(exc)), path=path, line=reader.line_num) from None
        last_line = reader.line_num
        if len(cells) == width and cells[0] and not cells[0].isspace():
            # Hot path (100,000 rows): a full-width row whose first cell has text.
            if len(rows) >= max_rows:
                raise ImportFileError(_("{name} has more than {limit} rows.").format(name=name, limit=max_rows),
                                      path=path, line=start)
            append((start, cells))
            continue
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > max_cols:
            raise ImportFileError(_("{name}, line {line}: too many columns ({count}; the limit is {limit}).")
                                  .format(name=name, line=start, count=len(cells), limit=max_cols),
                                  path=path, line=start)
        if headers is None:
            headers = [c.strip() for c in cells]
            header_line = start
            width = len(headers)
            continue
        if len(rows) >= max_rows:
            raise ImportFileError(_("{name} has more than {limit} rows.").format(name=name, limit=max_rows),
                                  path=path, line=start)
        rows.append((start, fit_row(cells, len(headers))))
    if headers is None:
        raise ImportFileError(_("{name} is empty: it has no header row.").format(name=name), path=path,
                              line=1)
    return Table(headers=headers, rows=rows, header_line=header_line, encoding=encoding, delimiter=delimiter,
                 kind="csv")
