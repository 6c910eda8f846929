"""The ``unionkit`` entry point: --version without Qt, and a real start to the start screen."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from unionkit.ui.launch import START_MARKER

ROOT = Path(__file__).resolve().parents[2]


def _run(args, tmp_path, timeout=60):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", UNIONKIT_CONFIG_DIR=str(tmp_path / "cfg"),
               PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "unionkit", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=timeout)


def test_version(tmp_path):
    out = _run(["--version"], tmp_path)
    assert out.returncode == 0 and out.stdout.startswith("unionkit ")


def test_starts_to_the_start_screen_and_quits(tmp_path):
    out = _run(["--print-ready", "--quit-after-ready"], tmp_path)
    assert out.returncode == 0, out.stderr
    assert START_MARKER in out.stdout
    assert "Error" not in out.stderr and "Traceback" not in out.stderr, out.stderr
    assert not (tmp_path / "cfg" / "crash.log").exists()
    settings = tmp_path / "cfg" / "settings.json"
    assert settings.is_file() and oct(settings.stat().st_mode & 0o777) == "0o600"
