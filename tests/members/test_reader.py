"""Roster readers: one logical table in many encodings x delimiters x line endings; XLSX; fuzzing."""

from __future__ import annotations

import datetime as dt
import itertools

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unionkit.errors import ImportFileError
from unionkit.members.reader import read_csv_bytes, read_table

HEADERS = ["Nombre(s)", "Apellido Paterno", "Apellido Materno", "CURP", "Fecha de ingreso", "Puesto"]
RECORDS = [
    ["José Ángel", "Núñez", "Peña", "BEML920313HMCLNS09", "05/03/2019", "Operador, línea 2"],
    ["María", "Añorve", "", "SABC560626MDFLRN01", "2018-11-30", "Soldadora"],
    ["Ñoño", "O'Brien", "Güemes", "BOXW310820HNERXN09", "43831", 'Técnico "A"'],
]


def _csv_text(delim: str, eol: str) -> str:
    def cell(c: str) -> str:
        if any(ch in c for ch in (delim, '"', "\n")):
            return '"' + c.replace('"', '""') + '"'
        return c

    lines = [delim.join(cell(c) for c in HEADERS), ""]  # a blank row: line 2
    lines += [delim.join(cell(c) for c in r) for r in RECORDS]
    return eol.join(lines) + eol


ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252"]
COMBOS = list(itertools.product(ENCODINGS, [",", ";", "\t"], ["\r\n", "\n"]))


@pytest.mark.parametrize("encoding,delim,eol", COMBOS)
def test_golden_roster_parses_identically(tmp_path, encoding, delim, eol):
    path = tmp_path / "padron.csv"
    path.write_bytes(_csv_text(delim, eol).encode(encoding))
    table = read_table(path)
    assert table.headers == HEADERS
    assert [line for line, _ in table.rows] == [3, 4, 5]
    assert [cells for _, cells in table.rows] == RECORDS
    assert table.delimiter == delim
    assert len(table.sha256) == 64


def test_golden_xlsx_matches_csv(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADERS)
    ws.append([None] * 6)
    for r in RECORDS:
        row = list(r)
        if r[4] == "05/03/2019":
            row[4] = dt.datetime(2019, 3, 5)
        if r[4] == "43831":
            row[4] = 43831
        ws.append(row)
    path = tmp_path / "padron.xlsx"
    wb.save(path)
    table = read_table(path)
    assert table.kind == "xlsx"
    assert table.headers == HEADERS
    assert [line for line, _ in table.rows] == [3, 4, 5]
    assert table.rows[0][1][4] == "2019-03-05"
    assert table.rows[2][1][4] == "43831"
    assert table.rows[1][1][:3] == ["María", "Añorve", ""]


def test_multiline_cell_keeps_start_line():
    data = 'Nombre,Notas\n\nAna,"dos\nlíneas"\nLuis,x\n'.encode()
    t = read_csv_bytes(data)
    assert t.rows == [(3, ["Ana", "dos\nlíneas"]), (5, ["Luis", "x"])]


def test_short_rows_are_padded():
    t = read_csv_bytes(b"a;b;c\n1\n")
    assert t.rows == [(2, ["1", "", ""])]


@pytest.mark.parametrize("data", [b"", b"\n\n  \n", b",,,\n,,\n"])
def test_empty_files_raise_typed_error(data):
    with pytest.raises(ImportFileError):
        read_csv_bytes(data)


def test_old_xls_and_broken_xlsx(tmp_path):
    xls = tmp_path / "a.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    with pytest.raises(ImportFileError):
        read_table(xls)
    bad = tmp_path / "b.xlsx"
    bad.write_bytes(b"PK\x03\x04garbage")
    with pytest.raises(ImportFileError) as e:
        read_table(bad)
    assert e.value.path == str(bad)
    with pytest.raises(ImportFileError):
        read_table(tmp_path / "missing.csv")


def test_caps(tmp_path):
    with pytest.raises(ImportFileError):
        read_csv_bytes(b"a\n" + b"1\n" * 20, max_rows=10)
    with pytest.raises(ImportFileError) as e:
        read_csv_bytes(b"a\n" + b",".join([b"x"] * 30) + b"\n", max_cols=10)
    assert e.value.line == 2


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_fuzz_csv_bytes_only_typed_errors(data):
    try:
        t = read_csv_bytes(data)
    except ImportFileError:
        return
    assert all(isinstance(c, str) for _, cells in t.rows for c in cells)
    assert all(line > t.header_line for line, _ in t.rows)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.text(max_size=12), max_size=6), max_size=8), st.sampled_from([",", ";", "\t"]))
def test_fuzz_csv_text_only_typed_errors(rows, delim):
    text = "\n".join(delim.join(r) for r in rows)
    try:
        read_csv_bytes(text.encode("utf-8"))
    except ImportFileError:
        pass


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(min_size=1, max_size=400), st.integers(min_value=0, max_value=3000))
def test_fuzz_xlsx_corruption_only_typed_errors(tmp_path, junk, pos):
    wb = openpyxl.Workbook()
    wb.active.append(["Nombre", "CURP"])
    wb.active.append(["Ana", "X"])
    good = tmp_path / "good.xlsx"
    wb.save(good)
    data = bytearray(good.read_bytes())
    pos = pos % len(data)
    data[pos:pos + len(junk)] = junk
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(bytes(data))
    try:
        read_table(bad)
    except ImportFileError:
        pass
