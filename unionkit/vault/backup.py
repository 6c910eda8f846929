"""Encrypted, verified single-file backups and restore to a new location.

File layout::

    b"UKBACKUP\\x01"            magic + format version
    u64 len + key header       the key header valid at backup time (wrapped with that passphrase)
    u64 len + meta JSON        created, vault_uid, schema version, database size
    u64 len + database bytes   a SQLCipher export under the same database key (already ciphertext)
    32 bytes                   SHA-256 of everything above (detects a damaged backup file)

The database copy is made with ``sqlcipher_export`` (the supported way; the backup API and VACUUM
INTO are not), ``user_version`` is copied by hand (export does not), and the copy is verified by
integrity checks and a logical digest equal to the source's before the backup file is written.
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

from unionkit.errors import DamagedVault, NotAVault, VaultError
from unionkit.fsutil import atomic_writer, make_private_dir
from unionkit.i18n import _
from unionkit.vault import connection, header
from unionkit.vault.vault import DB_NAME, LOCK_NAME, Vault

MAGIC = b"UKBACKUP\x01"
SUFFIX = ".ukbackup"


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


def create_backup(vault: Vault, out: Path) -> BackupInfo:
    """Write a verified backup of the open vault to ``out`` (atomically, 0600)."""
    out = Path(out)
    make_private_dir(out.parent)
    with vault.lock:
        source_digest = vault.logical_digest()
        with tempfile.TemporaryDirectory(dir=out.parent, prefix=".ukb-") as tmpdir:
            os.chmod(tmpdir, 0o700)
            tmp_db = Path(tmpdir) / DB_NAME
            _export_copy(vault, tmp_db)
            copy = Vault(Path(tmpdir), connection.connect(tmp_db, bytes(vault._dek)), vault.header,
                         bytes(vault._dek), _NoLock())
            try:
                copy.conn.execute("PRAGMA journal_mode = DELETE")
                problems = copy.integrity_problems()
                digest = copy.logical_digest()
            finally:
                connection.close_quietly(copy.conn)
            if problems or digest != source_digest:
                raise VaultError(_("The backup could not be verified; nothing was written."))
            db_bytes = tmp_db.read_bytes()
        created = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        meta = json.dumps({"created": created, "vault_uid": vault.header.vault_uid,
                           "schema": vault.schema_version, "db_size": len(db_bytes),
                           "union_name_hash": hashlib.sha256(vault.union_name.encode()).hexdigest()[:16]})
        hdr_bytes = vault.header.to_bytes()
        h = hashlib.sha256()
        with atomic_writer(out) as fh:
            for part in (MAGIC, _chunk(hdr_bytes), _chunk(meta.encode()), _chunk(db_bytes)):
                fh.write(part)
                h.update(part)
            fh.write(h.digest())
    return BackupInfo(out, out.stat().st_size, digest, created)


class _NoLock:
    def release(self) -> None:
        pass


def _chunk(b: bytes) -> bytes:
    return struct.pack(">Q", len(b)) + b


def read_backup(path: Path) -> tuple[bytes, dict, bytes]:
    data = Path(path).read_bytes()
    if not data.startswith(MAGIC[:8]):
        raise NotAVault(_("{path} is not a unionkit backup.").format(path=str(path)))
    if not data.startswith(MAGIC):
        raise VaultError(_("This backup was made by a newer version of unionkit."))
    if len(data) < len(MAGIC) + 32 or hashlib.sha256(data[:-32]).digest() != data[-32:]:
        raise DamagedVault(_("The backup file {path} is damaged (checksum mismatch).").format(path=str(path)))
    pos = len(MAGIC)
    parts = []
    for _i in range(3):
        (n,) = struct.unpack(">Q", data[pos:pos + 8])
        parts.append(data[pos + 8:pos + 8 + n])
        pos += 8 + n
    return parts[0], json.loads(parts[1]), parts[2]


def restore_backup(backup: Path, passphrase: str, to: Path) -> Path:
    """Restore into a new folder ``to``; the passphrase is the one valid when the backup was made."""
    to = Path(to).expanduser()
    if to.exists() and (not to.is_dir() or any(to.iterdir())):
        raise VaultError(_("{path} already exists and is not empty: choose a new place to restore to.")
                         .format(path=str(to)))
    hdr_bytes, _meta, db_bytes = read_backup(backup)
    hdr = header.parse(hdr_bytes)
    header.unwrap(hdr.key, passphrase, hdr.kdf, hdr.aad())  # wrong passphrase: nothing written
    make_private_dir(to)
    try:
        header.write_both(to, hdr)
        with atomic_writer(to / DB_NAME) as fh:
            fh.write(db_bytes)
        (to / LOCK_NAME).touch(mode=0o600)
        Vault.open(to, passphrase, run_migrations=False).close()
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
