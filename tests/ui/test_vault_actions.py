"""File menu: backup now, verify, change passphrase, rekey, restore to a new location."""

from __future__ import annotations

from unionkit.ui.session import OPEN
from unionkit.vault import Vault

from .helpers import PASS, open_through_ui

NEW_PASS = "otra frase mucho más larga 2026"


def _wait_for_dialog(qtbot, dialogs, title):
    qtbot.waitUntil(lambda: any(h[1] == title for h in dialogs.history), timeout=15000)
    return next(h for h in dialogs.history if h[1] == title)


def test_backup_verify_and_restore(qtbot, make_window, vault_path, tmp_path, answered_dialogs):
    w = make_window()
    w.settings.backup_folder = str(tmp_path / "backups")
    vault = open_through_ui(qtbot, w, vault_path)
    vault.set_setting("probe", "valor")
    assert "Nunca" in w.workspace.overview.backup_value.text()
    w.workspace.overview.backup_button.click()
    kind, _title, text = _wait_for_dialog(qtbot, answered_dialogs, "Respaldo hecho")
    backups = list((tmp_path / "backups").glob("*.ukbackup"))
    assert len(backups) == 1 and str(backups[0]) in text
    qtbot.waitUntil(lambda: "Nunca" not in w.workspace.overview.backup_value.text())

    w.menus.actions["verify"].trigger()
    kind, _title, text = _wait_for_dialog(qtbot, answered_dialogs, "Bóveda verificada")
    assert kind == "info" and "✔" in text

    target = tmp_path / "restored"

    def fill(dlg):
        dlg.backup.setText(str(backups[0]))
        dlg.target.setText(str(target))
        dlg.passphrase.setText(PASS)
        return True

    answered_dialogs.preanswer(fill)
    w.menus.actions["restore"].trigger()
    _wait_for_dialog(qtbot, answered_dialogs, "Respaldo restaurado")
    with Vault.open(target, PASS) as restored:
        assert restored.get_setting("probe") == "valor"


def test_restore_with_wrong_passphrase_reports_and_writes_nothing(qtbot, make_window, vault_path, tmp_path,
                                                                   answered_dialogs):
    w = make_window()
    w.settings.backup_folder = str(tmp_path / "backups")
    open_through_ui(qtbot, w, vault_path)
    w.menus.actions["backup"].trigger()
    _wait_for_dialog(qtbot, answered_dialogs, "Respaldo hecho")
    backup = next((tmp_path / "backups").glob("*.ukbackup"))

    def fill(dlg):
        dlg.backup.setText(str(backup))
        dlg.target.setText(str(tmp_path / "nope"))
        dlg.passphrase.setText("wrong")
        return True

    answered_dialogs.preanswer(fill)
    w.menus.actions["restore"].trigger()
    kind, _t, text = _wait_for_dialog(qtbot, answered_dialogs, "No se restauró el respaldo")
    assert kind == "error" and "ontraseña" in text
    assert not (tmp_path / "nope").exists()


def test_change_passphrase_then_rekey(qtbot, make_window, vault_path, answered_dialogs):
    w = make_window()
    vault = open_through_ui(qtbot, w, vault_path)
    vault.set_setting("probe", "sigue aquí")

    def change(dlg):
        dlg.old.setText(PASS)
        dlg.new1.setText(NEW_PASS)
        dlg.new2.setText(NEW_PASS)
        return True

    answered_dialogs.preanswer(change)
    w.menus.actions["passphrase"].trigger()
    _wait_for_dialog(qtbot, answered_dialogs, "Contraseña cambiada")

    def confirm(dlg):
        dlg.passphrase.setText(NEW_PASS)
        return True

    answered_dialogs.preanswer(confirm)
    w.menus.actions["rekey"].trigger()
    _wait_for_dialog(qtbot, answered_dialogs, "Bóveda cifrada de nuevo")
    assert vault.get_setting("probe") == "sigue aquí"
    w.session.lock()
    w.lock_screen.unlock.passphrase.setText(NEW_PASS)
    w.lock_screen.unlock.open_button.click()
    qtbot.waitUntil(lambda: w.session.state == OPEN, timeout=10000)
    assert w.session.vault.get_setting("probe") == "sigue aquí"


def test_change_passphrase_dialog_rejects_mismatch(qtbot, make_window, vault_path, answered_dialogs):
    from unionkit.ui.passphrase_dialogs import ChangePassphraseDialog

    dlg = ChangePassphraseDialog()
    qtbot.addWidget(dlg)
    dlg.old.setText(PASS)
    dlg.new1.setText(NEW_PASS)
    dlg.new2.setText(NEW_PASS + "!")
    dlg.accept()
    assert dlg.result() == 0 and "no coinciden" in dlg.message.text()
