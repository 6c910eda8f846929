"""The roll per booth with a signature column, and the CFCRL support annex (LFT 390 Bis I: name, CURP,
hire date and autograph signature per worker). Big lists go out as chunked tables (~40 rows each).

Secrecy (LFT 390 Bis III): the participation signature sheet has no ballot folio column.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, Spacer

from unionkit.formatting import format_int
from unionkit.i18n import _
from unionkit.reports.common import UnionDocument, signature_blocks
from unionkit.reports.votes_common import esc, heading, kv_table, language, short_date, signature_tables
from unionkit.vault import Vault
from unionkit.votes import campaigns, consultations, rolls

_SIGN_W = [12 * mm, 70 * mm, 42 * mm, 56 * mm]


def write_booth_rolls(vault: Vault, cid: int, out: Path, lang: str = "es") -> Path:
    with language(lang):
        c = consultations.get(vault, cid)
        info = rolls.roll_info(vault, c["roll_id"])
        people = rolls.eligible(vault, c["roll_id"])
        doc = UnionDocument(out, title=_("Roll by booth"), union_name=vault.union_name,
                            period=short_date(c["vote_date"]), lang=lang, subtitle=c["title"])
        ss = doc.styles
        story: list = [Paragraph(_("Roll SHA-256: {sha}").format(sha=info["sha256"]), ss["Small"])]
        header = ["#", _("Name"), _("CURP"), _("Signature")]
        for i, b in enumerate(consultations.booths(vault, cid) or [{"code": "1", "place": "", "first_seq": 1,
                                                                    "last_seq": len(people), "padron": len(people)}]):
            if i:
                story.append(PageBreak())
            story.append(Paragraph(_("Booth {code}: voters {first} to {last} ({n})").format(
                code=esc(b["code"]), first=b["first_seq"], last=b["last_seq"], n=format_int(b["padron"])), ss["H2"]))
            rows = [[str(seq), p.full_name, p.curp, ""]
                    for seq, p in enumerate(people[b["first_seq"] - 1:b["last_seq"]], start=b["first_seq"])]
            story += signature_tables(rows, header, _SIGN_W)
        return doc.build(story)


def write_support_annex(vault: Vault, campaign_id: int, out: Path, lang: str = "es") -> tuple[Path, int]:
    """Annex for the constancia de representatividad: the valid supporters with a signature column.
    Returns the file and how many supporters it lists."""
    with language(lang):
        c = campaigns.get(vault, campaign_id)
        res = campaigns.evaluate(vault, campaign_id)
        rows_ok = campaigns.valid_rows(vault, campaign_id)
        doc = UnionDocument(out, title=_("Support annex (LFT 390 Bis)"), union_name=vault.union_name,
                            period=short_date(c["filing_date"]), lang=lang)
        ss = doc.styles
        header = ["#", _("Name"), _("CURP"), _("Hire date"), _("Signature")]
        rows = [[str(i), r["full_name"], r["curp"], short_date(r["hire_date"]) if r["hire_date"] else "", ""]
                for i, r in enumerate(rows_ok, 1)]
        story: list = [*heading(doc, _("Support list for the constancia de representatividad"),
                                c["employer"] or c["name"]),
                       Paragraph(_("LFT art. 390 Bis I: workers covered by the collective contract who support "
                                   "the application, with full name, CURP, hire date and autograph signature."),
                                 ss["Body"]), Spacer(1, 4)]
        story += signature_tables(rows, header, [10 * mm, 56 * mm, 40 * mm, 31 * mm, 43 * mm])
        totals = [[_("Valid supporters"), format_int(res.valid_supporters)],
                  [_("Covered workers (roll)"), format_int(res.covered)],
                  [_("Required (30 %)"), format_int(res.required)], [_("Share"), f"{res.pct} %"]]
        if c["headcount_in_service"] is not None:
            totals.append([_("Workers in the employer's service"), format_int(c["headcount_in_service"])])
        story += [Paragraph(_("Totals"), ss["H2"]), kv_table(totals, right_cols=[1]),
                  Paragraph(_("Threshold met") if res.met else _("Threshold NOT met"), ss["H3"]),
                  signature_blocks([_("Secretary General")])]
        return doc.build(story, with_header=False), len(rows_ok)
