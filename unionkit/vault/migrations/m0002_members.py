"""Member register: workplaces, people (members and covered non-members), status history, opt-outs,
roster import batches, and an FTS5 trigram index for accent-insensitive search."""

from unionkit.vault.migrations import STD_COLUMNS

VERSION = 2

SQL = f"""
CREATE TABLE workplace (
    {STD_COLUMNS},
    name TEXT NOT NULL,                 -- short name used in lists ("Planta Silao")
    employer_legal_name TEXT NOT NULL DEFAULT '',
    employer_rfc TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    state_code TEXT NOT NULL DEFAULT '', -- INEGI 01..32 (DOMAIN 7.5)
    sector TEXT NOT NULL DEFAULT ''
);

-- A person on the register: a member, or a covered worker who is not (yet) a member.
CREATE TABLE person (
    {STD_COLUMNS},
    nombre TEXT NOT NULL,
    primer_apellido TEXT NOT NULL DEFAULT '',
    segundo_apellido TEXT NOT NULL DEFAULT '',
    curp TEXT UNIQUE,                   -- NULL when unknown; upper-case, no spaces
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
CREATE INDEX person_employee_no ON person(employee_no);
CREATE INDEX person_status ON person(is_member, status);
CREATE INDEX person_sort_name ON person(sort_name, id);

-- Accent- and case-insensitive substring search on names ("nunez" finds "Núñez"), external content;
-- CURP and employee number are searched by prefix on their own indexes.
CREATE VIRTUAL TABLE person_fts USING fts5(
    search_text, content='person', content_rowid='id', tokenize='trigram remove_diacritics 1'
);
-- Rows inserted by a roster import (import_batch_id set) are indexed in bulk by the importer, in the
-- same transaction (unionkit.members.commit): 40 % faster than row by row.
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

-- Dated history of membership status changes, with the reason.
CREATE TABLE membership_event (
    {STD_COLUMNS},
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    event_date TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'status' CHECK (kind IN ('join', 'status')),
    status TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX membership_event_date ON membership_event(event_date, kind);
CREATE INDEX membership_event_person ON membership_event(person_id, event_date);

-- LFT art. 110-VI: a worker's written statement that dues are not to be deducted.
CREATE TABLE dues_optout (
    {STD_COLUMNS},
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    statement_date TEXT NOT NULL,
    sent_to_employer_date TEXT,
    scan_blob_id INTEGER REFERENCES blob(id),
    revoked_date TEXT,
    notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX dues_optout_person ON dues_optout(person_id);

CREATE TABLE import_batch (
    {STD_COLUMNS},
    kind TEXT NOT NULL,                 -- 'members', 'checkoff', 'roll', ...
    filename TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    data_rows INTEGER NOT NULL DEFAULT 0,
    imported INTEGER NOT NULL DEFAULT 0,
    updated INTEGER NOT NULL DEFAULT 0,
    unchanged INTEGER NOT NULL DEFAULT 0,
    rejected INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX import_batch_sha ON import_batch(kind, sha256);

-- Column mappings remembered per source (header signature).
CREATE TABLE import_mapping (
    {STD_COLUMNS},
    signature TEXT NOT NULL UNIQUE,
    mapping_json TEXT NOT NULL
);
"""
