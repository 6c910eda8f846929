"""Big roll snapshots live in the vault's encrypted file store; the SHA-256 check still guards them."""

import datetime as dt

import pytest
import sqlcipher3

from unionkit.errors import ValidationError
from unionkit.votes import rolls

FILING = dt.date(2026, 1, 15)


def test_big_snapshot_in_file_store_reads_back_identical(vault, add_people, monkeypatch):
    add_people(vault, 30)
    small = rolls.build_from_register(vault, "En la base", "revision", FILING)
    monkeypatch.setattr(rolls, "FILE_STORE_BYTES", 200)
    big = rolls.build_from_register(vault, "En archivo", "revision", FILING)
    data, blob_id = vault.query("SELECT data, data_blob_id FROM vote_roll WHERE id = ?", (big,))[0]
    assert data == b"" and blob_id is not None
    assert vault.query("SELECT data_blob_id FROM vote_roll WHERE id = ?", (small,))[0][0] is None
    assert rolls.entries(vault, big) == rolls.entries(vault, small)
    assert rolls.roll_info(vault, big)["sha256"] == rolls.roll_info(vault, small)["sha256"]
    stored = list((vault.folder / "blobs").glob("*.ukb"))
    assert len(stored) == 1
    # nothing of the roll is readable on disk
    assert b"Apellido0001" not in stored[0].read_bytes()


def test_altered_file_fails_the_roll_check(vault, add_people, monkeypatch):
    add_people(vault, 30)
    monkeypatch.setattr(rolls, "FILE_STORE_BYTES", 200)
    rid = rolls.build_from_register(vault, "P", "revision", FILING)
    [f] = (vault.folder / "blobs").glob("*.ukb")
    raw = bytearray(f.read_bytes())
    raw[100] ^= 1
    f.write_bytes(bytes(raw))
    assert rolls.verify(vault, rid) is False
    with pytest.raises(ValidationError):
        rolls.entries(vault, rid)


def test_failed_commit_leaves_no_file(vault, add_people, monkeypatch):
    add_people(vault, 30)
    monkeypatch.setattr(rolls, "FILE_STORE_BYTES", 200)
    with pytest.raises(sqlcipher3.IntegrityError):  # name NOT NULL: the transaction fails after staging
        rolls._store_text(vault, None, "revision", "register", FILING, "x" * 500, 1, 1)
    assert not list((vault.folder / "blobs").glob("*.ukb"))
    assert vault.scalar("SELECT count(*) FROM vote_roll") == 0


@pytest.mark.parametrize("purpose", ["revision", "representation", "election"])
def test_snapshot_in_two_halves_is_the_same_bytes(vault, add_people, monkeypatch, purpose):
    ids = add_people(vault, 41)
    vault.execute("UPDATE person SET confianza = 1 WHERE id IN (?, ?)", (ids[3], ids[30]))
    vault.execute("UPDATE person SET status = 'dismissed', status_date = '2025-12-20' WHERE id = ?", (ids[7],))
    vault.execute("UPDATE person SET primer_apellido = 'Zúñiga' WHERE id = ?", (ids[20],))
    one = rolls.build_from_register(vault, "uno", purpose, FILING)
    monkeypatch.setattr(rolls, "PARALLEL_FROM", 10)
    two = rolls.build_from_register(vault, "dos", purpose, FILING)
    assert rolls.roll_info(vault, one)["sha256"] == rolls.roll_info(vault, two)["sha256"]
    assert rolls.roll_info(vault, one)["eligible"] == rolls.roll_info(vault, two)["eligible"]
    assert [e.person_id for e in rolls.entries(vault, two)] == [p for p, _ok, _r in rolls.build_slow(vault, purpose,
                                                                                                    FILING)]
