"""Create a vault through the dialogs, lock with Ctrl+L, auto-lock with a fake clock, unlock."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from unionkit.ui.session import LOCKED, OPEN

from .helpers import PASS, ProbePage, open_through_ui


def _open_fds_to(folder: Path) -> list[str]:
    hits = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith(str(folder)) and "vault.db" in target:
            hits.append(target)
    return hits


def test_create_vault_through_the_dialogs(qtbot, make_window, tmp_path, answered_dialogs):
    w = make_window()
    panel = w.start.create_panel
    assert w.start.tabs.currentWidget() is panel  # no recent vaults: the 'create' tab comes first
    panel.union_name.setText("Sindicato Independiente de Prueba")
    answered_dialogs.preanswer(tmp_path / "place")
    panel.choose.click()
    assert panel.location.text() == str(tmp_path / "place" / "sindicato-independiente-de-prueba")
    panel.pass1.setText(PASS)
    panel.pass2.setText(PASS + "x")
    assert not panel.create_button.isEnabled()
    panel.pass2.setText(PASS)
    assert not panel.create_button.isEnabled()  # the lost-passphrase warning is not yet confirmed
    assert "recuperar" in panel.warning.text()
    panel.understood.setChecked(True)
    assert panel.create_button.isEnabled()
    panel.create_button.click()
    qtbot.waitUntil(lambda: w.session.state == OPEN, timeout=10000)
    folder = tmp_path / "place" / "sindicato-independiente-de-prueba"
    assert (folder / "key.hdr").is_file() and (folder / "vault.db").is_file()
    assert w.stack.currentWidget() is w.workspace
    assert "Sindicato Independiente de Prueba" in w.status_vault.text()
    assert w.workspace.overview.name.text() == "Sindicato Independiente de Prueba"
    assert panel.pass1.text() == "" and panel.pass2.text() == ""
    assert str(folder.resolve()) in w.settings.recent_vaults


def test_weak_passphrase_cannot_create(qtbot, make_window):
    panel = make_window().start.create_panel
    panel.union_name.setText("X")
    panel.pass1.setText("abc12")
    panel.pass2.setText("abc12")
    panel.understood.setChecked(True)
    assert not panel.create_button.isEnabled()
    assert "débil" in panel.problem()


def test_ctrl_l_locks_and_unlock_returns_to_the_same_place(qtbot, make_window, vault_path):
    w = make_window()
    vault = open_through_ui(qtbot, w, vault_path)
    probe = w.workspace.pages[1]
    assert isinstance(probe, ProbePage)
    w.workspace.show_page("probe")
    probe.row = 42
    assert probe.label.text() == "Sindicato Único de Prueba"
    w.activateWindow()
    QTest.keyClick(w.workspace.nav, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: w.session.state == LOCKED, timeout=3000)
    assert not vault.is_open and vault.conn is None
    assert all(b == 0 for b in vault._dek)
    assert probe.calls[-1] is None and probe.label.text() == "" and probe.row == 0
    assert w.workspace.overview.name.text() == ""
    assert w.stack.currentWidget() is w.lock_screen
    assert w.status_lock.text() == "Bloqueada"
    assert _open_fds_to(vault_path.resolve()) == []
    assert not w.menus.actions["backup"].isEnabled()

    w.lock_screen.unlock.passphrase.setText(PASS)
    w.lock_screen.unlock.open_button.click()
    qtbot.waitUntil(lambda: w.session.state == OPEN, timeout=10000)
    assert w.workspace.current_page() is probe
    assert probe.row == 42 and probe.label.text() == "Sindicato Único de Prueba"
    assert w.lock_screen.unlock.passphrase.text() == ""


def test_auto_lock_after_idle_with_a_fake_clock(qtbot, make_window, vault_path, clock):
    w = make_window()
    w.settings.autolock_minutes = 5
    open_through_ui(qtbot, w, vault_path)
    clock.advance(299)
    assert not w.idle.check()
    QTest.keyClick(w.workspace.nav, Qt.Key.Key_Down)  # activity restarts the count
    clock.advance(299)
    assert not w.idle.check() and w.session.state == OPEN
    clock.advance(2)
    assert w.idle.check()
    assert w.session.state == LOCKED and w.session.vault is None
    assert w.stack.currentWidget() is w.lock_screen
    assert not w.idle.check()  # fires once


def test_auto_lock_timer_fires_by_itself(qtbot, make_window, vault_path, clock):
    w = make_window()
    open_through_ui(qtbot, w, vault_path)
    w.idle.timer.setInterval(20)
    clock.advance(w.settings.autolock_minutes * 60 + 1)
    qtbot.waitUntil(lambda: w.session.state == LOCKED, timeout=3000)


def test_close_returns_to_start_screen_and_lists_the_vault(qtbot, make_window, vault_path):
    w = make_window()
    open_through_ui(qtbot, w, vault_path)
    w.menus.actions["close"].trigger()
    assert w.stack.currentWidget() is w.start
    recent = w.start.open_panel.recent
    assert recent.count() == 1 and recent.item(0).text() == str(vault_path.resolve())
    assert w.start.tabs.currentWidget() is w.start.open_panel


def test_real_area_pages_load(qtbot, make_window, vault_path):
    """Whatever area pages exist in this build load, clear on lock, and nothing else is listed."""
    from unionkit.ui.workspace import load_pages

    pages = load_pages()
    w = make_window(pages=pages)
    assert w.workspace.nav.count() == 1 + len(pages)
    open_through_ui(qtbot, w, vault_path)
    w.set_language("en")
    w.set_language("es_MX")
    w.session.lock()
    assert w.session.state == LOCKED


def test_auto_lock_waits_for_a_running_backup(qtbot, make_window, vault_path, clock):
    w = make_window()
    open_through_ui(qtbot, w, vault_path)
    w.vault_actions.running = 1  # as while a backup runs
    clock.advance(w.settings.autolock_minutes * 60 + 1)
    assert w.idle.check()
    assert w.session.state == OPEN  # re-armed instead of closing the vault under the task
    w.vault_actions.running = 0
    clock.advance(w.settings.autolock_minutes * 60 + 1)
    assert w.idle.check() and w.session.state == LOCKED


def test_forget_a_recent_vault(qtbot, make_window, vault_path):
    w = make_window()
    open_through_ui(qtbot, w, vault_path)
    w.session.close()
    panel = w.start.open_panel
    assert panel.recent.count() == 1
    panel.recent.setCurrentRow(0)
    panel.forget_action.trigger()
    assert panel.recent.count() == 0 and w.settings.recent_vaults == []
    assert (vault_path / "key.hdr").is_file()  # only the list entry goes


def test_recent_list_highlights_only_the_chosen_vault(qtbot, make_window, vault_path, tmp_path):
    w = make_window()
    open_through_ui(qtbot, w, vault_path)
    w.session.close()
    panel = w.start.open_panel
    assert panel.recent.currentRow() == 0  # the last vault, ready to open
    other = tmp_path / "demo-vault"
    panel.select(other, note="demo", passphrase="x")  # as the demo button does
    assert panel.unlock.path == other
    assert panel.recent.currentRow() == -1 and panel.recent.selectedItems() == []
    panel.select(vault_path.resolve())
    assert panel.recent.currentRow() == 0 and panel.unlock.path == vault_path.resolve()


def test_lock_closes_open_dialogs(qtbot, make_window, vault_path):
    from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout

    w = make_window()
    open_through_ui(qtbot, w, vault_path)
    form = QDialog(w)
    QVBoxLayout(form).addWidget(QLineEdit("Pérez Núñez, María"))
    form.show()
    assert form.isVisible()
    w.session.lock()
    assert not form.isVisible() and form.result() == QDialog.DialogCode.Rejected


def test_area_pages_load_after_the_start_screen(qtbot, tmp_path, clock, vault_path):
    """Without explicit pages, the window shows first and the area pages follow in the background."""
    from unionkit.settings import Settings
    from unionkit.ui.area import AREA_PAGES
    from unionkit.ui.main_window import MainWindow
    from unionkit.vault.throttle import UnlockGuard

    w = MainWindow(Settings(), clock=clock, guard=UnlockGuard(clock, state_file=tmp_path / "t.json"))
    qtbot.addWidget(w)
    assert w.workspace.nav.count() == 1  # only the overview while the start screen shows
    qtbot.waitUntil(lambda: not w.workspace.pending, timeout=20000)
    assert 1 <= w.workspace.nav.count() <= 1 + len(AREA_PAGES)
    open_through_ui(qtbot, w, vault_path)
    w.session.close()
    w.idle.detach()
