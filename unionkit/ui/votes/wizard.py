"""The consultation setup wizard: what is voted, who votes (the frozen roll), when and where."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWizard,
    QWizardPage,
)

from unionkit.i18n import _
from unionkit.votes import consultations


def _date_edit(d: dt.date) -> QDateEdit:
    e = QDateEdit(QDate(d.year, d.month, d.day))
    e.setCalendarPopup(True)
    e.setDisplayFormat("dd/MM/yyyy")
    return e


def _py(e: QDateEdit) -> dt.date:
    q = e.date()
    return dt.date(q.year(), q.month(), q.day())


class SetupWizard(QWizard):
    def __init__(self, parent=None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        today = today or dt.date.today()
        self.setWindowTitle(_("New consultation"))
        # page 1: what
        p1 = QWizardPage()
        p1.setTitle(_("What is voted"))
        f1 = self._f1 = QFormLayout(p1)
        self.kind = QComboBox()
        for key, label in consultations.KINDS.items():
            self.kind.addItem(_(label), key)
        self.title_edit = QLineEdit()
        self.employer = QLineEdit()
        self.cct_ref = QLineEdit()
        self.options = QPlainTextEdit()
        self.options.setMaximumHeight(110)
        self.options.setPlaceholderText(_("One per line: the contending unions."))
        self.options_hint = QLabel()
        self.options_hint.setWordWrap(True)
        f1.addRow(_("Kind"), self.kind)
        f1.addRow(_("Title"), self.title_edit)
        f1.addRow(_("Employer"), self.employer)
        f1.addRow(_("CCT / agreement"), self.cct_ref)
        self.options_label = QLabel(_("Options"))
        f1.addRow(self.options_label, self.options)
        f1.addRow(self.options_hint)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.rule = QComboBox()
        for key, label in ((None, _("Vault default")), ("valid", _("Majority of valid votes")),
                           ("cast", _("Majority of votes cast")), ("padron", _("Majority of the whole roll"))):
            self.rule.addItem(label, key)
        self.nulls = QCheckBox(_("Null ballots count toward the 30 % turnout floor (representation)"))
        self.nulls.setChecked(True)
        rule_note = self._rule_note = QLabel(_(
            "The law does not say which base decides (LFT 390 Ter) nor whether null ballots "
            "count as voters (390 Bis): the result always shows every reading."))
        rule_note.setWordWrap(True)
        f1.addRow(_("Decision base (approval)"), self.rule)
        f1.addRow(self.nulls)
        f1.addRow(rule_note)
        # page 2: who
        p2 = QWizardPage()
        p2.setTitle(_("Who votes: the roll"))
        f2 = QFormLayout(p2)
        self.cutoff = _date_edit(today)
        self.check_dues = QCheckBox(_("Only members in good standing with their dues (statutes)"))
        self.quorum_num = QSpinBox()
        self.quorum_den = QSpinBox()
        self.quorum_den.setRange(1, 100)
        self.quorum_den.setValue(2)
        # page 1b (elections only): slates, their candidates in seat order, and the seats
        self.slates_page = SlatesPage()
        self.slate_editor = self.slates_page.editor
        self.seats = self.slates_page.seats
        note = QLabel(_("The roll is frozen from the member register on the cut-off date (the filing or "
                        "emplazamiento date). Confianza workers and later hires are excluded; each exclusion is "
                        "listed with its reason."))
        note.setWordWrap(True)
        f2.addRow(note)
        f2.addRow(_("Cut-off date"), self.cutoff)
        self.roll_file = QLineEdit()
        self.roll_file.setPlaceholderText(_("Empty: from the member register"))
        browse = QPushButton(_("Roster file…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.roll_file, 1)
        row.addWidget(browse)
        f2.addRow(_("Roll from a file"), row)
        f2.addRow(self.check_dues)
        f2.addRow(_("Quorum (elections, from the statutes): numerator"), self.quorum_num)
        f2.addRow(_("Quorum: denominator"), self.quorum_den)
        self.race = QComboBox()
        from unionkit.votes.union_elections import RACES

        for key, label in RACES.items():
            self.race.addItem(_(label), key)
        race_note = QLabel(_("Each race is a separate ballot: the Secretary General is elected separately from "
                             "delegates (LFT 371 IX)."))
        race_note.setWordWrap(True)
        f2.addRow(_("Race (elections)"), self.race)
        f2.addRow(race_note)
        # page 3: when and where
        p3 = QWizardPage()
        p3.setTitle(_("When and where"))
        f3 = QFormLayout(p3)
        self.vote_date = _date_edit(today + dt.timedelta(days=14))
        self.convocatoria = _date_edit(today + dt.timedelta(days=1))
        self.aviso = _date_edit(today)
        self.vote_time = QLineEdit("08:00")
        self.place = QLineEdit()
        self.booths = QSpinBox()
        self.booths.setRange(1, 200)
        f3.addRow(_("Vote date"), self.vote_date)
        f3.addRow(_("Time"), self.vote_time)
        f3.addRow(_("Place"), self.place)
        f3.addRow(_("Convocatoria date"), self.convocatoria)
        f3.addRow(_("Notice to the CFCRL"), self.aviso)
        f3.addRow(_("Booths"), self.booths)
        for p in (p1, self.slates_page, p2, p3):
            self.addPage(p)
        self._kind_changed()

    def nextId(self) -> int:  # noqa: N802 (Qt's name)
        """The slates page only for union elections."""
        if self.currentPage() is self.page(0) and self.kind.currentData() != "election":
            return 2
        return super().nextId()

    def _kind_changed(self, *_args) -> None:
        kind = self.kind.currentData()
        is_election = kind == "election"
        self.options.setVisible(not is_election and kind in ("representation",))
        self.options_label.setVisible(self.options.isVisible())
        approval = consultations.tally_kind(kind) == consultations.APPROVAL
        for w, shown in ((self.rule, approval), (self.nulls, kind == "representation"),
                         (self._rule_note, approval or kind == "representation")):
            self._f1.setRowVisible(w, shown)
        self.options_hint.setText(
            _("Slates and their candidates are entered on the next page.") if is_election else
            _("Approval votes always have the options YES and NO.") if kind != "representation" else "")
    def _browse(self) -> None:
        from unionkit.ui import dialogs

        path = dialogs.choose_open_file(self, _("Roster file…"), filters="CSV / Excel (*.csv *.txt *.xlsx)")
        if path is not None:
            self.roll_file.setText(str(path))

    def fields(self) -> dict:
        kind = self.kind.currentData()
        options = [x.strip() for x in self.options.toPlainText().splitlines() if x.strip()] \
            if kind == "representation" else []
        out = {"kind": kind, "title": self.title_edit.text(), "cutoff": _py(self.cutoff),
               "booths": self.booths.value(), "options": options or None, "employer": self.employer.text(),
               "cct_ref": self.cct_ref.text(), "place": self.place.text(), "vote_time": self.vote_time.text(),
               "vote_date": _py(self.vote_date), "convocatoria_date": _py(self.convocatoria)}
        if kind in ("initial_cct", "revision", "termination", "legitimation"):
            out["aviso_date"] = _py(self.aviso)
        if self.rule.currentData():
            out["rule"] = self.rule.currentData()
        if self.roll_file.text().strip():
            out["roll_file"] = self.roll_file.text().strip()
        if kind == "representation" and not self.nulls.isChecked():
            out["settings"] = {"nulls_in_turnout": False}
        if kind == "election":
            out["slates"] = self.slate_editor.slates()
            out["options"] = [name for name, _people in out["slates"]]
            out["check_dues"] = self.check_dues.isChecked()
            out["seats"] = self.seats.value()
            out["race"] = self.race.currentData()
            if self.quorum_num.value():
                out["settings"] = {"quorum": [self.quorum_num.value(), self.quorum_den.value()]}
        return out


class SlatesPage(QWizardPage):
    """Union elections: the slates that registered, their candidates and the seats to fill."""

    def __init__(self) -> None:
        super().__init__()
        from unionkit.ui.votes.slate_editor import SlateEditor

        self.setTitle(_("Slates and candidates"))
        self.setSubTitle(_("Each slate with its candidates in seat order; the roll's share of women decides how "
                           "many seats each gender should hold (LFT 371 IX Bis)."))
        self.editor = SlateEditor()
        self.seats = QSpinBox()
        self.seats.setRange(0, 200)
        self.seats.setSpecialValueText(_("as many as candidates"))
        self.seats.valueChanged.connect(self.editor.set_seats)
        self.editor.changed.connect(self.completeChanged)
        lay = QFormLayout(self)
        lay.addRow(_("Seats (elections)"), self.seats)
        lay.addRow(self.editor)

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        return self.editor.problem() is None
