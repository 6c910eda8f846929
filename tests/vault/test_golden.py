"""Upgrades never lose data (SECURITY R30): vaults written by every released version open in this one.

``tests/data/vault_v<version>/`` is a small demo vault made by that release (fast test KDF), with its
counts and logical digest in ``vault_v<version>.json``. Add one per release; never edit old ones.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import PASS
from unionkit.checks import run_checks
from unionkit.cli.core import vault_info
from unionkit.vault import Vault
from unionkit.vault.migrate import current_version
from unionkit.vault.migrations import latest_version

DATA = Path(__file__).resolve().parents[1] / "data"
GOLDEN = sorted(p for p in DATA.glob("vault_v*") if p.is_dir())


@pytest.mark.parametrize("folder", GOLDEN, ids=[p.name for p in GOLDEN])
def test_golden_vault_opens_migrates_and_verifies(folder, tmp_path):
    meta = json.loads((folder.parent / (folder.name + ".json")).read_text(encoding="utf-8"))
    work = tmp_path / folder.name
    shutil.copytree(folder, work)
    told: list[str] = []
    with Vault.open(work, meta["passphrase"], progress=lambda _f, text: told.append(text)) as v:
        assert current_version(v.conn) == latest_version()
        # The unlock screen says that an upgrade is running (seconds on a big register), and only then.
        assert len(told) == (1 if meta["schema_version"] < latest_version() else 0)
        assert all("Actualizando la bóveda" in t for t in told)
        info = vault_info(v)
        for table, n in meta["counts"].items():
            assert info["counts"].get(table) == n, table
        if meta["schema_version"] == latest_version():
            assert v.logical_digest() == meta["digest"]
        assert all(r.ok for r in run_checks(v)), [r.message for r in run_checks(v) if not r.ok]
        # The name index rebuilt by m0008 finds what the names say (accents and case folded).
        v.execute("INSERT INTO person_fts(person_fts, rank) VALUES ('integrity-check', 1)")  # index = content
        for (name,) in v.query("SELECT search_text FROM person ORDER BY id LIMIT 20"):
            word = max(name.split(), key=len)
            hits = v.scalar("SELECT count(*) FROM person_fts WHERE person_fts MATCH ?", (f'"{word}"',))
            assert hits == v.scalar("SELECT count(*) FROM person WHERE search_text LIKE ?", (f"%{word}%",))
        # ... and the triggers of m0002 keep the rebuilt index in sync.
        v.execute("UPDATE person SET search_text = 'zzyzx prueba' WHERE id = (SELECT min(id) FROM person)")
        assert v.scalar("SELECT count(*) FROM person_fts WHERE person_fts MATCH '\"zzyzx\"'") == 1
        v.execute("INSERT INTO person_fts(person_fts, rank) VALUES ('integrity-check', 1)")
        # m0009 rebuilt the person table: uniqueness in named indexes (no autoindex), rows and ids kept.
        indexes = {r[0]: r[1] for r in v.query("SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                                               "AND tbl_name = 'person'")}
        assert sorted(indexes) == ["person_curp", "person_employee_no", "person_sort_name", "person_status",
                                   "person_uid"]
        assert "UNIQUE" in indexes["person_curp"] and "UNIQUE" in indexes["person_uid"]
        assert v.query("PRAGMA foreign_key_check") == [] and v.scalar("PRAGMA foreign_keys") == 1
        curp = v.scalar("SELECT curp FROM person WHERE curp IS NOT NULL LIMIT 1")
        with pytest.raises(Exception, match="UNIQUE"):
            v.execute("INSERT INTO person(nombre, curp) VALUES ('Copia', ?)", (curp,))


def test_no_upgrade_message_when_the_vault_is_current(vault_factory):
    v = vault_factory()
    folder = v.folder
    v.close()
    told: list[str] = []
    with Vault.open(folder, PASS, progress=lambda _f, text: told.append(text)):
        pass
    assert told == []


def test_there_is_a_golden_vault():
    assert GOLDEN
