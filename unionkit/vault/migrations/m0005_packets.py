"""Claims: cases (facility, timeline, affected workers, laws cited, domestic filings), the evidence
locker (metadata over encrypted blobs, an append-only hash-chained custody log) and built packets."""

from unionkit.vault.migrations import STD_COLUMNS

VERSION = 5

SQL = f"""
-- A case: e.g. "despidos de organizadores en la planta X".
CREATE TABLE claim_case (
    {STD_COLUMNS},
    title TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'rrlm',          -- 'rrlm', 'cfcrl', 'other'
    status TEXT NOT NULL DEFAULT 'open'
        CHECK (status IN ('open', 'submitted', 'in_review', 'closed')),
    narrative TEXT NOT NULL DEFAULT '',
    requested_action TEXT NOT NULL DEFAULT '',
    workplace_id INTEGER REFERENCES workplace(id) ON DELETE SET NULL,
    facility_name TEXT NOT NULL DEFAULT '',      -- trade name used in lists
    facility_legal_name TEXT NOT NULL DEFAULT '',
    facility_rfc TEXT NOT NULL DEFAULT '',
    facility_address TEXT NOT NULL DEFAULT '',
    facility_state TEXT NOT NULL DEFAULT '',     -- INEGI 01..32
    facility_parent TEXT NOT NULL DEFAULT '',
    facility_sector TEXT NOT NULL DEFAULT '',    -- Annex 31-A priority sector key
    facility_subsector TEXT NOT NULL DEFAULT '', -- 19 U.S.C. 4643 priority subsector key
    facility_products TEXT NOT NULL DEFAULT '',
    facility_us_trade TEXT NOT NULL DEFAULT '',  -- customers, destinations, HS codes
    exports_to_us INTEGER NOT NULL DEFAULT 0 CHECK (exports_to_us IN (0, 1)),
    competes_in_us INTEGER NOT NULL DEFAULT 0 CHECK (competes_in_us IN (0, 1)),
    facility_headcount INTEGER CHECK (facility_headcount IS NULL OR facility_headcount >= 0),
    anonymous INTEGER NOT NULL DEFAULT 1 CHECK (anonymous IN (0, 1)),
    petitioner_name TEXT NOT NULL DEFAULT '',
    petitioner_contact TEXT NOT NULL DEFAULT '',
    petitioner_relationship TEXT NOT NULL DEFAULT '',
    submitted_at TEXT,                           -- ISO date the petition reached OTLA
    review_requested_at TEXT                     -- ISO date USTR asked Mexico for a review
);

CREATE TABLE case_event (
    {STD_COLUMNS},
    case_id INTEGER NOT NULL REFERENCES claim_case(id) ON DELETE CASCADE,
    event_date TEXT NOT NULL,
    actors TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL,
    affected TEXT NOT NULL DEFAULT ''            -- counts or pseudonyms, never names
);
CREATE INDEX case_event_case ON case_event(case_id, event_date);

CREATE TABLE case_worker (
    {STD_COLUMNS},
    case_id INTEGER NOT NULL REFERENCES claim_case(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    role TEXT NOT NULL DEFAULT '',               -- 'dismissed', 'witness', ...
    UNIQUE (case_id, person_id)
);

CREATE TABLE case_law (
    {STD_COLUMNS},
    case_id INTEGER NOT NULL REFERENCES claim_case(id) ON DELETE CASCADE,
    article TEXT NOT NULL,                       -- LFT article key, e.g. '133', '390 Bis'
    UNIQUE (case_id, article)
);

-- Domestic filings: CFCRL folios, labour-court case numbers, and their status.
CREATE TABLE case_filing (
    {STD_COLUMNS},
    case_id INTEGER NOT NULL REFERENCES claim_case(id) ON DELETE CASCADE,
    authority TEXT NOT NULL DEFAULT 'CFCRL',
    kind TEXT NOT NULL DEFAULT '',
    folio TEXT NOT NULL DEFAULT '',
    filed_at TEXT,
    authority_due TEXT,
    status TEXT NOT NULL DEFAULT 'filed',
    notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX case_filing_case ON case_filing(case_id);

-- An item in the evidence locker: the original bytes live in blob (never modified).
CREATE TABLE evidence (
    {STD_COLUMNS},
    blob_id INTEGER NOT NULL REFERENCES blob(id),
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    mime TEXT NOT NULL DEFAULT 'application/octet-stream',
    filename TEXT NOT NULL DEFAULT '',
    captured_at TEXT,                            -- ISO date or date-time
    place TEXT NOT NULL DEFAULT '',
    collected_by TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT ''                -- comma-separated
);
CREATE TRIGGER evidence_original_fixed BEFORE UPDATE OF blob_id, sha256, size ON evidence
BEGIN SELECT RAISE(ABORT, 'evidence original is immutable'); END;
CREATE TRIGGER evidence_no_delete BEFORE DELETE ON evidence
BEGIN SELECT RAISE(ABORT, 'evidence cannot be deleted'); END;

CREATE TABLE case_evidence (
    {STD_COLUMNS},
    case_id INTEGER NOT NULL REFERENCES claim_case(id) ON DELETE CASCADE,
    evidence_id INTEGER NOT NULL REFERENCES evidence(id),
    position INTEGER NOT NULL DEFAULT 0,
    UNIQUE (case_id, evidence_id)
);

-- Append-only custody log, hash-chained: entry_hash = sha256(prev_hash | fields).
CREATE TABLE custody_log (
    {STD_COLUMNS},
    evidence_id INTEGER NOT NULL REFERENCES evidence(id),
    event TEXT NOT NULL,                         -- added, viewed, exported, shared, packet, mismatch
    actor TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL,                            -- UTC ISO date-time
    sha256 TEXT NOT NULL DEFAULT '',
    app_version TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '',
    prev_hash TEXT NOT NULL,
    entry_hash TEXT NOT NULL
);
CREATE INDEX custody_log_evidence ON custody_log(evidence_id, id);
CREATE TRIGGER custody_log_no_update BEFORE UPDATE ON custody_log
BEGIN SELECT RAISE(ABORT, 'custody log is append-only'); END;
CREATE TRIGGER custody_log_no_delete BEFORE DELETE ON custody_log
BEGIN SELECT RAISE(ABORT, 'custody log is append-only'); END;

-- Packets built (the files themselves live outside the vault, in the folder the user chose).
CREATE TABLE packet (
    {STD_COLUMNS},
    case_id INTEGER NOT NULL REFERENCES claim_case(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,                          -- rrlm, constancia, complaint, account-373
    lang TEXT NOT NULL DEFAULT 'es',
    redacted INTEGER NOT NULL DEFAULT 1 CHECK (redacted IN (0, 1)),
    out_dir TEXT NOT NULL DEFAULT '',
    manifest_sha256 TEXT NOT NULL DEFAULT '',
    file_count INTEGER NOT NULL DEFAULT 0,
    total_bytes INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX packet_case ON packet(case_id);
"""
