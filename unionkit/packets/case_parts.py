"""The parts of a case beyond its own row: affected workers (linked from the register by CURP, shown
under pseudonyms), LFT articles cited, and domestic filings (CFCRL folios, labour-court case numbers)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from unionkit.errors import UnionkitError, ValidationError
from unionkit.i18n import _
from unionkit.packets.catalog import LFT_ARTICLES, article_sort_key
from unionkit.vault import Vault


def _require_case(vault: Vault, case_id: int) -> None:
    if not vault.scalar("SELECT 1 FROM claim_case WHERE id = ?", (case_id,)):
        raise UnionkitError(_("There is no case with id {id}.").format(id=case_id))


def _iso(value: str | None, what: str) -> str | None:
    """An ISO date (or None for empty); a clear message for anything else."""
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise ValidationError(_("{what}: the date must look like 2026-03-05.").format(what=what)) from None


@dataclass(frozen=True)
class Worker:
    person_id: int
    name: str
    curp: str
    nss: str
    phone: str
    address: str
    role: str
    pseudonym: str


@dataclass(frozen=True)
class Filing:
    id: int
    case_id: int
    authority: str
    kind: str
    folio: str
    filed_at: str | None
    authority_due: str | None
    status: str
    notes: str


# -- affected workers ----------------------------------------------------------------------------
def pseudonym(index: int) -> str:
    """'Trabajador/a A', 'B', … 'Z', 'AA', … for the index-th affected worker (0-based)."""
    letters = ""
    n = index
    while True:
        letters = chr(ord("A") + n % 26) + letters
        n = n // 26 - 1
        if n < 0:
            break
    return _("Worker {letter}").format(letter=letters)


def add_worker(vault: Vault, case_id: int, curp: str, role: str = "") -> Worker:
    _require_case(vault, case_id)
    curp = (curp or "").strip().upper().replace(" ", "")
    pid = vault.scalar("SELECT id FROM person WHERE curp = ?", (curp,))
    if pid is None:
        raise UnionkitError(_("Nobody on the register has the CURP {curp}.").format(curp=curp))
    vault.execute("INSERT OR IGNORE INTO case_worker(case_id, person_id, role) VALUES (?, ?, ?)",
                  (case_id, pid, role))
    return next(w for w in workers(vault, case_id) if w.person_id == pid)


def remove_worker(vault: Vault, case_id: int, person_id: int) -> None:
    vault.execute("DELETE FROM case_worker WHERE case_id = ? AND person_id = ?", (case_id, person_id))


def workers(vault: Vault, case_id: int) -> list[Worker]:
    rows = vault.query(
        "SELECT p.id, trim(p.nombre || ' ' || p.primer_apellido || ' ' || p.segundo_apellido), "
        "coalesce(p.curp, ''), p.nss, p.phone, p.address, w.role FROM case_worker w "
        "JOIN person p ON p.id = w.person_id WHERE w.case_id = ? ORDER BY w.id", (case_id,))
    return [Worker(*r, pseudonym(i)) for i, r in enumerate(rows)]


# -- laws ----------------------------------------------------------------------------------------
def set_laws(vault: Vault, case_id: int, articles: list[str]) -> None:
    unknown = [a for a in articles if a not in LFT_ARTICLES]
    if unknown:
        raise ValidationError(_("Unknown LFT article: {article}").format(article=", ".join(unknown)))
    with vault.transaction() as conn:
        conn.execute("DELETE FROM case_law WHERE case_id = ?", (case_id,))
        conn.executemany("INSERT INTO case_law(case_id, article) VALUES (?, ?)",
                         [(case_id, a) for a in dict.fromkeys(articles)])


def laws(vault: Vault, case_id: int) -> list[str]:
    arts = [r[0] for r in vault.query("SELECT article FROM case_law WHERE case_id = ?", (case_id,))]
    return sorted(arts, key=article_sort_key)


# -- domestic filings ----------------------------------------------------------------------------
def add_filing(vault: Vault, case_id: int, *, authority: str = "CFCRL", kind: str = "", folio: str = "",
               filed_at: str | None = None, authority_due: str | None = None, status: str = "filed",
               notes: str = "") -> Filing:
    _require_case(vault, case_id)
    cur = vault.execute(
        "INSERT INTO case_filing(case_id, authority, kind, folio, filed_at, authority_due, status, notes) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (case_id, authority, kind, folio, _iso(filed_at, _("Filed on")), _iso(authority_due, _("Due")),
         status, notes))
    return next(f for f in filings(vault, case_id) if f.id == cur.lastrowid)


def delete_filing(vault: Vault, filing_id: int) -> None:
    vault.execute("DELETE FROM case_filing WHERE id = ?", (filing_id,))


def filings(vault: Vault, case_id: int) -> list[Filing]:
    return [Filing(*r) for r in vault.query(
        "SELECT id, case_id, authority, kind, folio, filed_at, authority_due, status, notes FROM case_filing "
        "WHERE case_id = ? ORDER BY coalesce(filed_at, ''), id", (case_id,))]
