"""Migrations that rebuild a table (SQLite's twelve steps): foreign keys off for the rebuild, and a
rebuild that breaks a reference is rolled back whole."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from unionkit.errors import VaultError
from unionkit.members.service import add_person
from unionkit.vault import migrate


def _person_with_history(vault) -> int:
    pid = add_person(vault, {"nombre": "Rosa", "primer_apellido": "Luna", "curp": "BOXW310820HNERXN09"})
    vault.execute("INSERT INTO membership_event(person_id, event_date, kind, status) "
                  "VALUES (?, '2026-01-05', 'status', 'suspended')", (pid,))
    return pid


def test_a_rebuild_that_breaks_a_reference_is_rolled_back(vault):
    _person_with_history(vault)
    version, digest = migrate.current_version(vault.conn), vault.logical_digest()
    bad = SimpleNamespace(VERSION=version + 1, SQL="DELETE FROM person;", FOREIGN_KEYS_OFF=True)
    with pytest.raises(VaultError, match="foreign key"):
        migrate._apply(vault.conn, bad)
    assert migrate.current_version(vault.conn) == version and vault.logical_digest() == digest
    assert vault.scalar("PRAGMA foreign_keys") == 1 and not vault.conn.in_transaction


def test_a_rebuild_keeps_the_rows_that_refer_to_the_table(vault):
    pid = _person_with_history(vault)
    version = migrate.current_version(vault.conn)
    # With foreign keys on, DROP TABLE would delete the person's history (ON DELETE CASCADE).
    create = vault.scalar("SELECT sql FROM sqlite_master WHERE name = 'person'")
    rebuild = SimpleNamespace(VERSION=version + 1, FOREIGN_KEYS_OFF=True, SQL=f"""
        {re.sub(r'^CREATE TABLE "?person"?', "CREATE TABLE person_copy", create)};
        INSERT INTO person_copy SELECT * FROM person;
        DROP TABLE person;
        PRAGMA legacy_alter_table = ON;
        ALTER TABLE person_copy RENAME TO person;
        PRAGMA legacy_alter_table = OFF;
    """)
    migrate._apply(vault.conn, rebuild)
    assert migrate.current_version(vault.conn) == version + 1
    assert vault.scalar("SELECT count(*) FROM membership_event WHERE person_id = ?", (pid,)) == 1
    assert vault.query("PRAGMA foreign_key_check") == [] and vault.scalar("PRAGMA foreign_keys") == 1


def test_a_reference_broken_before_does_not_stop_the_upgrade(vault):
    _person_with_history(vault)
    vault.execute("PRAGMA foreign_keys = OFF")
    vault.execute("INSERT INTO membership_event(person_id, event_date, kind, status) "
                  "VALUES (999, '2026-01-05', 'status', 'resigned')")
    vault.execute("PRAGMA foreign_keys = ON")
    version = migrate.current_version(vault.conn)
    harmless = SimpleNamespace(VERSION=version + 1, FOREIGN_KEYS_OFF=True,
                               SQL="CREATE TABLE t_new(x); DROP TABLE t_new;")
    migrate._apply(vault.conn, harmless)
    assert migrate.current_version(vault.conn) == version + 1
    assert len(vault.query("PRAGMA foreign_key_check")) == 1  # still there, for the vault's checks


def test_a_rebuild_refuses_to_start_inside_a_transaction(vault):
    # PRAGMA foreign_keys is a no-op inside a transaction: DROP TABLE would cascade to the history.
    _person_with_history(vault)
    version = migrate.current_version(vault.conn)
    rebuild = SimpleNamespace(VERSION=version + 1, FOREIGN_KEYS_OFF=True, SQL="DROP TABLE person;")
    vault.conn.execute("BEGIN")
    try:
        with pytest.raises(VaultError, match="outside a transaction"):
            migrate._apply(vault.conn, rebuild)
    finally:
        vault.conn.execute("ROLLBACK")
    assert vault.scalar("SELECT count(*) FROM membership_event") == 1


def test_a_failed_rebuild_leaves_the_connection_settings_as_they_were(vault):
    _person_with_history(vault)
    version, digest = migrate.current_version(vault.conn), vault.logical_digest()
    failing = SimpleNamespace(VERSION=version + 1, FOREIGN_KEYS_OFF=True, SQL="""
        PRAGMA legacy_alter_table = ON;
        INSERT INTO no_such_table VALUES (1);
    """)
    with pytest.raises(VaultError, match="no_such_table"):
        migrate._apply(vault.conn, failing)
    assert vault.scalar("PRAGMA legacy_alter_table") == 0 and vault.scalar("PRAGMA foreign_keys") == 1
    assert migrate.current_version(vault.conn) == version and vault.logical_digest() == digest


def test_m0009_refuses_a_person_table_it_was_not_written_for(vault):
    from unionkit.vault.migrations import m0009_person_indexes as m0009

    assert tuple(r[1] for r in vault.query("PRAGMA table_info(person)")) == m0009.COLUMNS
    vault.execute("ALTER TABLE person ADD COLUMN apodo TEXT")  # a column the rebuild would not copy
    pid = _person_with_history(vault)
    vault.execute("UPDATE person SET apodo = 'La Güera' WHERE id = ?", (pid,))
    with pytest.raises(VaultError, match="apodo"):
        migrate._apply(vault.conn, m0009)
    assert vault.scalar("SELECT apodo FROM person WHERE id = ?", (pid,)) == "La Güera"
