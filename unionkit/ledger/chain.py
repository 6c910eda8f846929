"""The ledger's SHA-256 hash chain: canonical form, verification, and the whole-vault check.

Each entry's ``hash`` is SHA-256 over a versioned canonical form of its fields plus ``prev_hash``
(the previous entry's hash; 64 zeros for the first). Changing, inserting or deleting any entry
breaks the chain at that entry; month closes record the head hash so that a rewritten tail can be
caught as well.
"""

from __future__ import annotations

import hashlib
import queue
import threading
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


_CANON_SQL = ("SELECT CAST(concat_ws(char(31), 'ukl1', " + ", ".join(f"IFNULL({c}, '')" for c in HASHED_COLUMNS)
              + ", prev_hash) AS BLOB), hash, id FROM ledger_entry WHERE id > ? ORDER BY id LIMIT ?")


def _batches(vault: Vault, out: queue.Queue, stop: threading.Event, batch: int) -> None:
    """Producer: SQLite builds the canonical bytes (the GIL is released while it steps)."""
    last = 0
    try:
        while not stop.is_set():
            with vault.lock:
                rows = vault.conn.execute(_CANON_SQL, (last, batch)).fetchall()  # type: ignore[union-attr]
            out.put(rows)
            if not rows:
                return
            last = rows[-1][2]
    except BaseException as exc:  # handed to the consumer
        out.put(exc)


def verify(vault: Vault, batch: int = 20000) -> VerifyResult:
    """Recompute the chain from the first entry; stop at the first broken one.

    SQLite builds each canonical form (the same bytes as :func:`canonical`) in a producer thread while
    this thread hashes. The canonical form ends with the stored ``prev_hash``: checking that it ends with
    the previous digest checks the link, and hashing it checks the entry.
    """
    prev = GENESIS
    tail = b"\x1f" + GENESIS.encode()
    count = 0
    sha = hashlib.sha256
    stop = threading.Event()
    if getattr(vault.lock, "_is_owned", lambda: False)():
        # The caller holds the vault lock (e.g. inside a transaction): no producer thread, no deadlock.
        pipe: queue.Queue = queue.Queue()
        _batches(vault, pipe, stop, 10**12)
        pipe.put([])
        worker = None
    else:
        pipe = queue.Queue(maxsize=3)
        worker = threading.Thread(target=_batches, args=(vault, pipe, stop, batch), daemon=True)
        worker.start()
    try:
        while True:
            rows = pipe.get()
            if isinstance(rows, BaseException):
                raise rows
            if not rows:
                break
            for canon, stored, entry_id in rows:
                count += 1
                if canon[-65:] != tail:
                    return VerifyResult(False, count, prev, entry_id, "prev_hash")
                digest = sha(canon).hexdigest()
                if digest != stored:
                    return VerifyResult(False, count, prev, entry_id, "hash")
                prev = digest
                tail = b"\x1f" + digest.encode()
    finally:
        stop.set()
        while worker is not None and worker.is_alive():
            try:
                pipe.get(timeout=0.05)
            except queue.Empty:
                pass
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
