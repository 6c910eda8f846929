import datetime as dt

import pytest

from tests.ledger.conftest import add_person, add_workplace
from unionkit.errors import ImportFileError, ValidationError
from unionkit.ledger import checkoff, dues, entries, standing
from unionkit.money import Money

D = dt.date


@pytest.fixture
def people(vault):
    wp = add_workplace(vault)
    ids = {
        "ana": add_person(vault, "Ana", "AAPA800101MGTRRN01", employee_no="1001", workplace_id=wp),
        "beto": add_person(vault, "Beto", "BBPB800101HGTRRN02", employee_no="1002", workplace_id=wp),
        "caro": add_person(vault, "Caro", "CCPC800101MGTRRN03", employee_no="1003", workplace_id=wp),
        "dani": add_person(vault, "Dani", "DDPD800101HGTRRN04", employee_no="1004", workplace_id=wp),
    }
    vault.execute("INSERT INTO dues_optout(person_id, statement_date) VALUES (?, '2026-01-10')", (ids["caro"],))
    dues.set_rule(vault, "2026-01", mode="fixed", amount=Money(15000))
    return ids


def test_percent_rule_rounding(vault):
    r = dues.set_rule(vault, "2026-01", mode="percent", percent="1.5", rounding="half_up")
    assert r.due_for(Money(1234567)).centavos == 18519  # 18518.505 -> half up
    r = dues.set_rule(vault, "2026-01", mode="percent", percent="1.5", rounding="down")
    assert r.due_for(Money(1234567)).centavos == 18518
    with pytest.raises(ValidationError):
        dues.set_rule(vault, "2026-02", mode="percent", percent="120")
    assert "1.5" in dues.rule_for(vault, "2026-05").describe()


def test_checkoff_reconciliation_flags(vault, people, tmp_path, clock):
    f = tmp_path / "descuentos.csv"
    f.write_text("No. Empleado;CURP;Nombre;Cuota sindical\n"
                 "1001;AAPA800101MGTRRN01;Ana;150.00\n"
                 "1002;;Beto;100.00\n"              # by employee number, short amount
                 "1003;CCPC800101MGTRRN03;Caro;150.00\n"   # opted out but deducted
                 "9999;XXXX000000HXXXXX09;Nadie;150.00\n",  # unknown
                 encoding="utf-8")
    rec = checkoff.import_checkoff(vault, f, "2026-03", Money(50000), clock=clock)
    by_name = {ln.name: ln for ln in rec.lines}
    assert by_name["Ana"].flags == [] and by_name["Ana"].expected == 15000
    assert by_name["Beto"].flags == ["amount_differs"]
    assert by_name["Caro"].flags == ["deducted_after_optout"]
    assert by_name["Nadie"].flags == ["unknown_worker"]
    missing = [ln for ln in rec.lines if ln.person_id == people["dani"]]
    assert missing and missing[0].flags == ["not_deducted"] and missing[0].deducted == 0
    assert rec.deducted_total == 55000 and "short_deposit" in rec.batch_flags
    e = entries.get_entry(vault, rec.entry_id)
    assert e.amount == 50000 and e.entry_date == "2026-03-31" and e.account_id == 2
    with pytest.raises(ValidationError, match="import"):
        checkoff.import_checkoff(vault, f, "2026-03", Money(50000), clock=clock)
    assert checkoff.batches(vault)[0]["lines"] == 5


def test_checkoff_bad_file(vault, tmp_path):
    f = tmp_path / "x.csv"
    f.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ImportFileError):
        checkoff.reconcile(vault, f, "2026-03", Money(0))
    f.write_text("CURP,Importe\nAAPA800101MGTRRN01,doce\n", encoding="utf-8")
    with pytest.raises(ImportFileError) as ei:
        checkoff.reconcile(vault, f, "2026-03", Money(0))
    assert ei.value.line == 2


def test_standing_and_arrears(vault, people, tmp_path, clock):
    ana, beto = people["ana"], people["beto"]
    assert standing.months_behind_by_person(vault, D(2026, 6, 1))[ana] == 0  # no dues kept yet
    for month in ("2026-01", "2026-02", "2026-03"):
        entries.post_entry(vault, entry_date=D(2026, int(month[5:]), 5), account=1, category=2, amount=Money(15000),
                           person_id=ana, dues_period=month, receipt=True, clock=clock)
    f = tmp_path / "n.csv"
    f.write_text("CURP,Importe\nAAPA800101MGTRRN01,150.00\nBBPB800101HGTRRN02,150.00\n", encoding="utf-8")
    rec = checkoff.import_checkoff(vault, f, "2026-04", Money(30000), clock=clock)
    behind = standing.months_behind_by_person(vault, D(2026, 5, 20))  # owed: Jan..Apr
    assert behind[ana] == 0 and behind[beto] == 3
    assert standing.in_good_standing(vault, ana, D(2026, 5, 20))
    assert not standing.in_good_standing(vault, beto, D(2026, 5, 20))
    assert not standing.in_good_standing(vault, ana, D(2026, 6, 1))  # May now owed
    entries.reverse_entry(vault, rec.entry_id, "depósito devuelto", clock=clock)
    assert standing.months_behind_by_person(vault, D(2026, 5, 20))[ana] == 1
    hist = standing.dues_history(vault, ana)
    assert [h["period"] for h in hist] == ["2026-01", "2026-02", "2026-03", "2026-04"]
    assert hist[-1]["reversed"] and hist[0]["folio"] == 1
    vault.execute("UPDATE person SET status = 'resigned' WHERE id = ?", (beto,))
    assert standing.months_behind_by_person(vault, D(2026, 5, 20))[beto] == 0
    assert not standing.in_good_standing(vault, beto, D(2026, 5, 20))


def test_checkoff_percent_rule_uses_salary_column(vault, people, tmp_path):
    dues.set_rule(vault, "2026-02", mode="percent", percent="1", rounding="half_up")
    f = tmp_path / "n.csv"
    f.write_text("CURP,Salario mensual,Importe\nAAPA800101MGTRRN01,\"12,345.50\",123.46\n"
                 "BBPB800101HGTRRN02,\"10,000.00\",90.00\n", encoding="utf-8")
    rec = checkoff.reconcile(vault, f, "2026-03", Money(21346))
    by = {ln.curp: ln for ln in rec.lines if ln.line}
    assert by["AAPA800101MGTRRN01"].expected == 12346 and by["AAPA800101MGTRRN01"].flags == []
    assert by["BBPB800101HGTRRN02"].expected == 10000 and by["BBPB800101HGTRRN02"].flags == ["amount_differs"]
