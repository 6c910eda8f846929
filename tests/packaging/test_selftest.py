"""``unionkit.selftest`` unfrozen (fast): the same checks the bundle runs, from the source tree."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from unionkit import __version__, selftest

ROOT = Path(__file__).resolve().parents[2]


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(HOME=str(tmp_path), TMPDIR=str(tmp_path), PYTHONPATH=str(ROOT))
    return env


def test_selftest_passes_in_a_subprocess(tmp_path):
    proc = subprocess.run([sys.executable, "-c", "import sys, unionkit.selftest as s; sys.exit(s.main())"],
                          cwd=tmp_path, env=_env(tmp_path), capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].startswith(f"unionkit {__version__} self-test (Python ")
    assert [line.split()[1] for line in lines[1:-1]] == [name for name, _fn in selftest.CHECKS]
    assert all(line.split()[0] == "ok" for line in lines[1:-1]), proc.stdout
    assert "platform offscreen" in proc.stdout  # it set QT_QPA_PLATFORM itself: no display was given
    assert lines[-1].startswith("self-test passed: 6 checks")
    assert not list(tmp_path.glob("unionkit-selftest-*")), "the temporary vault is removed"


def test_a_failing_check_gives_exit_1_and_says_why(tmp_path):
    code = ("import sys, unionkit.selftest as s\n"
            "def broken(tmp):\n"
            "    raise s.CheckFailed('the widget shows no text')\n"
            "s.CHECKS[:] = [('formats', s.check_formats), ('qt', broken)]\n"
            "sys.exit(s.main())\n")
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=_env(tmp_path), capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 1
    assert "FAIL qt" in proc.stdout and "the widget shows no text" in proc.stdout
    assert "self-test FAILED: 1 of 2 checks" in proc.stdout


def test_an_unexpected_error_is_reported_not_raised(tmp_path):
    code = ("import sys, unionkit.selftest as s\n"
            "def boom(tmp):\n"
            "    raise OSError(28, 'No space left on device')\n"
            "s.CHECKS[:] = [('vault', boom)]\n"
            "sys.exit(s.main())\n")
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=_env(tmp_path), capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 1
    assert "FAIL vault" in proc.stdout and "OSError" in proc.stdout and "No space left" in proc.stdout
    assert "Traceback" not in proc.stderr


def test_every_module_check_names_a_broken_module(tmp_path):
    """A module that cannot import (as when a bundle lacks a Qt module) is named in the report."""
    pkg = tmp_path / "fakepkg"
    (pkg / "unionkit_extra").mkdir(parents=True)
    code = ("import sys, unionkit, unionkit.selftest as s\n"
            f"unionkit.__path__.append({str(pkg / 'unionkit_extra')!r})\n"
            "open(unionkit.__path__[-1] + '/zz_broken.py', 'w').write('import PySide6.QtNoSuchModule\\n')\n"
            "s.CHECKS[:] = [('modules', s.check_modules)]\n"
            "sys.exit(s.main())\n")
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=_env(tmp_path), capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 1, proc.stdout
    assert "unionkit.zz_broken (ModuleNotFoundError" in proc.stdout
