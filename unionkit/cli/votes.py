"""CLI commands of the votes area.

``votes tally`` and ``votes threshold`` are pure calculations (no vault). The others work in a vault:
``votes list``, ``votes result ID``, ``votes acta ID OUT.pdf``, ``votes annex CAMPAIGN OUT.pdf``.
"""

from __future__ import annotations

import argparse
import datetime as dt

from unionkit.errors import ValidationError
from unionkit.formatting import format_percent
from unionkit.i18n import _


def register(sub: argparse._SubParsersAction) -> None:
    votes = sub.add_parser("votes", help=_("consultations, union elections and the 30 % threshold"))
    vs = votes.add_subparsers(dest="votes_command", metavar="SUBCOMMAND", parser_class=type(votes))
    vs.required = True

    p = vs.add_parser("tally", help=_("count booth tally sheets (no vault needed)"))
    p.add_argument("--kind", required=True, choices=["approval", "representation"])
    p.add_argument("--padron", required=True, type=int, metavar="N", help=_("voters on the roll"))
    p.add_argument("--sheets", required=True, metavar="FILE", help=_("CSV: booth, options..., null"))
    p.add_argument("--rule", choices=["valid", "cast", "padron"], default="valid",
                   help=_("approval decision base (default: majority of valid votes)"))
    p.add_argument("--nulls-out-of-turnout", action="store_true",
                   help=_("representation: do not count null ballots toward the 30 % turnout floor"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_tally)

    p = vs.add_parser("threshold", help=_("check a support list against the 30 % threshold (no vault needed)"))
    p.add_argument("--roll", required=True, metavar="ROLL", help=_("roster of covered workers"))
    p.add_argument("--supporters", required=True, metavar="FILE", help=_("signed support list"))
    p.add_argument("--filing-date", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--in-service", type=int, metavar="N",
                   help=_("headcount in the employer's service (checked as a second denominator)"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_threshold)

    p = vs.add_parser("list", help=_("list the consultations and campaigns in the vault"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_list)

    p = vs.add_parser("result", help=_("show a consultation's result"))
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_result)

    p = vs.add_parser("document", help=_("write a consultation document as PDF"))
    p.add_argument("id", type=int)
    p.add_argument("which", choices=["convocatoria", "roll", "tally-sheet", "acta", "notice", "cfcrl"])
    p.add_argument("out", metavar="OUT.pdf")
    p.set_defaults(handler=cmd_document)

    p = vs.add_parser("annex", help=_("write the CFCRL support annex of a 30 % campaign as PDF"))
    p.add_argument("campaign", type=int)
    p.add_argument("out", metavar="OUT.pdf")
    p.set_defaults(handler=cmd_annex)

    p = vs.add_parser("access-log", help=_("who viewed, imported, changed or exported a campaign's support list"))
    p.add_argument("campaign", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_access_log)


def _lang(args) -> str:
    from unionkit import i18n

    return "en" if i18n.language() == "en" else "es"


def cmd_tally(args, ctx) -> int:
    from unionkit.votes.sheetfile import read_sheets
    from unionkit.votes.tally import tally

    sheets, options = read_sheets(args.sheets, args.kind)
    result = tally(args.kind, args.padron, sheets, rule=args.rule, options=options,
                   nulls_in_turnout=not args.nulls_out_of_turnout)
    out = result.to_json()
    if args.kind == "representation":
        out["turnout"] = out.pop("bases")
        out["bases"] = {}
    if ctx.wants_json():
        ctx.emit_json(out)
        return 0
    print(_("Roll: {padron}  cast: {cast} ({pct})  valid: {valid}  null: {null}").format(
        padron=result.padron, cast=result.cast, pct=format_percent(result.turnout_pct), valid=result.valid,
        null=result.null))
    for name, n in result.options.items():
        print(f"  {name}: {n}")
    print(_("Outcome: {outcome}").format(outcome=result.outcome + (f" ({result.winner})" if result.winner else "")))
    for w in result.warnings:
        print(_("Warning: {text}").format(text=w))
    return 0


def _iso(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValidationError(_("“{value}” is not a date: use YYYY-MM-DD.").format(value=text)) from None


def cmd_threshold(args, ctx) -> int:
    from unionkit.votes.rosterfile import read_roll, read_supporters
    from unionkit.votes.threshold import check_support

    filing = _iso(args.filing_date)
    roll, covered, excluded = read_roll(args.roll, filing, "campaign")
    rows = read_supporters(args.supporters)
    result = check_support(rows, roll, covered, filing, in_service=args.in_service)
    if ctx.wants_json():
        out = result.to_json()
        out["rejected"] = [{"line": r["line"], "reason": r["reason"], "code": r["code"]} for r in result.rejected]
        out["roll_excluded"] = excluded
        ctx.emit_json(out)
        return 0
    print(result.counter_text())
    print(_("Required: {required}  met: {met}").format(required=result.required,
                                                      met=_("yes") if result.met else _("no")))
    for r in result.rejected:
        print(_("  line {line}: {reason}").format(line=r["line"], reason=r["reason"]))
    return 0


def cmd_list(args, ctx) -> int:
    from unionkit.votes import campaigns, consultations

    v = ctx.open_vault()
    data = {"consultations": consultations.list_consultations(v), "campaigns": campaigns.list_campaigns(v)}
    if ctx.wants_json():
        ctx.emit_json(data)
        return 0
    for c in data["consultations"]:
        print(f"{c['id']:>4}  {c['kind']:<15} {c['status']:<9} {c['title']}")
    for c in data["campaigns"]:
        print(f"{c['id']:>4}  {'campaign':<15} {c['status']:<9} {c['name']}  {c['counter']}")
    return 0


def cmd_result(args, ctx) -> int:
    from unionkit.votes import consultations

    v = ctx.open_vault()
    res = consultations.compute_result(v, args.id)
    if ctx.wants_json():
        ctx.emit_json(res.to_json())
        return 0
    print(_("Outcome: {outcome}").format(outcome=res.outcome + (f" ({res.winner})" if res.winner else "")))
    for option, votes in res.options.items():
        print(f"  {option}: {votes}")
    for w in res.warnings:
        print(_("Warning: {text}").format(text=w))
    return 0


def cmd_document(args, ctx) -> int:
    from unionkit.reports.votes_documents import write_document

    v = ctx.open_vault()
    path = write_document(v, args.id, args.which, args.out, _lang(args))
    print(str(path))
    return 0


def cmd_annex(args, ctx) -> int:
    from unionkit.votes.annex import build_support_annex

    v = ctx.open_vault()
    print(str(build_support_annex(v, args.campaign, args.out, _lang(args))))
    return 0


def cmd_access_log(args, ctx) -> int:
    from unionkit.votes import access_log, campaigns

    v = ctx.open_vault()
    campaigns.get(v, args.campaign)  # a clear error for an unknown campaign
    items = access_log.entries(v, args.campaign)
    if args.json:
        ctx.emit_json({"campaign": args.campaign, "entries": items})
        return 0
    for e in items:
        print(f"{e['at']}  {access_log.action_label(e['action']):<28} {e['actor']:<14} {e['rows']:>6}  {e['detail']}")
    if not items:
        print(_("Nothing recorded yet."))
    return 0
