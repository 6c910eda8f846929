"""Searching the register: accent-insensitive text (FTS5 trigram), filters, sort — all in SQL.

    flt = PersonFilter(text="nunez", workplace_id=2, status="active", members_only=True)
    ids = search_ids(vault, flt, order="name")      # list[int], sorted, for the table model
    rows = fetch_rows(vault, ids[:500])              # {id: RowView}, what a table line shows
    people = list_people(vault, flt)                 # list[Person] (CLI, exports)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from unionkit.members.model import PERSON_COLUMNS, Person
from unionkit.members.text import fold, sort_fold
from unionkit.vault import Vault

SORT_COLUMNS = {
    "name": "p.sort_name", "curp": "p.curp", "employee_no": "p.employee_no", "workplace": "w.name",
    "status": "p.status", "member": "p.is_member", "hire_date": "p.hire_date", "join_date": "p.join_date",
}


@dataclass
class PersonFilter:
    text: str = ""
    workplace_id: int | None = None
    status: str | None = None
    members_only: bool | None = None          # None: everybody; True: members; False: non-members
    person_ids: set[int] | None = field(default=None)  # e.g. "2+ months behind on dues"


@dataclass
class RowView:
    id: int
    name: str             # "Apellido1 Apellido2, Nombre"
    curp: str
    employee_no: str
    workplace: str
    status: str
    is_member: int
    hire_date: str
    join_date: str


def fts_expression(text: str) -> tuple[str, list[str]]:
    """(FTS5 MATCH expression for name words of 3+ characters, LIKE patterns for shorter ones).
    Words with a digit are not name words (see :func:`_where`: CURP / employee number)."""
    words = [w for w in fold(text).split() if not any(c.isdigit() for c in w)]
    long_words = ['"' + w.replace('"', '""') + '"' for w in words if len(w) >= 3]
    short = ["%" + w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
             for w in words if len(w) < 3]
    return " AND ".join(long_words), short


def _where(flt: PersonFilter) -> tuple[str, list]:
    clauses: list[str] = []
    params: list = []
    text = "".join(ch if ch.isprintable() else " " for ch in flt.text)  # no NUL/control chars into FTS
    if text.strip():
        for word in text.split():
            if any(c.isdigit() for c in word):
                # A CURP or an employee number: prefix on their indexes.
                up = word.upper()
                clauses.append("((p.curp >= ? AND p.curp < ?) OR (p.employee_no >= ? AND p.employee_no < ?))")
                params += [up, up + "\uffff", word, word + "\uffff"]
        match, likes = fts_expression(text)
        short = "".join(sort_fold(text).split())
        if not match and len(likes) == 1 and len(short) <= 2 and len(text.split()) == 1:
            # One or two letters: surnames starting with them, on the sort index (a scan of every
            # name for "%h%" costs ~0.1 s at 100,000 people and finds nearly everybody anyway).
            clauses.append("p.sort_name >= ? AND p.sort_name < ?")
            params += [short, short + "\x7f"]
            likes = []
        if match:
            clauses.append("p.id IN (SELECT rowid FROM person_fts WHERE person_fts MATCH ?)")
            params.append(match)
        for pattern in likes:
            clauses.append("p.search_text LIKE ? ESCAPE '\\'")
            params.append(pattern)
    if flt.workplace_id is not None:
        clauses.append("p.workplace_id = ?")
        params.append(flt.workplace_id)
    if flt.status:
        clauses.append("p.status = ?")
        params.append(flt.status)
    if flt.members_only is not None:
        clauses.append("p.is_member = ?")
        params.append(1 if flt.members_only else 0)
    if flt.person_ids is not None:
        clauses.append("p.id IN (SELECT value FROM json_each(?))")
        params.append("[" + ",".join(str(int(i)) for i in flt.person_ids) + "]")
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def search_ids(vault: Vault, flt: PersonFilter | None = None, *, order: str = "name",
               descending: bool = False) -> list[int]:
    """Ids of the people matching ``flt``, sorted by ``order`` (a key of SORT_COLUMNS), then by name."""
    flt = flt or PersonFilter()
    where, params = _where(flt)
    col = SORT_COLUMNS.get(order, "p.sort_name")
    direction = "DESC" if descending else "ASC"
    join = " LEFT JOIN workplace w ON w.id = p.workplace_id" if order == "workplace" else ""
    tie = ", p.sort_name, p.id" if col != "p.sort_name" else f", p.id {direction}"
    sql = f"SELECT p.id FROM person p{join}{where} ORDER BY {col} {direction}{tie}"
    return [r[0] for r in vault.query(sql, params)]


def count(vault: Vault, flt: PersonFilter | None = None) -> int:
    where, params = _where(flt or PersonFilter())
    return int(vault.scalar(f"SELECT count(*) FROM person p{where}", params))


def fetch_rows(vault: Vault, ids: Iterable[int]) -> dict[int, RowView]:
    """What the table shows for these people (any number of ids; fetched in chunks)."""
    out: dict[int, RowView] = {}
    ids = list(ids)
    for i in range(0, len(ids), 900):
        chunk = ids[i:i + 900]
        sql = ("SELECT p.id, p.primer_apellido, p.segundo_apellido, p.nombre, coalesce(p.curp, ''), "
               "p.employee_no, coalesce(w.name, ''), p.status, p.is_member, coalesce(p.hire_date, ''), "
               "coalesce(p.join_date, '') FROM person p LEFT JOIN workplace w ON w.id = p.workplace_id "
               f"WHERE p.id IN ({','.join('?' * len(chunk))})")
        for r in vault.query(sql, chunk):
            surnames = " ".join(s for s in (r[1], r[2]) if s)
            name = f"{surnames}, {r[3]}" if surnames else r[3]
            out[r[0]] = RowView(r[0], name, *r[4:])
    return out


def list_people(vault: Vault, flt: PersonFilter | None = None, *, order: str = "name") -> list[Person]:
    ids = search_ids(vault, flt, order=order)
    people: dict[int, Person] = {}
    for i in range(0, len(ids), 900):
        chunk = ids[i:i + 900]
        rows = vault.query(f"SELECT {', '.join(PERSON_COLUMNS)} FROM person "
                           f"WHERE id IN ({','.join('?' * len(chunk))})", chunk)
        people.update((r[0], Person(*r)) for r in rows)
    return [people[i] for i in ids if i in people]
