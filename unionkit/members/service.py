"""The member register's service: people, membership status with history, workplaces.

Widgets and other areas call these functions; none of them touches Qt. Public API:

    add_person(vault, data) -> int                    data: {column: value}; raises PersonInvalid
    update_person(vault, person_id, changes) -> None
    get_person(vault, person_id) -> Person            raises UnionkitError when unknown
    find_by_curp(vault, curp) -> Person | None        CURP normalised first (spaces, case)
    change_status(vault, person_id, status, when, reason) -> None   recorded in the history
    enroll(vault, person_id, join_date, reason="") -> None           a covered worker becomes a member
    history(vault, person_id) -> list[MembershipEvent]
    workplaces: add_workplace / update_workplace / list_workplaces / workplace_by_name
"""

from __future__ import annotations

import datetime as dt

from unionkit.errors import UnionkitError, ValidationError
from unionkit.i18n import _
from unionkit.members import identifiers as ids
from unionkit.members import joins
from unionkit.members.model import (
    EDITABLE_FIELDS,
    PERSON_COLUMNS,
    STATUSES,
    WORKPLACE_COLUMNS,
    MembershipEvent,
    Person,
    Workplace,
)
from unionkit.members.text import clean, search_text, sort_key
from unionkit.members.validation import normalize_person, validate_person
from unionkit.vault import Vault

NOW = "strftime('%Y-%m-%dT%H:%M:%fZ','now')"


class PersonInvalid(ValidationError):
    """Field errors of a person: ``errors`` maps field -> translated message."""

    def __init__(self, errors: dict[str, str]) -> None:
        first = next(iter(errors.values()))
        super().__init__(first)
        self.errors = errors


def derived_columns(p: dict) -> tuple[str, str]:
    """(search_text, sort_name) for a full person dict."""
    return (search_text(p.get("nombre", ""), p.get("primer_apellido", ""), p.get("segundo_apellido", "")),
            sort_key(p.get("primer_apellido", ""), p.get("segundo_apellido", ""), p.get("nombre", "")))


def _iso(d: dt.date | str | None) -> str | None:
    if d is None or isinstance(d, str):
        return d
    return d.isoformat()


def add_person(vault: Vault, data: dict, *, today: dt.date | None = None) -> int:
    """Insert a person; a member (``is_member`` 1) gets a 'join' event on ``join_date`` (or today)."""
    unknown = set(data) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"unknown person fields: {sorted(unknown)}")
    p = normalize_person(data)
    errors, _warnings = validate_person(p)
    if not p.get("nombre"):
        errors.setdefault("nombre", _("The given name is required."))
    if p.get("curp") and find_by_curp(vault, p["curp"]) is not None:
        errors["curp"] = _("Another person already has the CURP {curp}.").format(curp=p["curp"])
    if errors:
        raise PersonInvalid(errors)
    if p.get("is_member") and not p.get("join_date"):
        p["join_date"] = (today or dt.date.today()).isoformat()
    st, sk = derived_columns(p)
    cols = list(p) + ["search_text", "sort_name"]
    with vault.transaction() as conn:
        cur = conn.execute(f"INSERT INTO person({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                           [*p.values(), st, sk])
        pid = int(cur.lastrowid)
        if p.get("is_member"):
            conn.execute("INSERT INTO membership_event(person_id, event_date, kind, status, reason) "
                         "VALUES (?, ?, 'join', 'active', ?)", (pid, p["join_date"], _("Joined the union")))
            conn.execute("UPDATE person SET status_date = ? WHERE id = ?", (p["join_date"], pid))
    return pid


def update_person(vault: Vault, person_id: int, changes: dict) -> None:
    """Change editable fields (status goes through :func:`change_status`)."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"unknown person fields: {sorted(unknown)}")
    current = get_person(vault, person_id)
    p = normalize_person(changes)
    errors, _warnings = validate_person(p)
    if "nombre" in p and not p["nombre"]:
        errors["nombre"] = _("The given name is required.")
    if p.get("curp"):
        other = find_by_curp(vault, p["curp"])
        if other is not None and other.id != person_id:
            errors["curp"] = _("Another person already has the CURP {curp}.").format(curp=p["curp"])
    if errors:
        raise PersonInvalid(errors)
    merged = {**current.__dict__, **p}
    st, sk = derived_columns(merged)
    sets = ", ".join(f"{k} = ?" for k in p)
    with vault.transaction() as conn:
        if "join_date" in p or "is_member" in p:
            joins.materialize(conn, person_id)  # the join event keeps the date it had
        conn.execute(f"UPDATE person SET {sets + ', ' if sets else ''}search_text = ?, sort_name = ?, "
                     f"updated_at = {NOW} WHERE id = ?", [*p.values(), st, sk, person_id])


def _row_to_person(row: tuple) -> Person:
    return Person(*row)


def get_person(vault: Vault, person_id: int) -> Person:
    rows = vault.query(f"SELECT {', '.join(PERSON_COLUMNS)} FROM person WHERE id = ?", (person_id,))
    if not rows:
        raise UnionkitError(_("This person is no longer in the register."))
    return _row_to_person(rows[0])


def find_by_curp(vault: Vault, curp: str) -> Person | None:
    """The person with this CURP (normalised: case and spaces ignored), or None."""
    c = ids.normalize_curp(curp)
    if not c:
        return None
    rows = vault.query(f"SELECT {', '.join(PERSON_COLUMNS)} FROM person WHERE curp = ?", (c,))
    return _row_to_person(rows[0]) if rows else None


def change_status(vault: Vault, person_id: int, status: str, when: dt.date | str, reason: str = "") -> None:
    """Set the membership status (active, suspended, resigned, dismissed, deceased) with a dated reason."""
    if status not in STATUSES:
        raise ValidationError(_("Unknown status: {status}").format(status=status))
    when_iso = _iso(when)
    person = get_person(vault, person_id)
    if person.join_date and when_iso < person.join_date:
        raise ValidationError(_("The date of the change cannot be before the join date ({date}).")
                              .format(date=dt.date.fromisoformat(person.join_date).strftime("%d/%m/%Y")))
    with vault.transaction() as conn:
        # A stored status event always follows a stored join (same day: the join first, by id).
        joins.materialize(conn, person_id)
        conn.execute("INSERT INTO membership_event(person_id, event_date, kind, status, reason) "
                     "VALUES (?, ?, 'status', ?, ?)", (person_id, when_iso, status, clean(reason)))
        latest = conn.execute("SELECT status, event_date FROM membership_event WHERE person_id = ? "
                              "ORDER BY event_date DESC, id DESC LIMIT 1", (person_id,)).fetchone()
        conn.execute(f"UPDATE person SET status = ?, status_date = ?, updated_at = {NOW} WHERE id = ?",
                     (latest[0], latest[1], person_id))


def enroll(vault: Vault, person_id: int, join_date: dt.date | str, reason: str = "") -> None:
    """Make a covered worker a member from ``join_date`` (recorded as a 'join' event)."""
    d = _iso(join_date)
    with vault.transaction() as conn:
        joins.materialize(conn, person_id)  # a re-enrolment keeps the first join in the history
        conn.execute("INSERT INTO membership_event(person_id, event_date, kind, status, reason) "
                     "VALUES (?, ?, 'join', 'active', ?)", (person_id, d, clean(reason) or _("Joined the union")))
        conn.execute(f"UPDATE person SET is_member = 1, join_date = ?, status = 'active', status_date = ?, "
                     f"updated_at = {NOW} WHERE id = ?", (d, d, person_id))


def history(vault: Vault, person_id: int) -> list[MembershipEvent]:
    rows = vault.query(joins.with_events("SELECT id, person_id, event_date, kind, status, reason FROM ev "
                                         "WHERE person_id = ? ORDER BY event_date, id"),
                       (joins.reason(), person_id))
    return [MembershipEvent(*r) for r in rows]


# ---------------------------------------------------------------- workplaces

def add_workplace(vault: Vault, name: str, **fields: str) -> int:
    name = clean(name)
    if not name:
        raise ValidationError(_("The workplace needs a name."))
    unknown = set(fields) - set(WORKPLACE_COLUMNS)
    if unknown:
        raise ValueError(f"unknown workplace fields: {sorted(unknown)}")
    cols = ["name", *fields]
    cur = vault.execute(f"INSERT INTO workplace({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                        [name, *(clean(v) for v in fields.values())])
    return int(cur.lastrowid)


def update_workplace(vault: Vault, workplace_id: int, **fields: str) -> None:
    unknown = set(fields) - set(WORKPLACE_COLUMNS[1:])
    if unknown or not fields:
        raise ValueError(f"bad workplace fields: {sorted(unknown)}")
    sets = ", ".join(f"{k} = ?" for k in fields)
    vault.execute(f"UPDATE workplace SET {sets}, updated_at = {NOW} WHERE id = ?",
                  [*(clean(v) for v in fields.values()), workplace_id])


def list_workplaces(vault: Vault) -> list[Workplace]:
    rows = vault.query(f"SELECT {', '.join(WORKPLACE_COLUMNS)} FROM workplace ORDER BY name")
    return [Workplace(*r) for r in rows]


def workplace_by_name(vault: Vault, name: str) -> Workplace | None:
    rows = vault.query(f"SELECT {', '.join(WORKPLACE_COLUMNS)} FROM workplace WHERE name = ? COLLATE NOCASE",
                       (clean(name),))
    return Workplace(*rows[0]) if rows else None
