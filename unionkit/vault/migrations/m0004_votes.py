"""Votes: frozen rolls (padrones), consultations with booths and double-entry tally sheets, union
elections (slates), and representativeness campaigns (LFT arts. 371, 388, 390 Bis, 390 Ter, 931).

Secrecy by design (LFT 390 Bis III; DOMAIN §2): no table links a voter to a ballot. The roll carries
eligibility only; tally sheets carry per-booth totals only.
"""

from unionkit.vault.migrations import STD_COLUMNS

VERSION = 4

SQL = f"""
-- A frozen snapshot of the people considered for a vote, eligible or excluded with the reason.
-- ``data`` is the canonical TSV in UTF-8 (one line per person, in roll order); ``sha256`` is the
-- hash of the uncompressed text, printed on every document made from the roll.
CREATE TABLE vote_roll (
    {STD_COLUMNS},
    name TEXT NOT NULL,
    purpose TEXT NOT NULL,              -- consultation kind (or 'campaign') whose eligibility rules applied
    source TEXT NOT NULL DEFAULT 'register',   -- 'register' or 'import'
    as_of TEXT NOT NULL,                -- filing / cut-off date (ISO)
    eligible INTEGER NOT NULL DEFAULT 0,
    excluded INTEGER NOT NULL DEFAULT 0,
    sha256 TEXT NOT NULL,
    data BLOB NOT NULL,
    frozen_at TEXT NOT NULL
);

-- A consultation (390 Ter approval, 390 Bis representation, 931 recount) or one race of an election.
CREATE TABLE consultation (
    {STD_COLUMNS},
    kind TEXT NOT NULL CHECK (kind IN ('initial_cct', 'revision', 'termination', 'legitimation',
        'representation', 'strike_recount', 'election')),
    title TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'voting', 'closed', 'cancelled')),
    roll_id INTEGER REFERENCES vote_roll(id),
    parent_id INTEGER REFERENCES consultation(id) ON DELETE CASCADE,  -- election races
    race TEXT NOT NULL DEFAULT '',      -- 'secretary_general', 'executive', 'delegates'
    seats INTEGER NOT NULL DEFAULT 0,
    rule TEXT NOT NULL DEFAULT 'valid' CHECK (rule IN ('valid', 'cast', 'padron')),
    employer TEXT NOT NULL DEFAULT '',
    cct_ref TEXT NOT NULL DEFAULT '',
    place TEXT NOT NULL DEFAULT '',
    aviso_date TEXT,
    convocatoria_date TEXT,
    vote_date TEXT,
    vote_time TEXT NOT NULL DEFAULT '',
    padron_published_date TEXT,
    cct_copy_delivered_date TEXT,
    results_posted_date TEXT,
    cfcrl_notice_date TEXT,
    settings TEXT NOT NULL DEFAULT '{{}}',  -- JSON: quorum, gender rounding, ...
    incidents TEXT NOT NULL DEFAULT '',
    result TEXT NOT NULL DEFAULT '',    -- JSON of the closed tally
    tally_sha256 TEXT NOT NULL DEFAULT '',
    closed_at TEXT
);
CREATE INDEX consultation_parent ON consultation(parent_id);

-- Ballot options: yes/no, the contending unions, or an election's slates.
CREATE TABLE vote_option (
    {STD_COLUMNS},
    consultation_id INTEGER NOT NULL REFERENCES consultation(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    name TEXT NOT NULL,
    emblem TEXT NOT NULL DEFAULT '',
    color TEXT NOT NULL DEFAULT '',
    UNIQUE (consultation_id, name)
);

-- Candidates of an election slate (planilla), LFT 371 IX f).
CREATE TABLE slate_candidate (
    {STD_COLUMNS},
    option_id INTEGER NOT NULL REFERENCES vote_option(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    office TEXT NOT NULL,
    full_name TEXT NOT NULL,
    sex TEXT NOT NULL DEFAULT '',
    person_id INTEGER REFERENCES person(id) ON DELETE SET NULL
);

CREATE TABLE booth (
    {STD_COLUMNS},
    consultation_id INTEGER NOT NULL REFERENCES consultation(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    place TEXT NOT NULL DEFAULT '',
    first_seq INTEGER NOT NULL DEFAULT 1,   -- the booth's section: eligible voters first..last
    last_seq INTEGER NOT NULL DEFAULT 0,    -- (positions among the roll's eligible voters)
    padron INTEGER NOT NULL DEFAULT 0,
    folio_from INTEGER,
    folio_to INTEGER,
    UNIQUE (consultation_id, code)
);

-- Each booth's tally is entered twice (entry 1 and 2) by different people and compared.
CREATE TABLE tally_sheet (
    {STD_COLUMNS},
    booth_id INTEGER NOT NULL REFERENCES booth(id) ON DELETE CASCADE,
    entry INTEGER NOT NULL CHECK (entry IN (1, 2)),
    entered_by TEXT NOT NULL DEFAULT '',
    null_votes INTEGER NOT NULL DEFAULT 0,
    blank INTEGER NOT NULL DEFAULT 0,
    received INTEGER,
    unused INTEGER,
    cancelled INTEGER,
    UNIQUE (booth_id, entry)
);

CREATE TABLE tally_count (
    {STD_COLUMNS},
    sheet_id INTEGER NOT NULL REFERENCES tally_sheet(id) ON DELETE CASCADE,
    option_id INTEGER NOT NULL REFERENCES vote_option(id) ON DELETE CASCADE,
    votes INTEGER NOT NULL CHECK (votes >= 0),
    UNIQUE (sheet_id, option_id)
);

-- Representativeness campaign (LFT 390 Bis): covered roll N, headcount in service, support list.
CREATE TABLE rep_campaign (
    {STD_COLUMNS},
    name TEXT NOT NULL,
    workplace_id INTEGER REFERENCES workplace(id),
    employer TEXT NOT NULL DEFAULT '',
    activity TEXT NOT NULL DEFAULT '',
    filing_date TEXT NOT NULL,
    roll_id INTEGER REFERENCES vote_roll(id),
    headcount_in_service INTEGER,
    status TEXT NOT NULL DEFAULT 'collecting',
    checklist TEXT NOT NULL DEFAULT '{{}}',  -- JSON: CFCRL rejection-reason checklist
    notes TEXT NOT NULL DEFAULT ''
);

CREATE TABLE rep_support (
    {STD_COLUMNS},
    campaign_id INTEGER NOT NULL REFERENCES rep_campaign(id) ON DELETE CASCADE,
    line INTEGER NOT NULL,
    full_name TEXT NOT NULL,
    curp TEXT NOT NULL DEFAULT '',
    hire_date TEXT,
    signed INTEGER NOT NULL DEFAULT 0 CHECK (signed IN (0, 1)),
    scan_blob_id INTEGER REFERENCES blob(id),
    person_id INTEGER REFERENCES person(id) ON DELETE SET NULL
);
CREATE INDEX rep_support_campaign ON rep_support(campaign_id, line);
"""
