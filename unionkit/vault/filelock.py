"""One writer per vault: an OS advisory lock, released by the kernel if the process dies.

A crash therefore never leaves a stale lock behind: the next process simply acquires it.
"""

from __future__ import annotations

import os
from pathlib import Path

from unionkit.errors import VaultLocked
from unionkit.i18n import _

if os.name == "nt":  # pragma: no cover - Windows
    import msvcrt
else:
    import fcntl


class VaultFileLock:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            if os.name == "nt":  # pragma: no cover
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            else:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise VaultLocked(_("This vault is already open in another window or program. "
                                "Close it there first.")) from None
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        try:
            if os.name != "nt":
                fcntl.flock(self._fd, fcntl.LOCK_UN)
        finally:
            os.close(self._fd)
            self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None
