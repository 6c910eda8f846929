"""Qt-free facts about an open vault for the 'Vault' overview page (the page itself runs no SQL).

Counts come from the areas' tables when they exist in this build; the last backup is remembered in
the vault's own settings (``last_backup_at``/``last_verified_at``), so it travels with the vault.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from unionkit.i18n import N_
from unionkit.vault import Vault
from unionkit.vault.vault import DB_NAME

# (table, label): what the overview counts, when the table exists.
COUNTED = (
    ("person", N_("People in the register")),
    ("workplace", N_("Workplaces")),
    ("ledger_entry", N_("Ledger entries")),
    ("consultation", N_("Votes and consultations")),
    ("claim_case", N_("Cases and claims")),
    ("evidence", N_("Evidence files")),
)
LAST_BACKUP = "last_backup_at"
LAST_VERIFIED = "last_verified_at"


@dataclass
class VaultSummary:
    union_name: str
    folder: str
    schema_version: int
    size_bytes: int
    counts: list[tuple[str, int]] = field(default_factory=list)  # (untranslated label, count)
    last_backup: dt.datetime | None = None
    last_verified: dt.datetime | None = None


def _parse(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        return None


def summarize(vault: Vault) -> VaultSummary:
    tables = {r[0] for r in vault.query("SELECT name FROM sqlite_master WHERE type = 'table'")}
    counts = [(label, int(vault.scalar(f'SELECT count(*) FROM "{table}"') or 0))
              for table, label in COUNTED if table in tables]
    size = sum(p.stat().st_size for p in vault.folder.glob(DB_NAME + "*") if p.is_file())
    return VaultSummary(union_name=vault.union_name, folder=str(vault.folder),
                        schema_version=vault.schema_version, size_bytes=size, counts=counts,
                        last_backup=_parse(vault.get_setting(LAST_BACKUP)),
                        last_verified=_parse(vault.get_setting(LAST_VERIFIED)))


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def record_backup(vault: Vault) -> None:
    vault.set_setting(LAST_BACKUP, now_iso())


def record_verified(vault: Vault) -> None:
    vault.set_setting(LAST_VERIFIED, now_iso())
