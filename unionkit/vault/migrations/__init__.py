"""Schema migrations: one module per version, ``mNNNN_<area>.py`` with ``VERSION`` and ``SQL``.

Each module's SQL runs with the version bump in one transaction (Vorta's _apply_schema_update).
Every table has ``id INTEGER PRIMARY KEY``, a random ``uid`` (UUID v4) and created/updated
timestamps (``STD_COLUMNS``) so that vaults can later be merged between laptops.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

UUID_SQL = (
    "(lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || "
    "substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || "
    "substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))"
)
NOW_SQL = "(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"
STD_COLUMNS = (
    "id INTEGER PRIMARY KEY, "
    f"uid TEXT NOT NULL UNIQUE DEFAULT {UUID_SQL}, "
    f"created_at TEXT NOT NULL DEFAULT {NOW_SQL}, "
    f"updated_at TEXT NOT NULL DEFAULT {NOW_SQL}"
)


def all_migrations() -> list[ModuleType]:
    mods = []
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("m") and info.name[1:5].isdigit():
            mods.append(importlib.import_module(f"{__name__}.{info.name}"))
    mods.sort(key=lambda m: m.VERSION)
    versions = [m.VERSION for m in mods]
    if versions != list(range(1, len(mods) + 1)):
        raise RuntimeError(f"migration versions must be 1..N without gaps, got {versions}")
    return mods


def latest_version() -> int:
    return len(all_migrations())
