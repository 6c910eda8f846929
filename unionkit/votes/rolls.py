"""Rolls (padrones): frozen snapshots with their SHA-256 (DOMAIN §2 "padrón is a frozen snapshot").

A roll is built from the member register (``person``) or imported from a roster file; every person
considered is kept, eligible or excluded with the reason (``eligibility``). The snapshot is a canonical
TSV text — one line per person in roll order: ``eligible, reason, CURP, full name, hire date, sex,
person id`` — stored zlib-compressed in ``vote_roll.data``; ``vote_roll.sha256`` is the hash of that
text and is printed on every document made from the roll. Nothing about ballots is ever stored here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from unionkit.errors import ValidationError
from unionkit.i18n import _
from unionkit.vault import Vault
from unionkit.votes.eligibility import Candidate, evaluate

_PERSON_SQL = """SELECT id, nombre, primer_apellido, segundo_apellido, COALESCE(curp, ''), hire_date, confianza,
is_member, status, status_date, birth_date, sex FROM person {where} ORDER BY sort_name, id"""


@dataclass(frozen=True)
class RollEntry:
    eligible: bool
    reason: str
    curp: str
    full_name: str
    hire_date: str
    sex: str
    person_id: int | None


def _d(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text[:10]) if text else None


def _clean(text: str) -> str:
    return " ".join((text or "").replace("\t", " ").split())


def encode(entries: list[RollEntry]) -> str:
    """The canonical text whose SHA-256 identifies the roll."""
    return "".join(
        f"{int(e.eligible)}\t{e.reason}\t{e.curp}\t{_clean(e.full_name)}\t{e.hire_date}\t{e.sex}\t"
        f"{'' if e.person_id is None else e.person_id}\n" for e in entries)


def decode(text: str) -> list[RollEntry]:
    out = []
    for line in text.splitlines():
        el, reason, curp, name, hire, sex, pid = line.split("\t")
        out.append(RollEntry(el == "1", reason, curp, name, hire, sex, int(pid) if pid else None))
    return out


def _store(vault: Vault, name: str, purpose: str, source: str, as_of: dt.date, entries: list[RollEntry]) -> int:
    text = encode(entries)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    eligible = sum(1 for e in entries if e.eligible)
    with vault.transaction() as conn:
        cur = conn.execute(
            "INSERT INTO vote_roll (name, purpose, source, as_of, eligible, excluded, sha256, data, frozen_at) "
            "VALUES (?,?,?,?,?,?,?,?,?)",
            (name, purpose, source, as_of.isoformat(), eligible, len(entries) - eligible, digest,
             zlib.compress(text.encode("utf-8"), 6), dt.datetime.now(dt.UTC).isoformat(timespec="seconds")))
        return int(cur.lastrowid)


def _standing(vault: Vault, as_of: dt.date) -> dict[int, int] | None:
    try:
        from unionkit.ledger.standing import months_behind_by_person
    except ImportError:  # treasury area not installed
        return None
    return months_behind_by_person(vault, as_of)


def build_from_register(vault: Vault, name: str, purpose: str, as_of: dt.date, *,
                        workplace_id: int | None = None, check_dues: bool = False) -> int:
    """Freeze a roll from the register as of ``as_of`` (the filing / cut-off date); returns its id."""
    where, params = "", ()
    if workplace_id is not None:
        where, params = "WHERE workplace_id = ?", (workplace_id,)
    rows = vault.query(_PERSON_SQL.format(where=where), params)
    behind = _standing(vault, as_of) if check_dues else None
    entries = []
    for pid, nombre, ap1, ap2, curp, hire, confianza, member, status, sdate, birth, sex in rows:
        full = " ".join(p for p in (ap1, ap2, nombre) if p)
        cand = Candidate(full, curp, _d(hire), bool(confianza), status, _d(sdate), bool(member), _d(birth),
                         good_standing=behind is None or behind.get(pid, 0) == 0)
        ok, reason = evaluate(cand, purpose, as_of, check_dues=check_dues and behind is not None)
        entries.append(RollEntry(ok, reason, curp, full, hire or "", sex, pid))
    return _store(vault, name, purpose, "register", as_of, entries)


def import_roll(vault: Vault, path: str | Path, name: str, purpose: str, as_of: dt.date) -> int:
    """Freeze a roll from a roster file (the members importer's reader); exclusions keep their reason."""
    from unionkit.votes.rosterfile import read_roll_entries

    return _store(vault, name, purpose, "import", as_of, read_roll_entries(path, as_of, purpose))


def roll_info(vault: Vault, roll_id: int) -> dict:
    row = vault.query("SELECT id, name, purpose, source, as_of, eligible, excluded, sha256, frozen_at "
                      "FROM vote_roll WHERE id = ?", (roll_id,))
    if not row:
        raise ValidationError(_("There is no roll number {id}.").format(id=roll_id))
    keys = ("id", "name", "purpose", "source", "as_of", "eligible", "excluded", "sha256", "frozen_at")
    return dict(zip(keys, row[0], strict=True))


def list_rolls(vault: Vault) -> list[dict]:
    return [roll_info(vault, r[0]) for r in vault.query("SELECT id FROM vote_roll ORDER BY id")]


def entries(vault: Vault, roll_id: int) -> list[RollEntry]:
    """All entries (eligible and excluded) in roll order; raises if the snapshot was altered."""
    data, digest = _raw(vault, roll_id)
    return list(_decode_cached(data, digest))


@lru_cache(maxsize=4)
def _decode_cached(data: bytes, digest: str) -> tuple[RollEntry, ...]:
    text = zlib.decompress(data).decode("utf-8")
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != digest:
        raise ValidationError(_("The roll snapshot does not match its SHA-256: it was altered."))
    return tuple(decode(text))


def _raw(vault: Vault, roll_id: int) -> tuple[bytes, str]:
    row = vault.query("SELECT data, sha256 FROM vote_roll WHERE id = ?", (roll_id,))
    if not row:
        raise ValidationError(_("There is no roll number {id}.").format(id=roll_id))
    return bytes(row[0][0]), row[0][1]


def eligible(vault: Vault, roll_id: int) -> list[RollEntry]:
    return [e for e in entries(vault, roll_id) if e.eligible]


def verify(vault: Vault, roll_id: int) -> bool:
    data, digest = _raw(vault, roll_id)
    text = zlib.decompress(data)
    return hashlib.sha256(text).hexdigest() == digest
