"""The ``unionkit`` command line (kept Qt-free so that ``--version`` and ``--help`` start fast)."""

from __future__ import annotations

import argparse

from unionkit import __version__
from unionkit.i18n import _

START_MARKER = "UNIONKIT_START_SCREEN_SHOWN"  # printed with --print-ready (benchmarks, smoke tests)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="unionkit", description=_("Encrypted records for independent unions."))
    p.add_argument("--demo", action="store_true", help=_("create a fresh demo vault and offer to open it"))
    p.add_argument("--demo-small", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--version", action="version", version=f"unionkit {__version__}")
    p.add_argument("--self-test", action="store_true", help=_("check this installation and exit"))
    p.add_argument("--lang", choices=("es", "es_MX", "en"), help=_("language of the interface"))
    p.add_argument("--print-ready", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--quit-after-ready", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--screenshot", metavar="PNG", help=argparse.SUPPRESS)
    return p
