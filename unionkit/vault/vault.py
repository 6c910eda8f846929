"""The Vault: one encrypted database per union, opened with a passphrase.

Layout of a vault folder (0700)::

    key.hdr, key.hdr.bak   the wrapped database key, two copies (see header.py)
    vault.db (+ -wal/-shm) the SQLCipher 4 database
    blobs/                 big stored files, AES-256-GCM, keys inside vault.db (see blobfiles.py)
    lock                   advisory lock: one writer per vault
    backups/               automatic pre-migration backups (encrypted)
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import hashlib
import logging
import os
import threading
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import sqlcipher3

from unionkit.errors import DamagedVault, NotAVault, VaultError
from unionkit.fsutil import chmod_private_tree, make_private_dir
from unionkit.i18n import _
from unionkit.vault import blobfiles, checkpoint, connection, header, migrate, pending
from unionkit.vault.filelock import VaultFileLock
from unionkit.vault.location import check_location

log = logging.getLogger(__name__)
T = TypeVar("T")
U = TypeVar("U")

DB_NAME = "vault.db"
LOCK_NAME = "lock"
VERIFY_ON_OPEN_MAX_BYTES = 64 * 1024 * 1024


def is_vault_folder(path: Path) -> bool:
    path = Path(path)
    return path.is_dir() and any((path / n).exists() for n in header.HEADER_NAMES)


def _require_folder(folder: Path) -> Path:
    folder = Path(folder).expanduser()
    if not folder.exists():
        raise NotAVault(_("No vault at {path}.").format(path=str(folder)))
    if not folder.is_dir():
        raise NotAVault(_("{path} is not a unionkit vault (a vault is a folder).").format(path=str(folder)))
    return folder


def unlock_key(folder: Path, passphrase: str) -> tuple[header.Header, bytes, list[str]]:
    """Check the passphrase against the header without touching any file."""
    folder = _require_folder(folder)
    hdr, damaged = header.read_best(folder)
    dek = header.unwrap(hdr.key, passphrase, hdr.kdf, hdr.aad())
    return hdr, dek, damaged


class StorageFull(VaultError):
    code = "storage_full"


class VaultReadOnly(VaultError):
    code = "read_only"


def storage_full(*, read_only: bool = False) -> VaultError:
    """The translated error for a full or failing disk (or, with ``read_only``, a read-only vault)."""
    if read_only:
        return VaultReadOnly(_("The vault is open read-only because damage was found in it. Restore it from "
                               "a backup (File \u2192 Restore backup)."))
    return StorageFull(_("The disk is full or failing: nothing of this change was saved, and the vault "
                         "is as it was. Free some space and try again."))


def storage_error(exc: Exception) -> Exception:
    """Map SQLite's storage failures to translated errors (SECURITY R9, R10); others pass through."""
    text = str(exc).lower()
    if "disk is full" in text or "disk i/o error" in text:
        return storage_full()
    if "readonly" in text or "read-only" in text:
        return storage_full(read_only=True)
    return exc


def _reraise_storage(exc: Exception) -> None:
    err = storage_error(exc)
    if err is exc:
        raise exc
    raise err from exc


class Vault:
    """An open vault. Not thread-safe by itself: callers serialize through ``lock``."""

    def __init__(self, folder: Path, conn: sqlcipher3.Connection, hdr: header.Header, dek: bytes,
                 flock: VaultFileLock) -> None:
        self.folder = Path(folder)
        self.conn: sqlcipher3.Connection | None = conn
        self.header = hdr
        self._dek = bytearray(dek)
        self._flock = flock
        self.lock = threading.RLock()
        self.read_only = False
        self.damaged_pages: list[str] = []
        self.location_warnings: list[str] = []
        self._checkpoint: checkpoint.BackgroundCheckpoint | None = None

    # -- create / open / close -------------------------------------------------------------
    @classmethod
    def create(cls, folder: Path, passphrase: str, *, union_name: str = "", kdf: dict | None = None) -> Vault:
        folder = Path(folder).expanduser()
        if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
            raise VaultError(_("{path} already exists and is not empty.").format(path=str(folder)))
        if len(passphrase) < 1:
            raise VaultError(_("The passphrase cannot be empty."))
        warnings = check_location(folder)
        make_private_dir(folder)
        dek = os.urandom(32)
        hdr = header.Header(vault_uid=str(uuid.uuid4()), generation=1, kdf=kdf or header.default_kdf(),
                            key=header.WrappedKey("", "", ""))
        hdr.key = header.wrap(dek, passphrase, hdr.kdf, hdr.aad())
        header.write_both(folder, hdr)
        flock = VaultFileLock(folder / LOCK_NAME)
        flock.acquire()
        try:
            conn = connection.connect(folder / DB_NAME, dek, create=True)
        except BaseException:
            flock.release()
            raise
        vault = cls(folder, conn, hdr, dek, flock)
        vault.location_warnings = warnings
        try:
            migrate.run(conn)
            vault.set_setting("union_name", union_name or folder.stem)
            vault.set_setting("vault_uid", hdr.vault_uid)
        except BaseException:
            vault.close()
            raise
        chmod_private_tree(folder)
        return vault

    @classmethod
    def open(cls, folder: Path, passphrase: str, *, run_migrations: bool = True,
             verify_pages: bool | None = None, progress: Callable[[float, str], None] | None = None) -> Vault:
        """Open with the passphrase. ``verify_pages`` checks every page's HMAC first (SECURITY R10):
        a vault with damaged pages opens read-only, with ``damaged_pages`` listing them. The check
        reads the whole file (~15 ms per MB here), so by default it runs on open only up to
        ``VERIFY_ON_OPEN_MAX_BYTES``; bigger vaults are verified by 'Verify vault' / ``check``.
        ``progress(fraction, text)`` is told when an upgrade (backup, then migrations) is starting: on a
        big register it takes seconds, once."""
        folder = _require_folder(folder)
        hdr, dek, damaged = unlock_key(folder, passphrase)
        warnings = check_location(folder)
        flock = VaultFileLock(folder / LOCK_NAME)
        flock.acquire()
        try:
            if hdr.pending is not None:
                hdr, dek = cls._finish_rekey(folder, hdr, dek, passphrase)
            conn = connection.connect(folder / DB_NAME, dek)
        except BaseException:
            flock.release()
            raise
        vault = cls(folder, conn, hdr, dek, flock)
        vault.location_warnings = warnings
        try:
            if verify_pages is None:
                verify_pages = (folder / DB_NAME).stat().st_size <= VERIFY_ON_OPEN_MAX_BYTES
            if verify_pages:
                vault.damaged_pages = [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check")]
                if vault.damaged_pages:
                    conn.execute("PRAGMA query_only = ON")
                    vault.read_only = True
                    return vault
            if damaged:
                header.write_both(folder, hdr)  # repair the damaged or stale copy from the good one
            if run_migrations:
                if progress is not None and migrate.pending(conn):
                    progress(0.0, _("Upgrading the vault for this version of the app (a copy is saved "
                                    "first; this happens once)…"))
                migrate.run(conn, before_first=vault._pre_migration_backup)
            with vault.lock:
                blobfiles.sweep_orphans(conn, folder)  # cancelled or crashed intakes, deleted blobs
                if run_migrations:
                    vault.build_pending_indexes()
        except BaseException:
            vault.close()
            raise
        chmod_private_tree(folder)
        return vault

    @staticmethod
    def _finish_rekey(folder: Path, hdr: header.Header, dek: bytes, passphrase: str):
        """A rekey was interrupted: the database holds either the old or the pending key."""
        new_dek = header.unwrap(hdr.pending, passphrase, hdr.kdf, hdr.aad())
        for candidate in (new_dek, dek):
            try:
                conn = connection.connect(folder / DB_NAME, candidate)
            except DamagedVault:
                continue
            conn.close()
            hdr.key, hdr.pending, hdr.generation = (
                header.wrap(candidate, passphrase, hdr.kdf, hdr.aad()), None, hdr.generation + 1)
            header.write_both(folder, hdr)
            return hdr, candidate
        raise DamagedVault(_("The vault's database cannot be read: restore it from a backup."))

    def close(self) -> None:
        """Close the database, drop the key from memory and release the lock."""
        with self.lock:
            self.wait_for_checkpoint()
            if self.conn is not None and not self.read_only:
                self.build_pending_indexes()
            connection.close_quietly(self.conn)
            self.conn = None
            for i in range(len(self._dek)):
                self._dek[i] = 0
            self._flock.release()

    @property
    def is_open(self) -> bool:
        return self.conn is not None

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- SQL helpers for the domain services --------------------------------------------------
    def _c(self) -> sqlcipher3.Connection:
        if self.conn is None:
            raise VaultError(_("The vault is locked."))
        return self.conn

    def execute(self, sql: str, params: tuple | dict = ()) -> sqlcipher3.Cursor:
        with self.lock:
            try:
                return self._c().execute(sql, params)
            except sqlcipher3.OperationalError as exc:
                _reraise_storage(exc)

    def query(self, sql: str, params: tuple | dict = ()) -> list[tuple]:
        with self.lock:
            return self._c().execute(sql, params).fetchall()

    def scalar(self, sql: str, params: tuple | dict = ()):
        row = self.query(sql, params)
        return row[0][0] if row else None

    @contextlib.contextmanager
    def transaction(self, *, big: bool = False) -> Iterator[sqlcipher3.Connection]:
        """``BEGIN IMMEDIATE`` ... ``COMMIT``; rolls back on any exception (all or nothing).

        ``big``: thousands of pages (a roster import): the WAL is copied into the database file on a
        thread of its own after the COMMIT, instead of inside it (``unionkit.vault.checkpoint``)."""
        with self.lock:
            conn = self._c()
            deferred = checkpoint.deferred(conn) if big else contextlib.nullcontext()
            try:
                with deferred:
                    conn.execute("BEGIN IMMEDIATE")
                    try:
                        yield conn
                    except BaseException:
                        if conn.in_transaction:
                            conn.execute("ROLLBACK")
                        raise
                    conn.execute("COMMIT")
            except sqlcipher3.OperationalError as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                _reraise_storage(exc)
            if big:
                self.checkpoint_in_background()

    def checkpoint_in_background(self) -> None:
        """Start copying the WAL into the database file on another thread (one at a time). The
        transaction is already committed: if no connection can be opened now, SQLite's own checkpoint
        does the copy at a later commit or at closing."""
        with self.lock:
            self.wait_for_checkpoint()
            try:
                reader = self.reader_connection()
            except (sqlcipher3.Error, VaultError, OSError):
                log.warning("no connection for a background checkpoint; left to SQLite", exc_info=True)
                return
            try:
                self._checkpoint = checkpoint.BackgroundCheckpoint(reader)
            except RuntimeError:  # no thread can be started: left to SQLite as well
                log.warning("no thread for a background checkpoint; left to SQLite", exc_info=True)
                reader.close()

    def build_pending_indexes(self) -> None:
        """Build the indexes a big transaction deferred, if its background connection did not (a crash,
        a busy database): at opening and closing. A failure (a read-only folder, a full disk) leaves
        them for the next time; queries are correct without them, only slower."""
        with self.lock:
            try:
                pending.build(self._c())
            except sqlcipher3.Error:
                log.warning("deferred indexes not built; left for the next opening", exc_info=True)

    def wait_for_checkpoint(self) -> None:
        with self.lock:
            if self._checkpoint is not None:
                self._checkpoint.wait()
                self._checkpoint = None

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        v = self.scalar("SELECT value FROM setting WHERE key = ?", (key,))
        return default if v is None else v

    def set_setting(self, key: str, value: str) -> None:
        self.execute("INSERT INTO setting(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET "
                     "value = excluded.value, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')",
                     (key, str(value)))

    @property
    def union_name(self) -> str:
        return self.get_setting("union_name", self.folder.stem) or self.folder.stem

    @property
    def schema_version(self) -> int:
        return migrate.current_version(self._c())

    # -- keys -----------------------------------------------------------------------------
    def dek_keyspec(self) -> str:
        return connection.keyspec(bytes(self._dek))

    def reader_connection(self) -> sqlcipher3.Connection:
        """A second connection with the same key, for read-only work on another thread while this one
        is busy (WAL lets both read); the caller closes it. Not for the vault's writes: those go through
        ``conn`` (the one exception: after a big transaction, the background connection builds the indexes
        it deferred, ``unionkit.vault.pending``)."""
        self._c()  # a locked vault has no key to give
        return connection.connect(self.folder / DB_NAME, bytes(self._dek))

    def read_in_two(self, here: Callable[[sqlcipher3.Connection], T],
                    there: Callable[[sqlcipher3.Connection], U]) -> tuple[T, U]:
        """``(here(conn), there(reader))`` at once: ``there`` on a read connection of its own in a worker
        thread (SQLite releases the GIL while it steps), under the vault lock so that nothing is written
        meanwhile. For big read-only scans split in two; not inside a transaction (the reader would not
        see its rows)."""
        with self.lock:
            reader = self.reader_connection()
            try:
                with concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="vault-reader") as pool:
                    later = pool.submit(there, reader)
                    first = here(self._c())
                    return first, later.result()
            finally:
                reader.close()

    def change_passphrase(self, old: str, new: str) -> None:
        """Rewrap the database key under the new passphrase: one atomic header write."""
        if not new:
            raise VaultError(_("The passphrase cannot be empty."))
        with self.lock:
            hdr, dek, _damaged = unlock_key(self.folder, old)
            new_hdr = header.Header(vault_uid=hdr.vault_uid, generation=hdr.generation + 1,
                                    kdf=header.default_kdf() if hdr.kdf == header.REAL_KDF else hdr.kdf,
                                    key=header.WrappedKey("", "", ""))
            new_hdr.key = header.wrap(dek, new, new_hdr.kdf, new_hdr.aad())
            header.write_both(self.folder, new_hdr)
            self.header = new_hdr

    def rekey(self, passphrase: str) -> None:
        """Re-encrypt the whole database under a fresh random key (after a suspected compromise)."""
        with self.lock:
            hdr, dek, _damaged = unlock_key(self.folder, passphrase)
            new_dek = os.urandom(32)
            hdr.pending = header.wrap(new_dek, passphrase, hdr.kdf, hdr.aad())
            hdr.generation += 1
            header.write_both(self.folder, hdr)  # 1: remember the pending key
            self.wait_for_checkpoint()
            conn = self._c()
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.execute(f'PRAGMA rekey = "{connection.keyspec(new_dek)}"')  # 2: one transaction
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            hdr.key, hdr.pending = hdr.pending, None
            hdr.generation += 1
            header.write_both(self.folder, hdr)  # 3: the new key is the key
            self.header = hdr
            self._dek[:] = new_dek

    # -- checks ---------------------------------------------------------------------------
    def integrity_problems(self, *, files: bool = True) -> list[str]:
        """Database, encryption and foreign-key problems; with ``files`` also every stored file in
        ``blobs/`` decrypted and checked against its SHA-256 (~1 s per GB)."""
        problems: list[str] = []
        rows = self.query("PRAGMA integrity_check")
        if [r[0] for r in rows] != ["ok"]:
            problems += [str(r[0]) for r in rows]
        problems += [str(r[0]) for r in self.query("PRAGMA cipher_integrity_check")]
        problems += [f"foreign key: {r}" for r in self.query("PRAGMA foreign_key_check")]
        if files:
            problems += blobfiles.problems(self)
        return problems

    def logical_digest(self) -> str:
        """SHA-256 over every row of every ordinary table, in a stable order, from one snapshot (the
        background connection may commit meanwhile: see ``checkpoint_in_background``)."""
        h = hashlib.sha256()
        with self.lock:
            conn = self._c()
            snapshot = not conn.in_transaction
            if snapshot:
                conn.execute("BEGIN")
            try:
                self._digest_tables(h)
            finally:
                if snapshot:
                    conn.execute("COMMIT")
        return h.hexdigest()

    def _digest_tables(self, h) -> None:
        conn = self._c()
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")]
        virtual = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND sql LIKE 'CREATE VIRTUAL%'")]
        for t in tables:
            if any(t.startswith(v + "_") for v in virtual):
                continue  # FTS shadow tables are derived data
            h.update(t.encode())
            cols = conn.execute(f'PRAGMA table_info("{t}")').fetchall()
            pk = [c[1] for c in sorted(cols, key=lambda c: c[5]) if c[5]] or [c[1] for c in cols]
            order = ", ".join(f'"{c}"' for c in pk)
            for row in conn.execute(f'SELECT * FROM "{t}" ORDER BY {order}'):
                h.update(repr(row).encode())

    def _pre_migration_backup(self, from_version: int) -> None:
        from unionkit.vault.backup import create_backup

        out = make_private_dir(self.folder / "backups")
        create_backup(self, out / f"pre-migration-v{from_version}.ukbackup")
