"""Convocatoria, public result notice and CFCRL notice of a consultation (LFT 390 Ter I, II e)-f),
390 Bis III b), 371 IX a)-b)); dispatch for every votes document."""

from __future__ import annotations

import json
from pathlib import Path

from reportlab.platypus import Paragraph, Spacer

from unionkit.errors import ValidationError
from unionkit.formatting import format_int
from unionkit.i18n import _
from unionkit.reports.common import UnionDocument, signature_blocks
from unionkit.reports.votes_common import (
    esc,
    heading,
    kv_table,
    language,
    long_date,
    option_label,
    outcome_label,
    short_date,
)
from unionkit.reports.votes_common import left_table as simple_table
from unionkit.vault import Vault
from unionkit.votes import consultations, rolls


def write_convocatoria(vault: Vault, cid: int, out: Path, lang: str = "es") -> Path:
    with language(lang):
        c = consultations.get(vault, cid)
        doc = UnionDocument(out, title=_("Convocatoria"), union_name=vault.union_name,
                            period=short_date(c["vote_date"]), lang=lang, subtitle=c["title"])
        ss = doc.styles
        kind = _(consultations.KINDS[c["kind"]])
        story = [Paragraph(_("The union calls every worker entitled to vote to the consultation: {kind} — "
                             "{title}.").format(kind=esc(kind), title=esc(c["title"])), ss["Body"]), Spacer(1, 6)]
        rows = [[_("Date"), long_date(c["vote_date"])], [_("Time"), c["vote_time"] or "—"],
                [_("Place"), c["place"] or "—"]]
        story.append(kv_table(rows))
        booths = consultations.booths(vault, cid)
        if booths:
            story += [Paragraph(_("Booths"), ss["H2"]), simple_table(
                [[b["code"], b["place"] or c["place"], format_int(b["padron"])] for b in booths],
                header=[_("Booth"), _("Place"), _("Voters")], right_cols=[2])]
        story += [Paragraph(_("Requirements"), ss["H2"]),
                  Paragraph(_("Bring an official photo ID. The vote is personal, free, direct and secret; "
                              "the employer may not intervene. No union colours or emblems may be worn while "
                              "voting."), ss["Body"])]
        if c["kind"] in ("initial_cct", "revision", "termination", "legitimation"):
            story.append(Paragraph(_("A copy of the agreement submitted to the vote is available to every "
                                     "worker (LFT art. 390 Ter II a)."), ss["Body"]))
        story.append(Paragraph(_("Issued on {date}. The convocatoria is posted 10 to 15 days before the vote."
                                 ).format(date=long_date(c["convocatoria_date"])), ss["Small"]))
        story.append(signature_blocks([_("Secretary General"), _("Electoral commission")]))
        return doc.build(story)


def _result_rows(res: dict) -> list[list[str]]:
    rows = [[option_label(k), format_int(v)] for k, v in res["options"].items()]
    rows += [[_("Null"), format_int(res["null"])], [_("Votes cast"), format_int(res["cast"])],
             [_("Voters on the roll"), format_int(res["padron"])]]
    return rows


def _closed(vault: Vault, cid: int) -> tuple[dict, dict]:
    c = consultations.get(vault, cid)
    if not c["result"]:
        raise ValidationError(_("Close the tally first: the notices report the closed result."))
    return c, json.loads(c["result"])


def write_result_notice(vault: Vault, cid: int, out: Path, lang: str = "es") -> Path:
    """Posted at the workplace and the union hall within 2 days (LFT 390 Ter II e)."""
    with language(lang):
        c, res = _closed(vault, cid)
        doc = UnionDocument(out, title=_("Result of the consultation"), union_name=vault.union_name,
                            period=short_date(c["vote_date"]), lang=lang, subtitle=c["title"])
        ss = doc.styles
        story = [Paragraph(esc(outcome_label(res["outcome"], res.get("winner"))), ss["Title"]),
                 simple_table(_result_rows(res), header=[_("Option"), _("Votes")], right_cols=[1]),
                 Paragraph(_("Turnout: {pct} % of the roll.").format(pct=res["turnout_pct"]), ss["Body"])]
        story += [Paragraph("⚠ " + esc(w), ss["Body"]) for w in res.get("warnings", [])]
        story.append(signature_blocks([_("Secretary General"), _("Electoral commission")]))
        return doc.build(story)


def write_cfcrl_notice(vault: Vault, cid: int, out: Path, lang: str = "es") -> Path:
    """Notice of the result to the CFCRL within 3 business days, under oath (LFT 390 Ter II f), g))."""
    with language(lang):
        c, res = _closed(vault, cid)
        roll = rolls.roll_info(vault, c["roll_id"]) if c["roll_id"] else None
        doc = UnionDocument(out, title=_("CFCRL notice"), union_name=vault.union_name,
                            period=short_date(c["vote_date"]), lang=lang)
        ss = doc.styles
        story = [*heading(doc, _("Notice of the consultation result to the CFCRL")),
                 Paragraph(_("To the Centro Federal de Conciliación y Registro Laboral:"), ss["Body"]), Spacer(1, 6),
                 Paragraph(_("The union named above reports, BAJO PROTESTA DE DECIR VERDAD, the result of the "
                             "consultation “{title}” ({kind}) held on {date} at {place}.").format(
                     title=esc(c["title"]), kind=esc(_(consultations.KINDS[c["kind"]])),
                     date=long_date(c["vote_date"]), place=esc(c["place"] or "—")), ss["Body"]), Spacer(1, 6),
                 simple_table(_result_rows(res), header=[_("Option"), _("Votes")], right_cols=[1]), Spacer(1, 6),
                 Paragraph(esc(outcome_label(res["outcome"], res.get("winner"))), ss["H2"])]
        if res.get("bases") and res["kind"] == "approval":
            story.append(Paragraph(_("YES share: {valid} % of valid votes, {cast} % of votes cast, {padron} % of "
                                     "the roll.").format(valid=res["bases"]["valid"]["pct"],
                                                         cast=res["bases"]["cast"]["pct"],
                                                         padron=res["bases"]["padron"]["pct"]), ss["Body"]))
        if roll:
            story.append(Paragraph(_("Roll SHA-256: {sha}").format(sha=roll["sha256"]), ss["Small"]))
        story += [Paragraph(_("SHA-256 of the tally data: {sha}").format(sha=c["tally_sha256"]), ss["Small"]),
                  Spacer(1, 6),
                  Paragraph(_("We declare, bajo protesta de decir verdad, that the acta and the voting records "
                              "are kept for five years (LFT art. 390 Ter II g)."), ss["Body"]),
                  signature_blocks([_("Secretary General")])]
        return doc.build(story, with_header=False)


def write_document(vault: Vault, cid: int, which: str, out: str | Path, lang: str = "es") -> Path:
    from unionkit.reports import votes_acta, votes_roll

    writers = {"convocatoria": write_convocatoria, "acta": votes_acta.write_acta,
               "tally-sheet": votes_acta.write_tally_sheet, "notice": write_result_notice,
               "cfcrl": write_cfcrl_notice, "roll": votes_roll.write_booth_rolls}
    if which not in writers:
        raise ValidationError(_("Unknown document: {name}.").format(name=which))
    return writers[which](vault, cid, Path(out), lang)
