"""Roster import wizard: file -> column mapping -> preview with every problem -> import with progress
and cancel -> summary. All the work is done by ``unionkit.members`` (reader, importer, commit)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
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

from unionkit.errors import UnionkitError
from unionkit.formatting import format_int
from unionkit.i18n import _
from unionkit.members.commit import WRITING, commit
from unionkit.members.importer import ImportCancelled, ImportPreview, preview
from unionkit.members.mapping import FIELDS, field_label, mapping_for
from unionkit.members.reader import Table, read_table
from unionkit.ui import dialogs
from unionkit.ui.workers import run_task
from unionkit.vault import Vault

FILE, MAPPING, PREVIEW, RUNNING, SUMMARY = range(5)
MAX_PROBLEMS_SHOWN = 2000


def _page(*widgets: QWidget) -> QWidget:
    w = QWidget()
    lay = QVBoxLayout(w)
    for x in widgets:
        lay.addWidget(x)
    return w


class ImportWizard(QDialog):
    imported = Signal(dict)

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.table: Table | None = None
        self.prev: ImportPreview | None = None
        self.result_summary: dict | None = None
        self.handle = None
        self.setWindowTitle(_("Import a roster"))
        self.resize(820, 560)
        self.stack = QStackedWidget()
        # 1. file
        self.file_intro = QLabel(_("Choose the roster to import: a CSV or Excel (.xlsx) file from the employer, "
                                   "the CFCRL or your own lists. The first row must hold the column names. Each "
                                   "person needs a CURP; nothing is changed until you confirm."))
        self.file_intro.setWordWrap(True)
        self.choose_button = QPushButton(_("Choose file…"))
        self.choose_button.clicked.connect(self.choose_file)
        self.file_label = QLabel()
        self.file_label.setWordWrap(True)
        self.stack.addWidget(_page(self.file_intro, self.choose_button, self.file_label, QWidget()))
        # 2. mapping
        self.mapping_intro = QLabel(_("Check which information each column holds. Columns set to “Ignore” are "
                                      "not imported. This choice is remembered for files with the same columns."))
        self.mapping_intro.setWordWrap(True)
        self.mapping_table = QTableWidget(0, 3)
        self.mapping_table.setHorizontalHeaderLabels([_("Column in the file"), _("First value"), _("Import as")])
        self.mapping_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.mapping_table.verticalHeader().hide()
        self.as_members = QCheckBox(_("The people in this file are members of the union"))
        self.as_members.setChecked(True)
        self.stack.addWidget(_page(self.mapping_intro, self.mapping_table, self.as_members))
        # 3. preview
        self.preview_label = QLabel()
        self.preview_label.setWordWrap(True)
        self.problems = QTableWidget(0, 3)
        self.problems.setHorizontalHeaderLabels([_("Line"), _("Column"), _("Problem")])
        self.problems.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.problems.verticalHeader().hide()
        self.problems.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.strict = QCheckBox(_("Import nothing if any row has a problem"))
        self.stack.addWidget(_page(self.preview_label, self.problems, self.strict))
        # 4. running
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress_label = QLabel(_("Importing…"))
        self.cancel_button = QPushButton(_("Cancel import"))
        self.cancel_button.clicked.connect(self.cancel)
        self.stack.addWidget(_page(self.progress_label, self.progress, self.cancel_button, QWidget()))
        # 5. summary
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.stack.addWidget(_page(self.summary_label, QWidget()))

        self.back_button = QPushButton(_("Back"))
        self.next_button = QPushButton(_("Next"))
        self.close_button = QPushButton(_("Cancel"))
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    # ---------------------------------------------------------------- steps

    def step(self) -> int:
        return self.stack.currentIndex()

    def choose_file(self) -> None:
        path = dialogs.choose_open_file(self, _("Choose a roster"), "",
                                        _("Rosters (*.csv *.txt *.tsv *.xlsx);;All files (*)"))
        if path:
            self.load_file(path)

    def load_file(self, path: str | Path) -> bool:
        try:
            self.table = read_table(path)
        except UnionkitError as exc:
            self.table = None
            self.file_label.setText(exc.message)
            self.file_label.setStyleSheet("color: #b00020;")
            self._update_buttons()
            return False
        self.file_label.setStyleSheet("")
        self.file_label.setText(_("{name}: {rows} rows and {cols} columns.").format(
            name=Path(path).name, rows=format_int(len(self.table)), cols=len(self.table.headers)))
        self._fill_mapping()
        self._update_buttons()
        return True

    def _fill_mapping(self) -> None:
        t = self.table
        mapping = mapping_for(self.vault, t.headers)
        by_col = {i: f for f, i in mapping.items()}
        self.mapping_table.setRowCount(len(t.headers))
        first = t.rows[0][1] if t.rows else []
        for i, h in enumerate(t.headers):
            self.mapping_table.setItem(i, 0, QTableWidgetItem(h))
            self.mapping_table.setItem(i, 1, QTableWidgetItem(first[i] if i < len(first) else ""))
            combo = QComboBox()
            combo.addItem(_("Ignore"), None)
            for f in FIELDS:
                combo.addItem(field_label(f), f)
            combo.setCurrentIndex(max(0, combo.findData(by_col.get(i))))
            self.mapping_table.setCellWidget(i, 2, combo)

    def mapping(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for i in range(self.mapping_table.rowCount()):
            f = self.mapping_table.cellWidget(i, 2).currentData()
            if f and f not in out:
                out[f] = i
        return out

    def set_field(self, column: int, field: str | None) -> None:
        combo: QComboBox = self.mapping_table.cellWidget(column, 2)
        combo.setCurrentIndex(max(0, combo.findData(field)))

    def run_preview(self) -> None:
        self.next_button.setEnabled(False)
        self.preview_label.setText(_("Checking rows…"))
        table, mapping, as_members = self.table, self.mapping(), self.as_members.isChecked()
        self.handle = run_task(lambda progress, cancelled: preview(self.vault, table, mapping, as_members=as_members,
                                                                   progress=progress, cancelled=cancelled),
                               on_done=self._preview_done, on_error=self._failed)

    def _preview_done(self, prev: ImportPreview) -> None:
        self.prev = prev
        s = prev.summary()
        text = _("{rows} rows: {new} new, {upd} to update, {same} unchanged, {bad} with problems, {dup} repeated "
                 "in the file.").format(rows=format_int(s["data_rows"]), new=format_int(s["imported"]),
                                        upd=format_int(s["updated"]), same=format_int(s["unchanged"]),
                                        bad=format_int(s["rejected_rows"]), dup=format_int(len(s["duplicates"])))
        if s["new_workplaces"]:
            text += " " + _("New workplaces: {names}.").format(names=", ".join(s["new_workplaces"]))
        if s["rejected_rows"] or s["duplicates"]:
            text += " " + _("Rows with problems are not imported; fix them in the file and import it again.")
        self.preview_label.setText(text)
        items = [(p["line"], p["column"], p["message"]) for p in s["rejected"]]
        items += [(d["line"], "", _("Repeats the CURP of line {line}; only the first is imported.").format(
            line=d["duplicate_of_line"])) for d in s["duplicates"]]
        items += [(p["line"], p["column"], _("Warning: {message}").format(message=p["message"]))
                  for p in s["warnings"]]
        items.sort(key=lambda x: x[0])
        shown = items[:MAX_PROBLEMS_SHOWN]
        self.problems.setRowCount(len(shown))
        for r, (line, col, msg) in enumerate(shown):
            for c, text in enumerate((str(line), col, msg)):
                self.problems.setItem(r, c, QTableWidgetItem(text))
        self.problems.resizeColumnToContents(0)
        self.problems.setColumnWidth(1, max(140, self.problems.columnWidth(1)))
        self.problems.resizeRowsToContents()
        self.stack.setCurrentIndex(PREVIEW)
        self._update_buttons()

    def run_commit(self) -> None:
        self.stack.setCurrentIndex(RUNNING)
        self.progress.setValue(0)
        self._update_buttons()
        prev, strict = self.prev, self.strict.isChecked()
        self.handle = run_task(lambda progress, cancelled: commit(self.vault, prev, strict=strict,
                                                                  progress=progress, cancelled=cancelled),
                               on_done=self._commit_done, on_error=self._failed, on_progress=self._progress)

    def _progress(self, fraction: float, text: str) -> None:
        self.progress.setValue(int(fraction * 1000))
        if text:
            self.progress_label.setText(text)
        if fraction >= WRITING:  # the COMMIT is running: a cancel could no longer take effect
            self.cancel_button.setEnabled(False)

    def cancel(self) -> None:
        if self.handle is not None:
            self.handle.cancel()
            self.cancel_button.setEnabled(False)

    def _commit_done(self, result: dict) -> None:
        self.result_summary = result
        if result.get("strict_refused"):
            text = _("Nothing was imported: some rows have problems and you asked to import nothing in that case.")
        else:
            text = _("Import finished. New people: {new}. Updated: {upd}. Unchanged: {same}. Not imported: "
                     "{bad}.").format(new=format_int(result["imported"]), upd=format_int(result["updated"]),
                                      same=format_int(result["unchanged"]),
                                      bad=format_int(result["rejected_rows"] + len(result["duplicates"])))
        self.summary_label.setText(text)
        self.stack.setCurrentIndex(SUMMARY)
        self._update_buttons()
        if result.get("committed"):
            self.imported.emit(result)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ImportCancelled):
            self.summary_label.setText(_("Import cancelled. Nothing was imported."))
        elif isinstance(exc, UnionkitError):
            self.summary_label.setText(exc.message)
        else:
            raise exc
        self.stack.setCurrentIndex(SUMMARY)
        self._update_buttons()

    # ---------------------------------------------------------------- navigation

    def next(self) -> None:
        step = self.step()
        if step == FILE and self.table is not None:
            self.stack.setCurrentIndex(MAPPING)
        elif step == MAPPING:
            self.run_preview()
            return
        elif step == PREVIEW:
            self.run_commit()
            return
        elif step == SUMMARY:
            self.accept()
            return
        self._update_buttons()

    def back(self) -> None:
        if self.step() in (MAPPING, PREVIEW):
            self.stack.setCurrentIndex(self.step() - 1)
        self._update_buttons()

    def _update_buttons(self) -> None:
        step = self.step()
        self.back_button.setVisible(step in (MAPPING, PREVIEW))
        self.close_button.setVisible(step not in (RUNNING, SUMMARY))
        self.next_button.setVisible(step != RUNNING)
        self.next_button.setEnabled(step != FILE or self.table is not None)
        self.next_button.setText({PREVIEW: _("Import"), SUMMARY: _("Close")}.get(step, _("Next")))
        self.cancel_button.setEnabled(step == RUNNING)
