"""The treasury page and its dialogs, real widgets on a real vault (offscreen)."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from tests.ledger.conftest import add_person, add_workplace
from unionkit.ledger import chain, dues, entries, periods, queries
from unionkit.money import Money
from unionkit.ui import dialogs

pytestmark = pytest.mark.usefixtures("qapp", "gui_auto")


@pytest.fixture
def page(qtbot):
    from unionkit.ui.treasury.page import TreasuryPage

    p = TreasuryPage()
    qtbot.addWidget(p)
    p.resize(1200, 800)
    return p


def _fill(vault, n=1200):
    rows = [{"entry_date": f"2026-{1 + i % 5:02d}-{1 + i % 27:02d}", "account_id": 1 + i % 2,
             "category_id": 2 if i % 3 else 8, "amount": (100 + i) if i % 3 else -(50 + i)} for i in range(n)]
    entries.insert_entries(vault, rows)


def test_empty_state_then_lazy_table_and_clear_on_lock(page, vault):
    page.set_vault(vault)
    assert page.stack.currentWidget() is page.empty
    assert "New entry" in page.empty.text() or "Nuevo" in page.empty.text()
    _fill(vault)
    page.set_vault(vault)
    assert page.stack.currentWidget() is page.table
    assert page.model.rowCount() == 500  # lazy: the first page only
    assert page.model.canFetchMore()
    page.model.fetchMore()
    assert page.model.rowCount() == 1000
    first = page.model.row_at(0)
    assert first.balance == queries.balance(vault)
    # filter by account and month (SQL), then sort by amount in SQL
    page.f_account.setCurrentIndex(page.f_account.findData(2))
    page.f_to.setCurrentIndex(page.f_to.findData("2026-03"))
    assert page.model.row_at(0).balance == queries.balance(vault, 2, through_month="2026-03")
    assert all(page.model.row_at(i).account == "Cuenta bancaria" for i in range(page.model.rowCount()))
    page.model.sort(5, Qt.SortOrder.AscendingOrder)
    amounts = [page.model.row_at(i).amount for i in range(page.model.rowCount())]
    assert amounts == sorted(amounts)
    page.set_vault(None)
    assert page.model.rowCount() == 0 and page.f_account.count() == 0 and page.balances.text() == ""


def test_post_dialog_mexican_amount_and_reverse(page, vault):
    wp = add_workplace(vault)
    add_person(vault, "Ana", "AAPA800101MGTRRN01", employee_no="77", workplace_id=wp)
    page.set_vault(vault)

    def fill(dlg):
        dlg.date.setDate(dlg.date.date().fromString("2026-03-04", "yyyy-MM-dd"))
        dlg.account.setCurrentIndex(dlg.account.findData(1))
        dlg.category.setCurrentIndex(dlg.category.findData(2))
        dlg.amount.setText("$1,200.00")
        dlg.member.setText("77")
        dlg.receipt.setChecked(True)
        dlg.try_accept()
        return dlg.result() == 1

    dialogs.preanswer(fill)
    page.new_entry()
    e = entries.get_entry(vault, 1)
    assert e.amount == 120000 and e.folio == 1 and e.person_id is not None and e.dues_period == "2026-03"
    assert page.model.rowCount() == 1

    def bad(dlg):
        dlg.amount.setText("1.234")  # ambiguous: refused, the dialog stays open
        dlg.try_accept()
        assert "1.234" in dlg.error.text()
        return False

    dialogs.preanswer(bad)
    page.new_entry()
    assert queries.count_entries(vault) == 1
    page.table.selectRow(0)

    def reason(dlg):
        dlg.reason.setText("Se capturó a la persona equivocada")
        dlg.try_accept()
        return dlg.result() == 1

    dialogs.preanswer(reason)
    page.reverse_selected()
    assert queries.balance(vault) == 0 and page.model.rowCount() == 2


def test_close_wizard(page, vault):
    entries.post_entry(vault, entry_date=dt.date(2026, 2, 3), account=1, category=2, amount=Money(500))
    page.set_vault(vault)

    def fill(w):
        w.month.setCurrentIndex(w.month.findData("2026-02"))
        assert not w.page(1).isComplete()
        w.names.setText("Ana López, Luis Ruiz")
        w.confirm.setChecked(True)
        assert w.page(1).isComplete()
        w.accept()
        return w.result() == 1

    dialogs.preanswer(fill)
    page.close_month()
    c = periods.get_close(vault, "2026-02")
    assert c is not None and c.closed_by == "Ana López, Luis Ruiz" and c.head_hash == chain.head(vault)[1]
    page.tabs.setCurrentIndex(2)
    assert page.closes_model.rowCount() == 1


def test_checkoff_wizard_reconciliation_table(page, vault, tmp_path):
    wp = add_workplace(vault)
    add_person(vault, "Ana", "AAPA800101MGTRRN01", workplace_id=wp)
    add_person(vault, "Beto", "BBPB800101HGTRRN02", workplace_id=wp)
    dues.set_rule(vault, "2026-01", mode="fixed", amount=Money(15000))
    f = tmp_path / "nomina.csv"
    f.write_text("CURP,Importe\nAAPA800101MGTRRN01,150.00\nZZZZ000000HXXXXX01,150.00\n", encoding="utf-8")
    page.set_vault(vault)

    def fill(w):
        w.path.setText(str(f))
        w.period.setText("2026-03")
        w.deposit.setText("250.00")
        assert w.preview()
        assert w.table_model.rowCount() == 3  # Ana, the unknown worker, Beto not deducted
        assert len(w.table_model.brushes) == 2
        assert "250" in w.totals.text()
        w.accept()
        return w.result() == 1

    dialogs.preanswer(fill)
    page.import_checkoff()
    assert queries.balance(vault, 2) == 25000
    page.tabs.setCurrentIndex(1)
    assert page.arrears_model.rowCount() >= 1


def test_report_dialog_preview_and_save(page, vault, tmp_path):
    from unionkit.ui.treasury.report_dialog import ReportDialog

    entries.post_entry(vault, entry_date=dt.date(2026, 2, 3), account=1, category=2, amount=Money(123456))
    dlg = ReportDialog(vault)
    dlg.last.setText("2026-02")
    dlg.preview()
    assert "1,234.56" in dlg.preview_text.toPlainText()
    dlg.out.setText(str(tmp_path / "informe.pdf"))
    dlg.save()
    assert dlg.saved == tmp_path / "informe.pdf" and dlg.saved.exists()
    dlg.kind.setCurrentIndex(1)
    dlg.first.setText("2026-01")
    dlg.save()
    assert dlg.saved.exists()
    dlg.last.setText("no es mes")
    dlg.save()
    assert "AAAA-MM" in dlg.status.text() or "YYYY-MM" in dlg.status.text()


def test_categories_dialog_add_and_rename(page, vault):
    from unionkit.ledger import accounts
    from unionkit.ui.treasury.categories_dialog import CategoriesDialog

    page.set_vault(vault)
    dlg = CategoriesDialog(vault)
    n = dlg.model.rowCount()
    dlg.name.setText("Apoyo a comedor")
    dlg.kind.setCurrentIndex(dlg.kind.findData("expense"))
    dlg.line.setCurrentIndex(dlg.line.findData("member_support"))
    dlg.add()
    assert dlg.model.rowCount() == n + 1 and dlg.changed
    cat = accounts.resolve_category(vault, "Apoyo a comedor")
    assert cat.line_373 == "member_support"
    row = [k[3] for k in dlg.model._keys].index(cat.id)
    dlg.table.setCurrentIndex(dlg.model.index(row, 0))
    dlg.name.setText("Apoyo al comedor")
    dlg.rename()
    assert accounts.get_category(vault, cat.id).name == "Apoyo al comedor"
    dlg.name.setText("Otros egresos")  # already exists
    dlg.rename()
    assert dlg.error.text()


def test_report_preview_kinds_are_in_memory(vault, tmp_path, monkeypatch):
    import tempfile

    from unionkit.ui.treasury.report_dialog import ReportDialog

    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    entries.post_entry(vault, entry_date=dt.date(2026, 2, 3), account=2, category=8, amount=Money(50000))
    dlg = ReportDialog(vault)
    dlg.last.setText("2026-02")
    dlg.first.setText("2026-01")
    for kind in ("monthly", "account373", "arrears", "bank"):
        dlg.kind.setCurrentIndex(dlg.kind.findData(kind))
        dlg.statement.setText("1,000.00")
        dlg.account.setCurrentIndex(dlg.account.findData(2))
        dlg.preview()
        text = dlg.preview_text.toPlainText()
        assert chain.head(vault)[1] in text, kind
    assert "$1,500.00" in text  # statement 1,000 vs books -500: difference to explain
    assert list(scratch.iterdir()) == []  # nothing written
