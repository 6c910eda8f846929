"""Annexes that come from other areas: the CFCRL support annex (votes) for a constancia, and the
art. 373 accounts report (treasury) for an acta filing. Each is optional: when the other area or its
data is missing, the packet says exactly what must be attached by hand."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from unionkit.i18n import _
from unionkit.packets.cases import Case
from unionkit.vault import Vault

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Annex:
    title: str
    path: Path | None  # None: must be attached by hand (see note)
    note: str


def _campaign(vault: Vault, case: Case, campaign_id: int | None) -> int | None:
    if campaign_id is not None:
        return campaign_id
    try:
        if case.workplace_id is not None:
            cid = vault.scalar("SELECT max(id) FROM rep_campaign WHERE workplace_id = ?", (case.workplace_id,))
            if cid is not None:
                return int(cid)
        cid = vault.scalar("SELECT max(id) FROM rep_campaign")
        return int(cid) if cid is not None else None
    except Exception:  # noqa: BLE001 - the votes area is not in this build
        return None


def support_annex(vault: Vault, case: Case, out_dir: Path, lang: str, redact: bool,
                  campaign_id: int | None = None) -> Annex:
    title = _("Support annex: workers who back the application (art. 390 Bis I LFT)")
    if redact:
        return Annex(title, None, _("The support annex lists each worker's name and CURP, as the CFCRL requires; "
                                    "it is left out of redacted packets. Build this packet with redaction "
                                    "turned off to file it."))
    try:
        from unionkit.votes.annex import build_support_annex
    except ImportError:
        build_support_annex = None
    cid = _campaign(vault, case, campaign_id)
    if build_support_annex is None or cid is None:
        return Annex(title, None, _("No support campaign was found in this vault: attach the list of supporting "
                                    "workers (name, CURP, hire date, signature) by hand."))
    out = out_dir / (_("Support annex") + ".pdf")
    try:
        build_support_annex(vault, cid, out, lang)
    except Exception as exc:  # noqa: BLE001 - the filing can still be completed by hand
        log.warning("support annex failed: %s", type(exc).__name__)
        out.unlink(missing_ok=True)
        return Annex(title, None, _("The support annex could not be generated: attach the list of supporting "
                                    "workers (name, CURP, hire date, signature) by hand."))
    return Annex(title, out, _("Generated from the representativeness campaign in this vault."))


def account_annexes(vault: Vault, out_dir: Path) -> list[Annex]:
    title = _("Report on union assets presented to the assembly (art. 373 LFT)")
    try:
        row = vault.query("SELECT blob_id, from_month, to_month, assembly_date FROM account_report "
                          "WHERE blob_id IS NOT NULL ORDER BY id DESC LIMIT 1")
    except Exception:  # noqa: BLE001 - the treasury area is not in this build
        row = []
    out: list[Annex] = []
    if row:
        from unionkit.vault.blobs import export_to, info

        blob_id, start, end, _assembly = row[0]
        path = out_dir / (_("Accounts report {start} to {end}").format(start=start, end=end) + ".pdf")
        digest = export_to(vault, blob_id, path)
        if digest != info(vault, blob_id).sha256:
            path.unlink(missing_ok=True)
        else:
            out.append(Annex(title, path, _("The report stored by the treasury area.")))
    if not out:
        out.append(Annex(title, None, _("Attach the detailed report of income and expenses presented to the "
                                        "assembly (the treasury area produces it).")))
    out.append(Annex(_("Authorized copy of the assembly acta of the accounting"), None,
                     _("Signed by the Secretary General; to be filed within 10 days of the assembly.")))
    out.append(Annex(_("Attendance list of the assembly"), None, _("Attach the signed attendance list.")))
    return out


def extra_annexes(vault: Vault, case: Case, kind: str, out_dir: Path, lang: str, redact: bool,
                  n_exhibits: int, campaign_id: int | None = None) -> list[Annex]:
    if kind == "constancia":
        return [support_annex(vault, case, out_dir, lang, redact, campaign_id),
                Annex(_("Documents proving the union's legal standing"), None,
                      _("Registration certificate and current toma de nota of the leadership."))]
    if kind == "account-373":
        return account_annexes(vault, out_dir)
    return []
