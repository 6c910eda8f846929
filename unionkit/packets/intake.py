"""Fast evidence intake: hash and store a file of up to 2 GB in one transaction.

Same storage as ``unionkit.vault.blobs`` (``blob`` + ``blob_chunk`` rows; readable with
``blobs.iter_chunks``/``export_to``), tuned for big files: 4 MiB chunks, and a reader thread that reads
and hashes the next chunks while the database encrypts and writes the current one (hashlib and SQLCipher
both release the GIL, so the two cores overlap). The SHA-256 is over the original bytes as read.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import mimetypes
import queue
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from unionkit.errors import UnionkitError
from unionkit.i18n import _
from unionkit.vault import Vault
from unionkit.vault.blobs import BlobInfo, Cancelled

log = logging.getLogger(__name__)

CHUNK = 4 * 1024 * 1024
MAX_SIZE = 2 * 1024 ** 3
BULK_THRESHOLD = 32 * 1024 * 1024
_END = object()


@contextlib.contextmanager
def bulk_journal(vault: Vault, size: int) -> Iterator[None]:
    """For a big file, write it in rollback-journal mode instead of WAL, then go back to WAL.

    WAL writes every page twice (into the -wal file, then again at the checkpoint); in rollback
    mode pages appended at the end of the database are not journaled at all, so a 1 GB intake is
    written once. Both modes are crash-safe with ``synchronous=FULL``. If the switch is not possible
    (a statement still open), the intake simply runs in WAL mode.
    """
    if size < BULK_THRESHOLD:
        yield
        return
    with vault.lock:
        conn = vault.conn
        switched = False
        try:
            switched = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0].lower() == "delete"
        except Exception:  # noqa: BLE001 - stay in WAL
            log.info("journal mode switch refused; intake stays in WAL mode")
        try:
            yield
        finally:
            if switched:
                try:
                    conn.execute("PRAGMA journal_mode = WAL")
                except Exception:  # noqa: BLE001 - reopened in WAL mode on the next unlock anyway
                    log.warning("could not return the vault to WAL mode")


def _unreadable(path: Path, exc: OSError) -> UnionkitError:
    error = exc.strerror or str(exc)
    return UnionkitError(_("Cannot read {path}: {error}").format(path=str(path), error=error))


def _reader(path: Path, out: queue.Queue, h, stop: threading.Event) -> None:
    try:
        with path.open("rb", buffering=0) as fh:
            while not stop.is_set():
                data = fh.read(CHUNK)
                if not data:
                    break
                h.update(data)
                out.put(data)
        out.put(_END)
    except OSError as exc:
        out.put(exc)


def store_file(conn, path: Path, *, progress: Callable[[float, str], None] | None = None,
               cancelled: Callable[[], bool] | None = None, mime: str | None = None) -> BlobInfo:
    """Store ``path`` as a blob inside the caller's transaction ``conn``; returns its info."""
    path = Path(path)
    try:
        total = path.stat().st_size
    except OSError as exc:
        raise _unreadable(path, exc) from None
    if total > MAX_SIZE:
        raise UnionkitError(_("{name} is larger than 2 GB; split it before adding it.").format(
            name=path.name))
    mime = mime or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    cur = conn.execute("INSERT INTO blob(sha256, size, mime, filename) VALUES ('', 0, ?, ?)",
                       (mime, path.name))
    blob_id = cur.lastrowid
    h = hashlib.sha256()
    q: queue.Queue = queue.Queue(maxsize=4)
    stop = threading.Event()
    t = threading.Thread(target=_reader, args=(path, q, h, stop), daemon=True)
    t.start()
    size = seq = 0
    try:
        while True:
            item = q.get()
            if item is _END:
                break
            if isinstance(item, OSError):
                raise _unreadable(path, item)
            if cancelled is not None and cancelled():
                raise Cancelled(_("Cancelled; nothing was stored."))
            conn.execute("INSERT INTO blob_chunk(blob_id, seq, data) VALUES (?, ?, ?)", (blob_id, seq, item))
            size += len(item)
            seq += 1
            if progress is not None and total:
                progress(min(1.0, size / total), path.name)
    finally:
        stop.set()
        while t.is_alive():  # unblock a reader waiting on a full queue
            try:
                q.get_nowait()
            except queue.Empty:
                t.join(0.01)
    digest = h.hexdigest()
    conn.execute("UPDATE blob SET sha256 = ?, size = ? WHERE id = ?", (digest, size, blob_id))
    uid = conn.execute("SELECT uid FROM blob WHERE id = ?", (blob_id,)).fetchone()[0]
    return BlobInfo(blob_id, uid, digest, size, mime, path.name)
