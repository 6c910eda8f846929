"""Indexes that a big transaction left to be built after its COMMIT (``unionkit.vault.pending``).

A 100,000-row roster import rebuilds the person table's indexes after its rows. The ones that only
speed up reads (sort order, status filter, employee number) are recorded here inside the import's
transaction and built right after it on a second connection; a crash in between leaves the rows
here, and the next opening builds them. Uniqueness (uid, CURP) is never deferred.
"""

from unionkit.vault.migrations import STD_COLUMNS

VERSION = 10

SQL = f"""
CREATE TABLE pending_index (
    {STD_COLUMNS},
    name TEXT NOT NULL UNIQUE,
    sql TEXT NOT NULL CHECK (sql LIKE 'CREATE INDEX %')
);
"""
