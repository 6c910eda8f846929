"""The real Argon2id parameters (the suite otherwise uses a fast KDF by explicit setting)."""

import time

from tests.conftest import PASS
from unionkit.vault import Vault, header


def test_real_kdf_parameters_and_cost(tmp_path, monkeypatch):
    monkeypatch.delenv("UNIONKIT_TEST_FAST_KDF", raising=False)
    kdf = header.default_kdf()
    assert kdf["alg"] == "argon2id"
    assert kdf["memory_kib"] >= 65536 and kdf["time_cost"] >= 3 and kdf["parallelism"] == 4
    Vault.create(tmp_path / "v", PASS).close()
    t0 = time.perf_counter()
    with Vault.open(tmp_path / "v", PASS) as v:
        assert v.header.kdf == kdf
    elapsed = time.perf_counter() - t0
    assert 0.1 < elapsed < 10


def test_fast_kdf_only_with_the_explicit_setting(monkeypatch):
    monkeypatch.setenv("UNIONKIT_TEST_FAST_KDF", "1")
    assert header.default_kdf() == header.TEST_KDF
    monkeypatch.setenv("UNIONKIT_TEST_FAST_KDF", "0")
    assert header.default_kdf() == header.REAL_KDF
