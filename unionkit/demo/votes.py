"""Demo votes: a representativeness campaign in progress (support list being collected, some rows
rejected) and a finished CCT legitimation consultation (2023) with its closed tally and acta."""

from __future__ import annotations

import datetime as dt
import random
import tempfile
from pathlib import Path

from unionkit.vault import Vault
from unionkit.vault.blobs import put_bytes
from unionkit.votes import campaigns, consultations, rolls
from unionkit.votes.threshold import SupportRow


def _workplaces(vault: Vault) -> list[tuple[int, str, str]]:
    return vault.query("SELECT id, name, employer_legal_name FROM workplace ORDER BY id")


def _campaign(vault: Vault, rng: random.Random) -> None:
    wps = _workplaces(vault)
    wid, wname, employer = wps[-1] if wps else (None, "Planta", "")
    filing = dt.date.today() + dt.timedelta(days=20)
    rid = rolls.build_from_register(vault, f"Trabajadores cubiertos — {wname}", "campaign", filing,
                                    workplace_id=wid)
    cid = campaigns.create(vault, f"Constancia de representatividad — {wname}", filing, roll_id=rid,
                           workplace_id=wid, employer=employer, activity="Fabricación de autopartes")
    covered = [e for e in rolls.entries(vault, rid) if e.eligible]
    in_service = len(covered) + max(2, len(covered) // 12)
    campaigns.update(vault, cid, headcount_in_service=in_service,
                     checklist={"address": True, "autograph": True, "no_confianza": True})
    share = rng.uniform(0.24, 0.28)  # in progress: a little short of 30 %
    signers = rng.sample(covered, max(1, int(len(covered) * share)))
    rows, line = [], 2
    for e in signers:
        signed = rng.random() > 0.04
        rows.append(SupportRow(line, e.full_name, e.curp, dt.date.fromisoformat(e.hire_date) if e.hire_date else None,
                               signed))
        line += 1
    for e in signers[:3]:  # the same worker signed twice
        rows.append(SupportRow(line, e.full_name, e.curp, None, True))
        line += 1
    rows.append(SupportRow(line, "Rogelio Sánchez Vela", "SAVR850214HGTNLG0X", dt.date(2019, 5, 6), True))
    rows.append(SupportRow(line + 1, "Luisa Fernanda Ortiz", "", dt.date(2021, 2, 1), True))
    campaigns.add_supporters(vault, cid, rows)


def _legitimation(vault: Vault, rng: random.Random) -> None:
    wps = _workplaces(vault)
    wid, _wname, employer = wps[0] if wps else (None, "", "Autopartes del Bajío, S.A. de C.V.")
    vote = dt.date(2023, 4, 20)
    rid = rolls.build_from_register(vault, "Padrón de legitimación 2023", "legitimation", dt.date(2023, 3, 27),
                                    workplace_id=wid)
    cid = consultations.create(
        vault, "legitimation", "Legitimación del contrato colectivo de trabajo", roll_id=rid,
        employer=employer, cct_ref="CCT depositado 2014 (expediente histórico)", place="Comedor de la planta",
        vote_date=vote, vote_time="07:00–15:00", aviso_date=dt.date(2023, 4, 3),
        convocatoria_date=dt.date(2023, 4, 6), cct_copy_delivered_date=dt.date(2023, 4, 12),
        results_posted_date=dt.date(2023, 4, 21), cfcrl_notice_date=dt.date(2023, 4, 24),
        incidents="Sin incidentes. La votación inició y cerró a la hora convocada.")
    booths = consultations.split_booths(vault, cid, 3, place="Comedor de la planta")
    for b in consultations.booths(vault, cid):
        n = b["padron"]
        cast = int(n * rng.uniform(0.82, 0.93))
        yes = int(cast * rng.uniform(0.68, 0.8))
        null = rng.randint(0, max(1, cast // 40))
        no = cast - yes - null
        received = n + 5
        for entry, by in ((1, "Comisión: captura 1"), (2, "Comisión: captura 2")):
            consultations.save_sheet(vault, b["id"], entry, {"yes": yes, "no": no}, null=null, received=received,
                                     unused=received - cast - 1, cancelled=1, entered_by=by)
    assert booths
    consultations.close(vault, cid)
    from unionkit.reports.votes_acta import write_acta

    with tempfile.TemporaryDirectory() as tmp:
        out = write_acta(vault, cid, Path(tmp) / "acta.pdf", "es")
        blob = put_bytes(vault, out.read_bytes(), filename="acta-legitimacion-2023.pdf", mime="application/pdf")
    c = consultations.get(vault, cid)
    consultations.update(vault, cid, settings={**c["settings"], "acta_blob_id": blob.id})


def populate(vault: Vault, rng: random.Random, small: bool = False) -> None:
    if not vault.query("SELECT 1 FROM person LIMIT 1"):
        return
    _legitimation(vault, rng)
    _election(vault, rng)
    _campaign(vault, rng)


def _election(vault: Vault, rng: random.Random) -> None:
    """The executive committee elected this year: two slates with their candidates in seat order."""
    from unionkit.votes.setup import setup_consultation

    offices = ("Secretaría General", "Secretaría de Organización", "Secretaría de Finanzas",
               "Secretaría de Actas", "Secretaría de Equidad de Género")
    verde = ("Guadalupe Ríos Medina", "Jorge Aguilar Castro", "Mariana Peña Solís", "Luis Ángel Núñez Vega",
             "Rosa Elena Gutiérrez Ortiz")
    azul = ("Francisco Torres Lara", "Ana Lucía Cruz Díaz", "Héctor Ibarra Ruiz", "Martín Soto Rangel",
            "Itzel Mendoza Ávila")
    slates = [("Planilla Verde", list(zip(offices, verde, "MHMHM", strict=True))),
              ("Planilla Azul", list(zip(offices, azul, "HMHHM", strict=True)))]
    vote = dt.date(2026, 6, 18)
    cid = setup_consultation(
        vault, kind="election", title="Elección del Comité Ejecutivo 2026-2029", cutoff=dt.date(2026, 5, 25),
        booths=2, slates=slates, seats=len(offices), race="executive", place="Explanada de la planta",
        vote_date=vote, vote_time="06:00–16:00", convocatoria_date=dt.date(2026, 6, 1),
        results_posted_date=dt.date(2026, 6, 19), settings={"quorum": [1, 2]})
    for b in consultations.booths(vault, cid):
        n = b["padron"]
        cast = int(n * rng.uniform(0.7, 0.82))
        won = int(cast * rng.uniform(0.55, 0.62))
        null = rng.randint(0, max(1, cast // 50))
        votes = {"Planilla Verde": won, "Planilla Azul": cast - won - null}
        for entry, by in ((1, "Comisión electoral: captura 1"), (2, "Comisión electoral: captura 2")):
            consultations.save_sheet(vault, b["id"], entry, votes, null=null, received=n, unused=n - cast,
                                     cancelled=0, entered_by=by)
    consultations.close(vault, cid)
