"""Build the one-folder bundle with PyInstaller and run it: ``--version``, ``--self-test``, the GUI start.

A single test (so that pytest-xdist builds once, not once per worker): ~1-1.5 min on 2 cores. The numbers
(build time, size, start times) are printed; run with ``-s`` to see them.
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


def build(work: Path) -> tuple[Path, float]:
    env = dict(os.environ, PYINSTALLER_CONFIG_DIR=str(work / "cache"))  # a cold cache, as on CI
    t0 = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(work / "dist"), "--workpath", str(work / "build"), str(SPEC)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-6000:]
    return work / "dist" / "unionkit", time.perf_counter() - t0


def check_layout(folder: Path) -> None:
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


def check_version(exe: Path, env: dict, cwd: Path) -> float:
    proc, secs = run_timed([str(exe), "--version"], env, cwd, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"unionkit {__version__}"
    return secs


def check_self_test(exe: Path, env: dict, cwd: Path) -> tuple[float, str]:
    proc, secs = run_timed([str(exe), "--self-test"], env, cwd)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out = proc.stdout
    assert f"unionkit {__version__} self-test (frozen, " in out
    for check in ("modules", "vault", "catalogs", "formats", "pdf", "qt"):
        assert re.search(rf"^\s+ok\s+{check}\s", out, re.M), out
    assert "platform offscreen" in out and "self-test passed" in out
    assert "Traceback" not in proc.stderr
    return secs, out


def check_gui_start(exe: Path, env: dict, cwd: Path) -> tuple[float, str]:
    """The real entry point: the start screen is shown (offscreen), then the app quits by itself."""
    env = dict(env, QT_QPA_PLATFORM="offscreen")
    proc, secs = run_timed([str(exe), "--print-ready", "--quit-after-ready"], env, cwd)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "UNIONKIT_START_SCREEN_SHOWN" in proc.stdout
    assert "Traceback" not in proc.stderr
    return secs, proc.stdout.strip()


def check_desktop_entry(folder: Path, env: dict, data_home: Path) -> None:
    env = dict(env, XDG_DATA_HOME=str(data_home))
    script = str(folder / "install-desktop-entry.sh")
    proc = subprocess.run([script], env=env, capture_output=True, text=True, timeout=30)
    assert proc.returncode == 0, proc.stderr
    entry_path = data_home / "applications" / "unionkit.desktop"
    entry = entry_path.read_text(encoding="utf-8")
    assert f'Exec="{folder / "unionkit"}"' in entry
    assert f"Icon={data_home}/icons/hicolor/256x256/apps/unionkit.png" in entry
    assert (data_home / "icons" / "hicolor" / "256x256" / "apps" / "unionkit.png").is_file()
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(entry_path)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout + check.stderr
    subprocess.run([script, "--remove"], env=env, check=True, capture_output=True, timeout=30)
    assert not entry_path.exists()


def test_bundle_builds_and_runs(tmp_path):
    """One test, one build: pytest-xdist would otherwise build once per worker."""
    folder, build_s = build(tmp_path)
    size_mb = folder_mb(folder)
    print(f"\nbundle: built in {build_s:.0f} s, {size_mb:.1f} MiB at {folder}")
    check_layout(folder)
    assert size_mb <= HARD_LIMIT_MB, f"{size_mb:.1f} MiB"
    if size_mb > TARGET_MB:
        print(f"bundle: {size_mb:.1f} MiB is above the {TARGET_MB} MiB target")
    home = tmp_path / "home"
    home.mkdir()
    env = clean_env(home)
    exe = folder / "unionkit"
    print(f"bundle: --version in {check_version(exe, env, tmp_path):.2f} s")
    secs, report = check_self_test(exe, env, tmp_path)
    print(f"bundle: --self-test in {secs:.2f} s\n{report}")
    secs, marker = check_gui_start(exe, env, tmp_path)
    print(f"bundle: GUI start screen shown and closed in {secs:.2f} s ({marker})")
    check_desktop_entry(folder, env, tmp_path / "data")
