"""CLI commands of the packets area (filled in by the packets work)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    """Add this area's sub-commands to ``sub``."""
