"""The ledger's SHA-256 hash chain: canonical form, verification, and the whole-vault check.

Each entry's ``hash`` is SHA-256 over a versioned canonical form of its fields plus ``prev_hash``
(the previous entry's hash; 64 zeros for the first). Changing, inserting or deleting any entry
breaks the chain at that entry; month closes record the head hash so that a rewritten tail can be
caught as well.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from unionkit.i18n import _
from unionkit.vault import Vault

GENESIS = "0" * 64
# Column order of the canonical form (never reorder: old vaults were hashed with it).
HASHED_COLUMNS = (
    "id", "uid", "entry_date", "account_id", "category_id", "amount", "person_id", "dues_period", "memo",
    "counterparty", "counterparty_rfc", "cfdi_uuid", "payment_method", "folio", "transfer_group",
    "reverses_id", "reason", "checkoff_batch_id", "posted_by", "created_at",
)
_SEP = "\x1f"


def canonical(values: tuple | list, prev_hash: str) -> bytes:
    """The bytes that are hashed: ``ukl1`` + the hashed columns + the previous hash, unit-separated."""
    parts = ["ukl1"]
    for v in values:
        parts.append("" if v is None else str(v))
    parts.append(prev_hash)
    return _SEP.join(parts).encode("utf-8")


def entry_hash(values: tuple | list, prev_hash: str) -> str:
    return hashlib.sha256(canonical(values, prev_hash)).hexdigest()


def head(vault: Vault) -> tuple[int, str]:
    """(id, hash) of the newest entry; (0, GENESIS) for an empty ledger."""
    row = vault.query("SELECT id, hash FROM ledger_entry ORDER BY id DESC LIMIT 1")
    return (row[0][0], row[0][1]) if row else (0, GENESIS)


@dataclass
class VerifyResult:
    ok: bool
    entries: int
    head: str
    broken_id: int | None = None
    problem: str = ""

    def as_dict(self) -> dict:
        d = {"ok": self.ok, "entries": self.entries, "head": self.head}
        if not self.ok:
            d["broken_entry"] = self.broken_id
            d["problem"] = self.problem
        return d


# The hashed columns as SQL arguments of concat_ws (which would skip a NULL; the canonical form has '').
_FIELDS_SQL = ", ".join(f"IFNULL({c}, '')" for c in HASHED_COLUMNS)
_CANON_SQL = ("SELECT CAST(concat_ws(char(31), 'ukl1', " + _FIELDS_SQL
              + ", prev_hash) AS BLOB), prev_hash, hash, id FROM ledger_entry WHERE id > ? AND id <= ? "
              "ORDER BY id LIMIT ?")


def _verify_range(conn, lo: int, hi: int, prev: str, batch: int = 256) -> dict:
    """Check the entries with lo < id <= hi, the first one linked to ``prev``."""
    sha = hashlib.sha256
    out: dict = {"count": 0, "last": prev, "broken": None}
    last_id = lo
    while True:
        rows = conn.execute(_CANON_SQL, (last_id, hi, batch)).fetchall()
        if not rows:
            return out
        canons, prevs, hashes, ids = zip(*rows, strict=True)
        digests = tuple([sha(c).hexdigest() for c in canons])
        links = (prev,) + hashes[:-1]
        if prevs != links or digests != hashes:
            for i in range(len(rows)):  # name the first broken entry of this batch
                problem = "prev_hash" if prevs[i] != links[i] else "hash" if digests[i] != hashes[i] else None
                if problem:
                    out["broken"] = (out["count"] + i + 1, links[i], ids[i], problem)
                    return out
        out["count"] += len(rows)
        prev = out["last"] = hashes[-1]
        last_id = ids[-1]


# A batch in one statement: for each entry SQLite builds ``hash + US + canonical form`` (the stored hash
# first, 64 characters) and concatenates the entries of an id range with RS between them, so Python gets
# one value per 2,048 entries instead of four per entry. The canonical form ends with ``US + prev_hash``;
# a stored prev_hash that is not 64 characters, a hash of another width (its bytes then shift into the
# hashed text), a separator inside a text field or any mismatch sends the range to ``_verify_range``.
_BATCH_SQL = ("SELECT count(*), max(id), CAST(group_concat(concat_ws(char(31), hash, 'ukl1', "
              + _FIELDS_SQL
              + ", prev_hash), char(30)) AS BLOB), max(octet_length(prev_hash) != 64) "
              "FROM ledger_entry WHERE id > ? AND id <= ?")
_BATCH = 2048


def _batch_ok(parts: list[bytes], last: bytes) -> bool:
    sha = hashlib.sha256
    hashes = b"".join([p[:64] for p in parts])
    return (b"".join([p[-64:] for p in parts]) == last + hashes[:-64]
            and b"".join([sha(p[65:]).digest() for p in parts]).hex().encode() == hashes)


def _verify_all(conn, lo: int, hi: int, last: str = GENESIS) -> dict:
    """Check the entries with lo < id <= hi, the first one linked to ``last``."""
    out: dict = {"count": 0, "last": last, "broken": None}
    link = last.encode()
    for a in range(lo, hi, _BATCH):
        b = min(a + _BATCH, hi)
        n, _max_id, blob, bad_prev = conn.execute(_BATCH_SQL, (a, b)).fetchone()
        if not n:
            continue
        parts = blob.split(b"\x1e")
        if len(parts) == n and not bad_prev and _batch_ok(parts, link):
            out["count"] += n
            link = parts[-1][:64]
            continue
        # name the first broken entry, or accept a range whose text merely held a separator
        part = _verify_range(conn, a, b, link.decode("ascii", "replace"))
        if part["broken"]:
            k, at, entry_id, problem = part["broken"]
            out["broken"] = (out["count"] + k, at, entry_id, problem)
            return out
        out["count"] += part["count"]
        link = part["last"].encode()
    out["last"] = link.decode("ascii", "replace")
    return out


# From this many entries the two halves of the chain are checked at once, the second on a read
# connection of its own in a worker thread (SQLite releases the GIL while it reads, decrypts and builds
# the canonical forms): 1M entries 3.4-5.9 s -> 2.8-3.2 s on this 2-vCPU machine.
PARALLEL_FROM = 200_000


def _verify_split(vault: Vault) -> dict:
    conn = vault.conn
    top = int(conn.execute("SELECT COALESCE(MAX(id), 0) FROM ledger_entry").fetchone()[0])
    if top < PARALLEL_FROM or conn.in_transaction:  # a second connection would not see uncommitted rows
        return _verify_all(conn, 0, top)
    mid = top // 2 // _BATCH * _BATCH
    row = conn.execute("SELECT hash FROM ledger_entry WHERE id <= ? ORDER BY id DESC LIMIT 1", (mid,)).fetchone()
    start = row[0] if row else GENESIS
    first, second = vault.read_in_two(lambda c: _verify_all(c, 0, mid), lambda c: _verify_all(c, mid, top, start))
    if first["broken"]:
        return first
    if first["last"] != start:  # cannot happen when the first half verified; be strict anyway
        return _verify_all(conn, 0, top)
    if second["broken"]:
        k, at, entry_id, problem = second["broken"]
        second["broken"] = (first["count"] + k, at, entry_id, problem)
    second["count"] += first["count"]
    return second


def verify(vault: Vault) -> VerifyResult:
    """Recompute the chain from the first entry; stop at the first broken one.

    SQLite builds each canonical form (the same bytes as :func:`canonical`) and hands over 2,048 entries
    at a time as one concatenated value (no Python object per column and row); links and digests are
    compared batch-wise and only a failing range is walked row by row. Big ledgers are checked in two
    halves at once (``PARALLEL_FROM``); the vault lock is held throughout, so nothing is written meanwhile.
    """
    with vault.lock:
        part = _verify_split(vault)
    if part["broken"]:
        n, link, entry_id, problem = part["broken"]
        return VerifyResult(False, n, link, entry_id, problem)
    count, prev = part["count"], part["last"]
    closes = vault.query("SELECT month, head_entry_id, head_hash FROM ledger_close ORDER BY month")
    for month, entry_id, head_hash in closes:
        if entry_id:
            stored = vault.scalar("SELECT hash FROM ledger_entry WHERE id = ?", (entry_id,))
            if stored != head_hash:
                return VerifyResult(False, count, prev, entry_id, "close:" + month)
    return VerifyResult(True, count, prev)


def totals_mismatch(vault: Vault) -> list[tuple]:
    """Month totals kept by trigger that differ from the entries (should be none)."""
    return vault.query(
        "SELECT e.month, e.account_id, e.category_id, e.s, t.total FROM "
        "(SELECT month, account_id, category_id, SUM(amount) AS s FROM ledger_entry "
        " GROUP BY month, account_id, category_id) e "
        "LEFT JOIN ledger_month_total t ON t.month = e.month AND t.account_id = e.account_id "
        "AND t.category_id = e.category_id WHERE t.total IS NULL OR t.total <> e.s LIMIT 20")


def check_vault(vault: Vault) -> list:
    """``unionkit-cli check``: the ledger chain, the month closes and the kept totals."""
    from unionkit.checks import CheckResult

    res = verify(vault)
    if res.ok:
        chain = CheckResult("ledger_chain", True, _("Ledger hash chain: OK ({n} entries, head {head}).").format(
            n=res.entries, head=res.head[:16]), res.as_dict())
    elif res.problem.startswith("close:"):
        chain = CheckResult("ledger_chain", False, _(
            "Ledger hash chain: the head recorded when {month} was closed no longer matches entry {id}: the "
            "entries after it were rewritten.").format(month=res.problem[6:], id=res.broken_id), res.as_dict())
    else:
        chain = CheckResult("ledger_chain", False, _(
            "Ledger hash chain BROKEN at entry {id}: that entry was changed outside unionkit.").format(
                id=res.broken_id), res.as_dict())
    bad = totals_mismatch(vault)
    totals = CheckResult("ledger_totals", not bad, _("Ledger monthly totals: OK") if not bad else
                         _("Ledger monthly totals differ from the entries in {n} places.").format(n=len(bad)),
                         {"mismatches": [list(r) for r in bad]})
    return [chain, totals]
