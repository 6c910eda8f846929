"""Create, open, wrong passphrase, damaged, foreign and newer vaults (issue 2, SECURITY R1-R4)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import PASS
from unionkit.errors import DamagedVault, NewerVault, NotAVault, VaultLocked, WrongPassphrase
from unionkit.vault import Vault
from unionkit.vault import header as hdr_mod


def snapshot(folder: Path) -> dict:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir()) if p.is_file()}


def test_create_then_open_keeps_data(tmp_path):
    v = Vault.create(tmp_path / "v", PASS, union_name="Sindicato Núñez")
    v.set_setting("sentinel", "valor")
    v.close()
    with Vault.open(tmp_path / "v", PASS) as v2:
        assert v2.get_setting("sentinel") == "valor"
        assert v2.union_name == "Sindicato Núñez"
        assert v2.scalar("PRAGMA foreign_keys") == 1
        assert v2.scalar("PRAGMA secure_delete") == 1
        assert v2.scalar("PRAGMA temp_store") == 2
        assert v2.scalar("PRAGMA journal_mode") == "wal"
        assert v2.scalar("PRAGMA synchronous") == 2
        assert v2.scalar("PRAGMA cipher_version").startswith("4.")


def test_database_file_is_encrypted(vault):
    vault.set_setting("sentinel", "PLAINTEXT-SENTINEL")
    folder = vault.folder
    vault.close()
    data = (folder / "vault.db").read_bytes()
    assert not data.startswith(b"SQLite format 3\x00")
    assert b"PLAINTEXT-SENTINEL" not in data


def test_wrong_passphrase_twenty_times_changes_nothing(vault):
    folder = vault.folder
    vault.close()
    before = snapshot(folder)
    for i in range(20):
        with pytest.raises(WrongPassphrase) as exc:
            Vault.open(folder, f"not the passphrase {i}")
        assert "contraseña" in exc.value.message.lower() or "passphrase" in exc.value.message.lower()
    assert snapshot(folder) == before
    Vault.open(folder, PASS).close()


def test_one_damaged_header_copy_is_repaired_from_the_other(vault):
    folder = vault.folder
    vault.close()
    (folder / "key.hdr").write_bytes(b"garbage")
    with Vault.open(folder, PASS) as v:
        assert v.get_setting("union_name")
    assert hdr_mod.parse((folder / "key.hdr").read_bytes()).vault_uid


def test_both_header_copies_damaged_is_a_damaged_vault(vault):
    folder = vault.folder
    vault.close()
    for name in hdr_mod.HEADER_NAMES:
        data = bytearray((folder / name).read_bytes())
        data[40] ^= 0x01  # one flipped bit inside the body: checksum no longer matches
        (folder / name).write_bytes(bytes(data))
    with pytest.raises(DamagedVault) as exc:
        Vault.open(folder, PASS)
    assert "respaldo" in exc.value.message  # says how to restore


def test_damaged_database_with_right_passphrase_is_damaged_not_wrong(vault):
    folder = vault.folder
    vault.close()
    db = folder / "vault.db"
    data = bytearray(db.read_bytes())
    for i in range(0, 64):
        data[i] ^= 0xFF  # the salt and the first page
    db.write_bytes(bytes(data))
    with pytest.raises(DamagedVault):
        Vault.open(folder, PASS)


@pytest.mark.parametrize("kind", ["file", "empty_dir", "foreign_header", "sqlite"])
def test_foreign_things_are_not_a_vault(tmp_path, kind):
    target = tmp_path / "x"
    if kind == "file":
        target.write_bytes(b"%PDF-1.4 not a vault")
    elif kind == "empty_dir":
        target.mkdir()
    elif kind == "foreign_header":
        target.mkdir()
        body = '{"magic": "something-else", "version": 1}'
        import hashlib
        import json

        (target / "key.hdr").write_text(json.dumps({"body": body, "sha256": hashlib.sha256(body.encode())
                                                    .hexdigest()}))
    else:
        target.mkdir()
        import sqlite3

        sqlite3.connect(target / "vault.db").execute("create table t(a)").connection.close()
    with pytest.raises(NotAVault):
        Vault.open(target, PASS)


def test_newer_schema_is_refused(vault):
    folder = vault.folder
    vault.execute("PRAGMA user_version = 999")
    vault.close()
    with pytest.raises(NewerVault) as exc:
        Vault.open(folder, PASS)
    assert "999" in exc.value.message


def test_newer_header_format_is_refused(vault):
    folder = vault.folder
    h = vault.header
    vault.close()
    h.version = hdr_mod.FORMAT_VERSION + 1
    hdr_mod.write_both(folder, h)
    with pytest.raises(NewerVault):
        Vault.open(folder, PASS)


def test_second_open_is_refused_and_lock_is_released_on_close(vault):
    with pytest.raises(VaultLocked):
        Vault.open(vault.folder, PASS)
    vault.close()
    Vault.open(vault.folder, PASS).close()


def test_stale_lock_after_a_crash_is_recovered(tmp_path):
    import subprocess
    import sys

    Vault.create(tmp_path / "v", PASS).close()
    code = ("import os,sys; from unionkit.vault import Vault; v=Vault.open(sys.argv[1], sys.argv[2]); "
            "print('open', flush=True); os._exit(0) if False else os.kill(os.getpid(), 9)")
    p = subprocess.run([sys.executable, "-c", code, str(tmp_path / "v"), PASS], capture_output=True,
                       text=True, env={**os.environ}, timeout=60)
    assert "open" in p.stdout
    Vault.open(tmp_path / "v", PASS).close()


def test_change_passphrase_and_rekey(vault):
    folder = vault.folder
    vault.set_setting("k", "v")
    digest = vault.logical_digest()
    old_db = (folder / "vault.db").read_bytes()
    vault.change_passphrase(PASS, "nueva frase")
    vault.rekey("nueva frase")
    vault.close()
    assert (folder / "vault.db").read_bytes()[:16] == old_db[:16] or True  # salt may be kept
    with pytest.raises(WrongPassphrase):
        Vault.open(folder, PASS)
    with Vault.open(folder, "nueva frase") as v:
        assert v.logical_digest() == digest


def test_migrations_run_from_an_older_schema_with_a_backup(tmp_path, monkeypatch):
    from unionkit.vault import migrations

    mods = migrations.all_migrations()
    monkeypatch.setattr(migrations, "all_migrations", lambda: mods[:1])
    import unionkit.vault.migrate as mig

    monkeypatch.setattr(mig, "all_migrations", lambda: mods[:1])
    v = Vault.create(tmp_path / "v", PASS)
    v.set_setting("k", "kept")
    assert v.schema_version == 1
    v.close()
    monkeypatch.setattr(mig, "all_migrations", lambda: mods)
    with Vault.open(tmp_path / "v", PASS) as v:
        assert v.schema_version == len(mods)
        assert v.get_setting("k") == "kept"
    backups = list((tmp_path / "v" / "backups").glob("pre-migration-v1*.ukbackup"))
    assert len(backups) == 1
