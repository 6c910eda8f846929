"""Big blobs in the encrypted file store (issue 6, session 2): round trip, tamper detection (a piece
flipped, dropped, moved, truncated or swapped with another file's), cancel, orphans swept on open,
rekey, backup/restore with the files, crypto-erase, and no plaintext in the files."""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil

import pytest

from tests.conftest import PASS
from unionkit.errors import DamagedVault
from unionkit.vault import Vault, blobfiles, blobs
from unionkit.vault.backup import MAGIC_FILES, create_backup, restore_backup
from unionkit.vault.blobfiles import BlobDamaged
from unionkit.vault.blobs import Cancelled, put_bytes, read_bytes
from unionkit.vault.erase import crypto_erase

PIECE = 4096


@pytest.fixture
def small_pieces(monkeypatch):
    """Every blob goes to the file store, in 4 KiB pieces, so small data exercises many pieces."""
    monkeypatch.setattr(blobfiles, "THRESHOLD", 0)
    monkeypatch.setattr(blobfiles, "CHUNK", PIECE)


def _files(vault: Vault) -> list:
    d = vault.folder / blobfiles.DIR_NAME
    return sorted(d.iterdir()) if d.is_dir() else []


@pytest.mark.parametrize("size", [0, 1, PIECE - 1, PIECE, PIECE + 1, 3 * PIECE + 5])
def test_round_trip(vault, small_pieces, size):
    data = os.urandom(size)
    info = put_bytes(vault, data, filename="video.mp4")
    assert info.sha256 == hashlib.sha256(data).hexdigest() and info.size == size
    assert read_bytes(vault, info.id) == data
    assert vault.scalar("SELECT count(*) FROM blob_chunk WHERE seq >= 0") == 0
    (f,) = _files(vault)
    assert re.fullmatch(r"[0-9a-f]{32}\.ukb", f.name)
    assert f.stat().st_size == 32 + (PIECE + 16) * max(1, -(-size // PIECE))  # padded: no exact size
    assert oct(f.stat().st_mode & 0o777) == "0o600"
    assert oct(f.parent.stat().st_mode & 0o777) == "0o700"


def test_small_files_stay_in_the_database(vault):
    info = put_bytes(vault, b"recibo" * 100, filename="recibo.txt")
    assert not _files(vault)
    assert read_bytes(vault, info.id) == b"recibo" * 100


def test_no_plaintext_in_the_file(vault, small_pieces):
    sentinel = "ZZ-Sentinela-Peña-blob".encode()
    put_bytes(vault, sentinel * 2000, filename="Peña-secreto.txt")
    raw = _files(vault)[0].read_bytes()
    assert sentinel not in raw and b"Pe" + "ña".encode() not in raw and b"secreto" not in raw


def _tamper_cases():
    def flip(raw: bytearray) -> bytes:
        raw[32 + PIECE + 40] ^= 1
        return bytes(raw)

    def drop_last(raw: bytearray) -> bytes:
        return bytes(raw[:32 + 2 * (PIECE + 16)])

    def cut(raw: bytearray) -> bytes:
        return bytes(raw[:-3])

    def swap(raw: bytearray) -> bytes:
        a, b = raw[32:32 + PIECE + 16], raw[32 + PIECE + 16:32 + 2 * (PIECE + 16)]
        return bytes(raw[:32] + b + a + raw[32 + 2 * (PIECE + 16):])

    def extra(raw: bytearray) -> bytes:
        return bytes(raw) + b"\0" * 20

    def header(raw: bytearray) -> bytes:
        raw[10] ^= 1
        return bytes(raw)

    return [flip, drop_last, cut, swap, extra, header]


@pytest.mark.parametrize("tamper", _tamper_cases(), ids=lambda f: f.__name__)
def test_tampering_is_detected(vault, small_pieces, tamper):
    info = put_bytes(vault, os.urandom(3 * PIECE + 100), filename="a.bin")
    (f,) = _files(vault)
    f.write_bytes(tamper(bytearray(f.read_bytes())))
    with pytest.raises(BlobDamaged) as exc:
        read_bytes(vault, info.id)
    assert "a.bin" in exc.value.message


def test_files_swapped_between_blobs_and_missing_files_are_detected(vault, small_pieces):
    one = put_bytes(vault, os.urandom(PIECE * 2), filename="one.bin")
    two = put_bytes(vault, os.urandom(PIECE * 2), filename="two.bin")
    f1, f2 = (vault.folder / "blobs" / blobfiles.descriptor_of(vault.conn, b.id).file for b in (one, two))
    a, b = f1.read_bytes(), f2.read_bytes()
    f1.write_bytes(b)
    f2.write_bytes(a)
    for blob in (one, two):
        with pytest.raises(BlobDamaged):
            read_bytes(vault, blob.id)
    f1.unlink()
    with pytest.raises(BlobDamaged):
        read_bytes(vault, one.id)


def test_cancel_leaves_nothing(vault, small_pieces):
    calls = iter(range(100))
    with pytest.raises(Cancelled):
        blobs.put_stream(vault, io.BytesIO(os.urandom(10 * PIECE)), filename="x.mp4", total=10 * PIECE,
                         cancelled=lambda: next(calls) >= 3)
    assert not _files(vault)
    assert vault.scalar("SELECT count(*) FROM blob") == 0


def test_orphans_are_swept_on_open(vault, small_pieces):
    kept = put_bytes(vault, b"k" * 5000, filename="kept.bin")
    staged = blobs.stage_stream(vault, io.BytesIO(b"o" * 5000), filename="orphan.bin", total=5000)
    (vault.folder / "blobs" / "notes.txt").write_text("not ours")  # never touched
    assert len(_files(vault)) == 3
    folder = vault.folder
    vault.close()
    with Vault.open(folder, PASS) as v:
        names = [p.name for p in _files(v)]
        assert staged.path.name not in names and "notes.txt" in names and len(names) == 2
        assert read_bytes(v, kept.id) == b"k" * 5000


def test_rekey_keeps_files_readable(vault, small_pieces):
    data = os.urandom(3 * PIECE)
    info = put_bytes(vault, data, filename="v.mp4")
    before = _files(vault)[0].read_bytes()
    vault.rekey(PASS)
    assert _files(vault)[0].read_bytes() == before  # keys live in the database: no file rewrite
    assert read_bytes(vault, info.id) == data
    folder = vault.folder
    vault.close()
    with Vault.open(folder, PASS) as v:
        assert read_bytes(v, info.id) == data


def test_backup_carries_and_verifies_the_files(vault, small_pieces, tmp_path):
    data = os.urandom(5 * PIECE + 7)
    info = put_bytes(vault, data, filename="video.mp4")
    put_bytes(vault, b"", filename="empty.bin")
    digest = vault.logical_digest()
    bk = create_backup(vault, tmp_path / "b" / "one.ukbackup")
    assert bk.path.read_bytes().startswith(MAGIC_FILES)
    vault.close()
    restored = restore_backup(bk.path, PASS, tmp_path / "r")
    with Vault.open(restored, PASS) as v:
        assert v.logical_digest() == digest
        assert read_bytes(v, info.id) == data
        assert len(_files(v)) == 2
    # a backup whose file section is damaged: the checksum fails, nothing is restored
    raw = bytearray(bk.path.read_bytes())
    raw[-200] ^= 1
    bad = tmp_path / "bad.ukbackup"
    bad.write_bytes(bytes(raw))
    with pytest.raises(DamagedVault):
        restore_backup(bad, PASS, tmp_path / "r2")
    assert not (tmp_path / "r2").exists()


def test_backup_refuses_a_damaged_file(vault, small_pieces, tmp_path):
    put_bytes(vault, os.urandom(2 * PIECE), filename="video.mp4")
    f = _files(vault)[0]
    raw = bytearray(f.read_bytes())
    raw[100] ^= 1
    f.write_bytes(bytes(raw))
    with pytest.raises(BlobDamaged):
        create_backup(vault, tmp_path / "b" / "x.ukbackup")
    assert not list((tmp_path / "b").glob("*.ukbackup"))


def test_backup_without_files_keeps_format_1(vault, tmp_path):
    put_bytes(vault, b"small", filename="r.txt")
    bk = create_backup(vault, tmp_path / "x.ukbackup")
    assert bk.path.read_bytes().startswith(b"UKBACKUP\x01")


def test_crypto_erase_removes_the_files(vault, small_pieces, tmp_path):
    put_bytes(vault, os.urandom(2 * PIECE), filename="video.mp4")
    folder = vault.folder
    stolen = tmp_path / "stolen"
    shutil.copytree(folder / "blobs", stolen)
    vault.close()
    crypto_erase(folder)
    assert not folder.exists()
    assert all(p.stat().st_size > 2 * PIECE for p in stolen.iterdir())  # only ciphertext was ever there


def test_verify_vault_reports_a_damaged_file(vault, small_pieces):
    from unionkit.checks import run_checks

    put_bytes(vault, os.urandom(2 * PIECE), filename="video.mp4")
    assert vault.integrity_problems() == []
    f = _files(vault)[0]
    raw = bytearray(f.read_bytes())
    raw[-1] ^= 1
    f.write_bytes(bytes(raw))
    problems = vault.integrity_problems()
    assert len(problems) == 1 and "video.mp4" in problems[0]
    assert not run_checks(vault)[0].ok


def test_locking_the_vault_stops_a_running_intake(vault, small_pieces):
    calls = iter(range(100))

    def lock_on_third_piece() -> bool:
        if next(calls) == 2:
            vault.close()  # auto-lock while a big file is being added
        return False

    folder = vault.folder
    with pytest.raises(Cancelled):
        blobs.put_stream(vault, io.BytesIO(os.urandom(10 * PIECE)), filename="x.mp4", total=10 * PIECE,
                         cancelled=lock_on_third_piece)
    assert not list((folder / "blobs").iterdir())


FILL = r"""
import resource, signal, sys
from pathlib import Path
from unionkit.vault import Vault
from unionkit.vault.blobs import put_file
from unionkit.vault.vault import StorageFull
v = Vault.open(sys.argv[1], sys.argv[2])
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
limit = 6 * 1024 * 1024
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
try:
    put_file(v, Path(sys.argv[3]))
except StorageFull as exc:
    print("FULL:", exc.message, flush=True)
v.set_setting("after", "still works")
print("alive", flush=True)
v.close()
"""


def test_disk_full_while_writing_a_big_file(vault, tmp_path):
    import subprocess
    import sys

    src = tmp_path / "video.mp4"
    src.write_bytes(os.urandom(blobfiles.THRESHOLD + 1))
    folder = vault.folder
    vault.close()
    p = subprocess.run([sys.executable, "-c", FILL, str(folder), PASS, str(src)], capture_output=True,
                       text=True, timeout=120)
    assert "FULL: El disco está lleno" in p.stdout and "alive" in p.stdout, (p.stdout, p.stderr)
    assert not list((folder / "blobs").iterdir())
    with Vault.open(folder, PASS) as v:
        assert v.scalar("SELECT count(*) FROM blob") == 0 and v.integrity_problems() == []


def test_any_size_round_trips(vault_factory, monkeypatch):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    monkeypatch.setattr(blobfiles, "THRESHOLD", 0)
    monkeypatch.setattr(blobfiles, "CHUNK", 512)
    v = vault_factory("h")

    @settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.binary(min_size=0, max_size=3000))
    def check(data: bytes) -> None:
        info = put_bytes(v, data, filename="x.bin")
        assert read_bytes(v, info.id) == data and info.sha256 == hashlib.sha256(data).hexdigest()

    check()
    assert v.integrity_problems() == []


def test_restore_refuses_a_backup_damaged_anywhere(vault, small_pieces, tmp_path):
    put_bytes(vault, os.urandom(3 * PIECE), filename="video.mp4")
    bk = create_backup(vault, tmp_path / "one.ukbackup").path
    good = bk.read_bytes()
    # lengths and header at the start, the database, the file name, the file, the checksum
    for i, pos in enumerate([10, 18, len(good) // 3, len(good) - 3 * PIECE - 100, len(good) - 2 * PIECE,
                             len(good) - 40, len(good) - 1]):
        raw = bytearray(good)
        raw[pos] ^= 0x40
        bad = tmp_path / f"bad{i}.ukbackup"
        bad.write_bytes(bytes(raw))
        with pytest.raises(DamagedVault):
            restore_backup(bad, PASS, tmp_path / f"r{i}")
        assert not (tmp_path / f"r{i}").exists()
