"""The slates of a union election and their candidates in seat order (LFT 371 IX, IX Bis): a slate list,
a candidate table with office, name and sex, and a live count of women and men in the seats."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from unionkit.i18n import _

SEXES = ("M", "H", "X")


def _sex_label(code: str) -> str:
    return {"M": _("Woman"), "H": _("Man"), "X": _("Non-binary")}[code]


class SlateEditor(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._slates: dict[str, list[list[str]]] = {}  # name -> [[office, full name, sex], ...]
        self._current: str | None = None
        self.seats = 0
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(_("Slate name, e.g. Planilla Verde"))
        self.name_edit.returnPressed.connect(self.add_slate)
        self.add_btn = QPushButton(_("Add slate"))
        self.add_btn.clicked.connect(self.add_slate)
        self.remove_btn = QPushButton(_("Remove slate"))
        self.remove_btn.clicked.connect(self.remove_slate)
        self.slate_list = QListWidget()
        self.slate_list.setMaximumWidth(240)
        self.slate_list.currentTextChanged.connect(self._show)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([_("Office"), _("Full name"), _("Sex")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 220)
        self.table.setColumnWidth(2, 130)
        self.table.verticalHeader().setVisible(True)  # the row number is the seat order
        self.table.itemChanged.connect(self._store)
        self.cand_add = QPushButton(_("Add candidate"))
        self.cand_add.clicked.connect(lambda: self.add_candidate())
        self.cand_remove = QPushButton(_("Remove"))
        self.cand_remove.clicked.connect(self.remove_candidate)
        self.up = QPushButton("↑")
        self.up.setToolTip(_("Move up (seat order)"))
        self.up.clicked.connect(lambda: self.move(-1))
        self.down = QPushButton("↓")
        self.down.setToolTip(_("Move down (seat order)"))
        self.down.clicked.connect(lambda: self.move(1))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        top = QHBoxLayout()
        for w in (self.name_edit, self.add_btn, self.remove_btn):
            top.addWidget(w)
        buttons = QHBoxLayout()
        for w in (self.cand_add, self.cand_remove, self.up, self.down):
            buttons.addWidget(w)
        buttons.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.table, 1)
        right.addLayout(buttons)
        body = QHBoxLayout()
        body.addWidget(self.slate_list)
        body.addLayout(right, 1)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addLayout(body, 1)
        lay.addWidget(self.summary)
        self._show(None)

    # -- slates ------------------------------------------------------------------------------
    def add_slate(self) -> None:
        name = " ".join(self.name_edit.text().split())
        if not name or name.casefold() in {n.casefold() for n in self._slates}:
            self.summary.setText(_("Type a new slate name (each slate needs its own name)."))
            return
        self._slates[name] = []
        self.slate_list.addItem(name)
        self.slate_list.setCurrentRow(self.slate_list.count() - 1)
        self.name_edit.clear()
        self.add_candidate()
        self.changed.emit()

    def remove_slate(self) -> None:
        row = self.slate_list.currentRow()
        if row < 0:
            return
        self._slates.pop(self.slate_list.item(row).text(), None)
        self._current = None
        self.slate_list.takeItem(row)
        self._show(self.slate_list.currentItem().text() if self.slate_list.currentItem() else None)
        self.changed.emit()

    # -- candidates --------------------------------------------------------------------------
    def add_candidate(self, office: str = "", name: str = "", sex: str = "") -> None:
        if self._current is None:
            return
        self._slates[self._current].append([office, name, sex])
        self._show(self._current)
        self.table.setCurrentCell(self.table.rowCount() - 1, 1 if not office else 0)
        self.changed.emit()

    def remove_candidate(self) -> None:
        row = self.table.currentRow()
        if self._current is None or row < 0:
            return
        del self._slates[self._current][row]
        self._show(self._current)
        self.changed.emit()

    def move(self, step: int) -> None:
        row = self.table.currentRow()
        people = self._slates.get(self._current or "", [])
        to = row + step
        if row < 0 or not 0 <= to < len(people):
            return
        people[row], people[to] = people[to], people[row]
        self._show(self._current)
        self.table.setCurrentCell(to, self.table.currentColumn())
        self.changed.emit()

    def _show(self, name: str | None) -> None:
        self._current = name if name in self._slates else None
        people = self._slates.get(self._current or "", [])
        self.table.blockSignals(True)
        self.table.setRowCount(len(people))
        for r, (office, full, sex) in enumerate(people):
            self.table.setItem(r, 0, QTableWidgetItem(office))
            self.table.setItem(r, 1, QTableWidgetItem(full))
            combo = QComboBox()
            combo.addItem("—", "")
            for code in SEXES:
                combo.addItem(_sex_label(code), code)
            combo.setCurrentIndex(max(0, combo.findData(sex)))
            combo.currentIndexChanged.connect(lambda _i, row=r, c=combo: self._set_sex(row, c.currentData()))
            self.table.setCellWidget(r, 2, combo)
        self.table.blockSignals(False)
        for w in (self.table, self.cand_add, self.cand_remove, self.up, self.down, self.remove_btn):
            w.setEnabled(self._current is not None)
        self._summarize()

    def _store(self, item: QTableWidgetItem) -> None:
        if self._current is not None and item.column() in (0, 1):
            self._slates[self._current][item.row()][item.column()] = item.text().strip()
            self._summarize()
            self.changed.emit()

    def _set_sex(self, row: int, code: str) -> None:
        if self._current is not None:
            self._slates[self._current][row][2] = code
            self._summarize()
            self.changed.emit()

    def _summarize(self) -> None:
        if self._current is None:
            self.summary.setText(_("Add each slate that registered, then its candidates in seat order."))
            return
        people = [p for p in self._slates[self._current] if p[1]]
        seated = people[:self.seats] if self.seats else people
        women = sum(1 for p in seated if p[2] == "M")
        men = sum(1 for p in seated if p[2] == "H")
        text = _("{slate}: {n} candidates; in the {seats} seats: {women} women, {men} men.").format(
            slate=self._current, n=len(people), seats=len(seated), women=women, men=men)
        if any(not p[2] for p in people):
            text += " " + _("Give everyone's sex: gender proportionality (LFT 371 IX Bis) is checked against the "
                            "roll when the consultation is created and after the count.")
        self.summary.setText(text)

    # -- result ------------------------------------------------------------------------------
    def set_seats(self, seats: int) -> None:
        self.seats = seats
        self._summarize()

    def slates(self) -> list[tuple[str, list[tuple[str, str, str]]]]:
        """[(slate, [(office or seat number, full name, sex), ...]), ...] without blank rows."""
        out = []
        for name, people in self._slates.items():
            named = [p for p in people if p[1]]
            out.append((name, [(office or str(i), full, sex) for i, (office, full, sex) in enumerate(named, 1)]))
        return out

    def problem(self) -> str | None:
        """Why the slates cannot be used yet (None when they can)."""
        if not self._slates:
            return _("Add at least one slate.")
        for name, people in self.slates():
            if not people:
                return _("Slate “{slate}” has no candidates.").format(slate=name)
        return None
