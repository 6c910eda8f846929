"""Members metrics: roster import (100,000 rows: read + validate + commit), the same inserts through the
vault vs. the same engine without encryption, the same roster as .xlsx, first paint and a filter
keystroke of the members table.

``members_import_ratio_vs_sqlite`` compares against sqlcipher3 with no key (plain SQLite 3.5x, same schema
and pragmas): the stdlib ``sqlite3`` on this machine (SQLite 3.40) lacks the trigram tokenizer's
``remove_diacritics`` option the schema uses, so it cannot build the same tables.
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.util import metric

os.environ.setdefault("UNIONKIT_TEST_FAST_KDF", "1")
PASSPHRASE = "benchmark passphrase 2026"


def _roster(tmp: Path, n: int) -> Path:
    from unionkit.demo.members import write_roster_csv

    path = tmp / f"roster-{n}.csv"
    write_roster_csv(path, n)
    return path


def import_seconds(tmp: Path, roster: Path, tag: str) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds of this process, wall seconds until the vault's background work is
    done) to import ``roster`` into a new vault. The import returns when its rows are committed,
    durable and searchable; the indexes that only speed up reads and the WAL checkpoint follow on a
    second connection (``unionkit.vault.pending``, ``unionkit.vault.checkpoint``)."""
    from unionkit.members.commit import import_file
    from unionkit.vault import Vault

    vault = Vault.create(tmp / f"v-import-{tag}", PASSPHRASE, union_name="Benchmark")
    try:
        t0, c0 = time.perf_counter(), time.process_time()
        result = import_file(vault, roster)
        elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
        vault.wait_for_checkpoint()
        settled = time.perf_counter() - t0
        assert result["committed"] and not result["rejected"], result["rejected"][:3]
    finally:
        vault.close()
    return elapsed, cpu, settled


def xlsx_import_seconds(tmp: Path, n: int) -> float:
    """Wall seconds to import the same synthetic roster saved as .xlsx (as Excel writes it: one ``r``
    position per cell), into a new vault — one run (the reader is the part that matters: openpyxl took
    ~47 s for 100,000 rows, python-calamine ~2 s)."""
    import openpyxl

    from unionkit.demo.members import roster_rows
    from unionkit.members.commit import import_file
    from unionkit.vault import Vault

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet()
    for row in roster_rows(n, random.Random(7)):
        ws.append(row)
    path = tmp / f"roster-{n}.xlsx"
    wb.save(path)
    vault = Vault.create(tmp / "v-xlsx", PASSPHRASE, union_name="Benchmark")
    try:
        t0 = time.perf_counter()
        result = import_file(vault, path)
        elapsed = time.perf_counter() - t0
        assert result["committed"] and result["imported"] == n, result["rejected"][:3]
    finally:
        vault.close()
    return elapsed


def _plain_connection(path: Path):
    import sqlcipher3

    from unionkit.vault.migrations import all_migrations

    conn = sqlcipher3.connect(str(path), isolation_level=None)
    for pragma in ("journal_mode = WAL", "foreign_keys = ON", "secure_delete = ON", "temp_store = MEMORY",
                   "synchronous = FULL", "cache_size = -65536"):
        conn.execute(f"PRAGMA {pragma}")
    for mod in all_migrations():
        conn.executescript(mod.SQL)
    return conn


def insert_ratio(tmp: Path, roster: Path) -> float:
    """Time of the person inserts of an import (one transaction, the importer's bulk path) in the vault /
    the same in an unencrypted database."""
    from unionkit.members.bulk_insert import insert_new
    from unionkit.members.importer import preview
    from unionkit.members.reader import read_table
    from unionkit.vault import Vault

    table = read_table(roster)
    stamp = "2026-01-01T00:00:00.000Z"

    def timed_insert(conn, prev) -> float:
        conn.execute("INSERT INTO import_batch(kind, filename, sha256) VALUES ('members', 'x', 'y')")
        wp_ids = {name.casefold(): conn.execute("INSERT INTO workplace(name) VALUES (?)", (name,)).lastrowid
                  for name in prev.new_workplaces}
        rows = prev.indexes("new")
        t0 = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        insert_new(conn, prev, rows, wp_ids, 1, "2026-01-01", stamp, None, None, len(rows))
        conn.execute("COMMIT")
        return time.perf_counter() - t0

    # Five alternating pairs, ratio of the medians: one pair is ~1 s per side, and on a shared machine a
    # single pair swings by ±30 %.
    enc, plain = [], []
    for i in range(5):
        vault = Vault.create(tmp / f"v-ratio-{i}", PASSPHRASE, union_name="Benchmark")
        prev = preview(vault, table)
        with vault.lock:
            enc.append(timed_insert(vault.conn, prev))
        vault.close()
        conn = _plain_connection(tmp / f"plain-{i}.db")
        plain.append(timed_insert(conn, prev))
        conn.close()
    return statistics.median(enc) / statistics.median(plain)


def ui_metrics(tmp: Path, roster: Path) -> tuple[float, float]:
    """(first paint of the members page over 100,000 people in ms, median ms per filter keystroke).

    A keystroke is measured from the new search text to the table repainted (the page's 80 ms typing
    debounce is not counted): typing "hernandez" letter by letter, then "nunez", "pena jo", a CURP prefix.
    """
    from PySide6.QtWidgets import QApplication

    from unionkit.vault import Vault

    app = QApplication.instance() or QApplication([])
    from unionkit.ui.members.page import MembersPage

    vault = Vault.open(tmp / "v-import-0", PASSPHRASE)
    try:
        page = MembersPage()
        page.resize(1280, 800)
        t0 = time.perf_counter()
        page.set_vault(vault)
        page.show()
        page.repaint()
        app.processEvents()
        paint = (time.perf_counter() - t0) * 1000
        queries = ["hernandez"[:i] for i in range(1, 10)] + ["nunez"[:i] for i in range(3, 6)] + \
            ["pena", "pena j", "pena jo"]
        times = []
        for q in queries:
            t0 = time.perf_counter()
            page.search.setText(q)
            page.apply_filter()
            page.table.viewport().repaint()
            app.processEvents()
            times.append((time.perf_counter() - t0) * 1000)
        page.set_vault(None)
        page.close()
        page.deleteLater()
        app.processEvents()
    finally:
        vault.close()
    return paint, statistics.median(times)


def run(quick: bool = False) -> dict:
    n = 10_000 if quick else 100_000
    with tempfile.TemporaryDirectory(prefix="uk-bench-members-") as t:
        tmp = Path(t)
        roster = _roster(tmp, n)
        runs = [import_seconds(tmp, roster, str(i)) for i in range(1 if quick else 3)]
        out = {
            "members_import_100k_s": metric(statistics.median(r[0] for r in runs), "s"),
            # CPU time of the same runs (all threads): on a shared, busy machine the wall time mostly
            # measures the queue.
            "members_import_100k_cpu_s": metric(statistics.median(r[1] for r in runs), "s"),
            # Until the deferred indexes and the checkpoint are done too (no target; for transparency).
            "members_import_100k_settled_s": metric(statistics.median(r[2] for r in runs), "s"),
            "members_import_ratio_vs_sqlite": metric(insert_ratio(tmp, roster), "ratio"),
            # No target in the issue; tracked since the XLSX reader moved to python-calamine (was ~47 s).
            "members_import_xlsx_100k_s": metric(xlsx_import_seconds(tmp, n), "s"),
        }
        try:
            paint, key = ui_metrics(tmp, roster)
        except ModuleNotFoundError:
            return out
        out["members_first_paint_ms"] = metric(paint, "ms", 1)
        out["members_filter_keystroke_ms"] = metric(key, "ms", 2)
        return out
