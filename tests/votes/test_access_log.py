"""The support list's access log (DOMAIN §1 "Confidentiality": an audit log of views and exports)."""

import datetime as dt
import json

import pytest
import sqlcipher3
from votes_helpers import make_curp

from tests.conftest import PASS
from unionkit.cli import main
from unionkit.errors import UnionkitError
from unionkit.votes import access_log, campaigns, rolls
from unionkit.votes.annex import build_support_annex

FILING = dt.date(2026, 1, 15)


@pytest.fixture
def campaign(vault, add_people):
    add_people(vault, 10)
    rid = rolls.build_from_register(vault, "Cubiertos", "campaign", FILING)
    return campaigns.create(vault, "Planta Silao", FILING, roll_id=rid)


def _support_file(path, n):
    path.write_text("Nombre,CURP,Fecha de ingreso,Firma\n" + "".join(
        f"Persona {i},{make_curp(i, 'M' if i % 3 == 0 else 'H')},01/01/2020,sí\n" for i in range(n)), encoding="utf-8")
    return path


def test_import_edit_export_are_logged_newest_first(vault, campaign, tmp_path):
    (tmp_path / "secreto").mkdir()
    src = _support_file(tmp_path / "secreto" / "lista-firmada.csv", 4)
    assert campaigns.import_supporters(vault, campaign, src) == 4
    first = campaigns.supporters(vault, campaign)[0]
    campaigns.set_signed(vault, first["id"], False)
    out = build_support_annex(vault, campaign, tmp_path / "anexo.pdf")
    log = access_log.entries(vault, campaign)
    assert [e["action"] for e in log] == ["exported", "edited", "imported"]
    assert log[0]["rows"] == 3 and log[0]["detail"] == out.name == "anexo.pdf"
    assert log[1]["detail"] == access_log._("line {line}: signed {value}").format(line=2, value=access_log._("no"))
    assert log[2]["rows"] == 4 and log[2]["detail"] == "lista-firmada.csv"
    # only the file's name: the folder it came from is not kept
    assert all("secreto" not in e["detail"] for e in log)
    assert access_log.counts(vault, campaign) == {"exported": 1, "edited": 1, "imported": 1}


def test_failed_import_keeps_the_old_list_and_logs_nothing(vault, campaign, tmp_path):
    campaigns.import_supporters(vault, campaign, _support_file(tmp_path / "a.csv", 3))
    bad = tmp_path / "b.xlsx"
    bad.write_bytes(b"PK\x03\x04 this is not a workbook")
    with pytest.raises(UnionkitError):
        campaigns.import_supporters(vault, campaign, bad)
    assert len(campaigns.supporters(vault, campaign)) == 3
    assert [e["action"] for e in access_log.entries(vault, campaign)] == ["imported"]


def test_log_is_append_only(vault, campaign, tmp_path):
    campaigns.import_supporters(vault, campaign, _support_file(tmp_path / "a.csv", 2))
    for sql in ("UPDATE rep_support_access SET actor = 'nadie'", "DELETE FROM rep_support_access"):
        with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
            vault.execute(sql)
    assert len(access_log.entries(vault, campaign)) == 1


def test_actor_setting(vault, campaign, tmp_path):
    vault.set_setting("votes.actor", "Secretaría de Organización")
    campaigns.import_supporters(vault, campaign, _support_file(tmp_path / "a.csv", 2))
    assert access_log.entries(vault, campaign)[0]["actor"] == "Secretaría de Organización"


def test_workbench_logs_one_view_per_opening_and_shows_the_log(vault, campaign, tmp_path, qtbot, qapp):
    from unionkit.ui import dialogs
    from unionkit.ui.votes.access_dialog import AccessLogDialog
    from unionkit.ui.votes.workbench import Workbench

    campaigns.import_supporters(vault, campaign, _support_file(tmp_path / "a.csv", 5))
    wb = Workbench()
    qtbot.addWidget(wb)
    wb.set_vault(vault)
    assert wb.model.rowCount() == 5 and wb.log_btn.isEnabled()
    wb.reload()  # the same opening: no second record
    assert access_log.counts(vault, campaign)["viewed"] == 1
    wb.set_vault(None)
    wb.set_vault(vault)  # locked and opened again: a new view
    assert access_log.counts(vault, campaign)["viewed"] == 2
    seen = {}

    def look(dlg):
        seen["rows"] = dlg.model.rowCount()
        seen["actions"] = [dlg.model.index(r, 1).data() for r in range(dlg.model.rowCount())]
        return False

    dialogs.preanswer(look)
    wb.show_access_log()
    assert seen["rows"] == 3 and seen["actions"][-1] == access_log.action_label("imported")
    other = campaigns.create(vault, "Otra planta", FILING)
    assert not AccessLogDialog(vault, other, "Otra planta").empty.isHidden()
    assert AccessLogDialog(vault, campaign, "Planta Silao").empty.isHidden()
    wb.set_vault(None)
    dialogs.reset()


def test_cli_access_log_json(vault, campaign, tmp_path, capsys, monkeypatch):
    campaigns.import_supporters(vault, campaign, _support_file(tmp_path / "a.csv", 2))
    folder = vault.folder
    vault.close()
    monkeypatch.setenv("UNIONKIT_PASSPHRASE", PASS)
    capsys.readouterr()
    assert main(["--vault", str(folder), "votes", "annex", str(campaign), str(tmp_path / "x.pdf")]) == 0
    capsys.readouterr()
    assert main(["--vault", str(folder), "votes", "access-log", str(campaign), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["campaign"] == campaign
    assert [e["action"] for e in data["entries"]] == ["exported", "imported"]
    assert main(["--vault", str(folder), "votes", "access-log", "999"]) == 1
