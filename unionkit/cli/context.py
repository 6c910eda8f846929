"""What every CLI command gets: the passphrase, the open vault, JSON output."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any

from unionkit.errors import UnionkitError
from unionkit.i18n import _
from unionkit.vault import Vault
from unionkit.vault.throttle import UnlockGuard


class CliContext:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._vault: Vault | None = None

    def vault_path(self) -> Path:
        path = getattr(self.args, "vault", None)
        if not path:
            raise UnionkitError(_("No vault given: use --vault PATH or set UNIONKIT_VAULT."))
        return Path(path).expanduser()

    def passphrase(self, prompt: str | None = None) -> str:
        f = getattr(self.args, "passphrase_file", None)
        if f:
            try:
                return Path(f).read_text(encoding="utf-8").splitlines()[0]
            except (OSError, IndexError, UnicodeDecodeError):
                raise UnionkitError(_("Cannot read a passphrase from {path}.").format(path=f)) from None
        env = os.environ.get("UNIONKIT_PASSPHRASE")
        if env:
            return env
        if not sys.stdin or not sys.stdin.isatty():
            raise UnionkitError(_("No passphrase: use --passphrase-file F or set UNIONKIT_PASSPHRASE."))
        return getpass.getpass(prompt or _("Passphrase: "))

    def open_vault(self) -> Vault:
        """Open the vault once per command (throttled after repeated wrong passphrases)."""
        if self._vault is None:
            path = self.vault_path()
            guard = UnlockGuard()
            self._vault = guard.open(path, self.passphrase())
        return self._vault

    def close(self) -> None:
        if self._vault is not None:
            self._vault.close()
            self._vault = None

    def emit_json(self, obj: Any) -> None:
        print(json.dumps(obj, ensure_ascii=False, indent=2, default=str))

    def wants_json(self) -> bool:
        return bool(getattr(self.args, "json", False))
