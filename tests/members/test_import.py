"""Roster import through the service and the CLI: problems with lines, duplicates, updates, strict,
idempotent re-import, one batch with the file's SHA-256."""

from __future__ import annotations

import hashlib
import json

import pytest

from tests.conftest import PASS
from unionkit.cli import main as cli_main
from unionkit.members.commit import commit, import_file
from unionkit.members.importer import preview
from unionkit.members.query import PersonFilter, list_people
from unionkit.members.reader import read_table
from unionkit.members.service import find_by_curp, history

ROSTER = (
    "Nombre(s);Apellido Paterno;Apellido Materno;CURP;No. Empleado;Fecha de ingreso;Centro de trabajo;Puesto\r\n"
    "José Ángel;Núñez;Peña;beml 920313 hmclns09;1001;05/03/2019;Planta Silao;=SUMA(A1:A9)\r\n"
    "\r\n"
    "María;Añorve;;SABC560626MDFLRN01;1002;2018-11-30;Planta Silao;Soldadora\r\n"
    "Pedro;Sin;Curp;;1003;01/01/2020;Planta Silao;\r\n"
    "Luis;Malo;Digito;BOXW310820HNERXN08;1004;01/01/2020;Planta Silao;\r\n"
    "Ana;Mala;Fecha;AAAA050101HDFXXXA0;1005;31/02/2020;Planta Celaya;\r\n"
    "Repetido;Núñez;Peña;BEML920313HMCLNS09;1006;05/03/2019;Planta Silao;\r\n"
    "Corto;X;Y;ABC;1007;;Planta Silao;\r\n"
)


@pytest.fixture
def roster(tmp_path):
    p = tmp_path / "padron.csv"
    p.write_bytes(ROSTER.encode("cp1252"))
    return p


def test_preview_reports_lines_columns_codes(vault, roster):
    prev = preview(vault, read_table(roster))
    s = prev.summary()
    assert s["data_rows"] == 7
    assert s["imported"] == 2 and s["updated"] == 0
    codes = {(r["line"], r["code"]) for r in s["rejected"]}
    assert codes == {(5, "curp_missing"), (6, "curp_check_digit"), (7, "date"), (9, "curp_format")}
    col = {r["line"]: r["column"] for r in s["rejected"]}
    assert col[7] == "Fecha de ingreso" and col[5] == "CURP"
    assert s["duplicates"] == [{"line": 8, "duplicate_of_line": 2}]
    assert all(r["message"] for r in s["rejected"])


def test_commit_then_reimport_changes_nothing(vault, roster):
    r1 = import_file(vault, roster)
    assert r1["committed"] and r1["imported"] == 2
    sha = hashlib.sha256(roster.read_bytes()).hexdigest()
    assert vault.query("SELECT sha256, imported FROM import_batch") == [(sha, 2)]
    p = find_by_curp(vault, "BEML920313HMCLNS09")
    assert p.nombre == "José Ángel" and p.primer_apellido == "Núñez"
    assert p.position == "=SUMA(A1:A9)"  # a formula-looking cell is stored as text, unchanged
    assert p.birth_date == "1992-03-13" and p.sex == "H" and p.is_member == 1
    assert [e.kind for e in history(vault, p.id)] == ["join"]
    assert vault.scalar("SELECT count(*) FROM workplace") == 1  # Planta Celaya only on a rejected row
    before = vault.query("SELECT * FROM person ORDER BY id")
    r2 = import_file(vault, roster)
    assert (r2["imported"], r2["updated"], r2["unchanged"]) == (0, 0, 2)
    assert not r2["committed"]
    assert vault.query("SELECT * FROM person ORDER BY id") == before
    assert vault.scalar("SELECT count(*) FROM import_batch") == 1


def test_update_existing_person(vault, roster, tmp_path):
    import_file(vault, roster)
    changed = tmp_path / "cambio.csv"
    changed.write_text("CURP,Puesto,Turno\nBEML920313HMCLNS09,Supervisor,Nocturno\nSABC560626MDFLRN01,,\n",
                       encoding="utf-8")
    prev = preview(vault, read_table(changed))
    assert [r.action for r in prev.rows] == ["update", "unchanged"]
    res = commit(vault, prev)
    assert res["updated"] == 1
    p = find_by_curp(vault, "BEML920313HMCLNS09")
    assert (p.position, p.shift, p.nombre) == ("Supervisor", "Nocturno", "José Ángel")


def test_strict_imports_nothing(vault, roster):
    res = import_file(vault, roster, strict=True)
    assert res["strict_refused"] and res["imported"] == 0
    assert vault.scalar("SELECT count(*) FROM person") == 0


def test_full_name_column_and_xlsx_mapping(vault, tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["Nombre completo", "CURP", "Número de empleado", "Sexo"])
    wb.active.append(["NÚÑEZ PEÑA JOSÉ ÁNGEL", "BEML920313HMCLNS09", 77, "Hombre"])
    wb.active.append(["Carmen Salas Bravo", "SABC560626MDFLRN01", 78, "F"])
    path = tmp_path / "lista.xlsx"
    wb.save(path)
    res = import_file(vault, path)
    assert res["imported"] == 2, res
    a = find_by_curp(vault, "BEML920313HMCLNS09")
    assert (a.nombre, a.primer_apellido, a.segundo_apellido, a.employee_no) == ("JOSÉ ÁNGEL", "NÚÑEZ", "PEÑA", "77")
    b = find_by_curp(vault, "SABC560626MDFLRN01")
    assert (b.nombre, b.primer_apellido, b.segundo_apellido, b.sex) == ("Carmen", "Salas", "Bravo", "M")


def test_accent_insensitive_search(vault, roster):
    import_file(vault, roster)
    assert [p.curp for p in list_people(vault, PersonFilter(text="nunez"))] == ["BEML920313HMCLNS09"]
    assert [p.curp for p in list_people(vault, PersonFilter(text="ANORVE mar"))] == ["SABC560626MDFLRN01"]
    assert [p.curp for p in list_people(vault, PersonFilter(text="1002"))] == ["SABC560626MDFLRN01"]
    # one or two letters: surnames that start with them (on the sort index)
    assert [p.curp for p in list_people(vault, PersonFilter(text="a"))] == ["SABC560626MDFLRN01"]
    assert [p.curp for p in list_people(vault, PersonFilter(text="NU"))] == ["BEML920313HMCLNS09"]


def _cli(tmp_path, *args):
    pf = tmp_path / "pass.txt"
    pf.write_text(PASS + "\n", encoding="utf-8")
    return cli_main(["--vault", str(tmp_path / "v"), "--passphrase-file", str(pf), *args])


def test_cli_import_json_keys(vault, roster, tmp_path, capsys):
    vault.close()
    rc = _cli(tmp_path, "members", "import", str(roster), "--dry-run", "--json")
    out = json.loads(capsys.readouterr().out)
    assert rc == 0
    for key in ("data_rows", "imported", "updated", "unchanged", "rejected", "duplicates"):
        assert key in out
    assert out["imported"] == 2 and out["dry_run"]
    assert {"line", "column", "code", "message"} <= set(out["rejected"][0])
    rc = _cli(tmp_path, "members", "import", str(roster), "--strict", "--json")
    assert rc == 1
    capsys.readouterr()
    assert _cli(tmp_path, "members", "import", str(roster), "--json") == 0
    assert json.loads(capsys.readouterr().out)["imported"] == 2
    assert _cli(tmp_path, "members", "list", "--search", "NUNEZ", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed["count"] == 1 and listed["people"][0]["primer_apellido"] == "Núñez"
    assert _cli(tmp_path, "members", "import", str(tmp_path / "nope.csv"), "--json") == 1


def test_mapping_is_remembered_per_source(vault, tmp_path):
    from unionkit.members.mapping import auto_map, recall

    path = tmp_path / "raro.csv"
    path.write_text("Col A,Identificador,Cosa\nAna,BEML920313HMCLNS09,x\n", encoding="utf-8")
    table = read_table(path)
    assert "curp" not in auto_map(table.headers)
    res = import_file(vault, path, mapping={"nombre": 0, "curp": 1})
    assert res["imported"] == 1
    assert recall(vault, table.headers) == {"nombre": 0, "curp": 1}
    assert preview(vault, table).mapping == {"nombre": 0, "curp": 1}


@pytest.mark.parametrize("header,field", [
    ("Nombre(s)", "nombre"), ("Apellido Paterno", "primer_apellido"), ("Apellido Materno", "segundo_apellido"),
    ("Nombre completo", "nombre_completo"), ("CURP", "curp"), ("No. Empleado", "employee_no"),
    ("Número de empleado", "employee_no"), ("Fecha de ingreso", "hire_date"), ("Departamento", "department"),
    ("Turno", "shift"), ("Puesto", "position"), ("Sexo", "sex"), ("First name", "nombre"),
    ("NSS", "nss"), ("Centro de trabajo", "workplace"),
])
def test_auto_mapping_headers(header, field):
    from unionkit.members.mapping import auto_map

    assert auto_map([header]) == {field: 0}
