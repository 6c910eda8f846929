"""Indexes deferred past a big transaction's COMMIT (unionkit.vault.pending): recorded with the rows,
built by the background connection, or at the next opening when a crash came first."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import PASS
from unionkit.vault import Vault, pending

SORT = "CREATE INDEX person_sort_name ON person(sort_name, id)"


def _indexes(vault) -> set[str]:
    return {r[0] for r in vault.query("SELECT name FROM sqlite_master WHERE type = 'index'")}


def _defer_sort_index(conn) -> None:
    conn.execute("DROP INDEX person_sort_name")
    pending.defer(conn, "person_sort_name", SORT)


def test_a_deferred_index_is_built_after_the_commit_in_the_background(vault):
    with vault.transaction(big=True) as conn:
        _defer_sort_index(conn)
        conn.executemany("INSERT INTO person(nombre, sort_name) VALUES (?, ?)",
                         ((f"P{i}", f"p{i:05d}") for i in range(6000)))
    job = vault._checkpoint
    vault.wait_for_checkpoint()
    assert job.built == ["person_sort_name"] and job.result is not None
    assert "person_sort_name" in _indexes(vault) and pending.waiting(vault.conn) == []
    assert vault.scalar("PRAGMA integrity_check") == "ok"


def test_a_rolled_back_transaction_defers_nothing(vault):
    with pytest.raises(RuntimeError), vault.transaction(big=True) as conn:
        _defer_sort_index(conn)
        raise RuntimeError("cancelled")
    assert "person_sort_name" in _indexes(vault) and pending.waiting(vault.conn) == []


def test_defer_takes_only_a_plain_index_inside_a_transaction(vault):
    with pytest.raises(RuntimeError):
        pending.defer(vault.conn, "person_sort_name", SORT)
    with vault.transaction() as conn:
        for name, sql in (("person_sort_name", "CREATE UNIQUE INDEX person_sort_name ON person(sort_name)"),
                          ("x", SORT), ("person_sort_name", SORT + "; DROP TABLE person")):
            with pytest.raises(ValueError):
                pending.defer(conn, name, sql)


def test_an_index_a_crash_left_pending_is_built_at_the_next_opening(vault_factory):
    """kill -9 right after the COMMIT, before the background connection built the index."""
    vault = vault_factory()
    folder = vault.folder
    vault.close()
    code = (
        "import os, sys\n"
        "from unionkit.vault import Vault, pending\n"
        f"v = Vault.open(sys.argv[1], {PASS!r})\n"
        "with v.lock:\n"
        "    conn = v.conn\n"
        "    conn.execute('BEGIN IMMEDIATE')\n"
        "    conn.execute('DROP INDEX person_sort_name')\n"
        f"    pending.defer(conn, 'person_sort_name', {SORT!r})\n"
        "    conn.execute('COMMIT')\n"
        "os.kill(os.getpid(), 9)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code, str(folder)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == -9, proc.stderr
    vault = Vault.open(folder, PASS)
    try:
        assert "person_sort_name" in _indexes(vault) and pending.waiting(vault.conn) == []
    finally:
        vault.close()


def test_a_busy_database_leaves_the_index_pending_without_failing(vault):
    """Another connection holds the write lock: opening/closing must not fail on the deferred index."""
    with vault.transaction() as conn:
        _defer_sort_index(conn)
    other = vault.reader_connection()
    try:
        other.execute("BEGIN IMMEDIATE")
        vault.conn.execute("PRAGMA busy_timeout = 50")
        vault.build_pending_indexes()
        assert pending.waiting(vault.conn) == ["person_sort_name"]
        other.execute("ROLLBACK")
    finally:
        other.close()
    vault.build_pending_indexes()
    assert pending.waiting(vault.conn) == [] and "person_sort_name" in _indexes(vault)


def test_a_pending_index_that_can_never_be_built_does_not_hold_back_the_others(vault):
    with vault.transaction() as conn:
        _defer_sort_index(conn)
        conn.execute("DROP INDEX person_status")
        pending.defer(conn, "person_status", "CREATE INDEX person_status ON person(is_member, status)")
        conn.execute("INSERT INTO pending_index(name, sql) VALUES ('gone', 'CREATE INDEX gone ON nowhere(x)')")
    vault.build_pending_indexes()
    assert pending.waiting(vault.conn) == []
    assert {"person_sort_name", "person_status"} <= _indexes(vault) and "gone" not in _indexes(vault)


def test_a_backup_right_after_a_big_import_waits_for_the_deferred_indexes(vault, tmp_path):
    """The background connection commits (indexes, pending rows) while the backup compares digests."""
    from unionkit.demo.members import write_roster_csv
    from unionkit.members.commit import import_file
    from unionkit.vault.backup import create_backup

    path = tmp_path / "r.csv"
    write_roster_csv(path, 6000, seed=5)
    import_file(vault, path)
    info = create_backup(vault, tmp_path / "copia.ukbackup")
    assert info is not None and pending.waiting(vault.conn) == []
