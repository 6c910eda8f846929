"""Claims: the evidence locker, cases and their timelines, and packet assembly (CFCRL filings and
USMCA Rapid Response petitions). No Qt here: the UI and the CLI call these services."""
