"""After a big transaction, on a thread of its own: build the indexes it deferred, then copy its pages
from the WAL into the database file.

SQLite copies the WAL into the database file (a checkpoint) inside the COMMIT that grows the WAL past
1,000 pages, so the committing call also pays for it: after a 100,000-member import ~20,000 pages,
0.35 s of disk work on this kind of laptop, although the data is already durable when the WAL has been
synced (``synchronous = FULL``). A big transaction turns the automatic checkpoint off for itself
(:func:`deferred`) and hands the copy to :class:`BackgroundCheckpoint`: a PASSIVE checkpoint on a
second connection with the same key, which blocks neither readers nor writers. Closing or rekeying the
vault waits for it; a checkpoint that cannot run now is simply left to the next one (nothing is lost:
the pages stay in the WAL, encrypted like the database). Before the copy, the worker builds the
indexes the transaction left in ``pending_index`` (``unionkit.vault.pending``); if it cannot, they wait
for the next opening or closing of the vault.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Iterator

import sqlcipher3

from unionkit.vault import pending

log = logging.getLogger(__name__)
AUTOCHECKPOINT_PAGES = 1000  # SQLite's default, restored after a deferred transaction
# Rows written in one transaction from which callers pass ``big=True`` to ``Vault.transaction``.
BIG_TRANSACTION_ROWS = 5000


@contextlib.contextmanager
def deferred(conn: sqlcipher3.Connection) -> Iterator[None]:
    """No automatic checkpoint at the end of the transaction run inside (the caller checkpoints)."""
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA wal_autocheckpoint = {AUTOCHECKPOINT_PAGES}")


class BackgroundCheckpoint:
    """The deferred indexes, then one PASSIVE checkpoint, on a worker thread, on ``conn`` (opened by the
    caller, so that the key never reaches the thread; closed by it). ``wait()`` joins it and is safe to
    call more than once."""

    def __init__(self, conn: sqlcipher3.Connection) -> None:
        self.result: tuple[int, int, int] | None = None
        self.built: list[str] = []
        self._thread = threading.Thread(target=self._run, args=(conn,), name="vault-checkpoint", daemon=True)
        self._thread.start()

    def _run(self, conn: sqlcipher3.Connection) -> None:
        try:
            self.built = pending.build(conn)
        except sqlcipher3.Error:
            log.warning("deferred indexes not built now; left for the next opening", exc_info=True)
        try:
            row = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            self.result = (int(row[0]), int(row[1]), int(row[2]))
        except sqlcipher3.Error:
            log.warning("background checkpoint failed; left to the next one", exc_info=True)
        finally:
            conn.close()

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def wait(self, timeout: float | None = None) -> None:
        self._thread.join(timeout)
