import datetime as dt

import pytest
import sqlcipher3

from unionkit.errors import ClosedPeriodError, ValidationError
from unionkit.ledger import accounts, entries, periods, queries
from unionkit.ledger.words import amount_in_words
from unionkit.money import Money

D = dt.date


def test_default_chart_is_spanish_and_mapped(vault):
    cats = accounts.list_categories(vault)
    names = [c.name for c in cats]
    assert "Cuotas ordinarias por nómina" in names
    assert all(c.line_373 for c in cats if c.kind in ("income", "expense"))
    assert {c.kind for c in cats} == {"income", "expense", "transfer", "opening"}
    assert [a.kind for a in accounts.list_accounts(vault)] == ["cash", "bank"]


def test_resolve_by_name_or_id(vault):
    assert accounts.resolve_account(vault, "caja").kind == "cash"
    assert accounts.resolve_account(vault, "2").kind == "bank"
    assert accounts.resolve_category(vault, "honorarios legales y asesoria").kind == "expense"
    with pytest.raises(ValidationError):
        accounts.resolve_category(vault, "no existe")


def test_closed_month_refuses_entries(vault, clock):
    entries.post_entry(vault, entry_date=D(2026, 3, 2), account=1, category=2, amount=Money(5000), clock=clock)
    c = periods.close_month(vault, "2026-03", "Ana López, Luis Ruiz", clock=clock)
    assert c.closed_by == "Ana López, Luis Ruiz" and c.head_hash == entries.get_entry(vault, 1).hash
    for day in (D(2026, 3, 31), D(2026, 1, 1)):
        with pytest.raises(ClosedPeriodError, match="cerrad"):
            entries.post_entry(vault, entry_date=day, account=1, category=2, amount=Money(1), clock=clock)
    entries.post_entry(vault, entry_date=D(2026, 4, 1), account=1, category=2, amount=Money(1), clock=clock)
    with pytest.raises(ClosedPeriodError):
        periods.close_month(vault, "2026-02", "Ana", clock=clock)
    with pytest.raises(ValidationError):
        periods.close_month(vault, "2026-12", "Ana", clock=clock)  # not started yet


def test_reversal_nets_out_once_only(vault, clock):
    e = entries.post_entry(vault, entry_date=D(2026, 5, 2), account=2, category=8, amount=Money(150000),
                           clock=clock)
    assert queries.balance(vault) == -150000
    (r,) = entries.reverse_entry(vault, e.id, "Capturado dos veces", clock=clock)
    assert r.reverses_id == e.id and r.amount == 150000 and r.entry_date == "2026-06-15"
    assert queries.balance(vault) == 0
    with pytest.raises(ValidationError):
        entries.reverse_entry(vault, e.id, "otra vez", clock=clock)
    with pytest.raises(ValidationError):
        entries.reverse_entry(vault, r.id, "revertir la reversión", clock=clock)
    with pytest.raises(ValidationError):
        entries.reverse_entry(vault, e.id, "  ", clock=clock)


def test_transfer_is_neither_income_nor_expense(vault, clock):
    entries.post_entry(vault, entry_date=D(2026, 5, 2), account=1, category=2, amount=Money(100000), clock=clock)
    legs = entries.transfer(vault, entry_date=D(2026, 5, 3), from_account=1, to_account=2, amount=Money(80000),
                            clock=clock)
    assert [x.amount for x in legs] == [-80000, 80000]
    assert queries.balance(vault, 1) == 20000 and queries.balance(vault, 2) == 80000
    from unionkit.ledger.summary import month_summary

    s = month_summary(vault, "2026-05")
    assert s.income_total == 100000 and s.expense_total == 0 and s.closing_total == 100000
    rev = entries.reverse_entry(vault, legs[1].id, "cuenta equivocada", clock=clock)
    assert len(rev) == 2 and queries.balance(vault, 1) == 100000


def test_kind_must_match_category(vault, clock):
    with pytest.raises(ValidationError):
        entries.post_entry(vault, entry_date=D(2026, 5, 2), account=1, category=8, amount=Money(5), kind="income",
                           clock=clock)
    with pytest.raises(ValidationError):
        entries.post_entry(vault, entry_date=D(2026, 5, 2), account=1, category=8, amount=Money(0), clock=clock)


def test_category_rename_but_no_delete_when_used(vault, clock):
    cid = accounts.add_category(vault, "Apoyo jurídico externo", "expense", "representation")
    entries.post_entry(vault, entry_date=D(2026, 5, 2), account=1, category=cid, amount=Money(5), clock=clock)
    accounts.rename_category(vault, cid, "Apoyo jurídico")
    assert accounts.get_category(vault, cid).name == "Apoyo jurídico"
    with pytest.raises(sqlcipher3.IntegrityError, match="in use"):
        vault.execute("DELETE FROM ledger_category WHERE id = ?", (cid,))
    unused = accounts.add_category(vault, "Sin usar", "income")
    vault.execute("DELETE FROM ledger_category WHERE id = ?", (unused,))


def test_receipt_folios_are_consecutive(vault, clock):
    a = entries.post_entry(vault, entry_date=D(2026, 5, 2), account=1, category=2, amount=Money(120000),
                           receipt=True, clock=clock)
    b = entries.post_entry(vault, entry_date=D(2026, 5, 3), account=1, category=2, amount=Money(100),
                           receipt=True, clock=clock)
    assert (a.folio, b.folio) == (1, 2)


@pytest.mark.parametrize("cents,words", [
    (120000, "UN MIL DOSCIENTOS PESOS 00/100 M.N."),
    (100, "UN PESO 00/100 M.N."),
    (2150, "VEINTIÚN PESOS 50/100 M.N."),
    (10000, "CIEN PESOS 00/100 M.N."),
    (51550099, "QUINIENTOS QUINCE MIL QUINIENTOS PESOS 99/100 M.N."),
    (100000000, "UN MILLÓN DE PESOS 00/100 M.N."),
    (234500000, "DOS MILLONES TRESCIENTOS CUARENTA Y CINCO MIL PESOS 00/100 M.N."),
])
def test_amount_in_words(cents, words):
    assert amount_in_words(Money(cents)) == words


def test_attachment_stored_with_sha(vault, clock, tmp_path):
    import hashlib

    e = entries.post_entry(vault, entry_date=D(2026, 5, 2), account=2, category=8, amount=Money(500), clock=clock)
    f = tmp_path / "factura.xml"
    f.write_bytes(b"<cfdi:Comprobante Total='5.00'/>")
    entries.attach_file(vault, e.id, f)
    (att,) = entries.attachments(vault, e.id)
    assert att["kind"] == "cfdi_xml" and att["sha256"] == hashlib.sha256(f.read_bytes()).hexdigest()


def test_pager_running_balance(vault, clock):
    for i in range(12):
        entries.post_entry(vault, entry_date=D(2026, 1 + i % 5, 1 + i), account=1 + i % 2, category=2,
                           amount=Money(100 * (i + 1)), clock=clock)
    pager = queries.EntryPager(vault, page=5)
    rows = []
    while not pager.done:
        rows += pager.next_page()
    assert len(rows) == 12
    assert rows[0].balance == queries.balance(vault)
    dates = [(r.entry_date, r.id) for r in rows]
    assert dates == sorted(dates, reverse=True)
    for a, b in zip(rows, rows[1:], strict=False):
        assert a.balance - a.amount == b.balance
    flt = queries.EntryFilter(account_id=2)
    rows2 = queries.EntryPager(vault, flt).next_page()
    assert rows2[0].balance == queries.balance(vault, 2)
    assert queries.count_entries(vault, flt) == 6
