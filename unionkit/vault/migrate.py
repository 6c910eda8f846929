"""Apply pending migrations, each in one transaction, after a verified backup of the old vault."""

from __future__ import annotations

from collections.abc import Callable

import sqlcipher3

from unionkit.errors import NewerVault, VaultError
from unionkit.i18n import _
from unionkit.vault.migrations import all_migrations


def current_version(conn: sqlcipher3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def pending(conn: sqlcipher3.Connection) -> list:
    version = current_version(conn)
    mods = all_migrations()
    if version > len(mods):
        raise NewerVault(_("This vault was made by a newer version of unionkit (schema {found}, this app "
                           "knows up to {known}). Update the app to open it.").format(
                               found=version, known=len(mods)))
    return [m for m in mods if m.VERSION > version]


def run(conn: sqlcipher3.Connection, before_first: Callable[[int], None] | None = None) -> list[int]:
    """Run the pending migrations; ``before_first(version)`` makes the backup of a non-empty vault."""
    todo = pending(conn)
    if todo and before_first is not None and current_version(conn) > 0:
        before_first(current_version(conn))
    applied = []
    for mod in todo:
        start = current_version(conn)
        if start != mod.VERSION - 1:
            raise VaultError(f"migration {mod.VERSION} expects schema {mod.VERSION - 1}, found {start}")
        _apply(conn, mod)
        hook = getattr(mod, "after", None)
        if hook is not None:
            hook(conn)
        applied.append(mod.VERSION)
    return applied


def _apply(conn: sqlcipher3.Connection, mod) -> None:
    """One migration and its version bump in one transaction. A migration that rebuilds a table
    (``FOREIGN_KEYS_OFF``) runs with foreign keys off, as SQLite's twelve steps for changing a table
    require (``DROP TABLE`` would otherwise cascade to the rows that refer to it), and commits only if
    ``PRAGMA foreign_key_check`` finds no reference that it broke (one broken before, by whatever
    cause, is left to the vault's checks rather than making the vault impossible to open)."""
    keys_off = getattr(mod, "FOREIGN_KEYS_OFF", False)
    if conn.in_transaction:  # PRAGMA foreign_keys would be a no-op, and executescript would commit it
        raise VaultError(f"migration {mod.VERSION} must start outside a transaction")
    check = getattr(mod, "before", None)
    try:
        if check is not None:
            check(conn)  # refuses a database the migration was not written for, before any change
        if keys_off:
            conn.execute("PRAGMA foreign_keys = OFF")
            if conn.execute("PRAGMA foreign_keys").fetchone()[0]:
                raise sqlcipher3.OperationalError("foreign keys could not be turned off")
        before = set(conn.execute("PRAGMA foreign_key_check").fetchall()) if keys_off else set()
        conn.executescript(f"BEGIN IMMEDIATE;\n{mod.SQL}\nPRAGMA user_version = {int(mod.VERSION)};\n")
        broken = set(conn.execute("PRAGMA foreign_key_check").fetchall()) - before if keys_off else set()
        if broken:
            raise sqlcipher3.IntegrityError(f"foreign key check: {list(broken)[:3]}")
        conn.execute("COMMIT")
    except BaseException as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if not isinstance(exc, sqlcipher3.Error):
            raise
        raise VaultError(_("Could not upgrade the vault to schema {version}: {error}").format(
            version=mod.VERSION, error=str(exc))) from exc
    finally:
        conn.execute("PRAGMA legacy_alter_table = OFF")  # a failed table rebuild may leave it on
        if keys_off:
            conn.execute("PRAGMA foreign_keys = ON")
