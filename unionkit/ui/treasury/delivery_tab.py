"""Treasury tab "Account delivery (art. 373)": after the assembly, record that every member got the
written account (how, when), see delivered/total live, undo a wrong mark and print the log.

Widgets never run SQL: everything goes through ``unionkit.ledger.delivery`` and the PDF builder in
``unionkit.reports.treasury_delivery`` (run off the GUI thread)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from unionkit.clock import SYSTEM_CLOCK, Clock
from unionkit.errors import UnionkitError
from unionkit.formatting import format_date, format_int, format_percent, truncated_percent
from unionkit.i18n import _, ngettext
from unionkit.ledger import delivery
from unionkit.reports.treasury_account373 import period_text
from unionkit.ui import dialogs
from unionkit.ui.search_field import debounced_search
from unionkit.ui.treasury.delivery_dialog import MarkDeliveredDialog
from unionkit.ui.treasury.delivery_model import DeliveryModel
from unionkit.ui.workers import TaskHandle, run_task
from unionkit.vault import Vault


def _ask_pdf_path(parent: QWidget, suggested: str) -> Path | None:
    path, _sel = QFileDialog.getSaveFileName(parent, _("Save the delivery log"), suggested, "PDF (*.pdf)")
    dialogs.forget_file_dialog_history()
    if not path:
        return None
    return Path(path if path.lower().endswith(".pdf") else path + ".pdf")


class DeliveryTab(QWidget):
    def __init__(self, parent: QWidget | None = None, *, clock: Clock = SYSTEM_CLOCK) -> None:
        super().__init__(parent)
        self.vault: Vault | None = None
        self.clock = clock
        self.reports: list[delivery.AccountReport] = []
        self.ask_pdf_path: Callable[[QWidget, str], Path | None] = _ask_pdf_path  # tests replace it
        self.task: TaskHandle | None = None
        self.last_pdf: Path | None = None
        self._loaded = False
        self._wanted: dict = {}  # state restored before the accounts were loaded
        self.report_label = QLabel()
        self.report = QComboBox()
        self.report.setMinimumContentsLength(30)
        self.report.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.report.currentIndexChanged.connect(self._report_changed)
        self.count = QLabel()
        self.count.setStyleSheet("font-weight: 600")
        top = QHBoxLayout()
        top.addWidget(self.report_label)
        top.addWidget(self.report, 1)
        top.addSpacing(12)
        top.addWidget(self.count)
        self.search, self._debounce = debounced_search(self, self._apply_filter, delay_ms=150, min_width=380)
        self.pending_only = QCheckBox()
        self.pending_only.toggled.connect(self._apply_filter)
        self.shown = QLabel()
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.pending_only)
        filters.addStretch(0)
        filters.addWidget(self.shown)
        self.model = DeliveryModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.doubleClicked.connect(lambda _i: self.mark_selected())
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setStretchLastSection(True)
        for col, width in enumerate((330, 260, 110, 170, 110)):
            self.table.setColumnWidth(col, width)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setContentsMargins(120, 40, 120, 40)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.mark_btn = QPushButton()
        self.mark_btn.clicked.connect(self.mark_selected)
        self.clear_btn = QPushButton()
        self.clear_btn.clicked.connect(self.clear_selected)
        self.pdf_btn = QPushButton()
        self.pdf_btn.clicked.connect(self.save_pdf)
        self.status = QLabel()
        self.status.setWordWrap(True)
        actions = QHBoxLayout()
        for b in (self.mark_btn, self.clear_btn, self.pdf_btn):
            actions.addWidget(b)
        actions.addWidget(self.status, 1)
        self.header = QWidget()  # hidden while there is no account to choose
        hl = QVBoxLayout(self.header)
        hl.setContentsMargins(0, 0, 0, 0)
        hl.addLayout(top)
        hl.addLayout(filters)
        lay = QVBoxLayout(self)
        lay.addWidget(self.header)
        lay.addWidget(self.stack, 1)
        lay.addLayout(actions)
        self.retranslate()
        self.set_vault(None)

    # -- page contract ------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.report_label.setText(_("Account presented"))
        self.search.setPlaceholderText(_("Search by name, workplace, CURP or employee no."))
        self.pending_only.setText(_("Only pending"))
        self.mark_btn.setText(_("Mark as delivered\u2026"))
        self.clear_btn.setText(_("Undo delivery\u2026"))
        self.pdf_btn.setText(_("Save delivery log (PDF)\u2026"))
        self.empty.setText(_(
            "No art. 373 account has been generated yet. Make it first in \u201cReports\u2026 \u2192 Six-monthly "
            "account (art. 373)\u201d: once saved it appears here, to record which members received it, how "
            "and when."))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 4)
        if self.vault is not None and self._loaded:
            self._fill_reports(self.current_report_id())

    def set_vault(self, vault: Vault | None) -> None:
        """None (lock): clear every view. A vault: loaded now if shown, else on the first ``refresh``."""
        self.vault = vault
        self._loaded = False
        if vault is None:
            if self.task is not None:
                self.task.cancel()
            self.report.blockSignals(True)
            self.report.clear()
            self.report.blockSignals(False)
            self.reports = []
            self.search.clear()
            self.pending_only.setChecked(False)
            self.model.clear()
            for lbl in (self.count, self.shown, self.status):
                lbl.setText("")
            self.last_pdf = None
            self.stack.setCurrentWidget(self.empty)
            self._enable()
            return
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        if self.vault is None:
            return
        self._fill_reports(self.current_report_id())

    def save_state(self) -> dict:
        return {"report_id": self.current_report_id(), "pending_only": self.pending_only.isChecked()}

    def restore_state(self, state: dict) -> None:
        self.pending_only.setChecked(bool(state.get("pending_only")))
        i = self.report.findData(state.get("report_id"))
        if i >= 0:
            self.report.setCurrentIndex(i)
        else:
            self._wanted = dict(state)

    # -- loading ------------------------------------------------------------------------------
    def current_report_id(self) -> int | None:
        data = self.report.currentData()
        return int(data) if data is not None else None

    def current_report(self) -> delivery.AccountReport | None:
        rid = self.current_report_id()
        return next((r for r in self.reports if r.id == rid), None)

    def _fill_reports(self, keep: int | None) -> None:
        assert self.vault is not None
        self.reports = delivery.list_reports(self.vault)
        keep = keep if keep is not None else self._wanted.pop("report_id", None)
        self.report.blockSignals(True)
        self.report.clear()
        for r in self.reports:
            made = format_date(dt.date.fromisoformat(r.created_at[:10]))
            self.report.addItem(_("{period} \u00b7 made {date} \u00b7 ledger head {hash}\u2026").format(
                period=period_text(r.from_month, r.to_month), date=made, hash=r.head_hash[:12]), r.id)
        i = self.report.findData(keep) if keep is not None else -1
        self.report.setCurrentIndex(i if i >= 0 else 0)
        self.report.blockSignals(False)
        self._loaded = True
        self._report_changed()

    def _report_changed(self) -> None:
        if self.vault is None:
            return
        rid = self.current_report_id()
        self.stack.setCurrentWidget(self.table if rid is not None else self.empty)
        self.status.setText("")
        self.reload_rows()
        self.table.scrollToTop()

    def reload_rows(self) -> None:
        """Re-read the log of the chosen account (after a mark or undo), keeping filter and sort."""
        rid = self.current_report_id()
        rows = delivery.delivery_log(self.vault, rid) if self.vault is not None and rid is not None else []
        scroll = self.table.verticalScrollBar().value()
        self.model.set_rows(rows)
        self.table.verticalScrollBar().setValue(scroll)
        self._show_counts()
        self._enable()

    def _apply_filter(self) -> None:
        self.model.set_filter(self.search.text(), self.pending_only.isChecked())
        self._show_counts()

    def _show_counts(self) -> None:
        done, total = self.model.counts()
        if self.current_report_id() is None:
            self.count.setText("")
            self.shown.setText("")
            return
        self.count.setText(ngettext("Delivered to {delivered} of {total} member ({percent})",
                                    "Delivered to {delivered} of {total} members ({percent})", total).format(
            delivered=format_int(done), total=format_int(total),
            percent=format_percent(truncated_percent(done, total))))
        self.shown.setText(ngettext("{n} shown", "{n} shown", self.model.shown()).format(
            n=format_int(self.model.shown())))

    def _enable(self) -> None:
        has = self.vault is not None and self.current_report_id() is not None
        busy = self.task is not None and not self.task.finished
        for w in (self.mark_btn, self.clear_btn, self.search, self.pending_only):
            w.setEnabled(has)
        self.header.setVisible(has)
        self.pdf_btn.setEnabled(has and not busy)

    # -- actions --------------------------------------------------------------------------------
    def selected_rows(self) -> list[dict]:
        rows = (self.model.row(i.row()) for i in self.table.selectionModel().selectedRows())
        return [r for r in rows if r is not None]

    def select_people(self, person_ids: list[int]) -> None:
        """Select these members in the table (those shown by the current filter)."""
        sel = QItemSelection()
        for pid in person_ids:
            row = self.model.row_of_person(pid)
            if row >= 0:
                sel.select(self.model.index(row, 0), self.model.index(row, 4))
        self.table.selectionModel().select(sel, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def mark_selected(self) -> None:
        report = self.current_report()
        if self.vault is None or report is None:
            return
        rows = self.selected_rows()
        title = _("Mark as delivered")
        if not rows:
            dialogs.info(self, title, _("Select in the table the members who received the account (Ctrl or "
                                        "Shift + click to select several)."))
            return
        today = self.clock.today()
        if today < report.period_end:
            dialogs.info(self, title, _("This account's period ends on {date}; deliveries can be recorded from "
                                        "that day on.").format(date=format_date(report.period_end)))
            return
        dlg = MarkDeliveredDialog(report, len(rows), today, self, already=sum(1 for r in rows if r["method"]))
        if not dialogs.run_dialog(dlg):
            return
        try:
            n = delivery.record_deliveries(self.vault, report.id, [r["person_id"] for r in rows],
                                           dlg.chosen_method(), dlg.chosen_date(), dlg.chosen_note(),
                                           clock=self.clock)
        except UnionkitError as exc:
            dialogs.error(self, title, exc.message)
            return
        self.reload_rows()
        self.status.setText(ngettext("{n} member marked as delivered.", "{n} members marked as delivered.",
                                     n).format(n=format_int(n)))

    def clear_selected(self) -> None:
        report = self.current_report()
        if self.vault is None or report is None:
            return
        title = _("Undo delivery")
        done = [r for r in self.selected_rows() if r["method"]]
        if not done:
            dialogs.info(self, title, _("Select members already marked as delivered to undo their mark."))
            return
        names = ", ".join(r["name"] for r in done[:3]) + ("\u2026" if len(done) > 3 else "")
        if not dialogs.ask(self, title, ngettext(
                "Remove the delivery mark of {n} member ({names})? Do it only if it was recorded by mistake.",
                "Remove the delivery marks of {n} members ({names})? Do it only if they were recorded by "
                "mistake.", len(done)).format(n=format_int(len(done)), names=names), yes=_("Undo delivery")):
            return
        try:
            n = delivery.clear_delivery(self.vault, report.id, [r["person_id"] for r in done])
        except UnionkitError as exc:
            dialogs.error(self, title, exc.message)
            return
        self.reload_rows()
        self.status.setText(ngettext("{n} delivery mark removed.", "{n} delivery marks removed.", n).format(
            n=format_int(n)))

    def save_pdf(self) -> None:
        from unionkit.reports.treasury_delivery import build_delivery_log

        report = self.current_report()
        if self.vault is None or report is None:
            return
        out = self.ask_pdf_path(self, str(Path.home() / f"entrega-cuenta-{report.from_month}-{report.to_month}.pdf"))
        if out is None:
            return
        vault, today = self.vault, self.clock.today()
        self.status.setText(_("Saving the delivery log\u2026"))

        def done(result: tuple[Path, dict]) -> None:
            if self.vault is vault:
                self.last_pdf = result[0]
                self.status.setText(_("Saved: {path}").format(path=str(result[0])))
            self._enable()

        def failed(exc: BaseException) -> None:
            if self.vault is vault:
                self.status.setText(exc.message if isinstance(exc, UnionkitError) else
                                    _("The delivery log could not be saved: {error}").format(
                                        error=type(exc).__name__))
            self._enable()

        self.task = run_task(lambda _p, _c: build_delivery_log(vault, report.id, out, today=today),
                             on_done=done, on_error=failed)
        self._enable()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self.vault is not None and not self._loaded:
            self.refresh()

