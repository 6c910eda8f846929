"""Every modal question and file chooser goes through here, so that tests can answer them.

Tests call ``preanswer(True, Path(...), None, ...)``: each modal call takes the next answer instead of
showing itself. With ``AUTO = True`` (set by the GUI tests) a call without a queued answer returns
its default instead of blocking. Every call is recorded in ``history`` as (kind, title, text).
"""

from __future__ import annotations

from collections import deque
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from unionkit.i18n import pgettext

AUTO = False
history: list[tuple[str, str, str]] = []
_answers: deque[Any] = deque()
_NOTHING = object()


def preanswer(*answers: Any) -> None:
    _answers.extend(answers)


def reset() -> None:
    _answers.clear()
    history.clear()


def _take(kind: str, title: str, text: str, default: Any) -> Any:
    history.append((kind, title, text))
    if _answers:
        return _answers.popleft()
    if AUTO:
        return default
    return _NOTHING


def _box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, detail: str | None) -> None:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    if detail:
        box.setDetailedText(detail)
    box.exec()


def info(parent: QWidget | None, title: str, text: str) -> None:
    if _take("info", title, text, None) is _NOTHING:
        _box(parent, QMessageBox.Icon.Information, title, text, None)


def warning(parent: QWidget | None, title: str, text: str) -> None:
    if _take("warning", title, text, None) is _NOTHING:
        _box(parent, QMessageBox.Icon.Warning, title, text, None)


def error(parent: QWidget | None, title: str, text: str, detail: str | None = None) -> None:
    if _take("error", title, text, None) is _NOTHING:
        _box(parent, QMessageBox.Icon.Critical, title, text, detail)


def ask(parent: QWidget | None, title: str, text: str, *, yes: str | None = None,
        default: bool = False) -> bool:
    """A yes/no question; ``yes`` names the action button (e.g. "Rekey")."""
    answer = _take("ask", title, text, default)
    if answer is not _NOTHING:
        return bool(answer)
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    ok = box.addButton(yes or pgettext("button", "Yes"), QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton(pgettext("button", "Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(ok if default else no)
    box.exec()
    return box.clickedButton() is ok


def choose_folder(parent: QWidget | None, title: str, start: str | Path = "") -> Path | None:
    answer = _take("folder", title, str(start), None)
    if answer is not _NOTHING:
        return Path(answer) if answer else None
    path = QFileDialog.getExistingDirectory(parent, title, str(start))
    forget_file_dialog_history()
    return Path(path) if path else None


def choose_open_file(parent: QWidget | None, title: str, start: str | Path = "",
                     filters: str = "") -> Path | None:
    answer = _take("open_file", title, str(start), None)
    if answer is not _NOTHING:
        return Path(answer) if answer else None
    path, _sel = QFileDialog.getOpenFileName(parent, title, str(start), filters)
    forget_file_dialog_history()
    return Path(path) if path else None


def forget_file_dialog_history() -> None:
    """Qt's own file dialog remembers visited folders in QtProject.conf: no trail of where the union's
    files live should stay behind (SECURITY R19)."""
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    for key in ("FileDialog/history", "FileDialog/lastVisited"):
        settings.remove(key)
    settings.sync()


def run_dialog(dialog: Any) -> bool:
    """``dialog.exec()`` unless a test queued an answer: then ``answer(dialog)`` fills it first.

    A queued callable gets the dialog, may fill its fields and returns True to accept it.
    """
    answer = _take("dialog", dialog.windowTitle(), type(dialog).__name__, False)
    if answer is _NOTHING:
        return bool(dialog.exec())
    if callable(answer):
        answer = answer(dialog)
    if answer:
        dialog.accept()
        return dialog.result() == 1
    dialog.reject()
    return False
