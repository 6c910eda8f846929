"""The CFCRL support annex of a representativeness campaign, for the claims area (constancia packets).

``build_support_annex(vault, campaign_id, out_pdf, lang) -> Path`` writes the list of valid supporters
(name, CURP, hire date, signature column) with the totals (valid supporters, covered N, required,
truncated share, headcount in service) — LFT 390 Bis I.
"""

from __future__ import annotations

from pathlib import Path

from unionkit.vault import Vault


def build_support_annex(vault: Vault, campaign_id: int, out_pdf: str | Path, lang: str = "es") -> Path:
    from unionkit.reports.votes_roll import write_support_annex
    from unionkit.votes import access_log

    out, rows = write_support_annex(vault, campaign_id, Path(out_pdf), lang)
    # DOMAIN §1 "Confidentiality": every export of the support list is logged (also inside a packet).
    access_log.record(vault, campaign_id, "exported", rows=rows, detail=out)
    return out
