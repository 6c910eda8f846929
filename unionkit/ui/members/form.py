"""Detail form of one person: fields with inline validation, membership status and its history."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from unionkit.errors import UnionkitError
from unionkit.formatting import format_date
from unionkit.i18n import N_, _
from unionkit.members import service
from unionkit.members.model import status_label
from unionkit.members.service import PersonInvalid
from unionkit.members.validation import normalize_person, validate_person
from unionkit.ui import dialogs
from unionkit.vault import Vault

# field, label, kind ('text', 'date', 'sex', 'workplace', 'bool', 'notes')
FIELDS = (
    ("nombre", N_("Given name(s)"), "text"), ("primer_apellido", N_("First surname"), "text"),
    ("segundo_apellido", N_("Second surname"), "text"), ("curp", N_("CURP"), "text"),
    ("sex", N_("Sex"), "sex"), ("birth_date", N_("Birth date"), "date"), ("nss", N_("NSS (IMSS)"), "text"),
    ("rfc", N_("RFC"), "text"), ("workplace_id", N_("Workplace"), "workplace"),
    ("employee_no", N_("Employee number"), "text"), ("department", N_("Department"), "text"),
    ("shift", N_("Shift"), "text"), ("position", N_("Position"), "text"), ("hire_date", N_("Hire date"), "date"),
    ("confianza", N_("Confianza (management)"), "bool"), ("phone", N_("Phone"), "text"),
    ("email", N_("Email"), "text"), ("address", N_("Address"), "text"), ("notes", N_("Notes"), "notes"),
    ("is_member", N_("Member of the union"), "bool"), ("join_date", N_("Join date"), "date"),
)
NEW_ONLY = ("is_member", "join_date")  # afterwards through "Change status…" (kept in the history)
SEX_CHOICES = (("", N_("Not recorded")), ("H", N_("Man (H)")), ("M", N_("Woman (M)")), ("X", N_("Non-binary (X)")))
ERROR_STYLE = "color: #b00020;"
WARN_STYLE = "color: #8a5a00;"


class PersonForm(QWidget):
    """Edit or create a person. Emits ``saved(person_id)`` after a successful save."""

    saved = Signal(int)
    status_requested = Signal(int)
    optout_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault: Vault | None = None
        self._person_id: int | None = None
        self.widgets: dict[str, QWidget] = {}
        self.messages: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.heading.setWordWrap(True)
        outer.addWidget(self.heading)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        inner = QWidget()
        self.form = QFormLayout(inner)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, _label, kind in FIELDS:
            w = self._make_widget(name, kind)
            box = QVBoxLayout()
            box.setSpacing(1)
            box.addWidget(w)
            msg = QLabel()
            msg.setWordWrap(True)
            msg.hide()
            box.addWidget(msg)
            self.messages[name] = msg
            self.widgets[name] = w
            label = QLabel()
            self.labels[name] = label
            self.form.addRow(label, box)
        self.membership = QLabel()
        self.membership.setWordWrap(True)
        self.form.addRow(self.membership)
        self.history = QTableWidget(0, 3)
        self.history.verticalHeader().hide()
        self.history.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.history.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.history.setMinimumHeight(110)
        self.history_label = QLabel()
        self.form.addRow(self.history_label)
        self.form.addRow(self.history)
        self.optout_label = QLabel()
        self.optout_label.setWordWrap(True)
        self.form.addRow(self.optout_label)
        self.status_button = QPushButton()
        self.status_button.clicked.connect(lambda: self._person_id and self.status_requested.emit(self._person_id))
        self.optout_button = QPushButton()
        self.optout_button.clicked.connect(lambda: self._person_id and self.optout_requested.emit(self._person_id))
        actions = QHBoxLayout()
        actions.addWidget(self.status_button)
        actions.addWidget(self.optout_button)
        actions.addStretch(1)
        self.form.addRow(actions)
        scroll.setWidget(inner)
        outer.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        self.save_button = QPushButton()
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        outer.addLayout(buttons)
        self.retranslate()
        self.clear()

    def _make_widget(self, name: str, kind: str) -> QWidget:
        if kind == "sex":
            w = QComboBox()
            for code, _label in SEX_CHOICES:
                w.addItem("", code)
            w.currentIndexChanged.connect(lambda _i, n=name: self.validate_field(n))
            return w
        if kind == "workplace":
            w = QComboBox()
            w.currentIndexChanged.connect(lambda _i, n=name: self.validate_field(n))
            return w
        if kind == "bool":
            return QCheckBox()
        if kind == "notes":
            w = QPlainTextEdit()
            w.setFixedHeight(60)
            return w
        w = QLineEdit()
        if kind == "date":
            w.setPlaceholderText(_("dd/mm/yyyy"))
        if name == "curp":
            w.setMaxLength(18)
        w.textChanged.connect(lambda _t, n=name: self.validate_field(n))
        return w

    def retranslate(self) -> None:
        for name, label, _kind in FIELDS:
            self.labels[name].setText(_(label))
        sex = self.widgets["sex"]
        for i, (_code, label) in enumerate(SEX_CHOICES):
            sex.setItemText(i, _(label))
        self.history.setHorizontalHeaderLabels([_("Date"), _("Status"), _("Reason")])
        self.history_label.setText(_("Membership history"))
        self.save_button.setText(_("Save"))
        self.status_button.setText(_("Change status…"))
        self.optout_button.setText(_("Dues opt-out…"))
        self._update_heading()

    # ---------------------------------------------------------------- loading

    def set_vault(self, vault: Vault | None) -> None:
        self._vault = vault
        combo: QComboBox = self.widgets["workplace_id"]
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(_("(none)"), None)
        if vault is not None:
            for w in service.list_workplaces(vault):
                combo.addItem(w.name, w.id)
        combo.blockSignals(False)
        self.clear()

    def clear(self) -> None:
        """An empty form for a new person (also what is shown when the vault is locked)."""
        self._person_id = None
        for name, _label, kind in FIELDS:
            self._set_value(name, kind, None)
        self.history.setRowCount(0)
        self.membership.setText("")
        self.status_button.setEnabled(False)
        self.optout_button.setEnabled(False)
        self.optout_label.setText("")
        for name in NEW_ONLY:
            self.widgets[name].setEnabled(True)
        self._clear_messages()
        self._update_heading()

    def load(self, person_id: int) -> None:
        if self._vault is None:
            return
        p = service.get_person(self._vault, person_id)
        self._person_id = person_id
        for name, _label, kind in FIELDS:
            self._set_value(name, kind, getattr(p, name))
        self._clear_messages()
        if p.is_member:
            since = format_date(dt.date.fromisoformat(p.join_date)) if p.join_date else "—"
            self.membership.setText(_("Member since {date}. Status: {status}.").format(
                date=since, status=status_label(p.status)))
        else:
            self.membership.setText(_("Covered worker, not a member."))
        events = service.history(self._vault, person_id)
        self.history.setRowCount(len(events))
        for r, e in enumerate(events):
            label = _("Joined the union") if e.kind == "join" else status_label(e.status)
            for c, text in enumerate((format_date(dt.date.fromisoformat(e.event_date)), label, e.reason)):
                self.history.setItem(r, c, QTableWidgetItem(text))
        self.history.resizeColumnToContents(0)
        self.history.resizeColumnToContents(1)
        self.history.resizeRowsToContents()
        self.status_button.setEnabled(True)
        self.optout_button.setEnabled(True)
        self._show_optouts(person_id)
        for name in NEW_ONLY:
            self.widgets[name].setEnabled(False)
        self._update_heading(p.full_name)

    def _show_optouts(self, person_id: int) -> None:
        from unionkit.members.optouts import list_optouts

        lines = []
        for o in list_optouts(self._vault, person_id):
            text = _("Dues opt-out (art. 110-VI) signed {date}").format(
                date=format_date(dt.date.fromisoformat(o.statement_date)))
            if o.sent_to_employer_date:
                text += ", " + _("sent to the employer {date}").format(
                    date=format_date(dt.date.fromisoformat(o.sent_to_employer_date)))
            if o.revoked_date:
                text += ", " + _("withdrawn {date}").format(date=format_date(dt.date.fromisoformat(o.revoked_date)))
            lines.append(text + ".")
        self.optout_label.setText("\n".join(lines))

    def person_id(self) -> int | None:
        return self._person_id

    def _update_heading(self, name: str = "") -> None:
        self.heading.setText(name if self._person_id else _("New person"))

    def _set_value(self, name: str, kind: str, value) -> None:
        w = self.widgets[name]
        if kind in ("sex", "workplace"):
            i = w.findData(value if value not in (None, "") or kind == "workplace" else "")
            w.setCurrentIndex(max(i, 0))
        elif kind == "bool":
            w.setChecked(bool(value))
        elif kind == "notes":
            w.setPlainText(value or "")
        elif kind == "date":
            w.setText(format_date(dt.date.fromisoformat(value)) if value else "")
        else:
            w.setText(value or "")

    # ---------------------------------------------------------------- values and validation

    def values(self) -> dict:
        out: dict = {}
        for name, _label, kind in FIELDS:
            w = self.widgets[name]
            if kind in ("sex", "workplace"):
                out[name] = w.currentData()
            elif kind == "bool":
                out[name] = 1 if w.isChecked() else 0
            elif kind == "notes":
                out[name] = w.toPlainText()
            else:
                out[name] = w.text()
        return out

    def problems(self) -> tuple[dict[str, str], dict[str, str]]:
        data = normalize_person(self.values())
        errors, warnings = validate_person(data)
        if not data.get("nombre"):
            errors["nombre"] = _("The given name is required.")
        return errors, warnings

    def validate_field(self, name: str) -> None:
        if name not in self.messages:
            return
        errors, warnings = self.problems()
        self._show(name, errors.get(name), warnings.get(name))
        self.save_button.setEnabled(not errors)

    def validate_all(self) -> bool:
        errors, warnings = self.problems()
        for name in self.messages:
            self._show(name, errors.get(name), warnings.get(name))
        self.save_button.setEnabled(not errors)
        return not errors

    def _show(self, name: str, error: str | None, warning: str | None) -> None:
        msg = self.messages[name]
        text = error or warning or ""
        msg.setText(text)
        msg.setStyleSheet(ERROR_STYLE if error else WARN_STYLE)
        msg.setVisible(bool(text))

    def _clear_messages(self) -> None:
        for msg in self.messages.values():
            msg.hide()
        self.save_button.setEnabled(True)

    def save(self) -> int | None:
        if self._vault is None or not self.validate_all():
            return None
        data = self.values()
        try:
            if self._person_id is None:
                pid = service.add_person(self._vault, data)
            else:
                pid = self._person_id
                service.update_person(self._vault, pid, {k: v for k, v in data.items() if k not in NEW_ONLY})
        except PersonInvalid as exc:
            for name, message in exc.errors.items():
                if name in self.messages:
                    self._show(name, message, None)
            return None
        except UnionkitError as exc:
            dialogs.error(self, _("Could not save"), exc.message)
            return None
        self.load(pid)
        self.saved.emit(pid)
        return pid

