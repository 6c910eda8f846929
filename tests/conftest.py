"""Test setup: offscreen Qt, English+Spanish catalogs, a fast KDF only by explicit setting,
and a private HOME/TMPDIR/config per test session so that leak scans see only our files."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("UNIONKIT_TEST_FAST_KDF", "1")  # the real Argon2 cost is tested in test_kdf.py
_session_home = Path(tempfile.mkdtemp(prefix="uk-home-"))
os.environ["HOME"] = str(_session_home)
os.environ["XDG_CONFIG_HOME"] = str(_session_home / ".config")
os.environ["XDG_DATA_HOME"] = str(_session_home / ".local" / "share")
os.environ["UNIONKIT_CONFIG_DIR"] = str(_session_home / ".config" / "unionkit")

import pytest  # noqa: E402

from unionkit import i18n  # noqa: E402

PASS = "correct horse battery staple ñ"


@pytest.fixture(autouse=True)
def _spanish_by_default():
    i18n.set_language("es_MX")
    yield
    i18n.set_language("es_MX")


@pytest.fixture
def vault_factory(tmp_path):
    from unionkit.vault import Vault

    opened = []

    def make(name: str = "v", passphrase: str = PASS, union_name: str = "Sindicato de Prueba"):
        v = Vault.create(tmp_path / name, passphrase, union_name=union_name)
        opened.append(v)
        return v

    yield make
    for v in opened:
        if v.is_open:
            v.close()


@pytest.fixture
def vault(vault_factory):
    return vault_factory()


@pytest.fixture
def gui_auto():
    """Dialogs answered by what a test queued (``dialogs.preanswer``) and background tasks run inline."""
    from unionkit.ui import dialogs, workers

    dialogs.reset()
    dialogs.AUTO = True
    workers.SYNCHRONOUS = True
    yield
    dialogs.AUTO = False
    workers.SYNCHRONOUS = False
    dialogs.reset()
