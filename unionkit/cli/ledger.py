"""CLI commands of the ledger area (filled in by the ledger work)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    """Add this area's sub-commands to ``sub``."""
