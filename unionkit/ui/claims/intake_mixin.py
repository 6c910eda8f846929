"""Adding files to a case's evidence: the file chooser, drag and drop, and the intake itself in a worker
(``run_task``) with a progress bar and Cancel (a cancelled intake stores nothing)."""

from __future__ import annotations

from pathlib import Path

from unionkit.errors import UnionkitError
from unionkit.i18n import _
from unionkit.packets import evidence
from unionkit.ui import dialogs
from unionkit.ui.workers import run_task
from unionkit.vault.blobs import Cancelled


class IntakeMixin:
    """Mixed into the evidence browser (needs vault, case_id, task, progress, cancel_btn, add_btn, load)."""

    # -- intake ----------------------------------------------------------------------------------
    def choose_files(self) -> None:
        path = dialogs.choose_open_file(self, _("Add evidence"))
        if path is not None:
            self.add_paths([path])

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.mimeData().hasUrls() and self.case_id is not None:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt API
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        paths = [p for p in paths if p.is_file()]
        if paths:
            event.acceptProposedAction()
            self.add_paths(paths)

    def add_paths(self, paths: list[Path]) -> None:
        if self.vault is None or self.case_id is None or self.task is not None:
            return
        vault, case_id = self.vault, self.case_id

        def work(progress, cancelled):
            added = []
            for i, p in enumerate(paths):
                added.append(evidence.add(vault, p, case_id=case_id, cancelled=cancelled,
                                          progress=lambda f, t, i=i: progress((i + f) / len(paths), t)))
            return added

        self.progress.setValue(0)
        self.progress.show()
        self.cancel_btn.show()
        self.add_btn.setEnabled(False)
        handle = run_task(work, on_done=self._intake_done, on_error=self._intake_failed,
                          on_progress=lambda f, t: (self.progress.setValue(int(f * 100)),
                                                    self.progress.setFormat(f"{t} %p%")))
        self.task = None if handle.finished else handle

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _intake_finished(self) -> None:
        self.task = None
        self.progress.hide()
        self.cancel_btn.hide()
        self.add_btn.setEnabled(True)
        self.load(self.vault, self.case_id)
        self.changed.emit()

    def _intake_done(self, _added) -> None:
        self._intake_finished()

    def _intake_failed(self, exc: BaseException) -> None:
        self._intake_finished()
        if isinstance(exc, Cancelled):
            dialogs.info(self, _("Cancelled"), exc.message)
        elif isinstance(exc, UnionkitError):
            dialogs.error(self, _("Not added"), exc.message)
        else:
            dialogs.error(self, _("Not added"), _("The file could not be added."), detail=type(exc).__name__)
