"""Catalog maintenance: ``python -m unionkit.i18n_tools extract|todo|fill|check|compile``.

- ``extract [--domain D]``: scan the sources, update ``translations/<locale>/LC_MESSAGES/<D>.po``
  (new strings get an empty Spanish entry; English entries copy the source).
- ``todo --domain D``: print the untranslated es_MX strings of D as JSON ``{msgid: ""}``.
- ``fill --domain D FILE.json``: set es_MX translations from ``{msgid: msgstr}``.
- ``check``: exit 1 if an es_MX entry is missing or its ``{placeholders}`` differ from the source.
- ``compile``: build the ``.mo`` files (done by the setup script and the bundle, not committed).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from unionkit.i18n import DOMAINS, domain_for
from unionkit.paths import install_root, translations_dir

LOCALES = ("es_MX", "en")
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
_FIELD = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)?(?:[:!][^}]*)?\}")


def extract() -> dict[str, dict]:
    """{domain: {msgid_or_tuple: (context, [locations])}} from the package sources."""
    root = install_root()
    out: dict[str, dict] = defaultdict(dict)
    for filename, lineno, message, _comments, context in extract_from_dir(
            str(root / "unionkit"), method_map=[("**.py", "python")], keywords=KEYWORDS,
            comment_tags=("TRANSLATORS:",)):
        if filename.endswith("i18n_tools.py"):
            continue
        dom = domain_for(filename)
        key = (message, context)
        out[dom].setdefault(key, []).append((f"unionkit/{filename}", lineno))
    return out


def po_path(locale: str, domain: str) -> Path:
    return translations_dir() / locale / "LC_MESSAGES" / f"{domain}.po"


def _read(path: Path, locale: str, domain: str) -> Catalog:
    if path.exists():
        with path.open("rb") as fh:
            return read_po(fh, locale=locale, domain=domain)
    return Catalog(locale=locale, domain=domain, project="unionkit", charset="utf-8")


def _write(path: Path, catalog: Catalog) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        write_po(fh, catalog, width=100, sort_output=True, omit_header=False, no_location=True)


def update(domains: list[str]) -> None:
    found = extract()
    for dom in domains:
        for loc in LOCALES:
            path = po_path(loc, dom)
            old = _read(path, loc, dom)
            new = Catalog(locale=loc, domain=dom, project="unionkit", charset="utf-8")
            for (msgid, context), locations in sorted(found.get(dom, {}).items(), key=lambda kv: str(kv[0])):
                prev = old.get(msgid, context=context)
                if prev is not None and prev.string and any(prev.string if isinstance(prev.string, tuple)
                                                            else [prev.string]):
                    string = prev.string
                elif loc == "en":
                    string = msgid
                else:
                    string = ("", "") if isinstance(msgid, tuple) else ""
                new.add(msgid, string, locations=locations, context=context)
            _write(path, new)


def todo(domain: str) -> dict:
    cat = _read(po_path("es_MX", domain), "es_MX", domain)
    out = {}
    for m in cat:
        if not m.id:
            continue
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        if not all(strings):
            key = m.id[0] if isinstance(m.id, tuple) else m.id
            out[key] = ["", ""] if isinstance(m.id, tuple) else ""
    return out


def fill(domain: str, mapping: dict) -> int:
    path = po_path("es_MX", domain)
    cat = _read(path, "es_MX", domain)
    n = 0
    for m in cat:
        if not m.id:
            continue
        key = m.id[0] if isinstance(m.id, tuple) else m.id
        if key in mapping and mapping[key]:
            value = mapping[key]
            m.string = tuple(value) if isinstance(m.id, tuple) else value
            n += 1
    _write(path, cat)
    return n


def fields(text: str) -> set[str]:
    return {m.group(1) or "" for m in _FIELD.finditer(text)}


def problems() -> list[str]:
    """Missing Spanish entries and placeholder mismatches, one line each."""
    found = extract()
    out = []
    for dom in DOMAINS:
        cat = _read(po_path("es_MX", dom), "es_MX", dom)
        for (msgid, context) in found.get(dom, {}):
            m = cat.get(msgid, context=context)
            ids = msgid if isinstance(msgid, tuple) else (msgid,)
            if m is None or not m.string or not all(m.string if isinstance(m.string, tuple) else [m.string]):
                out.append(f"{dom}: missing es_MX translation: {ids[0]!r}")
                continue
            strings = m.string if isinstance(m.string, tuple) else (m.string,)
            for s in strings:
                if fields(s) != fields(ids[-1]) and fields(s) != fields(ids[0]):
                    out.append(f"{dom}: placeholders differ: {ids[0]!r} -> {s!r}")
    return out


def compile_all() -> int:
    n = 0
    for po in sorted(translations_dir().glob("*/LC_MESSAGES/*.po")):
        with po.open("rb") as fh:
            cat = read_po(fh)
        with po.with_suffix(".mo").open("wb") as fh:
            write_mo(fh, cat)
        n += 1
    return n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m unionkit.i18n_tools")
    sub = ap.add_subparsers(dest="cmd", required=True)
    e = sub.add_parser("extract")
    e.add_argument("--domain", choices=DOMAINS, action="append")
    t = sub.add_parser("todo")
    t.add_argument("--domain", choices=DOMAINS, required=True)
    f = sub.add_parser("fill")
    f.add_argument("--domain", choices=DOMAINS, required=True)
    f.add_argument("file")
    sub.add_parser("check")
    sub.add_parser("compile")
    a = ap.parse_args(argv)
    if a.cmd == "extract":
        update(a.domain or list(DOMAINS))
    elif a.cmd == "todo":
        print(json.dumps(todo(a.domain), ensure_ascii=False, indent=1))
    elif a.cmd == "fill":
        print(fill(a.domain, json.loads(Path(a.file).read_text(encoding="utf-8"))), "entries set")
    elif a.cmd == "check":
        errs = problems()
        for line in errs:
            print(line)
        return 1 if errs else 0
    elif a.cmd == "compile":
        print(compile_all(), "catalogs compiled")
    return 0


if __name__ == "__main__":
    sys.exit(main())
