"""SECURITY R15: after locking, no personal data stays anywhere in the widget tree (every real area
page, on a demo vault)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from unionkit.demo import DEMO_PASSPHRASE, create_demo
from unionkit.ui.session import LOCKED
from unionkit.ui.workspace import load_pages

from .helpers import open_through_ui


def _model_texts(model, parent=QModelIndex(), depth=0):
    if model is None or depth > 3:
        return
    try:
        columns = model.columnCount(parent)
    except TypeError:  # list models keep columnCount private
        columns = 1
    for r in range(min(model.rowCount(parent), 2000)):
        for c in range(columns):
            idx = model.index(r, c, parent)
            value = model.data(idx, Qt.ItemDataRole.DisplayRole)
            if value is not None:
                yield str(value)
        first = model.index(r, 0, parent)
        try:
            nested = model.hasChildren(first)
        except TypeError:  # table models keep hasChildren private: flat
            nested = False
        if nested:
            yield from _model_texts(model, first, depth + 1)


def all_texts(root: QWidget):
    for w in [root, *root.findChildren(QWidget)]:
        yield w.windowTitle()
        yield w.toolTip()
        if isinstance(w, (QLabel, QAbstractButton, QLineEdit)):
            yield w.text()
        if isinstance(w, (QTextEdit, QPlainTextEdit)):
            yield w.toPlainText()
        if isinstance(w, QComboBox):
            yield from (w.itemText(i) for i in range(w.count()))
        if isinstance(w, QAbstractItemView):
            yield from _model_texts(w.model())


def test_lock_leaves_no_personal_data_on_screen(qtbot, make_window, tmp_path):
    folder = create_demo(tmp_path / "demo", small=True)
    w = make_window(pages=load_pages())
    vault = open_through_ui(qtbot, w, folder, DEMO_PASSPHRASE)
    sentinels = [r[0] for r in vault.query("SELECT curp FROM person WHERE curp IS NOT NULL LIMIT 5")]
    sentinels.append(vault.union_name)
    for row in range(w.workspace.nav.count()):  # visit every page so that each fills its views
        w.workspace.nav.setCurrentRow(row)
        qtbot.wait(50)
    seen_before = "\n".join(all_texts(w))
    assert vault.union_name in seen_before
    assert any(s in seen_before for s in sentinels[:-1])  # the members table did show people
    w.session.lock()
    assert w.session.state == LOCKED
    qtbot.wait(50)
    seen = "\n".join(all_texts(w))
    leaks = [s for s in sentinels if s and s in seen]
    assert leaks == []
