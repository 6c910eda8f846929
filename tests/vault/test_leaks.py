"""Leak scan (SECURITY R1): a sentinel stored in the vault appears in no file under the vault folder,
$TMPDIR or $HOME, in UTF-8 or UTF-16, after normal work (store in the database and in the file store,
backup, close)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SENTINEL = "ZZ-Sentinela-Peña-7f3a9c"
WORK = r"""
import sys
from pathlib import Path
from unionkit.vault import Vault
from unionkit.vault.backup import backup_to_folder
from unionkit.vault.blobs import put_bytes
folder, sentinel = Path(sys.argv[1]), sys.argv[2]
v = Vault.create(folder, "frase de prueba", union_name="Sindicato " + sentinel)
v.set_setting("nota", sentinel * 50)
put_bytes(v, (sentinel * 1000).encode("utf-8"), filename="nota.txt")
from unionkit.vault import blobfiles
blobfiles.THRESHOLD, blobfiles.CHUNK = 4096, 8192  # also a file in the file store (blobs/)
put_bytes(v, (sentinel * 3000).encode("utf-16-le"), filename="video " + sentinel + ".mp4")
assert list((folder / "blobs").iterdir())
backup_to_folder(v, Path(sys.argv[3]), keep=2)
v.close()
v = Vault.open(folder, "frase de prueba")
assert v.get_setting("nota").startswith(sentinel)
v.close()
"""


def _needles(sentinel: str) -> list[bytes]:
    return [sentinel.encode("utf-8"), sentinel.encode("utf-16-le"), sentinel.encode("utf-16-be"),
            sentinel.encode("latin-1", "ignore")]


def scan(root: Path, sentinel: str = SENTINEL) -> list[str]:
    """Files under ``root`` that contain ``sentinel`` in UTF-8, UTF-16 (LE/BE) or Latin-1."""
    hits = []
    needles = _needles(sentinel)
    for p in root.rglob("*"):
        if p.is_file() and not p.is_symlink():
            data = p.read_bytes()
            if any(n in data for n in needles):
                hits.append(str(p))
    return hits


def test_sentinel_leaks_nowhere(tmp_path):
    home, tmp, data = tmp_path / "home", tmp_path / "tmp", tmp_path / "data"
    for d in (home, tmp, data):
        d.mkdir()
    env = {**os.environ, "HOME": str(home), "TMPDIR": str(tmp), "XDG_CONFIG_HOME": str(home / ".config"),
           "UNIONKIT_CONFIG_DIR": str(home / ".config" / "unionkit")}
    subprocess.run([sys.executable, "-c", WORK, str(data / "vault"), SENTINEL, str(data / "backups")],
                   check=True, env=env, timeout=120)
    assert (data / "vault" / "vault.db").exists()
    (tmp_path / "control.txt").write_text("x " + SENTINEL, encoding="utf-16")
    assert scan(tmp_path) == [str(tmp_path / "control.txt")]  # the scan finds it where it is
    assert list((data / "backups").iterdir())
    assert scan(data) == [] and scan(home) == [] and scan(tmp) == []
