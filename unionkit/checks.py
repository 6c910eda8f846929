"""Whole-vault checks run by ``unionkit-cli check`` and the GUI's 'Verify vault'.

Each area contributes a function ``check_vault(vault) -> list[CheckResult]``; they are listed here
by dotted path so that the vault layer does not import the areas.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from unionkit.i18n import _
from unionkit.vault import Vault

AREA_CHECKS = (
    "unionkit.ledger.chain:check_vault",
    "unionkit.votes.integrity:check_vault",
    "unionkit.packets.custody:check_vault",
)


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    message: str
    detail: dict | None = None


def run_checks(vault: Vault) -> list[CheckResult]:
    problems = vault.integrity_problems()
    results = [CheckResult("integrity", not problems,
                           _("Database and encryption integrity: OK") if not problems else
                           _("Database or encryption integrity problems: {n}").format(n=len(problems)),
                           {"problems": problems[:50]})]
    for path in AREA_CHECKS:
        module_name, func = path.split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name and module_name.startswith(exc.name):
                continue  # the area is not part of this build
            raise
        results.extend(getattr(module, func)(vault))
    return results
