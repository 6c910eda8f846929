"""Big stored files as encrypted files beside the database: ``blobs/<32 random hex>.ukb``.

Why: SQLCipher writes 4 KiB pages (one pwrite + HMAC each, ~262k per GB), which caps intake at
~60-80 MB/s here; these files are written in 4 MiB pieces with one fsync (>= 130 MB/s measured).

Format (all integers big-endian)::

    header  b"UKBLOB01" | file_id (16 random bytes) | chunk size u32 | 4 zero bytes   (32 bytes)
    chunk i AES-256-GCM(plaintext piece i) + 16-byte tag; every piece is ``chunk size`` bytes, the
            last one padded with zeros (an empty file is one padded piece), so the stored size shows
            only the number of 4 MiB pieces, not the exact size of the evidence

Each file has its own random 256-bit key. The key, the file name, the size and the piece size are
kept only inside the SQLCipher database, as the ``blob_chunk`` row with ``seq = -1`` of the blob
(the "descriptor"), so a file is unreadable without the database key, ``rekey`` needs no file
rewrite, and crypto-erase of the database key erases these files too. The nonce is the piece index
(8 bytes) and a final-piece flag (4 bytes); the associated data is the header, the index and the
flag: a piece moved, dropped, repeated, truncated or taken from another file fails its tag.

A file is written and fsynced before its ``blob`` row commits; a crash or cancel in between leaves
an unreferenced file that :func:`sweep_orphans` deletes on the next open.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from unionkit.errors import DamagedVault
from unionkit.fsutil import fsync_dir, make_private_dir
from unionkit.i18n import _

DIR_NAME = "blobs"
SUFFIX = ".ukb"
MAGIC = b"UKBLOB01"
CHUNK = 4 * 1024 * 1024
TAG = 16
DESCRIPTOR_SEQ = -1
DESC_PREFIX = b"ukblobfile1:"
# Files at least this big go to the file store; smaller ones (receipts, scans) stay in SQLCipher.
THRESHOLD = 8 * 1024 * 1024
_NAME = re.compile(r"^[0-9a-f]{32}\.ukb$")
_HEADER = struct.Struct(">8s16sI4x")


class BlobDamaged(DamagedVault):
    code = "blob_damaged"


def damaged(filename: str) -> BlobDamaged:
    return BlobDamaged(_("The stored copy of {name} is damaged or missing. Restore the vault from a "
                         "backup.").format(name=filename or "?"))


@dataclass(frozen=True)
class Descriptor:
    file: str
    key: bytes
    size: int
    chunk: int

    def to_bytes(self) -> bytes:
        body = {"v": 1, "file": self.file, "key": self.key.hex(), "size": self.size, "chunk": self.chunk}
        return DESC_PREFIX + json.dumps(body, sort_keys=True).encode()

    @classmethod
    def parse(cls, data: bytes) -> Descriptor:
        if not bytes(data).startswith(DESC_PREFIX):
            raise ValueError("not a blob file descriptor")
        d = json.loads(bytes(data)[len(DESC_PREFIX):])
        if not _NAME.match(d["file"]):
            raise ValueError("bad blob file name")
        return cls(d["file"], bytes.fromhex(d["key"]), int(d["size"]), int(d["chunk"]))

    @property
    def file_id(self) -> bytes:
        return bytes.fromhex(self.file[:32])

    def pieces(self) -> int:
        return max(1, -(-self.size // self.chunk))


def header_bytes(file_id: bytes, chunk: int) -> bytes:
    return _HEADER.pack(MAGIC, file_id, chunk)


def nonce_aad(header: bytes, index: int, final: bool) -> tuple[bytes, bytes]:
    tail = struct.pack(">QI", index, 1 if final else 0)
    return tail, header + tail


def blob_dir(vault_folder: Path) -> Path:
    return Path(vault_folder) / DIR_NAME


def descriptor_of(conn, blob_id: int) -> Descriptor | None:
    row = conn.execute("SELECT data FROM blob_chunk WHERE blob_id = ? AND seq = ?",
                       (blob_id, DESCRIPTOR_SEQ)).fetchone()
    return None if row is None else Descriptor.parse(row[0])


def all_descriptors(conn) -> list[tuple[int, Descriptor]]:
    rows = conn.execute("SELECT blob_id, data FROM blob_chunk WHERE seq = ? ORDER BY blob_id",
                        (DESCRIPTOR_SEQ,)).fetchall()
    return [(r[0], Descriptor.parse(r[1])) for r in rows]


def stored_blobs(conn) -> list[tuple[Descriptor, str, str]]:
    """Every file-store blob: (descriptor, recorded sha256, original file name)."""
    out = []
    for blob_id, desc in all_descriptors(conn):
        sha, name = conn.execute("SELECT sha256, filename FROM blob WHERE id = ?", (blob_id,)).fetchone()
        out.append((desc, sha, name))
    return out


def valid_name(name: str) -> bool:
    return bool(_NAME.match(name))


def _pieces(vault_folder: Path, desc: Descriptor, filename: str) -> Iterator[tuple[bytes, bytes]]:
    """(stored bytes, plaintext) of each piece, header first as (header, b""); the padding of the last
    piece is cut off. :class:`BlobDamaged` on any problem."""
    path = blob_dir(vault_folder) / desc.file
    try:
        fh = path.open("rb", buffering=0)
    except OSError:
        raise damaged(filename) from None
    with fh:
        header = fh.read(_HEADER.size)
        if header != header_bytes(desc.file_id, desc.chunk):
            raise damaged(filename)
        yield header, b""
        aead = AESGCM(desc.key)
        n = desc.pieces()
        for i in range(n):
            data = _read_exact(fh, desc.chunk + TAG)
            nonce, aad = nonce_aad(header, i, i == n - 1)
            try:
                plain = aead.decrypt(nonce, data, aad)
            except InvalidTag:
                raise damaged(filename) from None
            yield data, plain if i < n - 1 else plain[:desc.size - i * desc.chunk]
        if fh.read(1):
            raise damaged(filename)


def iter_plain(vault_folder: Path, desc: Descriptor, filename: str = "") -> Iterator[bytes]:
    """Decrypt and yield the pieces of a stored file; :class:`BlobDamaged` on any problem."""
    it = _pieces(vault_folder, desc, filename)
    next(it)
    for _raw, plain in it:
        yield plain


def _read_exact(fh, n: int) -> bytes:
    parts, left = [], n
    while left:
        b = fh.read(left)
        if not b:
            break
        parts.append(b)
        left -= len(b)
    return b"".join(parts)


def iter_raw_verified(vault_folder: Path, desc: Descriptor, sha256: str, filename: str = "") -> Iterator[bytes]:
    """Yield the encrypted file as stored (header, then each piece with its tag) while decrypting it:
    :class:`BlobDamaged` at the end if it does not authenticate or its SHA-256 is not ``sha256``."""
    h = hashlib.sha256()
    for raw, plain in _pieces(vault_folder, desc, filename):
        h.update(plain)
        yield raw
    if h.hexdigest() != sha256:
        raise damaged(filename)


def stored_size(desc: Descriptor) -> int:
    return _HEADER.size + (desc.chunk + TAG) * desc.pieces()


def verify(vault_folder: Path, desc: Descriptor, sha256: str, filename: str = "") -> None:
    """Decrypt the whole file and compare with the recorded SHA-256 (backups, restore, checks)."""
    h = hashlib.sha256()
    size = 0
    for piece in iter_plain(vault_folder, desc, filename):
        h.update(piece)
        size += len(piece)
    if size != desc.size or h.hexdigest() != sha256:
        raise damaged(filename)


def problems(vault) -> list[str]:
    """One line per stored file that is missing, fails authentication or no longer matches its hash."""
    with vault.lock:
        try:
            found = stored_blobs(vault._c())
        except (ValueError, KeyError, TypeError) as exc:
            return [f"stored file descriptor unreadable: {exc}"]
    out = []
    for desc, sha, name in found:
        try:
            verify(vault.folder, desc, sha, name)
        except BlobDamaged:
            out.append(f"stored file {desc.file} ({name}): damaged or missing")
    return out


def sweep_orphans(conn, vault_folder: Path) -> list[str]:
    """Delete files in ``blobs/`` that no committed blob references (cancelled or crashed intakes,
    deleted blobs). Only names of our own pattern are touched. Returns the names removed."""
    d = blob_dir(vault_folder)
    if not d.is_dir():
        return []
    try:
        keep = {desc.file for _id, desc in all_descriptors(conn)}
    except (ValueError, KeyError, TypeError):
        return []  # a descriptor cannot be read: delete nothing ('Verify vault' reports it)
    removed = []
    for p in d.iterdir():
        if _NAME.match(p.name) and p.name not in keep:
            p.unlink()
            removed.append(p.name)
    if removed:
        fsync_dir(d)
    return removed


def new_file(vault_folder: Path) -> tuple[Path, int]:
    """Create an empty private file with a random name; returns its path and an open fd."""
    d = blob_dir(vault_folder)
    if not d.is_dir():
        make_private_dir(d)
        fsync_dir(Path(vault_folder))
    while True:
        path = d / (os.urandom(16).hex() + SUFFIX)
        try:
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
            fd = os.open(path, flags, 0o600)
        except FileExistsError:  # pragma: no cover - 128 random bits
            continue
        return path, fd
