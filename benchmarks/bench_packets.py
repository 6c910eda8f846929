"""Claims metrics: ``evidence_intake_mb_s`` (add a 1 GB file: read, SHA-256, encrypt, store, commit),
``evidence_export_mb_s`` (export it back, hash re-checked) and ``packet_build_200mb_s`` (a redacted
RRLM packet with 200 MB of exhibits: folder, PDF, manifest, signature and ZIP). Real encrypted vaults
in a temp folder; the fast test KDF only shortens unlock."""

from __future__ import annotations

import io
import os
import random
import tempfile
import time
from pathlib import Path

from benchmarks.util import metric

MB = 1024 * 1024


def _write_random(path: Path, size: int) -> None:
    with open(path, "wb") as fh:
        left = size
        while left:
            n = min(left, 16 * MB)
            fh.write(os.urandom(n))
            left -= n


def _vault(folder: Path):
    os.environ.setdefault("UNIONKIT_TEST_FAST_KDF", "1")
    from unionkit.vault import Vault

    return Vault.create(folder, "benchmark passphrase", union_name="Benchmark")


def intake_mb_s(tmp: Path, size_mb: int) -> tuple[float, float]:
    """MB/s of adding ``size_mb`` (read + SHA-256 + encrypt + write + fsync + commit), then of exporting
    the original back (decrypt + SHA-256 check + write + fsync)."""
    from unionkit.packets import evidence

    src = tmp / "big.mp4"
    _write_random(src, size_mb * MB)
    v = _vault(tmp / "v1")
    try:
        t0 = time.perf_counter()
        item = evidence.add(v, src, description="benchmark")
        dt = time.perf_counter() - t0
        src.unlink()
        t0 = time.perf_counter()
        out = evidence.export(v, item.id, tmp / "export")
        de = time.perf_counter() - t0
        out.unlink()
    finally:
        v.close()
    return size_mb / dt, size_mb / de


def _photo(rng: random.Random, i: int) -> bytes:
    from PIL import Image

    im = Image.frombytes("RGB", (900, 675), rng.randbytes(900 * 675 * 3))
    out = io.BytesIO()
    im.save(out, format="JPEG", quality=92)
    return out.getvalue()


def packet_seconds(tmp: Path, total_mb: int) -> tuple[float, int]:
    from unionkit.packets import builder, cases, evidence, samples

    rng = random.Random(7)
    v = _vault(tmp / "v2")
    try:
        c = cases.create(v, "Benchmark", facility_name="Planta", facility_sector="manufacturing",
                         exports_to_us=1, facility_address="Km 5", narrative="Hechos.\n" * 40)
        for i in range(40):
            cases.add_event(v, c.id, f"2026-01-{1 + i % 28:02d}", f"Hecho número {i}", actors="RH")
        src = tmp / "src"
        src.mkdir()
        photos = [_photo(rng, i) for i in range(20)]
        used = 0
        for i, data in enumerate(photos):
            (src / f"foto{i:02d}.jpg").write_bytes(data)
            used += len(data)
        for i in range(5):
            (src / f"doc{i}.pdf").write_bytes(samples.pdf_with_author([f"Documento {i}"] * 30))
        n_videos = 4
        for i in range(n_videos):
            _write_random(src / f"video{i}.mp4", (total_mb * MB - used) // n_videos)
        for p in sorted(src.iterdir()):
            evidence.add(v, p, case_id=c.id, description=p.stem)
        total = sum(p.stat().st_size for p in src.iterdir())
        t0 = time.perf_counter()
        builder.build(v, c.id, "rrlm", tmp / "packet", lang="es")
        return time.perf_counter() - t0, total
    finally:
        v.close()


def run(quick: bool = False) -> dict:
    with tempfile.TemporaryDirectory(prefix="uk-bench-packets-") as d:
        tmp = Path(d)
        intake, export = intake_mb_s(tmp, 128 if quick else 1024)
        secs, total = packet_seconds(tmp, 40 if quick else 200)
    return {
        "evidence_intake_mb_s": metric(intake, "MB/s", 1),
        "evidence_export_mb_s": metric(export, "MB/s", 1),
        "packet_build_200mb_s": metric(secs, "s", 2),
        "packet_build_mb": metric(total / MB, "MB", 1),
    }
