"""Read the first worksheet of an .xlsx roster into a :class:`Table` (see ``unionkit.members.reader``).

python-calamine (Rust) reads a 100,000-row roster in ~2 s; openpyxl's streaming reader took ~47 s. But
calamine builds the sheet as one dense grid (rows × columns from the first to the last cell), so a
hostile file with one cell in A1 and one in XFD1048576 makes it allocate terabytes and abort the whole
process — nothing Python can catch. Before calamine sees a file, every part of it that holds sheet data
is therefore checked first (``calamine_safe``); only when its grid is known to be small does calamine
read it. Any other file is read by openpyxl in read-only mode, which streams rows
(with defusedxml installed, so XML attacks are refused). Both give the same table.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from unionkit.errors import ImportFileError
from unionkit.i18n import _
from unionkit.members.table import Table, fit_row

MAX_UNCOMPRESSED = 512 * 1024 * 1024  # sum of the XLSX parts (zip bombs)
# The largest grid calamine may build (~0.5 GB at its worst, measured ~1.4 GB at 24 M): a 26-column
# roster up to ~200,000 rows; bigger sheets are streamed by openpyxl.
MAX_DENSE_CELLS = 8_000_000
# The largest grid openpyxl may walk (it streams: the cost is time, one padded row at a time): a
# 1,000,000-row roster of 64 columns; a cell in XFD1048576 (17 G cells) is refused.
OPENPYXL_MAX_CELLS = 64_000_000

_PREFIXED_TAG = re.compile(rb":(?:c|row)[\s/>]")  # <x:c ...>, <x:row ...> (or text that looks so)
_DECLARED = re.compile(rb"\s*<\?xml[^>]*?encoding\s*=\s*[\"']([^\"']*)")
_SPACED_R = [re.compile(w + rb"r[ \t\r\n]+=") for w in (b" ", b"\t", b"\n", b"\r")]
_ODD_TAG = re.compile(rb"<(?:c|row)[\t\r\n/>]")
_ROW = re.compile(rb'<row r="([0-9]{1,7})"')
# A position in any other spelling (lower case: calamine reads "xfd1048576" as XFD1048576 — and aborted).
_ODD_CELL_REF = re.compile(rb'<c r="(?![A-Z]{1,3}[1-9][0-9]{0,6}")')
_ODD_ROW_REF = re.compile(rb'<row r="(?![1-9][0-9]{0,6}")')
_THREE_LETTERS = re.compile(rb'<c r="[A-Z]{3}')
_TWO_LETTERS = re.compile(rb'<c r="([A-Z])[A-Z][0-9]')


def calamine_safe(xml: bytes) -> bool:
    """Whether the grid of this part (if it is a sheet) is known to be small, from byte counts and a
    few searches (~1–1.5 s for a 100,000-row sheet of 65 MB; reading every position in Python took 3 s).

    Only the plain form that Excel, LibreOffice, Google Sheets and openpyxl write passes: UTF-8 text,
    unprefixed tags, every ``<row`` and ``<c`` tag opening with its ``r`` position written as Excel
    writes it (``A1``: upper case, no leading zero), no other ``r`` attribute anywhere (calamine takes
    the last of two positions). The grid is then at most (the largest row, rounded up in its first
    digit) × (the widest column's letters). Anything else (positions left out, in lower case, with
    character references, spaces or twice, another encoding, or text that merely looks like such
    markup) is left to openpyxl."""
    declared = _DECLARED.match(xml[:200])
    if declared and declared.group(1).lower() not in (b"utf-8", b"utf8"):
        return False  # another encoding: the byte patterns below may not see its tags
    if b"sheetData" not in xml:
        return not (xml[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in xml[:4096])  # UTF-16: can't tell
    if b"\x00" in xml or _PREFIXED_TAG.search(xml) or _ODD_TAG.search(xml):
        return False
    if _ODD_CELL_REF.search(xml) or _ODD_ROW_REF.search(xml):
        return False
    cells, rows = xml.count(b'<c r="'), _ROW.findall(xml)
    if cells != xml.count(b"<c ") or len(rows) != xml.count(b"<row "):
        return False
    if xml.count(b" r=") != cells + len(rows) or any(xml.count(w + b"r=") for w in (b"\t", b"\n", b"\r")) \
            or any(p.search(xml) for p in _SPACED_R):
        return False  # an r attribute somewhere else: a position given twice, or on another tag
    top = str(max(map(int, rows), default=0))
    digits, lead = len(top), int(top[0])
    # No cell below the rows: none with more digits, none with the same digits and a larger first one.
    beyond = rb'<c r="[A-Z]{1,3}(?:[0-9]{%d,}|[%d-9][0-9]{%d})"' % (digits + 1, lead + 1, digits - 1) \
        if lead != 9 else rb'<c r="[A-Z]{1,3}[0-9]{%d,}"' % (digits + 1)
    if re.search(beyond, xml):
        return False
    height = (lead + 1) * 10 ** (digits - 1)
    if _THREE_LETTERS.search(xml):
        width = 16384
    else:
        firsts = set(_TWO_LETTERS.findall(xml))
        width = 26 * (max(firsts)[0] - 64 + 1) if firsts else 26
    return width * height <= MAX_DENSE_CELLS


def read_xlsx(p: Path, data: bytes, max_rows: int, max_cols: int) -> Table:
    bad = _("{name} is not a readable Excel (.xlsx) file.").format(name=p.name)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            if sum(i.file_size for i in zf.infolist()) > MAX_UNCOMPRESSED:
                msg = _("{name} expands to too much data to import safely.")
                raise ImportFileError(msg.format(name=p.name), path=str(p))
            checked = _for_calamine(zf)
    except ImportFileError:
        raise
    except Exception:  # noqa: BLE001 - any zip damage is a user-facing "cannot read"
        raise ImportFileError(bad, path=str(p)) from None
    fast = checked is not None
    rows = _calamine_rows(checked) if fast else _openpyxl_rows(data, p)
    try:
        return _table(p, rows, max_rows, max_cols, text=fast)
    except ImportFileError:
        raise
    except BaseException as exc:  # noqa: BLE001 - a Rust panic arrives as a BaseException
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        raise ImportFileError(bad, path=str(p)) from None


def _for_calamine(zf: zipfile.ZipFile) -> bytes | None:
    """The archive calamine may read: a new one (stored, in memory) holding exactly the parts that were
    checked, or None when a part is not ``calamine_safe``.

    calamine must not see the original bytes: its zip reader and Python's can disagree on which central
    directory a file has (two end records), and when the XLSX reader fails it falls back to its XLSB and
    ODS readers, which have grids of their own. So only the XML parts of an XLSX package go in: no
    ``.bin`` part, no root-level ``content.xml``/``mimetype``, no ``META-INF`` (found by an adversarial
    review: each of these aborted the process)."""
    out = io.BytesIO()
    names: set[str] = set()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as new:
        for info in zf.infolist():
            body = zf.read(info)
            if not calamine_safe(body):
                return None
            name = info.filename
            xlsx_part = ("/" in name or name == "[Content_Types].xml") and not name.startswith("META-INF/") \
                and name.lower().endswith((".xml", ".rels"))
            if xlsx_part and name not in names:
                names.add(name)
                new.writestr(name, body)
    return out.getvalue()


def _calamine_rows(data: bytes) -> Iterator[tuple[int, list]]:
    """(line, values) of the first worksheet, from line 1 and column A (calamine starts its grid at the
    first cell that has a value)."""
    from python_calamine import CalamineWorkbook, SheetTypeEnum

    wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
    try:
        first = next(i for i, m in enumerate(wb.sheets_metadata) if m.typ == SheetTypeEnum.WorkSheet)
        sheet = wb.get_sheet_by_index(first)
        grid = sheet.to_python(skip_empty_area=True)
        row0, col0 = sheet.start or (0, 0)
    finally:
        wb.close()
    grid = _as_text(grid)
    pad = [""] * col0
    for i, values in enumerate(grid):
        yield row0 + 1 + i, pad + values if col0 else values


def _as_text(grid: list[list]) -> list[list[str]]:
    """Every cell as text, converted by column: only the columns holding numbers, dates or booleans
    go through ``cell_to_str`` (1.1 M calls for a 100,000-row roster took ~1 s)."""
    if not grid:
        return grid
    columns: list = list(zip(*grid, strict=True))  # calamine rows all have the grid's width
    typed = False
    for k, col in enumerate(columns):
        if set(map(type, col)) != {str}:
            columns[k] = [v if type(v) is str else cell_to_str(v) for v in col]
            typed = True
    return [list(row) for row in zip(*columns, strict=True)] if typed else grid


def _openpyxl_rows(data: bytes, p: Path) -> Iterator[tuple[int, list]]:
    """The same from openpyxl, streamed. Its reader pads every row to the sheet's width and yields the
    missing rows as empty ones, so the sheet's real extent is measured first (the dimension a file
    declares may lie) and a grid too big to walk is refused."""
    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        ws = wb.worksheets[0]
        ws.reset_dimensions()
        ws.calculate_dimension(force=True)
        if (ws.max_row or 0) * (ws.max_column or 0) > OPENPYXL_MAX_CELLS:
            msg = _("{name} reaches row {rows} and column {cols}: too large to read safely.")
            raise ImportFileError(msg.format(name=p.name, rows=ws.max_row, cols=ws.max_column), path=str(p))
        for line, values in enumerate(ws.iter_rows(values_only=True), start=1):
            yield line, list(values)
    finally:
        wb.close()


def _table(p: Path, source: Iterable[tuple[int, list]], max_rows: int, max_cols: int, *, text: bool) -> Table:
    """``text``: the source's cells are all ``str`` already (calamine's, after ``_as_text``)."""
    headers: list[str] | None = None
    header_line = 1
    rows: list[tuple[int, list[str]]] = []
    for line, values in source:
        if values.count(None) + values.count("") == len(values):
            continue  # a blank row (quick: a sheet may have a million of them)
        cells = values if text or all(type(v) is str for v in values) else [cell_to_str(v) for v in values]
        while cells and not cells[-1].strip():
            cells.pop()
        if not cells or not any(c.strip() for c in cells):
            continue
        if len(cells) > max_cols:
            msg = _("{name}, line {line}: too many columns ({count}; the limit is {limit}).")
            raise ImportFileError(msg.format(name=p.name, line=line, count=len(cells), limit=max_cols),
                                  path=str(p), line=line)
        if headers is None:
            headers = [c.strip() for c in cells]
            header_line = line
            continue
        if len(rows) >= max_rows:
            msg = _("{name} has more than {limit} rows.")
            raise ImportFileError(msg.format(name=p.name, limit=max_rows), path=str(p), line=line)
        rows.append((line, fit_row(cells, len(headers))))
    if headers is None:
        msg = _("{name} is empty: it has no header row.")
        raise ImportFileError(msg.format(name=p.name), path=str(p), line=1)
    return Table(headers=headers, rows=rows, header_line=header_line, kind="xlsx")


def cell_to_str(value: object) -> str:
    """How an XLSX cell value becomes text (dates ISO, integral numbers without '.0')."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M:%S")
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    return str(value)
