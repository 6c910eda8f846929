"""Who looked at or took out a 30 % support list, and when (DOMAIN §1 "Confidentiality").

The support list names the workers who asked for a union the employer may not want: it stays inside
the encrypted vault (LFT 390 Bis I: the CFCRL keeps it secret), and every view, import, edit and export
is recorded here, append-only (triggers refuse UPDATE and DELETE). Actions:

- ``viewed``: the list was shown on screen (once per campaign each time a vault is opened);
- ``imported``: a signed list was loaded, from a file or by the service (file name if any, rows);
- ``edited``: a row's signature flag or scan changed (line);
- ``exported``: the CFCRL annex was written (file name, rows) — also inside a constancia packet.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from unionkit.actor import current_actor
from unionkit.i18n import N_, _
from unionkit.vault import Vault

ACTIONS = {"viewed": N_("viewed on screen"), "imported": N_("list loaded (import)"),
           "edited": N_("row changed"), "exported": N_("exported (CFCRL annex)")}
_INSERT = "INSERT INTO rep_support_access(campaign_id, action, actor, at, rows, detail) VALUES (?,?,?,?,?,?)"


def action_label(code: str) -> str:
    return _(ACTIONS[code]) if code in ACTIONS else code


def actor(vault: Vault) -> str:
    """The name set for this vault's operator (setting ``votes.actor``), else the system user name."""
    return current_actor(vault, "votes.actor")


def record(vault: Vault, campaign_id: int, action: str, *, rows: int = 0, detail: str | Path = "",
           conn=None) -> None:
    """Append one entry; inside ``conn``'s transaction when given (the change and its record together)."""
    if action not in ACTIONS:
        raise ValueError(action)
    if isinstance(detail, Path):
        detail = detail.name  # the file's name only: a folder path can say more than needed
    args = (campaign_id, action, actor(vault), dt.datetime.now().isoformat(timespec="seconds"), rows, str(detail))
    (conn or vault).execute(_INSERT, args)


def entries(vault: Vault, campaign_id: int) -> list[dict]:
    """The campaign's log, newest first."""
    keys = ("id", "action", "actor", "at", "rows", "detail")
    return [dict(zip(keys, r, strict=True)) for r in vault.query(
        "SELECT id, action, actor, at, rows, detail FROM rep_support_access WHERE campaign_id = ? "
        "ORDER BY id DESC", (campaign_id,))]


def counts(vault: Vault, campaign_id: int) -> dict[str, int]:
    return dict(vault.query("SELECT action, count(*) FROM rep_support_access WHERE campaign_id = ? "
                            "GROUP BY action", (campaign_id,)))
