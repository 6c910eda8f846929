"""The main PDF of a claim packet: cover, index, petitioner/union, facility, facts, timeline table,
affected workers (pseudonyms unless redaction is off), laws, filings, exhibit list with hashes,
requested action, clocks, and the oath and signature block where the filing needs one."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

from unionkit.formatting import format_date, format_int
from unionkit.i18n import _
from unionkit.packets.catalog import LFT_ARTICLES, PACKET_KINDS, SECTORS, SUBSECTORS, label
from unionkit.packets.rrlm import clocks, coverage_checks, day_basis_note
from unionkit.reports.common import (
    ACCENT,
    GRID,
    UnionDocument,
    chunked_tables,
    signature_blocks,
    simple_table,
)

_HASH = ParagraphStyle("Hash", fontName="Courier", fontSize=6.6, leading=8.2)


@dataclass
class PacketData:
    union_name: str
    case: object
    kind: str
    lang: str
    redacted: bool
    events: list
    workers: list
    laws: list
    filings: list
    exhibits: list
    annexes: list
    red: object
    custody_head: str = ""


def _d(iso: str | None) -> str:
    if not iso:
        return ""
    try:
        return format_date(dt.date.fromisoformat(iso[:10]))
    except ValueError:
        return iso


def _p(text: str, style) -> Paragraph:
    return Paragraph(escape(text or "").replace("\n", "<br/>"), style)


def _state(code: str) -> str:
    try:
        from unionkit.members.model import STATES

        return STATES[code][0] if code in STATES else code
    except ImportError:
        return code


def section_names(kind: str) -> list[str]:
    """The sections of the main PDF for this packet type, in order (also shown in the wizard's preview)."""
    return _sections(kind)


def _sections(kind: str) -> list[str]:
    common = [_("Facts"), _("Timeline"), _("Affected workers"), _("Legal provisions"), _("Domestic filings"),
              _("Evidence")]
    if kind == "rrlm":
        return [_("Petitioner"), _("Facility"), _("Covered facility check")] + common + [
            _("Requested action"), _("Case clocks"), _("Declaration")]
    if kind == "constancia":
        return [_("Union"), _("Employer and workplace"), _("Application"), _("Annexes"), _("Evidence"),
                _("Oath and signature")]
    if kind == "account-373":
        return [_("Union"), _("Notice"), _("Annexes"), _("Oath and signature")]
    return [_("Union"), _("Employer and workplace")] + common + [_("Requested action"), _("Oath and signature")]


def _kv(rows: list[tuple[str, str]], ss) -> object:
    data = [[_p(k, ss["CellBold"]), _p(v or "—", ss["Cell"])] for k, v in rows]
    t = Table(data, colWidths=[52 * mm, 126 * mm])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, -1), 0.25, GRID),
                           ("LINEABOVE", (0, 0), (-1, 0), 0.8, ACCENT), ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5)]))
    return t


def _facility(d: PacketData, ss) -> list:
    c = d.case
    trade = []
    if c.exports_to_us:
        trade.append(_("exports to the United States"))
    if c.competes_in_us:
        trade.append(_("competes with US goods or services"))
    return [_kv([
        (_("Legal name (razón social)"), c.facility_legal_name), (_("Trade name"), c.facility_name),
        (_("RFC"), c.facility_rfc), (_("Address"), d.red.text(c.facility_address)),
        (_("State"), _state(c.facility_state)), (_("Parent company"), c.facility_parent),
        (_("Products or services"), c.facility_products),
        (_("Sector"), label(SECTORS, c.facility_sector)), (_("US priority subsector"),
                                                           label(SUBSECTORS, c.facility_subsector)),
        (_("Trade with the US"), "; ".join(trade)), (_("Evidence of US trade"), c.facility_us_trade),
        (_("Headcount"), format_int(c.facility_headcount) if c.facility_headcount is not None else ""),
    ], ss)]


def _union(d: PacketData, ss) -> list:
    return [_kv([(_("Union"), d.union_name), (_("Represented by"), _("Secretary General")),
                 (_("Address for notices"), "")], ss)]


def _facts(d: PacketData, ss) -> list:
    out = []
    paras = [p for p in d.red.text(d.case.narrative).split("\n") if p.strip()]
    for i, para in enumerate(paras, start=1):
        out.append(_p(f"{i}. {para}", ss["Body"]))
        out.append(Spacer(1, 3))
    return out or [_p(_("(No narrative written yet.)"), ss["Body"])]


def _timeline(d: PacketData, ss) -> list:
    if not d.events:
        return [_p(_("(No events recorded.)"), ss["Body"])]
    rows = [[_d(e.event_date), _p(d.red.text(e.actors), ss["Cell"]), _p(d.red.text(e.text), ss["Cell"]),
             _p(d.red.text(e.affected), ss["Cell"])] for e in d.events]
    return chunked_tables(rows, header=[_("Date"), _("Actors"), _("What happened"), _("Affected")],
                          col_widths=[22 * mm, 38 * mm, 86 * mm, 32 * mm])


def _workers(d: PacketData, ss) -> list:
    if not d.workers:
        return [_p(_("(No affected workers linked.)"), ss["Body"])]
    if d.redacted:
        rows = [[w.pseudonym, _p(w.role, ss["Cell"])] for w in d.workers]
        return [_p(_("Identities are withheld to protect the workers from retaliation; the union keeps the "
                     "key and can disclose it to the authority under confidentiality."), ss["Small"]),
                Spacer(1, 3)] + chunked_tables(rows, header=[_("Worker"), _("Role in the case")],
                                               col_widths=[40 * mm, 138 * mm])
    rows = [[w.pseudonym, _p(w.name, ss["Cell"]), w.curp, w.nss, _p(w.role, ss["Cell"])] for w in d.workers]
    return chunked_tables(rows, header=[_("Worker"), _("Name"), _("CURP"), _("NSS"), _("Role in the case")],
                          col_widths=[26 * mm, 50 * mm, 42 * mm, 24 * mm, 36 * mm])


def _laws(d: PacketData, ss) -> list:
    if not d.laws:
        return [_p(_("(No articles selected.)"), ss["Body"])]
    return [_p("• " + label(LFT_ARTICLES, a), ss["Body"]) for a in d.laws]


def _filings(d: PacketData, ss) -> list:
    if not d.filings:
        return [_p(_("(No domestic filings recorded.)"), ss["Body"])]
    rows = [[_p(f.authority, ss["Cell"]), _p(f.kind, ss["Cell"]), _p(f.folio, ss["Cell"]), _d(f.filed_at),
             _p(f.status, ss["Cell"])] for f in d.filings]
    return [simple_table(rows, header=[_("Authority"), _("Filing"), _("Folio"), _("Filed on"), _("Status")],
                         col_widths=[26 * mm, 60 * mm, 36 * mm, 24 * mm, 32 * mm])]


def _evidence(d: PacketData, ss) -> list:
    if not d.exhibits:
        return [_p(_("(No exhibits.)"), ss["Body"])]
    rows = []
    for x in d.exhibits:
        meta = " · ".join(v for v in (_d(x.captured_at), x.place, x.source) if v)
        cell = [Paragraph(escape(_("Original")), ss["Small"]), Paragraph(x.original_sha256, _HASH)]
        if x.packet_sha256 != x.original_sha256:
            cell += [Paragraph(escape(_("In this packet")), ss["Small"]), Paragraph(x.packet_sha256, _HASH)]
        if x.note:
            cell.append(Paragraph("<i>" + escape(x.note) + "</i>", ss["Small"]))
        rows.append([f"{x.number:02d}", _p(x.name.split("/")[-1] + ("\n" + meta if meta else ""), ss["Cell"]),
                     cell])
    out = [_p(_("SHA-256 of each file. 'Original' is the hash taken when the file entered the evidence "
                "locker; the original is kept unchanged and can be produced."), ss["Small"]), Spacer(1, 3)]
    out += chunked_tables(rows, header=[_("No."), _("Exhibit"), _("SHA-256")], col_widths=[12 * mm, 72 * mm, 94 * mm])
    if d.custody_head:
        out += [Spacer(1, 4), Paragraph(escape(_("Chain-of-custody log head when this packet was made:")) + " "
                                        + d.custody_head, ss["Small"])]
    return out


def _annexes(d: PacketData, ss) -> list:
    out = []
    for a in d.annexes:
        state = a.path.name if a.path is not None else _("TO ATTACH BY HAND")
        out.append(_p(f"• {a.title} — {state}", ss["Body"]))
        out.append(_p(a.note, ss["Small"]))
    return out


def _clocks(d: PacketData, ss) -> list:
    cl = clocks(d.case)
    if not cl:
        return [_p(_("The clocks start when the petition is submitted (ILC: 30 days) and when the US asks "
                     "Mexico for a review (10 days to accept, 45 days to finish)."), ss["Body"])]
    rows = [[c.label, _d(c.start.isoformat()), format_int(c.days), _d(c.due.isoformat())] for c in cl]
    return [simple_table(rows, header=[_("Step"), _("From"), _("Days"), _("Due")],
                         col_widths=[80 * mm, 30 * mm, 20 * mm, 30 * mm]), Spacer(1, 3),
            _p(day_basis_note(), ss["Small"])]


def _oath(d: PacketData, ss) -> list:
    text = _("Under oath to tell the truth (bajo protesta de decir verdad), I state that the facts set out "
             "here are true and that the annexes are faithful copies of their originals.")
    roles = [_("Secretary General")] + ([_("Secretary of Finance")] if d.kind == "account-373" else [])
    return [KeepTogether([_p(text, ss["Body"]), Spacer(1, 6), signature_blocks(roles)])]


def _petitioner(d: PacketData, ss) -> list:
    c = d.case
    if c.anonymous:
        return [_p(_("Anonymous petition. The 2023 procedural guidelines allow anonymous petitions; the "
                     "petitioner asks that any identifying information be treated as exempt from public "
                     "inspection."), ss["Body"])]
    return [_kv([(_("Petitioner"), c.petitioner_name), (_("Contact"), c.petitioner_contact),
                 (_("Relationship to the workers"), c.petitioner_relationship)], ss),
            _p(_("The petitioner asks that its identity be kept confidential."), ss["Small"])]


def _coverage(d: PacketData, ss) -> list:
    return [_p(("✔ " if ch.ok else "✘ ") + ch.message, ss["Body"]) for ch in coverage_checks(d.case)]


def _application(d: PacketData, ss) -> list:
    return [_p(_("The union asks the Federal Center for Conciliation and Labor Registry to issue the Constancia "
                 "de Representatividad for the workplace above (arts. 387, 390 Bis LFT), since it has the "
                 "support of at least 30% of the workers covered by the collective agreement to be "
                 "negotiated."), ss["Body"])]


def _notice_373(d: PacketData, ss) -> list:
    return [_p(_("The union files the acta of the assembly in which the leadership rendered the complete and "
                 "detailed account of the administration of union assets (art. 373 LFT)."), ss["Body"])]


def render(d: PacketData, out: Path) -> Path:
    c = d.case
    title = _(PACKET_KINDS[d.kind])
    doc = UnionDocument(out, title=title, union_name=d.union_name, lang=None,  # the caller set the language
                        subtitle=c.facility_legal_name or c.facility_name)
    ss = doc.styles
    names = _sections(d.kind)
    builders = {
        _("Petitioner"): _petitioner, _("Facility"): _facility, _("Covered facility check"): _coverage,
        _("Facts"): _facts, _("Timeline"): _timeline, _("Affected workers"): _workers,
        _("Legal provisions"): _laws, _("Domestic filings"): _filings, _("Evidence"): _evidence,
        _("Requested action"): lambda dd, s: [_p(dd.red.text(dd.case.requested_action) or "—", s["Body"])],
        _("Case clocks"): _clocks, _("Union"): _union, _("Employer and workplace"): _facility,
        _("Application"): _application, _("Annexes"): _annexes, _("Notice"): _notice_373,
        _("Oath and signature"): _oath,
        _("Declaration"): lambda dd, s: [_p(_("The petitioner submits this petition in good faith under the "
                                             "USMCA Rapid Response Labor Mechanism. Send it to "
                                             "USMCA-petitions@dol.gov."), s["Body"])],
    }
    cover = [Spacer(1, 30 * mm), _p(d.red.text(c.title), ss["Title"]), Spacer(1, 4),
             _kv([(_("Facility"), c.facility_legal_name or c.facility_name),
                  (_("Language"), "Español" if d.lang == "es" else "English"),
                  (_("Exhibits"), format_int(len(d.exhibits))),
                  (_("Identity protection"), _("Workers' personal data replaced by pseudonyms") if d.redacted
                   else _("Not redacted: contains workers' personal data")),
                  (_("Prepared on"), format_date(dt.date.today()))], ss),
             Spacer(1, 8), Paragraph(_("Contents"), ss["H2"])]
    cover += [_p(f"{i}. {n}", ss["Body"]) for i, n in enumerate(names, start=1)]
    story = cover + [PageBreak()]
    for i, n in enumerate(names, start=1):
        story.append(Paragraph(escape(f"{i}. {n}"), ss["H2"]))
        story += builders[n](d, ss)
    return doc.build(story)
