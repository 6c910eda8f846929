"""Typed per-user application settings, stored as JSON in the config folder (0600 file, 0700 folder).

Holds no personal data (SECURITY R19): the language, the auto-lock delay, the backup folder and how
many backups to keep, the paths of recently opened vaults (paths only, never union names) and the
window geometry. Qt-free: the UI converts the geometry to and from base64 text.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from unionkit.fsutil import make_private_dir, write_private
from unionkit.i18n import DEFAULT_LANGUAGE, LANGUAGES
from unionkit.paths import config_dir, default_vault_dir

log = logging.getLogger(__name__)

FILE_NAME = "settings.json"
AUTOLOCK_MIN, AUTOLOCK_MAX, AUTOLOCK_DEFAULT = 1, 30, 5
BACKUP_KEEP_MIN, BACKUP_KEEP_MAX, BACKUP_KEEP_DEFAULT = 1, 100, 10
RECENT_MAX = 8


def default_backup_folder() -> str:
    return str(default_vault_dir() / "backups")


def _clamp(value: object, lo: int, hi: int, default: int) -> int:
    try:
        n = int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default
    return max(lo, min(hi, n))


@dataclass
class Settings:
    language: str = DEFAULT_LANGUAGE
    autolock_minutes: int = AUTOLOCK_DEFAULT
    backup_folder: str = field(default_factory=default_backup_folder)
    backup_keep: int = BACKUP_KEEP_DEFAULT
    recent_vaults: list[str] = field(default_factory=list)
    window_geometry: str = ""  # base64 of QWidget.saveGeometry(), set by the UI

    def normalized(self) -> Settings:
        """Values out of range or of the wrong type fall back to their defaults."""
        self.language = self.language if self.language in LANGUAGES else DEFAULT_LANGUAGE
        self.autolock_minutes = _clamp(self.autolock_minutes, AUTOLOCK_MIN, AUTOLOCK_MAX, AUTOLOCK_DEFAULT)
        self.backup_keep = _clamp(self.backup_keep, BACKUP_KEEP_MIN, BACKUP_KEEP_MAX, BACKUP_KEEP_DEFAULT)
        if not isinstance(self.backup_folder, str) or not self.backup_folder.strip():
            self.backup_folder = default_backup_folder()
        recent = self.recent_vaults if isinstance(self.recent_vaults, list) else []
        self.recent_vaults = [str(p) for p in recent if isinstance(p, str) and p][:RECENT_MAX]
        if not isinstance(self.window_geometry, str):
            self.window_geometry = ""
        return self

    def add_recent(self, path: Path | str) -> None:
        """Put a vault path first in the recent list (no duplicates, at most RECENT_MAX)."""
        p = str(Path(path).expanduser().resolve())
        self.recent_vaults = [p] + [r for r in self.recent_vaults if r != p]
        del self.recent_vaults[RECENT_MAX:]

    def remove_recent(self, path: Path | str) -> None:
        p = str(Path(path).expanduser().resolve())
        self.recent_vaults = [r for r in self.recent_vaults if r != p]


def settings_path() -> Path:
    return config_dir() / FILE_NAME


def load(path: Path | None = None) -> Settings:
    """Read the settings; a missing or unreadable file gives the defaults (never an error)."""
    path = path or settings_path()
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError):
        log.warning("settings file unreadable, using defaults")
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    known = {f.name for f in fields(Settings)}
    return Settings(**{k: v for k, v in raw.items() if k in known}).normalized()


def save(settings: Settings, path: Path | None = None) -> Path:
    path = path or settings_path()
    make_private_dir(Path(path).parent)
    data = json.dumps(asdict(settings.normalized()), indent=2, ensure_ascii=False)
    write_private(Path(path), data.encode("utf-8"))
    return Path(path)
