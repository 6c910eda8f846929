import datetime as dt
import random

from unionkit.ledger import chain, periods, queries, standing, summary
from unionkit.ledger.months import add_months, month_of


def test_small_demo_books(vault):
    from unionkit.demo import ledger as demo_ledger
    from unionkit.demo import members as demo_members

    rng = random.Random(20190501)
    demo_members.populate(vault, rng, small=True)
    demo_ledger.populate(vault, rng, small=True)
    res = chain.verify(vault)
    assert res.ok and res.entries > 100
    assert chain.totals_mismatch(vault) == []
    last = add_months(month_of(dt.date.today()), -1)
    assert periods.closed_through(vault) == add_months(last, -2)
    s = summary.month_summary(vault, last)
    assert s.dues_total > 0 and s.expense_total > 0 and s.members_paid > 0
    assert s.closing_total == queries.balance(vault, through_month=last)
    assert all(v >= 0 for v in s.closing_by_account.values())  # no negative cash box
    behind = standing.months_behind_by_person(vault, dt.date.today())
    assert behind and sum(1 for n in behind.values() if n == 0) > len(behind) // 2
    assert vault.scalar("SELECT COUNT(*) FROM ledger_entry WHERE reverses_id IS NOT NULL") >= 0
    assert vault.scalar("SELECT COUNT(*) FROM checkoff_line WHERE flags LIKE '%not_deducted%'") >= 0
