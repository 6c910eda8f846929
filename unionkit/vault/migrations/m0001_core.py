"""Core tables: vault settings and the encrypted blob store (attachments, evidence)."""

from unionkit.vault.migrations import STD_COLUMNS

VERSION = 1

SQL = f"""
CREATE TABLE setting (
    {STD_COLUMNS},
    key TEXT NOT NULL UNIQUE,
    value TEXT NOT NULL
);

-- Files kept inside the encrypted database, in 1 MiB chunks; sha256 of the original bytes.
CREATE TABLE blob (
    {STD_COLUMNS},
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL CHECK (size >= 0),
    mime TEXT NOT NULL DEFAULT 'application/octet-stream',
    filename TEXT NOT NULL DEFAULT ''
);
CREATE INDEX blob_sha256 ON blob(sha256);

CREATE TABLE blob_chunk (
    {STD_COLUMNS},
    blob_id INTEGER NOT NULL REFERENCES blob(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    data BLOB NOT NULL,
    UNIQUE (blob_id, seq)
);
"""
