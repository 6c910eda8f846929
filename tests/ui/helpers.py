"""Shared helpers of the GUI tests: the passphrase, a probe page, opening through the UI."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout

from unionkit.ui.area import AreaPage

PASS = "correct horse battery staple ñ"


class ProbePage(AreaPage):
    """Shows the union name while unlocked; remembers a 'row' across lock/unlock."""

    area_id = "probe"

    def __init__(self) -> None:
        super().__init__()
        self.label = QLabel(self)
        QVBoxLayout(self).addWidget(self.label)
        self.vault = None
        self.calls: list[object] = []
        self.row = 0

    def title(self) -> str:
        return "Probe"

    def set_vault(self, vault) -> None:
        self.calls.append(vault)
        self.vault = vault
        self.label.setText(vault.union_name if vault is not None else "")
        if vault is None:
            self.row = 0

    def save_state(self) -> dict:
        return {"row": self.row}

    def restore_state(self, state: dict) -> None:
        self.row = state.get("row", 0)


def open_through_ui(qtbot, window, path, passphrase=PASS):
    from unionkit.ui.session import OPEN

    window.start.show_open(path)
    window.start.open_panel.unlock.passphrase.setText(passphrase)
    window.start.open_panel.unlock.open_button.click()
    qtbot.waitUntil(lambda: window.session.state == OPEN, timeout=10000)
    return window.session.vault
