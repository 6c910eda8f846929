"""Who is doing something, for the append-only logs (evidence custody, support-list access): the name
set for the vault (a per-area setting such as ``packets.actor``), else the system user name."""

from __future__ import annotations

import getpass

from unionkit.vault import Vault


def current_actor(vault: Vault, setting: str) -> str:
    name = vault.get_setting(setting)
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in a bare container
        return ""
