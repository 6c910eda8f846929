"""CLI commands of the members area: ``members import|list|export|movements``."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys

from unionkit.errors import UnionkitError
from unionkit.i18n import _


def register(sub: argparse._SubParsersAction) -> None:
    """Add this area's sub-commands to ``sub``."""
    p = sub.add_parser("members", help=_("member register and roster import"))
    msub = p.add_subparsers(dest="members_command", metavar="ACTION", parser_class=type(p))
    msub.required = True

    q = msub.add_parser("import", help=_("import a roster (CSV or XLSX)"))
    q.add_argument("file", metavar="FILE")
    q.add_argument("--dry-run", action="store_true", help=_("check the file and report; change nothing"))
    q.add_argument("--strict", action="store_true", help=_("import nothing if any row has a problem"))
    q.add_argument("--covered-only", action="store_true",
                   help=_("the file lists covered workers who are not (yet) members"))
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_import)

    q = msub.add_parser("list", help=_("list people in the register"))
    q.add_argument("--search", metavar="TEXT", default="")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_list)

    q = msub.add_parser("export", help=_("export the register to CSV or XLSX"))
    q.add_argument("out", metavar="OUT")
    q.add_argument("--public", action="store_true", help=_("leave out CURP, address, phone and other "
                                                           "personal identifiers"))
    q.add_argument("--format", choices=["csv", "xlsx"], default=None)
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_export)

    q = msub.add_parser("movements", help=_("quarterly joiners and leavers (LFT art. 377-III)"))
    q.add_argument("quarter", metavar="YYYY-QN", help=_("e.g. 2025-Q1"))
    q.add_argument("--out", metavar="FILE", help=_("write a .pdf or .csv file"))
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_movements)


def cmd_import(args, ctx) -> int:
    from unionkit.members.commit import import_file

    vault = ctx.open_vault()
    result = import_file(vault, args.file, strict=args.strict, dry_run=args.dry_run,
                         as_members=not args.covered_only)
    if args.json:
        ctx.emit_json(result)
    else:
        print(_("Rows: {rows}; new: {new}; updated: {upd}; unchanged: {same}; rejected: {bad}; "
                "duplicates: {dup}.").format(rows=result["data_rows"], new=result["imported"],
                                             upd=result["updated"], same=result["unchanged"],
                                             bad=result["rejected_rows"], dup=len(result["duplicates"])))
        for p in result["rejected"]:
            print(_("line {line}, {column}: {message}").format(**p))
        for d in result["duplicates"]:
            print(_("line {line}: repeats the CURP of line {first}").format(line=d["line"],
                                                                           first=d["duplicate_of_line"]))
        if args.dry_run:
            print(_("Dry run: nothing was changed."))
    if result.get("strict_refused"):
        print("unionkit-cli: " + _("Nothing was imported (--strict): fix the rows listed and try again."),
              file=sys.stderr)
        return 1
    return 0


def cmd_list(args, ctx) -> int:
    from unionkit.members.model import status_label
    from unionkit.members.query import PersonFilter, list_people
    from unionkit.members.service import list_workplaces

    vault = ctx.open_vault()
    people = list_people(vault, PersonFilter(text=args.search))
    wps = {w.id: w.name for w in list_workplaces(vault)}
    if args.json:
        ctx.emit_json({"count": len(people), "people": [
            {"id": p.id, "nombre": p.nombre, "primer_apellido": p.primer_apellido,
             "segundo_apellido": p.segundo_apellido, "name": p.full_name, "curp": p.curp,
             "employee_no": p.employee_no, "workplace": wps.get(p.workplace_id or 0, ""),
             "is_member": bool(p.is_member), "status": p.status, "join_date": p.join_date,
             "hire_date": p.hire_date} for p in people]})
        return 0
    for p in people:
        print("\t".join([p.list_name, p.curp or "", p.employee_no, wps.get(p.workplace_id or 0, ""),
                         status_label(p.status) if p.is_member else _("not a member")]))
    print(_("{count} people").format(count=len(people)), file=sys.stderr)
    return 0


def cmd_export(args, ctx) -> int:
    from unionkit.members.export import UNENCRYPTED_WARNING, export_people

    vault = ctx.open_vault()
    if not args.public:
        print("unionkit-cli: " + _(UNENCRYPTED_WARNING), file=sys.stderr)
    n = export_people(vault, args.out, fmt=args.format, public=args.public)
    if args.json:
        ctx.emit_json({"out": args.out, "rows": n, "public": args.public})
    else:
        print(_("{count} people written to {path}").format(count=n, path=args.out))
    return 0


def parse_quarter(text: str) -> tuple[dt.date, dt.date]:
    """'2025-Q1', '2025Q1', '2025-T1', 'Q1-2025' -> (first day, last day) of that quarter."""
    t = text.strip().upper().replace(" ", "")
    m = re.match(r"^(\d{4})-?[QT]([1-4])$", t) or re.match(r"^[QT]([1-4])-?(\d{4})$", t)
    if not m:
        raise UnionkitError(_("“{value}” is not a quarter: write it as 2025-Q1.").format(value=text))
    year, q = (int(m.group(1)), int(m.group(2))) if len(m.group(1)) == 4 else (int(m.group(2)), int(m.group(1)))
    start = dt.date(year, 3 * q - 2, 1)
    end = dt.date(year + (q == 4), (3 * q) % 12 + 1, 1) - dt.timedelta(days=1)
    return start, end


def cmd_movements(args, ctx) -> int:
    from unionkit.reports.members_movements import movements, write_csv, write_pdf

    start, end = parse_quarter(args.quarter)
    vault = ctx.open_vault()
    mv = movements(vault, start, end)
    if args.out:
        (write_csv if args.out.lower().endswith(".csv") else write_pdf)(vault, mv, args.out)
    if args.json:
        ctx.emit_json(mv.as_dict())
    elif not args.out:
        print(_("Joiners: {j}; leavers: {l}").format(j=len(mv.joiners), l=len(mv.leavers)))
    return 0
