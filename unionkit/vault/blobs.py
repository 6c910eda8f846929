"""Files stored inside the encrypted vault (receipts, scans, evidence).

Small files (< ``blobfiles.THRESHOLD``, 8 MiB) are ``blob_chunk`` rows of 1 MiB inside SQLCipher;
bigger ones are AES-256-GCM files in ``blobs/`` whose key and name are kept in the database (see
``blobfiles``): the ``blob`` row and its descriptor commit only after the file is fsynced. Readers
(``iter_chunks``, ``read_bytes``, ``export_to``) work the same for both kinds.

The SHA-256 is computed over the original bytes while they are stored, so the recorded hash is of
exactly what was kept. Nothing touches a plaintext temp file. Large files are streamed, with
progress and cancel (a cancelled intake leaves nothing behind).
"""

from __future__ import annotations

import hashlib
import mimetypes
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from unionkit.errors import UnionkitError
from unionkit.i18n import _
from unionkit.vault import blobfiles, blobwriter
from unionkit.vault.blobwriter import SourceError, StagedFile
from unionkit.vault.vault import Vault, storage_full

CHUNK = 1024 * 1024


class Cancelled(UnionkitError):
    code = "cancelled"


@dataclass(frozen=True)
class BlobInfo:
    id: int
    uid: str
    sha256: str
    size: int
    mime: str
    filename: str


def stage_stream(vault: Vault, fh: BinaryIO, *, filename: str = "", total: int | None = None,
                 progress: Callable[[float, str], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> StagedFile:
    """Write ``fh`` into the file store (no vault lock held meanwhile); commit it with :func:`register`
    in a transaction, or ``discard()`` it. Raises ``Cancelled``, ``StorageFull`` or ``SourceError``."""
    vault._c()  # refuse a locked vault before writing anything
    if vault.read_only:
        raise storage_full(read_only=True)
    report = None if progress is None else (lambda f: progress(f, filename))

    def stop() -> bool:  # the user cancelled, or the vault was locked meanwhile
        return not vault.is_open or (cancelled is not None and bool(cancelled()))

    try:
        return blobwriter.write_stream(vault.folder, fh, total=total, progress=report, cancelled=stop,
                                       on_cancel=lambda: Cancelled(_("Cancelled; nothing was stored.")))
    except OSError as exc:
        raise storage_full() from exc


def register(conn, staged: StagedFile, *, filename: str = "", mime: str | None = None) -> BlobInfo:
    """Inside the caller's transaction: the ``blob`` row and the descriptor of a staged file."""
    mime = mime or mimetypes.guess_type(filename)[0] or "application/octet-stream"
    name = Path(filename).name
    cur = conn.execute("INSERT INTO blob(sha256, size, mime, filename) VALUES (?, ?, ?, ?)",
                       (staged.sha256, staged.size, mime, name))
    blob_id = cur.lastrowid
    conn.execute("INSERT INTO blob_chunk(blob_id, seq, data) VALUES (?, ?, ?)",
                 (blob_id, blobfiles.DESCRIPTOR_SEQ, staged.descriptor.to_bytes()))
    uid = conn.execute("SELECT uid FROM blob WHERE id = ?", (blob_id,)).fetchone()[0]
    return BlobInfo(blob_id, uid, staged.sha256, staged.size, mime, name)


def put_stream(vault: Vault, fh: BinaryIO, *, filename: str = "", mime: str | None = None,
               total: int | None = None, progress: Callable[[float, str], None] | None = None,
               cancelled: Callable[[], bool] | None = None) -> BlobInfo:
    if total is not None and total >= blobfiles.THRESHOLD:
        staged = stage_stream(vault, fh, filename=filename, total=total, progress=progress,
                              cancelled=cancelled)
        done = False
        try:
            with vault.transaction() as conn:
                info = register(conn, staged, filename=filename, mime=mime)
            done = True
        finally:
            if not done:
                staged.discard()
        return info
    mime = mime or mimetypes.guess_type(filename)[0] or "application/octet-stream"
    h = hashlib.sha256()
    size = 0
    with vault.transaction() as conn:
        cur = conn.execute("INSERT INTO blob(sha256, size, mime, filename) VALUES ('', 0, ?, ?)",
                           (mime, Path(filename).name))
        blob_id = cur.lastrowid
        seq = 0
        while True:
            data = fh.read(CHUNK)
            if not data:
                break
            if cancelled is not None and cancelled():
                raise Cancelled(_("Cancelled; nothing was stored."))
            h.update(data)
            size += len(data)
            conn.execute("INSERT INTO blob_chunk(blob_id, seq, data) VALUES (?, ?, ?)", (blob_id, seq, data))
            seq += 1
            if progress is not None and total:
                progress(min(1.0, size / total), filename)
        digest = h.hexdigest()
        conn.execute("UPDATE blob SET sha256 = ?, size = ? WHERE id = ?", (digest, size, blob_id))
        uid = conn.execute("SELECT uid FROM blob WHERE id = ?", (blob_id,)).fetchone()[0]
    return BlobInfo(blob_id, uid, digest, size, mime, Path(filename).name)


def put_file(vault: Vault, path: Path, **kw) -> BlobInfo:
    path = Path(path)
    try:
        with path.open("rb") as fh:
            return put_stream(vault, fh, filename=path.name, total=path.stat().st_size, **kw)
    except (OSError, SourceError) as exc:
        err = exc.error if isinstance(exc, SourceError) else exc
        raise UnionkitError(_("Cannot read {path}: {error}").format(
            path=str(path), error=err.strerror or str(err))) from None


def put_bytes(vault: Vault, data: bytes, *, filename: str = "", mime: str | None = None) -> BlobInfo:
    import io

    return put_stream(vault, io.BytesIO(data), filename=filename, mime=mime, total=len(data))


def info(vault: Vault, blob_id: int) -> BlobInfo:
    row = vault.query("SELECT id, uid, sha256, size, mime, filename FROM blob WHERE id = ?", (blob_id,))
    if not row:
        raise UnionkitError(_("No stored file with id {id}.").format(id=blob_id))
    return BlobInfo(*row[0])


def iter_chunks(vault: Vault, blob_id: int) -> Iterator[bytes]:
    """Yield the stored bytes chunk by chunk (constant memory). A file-store blob that is missing or
    fails authentication raises ``blobfiles.BlobDamaged``."""
    with vault.lock:
        desc = blobfiles.descriptor_of(vault._c(), blob_id)
    if desc is not None:
        name = vault.scalar("SELECT filename FROM blob WHERE id = ?", (blob_id,)) or ""
        yield from blobfiles.iter_plain(vault.folder, desc, name)
        return
    n = vault.scalar("SELECT count(*) FROM blob_chunk WHERE blob_id = ? AND seq >= 0", (blob_id,)) or 0
    for seq in range(n):
        yield vault.scalar("SELECT data FROM blob_chunk WHERE blob_id = ? AND seq = ?", (blob_id, seq))


def read_bytes(vault: Vault, blob_id: int) -> bytes:
    return b"".join(iter_chunks(vault, blob_id))


def export_to(vault: Vault, blob_id: int, out: Path) -> str:
    """Write the original bytes to ``out`` (0600); returns the sha256 of what was written."""
    from unionkit.fsutil import atomic_writer

    h = hashlib.sha256()
    with atomic_writer(Path(out)) as fh:
        for chunk in iter_chunks(vault, blob_id):
            h.update(chunk)
            fh.write(chunk)
    return h.hexdigest()
