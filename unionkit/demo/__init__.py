"""The demo vault: realistic synthetic data (Spanish names, valid CURPs) for every area.

Each area contributes ``populate(vault, rng, small, progress)`` in ``unionkit/demo/<area>.py``,
run in the order of ``AREAS`` (members first: the others draw on its people).
"""

from __future__ import annotations

import importlib
import random
from collections.abc import Callable
from pathlib import Path

from unionkit.vault import Vault

DEMO_PASSPHRASE = "demo-sindicato-2026"
DEMO_UNION = "Sindicato Independiente de Trabajadores de Autopartes del Bajío"
AREAS = ("members", "ledger", "votes", "packets")


def create_demo(path: Path, *, small: bool = False, progress: Callable[[str, float], None] | None = None,
                passphrase: str = DEMO_PASSPHRASE) -> Path:
    """Create a demo vault at ``path`` and fill it; returns the path."""
    vault = Vault.create(Path(path), passphrase, union_name=DEMO_UNION)
    rng = random.Random(20190501)
    try:
        for i, area in enumerate(AREAS):
            try:
                module = importlib.import_module(f"unionkit.demo.{area}")
            except ModuleNotFoundError as exc:
                if exc.name == f"unionkit.demo.{area}":
                    continue
                raise
            if progress:
                progress(area, i / len(AREAS))
            module.populate(vault, rng, small=small)
    finally:
        vault.close()
    return Path(path)
