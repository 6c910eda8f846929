"""GUI test fixtures: a main window with a fake clock, a private throttle file, dialogs answered
by the tests (``dialogs.AUTO``), and a probe page that follows the AreaPage contract."""

from __future__ import annotations

import pytest

from unionkit.clock import FakeClock
from unionkit.settings import Settings
from unionkit.ui import dialogs
from unionkit.vault.throttle import UnlockGuard

from .helpers import ProbePage


@pytest.fixture(autouse=True)
def answered_dialogs():
    dialogs.reset()
    dialogs.AUTO = True
    yield dialogs
    dialogs.AUTO = False
    dialogs.reset()


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def make_window(qtbot, tmp_path, clock):
    from unionkit.ui.main_window import MainWindow

    windows = []

    def make(pages=None, settings=None, guard=None):
        s = settings or Settings(backup_folder=str(tmp_path / "backups"))
        g = guard or UnlockGuard(clock, state_file=tmp_path / "throttle.json")
        w = MainWindow(s, clock=clock, guard=g, pages=[ProbePage()] if pages is None else pages)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        windows.append(w)
        return w

    yield make
    for w in windows:
        w.session.close()
        w.idle.detach()


@pytest.fixture
def vault_path(vault_factory):
    """A real vault on disk, closed (so the UI can open it)."""
    v = vault_factory(union_name="Sindicato Único de Prueba")
    folder = v.folder
    v.close()
    return folder
