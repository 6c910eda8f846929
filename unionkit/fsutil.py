"""Private, atomic file writes: 0600 files and 0700 folders whatever the umask (SECURITY R6)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700


def make_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents we create) as 0700; tighten an existing one."""
    path = Path(path)
    missing = []
    p = path
    while not p.exists():
        missing.append(p)
        p = p.parent
    for d in reversed(missing):
        d.mkdir(mode=DIR_MODE)
        os.chmod(d, DIR_MODE)
    if path.is_dir():
        os.chmod(path, DIR_MODE)
    return path


def fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_writer(path: Path, mode: str = "wb") -> Iterator:
    """Write to a private temp file beside ``path``; fsync and rename over it on success."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix="." + path.name + ".", suffix=".tmp", dir=path.parent)
    os.fchmod(fd, FILE_MODE) if hasattr(os, "fchmod") else None
    try:
        with os.fdopen(fd, mode) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        os.chmod(path, FILE_MODE)
        fsync_dir(path.parent)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_private(path: Path, data: bytes) -> None:
    with atomic_writer(path) as fh:
        fh.write(data)


def chmod_private_tree(root: Path) -> None:
    """Force 0700 on folders and 0600 on files under ``root`` (after SQLite created them)."""
    root = Path(root)
    if root.is_dir():
        os.chmod(root, DIR_MODE)
        for p in root.rglob("*"):
            os.chmod(p, DIR_MODE if p.is_dir() else FILE_MODE)
    elif root.exists():
        os.chmod(root, FILE_MODE)
