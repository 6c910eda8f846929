import datetime as dt
import json

import pytest
from votes_helpers import make_curp

from unionkit.errors import ValidationError
from unionkit.votes import campaigns, consultations, rolls
from unionkit.votes.threshold import SupportRow

FILING = dt.date(2026, 1, 15)


def test_roll_snapshot_exclusions_and_hash(vault, add_people):
    ids = add_people(vault, 12)
    vault.execute("UPDATE person SET confianza = 1 WHERE id = ?", (ids[0],))
    vault.execute("UPDATE person SET hire_date = '2026-02-01' WHERE id = ?", (ids[1],))
    vault.execute("UPDATE person SET status = 'dismissed', status_date = '2025-12-01' WHERE id = ?", (ids[2],))
    vault.execute("UPDATE person SET status = 'dismissed', status_date = '2025-06-01' WHERE id = ?", (ids[3],))
    vault.execute("UPDATE person SET is_member = 0 WHERE id = ?", (ids[4],))
    rid = rolls.build_from_register(vault, "Padrón", "representation", FILING)
    info = rolls.roll_info(vault, rid)
    assert (info["eligible"], info["excluded"]) == (9, 3)
    reasons = {e.person_id: e.reason for e in rolls.entries(vault, rid)}
    assert reasons[ids[0]] == "confianza" and reasons[ids[1]] == "hired_after"
    assert reasons[ids[2]] == "dismissed_in_window" and reasons[ids[3]] == "dismissed_outside"
    assert reasons[ids[4]] == "eligible"  # covered non-members vote on representation
    el = rolls.build_from_register(vault, "Elección", "election", FILING)
    assert {e.person_id: e.reason for e in rolls.entries(vault, el)}[ids[4]] == "not_member"
    assert len(info["sha256"]) == 64 and rolls.verify(vault, rid)
    # the snapshot is frozen: later register changes do not touch it
    vault.execute("UPDATE person SET confianza = 1")
    assert rolls.roll_info(vault, rid)["eligible"] == 9
    assert rolls.build_from_register(vault, "otra", "representation", FILING) != rid


def _approval(vault, add_people, n=30, booths=2):
    add_people(vault, n)
    rid = rolls.build_from_register(vault, "Padrón", "revision", FILING)
    cid = consultations.create(vault, "revision", "Revisión 2026", roll_id=rid, vote_date=dt.date(2026, 3, 12),
                               convocatoria_date=dt.date(2026, 2, 25), aviso_date=dt.date(2026, 2, 20))
    b = consultations.split_booths(vault, cid, booths)
    return cid, b


def test_double_entry_mismatch_blocks_closing(vault, add_people):
    cid, (b1, b2) = _approval(vault, add_people)
    assert [x["padron"] for x in consultations.booths(vault, cid)] == [15, 15]
    consultations.save_sheet(vault, b1, 1, {"yes": 9, "no": 4}, null=1, received=15, unused=1, cancelled=0)
    consultations.save_sheet(vault, b1, 2, {"yes": 9, "no": 4}, null=1, received=15, unused=1, cancelled=0)
    consultations.save_sheet(vault, b2, 1, {"yes": 7, "no": 5}, null=0)
    with pytest.raises(ValidationError, match="2"):
        consultations.close(vault, cid)
    consultations.save_sheet(vault, b2, 2, {"yes": 7, "no": 6}, null=0)
    st = {b["code"]: b for b in consultations.booth_status(vault, cid)}
    assert st["2"]["diffs"] == ["no"] and st["1"]["ready"]
    with pytest.raises(ValidationError):
        consultations.close(vault, cid)
    consultations.save_sheet(vault, b2, 2, {"yes": 7, "no": 5}, null=0)
    res = consultations.close(vault, cid)
    assert res.outcome == "approved" and res.cast == 26
    c = consultations.get(vault, cid)
    assert c["status"] == "closed" and len(c["tally_sha256"]) == 64
    assert json.loads(c["result"])["bases"]["padron"]["passes"] is True
    with pytest.raises(ValidationError):
        consultations.save_sheet(vault, b2, 1, {"yes": 1}, null=0)


def test_booth_over_its_section_is_an_error(vault, add_people):
    cid, (b1, _b2) = _approval(vault, add_people)
    consultations.save_sheet(vault, b1, 1, {"yes": 16, "no": 0})
    consultations.save_sheet(vault, b1, 2, {"yes": 16, "no": 0})
    assert any("15" in p for p in consultations.closing_problems(vault, cid))


def test_rule_setting_and_date_checks(vault, add_people):
    vault.set_setting("votes.rule.revision", "padron")
    cid, _ = _approval(vault, add_people)
    assert consultations.get(vault, cid)["rule"] == "padron"
    checks = {c.code: c.ok for c in consultations.date_checks(vault, cid)}
    assert checks["aviso"] is True and checks["convocatoria"] is True and checks["cfcrl_notice"] is None


def test_campaign_counter(vault, add_people):
    add_people(vault, 20)
    rid = rolls.build_from_register(vault, "Cubiertos", "campaign", FILING)
    cid = campaigns.create(vault, "Planta Silao", FILING, roll_id=rid, headcount_in_service=22)
    rows = [SupportRow(i + 2, f"N{i}", make_curp(i, "M" if i % 3 == 0 else "H"), None, True) for i in range(6)]
    rows.append(SupportRow(20, "Dup", rows[0].curp, None, True))
    campaigns.add_supporters(vault, cid, rows)
    res = campaigns.evaluate(vault, cid)
    assert (res.covered, res.valid_supporters, res.required, res.met) == (20, 6, 6, False)  # 22 in service -> 7
    assert res.missing == 1 and res.rejected[0]["line"] == 20
    assert "1" in res.counter_text()
    listed = campaigns.list_campaigns(vault)[0]
    assert listed["pct"] == "30.00" and listed["missing"] == 1


@pytest.mark.parametrize("purpose", ["representation", "campaign", "revision", "legitimation", "strike_recount",
                                     "election"])
def test_fast_snapshot_matches_reference_rules(vault, add_people, purpose):
    import random

    ids = add_people(vault, 60)
    rng = random.Random(purpose)
    for pid in ids:
        vault.execute("UPDATE person SET confianza = ?, status = ?, status_date = ?, hire_date = ?, is_member = ?, "
                      "birth_date = ? WHERE id = ?",
                      (int(rng.random() < 0.1), rng.choice(["active"] * 5 + ["dismissed", "resigned", "suspended",
                                                                            "deceased"]),
                       rng.choice([None, "2025-06-01", "2025-12-20", "2026-03-01"]),
                       rng.choice([None, "2019-01-01", "2026-01-15", "2026-01-16"]), int(rng.random() < 0.8),
                       rng.choice([None, "1990-01-01", "2011-01-16", "2011-01-15"]), pid))
    rid = rolls.build_from_register(vault, "P", purpose, FILING)
    fast = [(e.person_id, e.eligible, e.reason) for e in rolls.entries(vault, rid)]
    assert fast == rolls.build_slow(vault, purpose, FILING)


def test_secrecy_no_voter_ballot_link(vault):
    """DOMAIN §2 "Secrecy by design": no vote table pairs a person with a ballot, folio or vote."""
    ballot_tables = ("booth", "tally_sheet", "tally_count", "vote_option", "consultation")
    for table in ballot_tables:
        cols = {r[1] for r in vault.query(f"PRAGMA table_info({table})")}
        assert not cols & {"person_id", "curp", "voter", "full_name"}, table
    roll_cols = {r[1] for r in vault.query("PRAGMA table_info(vote_roll)")}
    assert not roll_cols & {"folio", "ballot", "option_id", "voted"}


def test_import_roll_from_file(vault, tmp_path):
    f = tmp_path / "roll.csv"
    f.write_text("Nombre;CURP;Fecha de ingreso;Confianza;Estatus\n"
                 f"Ana;{make_curp(0, 'M')};01/01/2020;no;activo\n"
                 f"Bruno;{make_curp(1)};01/03/2026;no;activo\n"
                 f"Carla;{make_curp(2)};01/01/2020;sí;activo\n"
                 f"Dario;{make_curp(3)};01/01/2020;no;renuncia\n"
                 f"Ana bis;{make_curp(0, 'M')};01/01/2020;no;activo\n", encoding="utf-8")
    rid = rolls.import_roll(vault, f, "Importado", "representation", FILING)
    reasons = [e.reason for e in rolls.entries(vault, rid)]
    assert reasons == ["eligible", "hired_after", "confianza", "resigned", "duplicate"]
    assert rolls.roll_info(vault, rid)["source"] == "import"


def test_snapshot_names_cleaned(vault, add_people):
    [a, b, c, d] = add_people(vault, 4)
    vault.execute("UPDATE person SET segundo_apellido = '' WHERE id = ?", (a,))
    vault.execute("UPDATE person SET nombre = 'Ana\tMaría' WHERE id = ?", (b,))
    vault.execute("UPDATE person SET nombre = 'Luz\nElena', confianza = 1 WHERE id = ?", (c,))
    rid = rolls.build_from_register(vault, "P", "revision", FILING)
    names = {e.person_id: e.full_name for e in rolls.entries(vault, rid)}
    assert names[a] == "Apellido0000 Nombre0" and names[b] == "Apellido0001 Pérez Ana María"
    assert names[c] == "Apellido0002 Pérez Luz Elena" and names[d] == "Apellido0003 Pérez Nombre3"
    assert rolls.roll_info(vault, rid)["eligible"] == 3


def test_integrity_check_detects_tampering(vault, add_people):
    from unionkit.votes.integrity import check_vault

    cid, (b1, b2) = _approval(vault, add_people, n=10)
    for b in (b1, b2):
        for e in (1, 2):
            consultations.save_sheet(vault, b, e, {"yes": 3, "no": 1})
    consultations.close(vault, cid)
    assert check_vault(vault)[0].ok
    vault.execute("UPDATE tally_count SET votes = votes + 1 WHERE id = (SELECT min(id) FROM tally_count)")
    res = check_vault(vault)[0]
    assert not res.ok and res.detail["tallies"] == [cid]
    vault.execute("UPDATE vote_roll SET data = CAST(replace(CAST(data AS TEXT), 'Pérez', 'Perez') AS BLOB)")
    assert check_vault(vault)[0].detail["rolls"]
