"""A big transaction's WAL is copied into the database file on a thread of its own after the COMMIT
(unionkit.vault.checkpoint), not inside it; small ones keep SQLite's automatic checkpoint."""

from __future__ import annotations

import os

import pytest

from tests.conftest import PASS
from unionkit.vault import Vault, checkpoint

ROWS = 3000  # ~3,000 pages of 4 KiB: past SQLite's 1,000-page automatic checkpoint


def _fill(conn, start: int) -> None:
    conn.executemany("INSERT INTO setting(key, value) VALUES (?, ?)",
                     ((f"k{start + i}", os.urandom(1800).hex()) for i in range(ROWS)))


def _db_size(vault) -> int:
    """Size of the database file: grows when a checkpoint copies the WAL's new pages into it."""
    return (vault.folder / "vault.db").stat().st_size


def test_deferred_commit_leaves_the_copy_to_the_worker(vault):
    conn = vault.conn
    before = _db_size(vault)
    with vault.lock, checkpoint.deferred(conn):
        conn.execute("BEGIN IMMEDIATE")
        _fill(conn, 0)
        conn.execute("COMMIT")
    assert _db_size(vault) == before  # committed (in the WAL), nothing copied yet
    assert vault.scalar("SELECT count(*) FROM setting WHERE key LIKE 'k%'") == ROWS
    job = checkpoint.BackgroundCheckpoint(vault.reader_connection())
    job.wait()
    busy, frames, done = job.result
    assert busy == 0 and frames >= ROWS and done == frames
    assert _db_size(vault) > before + ROWS * 4096 * 0.9


def test_big_transaction_checkpoints_in_the_background(vault):
    before = _db_size(vault)
    with vault.transaction(big=True) as conn:
        _fill(conn, 0)
    assert vault.scalar("PRAGMA wal_autocheckpoint") == 1000  # restored after the transaction
    job = vault._checkpoint
    assert job is not None
    vault.wait_for_checkpoint()
    assert vault._checkpoint is None
    busy, frames, done = job.result
    assert busy == 0 and frames >= ROWS and done == frames  # the whole WAL, by the worker
    assert _db_size(vault) > before + ROWS * 4096 * 0.9


def test_small_transaction_checkpoints_itself(vault):
    before = _db_size(vault)
    with vault.transaction() as conn:
        _fill(conn, 0)
    assert vault._checkpoint is None
    assert _db_size(vault) > before + ROWS * 4096 * 0.9  # SQLite's own checkpoint, inside the COMMIT


def test_rolled_back_big_transaction_starts_nothing(vault):
    with pytest.raises(RuntimeError), vault.transaction(big=True) as conn:
        _fill(conn, 0)
        raise RuntimeError("cancel")
    assert vault._checkpoint is None
    assert vault.scalar("PRAGMA wal_autocheckpoint") == 1000
    assert vault.scalar("SELECT count(*) FROM setting WHERE key LIKE 'k%'") == 0


def test_close_waits_and_everything_is_there(vault_factory):
    vault = vault_factory()
    folder = vault.folder
    for start in (0, ROWS):  # a second big transaction waits for the first checkpoint
        with vault.transaction(big=True) as conn:
            _fill(conn, start)
    vault.close()
    assert not (folder / "vault.db-wal").exists() or (folder / "vault.db-wal").stat().st_size == 0
    again = Vault.open(folder, PASS)
    try:
        assert again.scalar("SELECT count(*) FROM setting WHERE key LIKE 'k%'") == 2 * ROWS
        assert again.integrity_problems(files=False) == []
    finally:
        again.close()


def test_commit_stands_when_no_checkpoint_connection_opens(vault, monkeypatch):
    def no_connection():
        raise OSError(24, "Too many open files")

    monkeypatch.setattr(vault, "reader_connection", no_connection)
    with vault.transaction(big=True) as conn:
        _fill(conn, 0)
    assert vault._checkpoint is None
    assert vault.scalar("SELECT count(*) FROM setting WHERE key LIKE 'k%'") == ROWS
    assert vault.scalar("PRAGMA wal_autocheckpoint") == 1000  # SQLite's own checkpoint takes over
