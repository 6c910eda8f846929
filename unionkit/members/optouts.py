"""Dues opt-outs (LFT art. 110-VI): a worker's written statement that union dues are not to be deducted
from pay, with the scanned statement kept encrypted in the vault and the date it was sent to the employer.

    oid = add_optout(vault, person_id, statement_date, sent_to_employer_date=None, scan_path=None)
    list_optouts(vault, person_id=None) -> list[OptOut]
    mark_sent(vault, optout_id, when);  revoke_optout(vault, optout_id, when)
    has_optout(vault, person_id, as_of) -> bool      (in force on that day)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from unionkit.errors import ValidationError
from unionkit.i18n import _
from unionkit.members.service import get_person
from unionkit.vault import Vault, blobs

NOW = "strftime('%Y-%m-%dT%H:%M:%fZ','now')"


@dataclass
class OptOut:
    id: int
    person_id: int
    statement_date: str
    sent_to_employer_date: str | None
    scan_blob_id: int | None
    revoked_date: str | None
    notes: str


def _iso(d: dt.date | str | None) -> str | None:
    return d.isoformat() if isinstance(d, dt.date) else d


def add_optout(vault: Vault, person_id: int, statement_date: dt.date | str, *,
               sent_to_employer_date: dt.date | str | None = None, scan_path: str | Path | None = None,
               notes: str = "") -> int:
    get_person(vault, person_id)  # raises when unknown
    stated, sent = _iso(statement_date), _iso(sent_to_employer_date)
    if sent and sent < stated:
        raise ValidationError(_("The statement cannot be sent to the employer before it was signed."))
    blob_id = None
    if scan_path:
        blob_id = blobs.put_file(vault, Path(scan_path)).id
    cur = vault.execute("INSERT INTO dues_optout(person_id, statement_date, sent_to_employer_date, scan_blob_id, "
                        "notes) VALUES (?, ?, ?, ?, ?)", (person_id, stated, sent, blob_id, notes.strip()))
    return int(cur.lastrowid)


def list_optouts(vault: Vault, person_id: int | None = None) -> list[OptOut]:
    sql = ("SELECT id, person_id, statement_date, sent_to_employer_date, scan_blob_id, revoked_date, notes "
           "FROM dues_optout")
    rows = vault.query(sql + " WHERE person_id = ? ORDER BY statement_date", (person_id,)) if person_id \
        else vault.query(sql + " ORDER BY statement_date")
    return [OptOut(*r) for r in rows]


def _get(vault: Vault, optout_id: int) -> OptOut:
    row = vault.query("SELECT id, person_id, statement_date, sent_to_employer_date, scan_blob_id, revoked_date, "
                      "notes FROM dues_optout WHERE id = ?", (optout_id,))
    if not row:
        raise ValidationError(_("That opt-out statement no longer exists."))
    return OptOut(*row[0])


def active_optout(vault: Vault, person_id: int) -> OptOut | None:
    """The statement in force (not withdrawn), the latest if several; None when dues may be deducted."""
    live = [o for o in list_optouts(vault, person_id) if not o.revoked_date]
    return live[-1] if live else None


def mark_sent(vault: Vault, optout_id: int, when: dt.date | str) -> None:
    o = _get(vault, optout_id)
    if _iso(when) < o.statement_date:
        raise ValidationError(_("The statement cannot be sent to the employer before it was signed."))
    vault.execute(f"UPDATE dues_optout SET sent_to_employer_date = ?, updated_at = {NOW} WHERE id = ?",
                  (_iso(when), optout_id))


def revoke_optout(vault: Vault, optout_id: int, when: dt.date | str) -> None:
    """The worker withdrew the statement: dues may be deducted again from ``when``."""
    o = _get(vault, optout_id)
    if _iso(when) < o.statement_date:
        raise ValidationError(_("A statement cannot be withdrawn before the date it was signed."))
    vault.execute(f"UPDATE dues_optout SET revoked_date = ?, updated_at = {NOW} WHERE id = ?",
                  (_iso(when), optout_id))


def has_optout(vault: Vault, person_id: int, as_of: dt.date) -> bool:
    day = as_of.isoformat()
    return bool(vault.scalar(
        "SELECT count(*) FROM dues_optout WHERE person_id = ? AND statement_date <= ? "
        "AND (revoked_date IS NULL OR revoked_date > ?)", (person_id, day, day)))
