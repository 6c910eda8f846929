"""The person table rebuilt with its uniqueness (uid, CURP) held by named indexes instead of
constraints written into the table, so that a roster import can set every person index aside and
build it once after its rows (``unionkit.members.bulk_insert``).

SQLite keeps an inline ``UNIQUE`` in an index that cannot be dropped. Growing the uid, CURP and
status indexes row by row took about half of a 100,000-row import's inserts (1.1 s → 0.5 s without
them, plus ~0.25 s to build them once; measured, SQLCipher, this laptop class). Uniqueness is
unchanged: ``person_uid`` and ``person_curp`` are UNIQUE indexes (same error, same ``ON CONFLICT``
targets), and the import rebuilds them in the same transaction, so a duplicate fails the commit.

SQLite's documented twelve steps for changing a table (https://sqlite.org/lang_altertable.html):
foreign keys off outside the transaction (``FOREIGN_KEYS_OFF``), new table, copy, drop, rename,
indexes and triggers again, ``PRAGMA foreign_key_check`` before the commit (``unionkit.vault.migrate``).
Row ids are kept, so the name index (external content, keyed by id) and every table that refers to a
person stay valid without being touched.
"""

import sqlcipher3

from unionkit.vault.migrations import NOW_SQL, UUID_SQL

VERSION = 9
FOREIGN_KEYS_OFF = True
# The person columns this rebuild copies, in order: a table with any other columns is refused (``before``)
# rather than copied without them.
COLUMNS = ("id", "uid", "created_at", "updated_at", "nombre", "primer_apellido", "segundo_apellido", "curp", "nss",
           "rfc", "employee_no", "sex", "birth_date", "workplace_id", "department", "shift", "position",
           "hire_date", "confianza", "phone", "email", "address", "notes", "is_member", "join_date", "status",
           "status_date", "import_batch_id", "search_text", "sort_name")


def before(conn) -> None:
    found = tuple(r[1] for r in conn.execute("PRAGMA table_info(person)"))
    if found != COLUMNS:
        raise sqlcipher3.DatabaseError(f"unexpected person columns: {', '.join(found)}")


SQL = f"""
CREATE TABLE person_new (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL DEFAULT {UUID_SQL},
    created_at TEXT NOT NULL DEFAULT {NOW_SQL},
    updated_at TEXT NOT NULL DEFAULT {NOW_SQL},
    nombre TEXT NOT NULL,
    primer_apellido TEXT NOT NULL DEFAULT '',
    segundo_apellido TEXT NOT NULL DEFAULT '',
    curp TEXT,                          -- unique (person_curp); NULL when unknown; upper-case, no spaces
    nss TEXT NOT NULL DEFAULT '',
    rfc TEXT NOT NULL DEFAULT '',
    employee_no TEXT NOT NULL DEFAULT '',
    sex TEXT NOT NULL DEFAULT '',       -- 'H', 'M', 'X' or ''
    birth_date TEXT,                    -- ISO date, derived from the CURP where present
    workplace_id INTEGER REFERENCES workplace(id),
    department TEXT NOT NULL DEFAULT '',
    shift TEXT NOT NULL DEFAULT '',
    position TEXT NOT NULL DEFAULT '',
    hire_date TEXT,
    confianza INTEGER NOT NULL DEFAULT 0 CHECK (confianza IN (0, 1)),
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    is_member INTEGER NOT NULL DEFAULT 0 CHECK (is_member IN (0, 1)),
    join_date TEXT,
    status TEXT NOT NULL DEFAULT 'active'
        CHECK (status IN ('active', 'suspended', 'resigned', 'dismissed', 'deceased')),
    status_date TEXT,
    import_batch_id INTEGER REFERENCES import_batch(id),
    -- Derived by unionkit.members.text (never typed): accent/case-folded text for search, and a
    -- Spanish sort key ("apellido1 apellido2 nombre", ñ after n).
    search_text TEXT NOT NULL DEFAULT '',
    sort_name TEXT NOT NULL DEFAULT ''
);
INSERT INTO person_new({", ".join(COLUMNS)}) SELECT {", ".join(COLUMNS)} FROM person;
DROP TABLE person;
PRAGMA legacy_alter_table = ON;
ALTER TABLE person_new RENAME TO person;
PRAGMA legacy_alter_table = OFF;
CREATE UNIQUE INDEX person_uid ON person(uid);
CREATE UNIQUE INDEX person_curp ON person(curp);
CREATE INDEX person_employee_no ON person(employee_no);
CREATE INDEX person_status ON person(is_member, status);
CREATE INDEX person_sort_name ON person(sort_name, id);
CREATE TRIGGER person_fts_ai AFTER INSERT ON person WHEN new.import_batch_id IS NULL BEGIN
    INSERT INTO person_fts(rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER person_fts_ad AFTER DELETE ON person BEGIN
    INSERT INTO person_fts(person_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
END;
CREATE TRIGGER person_fts_au AFTER UPDATE OF search_text ON person BEGIN
    INSERT INTO person_fts(person_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
    INSERT INTO person_fts(rowid, search_text) VALUES (new.id, new.search_text);
END;
"""
