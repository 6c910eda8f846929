"""Access log of the 30 % support lists (DOMAIN §1 "Confidentiality": keep an audit log of views and
exports; LFT 390 Bis I makes the CFCRL keep the list secret, and a leak exposes the signers)."""

from unionkit.vault.migrations import STD_COLUMNS

VERSION = 6

SQL = f"""
CREATE TABLE rep_support_access (
    {STD_COLUMNS},
    campaign_id INTEGER NOT NULL,       -- rep_campaign.id (no foreign key: the log outlives a campaign)
    action TEXT NOT NULL CHECK (action IN ('viewed', 'imported', 'edited', 'exported')),
    actor TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL,                   -- local ISO date-time, seconds
    rows INTEGER NOT NULL DEFAULT 0,    -- support rows shown, imported or written
    detail TEXT NOT NULL DEFAULT ''     -- file name written or read, line edited
);
CREATE INDEX rep_support_access_campaign ON rep_support_access(campaign_id, id);
CREATE TRIGGER rep_support_access_no_update BEFORE UPDATE ON rep_support_access
BEGIN SELECT RAISE(ABORT, 'support-list access log is append-only'); END;
CREATE TRIGGER rep_support_access_no_delete BEFORE DELETE ON rep_support_access
BEGIN SELECT RAISE(ABORT, 'support-list access log is append-only'); END;
"""
