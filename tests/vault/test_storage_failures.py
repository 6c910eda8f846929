"""Disk full (R9), damaged pages -> read-only (R10), refused filesystems (R13), pragmas (R2)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys

import pytest

from tests.conftest import PASS
from unionkit.vault import Vault
from unionkit.vault.location import UnsafeLocation, check_location, filesystem_of
from unionkit.vault.vault import VaultReadOnly

FILL = r"""
import resource, signal, sys
from unionkit.vault import Vault
from unionkit.vault.vault import StorageFull
folder, limit = sys.argv[1], int(sys.argv[2])
v = Vault.open(folder, sys.argv[3])
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
try:
    with v.transaction() as conn:
        conn.executemany("INSERT INTO setting(key, value) VALUES (?, ?)",
                         ((f"big{i}", "x" * 2000) for i in range(50000)))
except StorageFull as exc:
    print("FULL:", exc.message, flush=True)
v.set_setting("after", "still works")  # small writes keep working
print("alive", flush=True)
v.close()
"""


def test_disk_full_is_reported_and_loses_nothing(vault):
    folder = vault.folder
    vault.set_setting("before", "kept")
    digest = vault.logical_digest()
    vault.close()
    limit = (folder / "vault.db").stat().st_size + 512 * 1024
    p = subprocess.run([sys.executable, "-c", FILL, str(folder), str(limit), PASS], capture_output=True,
                       text=True, timeout=120)
    assert "FULL: El disco está lleno" in p.stdout, (p.stdout, p.stderr)
    with Vault.open(folder, PASS) as v:
        assert v.integrity_problems() == []
        assert v.get_setting("before") == "kept"
        assert v.scalar("SELECT count(*) FROM setting WHERE key LIKE 'big%'") == 0
        assert v.get_setting("after") in (None, "still works")
        v.execute("DELETE FROM setting WHERE key = 'after'")
        assert v.logical_digest() == digest


def test_damaged_pages_open_read_only_and_change_nothing(vault):
    for i in range(400):
        vault.set_setting(f"k{i}", "dato " * 40)
    folder = vault.folder
    vault.close()
    db = folder / "vault.db"
    data = bytearray(db.read_bytes())
    npages = len(data) // 4096
    for page in (2, npages - 2):
        off = page * 4096 + 100
        data[off:off + 3] = bytes(b ^ 0x5A for b in data[off:off + 3])
    db.write_bytes(bytes(data))
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    v = Vault.open(folder, PASS)
    try:
        assert v.read_only and len(v.damaged_pages) >= 2
        with pytest.raises(VaultReadOnly) as exc:
            v.set_setting("x", "y")
        assert "respaldo" in exc.value.message
    finally:
        v.close()
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


MOUNTINFO = """\
22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
40 22 0:35 / /mnt/nas rw - nfs4 server:/export rw
41 22 8:17 / /media/usb rw - vfat /dev/sdb1 rw
42 22 0:50 / /home/ana/gdrive rw - fuse.rclone gdrive: rw
43 22 8:33 / /media/ex rw - exfat /dev/sdc1 rw
"""


@pytest.mark.parametrize("path,refused", [("/home/ana/sindicato", False), ("/mnt/nas/sindicato", True),
                                          ("/media/usb/boveda", True), ("/home/ana/gdrive/x", True),
                                          ("/media/ex/b", True)])
def test_refused_filesystems(path, refused):
    if refused:
        with pytest.raises(UnsafeLocation):
            check_location(__import__("pathlib").Path(path), MOUNTINFO)
    else:
        assert check_location(__import__("pathlib").Path(path), MOUNTINFO) == []
    assert filesystem_of(__import__("pathlib").Path("/home/ana"), MOUNTINFO) == "ext4"


def test_sync_folder_warns(tmp_path):
    warnings = check_location(tmp_path / "Dropbox" / "sindicato", "22 1 8:1 / / rw - ext4 /dev/sda1 rw\n")
    assert warnings and "nube" in warnings[0]


def test_connection_settings_are_enforced(vault):
    assert vault.scalar("PRAGMA cipher_plaintext_header_size") in (0, "0")
    assert str(vault.scalar("PRAGMA cipher_log_level")).upper() == "NONE"
    with pytest.raises(Exception, match="not authorized"):
        vault.query("SELECT load_extension('x')")
    assert os.path.exists(vault.folder / "vault.db")
