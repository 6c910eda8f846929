import datetime as dt

import pytest
from pypdf import PdfReader
from votes_helpers import make_curp

from unionkit.errors import ValidationError
from unionkit.reports.votes_documents import write_document
from unionkit.votes import campaigns, consultations, rolls
from unionkit.votes.annex import build_support_annex
from unionkit.votes.threshold import SupportRow


def text(path):
    return "\n".join(p.extract_text() for p in PdfReader(str(path)).pages)


@pytest.fixture
def closed(vault, add_people):
    add_people(vault, 90)
    rid = rolls.build_from_register(vault, "Padrón", "legitimation", dt.date(2023, 3, 1))
    cid = consultations.create(vault, "legitimation", "Legitimación del CCT", roll_id=rid, place="Comedor",
                               vote_date=dt.date(2023, 4, 20), vote_time="08:00", employer="Autopartes SA")
    b1, b2 = consultations.split_booths(vault, cid, 2)
    for e in (1, 2):
        consultations.save_sheet(vault, b1, e, {"yes": 30, "no": 10}, null=2, received=45, unused=3, cancelled=0)
        consultations.save_sheet(vault, b2, e, {"yes": 25, "no": 15}, null=1)
    consultations.close(vault, cid)
    return cid


@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_document(vault, closed, tmp_path, lang):
    c = consultations.get(vault, closed)
    acta = text(write_document(vault, closed, "acta", tmp_path / "acta.pdf", lang))
    assert c["tally_sha256"] in acta.replace("\n", "")
    assert "55" in acta and "Autopartes" in acta
    assert ("APROBADO" if lang == "es" else "APPROVED") in acta
    notice = text(write_document(vault, closed, "cfcrl", tmp_path / "cfcrl.pdf", lang))
    assert "BAJO PROTESTA DE DECIR VERDAD" in notice.upper().replace("\n", " ")
    assert "55" in text(write_document(vault, closed, "notice", tmp_path / "n.pdf", lang))
    roll = text(write_document(vault, closed, "roll", tmp_path / "roll.pdf", lang))
    assert ("Firma" if lang == "es" else "Signature") in roll and make_curp(1) in roll
    assert len(PdfReader(str(tmp_path / "roll.pdf")).pages) >= 2
    write_document(vault, closed, "convocatoria", tmp_path / "c.pdf", lang)
    write_document(vault, closed, "tally-sheet", tmp_path / "t.pdf", lang)


def test_notice_needs_closed_tally(vault, add_people, tmp_path):
    add_people(vault, 5)
    rid = rolls.build_from_register(vault, "P", "revision", dt.date(2026, 1, 1))
    cid = consultations.create(vault, "revision", "R", roll_id=rid)
    with pytest.raises(ValidationError):
        write_document(vault, cid, "cfcrl", tmp_path / "x.pdf")


def test_support_annex(vault, add_people, tmp_path):
    add_people(vault, 10)
    rid = rolls.build_from_register(vault, "Cubiertos", "campaign", dt.date(2026, 1, 15))
    cid = campaigns.create(vault, "Silao", dt.date(2026, 1, 15), roll_id=rid, employer="Autopartes SA")
    campaigns.add_supporters(vault, cid, [SupportRow(2, "Ana Núñez", make_curp(0, "M"), None, True),
                                          SupportRow(3, "Bruno", make_curp(1), None, True),
                                          SupportRow(4, "Sin firma", make_curp(2), None, False),
                                          SupportRow(5, "Carla", make_curp(3, "M"), None, True)])
    out = build_support_annex(vault, cid, tmp_path / "annex.pdf", "es")
    t = text(out)
    assert "Ana Núñez" in t and make_curp(0, "M") in t and "Sin firma" not in t
    assert "30.00" in t or "30.00" in t.replace("\u00a0", " ")
