"""Joins registered by a roster import live in the person rows (unionkit.members.joins): the history,
the members-on-a-day count and the quarterly joiners (LFT art. 377-III) read them as join events, and
they become stored events before anything could change them."""

from __future__ import annotations

import datetime as dt

from unionkit.members import joins
from unionkit.members.commit import import_file
from unionkit.members.service import add_person, change_status, enroll, find_by_curp, history, update_person
from unionkit.reports.members_movements import members_on, movements

HEADER = "Nombre(s),Apellido Paterno,Apellido Materno,CURP,Fecha de afiliación\n"
ROWS = ["Ana,Pérez,Luna,PELA800101MDFRNN08,15/02/2025",
        "Luis,Núñez,Soto,NUSL850505HJCXTS05,20/03/2025"]


def _import(vault, tmp_path, rows=ROWS, name="r.csv"):
    path = tmp_path / name
    path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    result = import_file(vault, path)
    assert result["committed"] and not result["rejected"], result
    return result


def _stored(vault) -> int:
    return vault.scalar("SELECT count(*) FROM membership_event")


def test_imported_members_have_implicit_joins(vault, tmp_path):
    _import(vault, tmp_path)
    assert _stored(vault) == 0
    ana = find_by_curp(vault, "PELA800101MDFRNN08")
    events = history(vault, ana.id)
    assert [(e.event_date, e.kind, e.status, e.reason) for e in events] == [
        ("2025-02-15", "join", "active", joins.reason())]
    assert members_on(vault, dt.date(2025, 2, 14)) == 0
    assert members_on(vault, dt.date(2025, 2, 15)) == 1
    assert members_on(vault, dt.date(2025, 3, 31)) == 2
    mv = movements(vault, dt.date(2025, 1, 1), dt.date(2025, 3, 31))
    assert [(m.date, m.name) for m in mv.joiners] == [("2025-02-15", "Pérez Luna, Ana"),
                                                      ("2025-03-20", "Núñez Soto, Luis")]
    assert (mv.members_at_start, mv.members_at_end) == (0, 2)


def test_implicit_and_stored_joins_count_together(vault, tmp_path):
    _import(vault, tmp_path)
    add_person(vault, {"nombre": "Eva", "primer_apellido": "Ríos", "is_member": 1, "join_date": "2025-03-01"})
    assert _stored(vault) == 1
    mv = movements(vault, dt.date(2025, 1, 1), dt.date(2025, 3, 31))
    assert [m.date for m in mv.joiners] == ["2025-02-15", "2025-03-01", "2025-03-20"]
    assert mv.members_at_end == 3


def test_leaving_and_rejoining_keeps_the_first_join(vault, tmp_path):
    _import(vault, tmp_path)
    luis = find_by_curp(vault, "NUSL850505HJCXTS05").id
    change_status(vault, luis, "resigned", dt.date(2025, 5, 2), "Renuncia")
    assert members_on(vault, dt.date(2025, 5, 2)) == 1
    enroll(vault, luis, dt.date(2026, 1, 10), "Reingreso")
    got = [(e.event_date, e.kind, e.status) for e in history(vault, luis)]
    assert got == [("2025-03-20", "join", "active"), ("2025-05-02", "status", "resigned"),
                   ("2026-01-10", "join", "active")]
    assert _stored(vault) == 3  # the implicit join was stored before the new one replaced the join date
    assert len(movements(vault, dt.date(2025, 1, 1), dt.date(2025, 3, 31)).joiners) == 2
    assert members_on(vault, dt.date(2026, 1, 10)) == 2


def test_editing_the_join_date_keeps_the_event(vault, tmp_path):
    _import(vault, tmp_path)
    ana = find_by_curp(vault, "PELA800101MDFRNN08").id
    update_person(vault, ana, {"join_date": "2025-02-20"})
    assert [e.event_date for e in history(vault, ana)] == ["2025-02-15"]
    assert _stored(vault) == 1


def test_reimport_with_another_join_date_keeps_the_event(vault, tmp_path):
    _import(vault, tmp_path)
    result = _import(vault, tmp_path, ["Ana,Pérez,Luna,PELA800101MDFRNN08,01/03/2025", ROWS[1]], "r2.csv")
    assert (result["updated"], result["unchanged"]) == (1, 1)
    ana = find_by_curp(vault, "PELA800101MDFRNN08")
    assert ana.join_date == "2025-03-01"
    assert [e.event_date for e in history(vault, ana.id)] == ["2025-02-15"]
    luis = find_by_curp(vault, "NUSL850505HJCXTS05").id
    assert [e.event_date for e in history(vault, luis)] == ["2025-03-20"]  # still implicit
    assert _stored(vault) == 1


def test_leaving_on_the_join_day_stays_after_the_join(vault, tmp_path):
    """A status event of the join day sorts after the join, also once the join is stored later (review
    finding: a re-import or re-enrolment stored the join with a higher id than the resignation)."""
    _import(vault, tmp_path, [ROWS[1]])
    luis = find_by_curp(vault, "NUSL850505HJCXTS05").id
    change_status(vault, luis, "resigned", dt.date(2025, 3, 20), "Renuncia el mismo día")
    assert members_on(vault, dt.date(2025, 6, 1)) == 0
    _import(vault, tmp_path, ["Luis,Núñez,Soto,NUSL850505HJCXTS05,21/03/2025"], "r2.csv")
    assert members_on(vault, dt.date(2025, 6, 1)) == 0
    enroll(vault, luis, dt.date(2026, 1, 10), "Reingreso")
    assert [(e.event_date, e.kind, e.status) for e in history(vault, luis)] == [
        ("2025-03-20", "join", "active"), ("2025-03-20", "status", "resigned"), ("2026-01-10", "join", "active")]
    assert [members_on(vault, dt.date(y, m, d)) for y, m, d in ((2025, 3, 20), (2025, 6, 1), (2026, 1, 10))] \
        == [0, 0, 1]
