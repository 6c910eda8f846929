"""Representativeness campaigns (LFT 390 Bis): the covered roll N, the headcount in the employer's
service, and the support list with each row checked (DOMAIN §1.3, "Signature validity rules").

The support list is kept inside the encrypted vault only (the CFCRL must keep it secret, LFT 390 Bis I;
leaks expose signers to retaliation); scans of signed sheets are encrypted blobs.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from unionkit.errors import ValidationError
from unionkit.i18n import N_, _
from unionkit.vault import Vault
from unionkit.votes import access_log, rolls
from unionkit.votes.threshold import RollMap, RollPerson, SupportRow, ThresholdResult, check_support

# The CFCRL's common rejection reasons, as a checklist the organizer ticks (DOMAIN §1.3-1.4; product choice).
CHECKLIST = {
    "notice_posted": N_("Notice of the application posted at the workplace and in high-traffic places"),
    "lists_consistent": N_("Names, CURPs and hire dates consistent between the list and the roll"),
    "scope": N_("Scope: the list covers the same workplace and workers as the CCT sought"),
    "autograph": N_("Every signature is autograph (no e-signatures, no copies)"),
    "no_confianza": N_("No trabajadores de confianza on the list"),
    "hire_dates": N_("Every signer was hired on or before the filing date"),
    "margin": N_("A margin above the minimum (the CFCRL cross-checks with IMSS data)"),
    "address": N_("Union name and address for notifications stated"),
}
_COLS = ("id", "name", "workplace_id", "employer", "activity", "filing_date", "roll_id", "headcount_in_service",
         "status", "checklist", "notes")


def create(vault: Vault, name: str, filing_date: dt.date, *, roll_id: int | None = None,
           workplace_id: int | None = None, employer: str = "", activity: str = "",
           headcount_in_service: int | None = None) -> int:
    if not name.strip():
        raise ValidationError(_("The campaign needs a name."))
    return int(vault.execute(
        "INSERT INTO rep_campaign (name, workplace_id, employer, activity, filing_date, roll_id, "
        "headcount_in_service) VALUES (?,?,?,?,?,?,?)",
        (name.strip(), workplace_id, employer, activity, filing_date.isoformat(), roll_id,
         headcount_in_service)).lastrowid)


def create_with_roll(vault: Vault, name: str, filing_date: dt.date, *, workplace_id: int | None = None,
                     employer: str = "", headcount_in_service: int | None = None) -> int:
    """Freeze the covered-worker roll from the register (one workplace or all) and open the campaign."""
    if not name.strip():
        raise ValidationError(_("The campaign needs a name."))
    roll_id = rolls.build_from_register(vault, _("Covered workers for {name}").format(name=name.strip()),
                                        "campaign", filing_date, workplace_id=workplace_id)
    return create(vault, name, filing_date, roll_id=roll_id, workplace_id=workplace_id, employer=employer,
                  headcount_in_service=headcount_in_service)


def workplaces(vault: Vault) -> list[tuple[int, str, str]]:
    """(id, name, employer legal name) of the register's workplaces, for choosing a campaign's scope."""
    return [(int(i), n, e) for i, n, e in vault.query(
        "SELECT id, name, employer_legal_name FROM workplace ORDER BY name")]


def get(vault: Vault, cid: int) -> dict:
    rows = vault.query(f"SELECT {', '.join(_COLS)} FROM rep_campaign WHERE id = ?", (cid,))
    if not rows:
        raise ValidationError(_("There is no campaign number {id}.").format(id=cid))
    c = dict(zip(_COLS, rows[0], strict=True))
    c["checklist"] = json.loads(c["checklist"] or "{}")
    return c


def update(vault: Vault, cid: int, **fields: object) -> None:
    allowed = {"name", "employer", "activity", "filing_date", "roll_id", "headcount_in_service", "status",
               "checklist", "notes", "workplace_id"}
    for k, v in fields.items():
        if k not in allowed:
            raise ValidationError(f"unknown field {k}")
        if isinstance(v, dt.date):
            v = v.isoformat()
        elif k == "checklist":
            v = json.dumps(v, sort_keys=True)
        vault.execute(f"UPDATE rep_campaign SET {k} = ? WHERE id = ?", (v, cid))


def add_supporters(vault: Vault, cid: int, rows: list[SupportRow], *, replace: bool = False,
                   source: str | Path = "") -> None:
    """Add (or with ``replace``, swap in) support rows in one transaction, recorded in the access log."""
    get(vault, cid)
    with vault.transaction() as conn:
        if replace:
            conn.execute("DELETE FROM rep_support WHERE campaign_id = ?", (cid,))
        conn.executemany(
            "INSERT INTO rep_support (campaign_id, line, full_name, curp, hire_date, signed) VALUES (?,?,?,?,?,?)",
            [(cid, r.line, r.full_name, r.curp, r.hire_date.isoformat() if r.hire_date else None, int(r.signed))
             for r in rows])
        access_log.record(vault, cid, "imported", rows=len(rows), detail=source, conn=conn)


def import_supporters(vault: Vault, cid: int, path: str | Path, *, replace: bool = True) -> int:
    """Load a signed support list (Nombre, CURP, Fecha de ingreso, Firma) with the roster reader; the old
    list is replaced in the same transaction (a failed import keeps it)."""
    from unionkit.votes.rosterfile import read_supporters

    rows = read_supporters(path)
    add_supporters(vault, cid, rows, replace=replace, source=Path(path))
    return len(rows)


def _support_row(vault: Vault, support_id: int) -> tuple[int, int]:
    row = vault.query("SELECT campaign_id, line FROM rep_support WHERE id = ?", (support_id,))
    if not row:
        raise ValidationError(_("That support row no longer exists."))
    return row[0]


def set_signed(vault: Vault, support_id: int, signed: bool) -> None:
    cid, line = _support_row(vault, support_id)
    with vault.transaction() as conn:
        conn.execute("UPDATE rep_support SET signed = ? WHERE id = ?", (int(signed), support_id))
        access_log.record(vault, cid, "edited", rows=1, conn=conn, detail=_("line {line}: signed {value}").format(
            line=line, value=_("yes") if signed else _("no")))


def attach_scan(vault: Vault, support_id: int, path: str | Path) -> int:
    from unionkit.vault.blobs import put_file

    cid, line = _support_row(vault, support_id)
    blob_id = put_file(vault, Path(path)).id
    with vault.transaction() as conn:
        conn.execute("UPDATE rep_support SET scan_blob_id = ? WHERE id = ?", (blob_id, support_id))
        access_log.record(vault, cid, "edited", rows=1, conn=conn,
                          detail=_("line {line}: scan {file}").format(line=line, file=Path(path).name))
    return blob_id


def supporters(vault: Vault, cid: int) -> list[dict]:
    cols = ("id", "line", "full_name", "curp", "hire_date", "signed", "scan_blob_id")
    return [dict(zip(cols, r, strict=True)) for r in vault.query(
        f"SELECT {', '.join(cols)} FROM rep_support WHERE campaign_id = ? ORDER BY line, id", (cid,))]


def _roll_map(vault: Vault, roll_id: int | None) -> tuple[dict[str, RollPerson], int]:
    if roll_id is None:
        return RollMap(), 0
    roll = RollMap()
    n = 0
    for e in rolls.entries(vault, roll_id):
        if not e.eligible and e.curp:
            roll.excluded.setdefault(e.curp, e.reason)
        if e.eligible:
            n += 1
            if e.curp:
                roll[e.curp] = RollPerson(e.curp, e.full_name, rolls._d(e.hire_date), False,
                                          e.reason == "dismissed_in_window")
    return roll, n


def evaluate(vault: Vault, cid: int) -> ThresholdResult:
    """Check every support row against the covered roll; the live counter of the workbench."""
    c = get(vault, cid)
    roll, n = _roll_map(vault, c["roll_id"])
    rows = [SupportRow(s["line"], s["full_name"], s["curp"], rolls._d(s["hire_date"]), bool(s["signed"]))
            for s in supporters(vault, cid)]
    return check_support(rows, roll, n, dt.date.fromisoformat(c["filing_date"]),
                         in_service=c["headcount_in_service"])


def valid_rows(vault: Vault, cid: int) -> list[dict]:
    """The support rows that count (for the CFCRL annex), in list order."""
    rejected = {r["line"] for r in evaluate(vault, cid).rejected}
    return [s for s in supporters(vault, cid) if s["line"] not in rejected]


def names(vault: Vault) -> list[dict]:
    """Campaign ids and names, newest first (cheap: no evaluation)."""
    return [{"id": i, "name": n} for i, n in vault.query("SELECT id, name FROM rep_campaign ORDER BY id DESC")]


def list_campaigns(vault: Vault) -> list[dict]:
    out = []
    for (cid,) in vault.query("SELECT id FROM rep_campaign ORDER BY id DESC"):
        c = get(vault, cid)
        res = evaluate(vault, cid)
        out.append({"id": cid, "name": c["name"], "status": c["status"], "filing_date": c["filing_date"],
                    "covered": res.covered, "valid_supporters": res.valid_supporters, "met": res.met,
                    "pct": res.pct, "missing": res.missing, "counter": res.counter_text()})
    return out
