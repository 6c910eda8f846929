"""Backup -> restore round trip, generations, damage, and private permissions under umask 000."""

from __future__ import annotations

import os
import stat

import pytest

from tests.conftest import PASS
from unionkit.errors import DamagedVault, NotAVault, VaultError, WrongPassphrase
from unionkit.vault import Vault
from unionkit.vault.backup import backup_to_folder, create_backup, restore_backup
from unionkit.vault.blobs import put_bytes, read_bytes


def _fill(v: Vault) -> None:
    v.set_setting("tesorería", "Peña Añorve")
    put_bytes(v, os.urandom(3 * 1024 * 1024 + 17), filename="recibo.pdf")


def test_round_trip_keeps_the_logical_digest(vault, tmp_path):
    _fill(vault)
    digest = vault.logical_digest()
    info = create_backup(vault, tmp_path / "b" / "one.ukbackup")
    assert info.digest == digest
    vault.change_passphrase(PASS, "later passphrase")  # the backup keeps the passphrase of its time
    vault.close()
    with pytest.raises(WrongPassphrase):
        restore_backup(info.path, "later passphrase", tmp_path / "r0")
    assert not (tmp_path / "r0").exists()
    restored = restore_backup(info.path, PASS, tmp_path / "r")
    with Vault.open(restored, PASS) as v:
        assert v.logical_digest() == digest
        assert len(read_bytes(v, 1)) == 3 * 1024 * 1024 + 17


def test_restore_refuses_a_non_empty_target_and_damaged_files(vault, tmp_path):
    info = create_backup(vault, tmp_path / "x.ukbackup")
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "f").write_text("x")
    with pytest.raises(VaultError):
        restore_backup(info.path, PASS, tmp_path / "busy")
    data = bytearray(info.path.read_bytes())
    data[len(data) // 2] ^= 1
    bad = tmp_path / "bad.ukbackup"
    bad.write_bytes(bytes(data))
    with pytest.raises(DamagedVault):
        restore_backup(bad, PASS, tmp_path / "r1")
    other = tmp_path / "foto.jpg"
    other.write_bytes(b"\xff\xd8\xff\xe0 not a backup")
    with pytest.raises(NotAVault):
        restore_backup(other, PASS, tmp_path / "r2")
    assert not (tmp_path / "r1").exists() and not (tmp_path / "r2").exists()


def test_keeps_n_generations(vault, tmp_path, monkeypatch):
    import unionkit.vault.backup as b

    stamps = iter(f"2026010{i}-120000" for i in range(1, 8))

    class FakeDT:
        @staticmethod
        def now(tz=None):
            class S:
                def strftime(self, fmt):
                    return next(stamps)

                def isoformat(self, timespec=None):
                    return "2026-01-01T00:00:00+00:00"

            return S()

    monkeypatch.setattr(b.dt, "datetime", FakeDT)
    for _ in range(5):
        backup_to_folder(vault, tmp_path / "gen", keep=3)
    names = sorted(p.name for p in (tmp_path / "gen").iterdir())
    assert len(names) == 3
    assert names[-1].endswith("20260105-120000.ukbackup")


def _modes(root):
    out = {}
    for p in [root, *root.rglob("*")]:
        out[str(p.relative_to(root.parent))] = stat.S_IMODE(p.stat().st_mode)
    return out


def test_files_0600_and_folders_0700_under_umask_000(tmp_path):
    old = os.umask(0)
    try:
        v = Vault.create(tmp_path / "v", PASS)
        _fill(v)
        create_backup(v, tmp_path / "bk" / "b.ukbackup")
        v.close()
        v = Vault.open(tmp_path / "v", PASS)  # WAL and SHM files exist while open
        modes = _modes(tmp_path / "v")
        v.close()
        restore_backup(tmp_path / "bk" / "b.ukbackup", PASS, tmp_path / "r")
    finally:
        os.umask(old)
    modes.update(_modes(tmp_path / "bk"))
    modes.update(_modes(tmp_path / "r"))
    for name, mode in modes.items():
        p = tmp_path / name
        want = 0o700 if p.is_dir() else 0o600
        assert mode == want, (name, oct(mode))
