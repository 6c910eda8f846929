"""Picklists for cases: LFT articles, Annex 31-A priority sectors, US priority subsectors, packet types.

Labels are marked with ``N_`` and translated where they are shown (DOMAIN.md §5.1, §5.2, §6).
"""

from __future__ import annotations

from unionkit.i18n import N_, _

# LFT articles a union commonly cites in a denial-of-rights case (DOMAIN.md §5.2 "legal hooks").
LFT_ARTICLES: dict[str, str] = {
    "133": N_("Art. 133: employer prohibitions (coercion, interference with union membership)"),
    "135": N_("Art. 135: prohibitions on workers"),
    "154": N_("Art. 154: preference for union members and seniority"),
    "357": N_("Art. 357: freedom to form unions without prior authorization; no employer interference"),
    "358": N_("Art. 358: nobody can be forced to join or stay in a union"),
    "364 Bis": N_("Art. 364 Bis: registration and leadership notices (toma de nota)"),
    "371": N_("Art. 371: content of union statutes"),
    "371 Bis": N_("Art. 371 Bis: verification of union elections"),
    "373": N_("Art. 373: accounting to members on union assets"),
    "378": N_("Art. 378: prohibitions on unions"),
    "387": N_("Art. 387: duty to sign a collective agreement; Constancia de Representatividad"),
    "388": N_("Art. 388: several unions in one workplace"),
    "390 Bis": N_("Art. 390 Bis: representativeness consultation"),
    "390 Ter": N_("Art. 390 Ter: approval of the initial collective agreement by vote"),
    "400 Bis": N_("Art. 400 Bis: approval of agreement revisions by vote"),
    "47": N_("Art. 47: justified dismissal (grounds and written notice)"),
    "48": N_("Art. 48: reinstatement or severance after unjustified dismissal"),
    "51": N_("Art. 51: grounds for the worker to end the relationship"),
}

# Annex 31-A priority sectors (DOMAIN.md §5.1).
SECTORS: dict[str, str] = {
    "manufacturing": N_("Manufactured goods"),
    "services": N_("Services"),
    "mining": N_("Mining"),
}

# 19 U.S.C. §4643 US priority subsectors.
SUBSECTORS: dict[str, str] = {
    "auto_assembly": N_("Auto assembly"),
    "auto_parts": N_("Auto parts"),
    "aerospace": N_("Aerospace"),
    "industrial_bakeries": N_("Industrial bakeries"),
    "electronics": N_("Electronics"),
    "call_centers": N_("Call centers"),
    "mining": N_("Mining"),
    "steel_aluminum": N_("Steel and aluminum"),
}

PACKET_KINDS: dict[str, str] = {
    "rrlm": N_("USMCA Rapid Response petition"),
    "constancia": N_("Application for a Constancia de Representatividad"),
    "complaint": N_("Complaint about violations (CFCRL)"),
    "account-373": N_("Art. 373 accounts acta filing"),
}

CASE_STATUSES: dict[str, str] = {
    "open": N_("Open"),
    "submitted": N_("Submitted"),
    "in_review": N_("In review"),
    "closed": N_("Closed"),
}


def label(table: dict[str, str], key: str) -> str:
    """The translated label of ``key`` (the key itself when unknown)."""
    return _(table[key]) if key in table else key


def article_sort_key(article: str) -> tuple[int, str]:
    num = "".join(ch for ch in article if ch.isdigit())
    return (int(num) if num else 0, article)
