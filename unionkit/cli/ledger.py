"""``unionkit-cli ledger ...``: accounts, categories, post, reverse, transfer, close, verify, check-off."""

from __future__ import annotations

import argparse
import getpass

from unionkit.errors import UnionkitError
from unionkit.i18n import _
from unionkit.ledger import accounts, chain, checkoff, entries, periods, queries
from unionkit.ledger.months import parse_iso_date, parse_month
from unionkit.ledger.people import find_person
from unionkit.money import Money


def register(sub: argparse._SubParsersAction) -> None:
    """Add this area's sub-commands to ``sub``."""
    led = sub.add_parser("ledger", help=_("the treasury's append-only ledger"))
    ls = led.add_subparsers(dest="ledger_command", metavar="SUBCOMMAND")
    ls.required = True

    p = ls.add_parser("accounts", help=_("list the accounts (cash box, banks)"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_accounts)

    p = ls.add_parser("categories", help=_("list the income and expense categories"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_categories)

    p = ls.add_parser("add-account", help=_("add an account (cash box, bank account)"))
    p.add_argument("name")
    p.add_argument("--kind", choices=["cash", "bank", "other_asset", "liability"], default="bank")
    p.add_argument("--bank", default="", help=_("name of the bank"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_add_account)

    p = ls.add_parser("add-category", help=_("add an income or expense category"))
    p.add_argument("name")
    p.add_argument("--kind", choices=["income", "expense"], required=True)
    p.add_argument("--line", default="", choices=["", *accounts.LINE_LABELS], help=_("art. 373 line"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_add_category)

    p = ls.add_parser("rename-category", help=_("rename a category (its entries follow)"))
    p.add_argument("category", help=_("category id or name"))
    p.add_argument("new_name")
    p.set_defaults(handler=cmd_rename_category)

    p = ls.add_parser("post", help=_("post an income or an expense"))
    p.add_argument("--date", required=True, help="YYYY-MM-DD")
    p.add_argument("--account", required=True, help=_("account id or name"))
    p.add_argument("--category", required=True, help=_("category id or name"))
    p.add_argument("--amount", required=True, help=_("amount, e.g. 1,234.50"))
    p.add_argument("--kind", choices=["income", "expense"])
    p.add_argument("--member", help=_("CURP or employee number of the member"))
    p.add_argument("--dues-period", help=_("month the dues payment covers (YYYY-MM)"))
    p.add_argument("--memo", default="")
    p.add_argument("--counterparty", default="", help=_("who was paid or who paid"))
    p.add_argument("--receipt", action="store_true", help=_("number a cash receipt (folio)"))
    p.add_argument("--attach", action="append", default=[], metavar="FILE", help=_("attach a file"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_post)

    p = ls.add_parser("reverse", help=_("reverse an entry (a correcting entry that points at it)"))
    p.add_argument("id", type=int)
    p.add_argument("--reason", required=True)
    p.add_argument("--date", help="YYYY-MM-DD")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_reverse)

    p = ls.add_parser("transfer", help=_("move money between the union's own accounts"))
    p.add_argument("--date", required=True)
    p.add_argument("--from", dest="from_account", required=True)
    p.add_argument("--to", dest="to_account", required=True)
    p.add_argument("--amount", required=True)
    p.add_argument("--memo", default="")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_transfer)

    p = ls.add_parser("close", help=_("close a month: no more entries dated in it"))
    p.add_argument("month", metavar="YYYY-MM")
    p.add_argument("--by", default="", help=_("names of who closes it"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_close)

    p = ls.add_parser("verify", help=_("verify the hash chain"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_verify)

    p = ls.add_parser("list", help=_("list entries, newest first"))
    p.add_argument("--month")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_list)

    p = ls.add_parser("dues-rule", help=_("show or set the dues rule from the statutes"))
    p.add_argument("--from", dest="first", metavar="YYYY-MM", help=_("month the rule takes effect"))
    p.add_argument("--fixed", metavar="AMOUNT", help=_("a fixed amount per month"))
    p.add_argument("--percent", metavar="PCT", help=_("a percentage of the monthly salary"))
    p.add_argument("--rounding", choices=["half_up", "half_even", "down", "up"], default="half_up")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_dues_rule)

    p = ls.add_parser("standing", help=_("months of dues owed per member as of a date"))
    p.add_argument("--as-of", metavar="YYYY-MM-DD")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_standing)

    p = ls.add_parser("import-checkoff", help=_("import the employer's payroll deduction list"))
    p.add_argument("file", metavar="FILE")
    p.add_argument("--period", required=True, metavar="YYYY-MM")
    p.add_argument("--deposit", required=True, help=_("the amount actually deposited"))
    p.add_argument("--account", help=_("account that received the deposit"))
    p.add_argument("--date", help=_("date of the deposit"))
    p.add_argument("--dry-run", action="store_true", help=_("reconcile only, record nothing"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_import_checkoff)


def _fmt(cents: int) -> str:
    from unionkit.formatting import format_money

    return format_money(Money(cents))


def cmd_accounts(args, ctx) -> int:
    vault = ctx.open_vault()
    items = accounts.list_accounts(vault)
    if ctx.wants_json():
        ctx.emit_json([dict(a.as_dict(), balance=Money(queries.balance(vault, a.id)).plain()) for a in items])
    else:
        for a in items:
            print(f"{a.id:>4}  {a.name:<36} {a.kind:<10} {_fmt(queries.balance(vault, a.id)):>16}")
    return 0


def cmd_categories(args, ctx) -> int:
    vault = ctx.open_vault()
    items = accounts.list_categories(vault, kinds=("income", "expense"))
    if ctx.wants_json():
        ctx.emit_json([{"id": c.id, "name": c.name, "kind": c.kind, "line_373": c.line_373,
                        "is_dues": c.is_dues} for c in items])
    else:
        for c in items:
            print(f"{c.id:>4}  {c.kind:<8} {c.name:<44} {accounts.line_label(c.line_373)}")
    return 0


def cmd_add_account(args, ctx) -> int:
    vault = ctx.open_vault()
    new_id = accounts.add_account(vault, args.name, args.kind, bank_name=args.bank)
    if ctx.wants_json():
        ctx.emit_json(accounts.get_account(vault, new_id).as_dict())
    else:
        print(_("Account {id} added.").format(id=new_id))
    return 0


def cmd_add_category(args, ctx) -> int:
    vault = ctx.open_vault()
    new_id = accounts.add_category(vault, args.name, args.kind, args.line)
    if ctx.wants_json():
        ctx.emit_json(accounts.get_category(vault, new_id).as_dict())
    else:
        print(_("Category {id} added.").format(id=new_id))
    return 0


def cmd_rename_category(args, ctx) -> int:
    vault = ctx.open_vault()
    cat = accounts.resolve_category(vault, args.category)
    accounts.rename_category(vault, cat.id, args.new_name)
    print(_("Category {id} renamed.").format(id=cat.id))
    return 0


def _entry_json(vault, e: entries.Entry) -> dict:
    d = e.as_dict()
    d["account"] = accounts.get_account(vault, e.account_id).name
    cat = accounts.get_category(vault, e.category_id)
    d["category"] = cat.name
    d["kind"] = cat.kind
    return d


def cmd_post(args, ctx) -> int:
    vault = ctx.open_vault()
    acc = accounts.resolve_account(vault, args.account)
    cat = accounts.resolve_category(vault, args.category)
    person = find_person(vault, args.member) if args.member else None
    amount = Money.parse(args.amount)
    receipt = args.receipt or (acc.kind == "cash" and cat.is_dues and person is not None)
    e = entries.post_entry(vault, entry_date=parse_iso_date(args.date), account=acc, category=cat,
                           amount=amount, kind=args.kind, person_id=person,
                           dues_period=parse_month(args.dues_period) if args.dues_period else None,
                           memo=args.memo, counterparty=args.counterparty, receipt=receipt,
                           payment_method="cash" if acc.kind == "cash" else "", posted_by=getpass.getuser())
    for f in args.attach:
        entries.attach_file(vault, e.id, f)
    if ctx.wants_json():
        ctx.emit_json(_entry_json(vault, e))
    else:
        print(_("Entry {id} posted: {amount}.").format(id=e.id, amount=_fmt(e.amount)))
    return 0


def cmd_reverse(args, ctx) -> int:
    vault = ctx.open_vault()
    day = parse_iso_date(args.date) if args.date else None
    made = entries.reverse_entry(vault, args.id, args.reason, entry_date=day, posted_by=getpass.getuser())
    if ctx.wants_json():
        ctx.emit_json([_entry_json(vault, e) for e in made] if len(made) > 1 else _entry_json(vault, made[0]))
    else:
        for e in made:
            print(_("Entry {id} reverses entry {orig}.").format(id=e.id, orig=e.reverses_id))
    return 0


def cmd_transfer(args, ctx) -> int:
    vault = ctx.open_vault()
    a = accounts.resolve_account(vault, args.from_account)
    b = accounts.resolve_account(vault, args.to_account)
    made = entries.transfer(vault, entry_date=parse_iso_date(args.date), from_account=a.id, to_account=b.id,
                            amount=Money.parse(args.amount), memo=args.memo, posted_by=getpass.getuser())
    if ctx.wants_json():
        ctx.emit_json([_entry_json(vault, e) for e in made])
    else:
        print(_("Transfer posted: entries {a} and {b}.").format(a=made[0].id, b=made[1].id))
    return 0


def cmd_close(args, ctx) -> int:
    vault = ctx.open_vault()
    by = args.by or vault.get_setting("ledger.officers") or getpass.getuser()
    c = periods.close_month(vault, args.month, by)
    if ctx.wants_json():
        ctx.emit_json(c.as_dict())
    else:
        print(_("{month} closed by {names}; ledger head {hash}.").format(month=c.month, names=c.closed_by,
                                                                        hash=c.head_hash))
    return 0


def cmd_verify(args, ctx) -> int:
    vault = ctx.open_vault()
    res = chain.verify(vault)
    if ctx.wants_json():
        ctx.emit_json(res.as_dict())
    elif res.ok:
        print(_("Ledger OK: {n} entries, head {hash}.").format(n=res.entries, hash=res.head))
    else:
        print(_("Ledger chain BROKEN at entry {id}.").format(id=res.broken_id))
    return 0 if res.ok else 1


def cmd_list(args, ctx) -> int:
    vault = ctx.open_vault()
    month = parse_month(args.month) if args.month else None
    pager = queries.EntryPager(vault, queries.EntryFilter(month_from=month, month_to=month), page=args.limit)
    rows = pager.next_page()
    if ctx.wants_json():
        ctx.emit_json([{"id": r.id, "date": r.entry_date, "account": r.account, "category": r.category,
                        "kind": r.kind, "amount": Money(r.amount).plain(), "balance": Money(r.balance or 0).plain(),
                        "member": r.person, "memo": r.memo, "folio": r.folio, "reverses": r.reverses_id,
                        "reversed_by": r.reversed_by} for r in rows])
    else:
        for r in rows:
            print(f"{r.id:>7} {r.entry_date} {r.category[:30]:<30} {_fmt(r.amount):>14} {_fmt(r.balance or 0):>16} "
                  f"{r.memo[:40]}")
    return 0


def cmd_import_checkoff(args, ctx) -> int:
    vault = ctx.open_vault()
    deposit = Money.parse(args.deposit)
    if args.dry_run:
        rec = checkoff.reconcile(vault, args.file, args.period, deposit)
    else:
        acc = accounts.resolve_account(vault, args.account).id if args.account else None
        day = parse_iso_date(args.date) if args.date else None
        rec = checkoff.import_checkoff(vault, args.file, args.period, deposit, account_id=acc, deposit_date=day,
                                       posted_by=getpass.getuser())
    if ctx.wants_json():
        ctx.emit_json(rec.as_dict())
        return 0
    print(_("{n} lines; deducted {deducted}, expected {expected}, deposited {deposit}.").format(
        n=len(rec.lines), deducted=_fmt(rec.deducted_total), expected=_fmt(rec.expected_total),
        deposit=_fmt(rec.deposit)))
    for code in rec.batch_flags:
        print("  " + checkoff.flag_label(code))
    for code, n in sorted(rec.flag_counts().items()):
        print(f"  {checkoff.flag_label(code)}: {n}")
    return 0


def cmd_dues_rule(args, ctx) -> int:
    from unionkit.ledger import dues

    vault = ctx.open_vault()
    if args.first:
        if bool(args.fixed) == bool(args.percent):
            raise UnionkitError(_("Give either --fixed AMOUNT or --percent PCT."))
        dues.set_rule(vault, args.first, mode="fixed" if args.fixed else "percent",
                      amount=Money.parse(args.fixed) if args.fixed else None, percent=args.percent or "0",
                      rounding=args.rounding)
    items = dues.rules(vault)
    if ctx.wants_json():
        ctx.emit_json([{"from": r.effective_month, "mode": r.mode, "amount": Money(r.amount).plain(),
                        "percent": r.percent, "rounding": r.rounding} for r in items])
    else:
        for r in items:
            print(f"{r.effective_month}  {r.describe()}")
    return 0


def cmd_standing(args, ctx) -> int:
    import datetime as dt

    from unionkit.ledger import standing

    vault = ctx.open_vault()
    as_of = parse_iso_date(args.as_of) if args.as_of else dt.date.today()
    behind = standing.months_behind_by_person(vault, as_of)
    if ctx.wants_json():
        ctx.emit_json({"as_of": as_of.isoformat(), "members": len(behind),
                       "in_good_standing": sum(1 for n in behind.values() if n == 0),
                       "months_behind": {str(k): v for k, v in sorted(behind.items()) if v}})
    else:
        print(_("{good} of {n} members in good standing as of {date}.").format(
            good=sum(1 for n in behind.values() if n == 0), n=len(behind), date=as_of.isoformat()))
    return 0
