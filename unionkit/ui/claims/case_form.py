"""The case editor: facility, petitioner, facts, requested action, laws cited, clocks and checks."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from unionkit.errors import UnionkitError
from unionkit.formatting import format_date
from unionkit.i18n import _
from unionkit.packets import cases, rrlm
from unionkit.packets.catalog import CASE_STATUSES, LFT_ARTICLES, SECTORS, SUBSECTORS, article_sort_key, label
from unionkit.ui import dialogs
from unionkit.ui.claims.widgets import FIELD_LABELS, OptionalDate, states

TEXT_FIELDS = ("title", "facility_name", "facility_legal_name", "facility_rfc", "facility_address",
               "facility_parent", "facility_products", "petitioner_name", "petitioner_contact",
               "petitioner_relationship")


class CaseForm(QWidget):
    saved = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.vault = None
        self.case_id: int | None = None
        self._snapshot: tuple | None = None
        self.edits = {name: QLineEdit() for name in TEXT_FIELDS}
        self.edits["facility_rfc"].setMaxLength(13)
        self.status = QComboBox()
        self.workplace = QComboBox()
        self._wp_rows: dict[int, tuple] = {}
        self.workplace.activated.connect(self._workplace_chosen)
        self.state = QComboBox()
        self.sector = QComboBox()
        self.subsector = QComboBox()
        self.headcount = QLineEdit()
        self.headcount.setMaximumWidth(120)
        self.us_trade = QPlainTextEdit()
        self.us_trade.setMaximumHeight(60)
        self.exports = QCheckBox()
        self.competes = QCheckBox()
        self.anonymous = QCheckBox()
        self.narrative = QPlainTextEdit()
        self.narrative.setMinimumHeight(120)
        self.requested = QPlainTextEdit()
        self.requested.setMaximumHeight(80)
        self.submitted = OptionalDate()
        self.review = OptionalDate()
        self.laws = QListWidget()
        self.laws.setMinimumHeight(160)
        self.checks = QLabel()
        self.checks.setWordWrap(True)
        self.checks.setTextFormat(Qt.TextFormat.RichText)
        self.save_btn = QPushButton()
        self.save_btn.clicked.connect(self.save)
        self.boxes = [QGroupBox() for _i in range(5)]
        forms = [QFormLayout(b) for b in self.boxes]
        self._rows: list[tuple[QFormLayout, QWidget, str]] = []
        e = self.edits
        for form, widget, key in [
            (forms[0], e["title"], "Title"), (forms[0], self.status, "Status"),
            (forms[1], self.workplace, "Workplace"), (forms[1], e["facility_name"], "Trade name"),
            (forms[1], e["facility_legal_name"], "Legal name"),
            (forms[1], e["facility_rfc"], "RFC"), (forms[1], e["facility_address"], "Address"),
            (forms[1], self.state, "State"), (forms[1], e["facility_parent"], "Parent company"),
            (forms[1], e["facility_products"], "Products or services"), (forms[1], self.sector, "Sector"),
            (forms[1], self.subsector, "US priority subsector"), (forms[1], self.headcount, "Headcount"),
            (forms[1], self.exports, "Exports to the US"), (forms[1], self.competes, "Competes with US goods"),
            (forms[1], self.us_trade, "Evidence of US trade"),
            (forms[2], self.anonymous, "Anonymous petition"), (forms[2], e["petitioner_name"], "Petitioner"),
            (forms[2], e["petitioner_contact"], "Contact"),
            (forms[2], e["petitioner_relationship"], "Relationship to the workers"),
            (forms[3], self.narrative, "Facts"), (forms[3], self.requested, "Requested action"),
            (forms[3], self.laws, "Laws cited (LFT)"),
            (forms[4], self.submitted, "Petition submitted on"), (forms[4], self.review, "Review requested on"),
        ]:
            lbl = QLabel()
            form.addRow(lbl, widget)
            self._rows.append((form, lbl, key))
        forms[4].addRow(self.checks)
        inner = QWidget()
        lay = QVBoxLayout(inner)
        for b in self.boxes:
            lay.addWidget(b)
        lay.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(self.save_btn)
        outer.addWidget(scroll)
        outer.addLayout(bar)
        self.retranslate()

    def retranslate(self) -> None:
        for box, title in zip(self.boxes, (_("Case"), _("Facility"), _("Petitioner"), _("Facts and law"),
                                           _("Clocks and checks")), strict=True):
            box.setTitle(title)
        for _form, lbl, key in self._rows:
            lbl.setText(FIELD_LABELS[key]())
        self.save_btn.setText(_("Save case"))
        self.narrative.setPlaceholderText(_("One paragraph per fact, in order. Use pseudonyms, not names."))
        self._fill_combos()
        if self.case_id is not None and self.vault is not None:
            self._refresh_checks()

    def _fill_combos(self) -> None:
        for combo, items in ((self.status, [(k, _(v)) for k, v in CASE_STATUSES.items()]),
                             (self.sector, [("", "—")] + [(k, _(v)) for k, v in SECTORS.items()]),
                             (self.subsector, [("", "—")] + [(k, _(v)) for k, v in SUBSECTORS.items()]),
                             (self.state, [("", "—")] + [(k, f"{k} {v}") for k, v in states().items()])):
            cur = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for key, text in items:
                combo.addItem(text, key)
            idx = combo.findData(cur)
            combo.setCurrentIndex(max(idx, 0))
            combo.blockSignals(False)
        checked = self._checked_laws()
        self.laws.clear()
        for key in sorted(LFT_ARTICLES, key=article_sort_key):
            item = QListWidgetItem(label(LFT_ARTICLES, key))
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if key in checked else Qt.CheckState.Unchecked)
            self.laws.addItem(item)

    def _checked_laws(self) -> list[str]:
        return [self.laws.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.laws.count())
                if self.laws.item(i).checkState() == Qt.CheckState.Checked]

    def _set_laws(self, arts: list[str]) -> None:
        for i in range(self.laws.count()):
            it = self.laws.item(i)
            it.setCheckState(Qt.CheckState.Checked if it.data(Qt.ItemDataRole.UserRole) in arts
                             else Qt.CheckState.Unchecked)

    def load(self, vault, case_id: int | None) -> None:
        self.vault, self.case_id = vault, case_id
        if vault is None or case_id is None:
            self.clear()
            return
        c = cases.get(vault, case_id)
        for name, edit in self.edits.items():
            edit.setText(getattr(c, name) or "")
        self._fill_workplaces(c.workplace_id)
        for combo, value in ((self.status, c.status), (self.sector, c.facility_sector),
                             (self.subsector, c.facility_subsector), (self.state, c.facility_state)):
            combo.setCurrentIndex(max(combo.findData(value), 0))
        self.headcount.setText("" if c.facility_headcount is None else str(c.facility_headcount))
        self.us_trade.setPlainText(c.facility_us_trade)
        self.exports.setChecked(bool(c.exports_to_us))
        self.competes.setChecked(bool(c.competes_in_us))
        self.anonymous.setChecked(bool(c.anonymous))
        self.narrative.setPlainText(c.narrative)
        self.requested.setPlainText(c.requested_action)
        self.submitted.set_value(c.submitted_at)
        self.review.set_value(c.review_requested_at)
        self._set_laws(cases.laws(vault, case_id))
        self._refresh_checks()
        self._snapshot = self._state()

    def _state(self) -> tuple:
        return (tuple(sorted((k, str(v)) for k, v in self.values().items())), tuple(self._checked_laws()))

    def is_dirty(self) -> bool:
        return self.case_id is not None and self._snapshot is not None and self._state() != self._snapshot

    def _fill_workplaces(self, current: int | None) -> None:
        self.workplace.clear()
        self.workplace.addItem("—", None)
        self._wp_rows = {r[0]: r for r in cases.workplaces(self.vault)} if self.vault is not None else {}
        for wid, row in self._wp_rows.items():
            self.workplace.addItem(row[1], wid)
        self.workplace.setCurrentIndex(max(self.workplace.findData(current), 0))

    def _workplace_chosen(self, _index: int) -> None:
        row = self._wp_rows.get(self.workplace.currentData())
        if row is None:
            return
        for name, value in (("facility_name", row[1]), ("facility_legal_name", row[2]), ("facility_rfc", row[3]),
                            ("facility_address", row[4])):
            if not self.edits[name].text().strip():
                self.edits[name].setText(value or "")
        if row[5] and not self.state.currentData():
            self.state.setCurrentIndex(max(self.state.findData(row[5]), 0))

    def clear(self) -> None:
        self.workplace.clear()
        self.case_id = None
        self._snapshot = None
        for edit in self.edits.values():
            edit.clear()
        for w in (self.us_trade, self.narrative, self.requested, self.headcount):
            w.clear()
        for cb in (self.exports, self.competes):
            cb.setChecked(False)
        self.submitted.set_value(None)
        self.review.set_value(None)
        self._set_laws([])
        self.checks.clear()

    def values(self) -> dict:
        v = {name: edit.text() for name, edit in self.edits.items()}
        v.update(status=self.status.currentData(), workplace_id=self.workplace.currentData(),
                 facility_sector=self.sector.currentData() or "",
                 facility_subsector=self.subsector.currentData() or "", facility_state=self.state.currentData() or "",
                 facility_headcount=self.headcount.text().strip() or None,
                 facility_us_trade=self.us_trade.toPlainText(), exports_to_us=self.exports.isChecked(),
                 competes_in_us=self.competes.isChecked(), anonymous=self.anonymous.isChecked(),
                 narrative=self.narrative.toPlainText(), requested_action=self.requested.toPlainText(),
                 submitted_at=self.submitted.value(), review_requested_at=self.review.value())
        return v

    def save(self) -> bool:
        if self.vault is None or self.case_id is None:
            return False
        try:
            cases.update(self.vault, self.case_id, **self.values())
            cases.set_laws(self.vault, self.case_id, self._checked_laws())
        except UnionkitError as exc:
            dialogs.error(self, _("Case not saved"), exc.message)
            return False
        self._refresh_checks()
        self._snapshot = self._state()
        self.saved.emit(self.case_id)
        return True

    def _refresh_checks(self) -> None:
        c = cases.get(self.vault, self.case_id)
        lines = [("✔ " if ch.ok else "✘ ") + ch.message for ch in rrlm.coverage_checks(c)]
        today = dt.date.today()
        for clock in rrlm.clocks(c):
            left = clock.days_left(today)
            lines.append("⏱ " + _("{step}: due {date} ({days} days left)").format(
                step=clock.label, date=format_date(clock.due), days=left))
        if not rrlm.clocks(c):
            lines.append(_("Set the submission date to start the ILC 30-day clock."))
        self.checks.setText("<br/>".join(lines))
