"""Whole-vault check for the votes area (for ``unionkit.checks.AREA_CHECKS``: add
``"unionkit.votes.integrity:check_vault"``): every frozen roll still matches its SHA-256, and every closed
tally still matches the SHA-256 printed on its acta."""

from __future__ import annotations

import hashlib

from unionkit.i18n import _
from unionkit.vault import Vault
from unionkit.votes import consultations, rolls


def problems(vault: Vault) -> dict[str, list[int]]:
    bad_rolls = [r["id"] for r in rolls.list_rolls(vault) if not rolls.verify(vault, r["id"])]
    bad_tallies = []
    for (cid,) in vault.query("SELECT id FROM consultation WHERE status = 'closed'"):
        c = consultations.get(vault, cid)
        digest = hashlib.sha256(consultations.tally_data(vault, cid).encode("utf-8")).hexdigest()
        if digest != c["tally_sha256"]:
            bad_tallies.append(cid)
    return {"rolls": bad_rolls, "tallies": bad_tallies}


def check_vault(vault: Vault) -> list:
    from unionkit.checks import CheckResult

    p = problems(vault)
    ok = not p["rolls"] and not p["tallies"]
    msg = (_("Votes: every frozen roll and closed tally matches its SHA-256.") if ok else
           _("Votes: {rolls} rolls and {tallies} closed tallies no longer match their SHA-256 (changed outside "
             "unionkit).").format(rolls=len(p["rolls"]), tallies=len(p["tallies"])))
    return [CheckResult("votes_hashes", ok, msg, p)]
