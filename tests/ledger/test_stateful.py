"""Hypothesis stateful test: post, reverse, close, import check-off; the balances equal a model's."""

import datetime as dt
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from tests.ledger.conftest import add_person, add_workplace
from unionkit.clock import FakeClock
from unionkit.errors import ClosedPeriodError, ValidationError
from unionkit.ledger import chain, checkoff, dues, entries, periods, queries, summary
from unionkit.ledger.months import last_day
from unionkit.money import Money
from unionkit.vault import Vault

MONTHS = [f"2026-{m:02d}" for m in range(1, 13)]
TODAY = dt.date(2027, 6, 15)
INCOME_CAT, EXPENSE_CAT = 2, 8


class LedgerMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(tempfile.mkdtemp(prefix="uk-ledger-"))
        self.vault = Vault.create(self.dir / "v", "pass", union_name="Prueba")
        self.clock = FakeClock(dt.datetime(2027, 6, 15, 12, tzinfo=dt.UTC))
        wp = add_workplace(self.vault)
        self.curps = []
        for i in range(3):
            curp = f"PEPJ80010{i}HGTRRN0{i}"
            add_person(self.vault, f"Persona{i}", curp, employee_no=str(100 + i), workplace_id=wp)
            self.curps.append(curp)
        dues.set_rule(self.vault, "2026-01", mode="fixed", amount=Money(15000))
        self.model: dict[int, dict] = {}
        self.watermark: str | None = None
        self.files = 0

    def teardown(self) -> None:
        self.vault.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    def _closed(self, month: str) -> bool:
        return self.watermark is not None and month <= self.watermark

    @rule(account=st.sampled_from([1, 2]), income=st.booleans(), cents=st.integers(1, 10**9),
          month=st.sampled_from(MONTHS), day=st.integers(1, 28))
    def post(self, account, income, cents, month, day):
        d = dt.date(int(month[:4]), int(month[5:]), day)
        cat = INCOME_CAT if income else EXPENSE_CAT
        if self._closed(month):
            try:
                entries.post_entry(self.vault, entry_date=d, account=account, category=cat, amount=Money(cents),
                                   clock=self.clock)
            except ClosedPeriodError:
                return
            raise AssertionError("posted into a closed month")
        e = entries.post_entry(self.vault, entry_date=d, account=account, category=cat, amount=Money(cents),
                               clock=self.clock)
        self.model[e.id] = {"account": account, "amount": cents if income else -cents, "month": month,
                            "reversed": False, "reversal": False}

    @rule(data=st.data())
    def reverse(self, data):
        if not self.model:
            return
        eid = data.draw(st.sampled_from(sorted(self.model)))
        m = self.model[eid]
        if m["reversed"] or m["reversal"]:
            try:
                entries.reverse_entry(self.vault, eid, "prueba", clock=self.clock)
            except ValidationError:
                return
            raise AssertionError("reversed twice or reversed a reversal")
        (r,) = entries.reverse_entry(self.vault, eid, "prueba", clock=self.clock)
        m["reversed"] = True
        self.model[r.id] = {"account": m["account"], "amount": -m["amount"], "month": "2027-06",
                            "reversed": False, "reversal": True}

    @rule(month=st.sampled_from(MONTHS))
    def close(self, month):
        if self._closed(month):
            try:
                periods.close_month(self.vault, month, "Ana, Luis", clock=self.clock)
            except ClosedPeriodError:
                return
            raise AssertionError("closed twice")
        c = periods.close_month(self.vault, month, "Ana, Luis", clock=self.clock)
        assert c.head_hash == chain.head(self.vault)[1]
        self.watermark = month

    @rule(month=st.sampled_from(MONTHS), amounts=st.lists(st.integers(0, 50000), min_size=1, max_size=3),
          short=st.integers(0, 3000))
    def import_checkoff(self, month, amounts, short):
        self.files += 1
        path = self.dir / f"nomina{self.files}.csv"
        lines = ["CURP,Importe,Nombre"] + [f"{self.curps[i]},{a / 100:.2f},Lote {self.files}"
                                         for i, a in enumerate(amounts)]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        deposit = max(sum(amounts) - short, 0)
        rec = checkoff.import_checkoff(self.vault, path, month, Money(deposit), clock=self.clock)
        assert rec.deducted_total == sum(amounts)
        assert ("short_deposit" in rec.batch_flags) == (deposit < sum(amounts))
        if deposit:
            dep_month = month if not self._closed(month) else "2027-06"
            assert entries.get_entry(self.vault, rec.entry_id).entry_date[:7] == dep_month
            self.model[rec.entry_id] = {"account": 2, "amount": deposit, "month": dep_month,
                                        "reversed": False, "reversal": False}
        else:
            assert rec.entry_id is None

    @invariant()
    def balances_match_model(self):
        assert queries.balance(self.vault) == sum(m["amount"] for m in self.model.values())
        for acc in (1, 2):
            assert queries.balance(self.vault, acc) == sum(m["amount"] for m in self.model.values()
                                                           if m["account"] == acc)

    @invariant()
    def month_totals_match_model(self):
        for month in ("2026-03", "2027-06"):
            s = summary.month_summary(self.vault, month)
            inc = sum(m["amount"] for m in self.model.values() if m["month"] == month and
                      (m["amount"] > 0) != m["reversal"])
            exp = -sum(m["amount"] for m in self.model.values() if m["month"] == month and
                       (m["amount"] < 0) != m["reversal"])
            # income lines net their own reversals; so do expense lines
            assert s.income_total - s.expense_total == inc - exp
            assert s.closing_total == s.opening_total + s.income_total - s.expense_total

    @invariant()
    def chain_ok_and_reversals_point_at_unreversed(self):
        assert chain.verify(self.vault).ok
        bad = self.vault.query("SELECT r.id FROM ledger_entry r JOIN ledger_entry o ON o.id = r.reverses_id "
                               "WHERE o.reverses_id IS NOT NULL")
        assert bad == []
        assert chain.totals_mismatch(self.vault) == []


LedgerMachine.TestCase.settings = settings(max_examples=20, stateful_step_count=20, deadline=None,
                                           suppress_health_check=[HealthCheck.too_slow])
TestLedgerMachine = LedgerMachine.TestCase


def test_last_day_helper():
    assert last_day("2026-02") == dt.date(2026, 2, 28)
