"""Members area with real widgets: the 100,000-row model under qtmodeltester, the import wizard end to
end, accented search typed key by key, the detail form's inline validation, status changes, lock."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFormLayout

from unionkit.members.commit import commit
from unionkit.members.importer import ImportCancelled, preview
from unionkit.members.reader import read_table
from unionkit.members.service import add_person, find_by_curp, get_person, history
from unionkit.ui import dialogs, workers
from unionkit.ui.members.model import PeopleModel
from unionkit.ui.members.page import MembersPage
from unionkit.ui.members.wizard import MAPPING, PREVIEW, RUNNING, SUMMARY, ImportWizard

ROSTER = (
    "Nombre(s),Apellido Paterno,Apellido Materno,CURP,No. Empleado,Fecha de ingreso,Notas\n"
    "José Ángel,Núñez,Peña,BEML920313HMCLNS09,1001,05/03/2019,=1+1\n"
    "\n"
    "Carmen,Salas,Bravo,SABC560626MDFLRN01,1002,2018-11-30,\n"
    "Sin,Curp,,,1003,01/01/2020,\n"
    "Otra,Vez,,BEML920313HMCLNS09,1004,05/03/2019,\n"
)


@pytest.fixture(autouse=True)
def _sync_workers():
    workers.SYNCHRONOUS = True
    dialogs.AUTO = True
    dialogs.reset()
    yield
    workers.SYNCHRONOUS = False
    dialogs.AUTO = False
    dialogs.reset()


def _bulk_people(vault, n: int) -> None:
    batch = vault.execute("INSERT INTO import_batch(kind, filename, sha256) VALUES ('members', 'x', 'y')").lastrowid
    vault.execute(
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < ?) "
        "INSERT INTO person(nombre, primer_apellido, employee_no, is_member, status, sort_name, search_text, "
        "import_batch_id) SELECT 'Nombre' || x, 'Apellido' || (x % 997), printf('%06d', x), x % 2, 'active', "
        "'apellido' || (x % 997) || ' nombre' || x, 'nombre' || x, ? FROM c", (n, batch))


@pytest.mark.slow
def test_model_100k_rows_qtmodeltester(vault, qtmodeltester):
    _bulk_people(vault, 100_000)
    model = PeopleModel()
    model.set_vault(vault)
    assert model.total() == 100_000 and model.rowCount() == 500
    # Sort first: the testers re-run every check on modelReset before they clear their "reset in flight"
    # flag, and a check that calls fetchMore then looks like an insert inside the reset.
    model.sort(2, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, 2)) == "100000"
    qtmodeltester.check(model)
    model.set_vault(None)
    assert model.rowCount() == 0


def test_model_small_qtmodeltester_and_lazy_fetch(vault, qtmodeltester):
    _bulk_people(vault, 1_234)
    for col in range(7):
        plain = PeopleModel()
        plain.set_vault(vault)
        plain.sort(col, Qt.SortOrder.AscendingOrder)
        assert plain.rowCount() == 500
    model = PeopleModel()
    model.set_vault(vault)
    qtmodeltester.check(model)
    while model.canFetchMore(model.index(-1, -1)):
        model.fetchMore(model.index(-1, -1))
    assert model.rowCount() == 1_234


def test_import_wizard_end_to_end(qtbot, vault, tmp_path):
    path = tmp_path / "padron.csv"
    path.write_text(ROSTER, encoding="utf-8-sig")
    page = MembersPage()
    qtbot.addWidget(page)
    page.set_vault(vault)
    assert page.stack.currentIndex() == 0  # empty state first
    wiz = ImportWizard(vault, page)
    qtbot.addWidget(wiz)
    dialogs.preanswer(str(path))
    wiz.choose_file()
    assert wiz.table is not None and "4" in wiz.file_label.text()
    qtbot.mouseClick(wiz.next_button, Qt.MouseButton.LeftButton)
    assert wiz.step() == MAPPING
    assert wiz.mapping()["curp"] == 3 and wiz.mapping()["notes"] == 6
    qtbot.mouseClick(wiz.next_button, Qt.MouseButton.LeftButton)
    assert wiz.step() == PREVIEW
    lines = [wiz.problems.item(r, 0).text() for r in range(wiz.problems.rowCount())]
    assert lines == ["5", "6"]
    assert "2" in wiz.problems.item(1, 2).text()  # repeats line 2
    received = []
    wiz.imported.connect(received.append)
    qtbot.mouseClick(wiz.next_button, Qt.MouseButton.LeftButton)
    assert wiz.step() == SUMMARY
    assert received and received[0]["imported"] == 2
    assert wiz.summary_page.title.text() == "Importación terminada" and wiz.header.text() == "Paso 4 de 4: importar"
    form = wiz.summary_page.form
    counts = {form.itemAt(r, QFormLayout.ItemRole.LabelRole).widget().text():
              form.itemAt(r, QFormLayout.ItemRole.FieldRole).widget().text() for r in range(form.rowCount())}
    assert counts == {"Personas nuevas:": "2", "Actualizadas:": "0", "Sin cambios:": "0", "No importadas:": "2"}
    assert "CURP" in wiz.summary_label.text()  # rows with problems: fix them and import the file again
    assert find_by_curp(vault, "BEML920313HMCLNS09").notes == "=1+1"
    page.refresh()
    assert page.stack.currentIndex() == 1 and page.model.total() == 2


def test_wizard_unreadable_file_and_cancelled_commit(qtbot, vault, tmp_path):
    wiz = ImportWizard(vault)
    qtbot.addWidget(wiz)
    bad = tmp_path / "viejo.xls"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64)
    assert not wiz.load_file(bad)
    assert ".xls" in wiz.file_label.text() and not wiz.next_button.isEnabled()
    good = tmp_path / "padron.csv"
    good.write_text(ROSTER, encoding="utf-8")
    prev = preview(vault, read_table(good))
    with pytest.raises(ImportCancelled):
        commit(vault, prev, cancelled=lambda: True)
    assert vault.scalar("SELECT count(*) FROM person") == 0
    assert vault.scalar("SELECT count(*) FROM import_batch") == 0


def test_wizard_preview_without_problems_and_with_too_many(qtbot, vault, tmp_path):
    from unionkit.demo.members import write_roster_csv

    path = tmp_path / "limpio.csv"
    write_roster_csv(path, 50, seed=3)
    wiz = ImportWizard(vault)
    qtbot.addWidget(wiz)
    wiz.show()
    assert wiz.load_file(path) and wiz.header.text() == "Paso 1 de 4: el archivo"
    qtbot.mouseClick(wiz.next_button, Qt.MouseButton.LeftButton)
    assert wiz.mapping_table.item(0, 1).text()  # the first row's values, read without building every row
    qtbot.mouseClick(wiz.next_button, Qt.MouseButton.LeftButton)
    page = wiz.preview_page
    assert wiz.step() == PREVIEW and wiz.header.text() == "Paso 3 de 4: revisar antes de importar"
    assert page.list.currentWidget() is page.no_problems and page.no_problems.isVisible()
    assert not page.strict.isVisible() and not page.more.isVisible()
    page.show_problems([(n + 2, "CURP", "Falta la CURP.") for n in range(2500)], True)
    assert page.list.currentWidget() is page.problems and page.problems.rowCount() == 2000
    assert page.more.isVisible() and "2,000 de 2,500" in page.more.text() and page.strict.isVisible()
    page.strict.setChecked(True)
    page.show_problems([(7, "RFC", "Advertencia: el dígito verificador del RFC no coincide.")], False)
    assert not page.strict.isVisible() and not page.strict.isChecked()  # warnings only: nothing to refuse


def test_wizard_reads_the_file_off_the_gui_thread(qtbot, vault, tmp_path, monkeypatch):
    from unionkit.demo.members import write_roster_csv
    from unionkit.ui import workers

    path = tmp_path / "padron.csv"
    write_roster_csv(path, 3000, seed=4)
    monkeypatch.setattr(workers, "SYNCHRONOUS", False)
    wiz = ImportWizard(vault)
    qtbot.addWidget(wiz)
    assert wiz.load_file(path) is False  # started, not finished
    assert wiz.file_label.text() == "Leyendo padron.csv…" and not wiz.file_page.choose_button.isEnabled()
    assert not wiz.next_button.isEnabled()
    qtbot.waitUntil(lambda: wiz.table is not None, timeout=20000)
    assert "3,000 filas" in wiz.file_label.text() and wiz.file_page.choose_button.isEnabled()
    assert wiz.next_button.isEnabled()


def test_wizard_cancel_is_off_once_the_import_is_being_written(qtbot, vault):
    from unionkit.members.commit import WRITING

    wiz = ImportWizard(vault)
    qtbot.addWidget(wiz)
    wiz.stack.setCurrentIndex(RUNNING)
    wiz._update_buttons()
    wiz._progress(0.5, "Construyendo los índices…")
    assert wiz.cancel_button.isEnabled() and wiz.progress.value() == 500
    wiz._progress(WRITING, "Escribiendo en la bóveda…")
    assert not wiz.cancel_button.isEnabled() and wiz.progress_label.text() == "Escribiendo en la bóveda…"


def _type(widget, text: str) -> None:
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)


def test_search_as_you_type_accents(qtbot, vault):
    add_person(vault, {"nombre": "José Ángel", "primer_apellido": "Núñez", "segundo_apellido": "Peña",
                       "curp": "BEML920313HMCLNS09", "employee_no": "1001", "is_member": 1})
    add_person(vault, {"nombre": "Carmen", "primer_apellido": "Salas", "curp": "SABC560626MDFLRN01"})
    page = MembersPage()
    qtbot.addWidget(page)
    page.set_vault(vault)
    page.show()
    _type(page.search, "núñez")
    qtbot.waitUntil(lambda: page.model.total() == 1, timeout=2000)
    assert page.model.data(page.model.index(0, 0)) == "Núñez Peña, José Ángel"
    page.search.clear()
    qtbot.keyClicks(page.search, "PENA jose")
    qtbot.waitUntil(lambda: page.model.total() == 1, timeout=2000)
    page.search.setText("SABC56")
    page.apply_filter()
    assert page.model.data(page.model.index(0, 1)) == "SABC560626MDFLRN01"
    page.search.setText("")
    page.status.setCurrentIndex(page.status.findData("non_members"))
    assert page.model.total() == 1
    page.set_vault(None)
    assert page.model.rowCount() == 0 and page.search.text() == ""
    assert page.form.widgets["nombre"].text() == ""


def test_form_inline_validation_and_status_change(qtbot, vault):
    page = MembersPage()
    qtbot.addWidget(page)
    page.set_vault(vault)
    page.new_person()
    form = page.form
    form.widgets["nombre"].setText("Carmen")
    form.widgets["primer_apellido"].setText("Salas")
    form.widgets["curp"].setText("SABC560626MDFLRN02")
    assert form.messages["curp"].isVisibleTo(form) and not form.save_button.isEnabled()
    form.widgets["curp"].setText("sabc560626mdflrn01")
    assert not form.messages["curp"].isVisibleTo(form) and form.save_button.isEnabled()
    form.widgets["hire_date"].setText("31/02/2020")
    assert "31/02/2020" in form.messages["hire_date"].text()
    form.widgets["hire_date"].setText("01/02/2020")
    form.widgets["join_date"].setText("03/02/2020")
    pid = form.save()
    assert pid is not None
    p = get_person(vault, pid)
    assert (p.curp, p.hire_date, p.is_member, p.join_date) == ("SABC560626MDFLRN01", "2020-02-01", 1, "2020-02-03")
    assert page.model.total() == 1 and page.stack.currentIndex() == 1

    def fill(dlg):
        dlg.status.setCurrentIndex(dlg.status.findData("resigned"))
        dlg.date.setText("15/01/2025")
        dlg.reason.setText("Renuncia por escrito")
        dlg.apply()
        return dlg.result() == 1

    dialogs.preanswer(fill)
    page.change_status(pid)
    assert get_person(vault, pid).status == "resigned"
    assert [e.status for e in history(vault, pid)] == ["active", "resigned"]
    assert form.history.rowCount() == 2
    assert form.history.item(1, 2).text() == "Renuncia por escrito"


def test_export_from_page_uses_filters(qtbot, vault, tmp_path):
    add_person(vault, {"nombre": "Ana", "primer_apellido": "Ávila", "curp": "BEML920313HMCLNS09", "is_member": 1,
                       "phone": "4770000000"})
    add_person(vault, {"nombre": "Bea", "primer_apellido": "Bravo", "curp": "SABC560626MDFLRN01"})
    page = MembersPage()
    qtbot.addWidget(page)
    page.set_vault(vault)
    page.status.setCurrentIndex(page.status.findData("members"))
    out = tmp_path / "afiliados.csv"
    assert page.export_to(out, public=True) == 1
    text = out.read_text("utf-8-sig")
    assert "Ávila" in text and "Bravo" not in text and "4770000000" not in text


def test_dues_standing_filter_uses_ledger_when_present(qtbot, vault):
    from unionkit.ui.members.page import standing_module

    add_person(vault, {"nombre": "Ana", "primer_apellido": "Ávila", "curp": "BEML920313HMCLNS09", "is_member": 1})
    add_person(vault, {"nombre": "Bea", "primer_apellido": "Bravo", "curp": "SABC560626MDFLRN01"})
    page = MembersPage()
    qtbot.addWidget(page)
    page.set_vault(vault)
    if standing_module() is None:
        assert page.dues.isHidden()
        return
    behind = standing_module().months_behind_by_person(vault, __import__("datetime").date.today())
    page.dues.setCurrentIndex(page.dues.findData("current"))
    assert page.model.total() == sum(1 for n in behind.values() if n == 0)
    page.dues.setCurrentIndex(page.dues.findData("behind1"))
    assert page.model.total() == sum(1 for n in behind.values() if n >= 1)


def test_optout_dialog_from_form(qtbot, vault, tmp_path):
    pid = add_person(vault, {"nombre": "Ana", "primer_apellido": "Ávila", "curp": "BEML920313HMCLNS09",
                             "is_member": 1, "join_date": "2020-01-01"})
    scan = tmp_path / "escrito.png"
    scan.write_bytes(b"\x89PNG fake scan")
    page = MembersPage()
    qtbot.addWidget(page)
    page.set_vault(vault)
    page.select_person(pid)
    assert page.form.person_id() == pid and page.form.optout_button.isEnabled()

    def fill(dlg):
        dialogs.preanswer(str(scan))
        dlg.choose_scan()
        dlg.statement.setText("10/03/2025")
        dlg.sent.setText("12/03/2025")
        dlg.apply()
        return dlg.result() == 1

    dialogs.preanswer(fill)
    page.record_optout(pid)
    assert "10/03/2025" in page.form.optout_label.text() and "12/03/2025" in page.form.optout_label.text()


def test_workplaces_dialog(qtbot, vault):
    from unionkit.members.service import list_workplaces
    from unionkit.ui.members.workplaces_dialog import WorkplacesDialog

    page = MembersPage()
    qtbot.addWidget(page)
    page.set_vault(vault)

    def fill(dlg: WorkplacesDialog):
        dlg.edits["name"].setText("Planta Silao")
        dlg.edits["employer_legal_name"].setText("Autopartes del Bajío, S.A. de C.V.")
        dlg.edits["employer_rfc"].setText("VACE460910SX6")
        assert dlg.message.text()  # a check-digit warning, not a refusal
        dlg.state.setCurrentIndex(dlg.state.findData("11"))
        wid = dlg.save()
        dlg.edits["sector"].setText("Automotriz")
        assert dlg.save() == wid
        return True

    dialogs.preanswer(fill)
    page.edit_workplaces()
    (w,) = list_workplaces(vault)
    assert (w.name, w.state_code, w.sector, w.employer_rfc) == ("Planta Silao", "11", "Automotriz", "VACE460910SX6")
    assert page.workplace.findData(w.id) >= 0


def test_state_round_trip_and_language_change(qtbot, vault):
    from unionkit import i18n

    add_person(vault, {"nombre": "Ana", "primer_apellido": "Ávila", "curp": "BEML920313HMCLNS09", "is_member": 1})
    page = MembersPage()
    qtbot.addWidget(page)
    page.set_vault(vault)
    page.status.setCurrentIndex(page.status.findData("members"))
    page.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.DescendingOrder)
    state = page.save_state()
    assert state["order"] == "curp" and state["descending"] and "Ávila" not in str(state)
    other = MembersPage()
    qtbot.addWidget(other)
    other.set_vault(vault)
    other.restore_state(state)
    assert other.model.sort_state() == ("curp", True) and other.status.currentData() == "members"
    assert other.model.data(other.model.index(0, 4)) == "Activo"
    i18n.set_language("en")
    other.retranslate()
    assert other.model.data(other.model.index(0, 4)) == "Active"
    assert other.title() == "Members"
