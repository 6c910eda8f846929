"""The claims page with real widgets: cases list, editor, timeline, evidence browser (drag and drop,
intake with progress, metadata, share export), the packet wizard, and clearing on lock."""

from __future__ import annotations

import pytest
from packets_fixtures import CURP_B
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from unionkit.packets import evidence, manifest
from unionkit.ui import dialogs, workers
from unionkit.ui.claims.page import ClaimsPage


@pytest.fixture
def page(qtbot):
    workers.SYNCHRONOUS = True
    dialogs.AUTO = True
    dialogs.reset()
    p = ClaimsPage()
    qtbot.addWidget(p)
    p.resize(1200, 800)
    yield p
    p.set_vault(None)
    workers.SYNCHRONOUS = False
    dialogs.AUTO = False
    dialogs.reset()


def test_empty_vault_says_how_to_begin(page, vault):
    page.set_vault(vault)
    page.show()
    assert page.model.rowCount() == 0 and page.empty.isVisible()
    assert "Caso nuevo" in page.new_btn.text() or page.new_btn.text()
    page.new_case()
    assert page.model.rowCount() == 1 and page.tabs.isEnabled()


def test_case_editor_timeline_and_workers(page, case_vault):
    vault, case = case_vault
    page.set_vault(vault)
    assert page.model.rowCount() == 1
    page.open_row(0)
    assert page.form.edits["title"].text() == case.title
    page.form.edits["title"].setText("Despidos en nave 3")
    assert page.form.save()
    assert page.model._rows[0][0] == "Despidos en nave 3"
    assert "✔" in page.form.checks.text()
    page.tabs.setCurrentWidget(page.timeline)
    n = page.timeline.events.rowCount()
    page.timeline.ev_text.setText("Reunión con la gerencia")
    page.timeline.add_event()
    assert page.timeline.events.rowCount() == n + 1
    page.timeline.curp.setText("XXXX000000HXXXXX00")
    page.timeline.add_worker()
    assert dialogs.history[-1][0] == "error"


def test_evidence_drop_intake_metadata_and_share(page, case_vault, files, tmp_path):
    vault, case = case_vault
    page.set_vault(vault)
    page.open_row(0)
    page.tabs.setCurrentWidget(page.evidence)
    assert page.evidence.items.count() == 0 and not page.evidence.empty.isHidden()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(files["jpg"])), QUrl.fromLocalFile(str(files["pdf"]))])
    ev = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                    Qt.KeyboardModifier.NoModifier)
    page.evidence.dropEvent(ev)
    assert page.evidence.items.count() == 2
    assert not page.evidence.items.item(0).icon().isNull()
    page.evidence.items.setCurrentRow(0)
    page.evidence.show_metadata()
    fields = [page.evidence.meta._rows[i][0] for i in range(page.evidence.meta.rowCount())]
    assert "Make" in fields and any(f.startswith("GPS") for f in fields)
    dialogs.preanswer(tmp_path / "share")
    page.evidence.export(True)
    out = next((tmp_path / "share").iterdir())
    assert b"Motorola" not in out.read_bytes()
    assert page.model._rows[0][3] == 2


def test_intake_in_background_can_be_cancelled(page, case_vault, tmp_path, qtbot):
    vault, case = case_vault
    big = tmp_path / "video.mp4"
    big.write_bytes(b"\x00" * (48 * 1024 * 1024))
    page.set_vault(vault)
    page.open_row(0)
    page.tabs.setCurrentWidget(page.evidence)
    workers.SYNCHRONOUS = False
    page.evidence.add_paths([big])
    assert page.evidence.task is not None and page.evidence.cancel_btn.isVisibleTo(page.evidence)
    page.evidence.cancel()
    qtbot.waitUntil(lambda: page.evidence.task is None, timeout=20000)
    assert page.evidence.items.count() == 0
    assert dialogs.history[-1][0] == "info"
    assert vault.scalar("SELECT count(*) FROM evidence") == 0
    assert not list(vault.folder.glob("blobs/*.ukb"))  # the half-written encrypted file is gone too


def test_wizard_builds_verified_packet_and_lock_clears(page, case_vault, files, tmp_path):
    vault, case = case_vault
    evidence.add(vault, files["jpg"], case_id=case.id)
    page.set_vault(vault)
    page.open_row(0)
    page.tabs.setCurrentWidget(page.wizard)
    assert "Anexos" in page.wizard.preview.toPlainText()
    page.wizard.redact.setChecked(False)
    assert page.wizard.warning.text()
    page.wizard.redact.setChecked(True)
    page.wizard.folder.setText(str(tmp_path / "pk"))
    page.wizard.build()
    assert manifest.verify(tmp_path / "pk").ok
    assert "pk" in page.wizard.result.text()
    page.set_vault(None)
    assert page.model.rowCount() == 0 and page.timeline.workers.rowCount() == 0
    assert page.evidence.items.count() == 0 and page.form.edits["title"].text() == ""
    assert CURP_B not in page.form.narrative.toPlainText()


def test_link_from_locker_and_remove(page, case_vault, files, vault_factory):
    vault, case = case_vault
    from unionkit.packets import cases

    other = cases.create(vault, "Otro caso")
    item = evidence.add(vault, files["png"], case_id=other.id)
    page.set_vault(vault)
    page.open_row(page.model.row_of(case.id))
    page.tabs.setCurrentWidget(page.evidence)
    assert page.evidence.items.count() == 0
    dialogs.preanswer(lambda dlg: (dlg.check_all(), True)[1])
    page.evidence.link_from_locker()
    assert page.evidence.items.count() == 1
    page.evidence.items.setCurrentRow(0)
    dialogs.preanswer(True)
    page.evidence.unlink()
    assert page.evidence.items.count() == 0
    assert evidence.get(vault, item.id).sha256 == item.sha256


def test_retranslate_and_state(page, case_vault):
    from unionkit import i18n

    vault, case = case_vault
    page.set_vault(vault)
    assert page.title() == "Denuncias" and page.new_btn.text() == "Caso nuevo"
    i18n.set_language("en")
    page.retranslate()
    assert page.title() == "Claims" and page.new_btn.text() == "New case"
    assert page.tabs.tabText(2) == "Evidence"
    i18n.set_language("es_MX")
    page.retranslate()
    page.tabs.setCurrentIndex(3)
    state = page.save_state()
    page.tabs.setCurrentIndex(0)
    page.restore_state(state)
    assert page.tabs.currentIndex() == 3


def test_switching_case_offers_to_save(page, case_vault):
    from unionkit.packets import cases

    vault, case = case_vault
    other = cases.create(vault, "Otro caso")
    page.set_vault(vault)
    page.open_row(page.model.row_of(case.id))
    assert not page.form.is_dirty()
    page.form.edits["facility_products"].setText("Arneses")
    assert page.form.is_dirty()
    dialogs.preanswer(True)
    page.open_row(page.model.row_of(other.id))
    assert dialogs.history[-1][0] == "ask"
    assert cases.get(vault, case.id).facility_products == "Arneses"
    assert page.view.currentIndex().row() == page.model.row_of(other.id)
    assert page.form.edits["title"].text() == "Otro caso"


def test_workplace_from_register_fills_facility(page, vault):
    from unionkit.packets import cases

    vault.execute("INSERT INTO workplace(name, employer_legal_name, employer_rfc, address, state_code) "
                  "VALUES ('Planta Norte', 'Norte S.A. de C.V.', 'NOR150101AB1', 'Av. Uno 1', '19')")
    c = cases.create(vault, "Caso")
    page.set_vault(vault)
    page.open_row(page.model.row_of(c.id))
    f = page.form
    f.workplace.setCurrentIndex(f.workplace.findText("Planta Norte"))
    f._workplace_chosen(f.workplace.currentIndex())
    assert f.edits["facility_legal_name"].text() == "Norte S.A. de C.V." and f.state.currentData() == "19"
    assert f.save()
    got = cases.get(vault, c.id)
    assert got.workplace_id is not None and got.facility_rfc == "NOR150101AB1"
