"""The treasury page: the ledger (filters, running balance), dues arrears and month closes."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from unionkit.errors import UnionkitError
from unionkit.formatting import format_date, format_int, format_money
from unionkit.i18n import _
from unionkit.ledger import accounts, periods, queries
from unionkit.ledger.months import month_label
from unionkit.money import Money
from unionkit.ui import dialogs
from unionkit.ui.area import AreaPage
from unionkit.ui.search_field import debounced_search
from unionkit.ui.treasury.delivery_tab import DeliveryTab
from unionkit.ui.treasury.model import LedgerModel, RowsModel
from unionkit.vault import Vault


class TreasuryPage(AreaPage):
    area_id = "treasury"
    icon_name = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault: Vault | None = None
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 16pt; font-weight: 600")
        self.balances = QLabel()
        self.balances.setWordWrap(True)
        # actions
        self.post_btn = QPushButton()
        self.post_btn.clicked.connect(self.new_entry)
        self.reverse_btn = QPushButton()
        self.reverse_btn.clicked.connect(self.reverse_selected)
        self.close_btn = QPushButton()
        self.close_btn.clicked.connect(self.close_month)
        self.checkoff_btn = QPushButton()
        self.checkoff_btn.clicked.connect(self.import_checkoff)
        self.report_btn = QPushButton()
        self.report_btn.clicked.connect(self.open_reports)
        self.categories_btn = QPushButton()
        self.categories_btn.clicked.connect(self.edit_categories)
        actions = QHBoxLayout()
        for b in (self.post_btn, self.reverse_btn, self.checkoff_btn, self.close_btn, self.report_btn,
                  self.categories_btn):
            actions.addWidget(b)
        actions.addStretch(1)
        # filters
        self.f_account = QComboBox()
        self.f_category = QComboBox()
        self.f_from = QComboBox()
        self.f_to = QComboBox()
        self.f_text, self._debounce = debounced_search(self, self.reload_entries, delay_ms=250, min_width=230)
        for combo in (self.f_account, self.f_category, self.f_from, self.f_to):
            combo.setMinimumContentsLength(12)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.currentIndexChanged.connect(self.reload_entries)
        self.f_clear = QPushButton()
        self.f_clear.clicked.connect(self.clear_filters)
        filters = QHBoxLayout()
        self.f_labels = [QLabel() for _i in range(4)]
        for lbl, w in zip(self.f_labels, (self.f_account, self.f_category, self.f_from, self.f_to), strict=True):
            filters.addWidget(lbl)
            filters.addWidget(w, 1)
        filters.addWidget(self.f_text, 1)
        filters.addWidget(self.f_clear)
        # ledger table
        self.model = LedgerModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setStretchLastSection(True)
        for col, width in enumerate((60, 90, 150, 230, 300, 110, 120, 160)):
            self.table.setColumnWidth(col, width)
        self.count_label = QLabel()
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        ledger_tab = QWidget()
        lt = QVBoxLayout(ledger_tab)
        lt.addLayout(filters)
        lt.addWidget(self.stack, 1)
        lt.addWidget(self.count_label)
        # arrears tab
        self.arrears_model = RowsModel(lambda: [_("Member"), _("Workplace"), _("Months behind"), _("Owed"),
                                                _("Last paid")], right=(2, 3))
        self.arrears = QTableView()
        self.arrears.setModel(self.arrears_model)
        self.arrears.setSortingEnabled(True)
        self.arrears.verticalHeader().hide()
        self.arrears.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.arrears.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.arrears.horizontalHeader().setStretchLastSection(True)
        self.arrears_note = QLabel()
        self.arrears_note.setWordWrap(True)
        arrears_tab = QWidget()
        at = QVBoxLayout(arrears_tab)
        at.addWidget(self.arrears_note)
        at.addWidget(self.arrears, 1)
        # closes tab
        self.closes_model = RowsModel(lambda: [_("Month"), _("Closed by"), _("Closed on"), _("Entries"),
                                               _("Ledger head")], right=(3,))
        self.closes = QTableView()
        self.closes.setModel(self.closes_model)
        self.closes.setSortingEnabled(True)
        self.closes.verticalHeader().hide()
        self.closes.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.closes.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.closes.horizontalHeader().setStretchLastSection(True)
        self.tabs = QTabWidget()
        self.tabs.addTab(ledger_tab, "")
        self.tabs.addTab(arrears_tab, "")
        self.tabs.addTab(self.closes, "")
        self.delivery = DeliveryTab()
        self.tabs.addTab(self.delivery, "")
        self.tabs.currentChanged.connect(self._tab_changed)
        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addWidget(self.balances)
        lay.addLayout(actions)
        lay.addWidget(self.tabs, 1)
        self._loading = False
        self.retranslate()
        self.set_vault(None)

    # -- AreaPage -----------------------------------------------------------------------------
    def title(self) -> str:
        return _("Treasury")

    def retranslate(self) -> None:
        self.heading.setText(_("Treasury"))
        self.post_btn.setText(_("New entry\u2026"))
        self.reverse_btn.setText(_("Reverse\u2026"))
        self.checkoff_btn.setText(_("Import payroll check-off\u2026"))
        self.close_btn.setText(_("Close a month\u2026"))
        self.report_btn.setText(_("Reports\u2026"))
        self.categories_btn.setText(_("Categories\u2026"))
        for lbl, text in zip(self.f_labels, (_("Account"), _("Category"), _("From"), _("To")), strict=True):
            lbl.setText(text)
        self.f_text.setPlaceholderText(_("Search concept or payee"))
        self.f_clear.setText(_("Clear filters"))
        self.tabs.setTabText(0, _("Ledger"))
        self.tabs.setTabText(1, _("Dues arrears"))
        self.tabs.setTabText(2, _("Month closes"))
        self.tabs.setTabText(3, _("Account delivery (art. 373)"))
        self.delivery.retranslate()
        self.empty.setText(_("The ledger is empty. Start with \u201cNew entry\u2026\u201d (for example the opening "
                             "balance of the cash box and the bank account) or import the employer's payroll "
                             "check-off list."))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 7)
        if self.vault is not None:
            self.refresh()

    def set_vault(self, vault: Vault | None) -> None:
        self.vault = vault
        self.delivery.set_vault(vault)
        for b in (self.post_btn, self.reverse_btn, self.checkoff_btn, self.close_btn, self.report_btn,
                  self.categories_btn):
            b.setEnabled(vault is not None)
        if vault is None:
            self._loading = True
            for combo in (self.f_account, self.f_category, self.f_from, self.f_to):
                combo.clear()
            self.f_text.clear()
            self._loading = False
            self.model.clear()
            self.arrears_model.set_rows([])
            self.closes_model.set_rows([])
            self.balances.setText("")
            self.count_label.setText("")
            self.arrears_note.setText("")
            self.stack.setCurrentWidget(self.empty)
            return
        self._fill_filters()
        self.refresh()

    def save_state(self) -> dict:
        return {"tab": self.tabs.currentIndex(), "delivery": self.delivery.save_state(),
                "account": self.f_account.currentData(),
                "category": self.f_category.currentData(), "from": self.f_from.currentData(),
                "to": self.f_to.currentData()}

    def restore_state(self, state: dict) -> None:
        self._loading = True
        for combo, key in ((self.f_account, "account"), (self.f_category, "category"), (self.f_from, "from"),
                           (self.f_to, "to")):
            i = combo.findData(state.get(key))
            if i >= 0:
                combo.setCurrentIndex(i)
        self._loading = False
        self.tabs.setCurrentIndex(int(state.get("tab", 0) or 0))
        self.delivery.restore_state(state.get("delivery") or {})
        if self.vault is not None:
            self.reload_entries()

    # -- data -----------------------------------------------------------------------------------
    def _fill_filters(self) -> None:
        assert self.vault is not None
        self._loading = True
        for combo in (self.f_account, self.f_category, self.f_from, self.f_to):
            combo.clear()
            combo.addItem(_("All"), None)
        for a in accounts.list_accounts(self.vault, include_inactive=True):
            self.f_account.addItem(a.name, a.id)
        for c in accounts.list_categories(self.vault, include_inactive=True):
            self.f_category.addItem(c.name, c.id)
        for m in reversed(queries.months_with_entries(self.vault)):
            self.f_from.addItem(month_label(m), m)
            self.f_to.addItem(month_label(m), m)
        self._loading = False

    def current_filter(self) -> queries.EntryFilter:
        return queries.EntryFilter(account_id=self.f_account.currentData(), category_id=self.f_category.currentData(),
                                   month_from=self.f_from.currentData(), month_to=self.f_to.currentData(),
                                   text=self.f_text.text())

    def clear_filters(self) -> None:
        self._loading = True
        for combo in (self.f_account, self.f_category, self.f_from, self.f_to):
            combo.setCurrentIndex(0)
        self.f_text.clear()
        self._loading = False
        self.reload_entries()

    def refresh(self) -> None:
        if self.vault is None:
            return
        self.reload_entries()
        self._show_balances()
        self._tab_changed(self.tabs.currentIndex())

    def reload_entries(self) -> None:
        if self.vault is None or self._loading:
            return
        flt = self.current_filter()
        self.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.DescendingOrder)
        self.model.load(self.vault, flt)
        total = queries.count_entries(self.vault, flt)
        self.count_label.setText(_("{n} entries").format(n=format_int(total)))
        empty = total == 0 and queries.count_entries(self.vault) == 0
        self.stack.setCurrentWidget(self.empty if empty else self.table)

    def _show_balances(self) -> None:
        assert self.vault is not None
        parts = []
        for a in accounts.list_accounts(self.vault):
            parts.append(f"{a.name}: <b>{format_money(Money(queries.balance(self.vault, a.id)))}</b>")
        total = format_money(Money(queries.balance(self.vault)))
        closed = periods.closed_through(self.vault)
        state = (_("Books closed through {month}.").format(month=month_label(closed)) if closed
                 else _("No month closed yet."))
        self.balances.setText(" \u00b7 ".join(parts) + f" \u00b7 {_('Total')}: <b>{total}</b> \u00b7 {state}")

    def _tab_changed(self, index: int) -> None:
        if self.vault is None:
            return
        if index == 1:
            self._load_arrears()
        elif index == 3:
            self.delivery.refresh()
        elif index == 2:
            rows = [[month_label(c.month), c.closed_by, format_date(dt.date.fromisoformat(c.closed_at[:10])),
                     format_int(c.entries), c.head_hash[:16] + "\u2026"]
                    for c in reversed(periods.list_closes(self.vault))]
            keys = [[c.month, c.closed_by, c.closed_at, c.entries, c.head_hash]
                    for c in reversed(periods.list_closes(self.vault))]
            self.closes_model.set_rows(rows, keys)

    def _load_arrears(self) -> None:
        from unionkit.ledger.months import month_short
        from unionkit.reports.treasury_lists import arrears_rows

        assert self.vault is not None
        rows = arrears_rows(self.vault, dt.date.today())
        self.arrears_note.setText(_("{n} members behind on dues as of today, owing {amount}. The current month "
                                    "counts once it ends.").format(
            n=format_int(len(rows)), amount=format_money(Money(sum(r["amount"] for r in rows)))))
        self.arrears_model.set_rows(
            [[r["name"], r["workplace"], format_int(r["months"]), format_money(Money(r["amount"])),
              month_short(r["last_paid"]) if r["last_paid"] else _("never")] for r in rows],
            [[r["name"], r["workplace"], r["months"], r["amount"], r["last_paid"]] for r in rows])
        self.arrears.horizontalHeader().setSortIndicator(2, Qt.SortOrder.DescendingOrder)

    # -- actions ----------------------------------------------------------------------------------
    def selected_entry(self) -> int | None:
        idx = self.table.currentIndex()
        row = self.model.row_at(idx.row()) if idx.isValid() else None
        return row.id if row else None

    def _after_change(self) -> None:
        self._fill_filters()
        self.refresh()

    def new_entry(self) -> None:
        from unionkit.ui.treasury.post_dialog import PostDialog

        if self.vault is None:
            return
        dlg = PostDialog(self.vault, self)
        if dialogs.run_dialog(dlg) and dlg.created:
            self._after_change()

    def reverse_selected(self) -> None:
        from unionkit.ui.treasury.post_dialog import ReverseDialog

        if self.vault is None:
            return
        entry_id = self.selected_entry()
        if entry_id is None:
            dialogs.info(self, _("Reverse"), _("Select the entry to reverse in the ledger first."))
            return
        try:
            dlg = ReverseDialog(self.vault, entry_id, self)
        except UnionkitError as exc:
            dialogs.error(self, _("Reverse"), exc.message)
            return
        if dialogs.run_dialog(dlg) and dlg.created:
            self._after_change()

    def close_month(self) -> None:
        from unionkit.ui.treasury.close_wizard import CloseWizard

        if self.vault is None:
            return
        wiz = CloseWizard(self.vault, self)
        if dialogs.run_dialog(wiz) and wiz.closed:
            self._after_change()

    def import_checkoff(self) -> None:
        from unionkit.ui.treasury.checkoff_wizard import CheckoffWizard

        if self.vault is None:
            return
        wiz = CheckoffWizard(self.vault, self)
        if dialogs.run_dialog(wiz) and wiz.imported:
            self._after_change()

    def open_reports(self) -> None:
        from unionkit.ui.treasury.report_dialog import ReportDialog

        if self.vault is None:
            return
        dialogs.run_dialog(ReportDialog(self.vault, self))
        self.delivery.set_vault(self.vault)  # a new art. 373 account shows in the delivery tab

    def edit_categories(self) -> None:
        from unionkit.ui.treasury.categories_dialog import CategoriesDialog

        if self.vault is None:
            return
        dlg = CategoriesDialog(self.vault, self)
        dialogs.run_dialog(dlg)
        if dlg.changed:
            self._after_change()
