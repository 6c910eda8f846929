"""Indexes left to be built after a big transaction's COMMIT.

A bulk write (a 100,000-row roster import) drops a table's indexes, writes its rows, and rebuilds the
indexes after them, which is cheaper than growing them row by row. An index that enforces nothing (it
only makes reads faster) need not hold up the COMMIT: :func:`defer` records its ``CREATE INDEX`` in
``pending_index`` inside the transaction (so the record is committed, or rolled back, with the rows),
and :func:`build` creates it afterwards in a transaction of its own, on the vault's background
connection (``unionkit.vault.checkpoint``), or when the vault is next opened or closed if that did not
happen (a crash, a busy database). Until then queries are correct, only slower: SQLite plans without
the missing index. Unique indexes are never deferred: a duplicate must fail the transaction.
"""

from __future__ import annotations

import logging
import re

import sqlcipher3

log = logging.getLogger(__name__)

# What defer() accepts: a plain, non-unique CREATE INDEX of the schema (names are identifiers).
_CREATE = re.compile(r"CREATE INDEX (\w+) ON \w+\s*\([\w, ]+\)")


def defer(conn: sqlcipher3.Connection, name: str, sql: str) -> None:
    """Record that index ``name`` (dropped in the current transaction) is to be built by ``sql``."""
    if not conn.in_transaction:
        raise RuntimeError("defer() belongs inside the transaction that dropped the index")
    m = _CREATE.fullmatch(sql.strip())
    if m is None or m.group(1) != name:
        raise ValueError(f"not a plain non-unique CREATE INDEX for {name}: {sql!r}")
    conn.execute("INSERT INTO pending_index(name, sql) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET "
                 "sql = excluded.sql, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')", (name, sql))


def waiting(conn: sqlcipher3.Connection) -> list[str]:
    """Names of the indexes still to be built (none before the vault has migration 10)."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'pending_index'").fetchone():
        return []
    return [r[0] for r in conn.execute("SELECT name FROM pending_index ORDER BY id")]


def build(conn: sqlcipher3.Connection) -> list[str]:
    """Build every pending index in one transaction and forget them; returns the names built. An index
    that exists already (built meanwhile) is only forgotten. Raises sqlcipher3 errors (a busy database:
    the rows stay for the next try)."""
    if not waiting(conn):
        return []
    built = []
    conn.execute("BEGIN IMMEDIATE")
    try:
        for name, sql in conn.execute("SELECT name, sql FROM pending_index ORDER BY id").fetchall():
            exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?",
                                  (name,)).fetchone()
            if not exists and _CREATE.fullmatch(sql.strip()) and _create(conn, name, sql):
                built.append(name)
        conn.execute("DELETE FROM pending_index")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return built


def _create(conn: sqlcipher3.Connection, name: str, sql: str) -> bool:
    """Run one pending ``CREATE INDEX`` under a savepoint. One that names a table or column the schema
    no longer has can never succeed: it is given up (logged) instead of holding back the others; any
    other error (busy, disk full) propagates and leaves every pending index for the next try."""
    conn.execute("SAVEPOINT pending_index")
    try:
        conn.execute(sql)
    except sqlcipher3.OperationalError as exc:
        conn.execute("ROLLBACK TO pending_index")
        conn.execute("RELEASE pending_index")
        if not str(exc).startswith("no such"):
            raise
        log.warning("deferred index %s given up: %s", name, exc)
        return False
    conn.execute("RELEASE pending_index")
    return True
