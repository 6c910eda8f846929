"""Read side of the ledger: balances, filtered pages with a running balance (newest first, keyset
paging so that 1M entries paint at once), and per-month totals."""

from __future__ import annotations

from dataclasses import dataclass, field

from unionkit.vault import Vault


@dataclass
class EntryFilter:
    account_id: int | None = None
    category_id: int | None = None
    month_from: str | None = None
    month_to: str | None = None
    person_id: int | None = None
    text: str = ""

    def where(self) -> tuple[str, list]:
        sql, params = ["1 = 1"], []
        if self.account_id is not None:
            sql.append("e.account_id = ?")
            params.append(self.account_id)
        if self.category_id is not None:
            sql.append("e.category_id = ?")
            params.append(self.category_id)
        if self.month_from:
            sql.append("e.month >= ?")
            params.append(self.month_from)
        if self.month_to:
            sql.append("e.month <= ?")
            params.append(self.month_to)
        if self.person_id is not None:
            sql.append("e.person_id = ?")
            params.append(self.person_id)
        if self.text.strip():
            sql.append("(e.memo LIKE ? OR e.counterparty LIKE ? OR e.reason LIKE ?)")
            like = "%" + self.text.strip().replace("%", "").replace("_", "") + "%"
            params += [like, like, like]
        return " AND ".join(sql), params

    @property
    def simple(self) -> bool:
        """True when the total can come from the kept month totals."""
        return self.person_id is None and not self.text.strip()


@dataclass
class Row:
    id: int
    entry_date: str
    account: str
    category: str
    kind: str
    amount: int
    balance: int | None
    person: str
    memo: str
    folio: int | None
    reverses_id: int | None
    reversed_by: int | None
    extra: dict = field(default_factory=dict)


def filter_total(vault: Vault, flt: EntryFilter) -> int:
    """The running balance after the filter's newest entry: everything the filter selects up to its last
    month, earlier months included (so that a month view shows real account balances)."""
    flt = EntryFilter(flt.account_id, flt.category_id, None, flt.month_to, flt.person_id, flt.text)
    if flt.simple:
        sql, params = ["1 = 1"], []
        for col, val, op in (("account_id", flt.account_id, "="), ("category_id", flt.category_id, "="),
                             ("month", flt.month_from, ">="), ("month", flt.month_to, "<=")):
            if val is not None and val != "":
                sql.append(f"{col} {op} ?")
                params.append(val)
        return int(vault.scalar("SELECT COALESCE(SUM(total), 0) FROM ledger_month_total WHERE "
                                + " AND ".join(sql), tuple(params)))
    where, params = flt.where()
    return int(vault.scalar(f"SELECT COALESCE(SUM(e.amount), 0) FROM ledger_entry e WHERE {where}",
                            tuple(params)))


def balance(vault: Vault, account_id: int | None = None, through_month: str | None = None) -> int:
    sql = "SELECT COALESCE(SUM(total), 0) FROM ledger_month_total WHERE 1 = 1"
    params: list = []
    if account_id is not None:
        sql += " AND account_id = ?"
        params.append(account_id)
    if through_month:
        sql += " AND month <= ?"
        params.append(through_month)
    return int(vault.scalar(sql, tuple(params)))


def count_entries(vault: Vault, flt: EntryFilter | None = None) -> int:
    flt = flt or EntryFilter()
    if flt.simple:
        sql, params = ["1 = 1"], []
        for col, val, op in (("account_id", flt.account_id, "="), ("category_id", flt.category_id, "="),
                             ("month", flt.month_from, ">="), ("month", flt.month_to, "<=")):
            if val is not None and val != "":
                sql.append(f"{col} {op} ?")
                params.append(val)
        return int(vault.scalar("SELECT COALESCE(SUM(n), 0) FROM ledger_month_total WHERE "
                                + " AND ".join(sql), tuple(params)))
    where, params = flt.where()
    return int(vault.scalar(f"SELECT COUNT(*) FROM ledger_entry e WHERE {where}", tuple(params)))


_COLS = ("SELECT e.id, e.entry_date, a.name, c.name, c.kind, e.amount, "
         "COALESCE(TRIM(p.nombre || ' ' || p.primer_apellido || ' ' || p.segundo_apellido), ''), "
         "e.memo, e.folio, e.reverses_id, e.counterparty "
         "FROM ledger_entry e JOIN ledger_account a ON a.id = e.account_id "
         "JOIN ledger_category c ON c.id = e.category_id LEFT JOIN person p ON p.id = e.person_id ")
SORTS = {"date": "e.entry_date {d}, e.id {d}", "id": "e.id {d}", "amount": "e.amount {d}, e.id {d}",
         "account": "a.name {d}, e.id {d}", "category": "c.name {d}, e.id {d}"}


class EntryPager:
    """Pages of entries for the ledger table; newest first with a running balance by default."""

    def __init__(self, vault: Vault, flt: EntryFilter | None = None, *, sort: str = "date",
                 descending: bool = True, page: int = 500) -> None:
        self.vault, self.flt, self.page = vault, flt or EntryFilter(), page
        self.sort, self.descending = sort, descending
        self._offset = 0
        self._after: tuple | None = None
        self._done = False
        self.with_balance = sort == "date" and descending
        self._balance = filter_total(vault, self.flt) if self.with_balance else 0

    @property
    def done(self) -> bool:
        return self._done

    def next_page(self) -> list[Row]:
        if self._done:
            return []
        where, params = self.flt.where()
        d = "DESC" if self.descending else "ASC"
        if self.sort == "date" and self._after is not None:
            op = "<" if self.descending else ">"
            where += f" AND (e.entry_date, e.id) {op} (?, ?)"
            params = params + list(self._after)
        order = SORTS.get(self.sort, SORTS["date"]).format(d=d)
        sql = _COLS + f"WHERE {where} ORDER BY {order} LIMIT ?"
        params.append(self.page)
        if self.sort != "date":
            sql += " OFFSET ?"
            params.append(self._offset)
        rows = self.vault.query(sql, tuple(params))
        self._offset += len(rows)
        if len(rows) < self.page:
            self._done = True
        out = []
        ids = [r[0] for r in rows]
        reversed_by = {}
        if ids:
            marks = ",".join("?" * len(ids))
            reversed_by = dict(self.vault.query(
                f"SELECT reverses_id, id FROM ledger_entry WHERE reverses_id IN ({marks})", tuple(ids)))
        for r in rows:
            bal = None
            if self.with_balance:
                bal = self._balance
                self._balance -= r[5]
            out.append(Row(r[0], r[1], r[2], r[3], r[4], r[5], bal, r[6], r[7], r[8], r[9],
                           reversed_by.get(r[0]), {"counterparty": r[10]}))
        if rows:
            self._after = (rows[-1][1], rows[-1][0])
        return out


def months_with_entries(vault: Vault) -> list[str]:
    return [r[0] for r in vault.query("SELECT DISTINCT month FROM ledger_month_total ORDER BY month")]
