"""Small widgets and labels of the case editor: an optional date, the states list, the field labels."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget

from unionkit.i18n import _


def states() -> dict[str, str]:
    try:
        from unionkit.members.model import STATES

        return {k: v[0] for k, v in STATES.items()}
    except ImportError:  # pragma: no cover - the members area is part of every build
        return {}


class OptionalDate(QWidget):
    """A date that may be unset (a check box turns it on)."""

    def __init__(self) -> None:
        super().__init__()
        self.check = QCheckBox()
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd/MM/yyyy")
        self.date.setDate(QDate.currentDate())
        self.date.setEnabled(False)
        self.check.toggled.connect(self.date.setEnabled)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.check)
        lay.addWidget(self.date)
        lay.addStretch(1)

    def value(self) -> str | None:
        return self.date.date().toString("yyyy-MM-dd") if self.check.isChecked() else None

    def set_value(self, iso: str | None) -> None:
        self.check.setChecked(bool(iso))
        if iso:
            self.date.setDate(QDate.fromString(iso, "yyyy-MM-dd"))


FIELD_LABELS = {
    "Workplace": lambda: _("Workplace (register)"), "Title": lambda: _("Title"),
    "Status": lambda: _("Status"), "Trade name": lambda: _("Trade name"),
    "Legal name": lambda: _("Legal name (razón social)"), "RFC": lambda: _("RFC"),
    "Address": lambda: _("Address"), "State": lambda: _("State"),
    "Parent company": lambda: _("Parent company"), "Products or services": lambda: _("Products or services"),
    "Sector": lambda: _("Sector"), "US priority subsector": lambda: _("US priority subsector"),
    "Headcount": lambda: _("Headcount"), "Exports to the US": lambda: _("Exports to the US"),
    "Competes with US goods": lambda: _("Competes with US goods"),
    "Evidence of US trade": lambda: _("Evidence of US trade"),
    "Anonymous petition": lambda: _("Anonymous petition"), "Petitioner": lambda: _("Petitioner"),
    "Contact": lambda: _("Contact"), "Relationship to the workers": lambda: _("Relationship to the workers"),
    "Facts": lambda: _("Facts"), "Requested action": lambda: _("Requested action"),
    "Laws cited (LFT)": lambda: _("Laws cited (LFT)"),
    "Petition submitted on": lambda: _("Petition submitted on"),
    "Review requested on": lambda: _("Review requested on"),
}

