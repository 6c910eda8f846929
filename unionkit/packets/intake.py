"""Evidence intake: hash and store a file of up to 2 GB.

Two steps so that the database is never locked while a big file is written:

1. :func:`prepare` (no transaction): a file of ``blobfiles.THRESHOLD`` (8 MiB) or more is encrypted into
   the vault's file store by ``blobs.stage_stream`` (read + SHA-256 / AES-256-GCM / write pipeline,
   4 MiB pieces, one fsync; progress and cancel), and is not referenced by anything yet.
2. :func:`store` (inside the caller's transaction, with the evidence row and the custody entry):
   registers the staged file, or stores a small file as ``blob_chunk`` rows as before.

If the transaction fails the caller calls ``Prepared.discard()``; after a crash the unreferenced
file is removed on the next open. The SHA-256 is over the original bytes as read.
"""

from __future__ import annotations

import hashlib
import mimetypes
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from unionkit.errors import UnionkitError
from unionkit.i18n import _
from unionkit.vault import Vault, blobfiles, blobs
from unionkit.vault.blobs import BlobInfo, Cancelled
from unionkit.vault.blobwriter import SourceError, StagedFile

SMALL_CHUNK = blobs.CHUNK
MAX_SIZE = 2 * 1024 ** 3

Progress = Callable[[float, str], None]


def _unreadable(path: Path, exc: OSError) -> UnionkitError:
    error = exc.strerror or str(exc)
    return UnionkitError(_("Cannot read {path}: {error}").format(path=str(path), error=error))


@dataclass
class Prepared:
    path: Path
    mime: str
    total: int
    staged: StagedFile | None = None

    def discard(self) -> None:
        if self.staged is not None:
            self.staged.discard()


def prepare(vault: Vault, path: Path, *, progress: Progress | None = None,
            cancelled: Callable[[], bool] | None = None, mime: str | None = None) -> Prepared:
    """Check ``path`` and, if it is big, write it encrypted into the file store (not yet referenced)."""
    path = Path(path)
    try:
        total = path.stat().st_size
    except OSError as exc:
        raise _unreadable(path, exc) from None
    if total > MAX_SIZE:
        raise UnionkitError(_("{name} is larger than 2 GB; split it before adding it.").format(
            name=path.name))
    mime = mime or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    prep = Prepared(path, mime, total)
    if total >= blobfiles.THRESHOLD:
        try:
            with path.open("rb", buffering=0) as fh:
                prep.staged = blobs.stage_stream(vault, fh, filename=path.name, total=total,
                                                 progress=progress, cancelled=cancelled)
        except OSError as exc:
            raise _unreadable(path, exc) from None
        except SourceError as exc:
            raise _unreadable(path, exc.error) from None
    return prep


def store(conn, prep: Prepared, *, progress: Progress | None = None,
          cancelled: Callable[[], bool] | None = None) -> BlobInfo:
    """Inside the caller's transaction: the blob of a prepared file."""
    name = prep.path.name
    if prep.staged is not None:
        return blobs.register(conn, prep.staged, filename=name, mime=prep.mime)
    cur = conn.execute("INSERT INTO blob(sha256, size, mime, filename) VALUES ('', 0, ?, ?)", (prep.mime, name))
    blob_id = cur.lastrowid
    h = hashlib.sha256()
    size = seq = 0
    try:
        with prep.path.open("rb") as fh:
            while data := fh.read(SMALL_CHUNK):
                if cancelled is not None and cancelled():
                    raise Cancelled(_("Cancelled; nothing was stored."))
                h.update(data)
                conn.execute("INSERT INTO blob_chunk(blob_id, seq, data) VALUES (?, ?, ?)", (blob_id, seq, data))
                size += len(data)
                seq += 1
                if progress is not None and prep.total:
                    progress(min(1.0, size / prep.total), name)
    except OSError as exc:
        raise _unreadable(prep.path, exc) from None
    if cancelled is not None and cancelled():
        raise Cancelled(_("Cancelled; nothing was stored."))
    digest = h.hexdigest()
    conn.execute("UPDATE blob SET sha256 = ?, size = ? WHERE id = ?", (digest, size, blob_id))
    uid = conn.execute("SELECT uid FROM blob WHERE id = ?", (blob_id,)).fetchone()[0]
    return BlobInfo(blob_id, uid, digest, size, prep.mime, name)
