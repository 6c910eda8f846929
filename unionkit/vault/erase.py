"""Quick delete by crypto-erase (SECURITY R18).

The database is encrypted under a random key that exists only wrapped in the two header copies.
Overwriting both copies with random bytes (and fsyncing) makes the database unreadable even to
someone who later learns the passphrase; the files are then unlinked. This does not touch the whole
database, so it takes well under a second whatever its size. Big stored files (``blobs/``) are
encrypted under keys kept only inside the database, so they are erased with it; they are unlinked too.

Limits, stated to the user: SSDs and journaling filesystems may keep old copies of the header
blocks, and backups stored elsewhere still open with their own passphrase. Destroying material that
is relevant to a pending legal claim can itself carry legal risk.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from unionkit.errors import NotAVault
from unionkit.fsutil import fsync_dir
from unionkit.i18n import _
from unionkit.vault import blobfiles, header
from unionkit.vault.vault import is_vault_folder


def _shred(path: Path) -> None:
    size = max(path.stat().st_size, 512)
    with path.open("r+b") as fh:
        fh.write(os.urandom(size))
        fh.flush()
        os.fsync(fh.fileno())
    path.unlink()


def crypto_erase(folder: Path, *, include_local_backups: bool = True) -> None:
    """Destroy the vault's keys, then its files. The vault must not be open."""
    folder = Path(folder).expanduser()
    if not is_vault_folder(folder):
        raise NotAVault(_("No vault at {path}.").format(path=str(folder)))
    for name in header.HEADER_NAMES:
        p = folder / name
        if p.exists():
            _shred(p)
    fsync_dir(folder)
    for name in ("vault.db", "vault.db-wal", "vault.db-shm", "vault.db-journal", "lock"):
        p = folder / name
        if p.exists():
            p.unlink()
    if (folder / blobfiles.DIR_NAME).is_dir():  # their keys were inside the database: already unreadable
        shutil.rmtree(folder / blobfiles.DIR_NAME)
    if include_local_backups and (folder / "backups").is_dir():
        shutil.rmtree(folder / "backups")
    try:
        folder.rmdir()
    except OSError:
        pass  # the user's own files stay
