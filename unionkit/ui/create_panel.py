"""Create a new vault: union name, folder, passphrase twice with a strength meter, and the warning
that a lost passphrase cannot be recovered. The KDF and the first migrations run off the GUI thread."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from unionkit.errors import UnionkitError
from unionkit.i18n import _
from unionkit.paths import default_vault_dir
from unionkit.ui import dialogs
from unionkit.ui.strength import MIN_SCORE, StrengthMeter
from unionkit.ui.unlock_panel import ERROR_STYLE
from unionkit.ui.workers import run_task
from unionkit.vault import Vault

WARNING_STYLE = ("background: #fff4e5; color: #663c00; border: 1px solid #f0b35a; border-radius: 4px;"
                 " padding: 8px;")


def folder_slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9]+", "-", ascii_name).strip("-").lower()
    if len(slug) > 40:  # cut at a word boundary
        slug = slug[:41].rsplit("-", 1)[0]
    return slug or "boveda"


class CreatePanel(QWidget):
    created = Signal(object)  # the new, open Vault

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.busy = False
        self._custom_parent: Path | None = None
        self.union_name = QLineEdit(self)
        self.union_name.setObjectName("create_union_name")
        self.union_name.textChanged.connect(self._update_location)
        self.location = QLineEdit(self)
        self.location.setObjectName("create_location")
        self.choose = QPushButton(self)
        self.choose.clicked.connect(self.choose_parent)
        loc_row = QHBoxLayout()
        loc_row.addWidget(self.location, 1)
        loc_row.addWidget(self.choose)
        self.pass1 = QLineEdit(self)
        self.pass2 = QLineEdit(self)
        for w in (self.pass1, self.pass2):
            w.setEchoMode(QLineEdit.EchoMode.Password)
            w.textChanged.connect(self._changed)
        self.pass2.returnPressed.connect(self.attempt)
        self.meter = StrengthMeter(self)
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(WARNING_STYLE)
        self.understood = QCheckBox(self)
        self.understood.setObjectName("create_understood")
        self.understood.toggled.connect(self._changed)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setMaximumHeight(10)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.create_button = QPushButton(self)
        self.create_button.setObjectName("create_button")
        self.create_button.clicked.connect(self.attempt)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.labels = [QLabel(self) for _i in range(5)]
        for label, field in zip(self.labels, (self.union_name, loc_row, self.pass1, self.pass2, self.meter),
                                strict=True):
            self.form.addRow(label, field)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(14, 14, 14, 14)
        lay.addLayout(self.form)
        lay.addWidget(self.warning)
        lay.addWidget(self.understood)
        lay.addWidget(self.progress)
        lay.addWidget(self.message)
        button_row = QHBoxLayout()
        button_row.addStretch(1)
        button_row.addWidget(self.create_button)
        lay.addLayout(button_row)
        self.retranslate()
        self._update_location()
        self._changed()

    def retranslate(self) -> None:
        for label, text in zip(self.labels, (_("Union name:"), _("Vault folder:"), _("Passphrase:"),
                                             _("Passphrase again:"), ""), strict=True):
            label.setText(text)
        self.union_name.setPlaceholderText(_("e.g. Sindicato Independiente de Trabajadores de…"))
        self.pass1.setPlaceholderText(_("Several words are easier to remember and harder to guess"))
        self.choose.setText(_("Choose…"))
        self.warning.setText(_("Write the passphrase down and keep it in a safe place. Nobody can "
                               "recover a lost passphrase — not the union, not the developers: without "
                               "it the data in the vault is lost for good."))
        self.understood.setText(_("I understand that a lost passphrase cannot be recovered"))
        self.create_button.setText(_("Create vault"))
        self.meter.retranslate()
        self._changed()

    def _update_location(self) -> None:
        if self.busy:
            return
        base = self._custom_parent or default_vault_dir()
        self.location.setText(str(base / folder_slug(self.union_name.text())))

    def choose_parent(self) -> None:
        chosen = dialogs.choose_folder(self, _("Where should the vault folder be created?"),
                                       self._custom_parent or default_vault_dir())
        if chosen:
            self._custom_parent = chosen
            self._update_location()

    def problem(self) -> str:
        """Why the vault cannot be created yet ('' when it can)."""
        if not self.union_name.text().strip():
            return _("Type the union's name.")
        if not self.location.text().strip():
            return _("Choose where to create the vault.")
        if self.meter.current < MIN_SCORE:
            return _("The passphrase is too weak: use a longer one, for example four or five words.")
        if self.pass1.text() != self.pass2.text():
            return _("The two passphrases are not the same.")
        if not self.understood.isChecked():
            return _("Confirm that you understand a lost passphrase cannot be recovered.")
        return ""

    def _changed(self) -> None:
        self.meter.update_for(self.pass1.text())
        if not self.busy:
            self.create_button.setEnabled(not self.problem())
        if self.pass2.text() and self.pass1.text() != self.pass2.text():
            self.message.setText(_("The two passphrases are not the same."))
        else:
            self.message.clear()

    def attempt(self) -> None:
        problem = self.problem()
        if problem or self.busy:
            self.message.setText(problem)
            return
        folder = Path(self.location.text().strip()).expanduser()
        name, passphrase = self.union_name.text().strip(), self.pass1.text()
        self._set_busy(True)
        run_task(lambda _p, _c: Vault.create(folder, passphrase, union_name=name),
                 on_done=self._done, on_error=self._failed)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.progress.setVisible(busy)
        for w in (self.union_name, self.location, self.choose, self.pass1, self.pass2, self.understood):
            w.setEnabled(not busy)
        self.create_button.setEnabled(not busy and not self.problem())

    def _done(self, vault: Vault) -> None:
        self._set_busy(False)
        for w in (self.pass1, self.pass2, self.union_name):
            w.clear()
        self.understood.setChecked(False)
        self.created.emit(vault)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(exc, UnionkitError):
            raise exc
        self.message.setText(exc.message)
