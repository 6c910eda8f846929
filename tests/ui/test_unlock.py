"""Wrong passphrase message, the throttle countdown, and that a wrong passphrase changes no file."""

from __future__ import annotations

from pathlib import Path

from unionkit.ui.main_window import MainWindow
from unionkit.ui.session import OPEN
from unionkit.vault.throttle import UnlockGuard

from .helpers import PASS, open_through_ui


def _snapshot(folder):
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir()) if p.is_file()}


def _try(qtbot, panel, passphrase):
    panel.passphrase.setText(passphrase)
    panel.open_button.click()
    qtbot.waitUntil(lambda: not panel.busy, timeout=10000)


def test_wrong_passphrase_message_is_shown(qtbot, make_window, vault_path):
    w = make_window()
    before = _snapshot(vault_path)
    w.start.show_open(vault_path)
    panel = w.start.open_panel.unlock
    _try(qtbot, panel, "not the passphrase")
    assert "Contraseña incorrecta" in panel.message.text()
    assert panel.message.isVisible()
    assert w.session.state != OPEN
    assert _snapshot(vault_path) == before
    assert panel.open_button.isEnabled()  # the first failures cost no wait


def test_throttle_countdown_survives_a_restart(qtbot, make_window, vault_path, clock, tmp_path):
    w = make_window()
    w.start.show_open(vault_path)
    panel = w.start.open_panel.unlock
    for _i in range(3):
        _try(qtbot, panel, "wrong")
    assert not panel.open_button.isEnabled()
    assert "Espere 2 segundos" in panel.message.text()
    assert panel.countdown.isActive()
    # Clicking or pressing Enter while throttled does nothing (no KDF run, no count).
    panel.passphrase.setText(PASS)
    panel.attempt()
    assert not panel.busy and w.session.state != OPEN

    # A new window (as after a restart) with the same state file is still throttled.
    guard2 = UnlockGuard(clock, state_file=tmp_path / "throttle.json")
    w2 = make_window(guard=guard2)
    w2.start.show_open(vault_path)
    assert not w2.start.open_panel.unlock.open_button.isEnabled()

    clock.advance(1)
    panel.refresh_throttle()
    assert "Espere 1 segundo " in panel.message.text()
    clock.advance(1.5)
    panel.refresh_throttle()
    assert panel.open_button.isEnabled() and panel.message.text() == ""
    assert not panel.countdown.isActive()
    panel.passphrase.setText(PASS)
    panel.open_button.click()
    qtbot.waitUntil(lambda: w.session.state == OPEN, timeout=10000)
    assert guard2.wait_seconds(vault_path) == 0


def test_empty_passphrase_and_no_vault(qtbot, make_window, vault_path):
    w = make_window()
    panel = w.start.open_panel.unlock
    panel.path = None
    panel.attempt()
    assert panel.message.text()
    w.start.show_open(vault_path)
    panel.attempt()
    assert "contraseña" in panel.message.text().lower()


def test_open_twice_in_same_process_reports_in_use(qtbot, make_window, vault_path):
    w = make_window()
    open_through_ui(qtbot, w, vault_path)
    other = make_window()
    other.start.show_open(vault_path)
    _try(qtbot, other.start.open_panel.unlock, PASS)
    assert other.session.state != OPEN
    assert other.start.open_panel.unlock.message.text()
    assert isinstance(w, MainWindow)


def test_an_upgrade_is_announced_and_the_next_unlock_checks_the_passphrase_again(qtbot, tmp_path, vault_path):
    import json
    import shutil

    from unionkit.ui.unlock_panel import UnlockPanel

    golden = sorted((Path(__file__).resolve().parents[1] / "data").glob("vault_v*"))[0]
    meta = json.loads(golden.with_name(golden.name + ".json").read_text(encoding="utf-8"))
    old = tmp_path / "old"
    shutil.copytree(golden, old)  # a vault made by v0.1.0: opening it upgrades it
    panel = UnlockPanel(UnlockGuard(state_file=tmp_path / "throttle.json"))
    qtbot.addWidget(panel)
    opened, statuses = [], []
    panel.opened.connect(opened.append)
    real_progress = panel._progress
    panel._progress = lambda f, text: (statuses.append(text), real_progress(f, text))
    panel.set_path(old)
    panel.set_passphrase(meta["passphrase"])
    panel.attempt()
    qtbot.waitUntil(lambda: bool(opened), timeout=30000)
    opened.pop().close()
    assert statuses and statuses[0].startswith("Actualizando la bóveda")
    assert panel.status.text().startswith("Actualizando la bóveda")
    panel.set_path(vault_path)  # up to date: only the passphrase is checked
    panel.set_passphrase(PASS)
    panel.attempt()
    assert panel.status.text() == "Comprobando la contraseña…"
    qtbot.waitUntil(lambda: bool(opened), timeout=30000)
    opened.pop().close()
    assert len(statuses) == 1
