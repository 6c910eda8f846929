"""The append-only chain-of-custody log (SECURITY.md R21, R24).

Every step an item of evidence goes through (added, viewed, exported, shared, put in a packet, a hash
mismatch) is one row. Triggers refuse UPDATE and DELETE; each row also carries
``entry_hash = sha256(prev_hash | canonical fields)`` chained over the whole log, so a row changed
with the triggers dropped is found by :func:`verify_chain`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass

from unionkit import __version__
from unionkit.actor import current_actor
from unionkit.i18n import N_, _
from unionkit.vault import Vault

GENESIS = "0" * 64
EVENTS = ("added", "viewed", "exported", "shared", "packet", "mismatch", "edited")
EVENT_LABELS = {"added": N_("added"), "viewed": N_("viewed"), "exported": N_("exported (original)"),
                "shared": N_("shared (copy without metadata)"), "packet": N_("put in a packet"),
                "mismatch": N_("HASH MISMATCH"), "edited": N_("details edited")}


def event_label(event: str) -> str:
    return _(EVENT_LABELS[event]) if event in EVENT_LABELS else event


@dataclass(frozen=True)
class CustodyEntry:
    id: int
    evidence_id: int
    event: str
    actor: str
    at: str
    sha256: str
    app_version: str
    detail: str
    prev_hash: str
    entry_hash: str


def default_actor(vault: Vault) -> str:
    return current_actor(vault, "packets.actor")


def _entry_hash(prev: str, evidence_id: int, event: str, actor: str, at: str, sha256: str,
                app_version: str, detail: str) -> str:
    canon = json.dumps([evidence_id, event, actor, at, sha256, app_version, detail],
                       ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256((prev + "|" + canon).encode("utf-8")).hexdigest()


def append(conn, evidence_id: int, event: str, *, actor: str, sha256: str = "", detail: str = "",
           at: str | None = None) -> str:
    """Add one entry inside the caller's transaction (``conn`` from ``vault.transaction()``)."""
    at = at or dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    row = conn.execute("SELECT entry_hash FROM custody_log ORDER BY id DESC LIMIT 1").fetchone()
    prev = row[0] if row else GENESIS
    h = _entry_hash(prev, evidence_id, event, actor, at, sha256, __version__, detail)
    conn.execute("INSERT INTO custody_log(evidence_id, event, actor, at, sha256, app_version, detail, "
                 "prev_hash, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 (evidence_id, event, actor, at, sha256, __version__, detail, prev, h))
    return h


def log(vault: Vault, evidence_id: int, event: str, *, sha256: str = "", detail: str = "",
        actor: str | None = None) -> str:
    actor = default_actor(vault) if actor is None else actor
    with vault.transaction() as conn:
        return append(conn, evidence_id, event, actor=actor, sha256=sha256, detail=detail)


def entries(vault: Vault, evidence_id: int | None = None) -> list[CustodyEntry]:
    sql = ("SELECT id, evidence_id, event, actor, at, sha256, app_version, detail, prev_hash, entry_hash "
           "FROM custody_log")
    rows = vault.query(sql + (" WHERE evidence_id = ? ORDER BY id" if evidence_id is not None
                              else " ORDER BY id"), (evidence_id,) if evidence_id is not None else ())
    return [CustodyEntry(*r) for r in rows]


def verify_chain(vault: Vault) -> list[int]:
    """Ids of the rows whose hash or link does not match (empty when the chain is intact)."""
    bad: list[int] = []
    prev = GENESIS
    for e in entries(vault):
        expect = _entry_hash(prev, e.evidence_id, e.event, e.actor, e.at, e.sha256, e.app_version, e.detail)
        if e.prev_hash != prev or e.entry_hash != expect:
            bad.append(e.id)
        prev = e.entry_hash
    return bad


def head(vault: Vault) -> str:
    return vault.scalar("SELECT entry_hash FROM custody_log ORDER BY id DESC LIMIT 1") or GENESIS


def check_vault(vault: Vault) -> list:
    """Whole-vault check (``unionkit.checks``): the custody chain is intact."""
    from unionkit.checks import CheckResult

    bad = verify_chain(vault)
    return [CheckResult("custody_chain", not bad,
                        _("Evidence custody log: intact") if not bad else
                        _("Evidence custody log: {n} entries do not match their hash").format(n=len(bad)),
                        {"bad_ids": bad[:50], "head": head(vault)})]
