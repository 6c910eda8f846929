"""The representativeness workbench (LFT 390 Bis): the live counter "S of N (xx.xx %) — K more needed",
the support list with each row's verdict, the CFCRL checklist and the support annex."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from unionkit.errors import UnionkitError
from unionkit.formatting import format_date
from unionkit.i18n import _
from unionkit.ui import dialogs
from unionkit.ui.votes.campaign_dialog import NewCampaignDialog
from unionkit.ui.votes.models import RowsModel, dated
from unionkit.vault import Vault
from unionkit.votes import access_log, campaigns


class Workbench(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault: Vault | None = None
        self.combo = QComboBox()
        self.combo.setMinimumContentsLength(32)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.currentIndexChanged.connect(self._load)
        self.new_btn = QPushButton()
        self.new_btn.clicked.connect(self.new_campaign)
        self.import_btn = QPushButton()
        self.import_btn.clicked.connect(self.import_list)
        self.toggle_btn = QPushButton()
        self.toggle_btn.clicked.connect(self.toggle_signed)
        self.scan_btn = QPushButton()
        self.scan_btn.clicked.connect(self.attach_scan)
        self.in_service_label = QLabel()
        self.in_service = QSpinBox()
        self.in_service.setRange(0, 10_000_000)
        self.in_service.editingFinished.connect(self._save_in_service)
        self.annex_btn = QPushButton()
        self.annex_btn.clicked.connect(self.write_annex)
        self.log_btn = QPushButton()
        self.log_btn.clicked.connect(self.show_access_log)
        self._viewed: set[int] = set()  # campaigns whose list was shown since the vault was opened
        self.counter = QLabel()
        self.counter.setObjectName("counter")
        self.counter.setStyleSheet("font-size: 22px; font-weight: bold;")
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.model = RowsModel(lambda: [_("Line"), _("Name"), _("CURP"), _("Hire date"), _("Signed"), _("Scan"),
                                        _("Verdict")])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.checks_box = QGroupBox()
        self.checks_box.setMaximumWidth(380)
        self.check_list = QListWidget()
        self.check_list.setWordWrap(True)
        self.check_list.setSpacing(4)
        self.check_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.checks: dict[str, QListWidgetItem] = {}
        for key in campaigns.CHECKLIST:
            item = QListWidgetItem()
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.checks[key] = item
            self.check_list.addItem(item)
        self.check_list.itemChanged.connect(lambda _i: self._save_checklist())
        QVBoxLayout(self.checks_box).addWidget(self.check_list)
        top = QHBoxLayout()
        for w in (self.combo, self.new_btn, self.import_btn, self.toggle_btn, self.scan_btn, self.annex_btn):
            top.addWidget(w)
        top.addStretch(1)
        body = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.empty)
        left.addWidget(self.table, 1)
        body.addLayout(left, 3)
        right = QVBoxLayout()
        right.addWidget(self.checks_box, 1)
        right.addWidget(self.log_btn)
        body.addLayout(right, 1)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.counter)
        row = QHBoxLayout()
        row.addWidget(self.detail, 1)
        row.addWidget(self.in_service_label)
        row.addWidget(self.in_service)
        lay.addLayout(row)
        lay.addLayout(body, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.new_btn.setText(_("New campaign…"))
        self.import_btn.setText(_("Import signed list…"))
        self.toggle_btn.setText(_("Signed / not signed"))
        self.annex_btn.setText(_("CFCRL annex (PDF)…"))
        self.scan_btn.setText(_("Attach scan…"))
        self.log_btn.setText(_("Access log of the list…"))
        self.log_btn.setToolTip(_("Who viewed, imported, changed or exported this support list, and when"))
        self.in_service_label.setText(_("In the employer's service"))
        self.in_service.setSpecialValueText(_("unknown"))
        self.checks_box.setTitle(_("Common CFCRL rejection reasons"))
        self.check_list.blockSignals(True)
        for key, item in self.checks.items():
            item.setText(_(campaigns.CHECKLIST[key]))
        self.check_list.blockSignals(False)
        self.empty.setText(_("No campaign yet. Click “New campaign…”: the covered-worker roll is frozen from the "
                             "member register; then import the signed support list (Nombre, CURP, Fecha de "
                             "ingreso, Firma)."))

    def clear(self) -> None:
        self.vault = None
        self._viewed.clear()
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.blockSignals(False)
        self.model.clear()
        self.counter.clear()
        self.detail.clear()
        self._set_checks({})

    def set_vault(self, vault: Vault | None) -> None:
        self.clear()
        self.vault = vault
        if vault is not None:
            self.reload()

    def reload(self, select: int | None = None) -> None:
        assert self.vault is not None
        items = campaigns.names(self.vault)
        self.combo.blockSignals(True)
        self.combo.clear()
        for c in items:
            self.combo.addItem(c["name"], c["id"])
        self.combo.blockSignals(False)
        if select is not None:
            self.combo.setCurrentIndex(max(0, self.combo.findData(select)))
        self.combo.setToolTip(self.combo.currentText())
        has = bool(items)
        self.empty.setVisible(not has)
        for w in (self.import_btn, self.toggle_btn, self.scan_btn, self.annex_btn, self.checks_box, self.in_service,
                  self.log_btn):
            w.setEnabled(has)
        self._load()

    def campaign_id(self) -> int | None:
        return self.combo.currentData()

    def _load(self, *_args) -> None:
        cid = self.campaign_id()
        if self.vault is None or cid is None:
            self.model.clear()
            self.counter.clear()
            return
        c = campaigns.get(self.vault, cid)
        try:
            res = campaigns.evaluate(self.vault, cid)
        except UnionkitError as exc:
            self.model.clear()
            self.counter.setText("⚠")
            self.detail.setText(exc.message)
            return
        self.counter.setText(res.counter_text())
        self.counter.setStyleSheet("font-size: 22px; font-weight: bold; color: %s;" % ("#1b6e2a" if res.met
                                                                                        else "#8a1c1c"))
        extra = _("Filing date {date} · required {req} · rejected rows {rej}").format(
            date=format_date(dt.date.fromisoformat(c["filing_date"])), req=res.required, rej=len(res.rejected))
        if c["headcount_in_service"]:
            extra += " · " + _("in the employer's service: {n} (needs {req})").format(
                n=c["headcount_in_service"], req=(3 * c["headcount_in_service"] + 9) // 10)
        from unionkit.votes.calendar import campaign_deadlines

        dl = campaign_deadlines(dt.date.fromisoformat(c["filing_date"]))
        extra += "\n" + _("After filing: CFCRL publication by {pub} (business-day reading {bus}); other unions may "
                          "adhere until {adh}.").format(pub=format_date(dl["publication_by"]),
                                                        bus=format_date(dl["publication_by_business"]),
                                                        adh=format_date(dl["adhesion_until"]))
        self.detail.setText(extra + "".join("\n⚠ " + w for w in res.warnings))
        verdict = {r["line"]: r["reason"] for r in res.rejected}
        rows, payload, flags = [], [], []
        for s in campaigns.supporters(self.vault, cid):
            rows.append([s["line"], s["full_name"], s["curp"],
                         dated(s["hire_date"]),
                         _("yes") if s["signed"] else _("no"), "✓" if s["scan_blob_id"] else "",
                         verdict.get(s["line"], _("valid"))])
            payload.append(s["id"])
            flags.append(s["line"] in verdict)
        self.model.set_rows(rows, payload, flagged=flags, numeric=[0])
        if rows and cid not in self._viewed:  # DOMAIN §1 "Confidentiality": a view is logged
            access_log.record(self.vault, cid, "viewed", rows=len(rows))
            self._viewed.add(cid)
        self._set_checks(c["checklist"])
        self.in_service.blockSignals(True)
        self.in_service.setValue(c["headcount_in_service"] or 0)
        self.in_service.blockSignals(False)

    def _set_checks(self, values: dict) -> None:
        self.check_list.blockSignals(True)
        for key, item in self.checks.items():
            item.setCheckState(Qt.CheckState.Checked if values.get(key) else Qt.CheckState.Unchecked)
        self.check_list.blockSignals(False)

    def _save_checklist(self) -> None:
        cid = self.campaign_id()
        if self.vault is not None and cid is not None:
            campaigns.update(self.vault, cid, checklist={k: it.checkState() == Qt.CheckState.Checked
                                                         for k, it in self.checks.items()})

    def new_campaign(self) -> None:
        if self.vault is None:
            return
        dlg = NewCampaignDialog(self)
        dlg.set_workplaces(campaigns.workplaces(self.vault))
        if not dialogs.run_dialog(dlg):
            return
        try:
            cid = dlg.create(self.vault)
        except UnionkitError as exc:
            dialogs.error(self, _("New campaign"), exc.message)
            return
        self.reload(select=cid)

    def import_list(self) -> None:
        cid = self.campaign_id()
        if self.vault is None or cid is None:
            return
        path = dialogs.choose_open_file(self, _("Signed support list"), filters="CSV / Excel (*.csv *.txt *.xlsx)")
        if path is None:
            return
        try:
            campaigns.import_supporters(self.vault, cid, path)
        except UnionkitError as exc:
            dialogs.error(self, _("Signed support list"), exc.message)
            return
        self._load()

    def toggle_signed(self) -> None:
        rows = {i.row() for i in self.table.selectionModel().selectedRows()} if self.table.selectionModel() else set()
        if self.vault is None or not rows:
            return
        for r in rows:
            sid = self.model.payload(r)
            signed = self.model.data(self.model.index(r, 4)) == _("yes")
            campaigns.set_signed(self.vault, sid, not signed)
        self._load()

    def _save_in_service(self) -> None:
        cid = self.campaign_id()
        if self.vault is not None and cid is not None:
            campaigns.update(self.vault, cid, headcount_in_service=self.in_service.value() or None)
            self._load()

    def attach_scan(self) -> None:
        sel = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if self.vault is None or not sel:
            return
        path = dialogs.choose_open_file(self, _("Scan of the signed sheet"), filters="PDF / JPG / PNG (*.pdf *.jpg "
                                                                                        "*.jpeg *.png)")
        if path is None:
            return
        try:
            campaigns.attach_scan(self.vault, self.model.payload(sel[0].row()), path)
        except UnionkitError as exc:
            dialogs.error(self, _("Attach scan…"), exc.message)
            return
        self._load()

    def show_access_log(self) -> None:
        from unionkit.ui.votes.access_dialog import AccessLogDialog

        cid = self.campaign_id()
        if self.vault is not None and cid is not None:
            dialogs.run_dialog(AccessLogDialog(self.vault, cid, self.combo.currentText(), self))

    def write_annex(self) -> None:
        cid = self.campaign_id()
        if self.vault is None or cid is None:
            return
        folder = dialogs.choose_folder(self, _("Where should the PDF be saved?"))
        if folder is None:
            return
        from unionkit import i18n
        from unionkit.votes.annex import build_support_annex

        out = build_support_annex(self.vault, cid, Path(folder) / f"anexo-respaldo-{cid}.pdf",
                                  "en" if i18n.language() == "en" else "es")
        dialogs.info(self, _("CFCRL annex (PDF)…"), _("Saved: {path}").format(path=str(out)))
