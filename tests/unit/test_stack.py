"""PySide6 6.12.0 on CPython 3.11 leaks references to None (STACK.md): verify the pinned version."""

import sys

import pytest


def test_no_refcount_leak_of_none_in_void_methods():
    pytest.importorskip("PySide6")
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication([])
    label = QLabel()
    before = sys.getrefcount(None)
    for _i in range(10_000):
        label.setText("x")
    after = sys.getrefcount(None)
    assert abs(after - before) < 100, (before, after)
    assert app is not None
