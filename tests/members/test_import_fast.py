"""The 100,000-row fast paths agree with the plain rules: the quote-free CSV split vs csv.reader, the
bulk CURP check vs check_curp, column-wise preview vs row-by-row rules, uid strings, and the bulk insert
(CHECK constraints back on, every person searchable, one join event each) on a non-empty register."""

from __future__ import annotations

import random
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unionkit.demo.members import roster_rows
from unionkit.members import identifiers as ids
from unionkit.members import joins
from unionkit.members.bulk import uuid4_strings
from unionkit.members.bulk_insert import _names
from unionkit.members.commit import commit, import_file
from unionkit.members.curp_bulk import curp_suspects
from unionkit.members.importer import ImportCancelled, preview
from unionkit.members.reader import read_csv_bytes, read_table
from unionkit.members.service import add_person
from unionkit.members.text import search_text, sort_key

CELL = st.lists(st.sampled_from(list("ab Ñé1-\t\u00a0=\u2028") + ["  ", "x y", '"']), max_size=5).map("".join)


@st.composite
def delimited(draw):
    delim = draw(st.sampled_from([",", ";", "\t"]))
    width = draw(st.integers(1, 4))
    lines = []
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["row", "row", "row", "ragged", "blank"]))
        if kind == "blank":
            lines.append(draw(st.sampled_from(["", " ", delim * (width - 1)])))
            continue
        n = width if kind == "row" else draw(st.integers(1, width + 2))
        cells = [draw(CELL).replace(delim, "") for _ in range(n)]
        lines.append(delim.join(cells))
    eol = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    text = eol.join(lines) + draw(st.sampled_from(["", eol, eol * 2]))
    return text.encode("utf-8")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(delimited())
def test_quote_free_split_is_csv_reader(data):
    try:
        slow = read_csv_bytes(data, fast=False)
    except Exception as exc:  # noqa: BLE001 - then the fast path must fail the same way
        with pytest.raises(type(exc)):
            read_csv_bytes(data)
        return
    fast = read_csv_bytes(data)
    assert (fast.headers, fast.rows, fast.header_line, fast.delimiter) == \
        (slow.headers, slow.rows, slow.header_line, slow.delimiter)
    assert fast.line_numbers() == [line for line, _ in slow.rows]
    for i in range(len(fast.headers)):
        assert fast.column(i) == [cells[i] if i < len(cells) else "" for _, cells in slow.rows]
    if fast.clean_cells:
        assert all(" ".join(c.split()) == c for _, cells in fast.rows for c in cells)


@given(st.lists(st.integers(0, 40), min_size=1, max_size=12), st.integers(1, 30))
def test_the_field_limit_window_test_never_misses_a_long_cell(lengths, limit):
    from unionkit.members.csv_fast import _maybe_longer

    joined = ",".join("x" * k for k in lengths)
    if max(lengths) > limit:
        assert _maybe_longer(joined, ",", limit)


def test_a_cell_over_the_csv_field_limit_is_reported_as_by_csv_reader(tmp_path):
    import csv

    old = csv.field_size_limit(1000)
    try:
        def roster(k: int) -> bytes:
            rows = "BEML920313HMCLNS09,Ana\n" * 300
            return ("CURP,Nombre\n" + rows + "SABC560626MDFLRN01," + "x" * k + "\n").encode()

        data = roster(1001)
        with pytest.raises(Exception) as fast:
            read_csv_bytes(data)
        with pytest.raises(Exception) as slow:
            read_csv_bytes(data, fast=False)
        assert type(fast.value) is type(slow.value) and str(fast.value) == str(slow.value)
        table = read_csv_bytes(roster(1000))
        assert len(table) == 301 and table._rows is None  # the fast path
    finally:
        csv.field_size_limit(old)


def test_big_roster_takes_the_fast_path(tmp_path):
    from unionkit.demo.members import write_roster_csv

    path = tmp_path / "r.csv"
    write_roster_csv(path, 500)
    t = read_table(path)
    assert t._rows is None and t.clean_cells and len(t) == 500
    assert t.rows == read_csv_bytes(path.read_bytes(), fast=False).rows


def _mutations(curp: str, rng: random.Random) -> str:
    k = rng.randrange(9)
    if k == 0:
        return curp[:17] + rng.choice("0123456789A")
    if k == 1:
        return curp[:6] + rng.choice(["13", "00", "02"]) + rng.choice(["30", "31", "29", "00"]) + curp[10:]
    if k == 2:
        return curp[:11] + rng.choice(["ZZ", "NE", "XX"]) + curp[13:]
    if k == 3:
        return rng.choice(["BUEI", "CACA", "PUTO"]) + curp[4:]
    if k == 4:
        return curp[:10] + rng.choice("HMXQ") + curp[11:]
    if k == 5:
        return curp[:rng.randrange(19)]
    if k == 6:
        return curp.lower() + rng.choice(["", "\n", " "])
    if k == 7:
        return curp[:4] + "0002" + rng.choice(["29", "28"]) + curp[10:16] + rng.choice("0A") + curp[17]
    return "Ñ" + curp[1:]


def test_bulk_curp_check_agrees_with_check_curp():
    rng = random.Random(3)
    good = [r[3] for r in roster_rows(1500, random.Random(8))[1:]]
    curps = [ids.normalize_curp(_mutations(c, rng) if rng.random() < 0.5 else c) for c in good]
    suspects, births, sexes = curp_suspects(curps)
    suspects = set(suspects)
    for i, c in enumerate(curps):
        problem = ids.check_curp(c)
        if problem is not None:
            assert i in suspects, c
        if i not in suspects:
            assert problem is None
            assert births[i] == ids.curp_birth_date(c).isoformat() and sexes[i] == c[10]
    assert len(suspects) > 300 and curp_suspects([]) == ([], [], [])


def test_bulk_curp_shape_check_is_not_fooled_by_newlines():
    """The whole-column shape check counts on the joined text: two CURPs in one cell with a newline
    between, or a cell split over a newline, are not 18-character rows."""
    a, b = "BEML920313HMCLNS09", "SABC560626MDFLRN01"
    for cells in ([a + "\n" + b], [a, b + "\n"], [a[:9] + "\n" + a[9:], b], [a, ""], [a + b[:1], b[1:]]):
        suspects, _births, _sexes = curp_suspects(cells)
        assert {i for i, c in enumerate(cells) if len(c) != 18 or ids.check_curp(c)} == set(suspects), cells
    assert curp_suspects([a, b])[0] == []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="ABHMXZ019Ña\n &", min_size=18, max_size=18) | st.sampled_from(
    ["BEML920313HMCLNS09", "SABC560626MDFLRN01", "BEML920230HMCLNS09", "BEML92031XHMCLNS09"]), max_size=8))
def test_bulk_curp_check_agrees_with_check_curp_on_any_18_characters(curps):
    """Every cell 18 characters long: the shape is checked position by position on the joined text."""
    suspects, births, sexes = curp_suspects(curps)
    for i, c in enumerate(curps):
        if i not in suspects:
            assert ids.check_curp(c) is None, c
            assert births[i] == ids.curp_birth_date(c).isoformat() and sexes[i] == c[10]
        elif ids._CURP_SHAPE.fullmatch(c) is None or births[i] is None:
            assert ids.check_curp(c) is not None, c


def test_bulk_curp_shape_check_tests_every_position():
    """A CURP wrong only in the shape of one position (its check digit made to agree) is a suspect when
    every cell has 18 characters (the position-by-position path)."""
    good = "BEML920313HMCLNS09"
    for p in range(17):
        for ch in "AQ0Ña -":
            bad = good[:p] + ch + good[p + 1:17]
            bad += ids.curp_check_digit(bad) if ch in "AQ0" else "9"
            if ids._CURP_SHAPE.fullmatch(bad) is None:
                assert curp_suspects([good, bad])[0] == [1], bad
    assert curp_suspects([good, good[:17] + "A"])[0] == [1]


def test_uuid4_strings():
    out = uuid4_strings(5000)
    assert len(set(out)) == 5000 and uuid4_strings(0) == []
    for u in out:
        parsed = uuid.UUID(u)
        assert str(parsed) == u and parsed.version == 4 and parsed.variant == uuid.RFC_4122


ROSTER = (
    "CURP;Nombre(s);Apellido Paterno;Apellido Materno;Sexo;Fecha de ingreso;Centro de trabajo;Puesto\n"
    "BEML920313HMCLNS09;  José   Ángel ;Núñez;Peña;;05/03/2019;Planta  Silao;\tSoldador\n"
    "SABC560626MDFLRN01;María;Añorve;;Mujer;;planta silao;\n"
    "AAAA050101HDFXXXA0;Ana;Mala;Sexo;Otro;31/02/2020;Planta Celaya;\n"
    "boxw310820hnerxn08;Luis;Malo;;H;2020-01-01;Planta Silao;\n"
    "PEMJ970707HGTRNN01;;Sin;Nombre;;;Planta Silao;\n"
)


def test_column_preview_cleans_derives_and_reports(vault, tmp_path):
    path = tmp_path / "p.csv"
    path.write_text(ROSTER, encoding="utf-8")
    table = read_table(path)
    assert table._rows is None and not table.clean_cells  # fast path, cells need cleaning
    prev = preview(vault, table)
    slow = read_csv_bytes(path.read_bytes(), fast=False)
    slow.path, slow.sha256 = table.path, table.sha256
    assert preview(vault, slow).summary() == prev.summary()
    rows = prev.rows
    assert [r.action for r in rows] == ["new", "new", "rejected", "rejected", "rejected"]
    v = rows[0].values
    assert (v["nombre"], v["position"], v["workplace"]) == ("José Ángel", "Soldador", "Planta Silao")
    assert (v["sex"], v["birth_date"], v["hire_date"]) == ("H", "1992-03-13", "2019-03-05")
    assert rows[1].values["sex"] == "M" and "hire_date" not in rows[1].values
    codes = [(p["line"], p["code"]) for p in prev.summary()["rejected"]]
    assert codes == [(4, "date"), (4, "sex"), (5, "curp_check_digit"), (6, "name_missing")]
    assert prev.summary()["new_workplaces"] == ["Planta Silao"]  # first spelling in the file


def test_a_spent_preview_is_freed_while_the_import_is_written(vault, tmp_path):
    """import_file's preview is not used after its commit: its rows are dropped on another thread while
    SQLite builds the indexes. The vault gets every row all the same."""
    import threading

    from unionkit.demo.members import write_roster_csv

    path = tmp_path / "r.csv"
    write_roster_csv(path, 6000, seed=4)
    prev = preview(vault, read_table(path))
    values = prev.columns.values
    nombre = values["nombre"]
    result = commit(vault, prev, spent=True)
    for t in threading.enumerate():
        if t.name == "unionkit-free":
            t.join(10)
    assert result["imported"] == 6000 and result["committed"]
    assert prev.columns.values == {} and prev.lines == [] and len(prev.table) == 0 and nombre == []
    assert all(v == [] for v in values.values())
    assert vault.scalar("SELECT count(*) FROM person") == 6000
    assert vault.scalar("SELECT count(*) FROM person_fts WHERE person_fts MATCH 'nez'") > 0


def test_bulk_insert_on_a_register_with_people(vault_factory, tmp_path):
    vault = vault_factory()
    before = add_person(vault, {"nombre": "Antes", "primer_apellido": "Del Corte", "curp": "BOXW310820HNERXN09"})
    path = tmp_path / "r.csv"
    from unionkit.demo.members import write_roster_csv

    write_roster_csv(path, 6000, seed=21)
    result = import_file(vault, path)
    assert result["imported"] == 6000 and result["committed"]
    assert vault.scalar("PRAGMA ignore_check_constraints") == 0
    assert vault.scalar("PRAGMA integrity_check") == "ok" and vault.query("PRAGMA foreign_key_check") == []
    assert vault.scalar("SELECT count(*) FROM person WHERE id > ?", (before,)) == 6000
    assert vault.scalar("SELECT count(*) FROM person_fts") == 6001
    # Their joins are implicit in the person rows (unionkit.members.joins), not 6,000 stored events.
    assert vault.scalar("SELECT count(*) FROM membership_event") == 0
    assert vault.scalar(joins.with_events("SELECT count(DISTINCT person_id) FROM ev WHERE kind = 'join'"),
                        (joins.reason(),)) == 6000
    for (name, ) in vault.query("SELECT search_text FROM person ORDER BY random() LIMIT 25"):
        q = '"' + name.split()[0] + '"'
        assert vault.scalar("SELECT count(*) FROM person_fts WHERE person_fts MATCH ?", (q,)) >= 1
    with pytest.raises(Exception, match="CHECK"):
        vault.execute("UPDATE person SET status = 'bogus' WHERE id = ?", (before,))


PERSON_INDEXES = ["person_curp", "person_employee_no", "person_sort_name", "person_status", "person_uid"]


def _person_indexes(vault) -> list[str]:
    return sorted(r[0] for r in vault.query("SELECT name FROM sqlite_master WHERE type = 'index' "
                                            "AND tbl_name = 'person'"))


def test_big_import_builds_the_person_indexes_after_its_rows(vault, tmp_path):
    from unionkit.demo.members import write_roster_csv
    from unionkit.members import bulk_insert

    path = tmp_path / "r.csv"
    write_roster_csv(path, 6000, seed=23)
    dropped = []
    real_drop = bulk_insert.drop_indexes

    def spy(conn):
        out = real_drop(conn)
        dropped.extend(_person_indexes_in(conn))  # what is left while the rows go in
        return out

    def _person_indexes_in(conn):
        return [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' "
                                           "AND tbl_name = 'person'")]

    bulk_insert.drop_indexes = spy
    try:
        assert import_file(vault, path)["imported"] == 6000
    finally:
        bulk_insert.drop_indexes = real_drop
    assert dropped == []  # every person index was set aside during the inserts ...
    # ... the unique ones are back when the import returns; those that only speed up reads follow on
    # the vault's background connection, right after the COMMIT.
    assert {"person_curp", "person_uid"} <= set(_person_indexes(vault))
    vault.wait_for_checkpoint()
    assert _person_indexes(vault) == PERSON_INDEXES  # all back, with no SQLite autoindex
    assert vault.scalar("SELECT count(*) FROM pending_index") == 0
    plan = " ".join(r[-1] for r in vault.query("EXPLAIN QUERY PLAN SELECT id FROM person ORDER BY sort_name, id"))
    assert "person_sort_name" in plan
    # The plan uses them again, and CURP and uid stay unique.
    plan = " ".join(r[-1] for r in vault.query("EXPLAIN QUERY PLAN SELECT id FROM person WHERE curp = 'X'"))
    assert "person_curp" in plan
    curp, uid = vault.query("SELECT curp, uid FROM person LIMIT 1")[0]
    with pytest.raises(Exception, match="UNIQUE"):
        vault.execute("INSERT INTO person(nombre, curp) VALUES ('Otra', ?)", (curp,))
    with pytest.raises(Exception, match="UNIQUE"):
        vault.execute("INSERT INTO person(nombre, uid) VALUES ('Otra', ?)", (uid,))
    assert vault.scalar("PRAGMA integrity_check") == "ok"


def test_index_rebuild_only_when_the_batch_is_big_next_to_the_register(vault):
    from unionkit.members.bulk_insert import BULK_INDEX_ROWS, REBUILD_SHARE, rebuild_pays

    assert rebuild_pays(vault.conn, BULK_INDEX_ROWS) and not rebuild_pays(vault.conn, BULK_INDEX_ROWS - 1)
    vault.execute("INSERT INTO person(id, nombre) VALUES (?, 'Ultima')", (4 * BULK_INDEX_ROWS,))
    register = 4 * BULK_INDEX_ROWS
    assert not rebuild_pays(vault.conn, int(register * REBUILD_SHARE) - 1)
    assert rebuild_pays(vault.conn, int(register * REBUILD_SHARE) + 1)


def test_a_duplicate_that_reaches_the_rebuilt_unique_index_fails_the_whole_commit(vault):
    from unionkit.members import bulk_insert

    add_person(vault, {"nombre": "Antes", "primer_apellido": "Del Corte", "curp": "BOXW310820HNERXN09"})
    digest = vault.logical_digest()
    with pytest.raises(Exception, match="UNIQUE"), vault.transaction() as conn:
        rebuild = bulk_insert.drop_indexes(conn)
        conn.execute("INSERT INTO person(nombre, curp) VALUES ('Copia', 'BOXW310820HNERXN09')")
        bulk_insert.restore_indexes(conn, rebuild, lambda k: None)
    assert vault.logical_digest() == digest and _person_indexes(vault) == PERSON_INDEXES
    assert vault.scalar("SELECT count(*) FROM pending_index") == 0  # rolled back with the rest


def test_cancelled_bulk_insert_restores_check_constraints(vault, tmp_path):
    from unionkit.demo.members import write_roster_csv

    path = tmp_path / "r.csv"
    write_roster_csv(path, 12_000, seed=22)
    prev = preview(vault, read_table(path))
    calls = []

    def cancel_after_first_chunk() -> bool:
        calls.append(1)
        return len(calls) > 1

    with pytest.raises(ImportCancelled):
        commit(vault, prev, cancelled=cancel_after_first_chunk)
    assert vault.scalar("PRAGMA ignore_check_constraints") == 0
    assert vault.scalar("SELECT count(*) FROM person") == 0
    assert vault.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'person_sort_name'") == 1


def test_commit_progress_moves_forward_and_a_cancel_while_indexing_restores_everything(vault, tmp_path):
    from unionkit.demo.members import write_roster_csv

    path = tmp_path / "r.csv"
    write_roster_csv(path, 12_000, seed=24)
    prev = preview(vault, read_table(path))
    seen: list[tuple[float, str]] = []
    commit(vault, prev, progress=lambda f, text: seen.append((f, text)))
    fractions = [f for f, _t in seen]
    assert fractions == sorted(fractions) and fractions[0] == 0.0 and fractions[-1] == 1.0
    texts = list(dict.fromkeys(t for _f, t in seen))
    assert texts == ["Guardando personas…", "Indexando los nombres para la búsqueda…", "Construyendo los índices…",
                     "Escribiendo en la bóveda…", "Listo"]

    other = tmp_path / "s.csv"
    write_roster_csv(other, 12_000, seed=25)
    prev = preview(vault, read_table(other))
    digest, steps = vault.logical_digest(), []

    def cancel_at_the_indexes() -> bool:
        steps.append(1)
        return "Construyendo los índices…" in [t for _f, t in seen[-1:]]

    seen.clear()
    with pytest.raises(ImportCancelled):
        commit(vault, prev, progress=lambda f, text: seen.append((f, text)), cancelled=cancel_at_the_indexes)
    assert seen[-1][1] == "Construyendo los índices…"  # cancelled after the rows, while indexing
    assert vault.logical_digest() == digest and _person_indexes(vault) == PERSON_INDEXES


def test_batch_constants_as_sql_literals():
    from unionkit.members.bulk_insert import _literal

    assert _literal(7) == "7" and _literal("2026-11-26T10:00:00.123Z") == "'2026-11-26T10:00:00.123Z'"
    for bad in ("2026-01-01\n", "x'); DROP TABLE person; --", "a b", 1.5, None):
        with pytest.raises(ValueError):
            _literal(bad)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(["BEML920313HMCLNS09", "beml920313hmclns09", " BEML 920313", "", "ñ1",
                                           "Ñ1", "ß", "A-B.C", "12", "İ"]), st.text(max_size=6), st.none()),
                max_size=8))
def test_column_curp_normalisation_agrees_with_the_cell_by_cell_one(cells):
    assert ids.normalize_curps(cells) == [ids.normalize_curp(c) for c in cells]


_PARTS = st.sampled_from(["", "Núñez", "NÚÑEZ", "Peña", "José Ángel", "de la Cruz", "Ibáñez", "Ü", "\u0301",
                          "Jr.", "O'Neil", "María", "maria", "Ñ", "ß"])


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_PARTS, _PARTS, _PARTS), max_size=12))
def test_bulk_search_and_sort_keys_agree_with_the_row_functions(rows):
    nombre, ap1, ap2 = ([r[k] for r in rows] for k in range(3))
    search, sort = _names(nombre, ap1, ap2)
    assert search == [search_text(*r) for r in rows]
    assert sort == [sort_key(r[1], r[2], r[0]) for r in rows]


def test_no_thread_for_freeing_still_imports(vault, tmp_path, monkeypatch):
    import threading

    from unionkit.demo.members import write_roster_csv

    real_start = threading.Thread.start

    def refuse(self):
        if self.name == "unionkit-free":
            raise RuntimeError("can't start new thread")
        real_start(self)

    monkeypatch.setattr(threading.Thread, "start", refuse)
    path = tmp_path / "r.csv"
    write_roster_csv(path, 300, seed=6)
    assert import_file(vault, path)["imported"] == 300
    assert vault.scalar("SELECT count(*) FROM person") == 300
