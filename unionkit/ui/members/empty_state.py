"""What the members area shows while the register is empty: how to begin."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from unionkit.i18n import _


class EmptyState(QWidget):
    def __init__(self, on_import: Callable[[], None], on_add: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setFixedWidth(600)
        self.text.setMinimumHeight(64)
        self.text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.import_button = QPushButton()
        self.import_button.clicked.connect(on_import)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(on_add)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for w in (self.title, self.text):
            layout.addWidget(w, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(buttons)
        layout.addStretch(2)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(_("The register is empty"))
        self.text.setText(_("Start by importing a roster (a CSV or Excel file with names and CURPs, from the "
                            "employer or your own lists), or add members one by one."))
        self.import_button.setText(_("Import a roster…"))
        self.add_button.setText(_("Add a member"))
