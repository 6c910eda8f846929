"""Build the one-folder bundle with PyInstaller and run it: ``--version``, ``--self-test``, the GUI start.

One build per session (module-scoped fixture, ~1 min on 2 cores). The numbers (build time, size, start
times) are printed; run with ``-s`` to see them.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from unionkit import __version__

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "unionkit.spec"
HARD_LIMIT_MB = 200
TARGET_MB = 150

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle is built on Linux"),
    pytest.mark.skipif(shutil.which("objdump") is None, reason="PyInstaller needs binutils (objdump)"),
]


def folder_mb(path: Path) -> float:
    total = sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())
    return total / (1024 * 1024)


def clean_env(home: Path) -> dict[str, str]:
    """The environment a treasurer's session would have: no test knobs, no display, own HOME."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("UNIONKIT_", "QT_", "PYTHON")) and k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / ".local/share"),
               UNIONKIT_CONFIG_DIR=str(home / ".config" / "unionkit"), LANG="es_MX.UTF-8")
    return env


def run_timed(cmd: list[str], env: dict[str, str], cwd: Path, timeout: float = 120):
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    return proc, time.perf_counter() - t0


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> dict:
    work = tmp_path_factory.mktemp("pyinstaller")
    env = dict(os.environ, PYINSTALLER_CONFIG_DIR=str(work / "cache"))  # a cold cache, as on CI
    t0 = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(work / "dist"), "--workpath", str(work / "build"), str(SPEC)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    build_s = time.perf_counter() - t0
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-6000:]
    folder = work / "dist" / "unionkit"
    home = work / "home"
    home.mkdir()
    info = {"folder": folder, "exe": folder / "unionkit", "env": clean_env(home), "cwd": work,
            "build_s": build_s, "size_mb": folder_mb(folder)}
    print(f"\nbundle: built in {build_s:.0f} s, {info['size_mb']:.1f} MiB at {folder}")
    return info


def test_bundle_layout_and_size(bundle):
    folder = bundle["folder"]
    internal = folder / "_internal"
    for rel in ("resources/fonts/DejaVuSans.ttf", "translations/es_MX/LC_MESSAGES/core.mo",
                "translations/en/LC_MESSAGES/ui.mo", "PySide6/Qt/plugins/platforms/libqxcb.so",
                "PySide6/Qt/plugins/platforms/libqoffscreen.so", "PySide6/Qt/translations/qtbase_es.qm"):
        assert (internal / rel).is_file(), rel
    assert not list(internal.glob("translations/*/LC_MESSAGES/*.po")), "sources of the catalogs are not shipped"
    assert list(internal.glob("sqlcipher3/_sqlite3*.so")), "SQLCipher's native library"
    assert not list(internal.glob("PySide6/Qt/lib/libQt6Qml*")), "unused Qt modules are excluded"
    assert not (internal / "PySide6" / "QtNetwork.abi3.so").exists()
    assert not [p for p in folder.rglob("*") if p.is_symlink() and not p.exists()], "dangling links"
    desktop = (folder / "unionkit.desktop").read_text(encoding="utf-8")
    assert "Exec=unionkit" in desktop and "Icon=unionkit" in desktop
    assert (folder / "unionkit.png").stat().st_size > 1000
    assert os.access(folder / "install-desktop-entry.sh", os.X_OK)
    assert bundle["size_mb"] <= HARD_LIMIT_MB, f"{bundle['size_mb']:.1f} MiB"
    if bundle["size_mb"] > TARGET_MB:
        print(f"bundle: {bundle['size_mb']:.1f} MiB is above the {TARGET_MB} MiB target")


def test_version(bundle):
    proc, secs = run_timed([str(bundle["exe"]), "--version"], bundle["env"], bundle["cwd"], timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"unionkit {__version__}"
    print(f"\nbundle: --version in {secs:.2f} s")


def test_self_test(bundle):
    proc, secs = run_timed([str(bundle["exe"]), "--self-test"], bundle["env"], bundle["cwd"])
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out = proc.stdout
    assert f"unionkit {__version__} self-test (frozen, " in out
    for check in ("modules", "vault", "catalogs", "formats", "pdf", "qt"):
        assert re.search(rf"^\s+ok\s+{check}\s", out, re.M), out
    assert "platform offscreen" in out and "self-test passed" in out
    assert "Traceback" not in proc.stderr
    print(f"\nbundle: --self-test in {secs:.2f} s\n{out}")


def test_gui_starts_offscreen(bundle):
    """The real entry point: the start screen is shown (offscreen), then the app quits by itself."""
    env = dict(bundle["env"], QT_QPA_PLATFORM="offscreen")
    proc, secs = run_timed([str(bundle["exe"]), "--print-ready", "--quit-after-ready"], env, bundle["cwd"])
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "UNIONKIT_START_SCREEN_SHOWN" in proc.stdout
    assert "Traceback" not in proc.stderr
    print(f"\nbundle: GUI start screen shown and closed in {secs:.2f} s ({proc.stdout.strip()})")


def test_install_desktop_entry(bundle, tmp_path):
    env = dict(bundle["env"], XDG_DATA_HOME=str(tmp_path))
    proc = subprocess.run([str(bundle["folder"] / "install-desktop-entry.sh")], env=env, capture_output=True,
                          text=True, timeout=30)
    assert proc.returncode == 0, proc.stderr
    entry = (tmp_path / "applications" / "unionkit.desktop").read_text(encoding="utf-8")
    assert f'Exec="{bundle["exe"]}"' in entry
    assert f"Icon={tmp_path}/icons/hicolor/256x256/apps/unionkit.png" in entry
    assert (tmp_path / "icons" / "hicolor" / "256x256" / "apps" / "unionkit.png").is_file()
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(tmp_path / "applications" / "unionkit.desktop")],
                               capture_output=True, text=True)
        assert check.returncode == 0, check.stdout + check.stderr
    subprocess.run([str(bundle["folder"] / "install-desktop-entry.sh"), "--remove"], env=env, check=True,
                   capture_output=True, timeout=30)
    assert not (tmp_path / "applications" / "unionkit.desktop").exists()
