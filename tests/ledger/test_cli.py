import json

import pytest

from tests.conftest import PASS
from unionkit.cli import main


@pytest.fixture
def cli(vault, tmp_path, capsys, monkeypatch):
    folder = vault.folder
    vault.close()
    monkeypatch.setenv("UNIONKIT_PASSPHRASE", PASS)

    def run(*args):
        capsys.readouterr()
        rc = main(["--vault", str(folder), *args])
        out = capsys.readouterr()
        return rc, out.out, out.err
    return run


def test_cli_contract(cli, tmp_path):
    rc, out, _ = cli("ledger", "accounts", "--json")
    assert rc == 0 and {"id", "name"} <= set(json.loads(out)[0])
    rc, out, _ = cli("ledger", "categories", "--json")
    cats = json.loads(out)
    assert {c["kind"] for c in cats} == {"income", "expense"}
    rc, out, _ = cli("ledger", "post", "--date", "2026-03-02", "--account", "Caja (efectivo)", "--category",
                     "Cuotas ordinarias en efectivo", "--amount", "1,234.50", "--kind", "income", "--json")
    first = json.loads(out)
    assert rc == 0 and first["id"] == 1 and first["amount"] == "1234.50"
    rc, out, _ = cli("ledger", "post", "--date", "2026-03-05", "--account", "2", "--category", "8", "--amount",
                     "200", "--kind", "expense", "--memo", "Abogada", "--json")
    assert rc == 0
    rc, out, _ = cli("ledger", "reverse", "2", "--reason", "duplicado", "--date", "2026-03-06")
    assert rc == 0
    rc, out, err = cli("ledger", "reverse", "2", "--reason", "otra vez")
    assert rc == 1 and err.count("\n") == 1
    rc, out, _ = cli("ledger", "close", "2026-03", "--by", "Ana López")
    assert rc == 0
    rc, out, err = cli("ledger", "post", "--date", "2026-03-31", "--account", "1", "--category", "2", "--amount",
                       "5.00", "--kind", "income")
    assert rc == 1 and "2026" in err and "Traceback" not in err
    rc, out, _ = cli("ledger", "verify", "--json")
    v = json.loads(out)
    assert v["ok"] is True and v["entries"] == 3 and len(v["head"]) == 64
    f = tmp_path / "n.csv"
    f.write_text("CURP,Importe\nAAPA800101MGTRRN01,150.00\n", encoding="utf-8")
    rc, out, _ = cli("ledger", "import-checkoff", str(f), "--period", "2026-04", "--deposit", "150.00", "--json")
    rec = json.loads(out)
    assert rc == 0 and rec["deducted_total"] == "150.00" and rec["flags"] == {"unknown_worker": 1}


def test_cli_dues_rule_standing_and_delivery(cli, tmp_path):
    rc, out, _ = cli("ledger", "dues-rule", "--from", "2026-01", "--fixed", "150.00", "--json")
    assert rc == 0 and json.loads(out)[0]["amount"] == "150.00"
    rc, out, _ = cli("ledger", "standing", "--as-of", "2026-05-01", "--json")
    assert rc == 0 and json.loads(out)["members"] == 0
    rc, out, err = cli("report", "deliver", "--from", "2026-01", "--to", "2026-06", "--member", "NOEXISTE",
                       "--method", "hand")
    assert rc == 1
    rc, out, _ = cli("report", "monthly", "--period", "2026-03", "--lang", "en", "--out", str(tmp_path / "m.pdf"),
                     "--json")
    assert rc == 0 and len(json.loads(out)["head"]) == 64 and (tmp_path / "m.pdf").exists()


def test_cli_accounts_and_categories_edit(cli):
    rc, out, _ = cli("ledger", "add-account", "Caja chica planta", "--kind", "cash", "--json")
    assert rc == 0 and json.loads(out)["kind"] == "cash"
    rc, out, _ = cli("ledger", "add-category", "Apoyo a comedor", "--kind", "expense", "--line", "member_support",
                     "--json")
    new = json.loads(out)
    assert rc == 0 and new["line_373"] == "member_support"
    rc, out, _ = cli("ledger", "rename-category", str(new["id"]), "Apoyo al comedor")
    assert rc == 0
    rc, out, _ = cli("ledger", "categories", "--json")
    assert "Apoyo al comedor" in [c["name"] for c in json.loads(out)]
