"""Quick delete by crypto-erase (SECURITY R18): keys destroyed first; even a saved copy of the
database cannot be opened with the passphrase afterwards."""

import shutil
import time

import pytest

from tests.conftest import PASS
from unionkit.errors import NotAVault
from unionkit.vault import Vault, header
from unionkit.vault.erase import crypto_erase


def test_erase_destroys_keys_and_files(vault, tmp_path):
    vault.set_setting("x", "y" * 100000)
    folder = vault.folder
    vault.close()
    stolen = tmp_path / "stolen-db-copy"
    shutil.copy(folder / "vault.db", stolen)
    t0 = time.perf_counter()
    crypto_erase(folder)
    assert time.perf_counter() - t0 < 5
    assert not folder.exists()
    # The attacker kept the database and later learns the passphrase: without a header, no key.
    folder.mkdir()
    shutil.copy(stolen, folder / "vault.db")
    with pytest.raises(NotAVault):
        Vault.open(folder, PASS)
    assert all(not (folder / n).exists() for n in header.HEADER_NAMES)


def test_erase_refuses_a_non_vault(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "keep.txt").write_text("mine")
    with pytest.raises(NotAVault):
        crypto_erase(tmp_path / "docs")
    assert (tmp_path / "docs" / "keep.txt").exists()
