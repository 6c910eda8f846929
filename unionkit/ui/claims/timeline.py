"""The case timeline (events), the affected workers linked from the register, and domestic filings."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from unionkit.errors import UnionkitError
from unionkit.i18n import _
from unionkit.packets import cases
from unionkit.ui import dialogs
from unionkit.ui.claims.models import RowsModel, iso_to_display


def table(model: RowsModel) -> QTableView:
    v = QTableView()
    v.setModel(model)
    v.setSortingEnabled(True)
    v.verticalHeader().hide()
    v.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    v.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    v.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    v.horizontalHeader().setStretchLastSection(True)
    v.setWordWrap(True)
    return v


def date_edit() -> QDateEdit:
    d = QDateEdit()
    d.setCalendarPopup(True)
    d.setDisplayFormat("dd/MM/yyyy")
    d.setDate(QDate.currentDate())
    return d


class TimelineWidget(QWidget):
    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.vault = None
        self.case_id: int | None = None
        self.events = RowsModel(lambda: [_("Date"), _("Actors"), _("What happened"), _("Affected")])
        self.workers = RowsModel(lambda: [_("Pseudonym"), _("Name"), _("CURP"), _("Role in the case")])
        self.filings = RowsModel(lambda: [_("Authority"), _("Filing"), _("Folio"), _("Filed on"), _("Status")])
        self.ev_view, self.wk_view, self.fl_view = table(self.events), table(self.workers), table(self.filings)
        for view, col in ((self.ev_view, 2), (self.fl_view, 1)):
            view.horizontalHeader().setStretchLastSection(False)
            view.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
            view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.ev_date, self.fl_date = date_edit(), date_edit()
        self.ev_actors, self.ev_text, self.ev_affected = QLineEdit(), QLineEdit(), QLineEdit()
        self.ev_affected.setMaximumWidth(140)
        self.ev_actors.setMinimumWidth(150)
        self.ev_affected.setMinimumWidth(90)
        self.curp, self.role = QLineEdit(), QLineEdit()
        self.curp.setMaxLength(18)
        self.fl_authority, self.fl_kind, self.fl_folio, self.fl_status = (QLineEdit(), QLineEdit(), QLineEdit(),
                                                                          QLineEdit())
        self.fl_authority.setMinimumWidth(110)
        self.fl_status.setMinimumWidth(90)
        self.add_ev, self.del_ev = QPushButton(), QPushButton()
        self.add_wk, self.del_wk = QPushButton(), QPushButton()
        self.add_fl, self.del_fl = QPushButton(), QPushButton()
        self.add_ev.clicked.connect(self.add_event)
        self.del_ev.clicked.connect(self.delete_event)
        self.add_wk.clicked.connect(self.add_worker)
        self.del_wk.clicked.connect(self.remove_worker)
        self.add_fl.clicked.connect(self.add_filing)
        self.del_fl.clicked.connect(self.delete_filing)
        self.ev_text.returnPressed.connect(self.add_event)
        self.curp.returnPressed.connect(self.add_worker)
        self.boxes = [QGroupBox() for _i in range(3)]
        rows = [  # (view, [input rows]): the free-text field gets a row of its own
            (self.ev_view, [[self.ev_text], [self.ev_date, self.ev_actors, self.ev_affected, self.add_ev,
                                             self.del_ev]]),
            (self.wk_view, [[self.curp, self.role, self.add_wk, self.del_wk]]),
            (self.fl_view, [[self.fl_kind], [self.fl_authority, self.fl_folio, self.fl_date, self.fl_status,
                                             self.add_fl, self.del_fl]]),
        ]
        lay = QVBoxLayout(self)
        for box, (view, bars) in zip(self.boxes, rows, strict=True):
            bl = QVBoxLayout(box)
            bl.addWidget(view)
            for widgets in bars:
                bar = QHBoxLayout()
                for w in widgets:
                    bar.addWidget(w, 0 if isinstance(w, QPushButton) else 1)
                bl.addLayout(bar)
            lay.addWidget(box, 3 if view is self.ev_view else 2)
        self.retranslate()

    def retranslate(self) -> None:
        for box, title in zip(self.boxes, (_("Timeline"), _("Affected workers (from the register)"),
                                           _("Domestic filings (CFCRL, labor court)")), strict=True):
            box.setTitle(title)
        self.ev_actors.setPlaceholderText(_("Who"))
        self.ev_actors.setToolTip(_("Who (e.g. HR manager)"))
        self.ev_text.setPlaceholderText(_("What happened (use pseudonyms, not names)"))
        self.ev_affected.setPlaceholderText(_("Affected"))
        self.ev_affected.setToolTip(_("Affected (count)"))
        self.curp.setPlaceholderText(_("CURP"))
        self.curp.setToolTip(_("CURP of a worker on the register"))
        self.role.setPlaceholderText(_("Role in the case"))
        self.role.setToolTip(_("Role (e.g. dismissed, witness)"))
        self.fl_authority.setPlaceholderText(_("Authority"))
        self.fl_kind.setPlaceholderText(_("Filing"))
        self.fl_folio.setPlaceholderText(_("Folio"))
        self.fl_status.setPlaceholderText(_("Status"))
        for b, t in ((self.add_ev, _("Add event")), (self.del_ev, _("Delete")), (self.add_wk, _("Link worker")),
                     (self.del_wk, _("Unlink")), (self.add_fl, _("Add filing")), (self.del_fl, _("Delete"))):
            b.setText(t)
        for m in (self.events, self.workers, self.filings):
            m.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, m.columnCount() - 1)

    def load(self, vault, case_id: int | None) -> None:
        self.vault, self.case_id = vault, case_id
        if vault is None or case_id is None:
            for m in (self.events, self.workers, self.filings):
                m.clear()
            return
        evs = cases.events(vault, case_id)
        self.events.set_rows([[e.event_date, e.actors, e.text, e.affected] for e in evs], [e.id for e in evs],
                             formatters={0: iso_to_display})
        wks = cases.workers(vault, case_id)
        self.workers.set_rows([[w.pseudonym, w.name, w.curp, w.role] for w in wks], [w.person_id for w in wks])
        fls = cases.filings(vault, case_id)
        self.filings.set_rows([[f.authority, f.kind, f.folio, f.filed_at, f.status] for f in fls],
                              [f.id for f in fls], formatters={3: iso_to_display})

    def _run(self, title: str, fn) -> bool:
        if self.vault is None or self.case_id is None:
            return False
        try:
            fn()
        except UnionkitError as exc:
            dialogs.error(self, title, exc.message)
            return False
        self.load(self.vault, self.case_id)
        self.changed.emit()
        return True

    def add_event(self) -> None:
        date = self.ev_date.date().toString("yyyy-MM-dd")
        if self._run(_("Event not added"), lambda: cases.add_event(
                self.vault, self.case_id, date, self.ev_text.text(), actors=self.ev_actors.text(),
                affected=self.ev_affected.text())):
            for w in (self.ev_text, self.ev_actors, self.ev_affected):
                w.clear()

    def _selected(self, view: QTableView, model: RowsModel):
        idx = view.currentIndex()
        return model.payload(idx.row()) if idx.isValid() else None

    def delete_event(self) -> None:
        eid = self._selected(self.ev_view, self.events)
        if eid is not None:
            self._run(_("Event not deleted"), lambda: cases.delete_event(self.vault, eid))

    def add_worker(self) -> None:
        if self._run(_("Worker not linked"), lambda: cases.add_worker(self.vault, self.case_id, self.curp.text(),
                                                                       self.role.text())):
            self.curp.clear()
            self.role.clear()

    def remove_worker(self) -> None:
        pid = self._selected(self.wk_view, self.workers)
        if pid is not None:
            self._run(_("Worker not unlinked"), lambda: cases.remove_worker(self.vault, self.case_id, pid))

    def add_filing(self) -> None:
        if self._run(_("Filing not added"), lambda: cases.add_filing(
                self.vault, self.case_id, authority=self.fl_authority.text() or "CFCRL", kind=self.fl_kind.text(),
                folio=self.fl_folio.text(), filed_at=self.fl_date.date().toString("yyyy-MM-dd"),
                status=self.fl_status.text() or _("filed"))):
            for w in (self.fl_kind, self.fl_folio, self.fl_status):
                w.clear()

    def delete_filing(self) -> None:
        fid = self._selected(self.fl_view, self.filings)
        if fid is not None:
            self._run(_("Filing not deleted"), lambda: cases.delete_filing(self.vault, fid))
