"""CLI commands of the claims area: ``case``, ``evidence`` and ``packet``."""

from __future__ import annotations

import argparse
from pathlib import Path

from unionkit.i18n import _


def register(sub: argparse._SubParsersAction) -> None:
    """Add this area's sub-commands to ``sub``."""
    _register_case(sub)
    _register_evidence(sub)
    _register_packet(sub)


def _sub(sub, name: str, help_text: str):
    p = sub.add_parser(name, help=help_text)
    s = p.add_subparsers(dest=f"{name}_command", metavar="ACTION", parser_class=type(p))
    s.required = True
    return s


def _register_case(sub) -> None:
    s = _sub(sub, "case", _("claim cases: facility, timeline, affected workers"))
    q = s.add_parser("new", help=_("open a new case"))
    q.add_argument("--title", required=True)
    q.add_argument("--facility", default="", help=_("the facility's name"))
    q.add_argument("--legal-name", default="", help=_("the employer's legal name (razón social)"))
    q.add_argument("--rfc", default="")
    q.add_argument("--kind", choices=["rrlm", "cfcrl", "other"], default="rrlm")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_case_new)
    q = s.add_parser("add-worker", help=_("link an affected worker from the register by CURP"))
    q.add_argument("--case", type=int, required=True)
    q.add_argument("--curp", required=True)
    q.add_argument("--role", default="")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_case_add_worker)
    q = s.add_parser("event", help=_("add an event to the case timeline"))
    q.add_argument("--case", type=int, required=True)
    q.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    q.add_argument("--text", required=True)
    q.add_argument("--actors", default="")
    q.add_argument("--affected", default="")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_case_event)
    q = s.add_parser("list", help=_("list cases"))
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_case_list)
    q = s.add_parser("show", help=_("show a case with its timeline and evidence"))
    q.add_argument("id", type=int)
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_case_show)


def _register_evidence(sub) -> None:
    s = _sub(sub, "evidence", _("the evidence locker"))
    q = s.add_parser("add", help=_("add a file (hashed, encrypted, never modified)"))
    q.add_argument("file", metavar="FILE")
    q.add_argument("--case", type=int)
    q.add_argument("--description", default="")
    q.add_argument("--captured", default=None, metavar="YYYY-MM-DD[THH:MM]")
    q.add_argument("--place", default="")
    q.add_argument("--collected-by", default="")
    q.add_argument("--source", default="")
    q.add_argument("--tags", default="")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_evidence_add)
    q = s.add_parser("export", help=_("export the original, or a copy without metadata (--share)"))
    q.add_argument("id", type=int)
    q.add_argument("--out", required=True, metavar="DIR")
    q.add_argument("--share", action="store_true", help=_("a copy without metadata (GPS, camera, author)"))
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_evidence_export)
    q = s.add_parser("show", help=_("metadata and custody log of an item"))
    q.add_argument("id", type=int)
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_evidence_show)


def _register_packet(sub) -> None:
    s = _sub(sub, "packet", _("build and verify claim packets"))
    q = s.add_parser("build", help=_("build a packet folder and ZIP"))
    q.add_argument("kind", choices=["rrlm", "constancia", "complaint", "account-373"])
    q.add_argument("--case", type=int, required=True)
    q.add_argument("--lang", dest="packet_lang", choices=["es", "en"], default=None,
                   help=_("language of the packet (default: the global --lang, else es)"))
    q.add_argument("--out", required=True, metavar="DIR")
    q.add_argument("--no-redact", action="store_true", help=_("include workers' CURP, NSS, address and phone"))
    q.add_argument("--campaign", type=int, default=None, help=_("representativeness campaign (constancia)"))
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_packet_build)
    q = s.add_parser("verify", help=_("check every hash of a packet folder or its ZIP (exit 1 on any mismatch)"))
    q.add_argument("dir", metavar="DIR|ZIP")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_packet_verify)


# -- handlers ------------------------------------------------------------------------------------
def cmd_case_new(args, ctx) -> int:
    from unionkit.packets import cases

    c = cases.create(ctx.open_vault(), args.title, facility_name=args.facility,
                     facility_legal_name=args.legal_name, facility_rfc=args.rfc, kind=args.kind)
    if ctx.wants_json():
        ctx.emit_json(c.as_json())
    else:
        print(_("Case {id} opened: {title}").format(id=c.id, title=c.title))
    return 0


def cmd_case_add_worker(args, ctx) -> int:
    from unionkit.packets import cases

    w = cases.add_worker(ctx.open_vault(), args.case, args.curp, args.role)
    if ctx.wants_json():
        ctx.emit_json({"case": args.case, "person_id": w.person_id, "pseudonym": w.pseudonym, "role": w.role})
    else:
        print(_("Linked to case {id} as {pseudonym}.").format(id=args.case, pseudonym=w.pseudonym))
    return 0


def cmd_case_event(args, ctx) -> int:
    from unionkit.packets import cases

    e = cases.add_event(ctx.open_vault(), args.case, args.date, args.text, actors=args.actors,
                        affected=args.affected)
    if ctx.wants_json():
        ctx.emit_json({"id": e.id, "case": e.case_id, "date": e.event_date, "text": e.text})
    else:
        print(_("Event {id} added to case {case}.").format(id=e.id, case=e.case_id))
    return 0


def cmd_case_list(args, ctx) -> int:
    from unionkit.packets import cases

    rows = cases.list_cases(ctx.open_vault())
    if ctx.wants_json():
        ctx.emit_json([r.__dict__ for r in rows])
    else:
        for r in rows:
            print(f"{r.id:>4}  {r.status:<10} {r.title} · {r.facility_name}")
    return 0


def cmd_case_show(args, ctx) -> int:
    from unionkit.packets import cases, evidence

    v = ctx.open_vault()
    c = cases.get(v, args.id)
    out = c.as_json() | {
        "events": [e.__dict__ for e in cases.events(v, c.id)],
        "workers": [{"person_id": w.person_id, "pseudonym": w.pseudonym, "role": w.role}
                    for w in cases.workers(v, c.id)],
        "laws": cases.laws(v, c.id), "filings": [f.__dict__ for f in cases.filings(v, c.id)],
        "evidence": [i.as_json() for i in evidence.list_items(v, c.id)]}
    if ctx.wants_json():
        ctx.emit_json(out)
    else:
        print(f"{c.id}: {c.title} · {c.facility_name}")
        for e in out["events"]:
            print(f"  {e['event_date']}  {e['text']}")
        for i in out["evidence"]:
            print(f"  [{i['id']}] {i['filename']}  {i['sha256']}")
    return 0


def cmd_evidence_add(args, ctx) -> int:
    from unionkit.packets import evidence

    item = evidence.add(ctx.open_vault(), Path(args.file), case_id=args.case, description=args.description,
                        captured_at=args.captured, place=args.place, collected_by=args.collected_by,
                        source=args.source, tags=args.tags)
    if ctx.wants_json():
        ctx.emit_json(item.as_json() | {"case": args.case})
    else:
        print(_("Evidence {id} stored; SHA-256 {sha}").format(id=item.id, sha=item.sha256))
    return 0


def cmd_evidence_export(args, ctx) -> int:
    from unionkit.packets import evidence

    out = evidence.export(ctx.open_vault(), args.id, Path(args.out), share=args.share)
    if ctx.wants_json():
        from unionkit.packets.manifest import sha256_file

        ctx.emit_json({"id": args.id, "path": str(out), "share": args.share, "sha256": sha256_file(out)})
    else:
        print(str(out))
    return 0


def cmd_evidence_show(args, ctx) -> int:
    from unionkit.packets import custody, evidence

    v = ctx.open_vault()
    item = evidence.get(v, args.id)
    meta = evidence.describe_metadata(v, args.id)
    log = custody.entries(v, args.id)
    if ctx.wants_json():
        ctx.emit_json(item.as_json() | {"metadata": [list(m) for m in meta],
                                        "custody": [e.__dict__ for e in log]})
    else:
        print(f"{item.id}: {item.filename}  {item.sha256}")
        for k, val in meta:
            print(f"  {k}: {val}")
        for e in log:
            print(f"  {e.at}  {e.event:<9} {e.actor}  {e.detail}")
    return 0


def cmd_packet_build(args, ctx) -> int:
    from unionkit.packets import builder

    lang = args.packet_lang or (args.lang if getattr(args, "lang", None) in ("es", "en") else "es")
    res = builder.build(ctx.open_vault(), args.case, args.kind, Path(args.out), lang=lang,
                        redact=not args.no_redact, campaign_id=args.campaign)
    if ctx.wants_json():
        ctx.emit_json(res.as_json())
    else:
        print(_("Packet written to {dir} ({n} files) and {zip}").format(dir=res.dir, n=len(res.files),
                                                                         zip=res.zip))
        for w in res.warnings:
            print("  " + w)
    return 0


def cmd_packet_verify(args, ctx) -> int:
    from unionkit.packets.manifest import verify

    res = verify(Path(args.dir))
    if ctx.wants_json():
        ctx.emit_json(res.as_json())
    else:
        if res.ok:
            print(_("OK: {n} files match the manifest; signature: {sig}.").format(n=res.checked,
                                                                                   sig=res.signature))
        for name in res.mismatched:
            print(_("MISMATCH: {name}").format(name=name))
        for name in res.missing:
            print(_("MISSING: {name}").format(name=name))
        for name in res.unlisted:
            print(_("NOT IN THE MANIFEST: {name}").format(name=name))
        for name in res.zip_problems:
            print(_("ZIP: {problem}").format(problem=name))
        if res.signature == "invalid":
            print(_("The manifest signature does not verify."))
    return 0 if res.ok else 1
