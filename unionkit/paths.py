"""Where unionkit finds its resources and keeps its (non-secret) per-user settings."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def install_root() -> Path:
    """The folder holding ``resources/`` and ``translations/`` (source tree or frozen bundle)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return install_root() / "resources"


def translations_dir() -> Path:
    return install_root() / "translations"


def font_path(name: str = "DejaVuSans.ttf") -> Path:
    return resources_dir() / "fonts" / name


def config_dir() -> Path:
    """Per-user settings folder (0700). Holds no personal data: paths, language, throttle counters."""
    override = os.environ.get("UNIONKIT_CONFIG_DIR")
    if override:
        base = Path(override)
    elif sys.platform == "win32":
        base = Path(os.environ.get("APPDATA", Path.home())) / "unionkit"
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support" / "unionkit"
    else:
        base = Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config")) / "unionkit"
    return base


def default_vault_dir() -> Path:
    override = os.environ.get("UNIONKIT_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform.startswith("linux"):
        return Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "unionkit"
    return Path.home() / "unionkit"
