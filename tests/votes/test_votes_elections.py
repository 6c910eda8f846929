import datetime as dt

import pytest

from unionkit.errors import ValidationError
from unionkit.votes import consultations, rolls, union_elections
from unionkit.votes.elections import Quorum, gender_check
from unionkit.votes.tally import Sheet, tally


def test_quorum_integers():
    q = Quorum(1, 2)
    assert q.met(60, 120) and not q.met(59, 120) and q.required(121) == 61


def test_election_tally_quorum_and_tie():
    s = [Sheet("1", {"Planilla Verde": 30, "Planilla Azul": 20}, 2)]
    assert tally("election", 100, s, quorum=(1, 2)).outcome == "winner"
    r = tally("election", 105, s, quorum=(1, 2))
    assert r.outcome == "no_quorum" and r.bases["quorum"]["required"] == 53
    r = tally("election", 1000, s)  # no quorum set: no legal default is assumed, a warning says so
    assert r.outcome == "winner" and r.winner == "Planilla Verde" and r.warnings
    assert tally("election", 100, [Sheet("1", {"A": 5, "B": 5}, 0)]).outcome == "tie"


def test_gender_readings():
    # 40 % women, 7 seats: target 2.8 -> floor 2, nearest 3, ceil 3
    c = gender_check(40, 100, 7, 2)
    assert c["readings"]["floor"]["ok"] and not c["readings"]["nearest"]["ok"]
    assert c["target"] == "2.80" and c["ok"]
    assert not gender_check(40, 100, 7, 2, "ceil")["ok"]
    assert not gender_check(40, 100, 7, 7)["ok"]  # men under-represented too


def test_election_races_and_gender_warning(vault, add_people):
    add_people(vault, 30)  # every third person is a woman -> 10 of 30
    rid = rolls.build_from_register(vault, "Padrón", "election", dt.date(2026, 5, 1))
    slates = {"secretary_general": {"Verde": [("Secretaría General", "Ana Pérez", "M")],
                                    "Azul": [("Secretaría General", "Luis Mora", "H")]},
              "executive": {"Verde": [("Tesorería", "Juan", "H"), ("Actas", "Pedro", "H"), ("Trabajo", "Raúl", "H")],
                            "Azul": [("Tesorería", "Eva", "M"), ("Actas", "Hugo", "H"), ("Trabajo", "Ivo", "H")]}}
    sg, ex = union_elections.create_election(vault, "Elección 2026", rid, [("secretary_general", 1), ("executive", 3)],
                                             slates, quorum=(1, 2))
    assert consultations.get(vault, ex)["parent_id"] == sg
    assert union_elections.slate_gender(vault, ex, "Azul")["ok"]
    assert not union_elections.slate_gender(vault, ex, "Verde")["ok"]
    [b] = consultations.split_booths(vault, ex, 1)
    for e in (1, 2):
        consultations.save_sheet(vault, b, e, {"Verde": 12, "Azul": 8}, null=1)
    res = consultations.close(vault, ex)
    assert res.winner == "Verde" and any("371 IX Bis" in w for w in res.warnings)
    with pytest.raises(ValidationError):
        union_elections.create_election(vault, "X", rid, [("executive", 3), ("executive", 2)], {})


def test_parse_slate_and_setup(vault, add_people):
    from unionkit.votes.setup import setup_consultation

    assert union_elections.parse_slate("Planilla Verde: Ana Pérez (M), Juan López (H), Sin Dato") == (
        "Planilla Verde", [("1", "Ana Pérez", "M"), ("2", "Juan López", "H"), ("3", "Sin Dato", "")])
    add_people(vault, 9)
    cid = setup_consultation(vault, kind="election", title="Comité 2026", cutoff=dt.date(2026, 5, 1), booths=1,
                             options=["Verde: Ana (M), Juan (H), Luis (H)", "Azul: Eva (M), Rosa (M), Hugo (H)"],
                             seats=3, race="executive", settings={"quorum": [1, 2]})
    c = consultations.get(vault, cid)
    assert c["options"] == ["Verde", "Azul"] and c["race"] == "executive"
    assert [p["full_name"] for p in union_elections.candidates(vault, cid, "Azul")] == ["Eva", "Rosa", "Hugo"]
    assert union_elections.slate_gender(vault, cid, "Verde")["ok"]  # 3 of 9 women -> floor(1.0) = 1
