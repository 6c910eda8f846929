"""Treasury metrics on a vault holding 1,000,000 ledger entries (``quick``: 100,000): the monthly
town-hall PDF, the full hash-chain verification, the ledger table's first paint, and one post."""

from __future__ import annotations

import os
import random
import tempfile
import time
from pathlib import Path

from benchmarks.util import median_time, metric

os.environ.setdefault("UNIONKIT_TEST_FAST_KDF", "1")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
PASSPHRASE = "benchmark passphrase 2026"
MONTHS = [f"{y}-{m:02d}" for y in range(2017, 2027) for m in range(1, 13)]  # 120 months


def _load(vault, n: int) -> float:
    from unionkit.ledger.entries import insert_entries

    rng = random.Random(7)
    income = [1, 2, 3, 4, 5]
    expense = list(range(8, 21))
    per_month = n // len(MONTHS)
    t0 = time.perf_counter()
    for month in MONTHS:
        rows = []
        for i in range(per_month):
            inc = rng.random() < 0.55
            cat = rng.choice(income if inc else expense)
            amount = rng.randint(100, 2_000_000)
            rows.append({"entry_date": f"{month}-{1 + i % 28:02d}", "account_id": 1 + (i % 2), "category_id": cat,
                         "amount": amount if inc else -amount, "memo": f"Movimiento {i}",
                         "counterparty": "Proveedor de prueba"})
        insert_entries(vault, rows)
    return time.perf_counter() - t0


def run(quick: bool = False) -> dict:
    from unionkit.ledger import chain, entries
    from unionkit.money import Money
    from unionkit.reports.treasury_monthly import build_monthly
    from unionkit.vault import Vault

    n = 100_000 if quick else 1_000_000
    tmp = Path(tempfile.mkdtemp(prefix="uk-bench-ledger-"))
    vault = Vault.create(tmp / "v", PASSPHRASE, union_name="Sindicato de Prueba")
    try:
        load_s = _load(vault, n)
        vault.close()  # measure as a user would: on a freshly opened vault (WAL checkpointed)
        vault = Vault.open(tmp / "v", PASSPHRASE)
        month = "2022-06"
        report_s = median_time(lambda: build_monthly(vault, month, tmp / "m.pdf"), repeat=3)
        verify = chain.verify(vault)
        assert verify.ok and verify.entries >= n - len(MONTHS), verify
        verify_s = median_time(lambda: chain.verify(vault), repeat=2)
        c0 = time.process_time()
        chain.verify(vault)
        verify_cpu_s = time.process_time() - c0  # what the chain costs when the machine is shared
        import datetime as dt

        t0 = time.perf_counter()
        for i in range(20):
            entries.post_entry(vault, entry_date=dt.date(2026, 12, 1 + i), account=1, category=2, amount=Money(15000))
        post_ms = (time.perf_counter() - t0) / 20 * 1000
        paint_ms = _first_paint_ms(vault)
    finally:
        vault.close()
        for p in sorted(tmp.rglob("*"), reverse=True):
            p.unlink() if p.is_file() else p.rmdir()
        tmp.rmdir()
    suffix = "100k" if quick else "1m"
    return {
        f"report_monthly_{suffix}_s": metric(report_s, "s"),
        f"ledger_verify_{suffix}_s": metric(verify_s, "s"),
        f"ledger_verify_{suffix}_cpu_s": metric(verify_cpu_s, "s"),
        f"ledger_table_first_paint_{suffix}_ms": metric(paint_ms, "ms", 1),
        f"ledger_post_{suffix}_ms": metric(post_ms, "ms", 2),
        f"ledger_bulk_load_{suffix}_s": metric(load_s, "s", 1),
    }


def _first_paint_ms(vault) -> float:
    from PySide6.QtWidgets import QApplication

    from unionkit.ui.treasury.page import TreasuryPage

    app = QApplication.instance() or QApplication([])
    page = TreasuryPage()
    page.resize(1280, 800)
    t0 = time.perf_counter()
    page.set_vault(vault)
    page.show()
    app.processEvents()
    page.grab()
    elapsed = (time.perf_counter() - t0) * 1000
    page.set_vault(None)
    page.close()
    page.deleteLater()
    app.processEvents()
    return elapsed
