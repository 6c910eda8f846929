"""Roster import wizard: file -> column mapping -> preview with every problem -> import with progress
and cancel -> summary. All the work is done by ``unionkit.members`` (reader, importer, commit)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from unionkit.errors import UnionkitError
from unionkit.formatting import format_int
from unionkit.i18n import _
from unionkit.members.commit import WRITING, commit
from unionkit.members.importer import ImportCancelled, ImportPreview, preview
from unionkit.members.mapping import mapping_for
from unionkit.members.reader import Table, read_table
from unionkit.ui import dialogs
from unionkit.ui.members.import_pages import (
    TITLE_STYLE,
    FilePage,
    MappingPage,
    PreviewPage,
    RunningPage,
    SummaryPage,
)
from unionkit.ui.workers import run_task
from unionkit.vault import Vault

FILE, MAPPING, PREVIEW, RUNNING, SUMMARY = range(5)


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
        self.header = QLabel()
        self.header.setStyleSheet(TITLE_STYLE)
        self.stack = QStackedWidget()
        # 1. file
        self.file_page = FilePage()
        self.file_page.choose_button.clicked.connect(self.choose_file)
        self.file_label = self.file_page.file_label
        self.stack.addWidget(self.file_page)
        # 2. mapping
        self.mapping_page = MappingPage()
        self.mapping_table, self.as_members = self.mapping_page.table, self.mapping_page.as_members
        self.stack.addWidget(self.mapping_page)
        # 3. preview
        self.preview_page = PreviewPage()
        self.preview_label, self.problems = self.preview_page.label, self.preview_page.problems
        self.strict = self.preview_page.strict
        self.stack.addWidget(self.preview_page)
        # 4. running
        self.running_page = RunningPage()
        self.progress, self.progress_label = self.running_page.progress, self.running_page.step_label
        self.cancel_button = self.running_page.cancel_button
        self.cancel_button.clicked.connect(self.cancel)
        self.stack.addWidget(self.running_page)
        # 5. summary
        self.summary_page = SummaryPage()
        self.summary_label = self.summary_page.label
        self.stack.addWidget(self.summary_page)

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
        layout.addWidget(self.header)
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
        """Read the file off the GUI thread (a 100,000-row XLSX takes seconds); True once it is read."""
        self.table = None
        self.file_page.show_file(_("Reading {name}…").format(name=Path(path).name))
        self.file_page.choose_button.setEnabled(False)
        self._update_buttons()
        self.handle = run_task(lambda _progress, _cancelled: read_table(path),
                               on_done=lambda table: self._file_read(path, table), on_error=self._file_failed)
        return self.table is not None

    def _file_read(self, path: str | Path, table: Table) -> None:
        self.table = table
        self.file_page.choose_button.setEnabled(True)
        self.file_page.show_file(_("{name}: {rows} rows and {cols} columns.").format(
            name=Path(path).name, rows=format_int(len(table)), cols=len(table.headers)))
        self._fill_mapping()
        self._update_buttons()

    def _file_failed(self, exc: BaseException) -> None:
        self.file_page.choose_button.setEnabled(True)
        if not isinstance(exc, UnionkitError):
            raise exc
        self.file_page.show_error(exc.message)
        self._update_buttons()

    def _fill_mapping(self) -> None:
        self.mapping_page.fill(self.table, mapping_for(self.vault, self.table.headers))

    def mapping(self) -> dict[str, int]:
        return self.mapping_page.mapping()

    def set_field(self, column: int, field: str | None) -> None:
        self.mapping_page.set_field(column, field)

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
        self.preview_page.show_problems(items, bool(s["rejected_rows"] or s["duplicates"]))
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
        not_imported = result["rejected_rows"] + len(result["duplicates"])
        if result.get("strict_refused"):
            self.summary_page.show_result(
                _("Nothing was imported"),
                _("Some rows have problems and you asked to import nothing in that case. Fix them in the file "
                  "and import it again."), [])
        else:
            text = "" if not not_imported else _(
                "Rows with problems were not imported. Fix them in the file and import it again: the people "
                "already imported are recognised by their CURP and are not repeated.")
            self.summary_page.show_result(_("Import finished"), text, [
                (_("New people:"), result["imported"]), (_("Updated:"), result["updated"]),
                (_("Unchanged:"), result["unchanged"]), (_("Not imported:"), not_imported)])
        self.stack.setCurrentIndex(SUMMARY)
        self._update_buttons()
        if result.get("committed"):
            self.imported.emit(result)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ImportCancelled):
            self.summary_page.show_result(_("Import cancelled"), _("Nothing was imported."), [])
        elif isinstance(exc, UnionkitError):
            self.summary_page.show_result(_("The import failed"), exc.message, [])
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
        titles = {FILE: _("Step 1 of 4: the file"), MAPPING: _("Step 2 of 4: the columns"),
                  PREVIEW: _("Step 3 of 4: check before importing"), RUNNING: _("Step 4 of 4: import"),
                  SUMMARY: _("Step 4 of 4: import")}
        self.header.setText(titles[step])
