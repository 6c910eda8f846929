"""The contract between the main window and an area page (members, treasury, votes, claims).

The main window lists the pages of ``AREA_PAGES`` in its side navigation. A page gets the open
vault on unlock and ``None`` on lock, when it must clear every view (no personal data may stay on
screen or in a model). It keeps what it needs to return the user to where they were in
``save_state``/``restore_state`` (non-personal: tab index, filters without names, scroll row).
"""

from __future__ import annotations

import importlib
import logging

from PySide6.QtWidgets import QWidget

from unionkit.vault import Vault

log = logging.getLogger(__name__)

# "module:Class", in navigation order.
AREA_PAGES = (
    "unionkit.ui.members.page:MembersPage",
    "unionkit.ui.treasury.page:TreasuryPage",
    "unionkit.ui.votes.page:VotesPage",
    "unionkit.ui.claims.page:ClaimsPage",
)


class AreaPage(QWidget):
    area_id: str = ""
    icon_name: str = ""  # a file in resources/icons/ (optional)

    def title(self) -> str:  # translated, re-read after a language change
        raise NotImplementedError

    def set_vault(self, vault: Vault | None) -> None:
        """Called with the vault after unlock, with None on lock (clear every view then)."""
        raise NotImplementedError

    def retranslate(self) -> None:
        """Re-set every visible string after the language changed."""

    def save_state(self) -> dict:
        return {}

    def restore_state(self, state: dict) -> None:
        pass


def load_area_pages() -> list[type[AreaPage]]:
    classes = []
    for spec in AREA_PAGES:
        module_name, cls = spec.split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name and module_name.startswith(exc.name):
                log.info("area page %s not in this build", module_name)
                continue
            raise
        classes.append(getattr(module, cls))
    return classes
