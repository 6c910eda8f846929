"""The pages of the roster import wizard (``unionkit.ui.members.wizard`` wires them): choosing the file,
the preview with every problem, the running import and the summary. Widgets only; no import logic."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from unionkit.formatting import format_int
from unionkit.i18n import _
from unionkit.members.mapping import FIELDS, field_label
from unionkit.members.table import Table

MAX_PROBLEMS_SHOWN = 2000
TITLE_STYLE = "font-size: 15px; font-weight: bold;"


def _wrapped(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class FilePage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.intro = _wrapped(_("Choose the roster to import: a CSV or Excel (.xlsx) file from the employer, "
                                "the CFCRL or your own lists. The first row must hold the column names. Each "
                                "person needs a CURP; nothing is changed until you confirm."))
        self.choose_button = QPushButton(_("Choose file…"))
        self.file_label = _wrapped()
        row = QHBoxLayout()
        row.addWidget(self.choose_button)
        row.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addSpacing(12)
        lay.addLayout(row)
        lay.addWidget(self.file_label)
        lay.addStretch(1)

    def show_error(self, message: str) -> None:
        self.file_label.setText(message)
        self.file_label.setStyleSheet("color: #b00020;")

    def show_file(self, text: str) -> None:
        self.file_label.setText(text)
        self.file_label.setStyleSheet("")


class MappingPage(QWidget):
    """Which person field each column of the file fills (auto-mapped, editable, remembered per source)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.intro = _wrapped(_("Check which information each column holds. Columns set to “Ignore” are not "
                                "imported. This choice is remembered for files with the same columns."))
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([_("Column in the file"), _("First value"), _("Import as")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.as_members = QCheckBox(_("The people in this file are members of the union"))
        self.as_members.setChecked(True)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.as_members)

    def fill(self, t: Table, mapping: dict[str, int]) -> None:
        by_col = {i: f for f, i in mapping.items()}
        self.table.setRowCount(len(t.headers))
        first = t.first_row()
        for i, h in enumerate(t.headers):
            self.table.setItem(i, 0, QTableWidgetItem(h))
            self.table.setItem(i, 1, QTableWidgetItem(first[i] if i < len(first) else ""))
            combo = QComboBox()
            combo.addItem(_("Ignore"), None)
            for f in FIELDS:
                combo.addItem(field_label(f), f)
            combo.setCurrentIndex(max(0, combo.findData(by_col.get(i))))
            self.table.setCellWidget(i, 2, combo)

    def mapping(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for i in range(self.table.rowCount()):
            f = self.table.cellWidget(i, 2).currentData()
            if f and f not in out:
                out[f] = i
        return out

    def set_field(self, column: int, field: str | None) -> None:
        combo: QComboBox = self.table.cellWidget(column, 2)
        combo.setCurrentIndex(max(0, combo.findData(field)))


class PreviewPage(QWidget):
    """What the import would do, and every problem with its line (or, when there is none, saying so)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = _wrapped()
        self.problems = QTableWidget(0, 3)
        self.problems.setHorizontalHeaderLabels([_("Line"), _("Column"), _("Problem")])
        self.problems.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.problems.verticalHeader().hide()
        self.problems.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.problems.setSortingEnabled(False)
        self.no_problems = QLabel(_("No row has a problem: every row can be imported."))
        self.no_problems.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_problems.setStyleSheet("color: #1b5e20; font-size: 14px;")
        self.list = QStackedWidget()
        self.list.addWidget(self.problems)
        self.list.addWidget(self.no_problems)
        self.more = _wrapped()
        self.strict = QCheckBox(_("Import nothing if any row has a problem"))
        lay = QVBoxLayout(self)
        lay.addWidget(self.label)
        lay.addWidget(self.list, 1)
        lay.addWidget(self.more)
        lay.addWidget(self.strict)

    def show_problems(self, items: list[tuple[int, str, str]], failures: bool) -> None:
        """``items``: (line, column, message), in line order; ``failures``: some row would not be imported
        (not only warnings), which is when "import nothing" means something."""
        shown = items[:MAX_PROBLEMS_SHOWN]
        self.problems.setRowCount(len(shown))
        for r, (line, col, msg) in enumerate(shown):
            cell = QTableWidgetItem(str(line))
            cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.problems.setItem(r, 0, cell)
            self.problems.setItem(r, 1, QTableWidgetItem(col))
            self.problems.setItem(r, 2, QTableWidgetItem(msg))
        self.problems.resizeColumnToContents(0)
        self.problems.setColumnWidth(1, max(140, self.problems.columnWidth(1)))
        self.problems.resizeRowsToContents()
        self.list.setCurrentWidget(self.problems if items else self.no_problems)
        self.strict.setVisible(failures)
        if not failures:
            self.strict.setChecked(False)
        self.more.setVisible(len(items) > len(shown))
        self.more.setText(_("Showing the first {shown} of {total} problems. Fix these in the file and check it "
                            "again to see the rest.").format(shown=format_int(len(shown)),
                                                             total=format_int(len(items))))


class RunningPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(_("Importing the roster…"))
        self.title.setStyleSheet(TITLE_STYLE)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.step_label = QLabel(_("Importing…"))
        self.cancel_button = QPushButton(_("Cancel import"))
        self.note = _wrapped(_("Nothing is saved until the import finishes: a cancel, or closing the app, "
                               "leaves the register as it was."))
        self.note.setStyleSheet("color: #555555;")
        row = QHBoxLayout()
        row.addWidget(self.step_label, 1)
        row.addWidget(self.cancel_button)
        lay = QVBoxLayout(self)
        lay.addStretch(1)
        lay.addWidget(self.title)
        lay.addWidget(self.progress)
        lay.addLayout(row)
        lay.addSpacing(12)
        lay.addWidget(self.note)
        lay.addStretch(2)


class SummaryPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setStyleSheet(TITLE_STYLE)
        self.label = _wrapped()
        self.counts = QWidget()
        self.form = QFormLayout(self.counts)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.counts.setMaximumWidth(360)  # the numbers next to their labels, not across the dialog
        lay = QVBoxLayout(self)
        lay.addWidget(self.title)
        lay.addWidget(self.label)
        lay.addWidget(self.counts)
        lay.addStretch(1)

    def show_result(self, title: str, text: str, counts: list[tuple[str, int]]) -> None:
        self.title.setText(title)
        self.label.setText(text)
        self.label.setVisible(bool(text))
        while self.form.rowCount():
            self.form.removeRow(0)
        for name, n in counts:
            value = QLabel(format_int(n))
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setMinimumWidth(80)
            self.form.addRow(name, value)
        self.counts.setVisible(bool(counts))
