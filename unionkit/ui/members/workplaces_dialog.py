"""Workplaces (centros de trabajo): employer, RFC, address, state (INEGI catalog) and sector."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from unionkit.errors import UnionkitError
from unionkit.i18n import _
from unionkit.members import service
from unionkit.members.identifiers import check_rfc
from unionkit.members.model import STATES
from unionkit.vault import Vault

FIELDS = ("name", "employer_legal_name", "employer_rfc", "address", "sector")


class WorkplacesDialog(QDialog):
    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.current: int | None = None
        self.setWindowTitle(_("Workplaces"))
        self.resize(760, 420)
        self.list = QListWidget()
        self.list.currentItemChanged.connect(self._selected)
        self.edits = {f: QLineEdit() for f in FIELDS}
        self.state = QComboBox()
        self.state.addItem(_("(not recorded)"), "")
        for code, (name, _curp) in STATES.items():
            self.state.addItem(f"{code} {name}", code)
        form = QFormLayout()
        labels = {"name": _("Short name (e.g. Planta Silao)"), "employer_legal_name": _("Employer (legal name)"),
                  "employer_rfc": _("Employer's RFC"), "address": _("Address"), "sector": _("Sector")}
        for f in FIELDS:
            form.addRow(labels[f], self.edits[f])
        form.addRow(_("State"), self.state)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #8a5a00;")
        form.addRow(self.message)
        self.new_button = QPushButton(_("New workplace"))
        self.new_button.clicked.connect(self.new)
        self.save_button = QPushButton(_("Save"))
        self.save_button.clicked.connect(self.save)
        right = QVBoxLayout()
        right.addLayout(form)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addStretch(1)
        row.addWidget(self.save_button)
        right.addLayout(row)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.list, 1)
        body.addLayout(right, 2)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(close)
        self.edits["employer_rfc"].textChanged.connect(self._check_rfc)
        self.reload()

    def reload(self, select: int | None = None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for w in service.list_workplaces(self.vault):
            item = QListWidgetItem(w.name)
            item.setData(256, w.id)
            self.list.addItem(item)
            if w.id == select:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if select is None:
            self.new()

    def _selected(self, item, _previous) -> None:
        if item is None:
            return
        wid = item.data(256)
        w = next(x for x in service.list_workplaces(self.vault) if x.id == wid)
        self.current = wid
        for f in FIELDS:
            self.edits[f].setText(getattr(w, f))
        self.state.setCurrentIndex(max(0, self.state.findData(w.state_code)))

    def new(self) -> None:
        self.current = None
        self.list.clearSelection()
        for e in self.edits.values():
            e.clear()
        self.state.setCurrentIndex(0)
        self.edits["name"].setFocus()

    def _check_rfc(self) -> None:
        p = check_rfc(self.edits["employer_rfc"].text())
        self.message.setText(p.message if p else "")

    def values(self) -> dict[str, str]:
        out = {f: self.edits[f].text() for f in FIELDS}
        out["state_code"] = self.state.currentData() or ""
        return out

    def save(self) -> int | None:
        data = self.values()
        try:
            if self.current is None:
                name = data.pop("name")
                wid = service.add_workplace(self.vault, name, **data)
            else:
                wid = self.current
                if not data["name"].strip():
                    raise UnionkitError(_("The workplace needs a name."))
                service.update_workplace(self.vault, wid, **data)
        except UnionkitError as exc:
            self.message.setText(exc.message)
            return None
        self.reload(select=wid)
        self.current = wid
        return wid
