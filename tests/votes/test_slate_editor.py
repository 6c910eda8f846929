"""The election setup: slates and candidates in seat order, entered in a table (LFT 371 IX, IX Bis)."""

import datetime as dt

import pytest

from unionkit.i18n import _
from unionkit.ui import dialogs
from unionkit.votes import consultations
from unionkit.votes.union_elections import candidates, slate_gender

pytestmark = pytest.mark.usefixtures("qapp", "gui_auto")


def _slate(editor, name, people):
    editor.name_edit.setText(name)
    editor.add_slate()  # starts with one empty candidate row
    for i, (office, full, sex) in enumerate(people):
        if i:
            editor.add_candidate()
        editor.table.item(i, 0).setText(office)
        editor.table.item(i, 1).setText(full)
        combo = editor.table.cellWidget(i, 2)
        combo.setCurrentIndex(combo.findData(sex))


def test_editor_order_summary_and_problems(qtbot):
    from unionkit.ui.votes.slate_editor import SlateEditor

    ed = SlateEditor()
    qtbot.addWidget(ed)
    assert ed.problem() and not ed.table.isEnabled()
    _slate(ed, "Planilla Verde", [("Secretaría General", "Ana Núñez", "M"), ("Tesorería", "Juan López", "H"),
                                  ("", "Rosa Peña", "M")])
    ed.set_seats(2)
    assert ed.summary.text() == _("{slate}: {n} candidates; in the {seats} seats: {women} women, {men} men.").format(
        slate="Planilla Verde", n=3, seats=2, women=1, men=1)
    ed.table.setCurrentCell(2, 1)
    ed.move(-1)  # Rosa up to seat 2
    # a candidate without an office gets the seat number
    assert ed.slates() == [("Planilla Verde", [("Secretaría General", "Ana Núñez", "M"), ("2", "Rosa Peña", "M"),
                                               ("Tesorería", "Juan López", "H")])]
    assert ed.summary.text() == _("{slate}: {n} candidates; in the {seats} seats: {women} women, {men} men.").format(
        slate="Planilla Verde", n=3, seats=2, women=2, men=0)  # both seats now held by women
    ed.name_edit.setText("planilla verde")  # same name, other case: refused
    ed.add_slate()
    assert len(ed.slates()) == 1
    ed.name_edit.setText("Planilla Azul")
    ed.add_slate()
    assert ed.problem() is not None and "Azul" in ed.problem()  # no candidate named yet
    ed.remove_slate()
    assert ed.problem() is None and [s for s, _p in ed.slates()] == ["Planilla Verde"]


def test_wizard_election_with_slates_table(vault, add_people, qtbot):
    from unionkit.ui.votes.page import VotesPage

    add_people(vault, 30)
    page = VotesPage()
    qtbot.addWidget(page)
    page.set_vault(vault)
    seen = {}

    def fill(wiz):
        wiz.title_edit.setText("Elección del Comité Ejecutivo")
        wiz.kind.setCurrentIndex(wiz.kind.findData("election"))
        wiz.restart()
        seen["next_from_first"] = wiz.nextId()
        wiz.seats.setValue(2)
        _slate(wiz.slate_editor, "Planilla Verde", [("Secretaría General", "Ana Núñez", "M"),
                                                     ("Tesorería", "Juan López", "H")])
        _slate(wiz.slate_editor, "Planilla Roja", [("Secretaría General", "Pedro Gómez", "H"),
                                                    ("Tesorería", "Luis Díaz", "H")])
        seen["complete"] = wiz.slates_page.isComplete()
        wiz.cutoff.setDate(wiz.cutoff.date().addDays(0))
        return True

    dialogs.preanswer(fill)
    page.new_consultation()
    assert seen == {"next_from_first": 1, "complete": True}
    [c] = consultations.list_consultations(vault)
    assert c["kind"] == "election"
    assert consultations.get(vault, c["id"])["options"] == ["Planilla Verde", "Planilla Roja"]
    assert consultations.get(vault, c["id"])["seats"] == 2
    assert candidates(vault, c["id"], "Planilla Verde") == [
        {"office": "Secretaría General", "full_name": "Ana Núñez", "sex": "M"},
        {"office": "Tesorería", "full_name": "Juan López", "sex": "H"}]
    assert slate_gender(vault, c["id"], "Planilla Roja")["women_elected"] == 0
    page.set_vault(None)


def test_wizard_skips_the_slates_page_for_other_kinds(qtbot):
    from unionkit.ui.votes.wizard import SetupWizard

    wiz = SetupWizard(today=dt.date(2026, 3, 1))
    qtbot.addWidget(wiz)
    wiz.kind.setCurrentIndex(wiz.kind.findData("revision"))
    wiz.restart()
    assert wiz.nextId() == 2 and wiz.fields()["options"] is None
    wiz.kind.setCurrentIndex(wiz.kind.findData("representation"))
    wiz.options.setPlainText("SITIMM\nSindicato Minero\n")
    assert wiz.fields()["options"] == ["SITIMM", "Sindicato Minero"]
