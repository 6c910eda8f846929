"""Art. 373: the written account goes to every member, with proof of receipt. One ``account_report``
row per period presented; one ``account_delivery`` row per member who received it (how, when).

The treasury page's delivery tab works through ``list_reports``, ``delivery_log``, ``delivery_counts``,
``record_deliveries`` (a batch, one transaction) and ``clear_delivery`` (undo a wrong mark)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from unionkit.clock import SYSTEM_CLOCK, Clock
from unionkit.errors import ValidationError
from unionkit.formatting import format_date
from unionkit.i18n import N_, _
from unionkit.ledger.months import last_day, parse_month
from unionkit.members.text import fold, sort_fold
from unionkit.vault import Vault

METHODS = {"hand": N_("in person, signed"), "email": N_("e-mail"), "messaging": N_("messaging app"),
           "mail": N_("post"), "assembly": N_("at the assembly")}
# who counts in the log and in delivered/total: the members on the register today
_ACTIVE = "p.is_member = 1 AND p.status = 'active'"


@dataclass(frozen=True)
class AccountReport:
    id: int
    from_month: str
    to_month: str
    head_hash: str
    created_at: str
    assembly_date: str | None

    @property
    def period_end(self) -> dt.date:
        return last_day(self.to_month)


def method_label(code: str) -> str:
    return _(METHODS[code]) if code in METHODS else code


def report_for(vault: Vault, first: str, last: str, head_hash: str, *, create: bool = True) -> int | None:
    first, last = parse_month(first), parse_month(last)
    rid = vault.scalar("SELECT id FROM account_report WHERE from_month = ? AND to_month = ? ORDER BY id DESC "
                       "LIMIT 1", (first, last))
    if rid is None and create:
        rid = vault.execute("INSERT INTO account_report(from_month, to_month, head_hash) VALUES (?, ?, ?)",
                            (first, last, head_hash)).lastrowid
    return int(rid) if rid is not None else None


_REPORT_COLS = "id, from_month, to_month, head_hash, created_at, assembly_date"


def list_reports(vault: Vault) -> list[AccountReport]:
    """The accounts already generated, newest period first (then the latest generated)."""
    rows = vault.query(f"SELECT {_REPORT_COLS} FROM account_report ORDER BY to_month DESC, from_month DESC, "
                       "id DESC")
    return [AccountReport(*r) for r in rows]


def get_report(vault: Vault, report_id: int) -> AccountReport:
    row = vault.query(f"SELECT {_REPORT_COLS} FROM account_report WHERE id = ?", (report_id,))
    if not row:
        raise ValidationError(_("There is no art. 373 account with number {id}.").format(id=report_id))
    return AccountReport(*row[0])


def record_delivery(vault: Vault, report_id: int, person_id: int, method: str, when: dt.datetime | None = None,
                    note: str = "") -> None:
    _check_method(method)
    when = when or dt.datetime.now()
    vault.execute("INSERT INTO account_delivery(report_id, person_id, method, delivered_at, note) VALUES "
                  "(?, ?, ?, ?, ?) ON CONFLICT(report_id, person_id) DO UPDATE SET method = excluded.method, "
                  "delivered_at = excluded.delivered_at, note = excluded.note",
                  (report_id, person_id, method, when.isoformat(timespec="minutes"), note))


def _check_method(method: str) -> None:
    if method not in METHODS:
        raise ValidationError(_("Unknown delivery method \u201c{m}\u201d.").format(m=method))


def check_delivery_date(report: AccountReport, day: dt.date, *, clock: Clock = SYSTEM_CLOCK) -> None:
    """A delivery happens after the period ends (the account is presented then) and never in the future."""
    today = clock.today()
    if day > today:
        raise ValidationError(_("The delivery date {date} is in the future; today is {today}.").format(
            date=format_date(day), today=format_date(today)))
    if day < report.period_end:
        raise ValidationError(_("The delivery date {date} is before the end of the period of the account "
                                "({end}): the account is delivered once the period is over.").format(
            date=format_date(day), end=format_date(report.period_end)))


def record_deliveries(vault: Vault, report_id: int, person_ids: Iterable[int], method: str,
                      day: dt.date | None = None, note: str = "", *, clock: Clock = SYSTEM_CLOCK) -> int:
    """Mark several members as having received the account (how, when), all in one transaction.
    A member already marked gets the new method and date. Returns how many were marked."""
    _check_method(method)
    report = get_report(vault, report_id)
    day = day or clock.today()
    check_delivery_date(report, day, clock=clock)
    ids = sorted({int(p) for p in person_ids})
    if not ids:
        raise ValidationError(_("Select the members who received the account first."))
    with vault.transaction() as conn:
        known = {r[0] for r in _in_chunks(conn, "SELECT id FROM person WHERE is_member = 1 AND id IN ({q})", ids)}
        missing = [p for p in ids if p not in known]
        if missing:
            raise ValidationError(_("Not a member on the register: record {id}.").format(id=missing[0]))
        conn.executemany(
            "INSERT INTO account_delivery(report_id, person_id, method, delivered_at, note) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(report_id, person_id) DO UPDATE SET method = excluded.method, "
            "delivered_at = excluded.delivered_at, note = excluded.note, "
            "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
            [(report_id, p, method, day.isoformat(), note) for p in ids])
    return len(ids)


def clear_delivery(vault: Vault, report_id: int, person_ids: Iterable[int]) -> int:
    """Undo deliveries marked by mistake (one transaction). Returns how many marks were removed."""
    ids = sorted({int(p) for p in person_ids})
    get_report(vault, report_id)
    removed = 0
    with vault.transaction() as conn:
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            cur = conn.execute(f"DELETE FROM account_delivery WHERE report_id = ? AND person_id IN "
                               f"({','.join('?' * len(chunk))})", (report_id, *chunk))
            removed += cur.rowcount
    return removed


def _in_chunks(conn, sql: str, ids: list[int]) -> list[tuple]:
    out: list[tuple] = []
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        out += conn.execute(sql.format(q=",".join("?" * len(chunk))), chunk).fetchall()
    return out


def delivery_counts(vault: Vault, report_id: int | None) -> tuple[int, int]:
    """(delivered, total) over the active members."""
    row = vault.query(f"SELECT COUNT(d.id), COUNT(*) FROM person p LEFT JOIN account_delivery d "
                      f"ON d.person_id = p.id AND d.report_id = ? WHERE {_ACTIVE}", (report_id or -1,))
    return int(row[0][0]), int(row[0][1])


def delivery_log(vault: Vault, report_id: int | None) -> list[dict]:
    """Every active member, with the delivery if recorded; in Spanish surname order.

    Each row also carries ``search`` (accent- and case-folded name, workplace, CURP and employee
    number, for search as you type) and ``sort_name``."""
    rows = vault.query(
        "SELECT p.id, TRIM(p.nombre || ' ' || p.primer_apellido || ' ' || p.segundo_apellido), "
        "COALESCE(w.name, ''), d.method, d.delivered_at, COALESCE(p.curp, ''), p.employee_no, p.sort_name, "
        "p.primer_apellido, p.segundo_apellido, p.nombre, p.search_text FROM person p "
        "LEFT JOIN workplace w ON w.id = p.workplace_id "
        "LEFT JOIN account_delivery d ON d.person_id = p.id AND d.report_id = ? "
        f"WHERE {_ACTIVE}",
        (report_id or -1,))
    out = []
    for pid, name, wp, method, when, curp, emp, sort_name, ap1, ap2, nombre, folded in rows:
        # the register keeps the folded names and the Spanish sort key; rows written otherwise get them here
        sort_name = sort_name or " ".join(sort_fold(x) for x in (ap1, ap2, nombre) if x)
        out.append({"person_id": pid, "name": name, "workplace": wp, "method": method, "delivered_at": when,
                    "search": f"{folded or fold(name)} \u241f {fold(wp)} \u241f {curp.lower()} \u241f {emp.lower()}",
                    "sort_name": sort_name})
    out.sort(key=lambda r: (r["sort_name"], r["person_id"]))
    return out
