"""unionkit-cli: the same services as the GUI, headless.

Exit status: 0 success; 1 user error (one translated line on stderr, no traceback); 2 bad usage.
Each area registers its sub-commands from its own module (``AREAS``).
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import os
import sys
from collections.abc import Sequence

from unionkit import __version__, i18n
from unionkit.cli.context import CliContext
from unionkit.errors import UnionkitError
from unionkit.i18n import _

AREAS = ("core", "members", "ledger", "report", "votes", "packets")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # exit 2 on bad usage, message on stderr
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {_('error')}: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="unionkit-cli", description=_("unionkit, headless: vault, members, treasury, votes, "
                                                   "claims."))
    p.add_argument("--version", action="version", version=f"unionkit {__version__}")
    p.add_argument("--vault", metavar="PATH", default=os.environ.get("UNIONKIT_VAULT"),
                   help=_("the vault folder (or set UNIONKIT_VAULT)"))
    p.add_argument("--passphrase-file", metavar="F",
                   help=_("read the passphrase from the first line of F (else UNIONKIT_PASSPHRASE, "
                          "else a prompt)"))
    p.add_argument("--lang", choices=["es", "en"], help=_("language of messages and documents"))
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for area in AREAS:
        importlib.import_module(f"unionkit.cli.{area}").register(sub)
    return p


def _early_language(argv: Sequence[str]) -> None:
    lang = None
    for i, a in enumerate(argv):
        if a == "--lang" and i + 1 < len(argv):
            lang = argv[i + 1]
        elif a.startswith("--lang="):
            lang = a.split("=", 1)[1]
    i18n.set_language("es_MX" if lang == "es" else lang or i18n.system_language())


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    os.umask(0o077)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    _early_language(argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    ctx = CliContext(args)
    try:
        rc = args.handler(args, ctx)
    except UnionkitError as exc:
        print(f"unionkit-cli: {exc.message}", file=sys.stderr)
        if getattr(args, "json", False):
            print(json.dumps({"ok": False, "error": exc.code, "message": exc.message}, ensure_ascii=False))
        return 1
    except KeyboardInterrupt:
        print(_("Interrupted."), file=sys.stderr)
        return 130
    finally:
        ctx.close()
    return int(rc or 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
