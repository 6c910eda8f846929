"""Evidence of 8 MiB or more goes to the vault's encrypted file store (issue 6, session 2): hash at
intake, byte-identical export, a damaged stored file refused and logged, cancel and failed
transactions leave no file, progress, and packets built from such evidence verify."""

from __future__ import annotations

import hashlib
import os

import pytest

from unionkit.packets import builder, custody, evidence, manifest
from unionkit.vault import blobfiles
from unionkit.vault.blobs import Cancelled


def _stored(vault) -> list:
    d = vault.folder / blobfiles.DIR_NAME
    return sorted(d.iterdir()) if d.is_dir() else []


@pytest.fixture
def big(tmp_path):
    p = tmp_path / "in" / "grabacion.mp4"
    p.parent.mkdir(exist_ok=True)
    p.write_bytes(os.urandom(blobfiles.THRESHOLD + 12345))  # the real threshold, real 4 MiB pieces
    return p


def test_big_file_goes_to_the_file_store(vault, big, tmp_path):
    seen: list[float] = []
    item = evidence.add(vault, big, description="video", progress=lambda f, _n: seen.append(f))
    assert item.sha256 == hashlib.sha256(big.read_bytes()).hexdigest() and item.size == big.stat().st_size
    assert len(_stored(vault)) == 1
    assert vault.scalar("SELECT count(*) FROM blob_chunk WHERE blob_id = ? AND seq >= 0", (item.blob_id,)) == 0
    assert seen == sorted(seen) and seen[-1] == 1.0
    out = evidence.export(vault, item.id, tmp_path / "out")
    assert out.read_bytes() == big.read_bytes()
    assert [e.event for e in custody.entries(vault, item.id)] == ["added", "exported"]


def test_damaged_stored_file_is_refused_and_logged(vault, big, tmp_path):
    item = evidence.add(vault, big)
    (f,) = _stored(vault)
    raw = bytearray(f.read_bytes())
    raw[5 * 1024 * 1024] ^= 0x01
    f.write_bytes(bytes(raw))
    with pytest.raises(evidence.HashMismatch):
        evidence.export(vault, item.id, tmp_path / "out")
    assert not list((tmp_path / "out").glob("*"))
    assert custody.entries(vault, item.id)[-1].event == "mismatch"
    f.unlink()
    with pytest.raises(evidence.HashMismatch):
        evidence.read_verified(vault, item.id)


def test_cancel_half_way_leaves_nothing(vault, big):
    calls = iter(range(10))
    with pytest.raises(Cancelled):
        evidence.add(vault, big, cancelled=lambda: next(calls) >= 1)
    assert not _stored(vault)
    assert vault.scalar("SELECT count(*) FROM blob") == 0 and vault.scalar("SELECT count(*) FROM evidence") == 0


def test_failed_transaction_removes_the_staged_file(vault, big, monkeypatch):
    def boom(*a, **k):
        raise RuntimeError("simulated failure inside the transaction")

    monkeypatch.setattr(custody, "append", boom)
    with pytest.raises(RuntimeError):
        evidence.add(vault, big)
    assert not _stored(vault)
    assert vault.scalar("SELECT count(*) FROM blob") == 0


def test_unreadable_file_is_a_user_error(vault, tmp_path):
    with pytest.raises(evidence.UnionkitError):
        evidence.add(vault, tmp_path / "missing.mp4")
    assert not _stored(vault)


def test_packet_with_file_store_exhibit_verifies(case_vault, big, tmp_path):
    vault, case = case_vault
    evidence.add(vault, big, case_id=case.id, description="Grabación de la reunión")
    res = builder.build(vault, case.id, "rrlm", tmp_path / "packet", lang="es")
    report = manifest.verify(res.dir)
    assert report.ok and report.signature == "valid", report.as_json() if hasattr(report, "as_json") else report
    copies = list(res.dir.rglob("*.mp4"))
    assert copies and all(p.read_bytes() == big.read_bytes() for p in copies)
