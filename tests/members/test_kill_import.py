"""kill -9 during a 10,000-row import: the vault opens, passes integrity_check, and holds either the
people from before or those plus all 10,000 (one transaction)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.conftest import PASS
from unionkit.demo.members import write_roster_csv
from unionkit.members import joins
from unionkit.members.service import add_person
from unionkit.vault import Vault

ROOT = Path(__file__).resolve().parents[2]
CHILD = textwrap.dedent("""
    import sys
    from pathlib import Path
    from unionkit.members.commit import import_file
    from unionkit.vault import Vault

    vault = Vault.open(Path(sys.argv[1]), sys.argv[2])
    said = []

    def progress(fraction, text):
        if fraction >= 0.5 and not said:
            said.append(1)
            print("saving", flush=True)

    def holding(fraction, text):
        # Wait inside the transaction once the first chunk of people is written: the kill is certain
        # to land mid-import.
        if fraction > 0.5 and not said:
            said.append(1)
            print("inside", flush=True)
            import time
            time.sleep(60)

    import_file(vault, sys.argv[3], progress=holding if sys.argv[4:] == ["hold"] else progress)
    print("done", flush=True)
    vault.close()
""")


@pytest.mark.slow
@pytest.mark.parametrize("delay", [0.05, 0.4])
def test_kill_9_during_import(vault_factory, tmp_path, delay):
    vault = vault_factory()
    folder = vault.folder
    add_person(vault, {"nombre": "Antes", "primer_apellido": "Del Corte", "curp": "BOXW310820HNERXN09"})
    before = vault.scalar("SELECT count(*) FROM person")
    vault.close()
    roster = tmp_path / "grande.csv"
    write_roster_csv(roster, 10_000, seed=11)
    env = dict(os.environ, PYTHONPATH=str(ROOT), UNIONKIT_TEST_FAST_KDF="1")
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(folder), PASS, str(roster)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline().strip()
    assert line == "saving", proc.stderr.read()
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stdout.close()
    proc.stderr.close()
    v = Vault.open(folder, PASS)
    try:
        assert v.scalar("PRAGMA integrity_check") == "ok"
        n = v.scalar("SELECT count(*) FROM person")
        assert n in (before, before + 10_000)
        # The trigram index agrees with the names (the import may have committed before the kill:
        # it takes well under 0.4 s for 10,000 rows now, and "Cervantes" contains "antes").
        named = v.scalar("SELECT count(*) FROM person WHERE search_text LIKE '%antes%'")
        assert v.scalar("SELECT count(*) FROM person_fts WHERE person_fts MATCH '\"antes\"'") == named
        if n == before:
            assert named == 1
        joined = v.scalar(joins.with_events("SELECT count(*) FROM ev WHERE kind = 'join'"), (joins.reason(),))
        batches = v.scalar("SELECT count(*) FROM import_batch")
        assert (joined, batches) == ((0, 0) if n == before else (10_000, 1))
    finally:
        v.close()


@pytest.mark.slow
def test_kill_9_inside_the_import_transaction(vault_factory, tmp_path):
    """Killed for certain between two chunks of the bulk insert (indexes and FTS trigger dropped in the
    same transaction): nothing of the import remains, the indexes and the trigger are back."""
    vault = vault_factory()
    folder = vault.folder
    add_person(vault, {"nombre": "Antes", "primer_apellido": "Del Corte", "curp": "BOXW310820HNERXN09"})
    schema = vault.query("SELECT type, name, sql FROM sqlite_master ORDER BY name")
    vault.close()
    roster = tmp_path / "grande.csv"
    write_roster_csv(roster, 10_000, seed=12)
    env = dict(os.environ, PYTHONPATH=str(ROOT), UNIONKIT_TEST_FAST_KDF="1")
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(folder), PASS, str(roster), "hold"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline().strip()
    assert line == "inside", proc.stderr.read()
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stdout.close()
    proc.stderr.close()
    v = Vault.open(folder, PASS)
    try:
        assert v.scalar("PRAGMA integrity_check") == "ok"
        assert v.scalar("SELECT count(*) FROM person") == 1
        assert v.scalar("SELECT count(*) FROM membership_event") == 0
        assert v.scalar("SELECT count(*) FROM import_batch") == 0
        assert v.query("SELECT type, name, sql FROM sqlite_master ORDER BY name") == schema
        add_person(v, {"nombre": "Después", "primer_apellido": "Del Corte", "curp": "BOXW310820MNERXN09"})
        assert v.scalar("SELECT count(*) FROM person_fts WHERE person_fts MATCH '\"despues\"'") == 1
    finally:
        v.close()
