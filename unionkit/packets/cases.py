"""Cases: the facility, the timeline, affected workers (from the register), laws cited, evidence links
and domestic filings. Plain functions over the vault; dataclasses out."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields

from unionkit.errors import UnionkitError, ValidationError
from unionkit.i18n import _
from unionkit.packets.case_parts import (  # the rest of the case API lives there
    Filing,
    Worker,
    _iso,
    add_filing,
    add_worker,
    delete_filing,
    filings,
    laws,
    pseudonym,
    remove_worker,
    set_laws,
    workers,
)
from unionkit.packets.catalog import CASE_STATUSES, SECTORS, SUBSECTORS
from unionkit.vault import Vault

_RFC = re.compile(r"^[A-ZÑ&]{3,4}\d{6}[A-Z0-9]{2}[0-9A]$")


@dataclass
class Case:
    id: int
    uid: str
    title: str
    kind: str = "rrlm"
    status: str = "open"
    narrative: str = ""
    requested_action: str = ""
    workplace_id: int | None = None
    facility_name: str = ""
    facility_legal_name: str = ""
    facility_rfc: str = ""
    facility_address: str = ""
    facility_state: str = ""
    facility_parent: str = ""
    facility_sector: str = ""
    facility_subsector: str = ""
    facility_products: str = ""
    facility_us_trade: str = ""
    exports_to_us: int = 0
    competes_in_us: int = 0
    facility_headcount: int | None = None
    anonymous: int = 1
    petitioner_name: str = ""
    petitioner_contact: str = ""
    petitioner_relationship: str = ""
    submitted_at: str | None = None
    review_requested_at: str | None = None

    def as_json(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}


CASE_FIELDS = [f.name for f in fields(Case)][2:]
EDITABLE = [f for f in CASE_FIELDS if f != "title"] + ["title"]


@dataclass(frozen=True)
class CaseSummary:
    id: int
    title: str
    facility_name: str
    status: str
    kind: str
    events: int
    workers: int
    evidence: int
    updated_at: str


@dataclass(frozen=True)
class Event:
    id: int
    case_id: int
    event_date: str
    actors: str
    text: str
    affected: str


def _clean(values: dict) -> dict:
    out = {}
    for k, v in values.items():
        if k not in CASE_FIELDS:
            raise ValidationError(_("Unknown case field: {field}").format(field=k))
        if k == "title" and not str(v or "").strip():
            raise ValidationError(_("A case needs a title."))
        if k == "status" and v not in CASE_STATUSES:
            raise ValidationError(_("Unknown case status: {status}").format(status=v))
        if k == "facility_sector" and v and v not in SECTORS:
            raise ValidationError(_("Unknown sector: {sector}").format(sector=v))
        if k == "facility_subsector" and v and v not in SUBSECTORS:
            raise ValidationError(_("Unknown priority subsector: {sector}").format(sector=v))
        if k == "facility_rfc" and v:
            v = str(v).strip().upper().replace(" ", "").replace("-", "")
            if not _RFC.match(v):
                raise ValidationError(_("The RFC {rfc} does not have the shape of an RFC (12 or 13 characters)."
                                        ).format(rfc=v))
        if k in ("submitted_at", "review_requested_at"):
            v = _iso(v, k)
        if k in ("exports_to_us", "competes_in_us", "anonymous"):
            v = 1 if v else 0
        if k == "facility_headcount" and v not in (None, ""):
            try:
                v = int(v)
            except (TypeError, ValueError):
                raise ValidationError(_("The headcount must be a whole number.")) from None
        elif k == "facility_headcount":
            v = None
        out[k] = v.strip() if isinstance(v, str) else v
    return out


def create(vault: Vault, title: str, **values) -> Case:
    values = _clean({"title": title, **values})
    cols = ", ".join(values)
    cur = vault.execute(f"INSERT INTO claim_case({cols}) VALUES ({', '.join('?' * len(values))})",
                        tuple(values.values()))
    return get(vault, cur.lastrowid)


def update(vault: Vault, case_id: int, **values) -> Case:
    get(vault, case_id)
    values = _clean(values)
    if values:
        sets = ", ".join(f"{k} = ?" for k in values)
        vault.execute(f"UPDATE claim_case SET {sets}, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') "
                      "WHERE id = ?", (*values.values(), case_id))
    return get(vault, case_id)


def get(vault: Vault, case_id: int) -> Case:
    rows = vault.query(f"SELECT id, uid, {', '.join(CASE_FIELDS)} FROM claim_case WHERE id = ?", (case_id,))
    if not rows:
        raise UnionkitError(_("There is no case with id {id}.").format(id=case_id))
    return Case(*rows[0])


def delete(vault: Vault, case_id: int) -> None:
    """Delete a case and its timeline; the evidence stays in the locker (it is never deleted)."""
    vault.execute("DELETE FROM claim_case WHERE id = ?", (case_id,))


def workplaces(vault: Vault) -> list[tuple]:
    """Workplaces on the register: (id, name, legal name, RFC, address, INEGI state, sector)."""
    return vault.query("SELECT id, name, employer_legal_name, employer_rfc, address, state_code, sector "
                       "FROM workplace ORDER BY name")


def list_cases(vault: Vault, search: str = "") -> list[CaseSummary]:
    sql = ("SELECT c.id, c.title, c.facility_name, c.status, c.kind, "
           "(SELECT count(*) FROM case_event e WHERE e.case_id = c.id), "
           "(SELECT count(*) FROM case_worker w WHERE w.case_id = c.id), "
           "(SELECT count(*) FROM case_evidence x WHERE x.case_id = c.id), c.updated_at FROM claim_case c")
    params: tuple = ()
    if search:
        sql += " WHERE c.title LIKE ? OR c.facility_name LIKE ? OR c.facility_legal_name LIKE ?"
        params = (f"%{search}%",) * 3
    return [CaseSummary(*r) for r in vault.query(sql + " ORDER BY c.updated_at DESC, c.id DESC", params)]


# -- timeline ------------------------------------------------------------------------------------
def add_event(vault: Vault, case_id: int, event_date: str, text: str, *, actors: str = "",
              affected: str = "") -> Event:
    get(vault, case_id)
    if not text.strip():
        raise ValidationError(_("Say what happened."))
    date = _iso(event_date, _("Event date"))
    if date is None:
        raise ValidationError(_("An event needs a date."))
    cur = vault.execute("INSERT INTO case_event(case_id, event_date, actors, text, affected) VALUES (?, ?, ?, ?, ?)",
                        (case_id, date, actors.strip(), text.strip(), affected.strip()))
    vault.execute("UPDATE claim_case SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?",
                  (case_id,))
    return Event(cur.lastrowid, case_id, date, actors.strip(), text.strip(), affected.strip())


def update_event(vault: Vault, event_id: int, event_date: str, text: str, *, actors: str = "",
                 affected: str = "") -> None:
    date = _iso(event_date, _("Event date"))
    if date is None or not text.strip():
        raise ValidationError(_("An event needs a date and a description."))
    vault.execute("UPDATE case_event SET event_date = ?, text = ?, actors = ?, affected = ?, "
                  "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?",
                  (date, text.strip(), actors.strip(), affected.strip(), event_id))


def delete_event(vault: Vault, event_id: int) -> None:
    vault.execute("DELETE FROM case_event WHERE id = ?", (event_id,))


def events(vault: Vault, case_id: int) -> list[Event]:
    return [Event(*r) for r in vault.query(
        "SELECT id, case_id, event_date, actors, text, affected FROM case_event WHERE case_id = ? "
        "ORDER BY event_date, id", (case_id,))]


__all__ = ["Case", "CaseSummary", "Event", "Filing", "Worker", "add_event", "add_filing", "add_worker", "create",
           "delete", "delete_event", "delete_filing", "events", "filings", "get", "laws", "list_cases", "pseudonym",
           "remove_worker", "set_laws", "update", "update_event", "workers", "workplaces"]
