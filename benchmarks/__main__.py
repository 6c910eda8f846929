"""Run every benchmark module (or ``--only AREA``) and print the metrics."""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import time

MODULES = ("bench_core", "bench_members", "bench_ledger", "bench_votes", "bench_packets")


def main() -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--only", action="append", help="run only these modules (e.g. bench_ledger)")
    ap.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    a = ap.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    results: dict = {}
    for name in MODULES:
        if a.only and name not in a.only and name.removeprefix("bench_") not in a.only:
            continue
        try:
            mod = importlib.import_module(f"benchmarks.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"benchmarks.{name}":
                continue
            raise
        t0 = time.perf_counter()
        results.update(mod.run(quick=a.quick))
        print(f"# {name}: {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    if a.json:
        print(json.dumps(results, indent=2))
    else:
        for k, v in results.items():
            print(f"{k:40s} {v['value']:>12} {v['unit']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
