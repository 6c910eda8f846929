"""Where a live vault may live (SECURITY R13).

SQLite's locking and fsync are unreliable on network filesystems, FUSE cloud-sync mounts and
FAT/exFAT removable media, so the live vault is refused there (backups there are fine). A folder
inside a sync client (Dropbox, Google Drive, OneDrive, ...) gets a warning: the sync client copies
half-written files and can resurrect old versions.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from unionkit.errors import VaultError
from unionkit.i18n import _

REFUSED_FS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "sshfs", "vfat", "exfat", "msdos", "fat",
              "fuseblk", "ntfs3"}
SYNC_MARKERS = ("dropbox", "google drive", "googledrive", "onedrive", "icloud", "mega", "nextcloud",
                "owncloud", "syncthing", "pcloud", "box sync")


class UnsafeLocation(VaultError):
    code = "unsafe_location"


@dataclass(frozen=True)
class Mount:
    mount_point: str
    fstype: str


def parse_mountinfo(text: str) -> list[Mount]:
    mounts = []
    for line in text.splitlines():
        if " - " not in line:
            continue
        left, right = line.split(" - ", 1)
        fields = left.split()
        if len(fields) < 5 or not right.split():
            continue
        point = fields[4].replace("\\040", " ")
        mounts.append(Mount(point, right.split()[0]))
    return mounts


def filesystem_of(path: Path, mountinfo: str | None = None) -> str:
    if mountinfo is None:
        try:
            mountinfo = Path("/proc/self/mountinfo").read_text()
        except OSError:
            return "unknown"
    p = str(Path(path).expanduser().absolute())
    best = Mount("", "unknown")
    for m in parse_mountinfo(mountinfo):
        mp = m.mount_point.rstrip("/") or "/"
        if (p == mp or p.startswith(mp.rstrip("/") + "/") or mp == "/") and len(mp) >= len(best.mount_point):
            best = m
    return best.fstype


def check_location(folder: Path, mountinfo: str | None = None) -> list[str]:
    """Raise UnsafeLocation for refused filesystems; return warnings (sync folders)."""
    folder = Path(folder).expanduser()
    probe = folder if folder.exists() else folder.parent
    fstype = filesystem_of(probe, mountinfo)
    if fstype in REFUSED_FS or fstype.startswith("fuse."):
        raise UnsafeLocation(_("A vault cannot live on this kind of drive ({fstype}: network, cloud-sync or "
                               "FAT/exFAT USB). Keep it on the laptop's own disk and put backups on the "
                               "USB stick.").format(fstype=fstype))
    lowered = str(folder.absolute()).lower()
    warnings = []
    if any(m in part for part in lowered.split(os.sep) for m in SYNC_MARKERS):
        warnings.append(_("This folder seems to be synchronised to the cloud: the sync program may copy the "
                          "vault while it is being written. Prefer a folder outside it and use backups."))
    return warnings
