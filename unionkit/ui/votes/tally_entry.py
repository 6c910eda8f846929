"""Tally entry: each booth's sheet is captured twice, side by side; differences are highlighted, the
live totals follow every keystroke, and closing stays blocked until every booth agrees (DOMAIN §2)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from unionkit.errors import UnionkitError
from unionkit.i18n import _, ngettext
from unionkit.reports.votes_common import option_label
from unionkit.ui import dialogs
from unionkit.vault import Vault
from unionkit.votes import consultations
from unionkit.votes.tally import Sheet, ballot_errors

MISMATCH = "QSpinBox { background: #f8d7da; }"
BALLOT_FIELDS = ("received", "unused", "cancelled")


class SheetForm(QGroupBox):
    """One capture of a booth sheet: a spin box per option, nulls, blanks and ballot accounting."""

    changed = Signal()

    def __init__(self, entry: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        self.form = QFormLayout(self)
        self.by = QLineEdit()
        self.spins: dict[str, QSpinBox] = {}
        self.totals = QLabel()
        self.totals.setObjectName(f"totals{entry}")

    def build(self, options: list[str]) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.by = QLineEdit()
        self.spins = {}
        self.setTitle(_("Entry {n}").format(n=self.entry))
        self.form.addRow(_("Entered by"), self.by)
        labels = {o: _("Votes for {option}").format(option=option_label(o)) for o in options}
        labels.update({"null": _("Null ballots"), "blank": _("Blank ballots"), "received": _("Ballots received"),
                       "unused": _("Ballots unused"), "cancelled": _("Ballots cancelled")})
        for key, label in labels.items():
            s = QSpinBox()
            s.setRange(-1 if key in BALLOT_FIELDS else 0, 10_000_000)
            if key in BALLOT_FIELDS:
                s.setSpecialValueText("—")
                s.setValue(-1)
            s.setObjectName(f"e{self.entry}_{key}")
            s.valueChanged.connect(self.changed)
            self.spins[key] = s
            self.form.addRow(label, s)
        self.totals = QLabel()
        self.totals.setObjectName(f"totals{self.entry}")
        self.form.addRow(self.totals)

    def set_sheet(self, sheet: Sheet | None, entered_by: str = "") -> None:
        for key, s in self.spins.items():
            s.blockSignals(True)
            if sheet is None:
                s.setValue(-1 if key in BALLOT_FIELDS else 0)
            elif key in sheet.options:
                s.setValue(sheet.options[key])
            else:
                v = getattr(sheet, key, None)
                s.setValue(-1 if v is None else v)
            s.blockSignals(False)
        self.by.setText(entered_by)

    def values(self) -> dict[str, int | None]:
        return {k: (None if k in BALLOT_FIELDS and s.value() < 0 else s.value()) for k, s in self.spins.items()}

    def sheet(self, code: str, options: list[str], padron: int | None) -> Sheet:
        v = self.values()
        return Sheet(code, {o: v[o] or 0 for o in options}, v["null"] or 0, v["blank"] or 0, v["received"],
                     v["unused"], v["cancelled"], padron)


class TallyEntry(QWidget):
    closed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault: Vault | None = None
        self.cid: int | None = None
        self.options: list[str] = []
        self._booths: list[dict] = []
        self.booth_list = QListWidget()
        self.booth_list.setMaximumWidth(190)
        self.booth_list.currentRowChanged.connect(self._load_booth)
        self.forms = (SheetForm(1), SheetForm(2))
        for f in self.forms:
            f.changed.connect(self._refresh_live)
        self.diff_label = QLabel()
        self.diff_label.setWordWrap(True)
        self.save_btn = QPushButton()
        self.save_btn.clicked.connect(self.save_booth)
        self.close_btn = QPushButton()
        self.close_btn.clicked.connect(self.close_tally)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setObjectName("problems")
        sheets = QHBoxLayout()
        sheets.addWidget(self.forms[0])
        sheets.addWidget(self.forms[1])
        right = QVBoxLayout()
        right.addLayout(sheets)
        right.addWidget(self.diff_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_btn)
        buttons.addStretch(1)
        buttons.addWidget(self.close_btn)
        right.addLayout(buttons)
        right.addWidget(self.problems)
        right.addStretch(1)
        lay = QHBoxLayout(self)
        lay.addWidget(self.booth_list)
        lay.addLayout(right, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.save_btn.setText(_("Save both entries of this booth"))
        self.close_btn.setText(_("Close the tally"))
        for f in self.forms:
            f.setTitle(_("Entry {n}").format(n=f.entry))

    def clear(self) -> None:
        self.vault, self.cid, self.options, self._booths = None, None, [], []
        self.booth_list.clear()
        for f in self.forms:
            f.build([])
        self.problems.clear()
        self.diff_label.clear()
        self.close_btn.setEnabled(False)
        self.save_btn.setEnabled(False)

    def load(self, vault: Vault, cid: int) -> None:
        self.vault, self.cid = vault, cid
        c = consultations.get(vault, cid)
        self.options = c["options"]
        for f in self.forms:
            f.build(self.options)
        self._reload_booths()
        editable = c["status"] != "closed"
        self.save_btn.setEnabled(editable and bool(self._booths))
        for f in self.forms:
            f.setEnabled(editable)

    def _reload_booths(self, keep: int = 0) -> None:
        assert self.vault is not None and self.cid is not None
        status = consultations.booth_status(self.vault, self.cid)
        self._booths = status
        self.booth_list.blockSignals(True)
        self.booth_list.clear()
        for b in status:
            mark = "✓" if b["ready"] else ("≠" if b["diffs"] else "…")
            self.booth_list.addItem(QListWidgetItem(_("Booth {code}").format(code=b["code"]) + f"  {mark}"))
        self.booth_list.blockSignals(False)
        if status:
            self.booth_list.setCurrentRow(min(keep, len(status) - 1))
            self._load_booth(self.booth_list.currentRow())
        self._refresh_closing()

    def _load_booth(self, row: int) -> None:
        if not (0 <= row < len(self._booths)):
            return
        b = self._booths[row]
        self.forms[0].set_sheet(b["entry1"], b["by1"])
        self.forms[1].set_sheet(b["entry2"], b["by2"])
        self._refresh_live()

    def current_booth(self) -> dict | None:
        row = self.booth_list.currentRow()
        return self._booths[row] if 0 <= row < len(self._booths) else None

    def _refresh_live(self) -> None:
        b = self.current_booth()
        if b is None:
            return
        v1, v2 = self.forms[0].values(), self.forms[1].values()
        diffs = [k for k in v1 if v1[k] != v2.get(k)]
        for f in self.forms:
            for k, s in f.spins.items():
                s.setStyleSheet(MISMATCH if k in diffs else "")
        for f in self.forms:
            s = f.sheet(b["code"], self.options, b["padron"])
            errs = ballot_errors(s)
            f.totals.setText(_("Cast: {cast} · valid: {valid} · roll of this booth: {padron}").format(
                cast=s.cast, valid=s.valid, padron=b["padron"]) + ("\n⚠ " + "\n⚠ ".join(errs) if errs else ""))
        self.diff_label.setText(ngettext("The two entries differ in {n} field (highlighted).",
                                         "The two entries differ in {n} fields (highlighted).",
                                         len(diffs)).format(n=len(diffs))
                                if diffs else _("Both entries agree."))

    def save_booth(self) -> None:
        b = self.current_booth()
        if b is None or self.vault is None:
            return
        try:
            for f in self.forms:
                v = f.values()
                consultations.save_sheet(self.vault, b["id"], f.entry, {o: v[o] or 0 for o in self.options},
                                         null=v["null"] or 0, blank=v["blank"] or 0, received=v["received"],
                                         unused=v["unused"], cancelled=v["cancelled"], entered_by=f.by.text())
        except UnionkitError as exc:
            dialogs.error(self, _("Tally"), exc.message)
            return
        self._reload_booths(self.booth_list.currentRow())

    def _refresh_closing(self) -> None:
        if self.vault is None or self.cid is None:
            return
        c = consultations.get(self.vault, self.cid)
        if c["status"] == "closed":
            self.problems.setText(_("The tally is closed. SHA-256 of the tally data: {sha}").format(
                sha=c["tally_sha256"]))
            self.close_btn.setEnabled(False)
            return
        problems = consultations.closing_problems(self.vault, self.cid)
        self.problems.setText("\n".join("• " + p for p in problems) if problems
                              else _("Every booth agrees: the tally can be closed."))
        self.close_btn.setEnabled(not problems)

    def close_tally(self) -> None:
        if self.vault is None or self.cid is None:
            return
        try:
            consultations.close(self.vault, self.cid)
        except UnionkitError as exc:
            dialogs.error(self, _("Tally"), exc.message)
            self._refresh_closing()
            return
        self.load(self.vault, self.cid)
        self.closed.emit(self.cid)
