"""Figures for the reports, from the kept month totals (never a scan of the whole ledger).

closing = opening + income - expenses; transfers between own accounts net to zero; entries of the
'opening' kind (starting balances) count in the opening balance of their month; a reversal sits in
its own month with the opposite sign, so an entry and its reversal net out in every total.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from unionkit.ledger import chain
from unionkit.ledger.months import add_months
from unionkit.ledger.periods import Close, get_close
from unionkit.vault import Vault


@dataclass
class CategoryLine:
    category_id: int
    name: str
    line_373: str
    amount: int          # positive for both income and expense lines
    n: int


@dataclass
class MonthSummary:
    first: str
    last: str
    opening_by_account: dict[int, int]
    closing_by_account: dict[int, int]
    income: list[CategoryLine]
    expenses: list[CategoryLine]
    members_paid: int
    entries: int
    account_names: dict[int, str] = field(default_factory=dict)
    account_kinds: dict[int, str] = field(default_factory=dict)
    close: Close | None = None
    head_hash: str = chain.GENESIS
    head_entry: int = 0

    @property
    def opening_total(self) -> int:
        return sum(self.opening_by_account.values())

    @property
    def closing_total(self) -> int:
        return sum(self.closing_by_account.values())

    @property
    def income_total(self) -> int:
        return sum(x.amount for x in self.income)

    @property
    def expense_total(self) -> int:
        return sum(x.amount for x in self.expenses)

    @property
    def dues_total(self) -> int:
        return sum(x.amount for x in self.income if x.line_373 == "dues")

    def by_category(self) -> dict[int, int]:
        return {x.category_id: x.amount for x in self.income + self.expenses}


def _totals(vault: Vault, first: str, last: str):
    return vault.query(
        "SELECT t.account_id, t.category_id, c.kind, c.name, c.line_373, SUM(t.total), SUM(t.n), c.sort_order "
        "FROM ledger_month_total t JOIN ledger_category c ON c.id = t.category_id "
        "WHERE t.month >= ? AND t.month <= ? GROUP BY t.account_id, t.category_id", (first, last))


def period_summary(vault: Vault, first: str, last: str) -> MonthSummary:
    accounts = vault.query("SELECT id, name, kind FROM ledger_account ORDER BY sort_order, id")
    opening = {a[0]: 0 for a in accounts}
    for acc, total in vault.query("SELECT account_id, SUM(total) FROM ledger_month_total WHERE month < ? "
                                  "GROUP BY account_id", (first,)):
        opening[acc] = opening.get(acc, 0) + total
    closing = dict(opening)
    cats: dict[int, CategoryLine] = {}
    order: dict[int, int] = {}
    n_entries = 0
    for acc, cid, kind, name, line, total, n, sort in _totals(vault, first, last):
        n_entries += n
        closing[acc] = closing.get(acc, 0) + total
        if kind == "opening":
            opening[acc] = opening.get(acc, 0) + total
            continue
        if kind not in ("income", "expense"):
            continue
        amount = total if kind == "income" else -total
        line_obj = cats.setdefault(cid, CategoryLine(cid, name, line, 0, 0))
        line_obj.amount += amount
        line_obj.n += n
        order[cid] = sort
    kinds = dict(vault.query("SELECT id, kind FROM ledger_category"))
    income = sorted((c for c in cats.values() if kinds[c.category_id] == "income" and (c.amount or c.n)),
                    key=lambda c: order[c.category_id])
    expenses = sorted((c for c in cats.values() if kinds[c.category_id] == "expense" and (c.amount or c.n)),
                      key=lambda c: order[c.category_id])
    head_id, head_hash = chain.head(vault)
    s = MonthSummary(first, last, opening, closing, income, expenses, members_paid(vault, first, last), n_entries,
                     {a[0]: a[1] for a in accounts}, {a[0]: a[2] for a in accounts}, get_close(vault, last),
                     head_hash, head_id)
    return s


def month_summary(vault: Vault, month: str) -> MonthSummary:
    return period_summary(vault, month, month)


def previous_month(vault: Vault, month: str) -> MonthSummary:
    return month_summary(vault, add_months(month, -1))


def members_paid(vault: Vault, first: str, last: str) -> int:
    """Distinct people whose dues were received in the period (cash or payroll deposit)."""
    return int(vault.scalar(
        "SELECT COUNT(*) FROM (SELECT e.person_id FROM ledger_entry e JOIN ledger_category c ON c.id = e.category_id "
        "WHERE e.month >= ? AND e.month <= ? AND c.is_dues = 1 AND e.person_id IS NOT NULL AND e.amount > 0 "
        "AND e.reverses_id IS NULL AND NOT EXISTS (SELECT 1 FROM ledger_entry r WHERE r.reverses_id = e.id) "
        "UNION SELECT l.person_id FROM checkoff_line l JOIN checkoff_batch b ON b.id = l.batch_id "
        "JOIN ledger_entry e ON e.id = b.entry_id WHERE e.month >= ? AND e.month <= ? AND l.deducted > 0 "
        "AND l.person_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ledger_entry r WHERE r.reverses_id = e.id))",
        (first, last, first, last)) or 0)


def dues_by_month(vault: Vault, first: str, last: str) -> list[tuple[str, int]]:
    return vault.query("SELECT t.month, SUM(t.total) FROM ledger_month_total t JOIN ledger_category c ON "
                       "c.id = t.category_id WHERE c.line_373 = 'dues' AND c.kind = 'income' AND t.month >= ? "
                       "AND t.month <= ? GROUP BY t.month ORDER BY t.month", (first, last))


def dues_by_workplace(vault: Vault, first: str, last: str) -> list[tuple[str, int]]:
    """Dues received per workplace: cash dues by the payer's workplace; each payroll deposit split by the
    workplaces of its deduction lines (largest remainder), the rest 'unassigned'."""
    out: dict[str, int] = {}
    for name, total in vault.query(
            "SELECT COALESCE(w.name, ''), SUM(e.amount) FROM ledger_entry e JOIN ledger_category c ON "
            "c.id = e.category_id LEFT JOIN person p ON p.id = e.person_id LEFT JOIN workplace w ON "
            "w.id = p.workplace_id WHERE c.line_373 = 'dues' AND c.kind = 'income' AND e.month >= ? "
            "AND e.month <= ? AND e.checkoff_batch_id IS NULL GROUP BY 1", (first, last)):
        out[name] = out.get(name, 0) + total
    for entry_amount, batch_id in vault.query(
            "SELECT e.amount, e.checkoff_batch_id FROM ledger_entry e WHERE e.checkoff_batch_id IS NOT NULL "
            "AND e.month >= ? AND e.month <= ?", (first, last)):
        parts = vault.query("SELECT COALESCE(w.name, ''), SUM(l.deducted) FROM checkoff_line l LEFT JOIN person p "
                            "ON p.id = l.person_id LEFT JOIN workplace w ON w.id = p.workplace_id "
                            "WHERE l.batch_id = ? GROUP BY 1", (batch_id,))
        whole = sum(p[1] for p in parts)
        if whole <= 0:
            out[""] = out.get("", 0) + entry_amount
            continue
        shares = [(name, entry_amount * ded // whole) for name, ded in parts]
        rest = entry_amount - sum(s for _n, s in shares)
        shares.sort(key=lambda s: -s[1])
        if shares:
            shares[0] = (shares[0][0], shares[0][1] + rest)
        for name, s in shares:
            out[name] = out.get(name, 0) + s
    return sorted(((k, v) for k, v in out.items() if v), key=lambda kv: (kv[0] == "", kv[0]))


def top_expenses(vault: Vault, first: str, last: str, limit: int = 25, threshold: int = 0) -> list[tuple]:
    """The largest single expenses of the period (itemized in the report), reversed ones excluded."""
    return vault.query(
        "SELECT e.id, e.entry_date, c.name, c.line_373, -e.amount, e.counterparty, e.memo FROM ledger_entry e "
        "JOIN ledger_category c ON c.id = e.category_id WHERE e.month >= ? AND e.month <= ? AND c.kind = 'expense' "
        "AND e.amount < 0 AND -e.amount >= ? AND e.reverses_id IS NULL AND NOT EXISTS (SELECT 1 FROM ledger_entry r "
        "WHERE r.reverses_id = e.id) ORDER BY e.amount ASC, e.id LIMIT ?", (first, last, threshold, limit))
