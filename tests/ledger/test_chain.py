import datetime as dt

import pytest
import sqlcipher3

from unionkit.checks import run_checks
from unionkit.ledger import chain, entries, periods
from unionkit.money import Money


def _post(vault, day, cents, category=1, account=1, **kw):
    return entries.post_entry(vault, entry_date=day, account=account, category=category, amount=Money(cents), **kw)


def test_chain_links_and_verifies(vault, clock):
    a = _post(vault, dt.date(2026, 1, 5), 1000, clock=clock)
    b = _post(vault, dt.date(2026, 1, 6), 2000, category=8, clock=clock)
    assert vault.scalar("SELECT prev_hash FROM ledger_entry WHERE id = ?", (a.id,)) == chain.GENESIS
    assert vault.scalar("SELECT prev_hash FROM ledger_entry WHERE id = ?", (b.id,)) == a.hash
    res = chain.verify(vault)
    assert res.ok and res.entries == 2 and res.head == b.hash
    assert chain.head(vault) == (b.id, b.hash)


@pytest.mark.parametrize("sql", ["UPDATE ledger_entry SET amount = 1 WHERE id = 1",
                                 "UPDATE ledger_entry SET memo = 'x'",
                                 "DELETE FROM ledger_entry WHERE id = 1",
                                 "DELETE FROM ledger_entry"])
def test_direct_update_and_delete_refused(vault, clock, sql):
    _post(vault, dt.date(2026, 1, 5), 1000, clock=clock)
    with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
        vault.execute(sql)
    assert vault.scalar("SELECT amount FROM ledger_entry WHERE id = 1") == 1000


def test_close_rows_append_only(vault, clock):
    _post(vault, dt.date(2026, 1, 5), 1000, clock=clock)
    periods.close_month(vault, "2026-01", "Ana, Luis", clock=clock)
    with pytest.raises(sqlcipher3.IntegrityError):
        vault.execute("DELETE FROM ledger_close")
    with pytest.raises(sqlcipher3.IntegrityError, match="closed period"):
        vault.execute("INSERT INTO ledger_entry(entry_date, month, account_id, category_id, amount, prev_hash, hash) "
                      "VALUES ('2026-01-20', '2026-01', 1, 1, 5, '', '')")


def test_tamper_with_triggers_dropped_is_found_at_that_entry(vault, clock):
    for i in range(6):
        _post(vault, dt.date(2026, 2, 1 + i), 100 * (i + 1), clock=clock)
    vault.execute("DROP TRIGGER ledger_entry_no_update")
    vault.execute("UPDATE ledger_entry SET amount = 99999 WHERE id = 4")
    res = chain.verify(vault)
    assert not res.ok and res.broken_id == 4 and res.problem == "hash"
    results = {r.name: r for r in run_checks(vault)}
    assert not results["ledger_chain"].ok
    assert "4" in results["ledger_chain"].message
    assert not results["ledger_totals"].ok  # the kept totals no longer match either


def test_rewritten_tail_caught_by_close_head(vault, clock):
    for i in range(3):
        _post(vault, dt.date(2026, 2, 1 + i), 100, clock=clock)
    periods.close_month(vault, "2026-02", "Ana", clock=clock)
    # An attacker rewrites entry 3 AND recomputes its hash: the chain is consistent again...
    vault.execute("DROP TRIGGER ledger_entry_no_update")
    vault.execute("UPDATE ledger_entry SET memo = 'otra cosa' WHERE id = 3")
    row = vault.query("SELECT " + ", ".join(chain.HASHED_COLUMNS) + ", prev_hash FROM ledger_entry WHERE id = 3")[0]
    vault.execute("UPDATE ledger_entry SET hash = ? WHERE id = 3", (chain.entry_hash(row[:-1], row[-1]),))
    res = chain.verify(vault)
    # ...but the head recorded at the close no longer matches.
    assert not res.ok and res.broken_id == 3 and res.problem == "close:2026-02"


def test_deleted_entry_breaks_chain(vault, clock):
    for i in range(4):
        _post(vault, dt.date(2026, 2, 1 + i), 100, clock=clock)
    vault.execute("DROP TRIGGER ledger_entry_no_delete")
    vault.execute("DELETE FROM ledger_entry WHERE id = 2")
    res = chain.verify(vault)
    assert not res.ok and res.broken_id == 3 and res.problem == "prev_hash"


def test_prev_hash_rewritten_with_own_hash_recomputed_is_found(vault, clock):
    for i in range(3):
        _post(vault, dt.date(2026, 2, 1 + i), 100, clock=clock)
    vault.execute("DROP TRIGGER ledger_entry_no_update")
    prev = vault.scalar("SELECT prev_hash FROM ledger_entry WHERE id = 2")
    vault.execute("UPDATE ledger_entry SET prev_hash = ? WHERE id = 2", ("x" + prev,))
    row = vault.query("SELECT " + ", ".join(chain.HASHED_COLUMNS) + ", prev_hash FROM ledger_entry WHERE id = 2")[0]
    vault.execute("UPDATE ledger_entry SET hash = ? WHERE id = 2", (chain.entry_hash(row[:-1], row[-1]),))
    res = chain.verify(vault)
    assert not res.ok and res.broken_id == 2 and res.problem == "prev_hash"


def test_verify_while_holding_the_vault_lock(vault, clock):
    for i in range(3):
        _post(vault, dt.date(2026, 2, 1 + i), 100, clock=clock)
    with vault.lock:
        assert chain.verify(vault).ok
    assert chain.verify(vault).entries == 3


def _many(vault, clock, n, **extra):
    entries.insert_entries(vault, [{"entry_date": "2026-03-01", "account_id": 1, "category_id": 2, "amount": 100 + i,
                                    **extra} for i in range(n)], clock=clock)


@pytest.mark.parametrize("where", [1, 3, 256, 2047, 2048, 2049, 4200])
def test_batch_boundaries(vault, clock, where):
    _many(vault, clock, 4200)
    assert chain.verify(vault).ok and chain.verify(vault).entries == 4200
    vault.execute("DROP TRIGGER ledger_entry_no_update")
    vault.execute("UPDATE ledger_entry SET amount = 1 WHERE id = ?", (where,))
    res = chain.verify(vault)
    assert not res.ok and res.broken_id == where and res.problem == "hash" and res.entries == where


def test_broken_link_at_a_batch_boundary(vault, clock):
    _many(vault, clock, 2100)
    vault.execute("DROP TRIGGER ledger_entry_no_delete")
    vault.execute("DELETE FROM ledger_entry WHERE id = 2049")
    res = chain.verify(vault)
    assert not res.ok and res.broken_id == 2050 and res.problem == "prev_hash"


def test_separator_inside_a_memo_is_fine_and_later_tamper_still_found(vault, clock):
    """Batches are split on U+001E; a memo that holds one sends its batch down the row-by-row path."""
    _many(vault, clock, 100)
    _post(vault, dt.date(2026, 3, 2), 500, memo="pegado de Excel\x1e\x1fcon controles", clock=clock)
    _many(vault, clock, 3000)
    res = chain.verify(vault)
    assert res.ok and res.entries == 3101 and res.head == chain.head(vault)[1]
    vault.execute("DROP TRIGGER ledger_entry_no_update")
    vault.execute("UPDATE ledger_entry SET amount = 7 WHERE id = 2500")
    res = chain.verify(vault)
    assert not res.ok and res.broken_id == 2500 and res.entries == 2500


def test_hash_text_shifted_between_two_entries_is_found(vault, clock):
    """Concatenated per batch the stored hashes would still read the same: each must be 64 characters."""
    _many(vault, clock, 10)
    vault.execute("DROP TRIGGER ledger_entry_no_update")
    h4, h5 = (vault.scalar("SELECT hash FROM ledger_entry WHERE id = ?", (i,)) for i in (4, 5))
    vault.execute("UPDATE ledger_entry SET hash = ? WHERE id = 4", (h4[:-1],))
    vault.execute("UPDATE ledger_entry SET hash = ? WHERE id = 5", (h4[-1] + h5,))
    res = chain.verify(vault)
    assert not res.ok and res.broken_id == 4 and res.problem == "hash"


def test_stopping_early_leaves_the_connection_usable(vault, clock):
    _many(vault, clock, 9000)
    vault.execute("DROP TRIGGER ledger_entry_no_update")
    vault.execute("UPDATE ledger_entry SET amount = 1 WHERE id = 3")
    assert chain.verify(vault).broken_id == 3  # stops in the first batch while the next one is in flight
    assert vault.scalar("SELECT count(*) FROM ledger_entry") == 9000


@pytest.mark.parametrize("where", [5, 2047, 2048, 2049, 4100, 6000])
def test_two_halves_checked_at_once_find_the_same_break(vault, clock, monkeypatch, where):
    """Above PARALLEL_FROM the second half runs on its own read connection in a thread."""
    monkeypatch.setattr(chain, "PARALLEL_FROM", 1000)
    _many(vault, clock, 6000)
    res = chain.verify(vault)
    assert res.ok and res.entries == 6000 and res.head == chain.head(vault)[1]
    vault.execute("DROP TRIGGER ledger_entry_no_update")
    vault.execute("UPDATE ledger_entry SET amount = 1 WHERE id = ?", (where,))
    res = chain.verify(vault)
    assert not res.ok and res.broken_id == where and res.problem == "hash" and res.entries == where


def test_two_halves_deleted_entry_at_the_split(vault, clock, monkeypatch):
    monkeypatch.setattr(chain, "PARALLEL_FROM", 1000)
    _many(vault, clock, 4200)
    vault.execute("DROP TRIGGER ledger_entry_no_delete")
    vault.execute("DELETE FROM ledger_entry WHERE id = 2048")  # the last entry of the first half
    res = chain.verify(vault)
    assert not res.ok and res.broken_id == 2049 and res.problem == "prev_hash"


def test_inside_a_transaction_one_connection_sees_the_new_entries(vault, clock, monkeypatch):
    monkeypatch.setattr(chain, "PARALLEL_FROM", 1000)
    _many(vault, clock, 3000)
    with vault.transaction():
        res = chain.verify(vault)
    assert res.ok and res.entries == 3000
