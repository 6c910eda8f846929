"""Payroll check-off: the employer's deduction list plus the deposit that actually arrived, reconciled
per worker (expected vs. deducted vs. deposited).

Flags per line: ``deducted_after_optout`` (art. 110-VI: the worker refused in writing),
``not_deducted`` (an active member expected but absent or at 0), ``unknown_worker`` (not on the
register), ``amount_differs`` (deducted != expected), ``period_mismatch``; per batch:
``short_deposit`` / ``over_deposit``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path

from unionkit.clock import SYSTEM_CLOCK, Clock
from unionkit.errors import ImportFileError, ValidationError
from unionkit.i18n import N_, _
from unionkit.ledger import entries
from unionkit.ledger.dues import expected_for, rule_for
from unionkit.ledger.months import last_day, month_of, parse_month
from unionkit.money import Money, parse_centavos
from unionkit.vault import Vault, checkpoint

FLAG_LABELS = {
    "deducted_after_optout": N_("Deducted after an opt-out"),
    "not_deducted": N_("Not deducted"),
    "unknown_worker": N_("Unknown worker"),
    "amount_differs": N_("Amount differs from the dues rule"),
    "period_mismatch": N_("Different period"),
    "short_deposit": N_("Short deposit"),
    "over_deposit": N_("Deposit larger than the deductions"),
}
_HEADERS = {
    "curp": ("curp",),
    "employee_no": ("numero de empleado", "num empleado", "no empleado", "no. empleado", "num. empleado",
                    "empleado", "ficha", "nomina", "employee no", "employee number", "employee_no", "clave"),
    "amount": ("importe", "monto", "cuota", "cuota sindical", "descuento", "deduccion", "amount", "deducted"),
    "period": ("periodo", "period", "mes"),
    "name": ("nombre", "nombre completo", "trabajador", "name"),
    "salary": ("salario", "sueldo", "salario mensual", "sueldo mensual", "salary"),
}


def flag_label(code: str) -> str:
    return _(FLAG_LABELS[code]) if code in FLAG_LABELS else code


@dataclass
class Line:
    line: int
    curp: str
    employee_no: str
    name: str
    person_id: int | None
    period: str
    expected: int
    deducted: int
    flags: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        d = asdict(self)
        d["expected"] = Money(self.expected).plain()
        d["deducted"] = Money(self.deducted).plain()
        return d


@dataclass
class Reconciliation:
    period: str
    filename: str
    sha256: str
    deposit: int
    lines: list[Line]
    batch_flags: list[str] = field(default_factory=list)
    batch_id: int | None = None
    entry_id: int | None = None

    @property
    def deducted_total(self) -> int:
        return sum(ln.deducted for ln in self.lines)

    @property
    def expected_total(self) -> int:
        return sum(ln.expected for ln in self.lines)

    def flag_counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for ln in self.lines:
            for f in ln.flags:
                out[f] = out.get(f, 0) + 1
        return out

    def as_dict(self) -> dict:
        return {"batch_id": self.batch_id, "entry_id": self.entry_id, "period": self.period,
                "filename": self.filename, "deposit": Money(self.deposit).plain(),
                "deducted_total": Money(self.deducted_total).plain(),
                "expected_total": Money(self.expected_total).plain(),
                "difference": Money(self.deposit - self.deducted_total).plain(),
                "lines": len(self.lines), "flags": self.flag_counts(), "batch_flags": self.batch_flags,
                "rows": [ln.as_dict() for ln in self.lines]}


def _fold(text: str) -> str:
    t = unicodedata.normalize("NFD", text.strip().casefold())
    return " ".join("".join(c for c in t if not unicodedata.combining(c)).replace("_", " ").split())


def _map_headers(headers: list[str], path: str) -> dict[str, int]:
    folded = [_fold(h) for h in headers]
    out: dict[str, int] = {}
    for key, names in _HEADERS.items():
        for i, h in enumerate(folded):
            if h in names or any(h.startswith(n) for n in names if len(n) > 4):
                out.setdefault(key, i)
    if "amount" not in out or not ({"curp", "employee_no"} & out.keys()):
        raise ImportFileError(_("The deduction list needs a column with the amount and one with the CURP or "
                                "the employee number; found: {cols}.").format(cols=", ".join(headers)),
                              path=path, line=1)
    return out


def _optouts(vault: Vault, period: str) -> set[int]:
    end = last_day(period).isoformat()
    return {r[0] for r in vault.query("SELECT person_id FROM dues_optout WHERE statement_date <= ? AND "
                                      "(revoked_date IS NULL OR revoked_date > ?)", (end, end))}


def reconcile(vault: Vault, path, period: str, deposit: Money) -> Reconciliation:
    """Read and reconcile without writing anything (the wizard's preview). ``path`` is a file, or an
    already read ``unionkit.members.reader.Table`` (the demo builds its lists in memory)."""
    from unionkit.members.reader import Table, read_table

    period = parse_month(period)
    if deposit.centavos < 0:
        raise ValidationError(_("The deposit cannot be negative."))
    if isinstance(path, Table):
        table, p = path, Path(path.path or "lista.csv")
    else:
        p = Path(path)
        table = read_table(p)
    cols = _map_headers(table.headers, str(p))
    people = vault.query("SELECT id, curp, employee_no, workplace_id, is_member, status, join_date FROM person")
    period_end = last_day(period).isoformat()
    by_curp = {r[1]: r for r in people if r[1]}
    by_emp: dict[str, tuple] = {}
    for r in people:
        if r[2]:
            by_emp.setdefault(r[2].strip().lstrip("0") or "0", r)
    opted = _optouts(vault, period)
    lines: list[Line] = []
    seen: set[int] = set()
    salaries: dict[int, Money] = {}  # from the list itself, for percentage dues
    for line_no, cells in table.rows:
        def cell(key: str, cells=cells) -> str:
            return cells[cols[key]].strip() if key in cols else ""
        raw_amount = cell("amount")
        if not raw_amount and not cell("curp") and not cell("employee_no"):
            continue
        try:
            amount = parse_centavos(raw_amount) if raw_amount else 0
        except ValidationError as exc:
            raise ImportFileError(exc.message, path=str(p), line=line_no,
                                  column=table.headers[cols["amount"]]) from None
        curp = cell("curp").upper().replace(" ", "")
        emp = cell("employee_no")
        person = by_curp.get(curp) if curp else None
        if person is None and emp:
            person = by_emp.get(emp.lstrip("0") or "0")
        ln = Line(line_no, curp, emp, cell("name"), person[0] if person else None,
                  cell("period") or period, 0, amount)
        if cell("salary") and person is not None:
            try:
                salaries[person[0]] = Money(parse_centavos(cell("salary")))
            except ValidationError:
                pass
        if person is None:
            ln.flags.append("unknown_worker")
        else:
            seen.add(person[0])
        lines.append(ln)
    known = [ln.person_id for ln in lines if ln.person_id is not None]
    expected = expected_for(vault, known, period)
    rule = rule_for(vault, period)
    if rule is not None and rule.mode == "percent":
        for pid, salary in salaries.items():
            expected[pid] = rule.due_for(salary)
    member = {r[0]: (r[4] == 1 and r[5] == "active" and (r[6] or "") <= period_end) for r in people}
    for ln in lines:
        if ln.person_id is None:
            continue
        if ln.person_id in opted:
            if ln.deducted > 0:
                ln.flags.append("deducted_after_optout")
            continue
        if member.get(ln.person_id):
            ln.expected = expected[ln.person_id].centavos
        if ln.deducted == 0 and ln.expected > 0:
            ln.flags.append("not_deducted")
        elif ln.expected and ln.deducted != ln.expected:
            ln.flags.append("amount_differs")
        if _normal_period(ln.period) != period:
            ln.flags.append("period_mismatch")
    # Active members of the same workplaces who are missing from the list entirely.
    places = {r[3] for r in people if r[0] in seen and r[3] is not None}
    missing = [r for r in people if member[r[0]] and r[0] not in seen and r[0] not in opted and r[3] in places]
    exp_missing = expected_for(vault, [r[0] for r in missing], period)
    for r in missing:
        if exp_missing[r[0]].centavos > 0:
            lines.append(Line(0, r[1] or "", r[2], "", r[0], period, exp_missing[r[0]].centavos, 0,
                              ["not_deducted"]))
    sha = table.sha256 or hashlib.sha256(repr((table.headers, table.rows)).encode("utf-8")).hexdigest()
    rec = Reconciliation(period, p.name, sha, deposit.centavos, lines)
    if rec.deposit < rec.deducted_total:
        rec.batch_flags.append("short_deposit")
    elif rec.deposit > rec.deducted_total:
        rec.batch_flags.append("over_deposit")
    return rec


def _normal_period(text: str) -> str:
    try:
        return parse_month(text[:7])
    except ValidationError:
        return text


def _names(vault: Vault, person_ids: list[int]) -> dict[int, str]:
    if not person_ids:
        return {}
    marks = ",".join("?" * len(person_ids))
    return {r[0]: r[1] for r in vault.query(
        f"SELECT id, TRIM(nombre || ' ' || primer_apellido || ' ' || segundo_apellido) FROM person "
        f"WHERE id IN ({marks})", tuple(person_ids))}


def import_checkoff(vault: Vault, path, period: str, deposit: Money, *,
                    account_id: int | None = None, deposit_date: dt.date | None = None,
                    posted_by: str = "", clock: Clock = SYSTEM_CLOCK) -> Reconciliation:
    """Reconcile, then record the batch, its lines and the deposit (one income entry) in one go."""
    rec = reconcile(vault, path, period, deposit)
    if vault.scalar("SELECT 1 FROM checkoff_batch b WHERE b.sha256 = ? AND b.period = ? AND NOT EXISTS "
                    "(SELECT 1 FROM ledger_entry r WHERE r.reverses_id = b.entry_id)", (rec.sha256, rec.period)):
        raise ValidationError(_("This deduction list for {period} was already imported.").format(period=rec.period))
    if account_id is None:
        account_id = vault.scalar("SELECT id FROM ledger_account WHERE kind = 'bank' AND active = 1 "
                                  "ORDER BY sort_order, id LIMIT 1")
        if account_id is None:
            raise ValidationError(_("Add a bank account first: the deposit goes into it."))
    category = vault.scalar("SELECT id FROM ledger_category WHERE kind = 'income' AND is_dues = 1 "
                            "ORDER BY sort_order, id LIMIT 1")
    if deposit_date is None:
        end = last_day(rec.period)
        deposit_date = min(end, clock.today())
        last_closed = vault.scalar("SELECT MAX(month) FROM ledger_close")
        if last_closed and month_of(deposit_date) <= last_closed:
            deposit_date = clock.today()
    names = _names(vault, [ln.person_id for ln in rec.lines if ln.person_id and not ln.name])
    for ln in rec.lines:
        if not ln.name and ln.person_id:
            ln.name = names.get(ln.person_id, "")
    # A 100,000-worker payroll: the WAL is copied into the database after the COMMIT, on its own thread.
    with vault.transaction(big=len(rec.lines) >= checkpoint.BIG_TRANSACTION_ROWS) as conn:
        rec.batch_id = int(conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM checkoff_batch").fetchone()[0])
        if rec.deposit > 0:
            entries._check_open(conn, month_of(deposit_date))
            (rec.entry_id,) = entries.insert_entries(vault, [{
                "entry_date": deposit_date.isoformat(), "account_id": account_id, "category_id": category,
                "amount": rec.deposit, "dues_period": rec.period, "checkoff_batch_id": rec.batch_id,
                "memo": _("Payroll dues deposit {period} ({n} workers)").format(
                    period=rec.period, n=sum(1 for ln in rec.lines if ln.deducted > 0)),
                "payment_method": "payroll", "posted_by": posted_by}], clock=clock, conn=conn)
        conn.execute("INSERT INTO checkoff_batch(id, period, filename, sha256, account_id, deposit, deducted_total, "
                     "expected_total, lines, entry_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     (rec.batch_id, rec.period, rec.filename, rec.sha256, account_id, rec.deposit,
                      rec.deducted_total, rec.expected_total, len(rec.lines), rec.entry_id))
        conn.executemany(
            "INSERT INTO checkoff_line(batch_id, line_no, person_id, curp, employee_no, name, period, deducted, "
            "expected, flags) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(rec.batch_id, ln.line, ln.person_id, ln.curp, ln.employee_no, ln.name, rec.period, ln.deducted,
              ln.expected, ",".join(ln.flags)) for ln in rec.lines])
    return rec


def batches(vault: Vault) -> list[dict]:
    rows = vault.query("SELECT id, period, filename, deposit, deducted_total, expected_total, lines, entry_id, "
                       "created_at FROM checkoff_batch ORDER BY id DESC")
    keys = ("id", "period", "filename", "deposit", "deducted_total", "expected_total", "lines", "entry_id",
            "imported_at")
    return [dict(zip(keys, r, strict=True)) for r in rows]
