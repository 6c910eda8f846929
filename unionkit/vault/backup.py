"""Encrypted, verified single-file backups and restore to a new location.

File layout::

    b"UKBACKUP\x01" or b"\x02"   magic + format version (2: the vault has files in ``blobs/``)
    u64 len + key header       the key header valid at backup time (wrapped with that passphrase)
    u64 len + meta JSON        created, vault_uid, schema version, database size, number of files
    u64 len + database bytes   a SQLCipher export under the same database key (already ciphertext)
    per stored file (v2 only): u64 len + file name, u64 len + the encrypted file as stored
    32 bytes                   SHA-256 of everything above (detects a damaged backup file)

The database copy is made with ``sqlcipher_export`` (the supported way; the backup API and VACUUM
INTO are not), ``user_version`` is copied by hand (export does not), and the copy is verified by
integrity checks and a logical digest equal to the source's before the backup file is written.
The stored files are copied as ciphertext (their keys are inside the database) and each one is
decrypted and checked against its recorded SHA-256 while it is copied, and again after a restore.
Everything is streamed: a backup of a vault with gigabytes of evidence needs little memory.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import struct
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from unionkit.errors import DamagedVault, NotAVault, VaultError
from unionkit.fsutil import atomic_writer, make_private_dir
from unionkit.i18n import _
from unionkit.vault import blobfiles, connection, header
from unionkit.vault.vault import DB_NAME, LOCK_NAME, Vault

MAGIC = b"UKBACKUP\x01"
MAGIC_FILES = b"UKBACKUP\x02"
SUFFIX = ".ukbackup"
_PIECE = 4 * 1024 * 1024
_U64 = struct.Struct(">Q")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    size: int
    digest: str
    created: str


def _export_copy(vault: Vault, target: Path) -> None:
    conn = vault._c()
    spec = vault.dek_keyspec()
    conn.execute("ATTACH DATABASE ? AS ukbackup KEY ?", (str(target), spec))
    try:
        conn.execute("SELECT sqlcipher_export('ukbackup')")
        conn.execute(f"PRAGMA ukbackup.user_version = {int(vault.schema_version)}")
    finally:
        conn.execute("DETACH DATABASE ukbackup")


class _HashingWriter:
    def __init__(self, fh: BinaryIO) -> None:
        self.fh, self.h = fh, hashlib.sha256()

    def write(self, b: bytes) -> None:
        self.fh.write(b)
        self.h.update(b)


def create_backup(vault: Vault, out: Path) -> BackupInfo:
    """Write a verified backup of the open vault to ``out`` (atomically, 0600)."""
    out = Path(out)
    make_private_dir(out.parent)
    with vault.lock:
        vault.wait_for_checkpoint()  # its connection may still be building deferred indexes (a write)
        source_digest = vault.logical_digest()
        with tempfile.TemporaryDirectory(dir=out.parent, prefix=".ukb-") as tmpdir:
            os.chmod(tmpdir, 0o700)
            tmp_db = Path(tmpdir) / DB_NAME
            _export_copy(vault, tmp_db)
            copy = Vault(Path(tmpdir), connection.connect(tmp_db, bytes(vault._dek)), vault.header,
                         bytes(vault._dek), _NoLock())
            try:
                copy.conn.execute("PRAGMA journal_mode = DELETE")
                problems = copy.integrity_problems(files=False)  # files: checked while copied
                digest = copy.logical_digest()
                files = blobfiles.stored_blobs(copy.conn)
            finally:
                connection.close_quietly(copy.conn)
            if problems or digest != source_digest:
                raise VaultError(_("The backup could not be verified; nothing was written."))
            db_bytes = tmp_db.read_bytes()
        created = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        meta = json.dumps({"created": created, "vault_uid": vault.header.vault_uid,
                           "schema": vault.schema_version, "db_size": len(db_bytes), "files": len(files),
                           "union_name_hash": hashlib.sha256(vault.union_name.encode()).hexdigest()[:16]})
        with atomic_writer(out) as fh:
            w = _HashingWriter(fh)
            w.write(MAGIC_FILES if files else MAGIC)
            for part in (vault.header.to_bytes(), meta.encode(), db_bytes):
                w.write(_chunk(part))
            for desc, sha, name in files:
                w.write(_chunk(desc.file.encode()))
                w.write(_U64.pack(blobfiles.stored_size(desc)))
                for raw in blobfiles.iter_raw_verified(vault.folder, desc, sha, name):
                    w.write(raw)
            fh.write(w.h.digest())
    return BackupInfo(out, out.stat().st_size, digest, created)


class _NoLock:
    def release(self) -> None:
        pass


def _chunk(b: bytes) -> bytes:
    return _U64.pack(len(b)) + b


def _damaged(path: Path) -> DamagedVault:
    return DamagedVault(_("The backup file {path} is damaged (checksum mismatch).").format(path=str(path)))


def _check(path: Path, *, checksum: bool = True) -> tuple[bytes, int]:
    """Check magic and (streamed) checksum; returns the magic and where the checksum starts."""
    path = Path(path)
    size = path.stat().st_size
    with path.open("rb") as fh:
        magic = fh.read(len(MAGIC))
        if not magic.startswith(MAGIC[:8]):
            raise NotAVault(_("{path} is not a unionkit backup.").format(path=str(path)))
        if magic not in (MAGIC, MAGIC_FILES):
            raise VaultError(_("This backup was made by a newer version of unionkit."))
        end = size - 32
        if end < len(MAGIC):
            raise _damaged(path)
        if not checksum:
            return magic, end
        h = hashlib.sha256(magic)
        left = end - len(MAGIC)
        while left:
            b = fh.read(min(left, _PIECE))
            if not b:
                raise _damaged(path)
            h.update(b)
            left -= len(b)
        if h.digest() != fh.read(32):
            raise _damaged(path)
    return magic, end


class _HashingReader:
    """Reads through to ``fh`` and hashes what was read (restore checks the checksum in the same pass)."""

    def __init__(self, fh: BinaryIO, magic: bytes) -> None:
        self.fh, self.h = fh, hashlib.sha256(magic)

    def read(self, n: int) -> bytes:
        b = self.fh.read(n)
        self.h.update(b)
        return b

    def tell(self) -> int:
        return self.fh.tell()


def _length(fh: BinaryIO, end: int, path: Path) -> int:
    b = fh.read(8)
    if len(b) != 8:
        raise _damaged(path)
    (n,) = _U64.unpack(b)
    if fh.tell() + n > end:
        raise _damaged(path)
    return n


def _part(fh: BinaryIO, end: int, path: Path) -> bytes:
    return fh.read(_length(fh, end, path))


def _copy(fh: BinaryIO, n: int, out: Path) -> None:
    with atomic_writer(out) as dst:
        while n:
            b = fh.read(min(n, _PIECE))
            dst.write(b)
            n -= len(b)


def read_backup(path: Path) -> tuple[bytes, dict, bytes]:
    """The key header, the meta data and the database bytes of a checked backup."""
    _magic, end = _check(path)
    with Path(path).open("rb") as fh:
        fh.seek(len(MAGIC))
        hdr, meta, db = (_part(fh, end, path) for _i in range(3))
    return hdr, json.loads(meta), db


def restore_backup(backup: Path, passphrase: str, to: Path) -> Path:
    """Restore into a new folder ``to``; the passphrase is the one valid when the backup was made."""
    to = Path(to).expanduser()
    if to.exists() and (not to.is_dir() or any(to.iterdir())):
        raise VaultError(_("{path} already exists and is not empty: choose a new place to restore to.")
                         .format(path=str(to)))
    magic, end = _check(backup, checksum=False)  # checked while copying: one pass over a big backup
    with Path(backup).open("rb") as raw:
        raw.seek(len(MAGIC))
        fh = _HashingReader(raw, magic)
        hdr_bytes, _meta = _part(fh, end, backup), _part(fh, end, backup)
        hdr = header.parse(hdr_bytes)
        header.unwrap(hdr.key, passphrase, hdr.kdf, hdr.aad())  # wrong passphrase: nothing written
        make_private_dir(to)
        try:
            header.write_both(to, hdr)
            _copy(fh, _length(fh, end, backup), to / DB_NAME)
            while fh.tell() < end:
                name = _part(fh, end, backup).decode("ascii", "replace")
                if not blobfiles.valid_name(name):
                    raise _damaged(Path(backup))
                _copy(fh, _length(fh, end, backup), make_private_dir(blobfiles.blob_dir(to)) / name)
            if fh.h.digest() != raw.read(32):
                raise _damaged(Path(backup))
            (to / LOCK_NAME).touch(mode=0o600)
            with Vault.open(to, passphrase, run_migrations=False) as v:
                for desc, sha, name in blobfiles.stored_blobs(v.conn):
                    blobfiles.verify(to, desc, sha, name)
        except BaseException:
            for p in sorted(to.rglob("*"), reverse=True):
                p.unlink() if p.is_file() else p.rmdir()
            to.rmdir()
            raise
    return to


_SLUG = re.compile(r"[^A-Za-z0-9_-]+")


def backup_to_folder(vault: Vault, folder: Path, keep: int = 10) -> BackupInfo:
    """A timestamped backup in ``folder``; keeps the ``keep`` newest generations of this vault."""
    folder = make_private_dir(Path(folder).expanduser())
    stem = _SLUG.sub("-", vault.folder.stem).strip("-") or "vault"
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    info = create_backup(vault, folder / f"{stem}-{stamp}{SUFFIX}")
    generations = sorted(folder.glob(f"{stem}-*{SUFFIX}"), key=lambda p: p.name, reverse=True)
    for old in generations[max(keep, 1):]:
        old.unlink()
    return info
