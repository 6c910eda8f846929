"""Core metrics: ``unlock_s`` (open a vault with the real Argon2id cost) and ``cold_start_s``
(process start to the start screen shown, offscreen, in a fresh process)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.util import median_time, metric

PASSPHRASE = "benchmark passphrase, quite long 2026"


def unlock_seconds(repeat: int) -> float:
    from unionkit.vault import Vault
    from unionkit.vault.header import REAL_KDF

    with tempfile.TemporaryDirectory(prefix="uk-bench-") as tmp:
        folder = Path(tmp) / "vault"
        Vault.create(folder, PASSPHRASE, union_name="Benchmark", kdf=dict(REAL_KDF)).close()
        return median_time(lambda: Vault.open(folder, PASSPHRASE).close(), repeat=repeat)


def cold_start_seconds(repeat: int) -> float:
    from unionkit.ui.launch import START_MARKER

    root = Path(__file__).resolve().parent.parent
    times = []
    with tempfile.TemporaryDirectory(prefix="uk-bench-cfg-") as cfg:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", UNIONKIT_CONFIG_DIR=cfg,
                   PYTHONPATH=str(root) + os.pathsep + os.environ.get("PYTHONPATH", ""))
        env.pop("UNIONKIT_TEST_FAST_KDF", None)
        for _i in range(repeat):
            t0 = time.perf_counter()
            proc = subprocess.Popen([sys.executable, "-m", "unionkit", "--print-ready", "--quit-after-ready"],
                                    cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                    text=True)
            assert proc.stdout is not None
            shown = None
            for line in proc.stdout:
                if line.startswith(START_MARKER):
                    shown = time.perf_counter() - t0
                    break
            proc.wait(timeout=60)
            if shown is None:
                raise RuntimeError("the start screen was never shown")
            times.append(shown)
    return statistics.median(times)


def run(quick: bool = False) -> dict:
    repeat = 1 if quick else 3
    saved = os.environ.pop("UNIONKIT_TEST_FAST_KDF", None)  # unlock_s is measured with the real KDF
    try:
        unlock = unlock_seconds(repeat)
    finally:
        if saved is not None:
            os.environ["UNIONKIT_TEST_FAST_KDF"] = saved
    return {"unlock_s": metric(unlock, "s"), "cold_start_s": metric(cold_start_seconds(repeat), "s")}
