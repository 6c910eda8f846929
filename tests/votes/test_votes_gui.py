import datetime as dt

import pytest

from unionkit.ui import dialogs
from unionkit.votes import campaigns, consultations, rolls
from unionkit.votes.threshold import SupportRow

pytestmark = pytest.mark.usefixtures("qapp", "gui_auto")


@pytest.fixture
def page(qtbot):
    from unionkit.ui.votes.page import VotesPage

    p = VotesPage()
    qtbot.addWidget(p)
    p.resize(1200, 800)
    return p


def _setup(vault, add_people):
    add_people(vault, 40)
    rid = rolls.build_from_register(vault, "Padrón", "revision", dt.date(2026, 2, 1))
    cid = consultations.create(vault, "revision", "Revisión salarial 2026", roll_id=rid,
                               vote_date=dt.date(2026, 3, 12))
    consultations.split_booths(vault, cid, 2)
    return cid


def _fill(form, values):
    for k, v in values.items():
        form.spins[k].setValue(v)


def test_mismatch_blocks_closing(vault, add_people, page, qtbot):
    cid = _setup(vault, add_people)
    page.set_vault(vault)
    assert page.list_model.rowCount() == 1
    page.list_view.selectRow(0)
    tally = page.tally
    assert tally.cid == cid and tally.booth_list.count() == 2
    f1, f2 = tally.forms
    # booth 1: both entries agree
    tally.booth_list.setCurrentRow(0)
    _fill(f1, {"yes": 12, "no": 5, "null": 1})
    _fill(f2, {"yes": 12, "no": 5, "null": 1})
    assert "agree" in tally.diff_label.text() or "coinciden" in tally.diff_label.text()
    tally.save_btn.click()
    # booth 2: a deliberate mismatch in the NO votes
    tally.booth_list.setCurrentRow(1)
    _fill(f1, {"yes": 10, "no": 7, "null": 0})
    _fill(f2, {"yes": 10, "no": 8, "null": 0})
    assert f1.spins["no"].styleSheet() and f2.spins["no"].styleSheet()  # highlighted
    assert not f1.spins["yes"].styleSheet()
    assert "17" in f1.totals.text() and "18" in f2.totals.text()  # live totals
    tally.save_btn.click()
    assert not tally.close_btn.isEnabled()
    assert "2" in tally.problems.text()
    tally.close_tally()  # even if forced, the service refuses
    assert consultations.get(vault, cid)["status"] == "voting"
    assert any(kind == "error" for kind, _t, _x in dialogs.history)
    # fix entry 2 and close
    tally.booth_list.setCurrentRow(1)
    f2.spins["no"].setValue(7)
    assert not f2.spins["no"].styleSheet()
    tally.save_btn.click()
    assert tally.close_btn.isEnabled()
    tally.close_btn.click()
    assert consultations.get(vault, cid)["status"] == "closed"
    page.detail.setCurrentIndex(1)
    assert page.result.outcome.text() and page.result.bases_model.rowCount() == 3
    page.detail.setCurrentIndex(2)
    assert page.roll_view.model.rowCount() == 40
    page.roll_view.only_excluded.setChecked(True)
    assert page.roll_view.model.rowCount() == 0
    page.set_vault(None)
    assert page.roll_view.model.rowCount() == 0
    assert page.list_model.rowCount() == 0 and page.tally.booth_list.count() == 0
    assert page.result.options_model.rowCount() == 0


def test_workbench_counter(vault, add_people, page):
    from votes_helpers import make_curp

    add_people(vault, 10)
    rid = rolls.build_from_register(vault, "Cubiertos", "campaign", dt.date(2026, 1, 15))
    cid = campaigns.create(vault, "Silao", dt.date(2026, 1, 15), roll_id=rid)
    campaigns.add_supporters(vault, cid, [SupportRow(2, "A", make_curp(0, "M"), None, True),
                                          SupportRow(3, "B", make_curp(1), None, True),
                                          SupportRow(4, "C", make_curp(2), None, False)])
    page.set_vault(vault)
    wb = page.workbench
    assert wb.counter.text().startswith("2 de 10 (20.00 %)") and "1" in wb.counter.text()
    wb.table.selectRow(2)
    wb.toggle_signed()
    assert wb.counter.text().startswith("3 de 10 (30.00 %)")
    page.set_vault(None)
    assert wb.model.rowCount() == 0 and not wb.counter.text()


def test_wizard_creates_consultation(vault, add_people, page):
    add_people(vault, 12)
    page.set_vault(vault)

    def fill(wiz):
        wiz.title_edit.setText("Aprobación del CCT inicial")
        wiz.kind.setCurrentIndex(wiz.kind.findData("initial_cct"))
        wiz.booths.setValue(3)
        wiz.rule.setCurrentIndex(wiz.rule.findData("padron"))
        return True

    dialogs.preanswer(fill)
    page.new_consultation()
    items = consultations.list_consultations(vault)
    assert len(items) == 1 and items[0]["kind"] == "initial_cct"
    assert consultations.get(vault, items[0]["id"])["rule"] == "padron"
    assert len(consultations.booths(vault, items[0]["id"])) == 3
    assert page.list_model.rowCount() == 1


def test_retranslate_and_state(vault, add_people, page):
    from unionkit import i18n

    _setup(vault, add_people)
    page.set_vault(vault)
    assert page.list_model.data(page.list_model.index(0, 1)) == "Revisión del CCT"
    i18n.set_language("en")
    page.retranslate()
    assert page.list_model.data(page.list_model.index(0, 1)) == "CCT revision"
    assert page.title() == "Votes"
    page.tabs.setCurrentIndex(1)
    state = page.save_state()
    page.tabs.setCurrentIndex(0)
    page.restore_state(state)
    assert page.tabs.currentIndex() == 1


def test_new_campaign_dialog(vault, add_people, page):
    from unionkit.members.service import add_workplace

    wid = add_workplace(vault, "Planta Silao", employer_legal_name="Autopartes SA")
    add_people(vault, 6, workplace_id=wid)
    add_people(vault, 4, start=6)
    page.set_vault(vault)

    def fill(dlg):
        dlg.name.setText("Silao 2026")
        dlg.workplace.setCurrentIndex(dlg.workplace.findText("Planta Silao"))
        return True

    dialogs.preanswer(fill)
    page.workbench.new_campaign()
    [c] = campaigns.list_campaigns(vault)
    assert c["covered"] == 6 and campaigns.get(vault, c["id"])["employer"] == "Autopartes SA"
    assert page.workbench.counter.text().startswith("0 de 6")
    assert "adher" in page.workbench.detail.text()
