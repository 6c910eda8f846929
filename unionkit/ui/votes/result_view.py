"""The result screen: outcome, votes per option, the three bases side by side, warnings, date checks and
the documents (convocatoria, roll by booth, tally sheets, acta, public notice, CFCRL notice)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from unionkit.errors import UnionkitError
from unionkit.formatting import format_date, format_int
from unionkit.i18n import _
from unionkit.reports.votes_common import option_label, outcome_label
from unionkit.ui import dialogs
from unionkit.ui.votes.models import RowsModel
from unionkit.vault import Vault
from unionkit.votes import consultations

DOCS = ("convocatoria", "roll", "tally-sheet", "acta", "notice", "cfcrl")


def _date_edit() -> QDateEdit:
    e = QDateEdit()
    e.setCalendarPopup(True)
    e.setDisplayFormat("dd/MM/yyyy")
    return e


def doc_label(which: str) -> str:
    return {"convocatoria": _("Convocatoria"), "roll": _("Roll by booth"), "tally-sheet": _("Tally sheets"),
            "acta": _("Acta"), "notice": _("Public result notice"), "cfcrl": _("CFCRL notice")}[which]


class ResultView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault: Vault | None = None
        self.cid: int | None = None
        self.outcome = QLabel()
        self.outcome.setObjectName("outcome")
        self.outcome.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.options_model = RowsModel(lambda: [_("Option"), _("Votes")])
        self.bases_model = RowsModel(lambda: [_("Base"), _("YES / base"), _("Share"), _("Decision")])
        self.dates_model = RowsModel(lambda: [_("Rule"), _("Status"), _("Safe date"), _("Detail")])
        views = []
        for m in (self.options_model, self.bases_model, self.dates_model):
            v = QTableView()
            v.setModel(m)
            v.setSortingEnabled(True)
            v.verticalHeader().hide()
            v.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            v.horizontalHeader().setStretchLastSection(True)
            views.append(v)
        self.warnings = QLabel()
        self.warnings.setObjectName("warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("color: #8a1c1c;")
        # after the vote: when the result was posted and notified (LFT 390 Ter II e), f)
        self.posted = _date_edit()
        self.notified = _date_edit()
        self.record_btn = QPushButton()
        self.record_btn.clicked.connect(self.record_dates)
        self.posted_label, self.notified_label = QLabel(), QLabel()
        after = QHBoxLayout()
        for w in (self.posted_label, self.posted, self.notified_label, self.notified, self.record_btn):
            after.addWidget(w)
        after.addStretch(1)
        self.doc_buttons: dict[str, QPushButton] = {}
        docs = QHBoxLayout()
        for which in DOCS:
            b = QPushButton()
            b.clicked.connect(lambda _c=False, w=which: self.write_doc(w))
            self.doc_buttons[which] = b
            docs.addWidget(b)
        docs.addStretch(1)
        grid = QGridLayout()
        grid.addWidget(views[0], 0, 0)
        grid.addWidget(views[1], 0, 1)
        grid.setColumnStretch(1, 2)
        lay = QVBoxLayout(self)
        lay.addWidget(self.outcome)
        lay.addWidget(self.summary)
        lay.addLayout(grid, 2)
        lay.addWidget(self.warnings)
        lay.addWidget(views[2], 2)
        lay.addLayout(after)
        lay.addLayout(docs)
        self.retranslate()

    def retranslate(self) -> None:
        self.posted_label.setText(_("Result posted on"))
        self.notified_label.setText(_("CFCRL notified on"))
        self.record_btn.setText(_("Record dates"))
        for which, b in self.doc_buttons.items():
            b.setText(doc_label(which) + "…")

    def clear(self) -> None:
        self.vault = self.cid = None
        for m in (self.options_model, self.bases_model, self.dates_model):
            m.clear()
        self.outcome.clear()
        self.summary.clear()
        self.warnings.clear()

    def load(self, vault: Vault, cid: int) -> None:
        self.vault, self.cid = vault, cid
        c = consultations.get(vault, cid)
        try:
            res = json.loads(c["result"]) if c["result"] else consultations.compute_result(vault, cid).to_json()
        except UnionkitError as exc:
            self.clear()
            self.vault, self.cid = vault, cid
            self.outcome.setText(_("The sheets entered so far are inconsistent."))
            self.warnings.setText(exc.message)
            return
        closed = c["status"] == "closed"
        self.outcome.setText(outcome_label(res["outcome"], res.get("winner"))
                             + ("" if closed else "  " + _("(provisional: entry 1 of each booth)")))
        self.summary.setText(_("Roll {padron} · cast {cast} ({pct} %) · valid {valid} · null {null}").format(
            padron=format_int(res["padron"]), cast=format_int(res["cast"]), pct=res["turnout_pct"],
            valid=format_int(res["valid"]), null=format_int(res["null"])))
        self.options_model.set_rows([[option_label(k), v] for k, v in res["options"].items()], numeric=[1])
        labels = {"valid": _("Valid votes"), "cast": _("Votes cast"), "padron": _("Whole roll"),
                  "turnout_cast": _("Turnout (null ballots counted)"),
                  "turnout_valid": _("Turnout (valid votes only)"), "quorum": _("Statutory quorum")}
        rows, flags = [], []
        for base, v in res.get("bases", {}).items():
            label = labels.get(base, base) + (" ★" if base == res.get("rule") else "")
            frac = f"{v['yes']} / {v['of']}" if "yes" in v else ""
            rows.append([label, frac, f"{v['pct']} %", _("passes") if v["passes"] else _("does not pass")])
            flags.append(not v["passes"])
        self.bases_model.set_rows(rows, flagged=flags, numeric=[1, 2])
        self.warnings.setText("\n".join("⚠ " + w for w in res.get("warnings", [])))
        checks = consultations.date_checks(vault, cid)
        state = {True: _("met"), False: _("NOT met"), None: _("not recorded")}
        self.dates_model.set_rows([[ch.label, state[ch.ok], format_date(ch.safe_date), ch.detail] for ch in checks],
                                  flagged=[ch.ok is False for ch in checks])
        for which in ("notice", "cfcrl"):
            self.doc_buttons[which].setEnabled(closed)
        for edit, key in ((self.posted, "results_posted_date"), (self.notified, "cfcrl_notice_date")):
            d = dt.date.fromisoformat(c[key] or c["vote_date"] or dt.date.today().isoformat())
            edit.setDate(QDate(d.year, d.month, d.day))
        self.record_btn.setEnabled(bool(c["vote_date"]))

    def record_dates(self) -> None:
        if self.vault is None or self.cid is None:
            return

        def py(e: QDateEdit) -> dt.date:
            q = e.date()
            return dt.date(q.year(), q.month(), q.day())

        consultations.update(self.vault, self.cid, results_posted_date=py(self.posted),
                             cfcrl_notice_date=py(self.notified))
        self.load(self.vault, self.cid)

    def write_doc(self, which: str) -> None:
        if self.vault is None or self.cid is None:
            return
        folder = dialogs.choose_folder(self, _("Where should the PDF be saved?"))
        if folder is None:
            return
        from unionkit import i18n
        from unionkit.reports.votes_documents import write_document

        out = Path(folder) / f"{which}-{self.cid}.pdf"
        try:
            write_document(self.vault, self.cid, which, out, "en" if i18n.language() == "en" else "es")
        except UnionkitError as exc:
            dialogs.error(self, doc_label(which), exc.message)
            return
        dialogs.info(self, doc_label(which), _("Saved: {path}").format(path=str(out)))
