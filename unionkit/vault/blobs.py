"""Files stored inside the encrypted vault (receipts, scans, evidence), in 1 MiB chunks.

The SHA-256 is computed over the original bytes while they are stored, so the recorded hash is of
exactly what was kept. Nothing touches a plaintext temp file. Large files are streamed: one
transaction per file, progress and cancel (a cancelled intake leaves nothing behind).
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
from unionkit.vault.vault import Vault

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


def put_stream(vault: Vault, fh: BinaryIO, *, filename: str = "", mime: str | None = None,
               total: int | None = None, progress: Callable[[float, str], None] | None = None,
               cancelled: Callable[[], bool] | None = None) -> BlobInfo:
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
    except OSError as exc:
        raise UnionkitError(_("Cannot read {path}: {error}").format(path=str(path), error=exc.strerror)) from None


def put_bytes(vault: Vault, data: bytes, *, filename: str = "", mime: str | None = None) -> BlobInfo:
    import io

    return put_stream(vault, io.BytesIO(data), filename=filename, mime=mime, total=len(data))


def info(vault: Vault, blob_id: int) -> BlobInfo:
    row = vault.query("SELECT id, uid, sha256, size, mime, filename FROM blob WHERE id = ?", (blob_id,))
    if not row:
        raise UnionkitError(_("No stored file with id {id}.").format(id=blob_id))
    return BlobInfo(*row[0])


def iter_chunks(vault: Vault, blob_id: int) -> Iterator[bytes]:
    """Yield the stored bytes chunk by chunk (one query per chunk: constant memory)."""
    n = vault.scalar("SELECT count(*) FROM blob_chunk WHERE blob_id = ?", (blob_id,)) or 0
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
