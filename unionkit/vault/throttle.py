"""Failed unlocks are throttled with a growing delay that survives a restart (SECURITY R3-like).

The counter lives in the per-user config folder, keyed by a hash of the vault's path, never inside
the vault (a wrong passphrase must not change any vault file).
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable
from pathlib import Path

from unionkit.clock import SYSTEM_CLOCK, Clock
from unionkit.errors import ThrottledUnlock, WrongPassphrase
from unionkit.fsutil import make_private_dir, write_private
from unionkit.i18n import _, ngettext
from unionkit.paths import config_dir
from unionkit.vault.vault import Vault

FREE_ATTEMPTS = 3
MAX_DELAY_S = 300


def delay_after(failures: int) -> int:
    """0 s for the first three failures, then 2, 4, 8 ... seconds, at most five minutes."""
    if failures < FREE_ATTEMPTS:
        return 0
    return min(MAX_DELAY_S, 2 ** (failures - FREE_ATTEMPTS + 1))


class UnlockGuard:
    def __init__(self, clock: Clock = SYSTEM_CLOCK, state_file: Path | None = None) -> None:
        self.clock = clock
        self.state_file = state_file or (config_dir() / "unlock-throttle.json")

    def _key(self, vault: Path) -> str:
        return hashlib.sha256(str(Path(vault).expanduser().resolve()).encode()).hexdigest()[:32]

    def _load(self) -> dict:
        try:
            return json.loads(self.state_file.read_text())
        except (OSError, ValueError):
            return {}

    def _save(self, state: dict) -> None:
        make_private_dir(self.state_file.parent)
        write_private(self.state_file, json.dumps(state).encode())

    def wait_seconds(self, vault: Path) -> float:
        entry = self._load().get(self._key(vault))
        if not entry:
            return 0.0
        until = entry["last"] + delay_after(entry["failures"])
        return max(0.0, until - self.clock.now().timestamp())

    def check(self, vault: Path) -> None:
        wait = self.wait_seconds(vault)
        if wait > 0:
            secs = math.ceil(wait)
            raise ThrottledUnlock(ngettext("Too many wrong passphrases. Try again in {n} second.",
                                           "Too many wrong passphrases. Try again in {n} seconds.",
                                           secs).format(n=secs), wait_seconds=wait)

    def record_failure(self, vault: Path) -> int:
        state = self._load()
        key = self._key(vault)
        entry = state.get(key, {"failures": 0})
        entry = {"failures": entry["failures"] + 1, "last": self.clock.now().timestamp()}
        state[key] = entry
        self._save(state)
        return entry["failures"]

    def record_success(self, vault: Path) -> None:
        state = self._load()
        if state.pop(self._key(vault), None) is not None:
            self._save(state)

    def open(self, vault: Path, passphrase: str, progress: Callable[[float, str], None] | None = None) -> Vault:
        self.check(vault)
        try:
            v = Vault.open(vault, passphrase, progress=progress)
        except WrongPassphrase:
            n = self.record_failure(vault)
            wait = delay_after(n)
            if wait:
                raise WrongPassphrase(_("Wrong passphrase. Wait {n} seconds before the next try.")
                                      .format(n=wait)) from None
            raise
        self.record_success(vault)
        return v
