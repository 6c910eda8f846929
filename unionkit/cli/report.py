"""``unionkit-cli report ...``: the treasury's PDFs (monthly town hall, art. 373 account, lists)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from unionkit.i18n import _
from unionkit.ledger.months import parse_iso_date, parse_month


def register(sub: argparse._SubParsersAction) -> None:
    """Add this area's sub-commands to ``sub``."""
    rep = sub.add_parser("report", help=_("treasury reports (PDF)"))
    rs = rep.add_subparsers(dest="report_command", metavar="REPORT")
    rs.required = True

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--lang", dest="doc_lang", choices=["es", "en"], help=_("language of the document"))
        p.add_argument("--out", required=True, metavar="F.pdf")
        p.add_argument("--json", action="store_true")

    p = rs.add_parser("monthly", help=_("the monthly town-hall report"))
    p.add_argument("--period", required=True, metavar="YYYY-MM")
    common(p)
    p.set_defaults(handler=cmd_monthly)

    p = rs.add_parser("account-373", help=_("the six-monthly account to the assembly (LFT art. 373)"))
    p.add_argument("--from", dest="first", required=True, metavar="YYYY-MM")
    p.add_argument("--to", dest="last", required=True, metavar="YYYY-MM")
    common(p)
    p.set_defaults(handler=cmd_account)

    p = rs.add_parser("deliver", help=_("record that a member received the art. 373 account"))
    p.add_argument("--from", dest="first", required=True, metavar="YYYY-MM")
    p.add_argument("--to", dest="last", required=True, metavar="YYYY-MM")
    p.add_argument("--member", required=True, help=_("CURP or employee number"))
    p.add_argument("--method", required=True, choices=["hand", "email", "messaging", "mail", "assembly"])
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_deliver)

    p = rs.add_parser("arrears", help=_("members behind on their dues"))
    p.add_argument("--as-of", help="YYYY-MM-DD")
    common(p)
    p.set_defaults(handler=cmd_arrears)

    p = rs.add_parser("statement", help=_("one member's dues statement"))
    p.add_argument("--member", required=True, help=_("CURP or employee number"))
    p.add_argument("--as-of", help="YYYY-MM-DD")
    common(p)
    p.set_defaults(handler=cmd_statement)

    p = rs.add_parser("bank-reconciliation", help=_("bank reconciliation sheet for a month"))
    p.add_argument("--period", required=True, metavar="YYYY-MM")
    p.add_argument("--account", required=True, help=_("account id or name"))
    p.add_argument("--statement-balance", required=True, help=_("closing balance on the bank statement"))
    common(p)
    p.set_defaults(handler=cmd_bank)

    p = rs.add_parser("receipt", help=_("print the cash receipt of an entry"))
    p.add_argument("entry", type=int)
    common(p)
    p.set_defaults(handler=cmd_receipt)


def _lang(args) -> str:
    return args.doc_lang or getattr(args, "lang", None) or "es"


def _done(args, ctx, path: Path, extra: dict | None = None) -> int:
    if ctx.wants_json():
        ctx.emit_json({"ok": True, "out": str(path), **(extra or {})})
    else:
        print(_("Report written: {path}").format(path=str(path)))
    return 0


def cmd_monthly(args, ctx) -> int:
    from unionkit.ledger import chain
    from unionkit.reports.treasury_monthly import build_monthly

    vault = ctx.open_vault()
    path = build_monthly(vault, parse_month(args.period), Path(args.out), lang=_lang(args))
    return _done(args, ctx, path, {"head": chain.head(vault)[1]})


def cmd_account(args, ctx) -> int:
    from unionkit.reports.treasury_account373 import build_account373

    vault = ctx.open_vault()
    path, info = build_account373(vault, parse_month(args.first), parse_month(args.last), Path(args.out),
                                  lang=_lang(args))
    return _done(args, ctx, path, info)


def _as_of(args) -> dt.date:
    return parse_iso_date(args.as_of) if args.as_of else dt.date.today()


def cmd_arrears(args, ctx) -> int:
    from unionkit.reports.treasury_lists import build_arrears

    vault = ctx.open_vault()
    return _done(args, ctx, build_arrears(vault, _as_of(args), Path(args.out), lang=_lang(args)))


def cmd_statement(args, ctx) -> int:
    from unionkit.ledger.people import find_person
    from unionkit.reports.treasury_lists import build_statement

    vault = ctx.open_vault()
    pid = find_person(vault, args.member)
    return _done(args, ctx, build_statement(vault, pid, _as_of(args), Path(args.out), lang=_lang(args)))


def cmd_bank(args, ctx) -> int:
    from unionkit.ledger.accounts import resolve_account
    from unionkit.money import Money
    from unionkit.reports.treasury_lists import build_bank_reconciliation

    vault = ctx.open_vault()
    acc = resolve_account(vault, args.account)
    path = build_bank_reconciliation(vault, acc.id, parse_month(args.period), Money.parse(args.statement_balance),
                                     Path(args.out), lang=_lang(args))
    return _done(args, ctx, path)


def cmd_receipt(args, ctx) -> int:
    from unionkit.reports.treasury_receipt import build_receipt

    vault = ctx.open_vault()
    return _done(args, ctx, build_receipt(vault, args.entry, Path(args.out), lang=_lang(args)))


def cmd_deliver(args, ctx) -> int:
    from unionkit.ledger import chain, delivery
    from unionkit.ledger.people import find_person

    vault = ctx.open_vault()
    rid = delivery.report_for(vault, parse_month(args.first), parse_month(args.last), chain.head(vault)[1])
    pid = find_person(vault, args.member)
    delivery.record_delivery(vault, rid, pid, args.method)
    log = delivery.delivery_log(vault, rid)
    done = sum(1 for r in log if r["method"])
    if ctx.wants_json():
        ctx.emit_json({"ok": True, "report_id": rid, "delivered": done, "members": len(log)})
    else:
        print(_("Delivered: {delivered} of {total} members.").format(delivered=done, total=len(log)))
    return 0
