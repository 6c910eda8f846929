"""XLSX rosters: python-calamine reads the plain sheets fast, openpyxl the rest, both to the same table;
hostile sheets (a cell in XFD1048576, a position given twice) get a typed error, never a crash."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
import zipfile

import openpyxl
import pytest

from unionkit.members import xlsx
from unionkit.members.reader import read_table


def _workbook(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["C3"], ws["D3"], ws["E3"], ws["F3"] = "Nombre(s)", "CURP", "Fecha de ingreso", "Confianza"
    ws["C5"], ws["D5"], ws["E5"], ws["F5"] = "José Ángel", "BEML920313HMCLNS09", dt.datetime(2019, 3, 5), True
    ws["C6"], ws["D6"], ws["E6"], ws["G6"] = "Ana", "  ", 43831, 1.5
    ws["C8"], ws["E8"] = "Luis", dt.time(10, 30)
    wb.save(path)
    return path


def _rewrite(src, dst, old: bytes, new: bytes):
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                assert old in data
                data = data.replace(old, new, 1)
            zout.writestr(info, data)
    return dst


def test_calamine_and_openpyxl_read_the_same_table(tmp_path, monkeypatch):
    path = _workbook(tmp_path / "padron.xlsx")
    with zipfile.ZipFile(path) as zf:
        assert all(xlsx.calamine_safe(zf.read(i)) for i in zf.infolist())
    fast = read_table(path)
    monkeypatch.setattr(xlsx, "calamine_safe", lambda _xml: False)
    slow = read_table(path)
    def trimmed(t):  # a whitespace-only cell is "" for calamine and "  " for openpyxl: the import trims both
        return t.headers, [(line, [c.strip() for c in cells]) for line, cells in t.rows], t.header_line

    assert trimmed(fast) == trimmed(slow)
    assert fast.headers == ["", "", "Nombre(s)", "CURP", "Fecha de ingreso", "Confianza"]  # from column A
    assert fast.header_line == 3 and [line for line, _cells in fast.rows] == [5, 6, 8]  # blank rows keep lines
    assert fast.rows[0][1][2:] == ["José Ángel", "BEML920313HMCLNS09", "2019-03-05", "TRUE"]
    assert fast.rows[1][1][4:] == ["43831", "", "1.5"] and fast.rows[2][1][4] == "10:30:00"


@pytest.mark.parametrize("name, old, new", [
    ("far cell", b'<c r="D5"', b'<c r="XFD1048576"'),
    ("position twice", b'<c r="D5"', b'<c r="D5" r="XFD1048576"'),
    ("spaced position", b'<c r="D5"', b'<c r="D5" r ="XFD1048576"'),
    ("prefixed tags", b'<c r="D5"', b'<x:c r="D5"'),
    ("no position", b'<c r="D5"', b'<c'),
    ("lower case", b'<c r="D5"', b'<c r="xfd1048576"'),  # calamine reads it as XFD1048576 and aborted
    ("mixed case", b'<c r="D5"', b'<c r="Xfd1048576"'),
    ("leading zero", b'<c r="D5"', b'<c r="D0000005"'),
    ("odd row", b'<row r="5"', b'<row r="05"'),
])
def test_sheets_calamine_would_choke_on_are_not_given_to_it(tmp_path, name, old, new):
    bad = _rewrite(_workbook(tmp_path / "ok.xlsx"), tmp_path / "bad.xlsx", old, new)
    with zipfile.ZipFile(bad) as zf:
        assert not xlsx.calamine_safe(zf.read("xl/worksheets/sheet1.xml")), name


def _read_in_child(path) -> str:
    """``read_table`` in a child limited to 2 GB: a reader that aborts must not take the tests with it."""
    code = ("import resource, sys\n"
            "resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))\n"
            "from unionkit.errors import ImportFileError\n"
            "from unionkit.members.reader import read_table\n"
            "try:\n    t = read_table(sys.argv[1])\n    print('table:', t.headers, len(t.rows))\n"
            "except ImportFileError as e:\n    print('typed:', e)\n")
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr[-500:]
    return out.stdout


def test_a_hostile_sheet_is_a_typed_error_in_seconds_and_the_process_survives(tmp_path):
    """One cell in A1 and one in XFD1048576: calamine would allocate ~17 G cells and abort the process;
    openpyxl would walk a million padded rows. Run in a child with 2 GB of address space."""
    wb = openpyxl.Workbook()
    wb.active["A1"] = "Nombre"
    wb.active["B2"] = "Ana"
    wb.active.cell(row=1048576, column=16384, value="lejos")
    path = tmp_path / "lejos.xlsx"
    wb.save(path)
    out = _read_in_child(path)
    assert "typed:" in out and "1048576" in out


def test_calamine_safe_on_plain_and_odd_xml():
    plain = (b'<?xml version="1.0" encoding="UTF-8"?><worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v>'
             b'</c><c r="K1"><v>1</v></c></row><row r="100000"><c r="B100000"><v>2</v></c></row></sheetData>'
             b'<pageMargins header="0.3" footer="0.3"/></worksheet>')
    assert xlsx.calamine_safe(plain)
    assert xlsx.calamine_safe(b"<sst><si><t>no sheet here</t></si></sst>")
    assert not xlsx.calamine_safe(plain.replace(b'r="B100000"', b'r="B9100000"'))  # below the last row
    assert not xlsx.calamine_safe(plain.replace(b'r="K1"', b'r="AAA1"'))  # 16,384 wide × 200,000 rows
    assert not xlsx.calamine_safe(plain.replace(b"UTF-8", b"ISO-8859-1"))
    assert not xlsx.calamine_safe(plain.decode().encode("utf-16"))
    assert not xlsx.calamine_safe(plain.replace(b"<row r=\"1\">", b"<row>"))


def _deflate(data: bytes) -> bytes:
    import zlib

    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def _two_directories(hostile: list[tuple[str, bytes]], benign: list[tuple[str, bytes]]) -> bytes:
    """A zip with two central directories: Python's zipfile takes the last end record (benign parts),
    the Rust zip crate skips it when its comment length runs past the end and takes the first (hostile)."""
    import struct
    import zlib

    def local(name, data):
        comp, n = _deflate(data), name.encode()
        return struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0x21, zlib.crc32(data), len(comp),
                           len(data), len(n), 0) + n + comp

    def central(name, data, off):
        comp, n = _deflate(data), name.encode()
        return struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, 8, 0, 0x21, zlib.crc32(data),
                           len(comp), len(data), len(n), 0, 0, 0, 0, 0, off) + n

    out, offsets = bytearray(), []
    for name, data in hostile + benign:
        offsets.append(len(out))
        out += local(name, data)
    for parts, offs, comment in ((hostile, offsets[:len(hostile)], 0), (benign, offsets[len(hostile):], 0xFFFF)):
        start = len(out)
        cd = b"".join(central(n, d, o) for (n, d), o in zip(parts, offs, strict=True))
        out += cd + struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(parts), len(parts), len(cd), start, comment)
    return bytes(out)


def test_calamine_reads_only_the_parts_that_were_checked(tmp_path):
    """Found by an adversarial review: each of these aborted the process before."""
    base = _workbook(tmp_path / "base.xlsx")
    with zipfile.ZipFile(base) as zf:
        benign = [(i.filename, zf.read(i)) for i in zf.infolist()]
    far = dict(benign)["xl/worksheets/sheet1.xml"].replace(b'<c r="D5"', b'<c r="XFD1048576"')
    hostile = [(n, far if n == "xl/worksheets/sheet1.xml" else d) for n, d in benign]
    two = tmp_path / "two-directories.xlsx"
    two.write_bytes(_two_directories(hostile, benign))
    assert "table:" in _read_in_child(two)  # calamine gets the parts Python checked, not the hidden ones
    # An OpenDocument sheet named .xlsx: calamine falls back to its ODS reader, which expands repeats.
    ods = tmp_path / "ods.xlsx"
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body><office:spreadsheet>'
               '<table:table table:name="H"><table:table-row table:number-rows-repeated="299999"><table:table-cell/>'
               '</table:table-row><table:table-row><table:table-cell table:number-columns-repeated="199"/>'
               '<table:table-cell office:value-type="float" office:value="1"/></table:table-row></table:table>'
               '</office:spreadsheet></office:body></office:document-content>')
    with zipfile.ZipFile(ods, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("META-INF/manifest.xml", "<manifest/>")
        zf.writestr("content.xml", content)
    assert "typed:" in _read_in_child(ods)
    with zipfile.ZipFile(ods) as zf:
        rebuilt = xlsx._for_calamine(zf)
    assert rebuilt is not None and zipfile.ZipFile(io.BytesIO(rebuilt)).namelist() == []
