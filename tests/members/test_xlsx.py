"""XLSX rosters: python-calamine reads the plain sheets fast, openpyxl the rest, both to the same table;
hostile sheets (a cell in XFD1048576, a position given twice) get a typed error, never a crash."""

from __future__ import annotations

import datetime as dt
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


def test_a_hostile_sheet_is_a_typed_error_in_seconds_and_the_process_survives(tmp_path):
    """One cell in A1 and one in XFD1048576: calamine would allocate ~17 G cells and abort the process;
    openpyxl would walk a million padded rows. Run in a child with 2 GB of address space."""
    wb = openpyxl.Workbook()
    wb.active["A1"] = "Nombre"
    wb.active["B2"] = "Ana"
    wb.active.cell(row=1048576, column=16384, value="lejos")
    path = tmp_path / "lejos.xlsx"
    wb.save(path)
    code = ("import resource, sys\n"
            "resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))\n"
            "from unionkit.errors import ImportFileError\n"
            "from unionkit.members.reader import read_table\n"
            "try:\n    read_table(sys.argv[1])\nexcept ImportFileError as e:\n    print('typed:', e)\n")
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=30)
    assert out.returncode == 0, out.stderr[-500:]
    assert "typed:" in out.stdout and "1048576" in out.stdout


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
