"""What a packet will contain, before it is built (the wizard's preview): sections, exhibits and how
each is treated, annexes to attach by hand, and problems to fix first."""

from __future__ import annotations

from dataclasses import dataclass, field

from unionkit.i18n import _, ngettext
from unionkit.packets import cases, evidence, rrlm
from unionkit.packets.catalog import PACKET_KINDS
from unionkit.vault import Vault


@dataclass
class Plan:
    title: str
    sections: list[str] = field(default_factory=list)
    exhibits: list[tuple[str, str]] = field(default_factory=list)  # (name, treatment)
    counts: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def plan(vault: Vault, case_id: int, kind: str, redact: bool) -> Plan:
    case = cases.get(vault, case_id)
    from unionkit.reports.packets_pdf import section_names

    p = Plan(_(PACKET_KINDS[kind]), sections=section_names(kind))
    items = evidence.list_items(vault, case_id)
    for n, it in enumerate(items, start=1):
        if not redact:
            how = _("original, byte for byte (metadata kept)")
        elif it.kind == "other":
            how = _("original: its metadata cannot be removed; check it before sending")
        elif it.kind == "text":
            how = _("copy with workers' data replaced by pseudonyms")
        else:
            how = _("copy without metadata (GPS, camera, author)")
        p.exhibits.append((f"{n:02d} · {it.description or it.filename}", how))
    n_ev, n_wk, n_law = (len(cases.events(vault, case_id)), len(cases.workers(vault, case_id)),
                         len(cases.laws(vault, case_id)))
    p.counts = [
        ngettext("{n} event in the timeline", "{n} events in the timeline", n_ev).format(n=n_ev),
        ngettext("{n} affected worker", "{n} affected workers", n_wk).format(n=n_wk),
        ngettext("{n} exhibit", "{n} exhibits", len(items)).format(n=len(items)),
        ngettext("{n} LFT article cited", "{n} LFT articles cited", n_law).format(n=n_law),
    ]
    if kind == "rrlm":
        p.problems += [c.message for c in rrlm.coverage_checks(case) if not c.ok]
        hot = rrlm.hotline_problems([(it.filename, it.size) for it in items])
        if hot:
            p.notes.append(_("Formal petitions go by e-mail to USMCA-petitions@dol.gov. If you also use the DOL "
                             "web hotline for a confidential tip:") + " " + " ".join(hot))
        if not case.anonymous and not case.petitioner_name:
            p.problems.append(_("Give the petitioner's name, or mark the petition as anonymous."))
    if not case.narrative.strip():
        p.problems.append(_("Write the facts (narrative) of the case."))
    if kind == "constancia":
        p.notes.append(_("The support annex (names and CURP of supporters) is only included when redaction is "
                         "off.") if redact else _("The support annex is generated from the vault's "
                                                  "representativeness campaign."))
    if kind == "account-373":
        p.notes.append(_("Attach the signed acta and the attendance list; the treasury report is included if "
                         "the treasury area stored one."))
    p.notes.append(_("Workers' CURP, NSS, home address and phone are replaced by pseudonyms.") if redact else
                   _("NOT redacted: the packet contains workers' personal data. Share it only with the "
                     "authority."))
    return p
