"""Switching the language in Settings changes every visible string at once."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from unionkit import i18n
from unionkit import settings as settings_store

from .helpers import open_through_ui


def _visible_texts(root: QWidget) -> set[str]:
    texts = set()
    for w in root.findChildren(QWidget):
        if not w.isVisibleTo(root):
            continue
        if isinstance(w, (QLabel, QAbstractButton)) and w.text():
            texts.add(w.text())
    return texts


def _choose_language(code):
    def answer(dlg):
        dlg.language.setCurrentIndex(dlg.language.findData(code))
        return True
    return answer


def test_switching_language_retranslates_the_start_screen(qtbot, make_window, answered_dialogs):
    w = make_window()
    assert w.start.tabs.tabText(0) == "Abrir una bóveda"
    assert w.menus.file_menu.title() == "&Archivo"
    spanish = _visible_texts(w)
    assert "Probar la bóveda de demostración" in spanish
    answered_dialogs.preanswer(_choose_language("en"))
    w.menus.actions["settings"].trigger()
    assert i18n.language() == "en"
    assert w.start.tabs.tabText(0) == "Open a vault"
    assert w.start.tabs.tabText(1) == "Create a new vault"
    assert w.menus.file_menu.title() == "&File"
    assert w.menus.actions["lock"].text() == "&Lock"
    english = _visible_texts(w)
    assert "Try the demo vault" in english and "Probar la bóveda de demostración" not in english
    assert w.status_vault.text() == "No vault open"
    assert settings_store.load().language == "en"  # saved for the next start
    answered_dialogs.preanswer(_choose_language("es_MX"))
    w.menus.actions["settings"].trigger()
    assert _visible_texts(w) == spanish


def test_switching_language_retranslates_the_open_vault(qtbot, make_window, vault_path, answered_dialogs):
    w = make_window()
    open_through_ui(qtbot, w, vault_path)
    assert w.workspace.page_titles()[0] == "Bóveda"
    assert w.workspace.overview.backup_button.text() == "Respaldar ahora"
    answered_dialogs.preanswer(_choose_language("en"))
    w.menus.actions["settings"].trigger()
    assert w.workspace.page_titles()[0] == "Vault"
    assert w.workspace.overview.backup_button.text() == "Back up now"
    assert w.workspace.overview.name.text() == "Sindicato Único de Prueba"
    assert "Unlocked" in w.status_lock.text()
    w.session.lock()
    assert w.lock_screen.title.text() == "The vault is locked"


def test_qt_standard_buttons_in_spanish(qtbot, make_window):
    from PySide6.QtWidgets import QDialogButtonBox

    from unionkit.ui.app import apply_language

    make_window()
    apply_language("es_MX")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == "Cancelar"
    apply_language("en")
    box2 = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box2)
    assert box2.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == "Cancel"
    apply_language("es_MX")


def test_settings_dialog_autolock_minutes(qtbot, make_window, answered_dialogs):
    w = make_window()

    def answer(dlg):
        dlg.autolock.setValue(99)  # clamped by the spin box to the maximum
        return True

    answered_dialogs.preanswer(answer)
    w.open_settings()
    assert w.settings.autolock_minutes == 30
    assert w.idle.timeout_s == 30 * 60


def test_no_ui_string_is_shadowed_by_another_catalog():
    """Catalogs are chained (core, members, ledger, votes, packets, ui): an msgid that another domain
    translates differently would show the other translation (e.g. 'Open' → 'Abierto'). Such short
    strings of the shell carry a context (pgettext)."""
    from babel.messages.pofile import read_po

    from unionkit.i18n import DOMAINS
    from unionkit.paths import translations_dir

    def load(domain):
        with open(translations_dir() / "es_MX" / "LC_MESSAGES" / f"{domain}.po", "rb") as fh:
            return read_po(fh)

    ui = load("ui")
    clashes = []
    for other in (d for d in DOMAINS if d != "ui"):
        cat = load(other)
        for m in ui:
            if not m.id:
                continue
            o = cat.get(m.id, context=m.context)
            if o is not None and o.string and o.string != m.string:
                clashes.append((other, m.id, o.string, m.string))
    assert clashes == []


def test_open_button_says_abrir(qtbot, make_window):
    w = make_window()
    assert w.start.open_panel.unlock.open_button.text() == "Abrir"
    assert w.lock_screen.unlock.open_button.text() == "Abrir"
