"""Open a SQLCipher 4 connection with a raw key and the pragmas the vault relies on.

Order matters (SQLCipher API): ``cipher_log_level`` off (no 'hmac check failed' on stderr), then
``PRAGMA key`` as the first statement, then a read of ``sqlite_master`` to verify the key, then the
pragmas, each read back and asserted.
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path

import sqlcipher3

from unionkit.errors import DamagedVault, VaultError
from unionkit.i18n import _

# SQLCipher changes its defaults (KDF, page size, HMAC) only with a major version; a vault written
# by 4.x must be opened by 4.x. A new major version needs cipher_migrate and a reviewed upgrade.
ALLOWED_CIPHER_MAJOR = ("4",)
_HEX_KEY = re.compile(r"^[0-9a-f]{64}$")

DatabaseError = sqlcipher3.DatabaseError
IntegrityError = sqlcipher3.IntegrityError


def keyspec(dek: bytes) -> str:
    """The raw-key string SQLCipher takes; validated so that nothing else reaches SQL text."""
    hexkey = dek.hex()
    if not _HEX_KEY.match(hexkey):
        raise ValueError("database key must be 32 bytes")
    return f"x'{hexkey}'"


def connect(db_path: Path, dek: bytes, *, create: bool = False) -> sqlcipher3.Connection:
    """Return an open, verified connection in autocommit mode (explicit BEGIN/COMMIT only)."""
    db_path = Path(db_path)
    if not create and not db_path.exists():
        raise DamagedVault(_("The vault's database file is missing. Restore it from a backup."))
    old_umask = os.umask(0o077)
    try:
        conn = sqlcipher3.connect(str(db_path), isolation_level=None, check_same_thread=False,
                                  timeout=5.0)
        try:
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute(f'PRAGMA key = "{keyspec(dek)}"')
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlcipher3.DatabaseError:
                raise DamagedVault(_("The vault's database cannot be read although the passphrase is "
                                     "right: the file is damaged. Restore it from a backup.")) from None
            version = conn.execute("PRAGMA cipher_version").fetchone()[0]
            if version.split(".")[0] not in ALLOWED_CIPHER_MAJOR:
                raise VaultError(_("Unsupported SQLCipher version {version}.").format(version=version))
            _apply_pragmas(conn)
        except BaseException:
            conn.close()
            raise
    finally:
        os.umask(old_umask)
    return conn


def _apply_pragmas(conn: sqlcipher3.Connection) -> None:
    expected = [
        ("foreign_keys", "ON", 1),
        ("secure_delete", "ON", 1),
        ("temp_store", "MEMORY", 2),
        ("synchronous", "FULL", 2),
    ]
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise VaultError(_("The vault's folder does not support safe writing (journal mode {mode}).")
                         .format(mode=mode))
    for name, value, want in expected:
        conn.execute(f"PRAGMA {name} = {value}")
        got = conn.execute(f"PRAGMA {name}").fetchone()[0]
        if int(got) != want:
            raise VaultError(f"PRAGMA {name} is {got}, expected {want}")
    # SECURITY R2: no plaintext header, logging off, extension loading disabled.
    if int(conn.execute("PRAGMA cipher_plaintext_header_size").fetchone()[0]) != 0:
        raise VaultError("cipher_plaintext_header_size must be 0")
    if str(conn.execute("PRAGMA cipher_log_level").fetchone()[0]).upper() not in ("NONE", "ERROR"):
        raise VaultError("cipher_log_level must be NONE or ERROR")
    try:
        conn.execute("SELECT load_extension('unionkit-none')")
    except sqlcipher3.OperationalError as exc:
        if "not authorized" not in str(exc):
            raise VaultError("extension loading must be disabled") from None
    else:  # pragma: no cover - would mean extensions can be loaded
        raise VaultError("extension loading must be disabled")
    conn.execute("PRAGMA cache_size = -65536")  # 64 MiB page cache: repeat reads cost as unencrypted


def close_quietly(conn: sqlcipher3.Connection | None) -> None:
    if conn is None:
        return
    with contextlib.suppress(Exception):
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with contextlib.suppress(Exception):
        conn.close()
