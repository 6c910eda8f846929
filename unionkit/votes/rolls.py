"""Rolls (padrones): frozen snapshots with their SHA-256 (DOMAIN §2 "padrón is a frozen snapshot").

A roll is built from the member register (``person``) or imported from a roster file; every person
considered is kept, eligible or excluded with the reason (``eligibility``). The snapshot is a canonical
TSV text — one line per person in roll order: ``eligible, reason, CURP, full name, hire date, sex,
person id`` — stored as UTF-8 in ``vote_roll.data``; ``vote_roll.sha256`` is the hash of that
text and is printed on every document made from the roll. Nothing about ballots is ever stored here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
from dataclasses import dataclass
from pathlib import Path

from unionkit.errors import DamagedVault, ValidationError
from unionkit.i18n import _
from unionkit.vault import Vault, blobs
from unionkit.votes.eligibility import Candidate, evaluate

# The register rows that are not plainly eligible go through ``eligibility.evaluate`` in Python, except
# trabajadores de confianza: excluded first by every rule (LFT 363, 390 Bis III a), so SQLite writes their
# verdict itself. Every other row is eligible. (A test compares every kind with the all-Python path.) The
# whole line is built by SQLite, which keeps a 100,000-person snapshot well under half a second.
_PLAIN = """(confianza = 0 AND status = 'active' AND (hire_date IS NULL OR hire_date <= :cut)
  AND (:election = 0 OR (is_member = 1 AND (birth_date IS NULL OR birth_date <= :age15))))"""
_COMPLEX_SQL = "SELECT id FROM person {where} AND confianza = 0 AND NOT " + _PLAIN
_LINE = """format('%s%s' || char(9) || '%s %s %s' || char(9) || '%s' || char(9) || '%s' || char(9) || '%d' || char(10),
  {prefix}, COALESCE(curp, ''), primer_apellido, segundo_apellido, nombre, COALESCE(hire_date, ''), sex, id)"""
_VERDICT = """CASE WHEN confianza = 1 THEN '0' || char(9) || 'confianza' || char(9)
    WHEN :dues = 0 AND """ + _PLAIN + """ THEN '1' || char(9) || 'eligible' || char(9)
    ELSE COALESCE(json_extract(:v, '$."' || id || '"'),
                  CASE WHEN :dues = 1 THEN '1' || char(9) || 'eligible' || char(9) ELSE '?' || char(9) END) END"""
# Roll order comes from the ordered subquery (the person_sort_name index): SQLite keeps a FROM-subquery's
# ORDER BY when the outer query uses an order-sensitive aggregate such as group_concat (2x faster than
# group_concat's own ORDER BY). ``test_fast_snapshot_matches_reference_rules`` checks the order.
_TEXT_SQL = ("SELECT count(*), CAST(group_concat(line, '') AS BLOB) FROM (SELECT "
             + _LINE.replace("{prefix}", _VERDICT) + " AS line FROM person {where} ORDER BY sort_name, id)")
_ROWS_SQL = ("SELECT id, confianza, " + _LINE.replace("{prefix}", "''")
             + " FROM person {where} ORDER BY sort_name, id")
_PERSON_SQL = """SELECT id, nombre, primer_apellido, segundo_apellido, COALESCE(curp, ''), hire_date, confianza,
is_member, status, status_date, birth_date, sex FROM person WHERE id IN ({ids})"""


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


# Snapshots this big (a roll of ~15,000 people and up) go to the vault's encrypted file store: one
# AES-GCM write instead of hundreds of encrypted database pages (a 100,000-person roll: ~0.05 s, not ~0.15).
FILE_STORE_BYTES = 1024 * 1024


def _store_text(vault: Vault, name: str, purpose: str, source: str, as_of: dt.date, text: str | bytes,
                eligible: int, total: int) -> int:
    data = text.encode("utf-8") if isinstance(text, str) else text
    digest = hashlib.sha256(data).hexdigest()
    staged, filename = None, f"padron-{as_of.isoformat()}.txt"
    if len(data) >= FILE_STORE_BYTES:
        staged = blobs.stage_stream(vault, io.BytesIO(data), filename=filename, total=len(data))
    try:
        with vault.transaction() as conn:
            blob_id = None
            if staged is not None:
                blob_id = blobs.register(conn, staged, filename=filename, mime="text/plain").id
            cur = conn.execute(
                "INSERT INTO vote_roll (name, purpose, source, as_of, eligible, excluded, sha256, data, data_blob_id, "
                "frozen_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (name, purpose, source, as_of.isoformat(), eligible, total - eligible, digest,
                 b"" if blob_id else data, blob_id, dt.datetime.now(dt.UTC).isoformat(timespec="seconds")))
            staged = None  # committed: the file belongs to the vault now
            return int(cur.lastrowid)
    finally:
        if staged is not None:
            staged.discard()


def _store(vault: Vault, name: str, purpose: str, source: str, as_of: dt.date, entries: list[RollEntry]) -> int:
    return _store_text(vault, name, purpose, source, as_of, encode(entries), sum(1 for e in entries if e.eligible),
                       len(entries))


def _standing(vault: Vault, as_of: dt.date) -> dict[int, int] | None:
    try:
        from unionkit.ledger.standing import months_behind_by_person
    except ImportError:  # treasury area not installed
        return None
    return months_behind_by_person(vault, as_of)


def build_from_register(vault: Vault, name: str, purpose: str, as_of: dt.date, *,
                        workplace_id: int | None = None, check_dues: bool = False) -> int:
    """Freeze a roll from the register as of ``as_of`` (the filing / cut-off date); returns its id."""
    where, params = "", {"cut": as_of.isoformat(), "election": int(purpose == "election"),
                         "age15": _years_before(as_of, 15)}
    if workplace_id is not None:
        where, params["wid"] = "WHERE workplace_id = :wid", workplace_id
    behind = _standing(vault, as_of) if check_dues and purpose == "election" else None
    args = {**params, "v": "{}", "dues": int(bool(behind))}
    verdicts: dict[int, tuple[bool, str]] = {}
    data = None
    if not behind:  # first try: usually no row needs Python (those that do come back marked "?")
        count, data = _text_in_halves(vault, where, args)
        if data and (data.startswith(b"?\t") or b"\n?\t" in data):
            data = None
    if data is None:
        complex_ids = [r[0] for r in vault.query(_COMPLEX_SQL.format(where=where or "WHERE 1"), params)]
        if behind:
            listed = set(complex_ids)
            complex_ids += [pid for pid, months in behind.items() if months and pid not in listed]
        verdicts = _evaluate_ids(vault, complex_ids, purpose, as_of, behind)
        # The verdicts of the rows evaluated in Python are joined in by SQLite as their line prefix.
        args["v"] = json.dumps({str(pid): ("1\t" if ok else "0\t") + reason + "\t"
                                for pid, (ok, reason) in verdicts.items()})
        count, data = vault.query(_TEXT_SQL.format(where=where), args)[0]
    data = bytes(data or b"")  # the UTF-8 text as SQLite built it: no decode and re-encode in Python
    if b"  " in data or b"\t " in data or b" \t" in data or data.count(b"\t") != 6 * count \
            or data.count(b"\n") != count:
        data = _rowwise_text(vault, where, params, verdicts).encode("utf-8")  # an empty name part, tab, newline
    excluded = data.startswith(b"0\t") + data.count(b"\n0\t")  # every line starts with its verdict
    return _store_text(vault, name, purpose, "register", as_of, data, count - excluded, count)


# From this many people the snapshot text is built in two halves of the roll order at once, the second
# on a read connection of its own in a worker thread (SQLite releases the GIL while it builds):
# 100k people 0.27-0.30 -> 0.21-0.24 s for the query.
PARALLEL_FROM = 20_000


def _text_in_halves(vault: Vault, where: str, args: dict) -> tuple[int, bytes | None]:
    """(rows, UTF-8 text) of ``_TEXT_SQL``; the same bytes whether built in one piece or two. The vault
    lock is held throughout, so no write lands between the halves."""
    with vault.lock:
        half = (vault.scalar(f"SELECT count(*) FROM person {where}", args) or 0) // 2
        if half * 2 < PARALLEL_FROM or vault.conn.in_transaction:
            return vault.query(_TEXT_SQL.format(where=where), args)[0]
        key = vault.query(f"SELECT sort_name, id FROM person {where} ORDER BY sort_name, id LIMIT 1 OFFSET :off",
                          {**args, "off": half})[0]
        both = {**args, "split_name": key[0], "split_id": key[1]}
        joiner = " AND " if where else "WHERE "
        first = _TEXT_SQL.format(where=where + joiner + "(sort_name, id) < (:split_name, :split_id)")
        second = _TEXT_SQL.format(where=where + joiner + "(sort_name, id) >= (:split_name, :split_id)")
        (n1, text1), (n2, text2) = vault.read_in_two(lambda c: c.execute(first, both).fetchone(),
                                                     lambda c: c.execute(second, both).fetchone())
    return n1 + n2, bytes(text1 or b"") + bytes(text2 or b"")


def _rowwise_text(vault: Vault, where: str, params: dict, verdicts: dict[int, tuple[bool, str]]) -> str:
    rows = vault.query(_ROWS_SQL.format(where=where), params)
    parts = []
    for pid, confianza, tail in rows:
        ok, reason = (False, "confianza") if confianza else verdicts.get(pid, (True, "eligible"))
        if _dirty(tail) or tail.count("\t") != 4 or tail.count("\n") != 1:
            tail = _clean_tail(tail)
        parts.append(("1\t" if ok else "0\t") + reason + "\t" + tail)
    return "".join(parts)


def _dirty(text: str) -> bool:
    return "  " in text or "\t " in text or " \t" in text


def _clean_tail(tail: str) -> str:
    """Rebuild ``curp, name, hire, sex, id`` when the name had an empty part, a tab or a line break."""
    parts = tail[:-1].split("\t")
    curp, hire, sex, pid = parts[0], *parts[-3:]
    return f"{curp}\t{_clean(' '.join(parts[1:-3]))}\t{hire}\t{sex}\t{pid}\n"


def _years_before(d: dt.date, years: int) -> str:
    try:
        return d.replace(year=d.year - years).isoformat()
    except ValueError:  # 29 February
        return d.replace(year=d.year - years, day=28).isoformat()


def _evaluate_ids(vault: Vault, ids: list[int], purpose: str, as_of: dt.date,
                  behind: dict[int, int] | None) -> dict[int, tuple[bool, str]]:
    out: dict[int, tuple[bool, str]] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        for pid, nombre, ap1, ap2, curp, hire, confianza, member, status, sdate, birth, _sex in vault.query(
                _PERSON_SQL.format(ids=",".join("?" * len(chunk))), tuple(chunk)):
            cand = Candidate(" ".join(p for p in (ap1, ap2, nombre) if p), curp, _d(hire), bool(confianza), status,
                             _d(sdate), bool(member), _d(birth),
                             good_standing=behind is None or behind.get(pid, 0) == 0)
            out[pid] = evaluate(cand, purpose, as_of, check_dues=behind is not None)
    return out


def build_slow(vault: Vault, purpose: str, as_of: dt.date) -> list[tuple[int, bool, str]]:
    """Reference path (every row through ``eligibility.evaluate``), for tests: (person id, ok, reason)."""
    ids = [r[0] for r in vault.query("SELECT id FROM person ORDER BY sort_name, id")]
    v = _evaluate_ids(vault, ids, purpose, as_of, None)
    return [(pid, *v[pid]) for pid in ids]


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
    return _decode_checked(data, digest)


def _decode_checked(data: bytes, digest: str) -> list[RollEntry]:
    # No cache on purpose: personal data must not outlive the open vault in memory.
    if hashlib.sha256(data).hexdigest() != digest:
        raise ValidationError(_("The roll snapshot does not match its SHA-256: it was altered."))
    return decode(data.decode("utf-8"))


def _raw(vault: Vault, roll_id: int) -> tuple[bytes, str]:
    row = vault.query("SELECT data, sha256, data_blob_id FROM vote_roll WHERE id = ?", (roll_id,))
    if not row:
        raise ValidationError(_("There is no roll number {id}.").format(id=roll_id))
    data, digest, blob_id = row[0]
    if blob_id is not None:
        try:
            data = blobs.read_bytes(vault, blob_id)
        except DamagedVault:  # a missing or altered file: the hash check below reports it
            data = b""
    return bytes(data), digest


def eligible(vault: Vault, roll_id: int) -> list[RollEntry]:
    return [e for e in entries(vault, roll_id) if e.eligible]


def verify(vault: Vault, roll_id: int) -> bool:
    data, digest = _raw(vault, roll_id)
    return hashlib.sha256(data).hexdigest() == digest
