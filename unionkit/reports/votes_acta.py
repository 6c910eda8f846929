"""The final acta of a consultation and the booth tally sheet (DOMAIN §2 "Acta fields"; LFT 390 Bis III,
390 Ter II g): keep 5 years). The acta carries the roll's SHA-256 and the SHA-256 of the tally data."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer

from unionkit.formatting import format_int
from unionkit.i18n import _
from unionkit.reports.common import UnionDocument, signature_blocks
from unionkit.reports.votes_common import esc, kv_table, language, long_date, option_label, outcome_label, short_date
from unionkit.reports.votes_common import left_table as simple_table
from unionkit.vault import Vault
from unionkit.votes import consultations, rolls


def _kind(c: dict) -> str:
    return _(consultations.KINDS[c["kind"]])


def _facts(c: dict, roll: dict | None, ss) -> list:
    rows = [[_("Consultation"), _kind(c)], [_("Subject"), c["title"]]]
    if c["cct_ref"]:
        rows.append([_("CCT / agreement"), c["cct_ref"]])
    if c["employer"]:
        rows.append([_("Employer"), c["employer"]])
    rows += [[_("Place"), c["place"] or "—"], [_("Date and time"), f"{long_date(c['vote_date'])} {c['vote_time']}"]]
    if roll:
        rows.append([_("Roll"), _("{n} voters (frozen {when}; SHA-256 {sha})").format(
            n=format_int(roll["eligible"]), when=short_date(roll["as_of"]), sha=roll["sha256"])])
    return [kv_table([[Paragraph(esc(a), ss["CellBold"]), Paragraph(esc(b), ss["Cell"])] for a, b in rows],
                     col_widths=[40 * mm, 140 * mm])]


def booth_table(c: dict, status: list[dict]) -> list:
    opts = c["options"]
    header = [_("Booth"), _("Roll"), _("Received"), _("Unused"), _("Cancelled"), *map(option_label, opts),
              _("Null"), _("Cast")]
    rows, tot = [], [0] * (len(header) - 1)
    for b in status:
        s = b["entry1"]
        vals = [b["padron"], s.received if s else None, s.unused if s else None, s.cancelled if s else None,
                *[(s.options.get(o, 0) if s else None) for o in opts], (s.null + s.blank) if s else None,
                s.cast if s else None]
        for i, v in enumerate(vals):
            tot[i] += v or 0
        rows.append([b["code"], *["—" if v is None else format_int(v) for v in vals]])
    rows.append([_("Total"), *[format_int(v) for v in tot]])
    return [simple_table(rows, header=header, right_cols=range(1, len(header)), total_row=True)]


def _result(c: dict, res: dict, ss) -> list:
    out = [Paragraph(_("Result"), ss["H2"]),
           Paragraph("<b>" + esc(outcome_label(res.get("outcome"), res.get("winner"))) + "</b>", ss["Title"])]
    rows = [[_("Voters on the roll"), format_int(res["padron"])],
            [_("Votes cast"), f"{format_int(res['cast'])} ({res['turnout_pct']} %)"],
            [_("Valid votes"), format_int(res["valid"])], [_("Null ballots"), format_int(res["null"])]]
    out.append(kv_table(rows, col_widths=[60 * mm, 60 * mm], right_cols=[1]))
    if res["kind"] == "approval":
        labels = {"valid": _("YES over valid votes"), "cast": _("YES over votes cast"),
                  "padron": _("YES over the whole roll")}
        rows = [[labels[b] + (" " + _("(decision rule)") if b == res["rule"] else ""),
                 f"{format_int(v['yes'])} / {format_int(v['of'])}", f"{v['pct']} %",
                 _("majority") if v["passes"] else _("no majority")] for b, v in res["bases"].items()]
        out += [Spacer(1, 4), simple_table(rows, header=[_("Base"), _("Votes"), _("Share"), _("Decision")],
                                           right_cols=[1, 2])]
    for w in res.get("warnings", []):
        out.append(Paragraph("⚠ " + esc(w), ss["Body"]))
    return out


def write_acta(vault: Vault, cid: int, out: Path, lang: str = "es") -> Path:
    with language(lang):
        c = consultations.get(vault, cid)
        roll = rolls.roll_info(vault, c["roll_id"]) if c["roll_id"] else None
        doc = UnionDocument(out, title=_("Acta of the consultation"), union_name=vault.union_name,
                            period=short_date(c["vote_date"]), lang=lang, subtitle=c["title"])
        ss = doc.styles
        status = consultations.booth_status(vault, cid)
        res = json.loads(c["result"]) if c["result"] else consultations.compute_result(vault, cid).to_json()
        data = consultations.tally_data(vault, cid)
        digest = c["tally_sha256"] or hashlib.sha256(data.encode("utf-8")).hexdigest()
        story = [*_facts(c, roll, ss), Paragraph(_("Count by booth"), ss["H2"]), *booth_table(c, status),
                 *_result(c, res, ss)]
        if c["status"] != "closed":
            story.append(Paragraph("<b>" + _("PROVISIONAL: the tally is not closed.") + "</b>", ss["Body"]))
        story += [Paragraph(_("Incidents"), ss["H2"]),
                  Paragraph(esc(c["incidents"]) or _("None recorded."), ss["Body"]),
                  Paragraph(_("The vote was personal, free, direct and secret. No record links a voter to a "
                              "ballot. This acta is kept for five years (LFT art. 390 Ter II g)."), ss["Body"]),
                  Spacer(1, 4),
                  Paragraph(_("SHA-256 of the tally data: {sha}").format(sha=digest), ss["Small"]),
                  KeepTogether([Paragraph(_("Signatures"), ss["H2"]),
                                signature_blocks([_("Electoral commission"), _("Electoral commission"),
                                                  _("Verifier / notary")]),
                                Spacer(1, 6),
                                signature_blocks([_("Union representative"), _("Observer"), _("Observer")]),
                                Paragraph(_("A refusal to sign does not invalidate this acta; it is noted here: "
                                            "____________________________________________"), ss["Small"])])]
        return doc.build(story)


def write_tally_sheet(vault: Vault, cid: int, out: Path, lang: str = "es") -> Path:
    """One page per booth: the sheet the count is written on, with what was entered if any."""
    with language(lang):
        c = consultations.get(vault, cid)
        doc = UnionDocument(out, title=_("Booth tally sheet"), union_name=vault.union_name,
                            period=short_date(c["vote_date"]), lang=lang, subtitle=c["title"])
        ss = doc.styles
        story: list = []
        for i, b in enumerate(consultations.booth_status(vault, cid)):
            s = b["entry1"]
            if i:
                story.append(PageBreak())
            head = " · ".join(x for x in (_("Booth {code}").format(code=b["code"]), b["place"]) if x)
            story.append(Paragraph(esc(head), ss["H2"]))
            rows = [[_("Voters on this booth's roll"), format_int(b["padron"])]]
            rows += [[_("Votes for {option}").format(option=option_label(o)),
                      format_int(s.options.get(o, 0)) if s else ""] for o in c["options"]]
            rows += [[_("Null ballots (blank included)"), format_int(s.null + s.blank) if s else ""],
                     [_("Ballots received"), "" if not s or s.received is None else format_int(s.received)],
                     [_("Ballots unused"), "" if not s or s.unused is None else format_int(s.unused)],
                     [_("Ballots cancelled"), "" if not s or s.cancelled is None else format_int(s.cancelled)]]
            story += [kv_table(rows, col_widths=[100 * mm, 40 * mm], right_cols=[1]), Spacer(1, 6),
                      Paragraph(_("Check: received = used + unused + cancelled; used = votes cast."), ss["Small"]),
                      signature_blocks([_("Booth president"), _("Secretary"), _("Observer")])]
        return doc.build(story)
