"""Benchmarks: ``python -m benchmarks --json`` prints one JSON object ``{metric: {value, unit}}``.

Each area has ``benchmarks/bench_<area>.py`` with ``run(quick: bool) -> dict``. They run with the
real SQLCipher and, where the metric says so, the real KDF.
"""
