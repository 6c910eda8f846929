"""The chart of categories: add or rename (never delete once used), with their art. 373 line."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from unionkit.errors import UnionkitError
from unionkit.i18n import _
from unionkit.ledger import accounts
from unionkit.ui.treasury.model import RowsModel
from unionkit.vault import Vault


class CategoriesDialog(QDialog):
    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.changed = False
        self.setWindowTitle(_("Categories"))
        self.setMinimumSize(680, 520)
        self.model = RowsModel(lambda: [_("Category"), _("Kind"), _("Art. 373 line")])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _p: self._selected(cur.row()))
        self.name = QLineEdit()
        self.name.setPlaceholderText(_("Name of the category"))
        self.kind = QComboBox()
        self.kind.addItem(_("Income"), "income")
        self.kind.addItem(_("Expense"), "expense")
        self.kind.currentIndexChanged.connect(self._fill_lines)
        self.line = QComboBox()
        self.add_btn = QPushButton(_("Add"))
        self.add_btn.clicked.connect(self.add)
        self.rename_btn = QPushButton(_("Rename selected"))
        self.rename_btn.clicked.connect(self.rename)
        self.error = QLabel()
        self.error.setStyleSheet("color: #9b1c1c")
        self.error.setWordWrap(True)
        note = QLabel(_("Categories already used in the ledger can be renamed but never deleted: their entries "
                        "keep pointing at them."))
        note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.name, 2)
        row.addWidget(self.kind)
        row.addWidget(self.line, 1)
        row.addWidget(self.add_btn)
        row.addWidget(self.rename_btn)
        close = QPushButton(_("Close"))
        close.clicked.connect(self.accept)
        lay = QVBoxLayout(self)
        lay.addWidget(note)
        lay.addWidget(self.table, 1)
        lay.addLayout(row)
        lay.addWidget(self.error)
        lay.addWidget(close)
        self._ids: list[int] = []
        self._fill_lines()
        self.reload()

    def _fill_lines(self) -> None:
        self.line.clear()
        codes = ("dues", "other_income") if self.kind.currentData() == "income" else accounts.EXPENSE_LINES
        for code in codes:
            self.line.addItem(accounts.line_label(code), code)
        if self.kind.currentData() == "income":
            self.line.setCurrentIndex(1)

    def reload(self) -> None:
        cats = accounts.list_categories(self.vault, kinds=("income", "expense"))
        self._ids = [c.id for c in cats]
        kinds = {"income": _("Income"), "expense": _("Expense")}
        self.model.set_rows([[c.name, kinds[c.kind], accounts.line_label(c.line_373)] for c in cats],
                            [[c.name, c.kind, c.line_373, c.id] for c in cats])

    def _selected(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.name.setText(str(self.model._rows[row][0]))

    def add(self) -> None:
        try:
            accounts.add_category(self.vault, self.name.text(), self.kind.currentData(), self.line.currentData())
        except UnionkitError as exc:
            self.error.setText(exc.message)
            return
        self.error.setText("")
        self.changed = True
        self.name.clear()
        self.reload()

    def rename(self) -> None:
        idx = self.table.currentIndex()
        if not idx.isValid():
            self.error.setText(_("Select the category to rename."))
            return
        cat_id = self.model._keys[idx.row()][3]
        try:
            accounts.rename_category(self.vault, cat_id, self.name.text())
        except UnionkitError as exc:
            self.error.setText(exc.message)
            return
        self.error.setText("")
        self.changed = True
        self.reload()
