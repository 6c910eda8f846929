"""'Try the demo vault': made off the GUI thread, offered with its passphrase shown, removed at quit."""

from __future__ import annotations

from unionkit.demo import DEMO_PASSPHRASE
from unionkit.ui.session import OPEN


def test_demo_is_created_offered_and_cleaned_up(qtbot, make_window):
    w = make_window()
    w.demo.small = True
    w.start.demo_button.click()
    panel = w.start.open_panel
    qtbot.waitUntil(lambda: panel.note.isVisible(), timeout=120000)
    assert DEMO_PASSPHRASE in panel.note.text()
    assert panel.unlock.passphrase.text() == DEMO_PASSPHRASE
    assert panel.unlock.passphrase.echoMode() == panel.unlock.passphrase.EchoMode.Normal
    panel.unlock.open_button.click()
    qtbot.waitUntil(lambda: w.session.state == OPEN, timeout=20000)
    folder = w.session.path
    assert w.settings.recent_vaults == []  # the temporary demo is not remembered
    w.close()
    assert not folder.exists()
