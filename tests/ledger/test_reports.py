"""The PDFs parsed back with pypdf: totals and the ledger head hash are in them."""

import datetime as dt
import re

import pytest
from pypdf import PdfReader

from tests.ledger.conftest import add_person, add_workplace
from unionkit.formatting import format_money
from unionkit.ledger import chain, delivery, dues, entries, periods
from unionkit.money import Money

D = dt.date


def _text(path) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(str(path)).pages)


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture
def books(vault, clock):
    wp = add_workplace(vault, "Planta Celaya")
    ana = add_person(vault, "Ana", "AAPA800101MGTRRN01", employee_no="1", workplace_id=wp)
    add_person(vault, "Beto", "BBPB800101HGTRRN02", employee_no="2", workplace_id=wp)
    dues.set_rule(vault, "2026-01", mode="fixed", amount=Money(15000))
    post = entries.post_entry
    post(vault, entry_date=D(2026, 2, 1), account=2, category=entries.opening_category_id(vault),
         amount=Money(1_000_000), clock=clock)
    post(vault, entry_date=D(2026, 2, 10), account=2, category=1, amount=Money(4_500_000), clock=clock)
    post(vault, entry_date=D(2026, 2, 12), account=2, category=8, amount=Money(800_000), counterparty="Lic. Pérez",
         clock=clock)
    post(vault, entry_date=D(2026, 3, 5), account=1, category=2, amount=Money(120_000), person_id=ana,
         dues_period="2026-03", receipt=True, clock=clock)
    post(vault, entry_date=D(2026, 3, 7), account=2, category=1, amount=Money(4_600_000), clock=clock)
    legal = post(vault, entry_date=D(2026, 3, 9), account=2, category=8, amount=Money(950_050),
                 counterparty="Despacho Castañeda", clock=clock)
    dup = post(vault, entry_date=D(2026, 3, 9), account=2, category=12, amount=Money(650_000), clock=clock)
    entries.reverse_entry(vault, dup.id, "duplicado", entry_date=D(2026, 3, 10), clock=clock)
    entries.transfer(vault, entry_date=D(2026, 3, 11), from_account=2, to_account=1, amount=Money(200_000),
                     clock=clock)
    periods.close_month(vault, "2026-02", "Ana López y Luis Ruiz", clock=clock)
    return {"legal": legal, "ana": ana}


def test_monthly_pdf_totals_and_head(vault, books, tmp_path):
    from unionkit.reports.treasury_monthly import build_monthly

    out = build_monthly(vault, "2026-03", tmp_path / "m.pdf", lang="es")
    text = _text(out)
    flat = _flat(text)
    # opening 10,000 + 45,000 - 8,000 = 47,000; income 1,200 + 46,000; expenses 9,500.50 (dup reversed: 0)
    for cents in (4_700_000, 4_720_000, 950_050, 8_469_950):
        assert _flat(format_money(Money(cents), "es_MX")) in flat, cents
    assert chain.head(vault)[1] in flat
    assert "Tesorero/a" in text and "Comisión de Vigilancia" in text
    assert re.search(r"Página 1 de \d", text)
    assert "1 de 2 socios activos" in text or "1 de 2" in text
    feb = _text(build_monthly(vault, "2026-02", tmp_path / "f.pdf", lang="en"))
    assert "CLOSED" in feb and "Ana López y Luis Ruiz" in feb and "Treasurer" in feb


def test_account373_pdf(vault, books, tmp_path):
    from unionkit.reports.treasury_account373 import build_account373

    path, info = build_account373(vault, "2026-02", "2026-03", tmp_path / "a.pdf", lang="es")
    text = _text(path)
    flat = _flat(text)
    assert info["closing_balance"] == 8_469_950 and info["members"] == 2 and info["delivered"] == 0
    for cents in (1_000_000, 9_220_000, 1_750_050, 8_469_950):
        assert _flat(format_money(Money(cents), "es_MX")) in flat, cents
    assert info["head"] in flat and "Despacho Castañeda" in text
    assert "Anexo" in text and "0 de 2" in text
    delivery.record_delivery(vault, info["report_id"], books["ana"], "hand", dt.datetime(2026, 4, 2, 10))
    path, info = build_account373(vault, "2026-02", "2026-03", tmp_path / "a.pdf", lang="es")
    assert info["delivered"] == 1 and "1 de 2" in _text(path)
    with pytest.raises(Exception, match="6|seis"):
        build_account373(vault, "2026-01", "2026-08", tmp_path / "b.pdf")


def test_lists_and_receipt(vault, books, tmp_path):
    from unionkit.reports.treasury_lists import build_arrears, build_bank_reconciliation, build_statement
    from unionkit.reports.treasury_receipt import build_receipt

    text = _text(build_arrears(vault, D(2026, 5, 1), tmp_path / "ar.pdf"))
    assert "Beto" in text  # owes Mar, Apr (dues start 2026-03 from the first dues entry)
    text = _text(build_statement(vault, books["ana"], D(2026, 5, 1), tmp_path / "st.pdf"))
    assert "recibo 1" in text.lower()
    text = _text(build_bank_reconciliation(vault, 2, "2026-03", Money(8_000_000), tmp_path / "br.pdf"))
    assert _flat(format_money(Money(8_000_000), "es_MX")) in _flat(text)
    folio_entry = int(vault.scalar("SELECT id FROM ledger_entry WHERE folio = 1"))
    text = _text(build_receipt(vault, folio_entry, tmp_path / "r.pdf"))
    assert "UN MIL DOSCIENTOS PESOS 00/100 M.N." in text and "000001" in text
