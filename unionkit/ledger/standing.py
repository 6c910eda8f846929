"""Dues history and arrears per member; "in good standing as of DATE" (used by votes and members).

A month is *owed* from the later of the member's join month and the month dues started being kept
in unionkit (setting ``ledger.dues_start``, else the first month with dues in the ledger), up to the
month BEFORE ``as_of`` (the current month is still payable). A month is *paid* when a dues entry for
it (cash, not reversed) or a payroll deduction for it (from a check-off batch whose deposit was not
reversed) exists. Only active members owe dues; everyone else is reported with 0.
"""

from __future__ import annotations

import datetime as dt

from unionkit.ledger.months import add_months, month_of, month_range
from unionkit.vault import Vault

_PAID_SQL = """
SELECT e.person_id, e.dues_period FROM ledger_entry e JOIN ledger_category c ON c.id = e.category_id
WHERE c.is_dues = 1 AND e.person_id IS NOT NULL AND e.dues_period IS NOT NULL AND e.reverses_id IS NULL
  AND e.amount > 0 AND NOT EXISTS (SELECT 1 FROM ledger_entry r WHERE r.reverses_id = e.id) {and_person}
UNION
SELECT l.person_id, l.period FROM checkoff_line l JOIN checkoff_batch b ON b.id = l.batch_id
WHERE l.person_id IS NOT NULL AND l.deducted > 0
  AND NOT EXISTS (SELECT 1 FROM ledger_entry r WHERE r.reverses_id = b.entry_id) {and_person_l}
"""


def dues_start(vault: Vault) -> str | None:
    """First month dues are owed in this vault, or None when the treasury has no dues at all."""
    start = vault.get_setting("ledger.dues_start")
    if start:
        return start
    first_cash = vault.scalar("SELECT MIN(e.dues_period) FROM ledger_entry e JOIN ledger_category c "
                              "ON c.id = e.category_id WHERE c.is_dues = 1 AND e.dues_period IS NOT NULL")
    first_checkoff = vault.scalar("SELECT MIN(period) FROM checkoff_batch")
    found = [m for m in (first_cash, first_checkoff) if m]
    return min(found) if found else None


def paid_months(vault: Vault, person_id: int | None = None) -> dict[int, set[str]]:
    if person_id is None:
        sql = _PAID_SQL.format(and_person="", and_person_l="")
        rows = vault.query(sql)
    else:
        sql = _PAID_SQL.format(and_person="AND e.person_id = ?", and_person_l="AND l.person_id = ?")
        rows = vault.query(sql, (person_id, person_id))
    out: dict[int, set[str]] = {}
    for pid, month in rows:
        out.setdefault(pid, set()).add(month)
    return out


def _members(vault: Vault, person_id: int | None = None) -> list[tuple[int, str | None, str]]:
    sql = "SELECT id, join_date, status FROM person WHERE is_member = 1"
    if person_id is not None:
        return vault.query(sql + " AND id = ?", (person_id,))
    return vault.query(sql)


def owed_months(join_date: str | None, start: str, as_of: dt.date) -> list[str]:
    last = add_months(month_of(as_of), -1)
    first = max(start, join_date[:7]) if join_date else start
    return month_range(first, last) if first <= last else []


def months_behind_by_person(vault: Vault, as_of: dt.date) -> dict[int, int]:
    """person_id -> months of dues arrears as of ``as_of`` for every member (0 = good standing)."""
    start = dues_start(vault)
    people = _members(vault)
    if start is None:
        return {pid: 0 for pid, _j, _s in people}
    paid = paid_months(vault)
    out = {}
    for pid, join_date, status in people:
        if status != "active":
            out[pid] = 0
            continue
        owed = owed_months(join_date, start, as_of)
        got = paid.get(pid, ())
        out[pid] = sum(1 for m in owed if m not in got)
    return out


def in_good_standing(vault: Vault, person_id: int, as_of: dt.date) -> bool:
    """True for an active member with no month of dues owed as of ``as_of``."""
    rows = _members(vault, person_id)
    if not rows or rows[0][2] != "active":
        return False
    start = dues_start(vault)
    if start is None:
        return True
    owed = owed_months(rows[0][1], start, as_of)
    got = paid_months(vault, person_id).get(person_id, set())
    return all(m in got for m in owed)


def dues_history(vault: Vault, person_id: int) -> list[dict]:
    """Every dues payment of a person, oldest first: cash entries and payroll deductions."""
    rows = vault.query(
        "SELECT e.dues_period, e.entry_date, e.amount, 'cash', e.folio, e.id, "
        "EXISTS (SELECT 1 FROM ledger_entry r WHERE r.reverses_id = e.id) FROM ledger_entry e "
        "JOIN ledger_category c ON c.id = e.category_id WHERE c.is_dues = 1 AND e.person_id = ? "
        "AND e.reverses_id IS NULL "
        "UNION ALL SELECT l.period, b.created_at, l.deducted, 'payroll', NULL, b.entry_id, "
        "EXISTS (SELECT 1 FROM ledger_entry r WHERE r.reverses_id = b.entry_id) FROM checkoff_line l "
        "JOIN checkoff_batch b ON b.id = l.batch_id WHERE l.person_id = ? AND l.deducted > 0 "
        "ORDER BY 1, 2", (person_id, person_id))
    return [{"period": r[0], "date": (r[1] or "")[:10], "amount": r[2], "method": r[3], "folio": r[4],
             "entry_id": r[5], "reversed": bool(r[6])} for r in rows]
