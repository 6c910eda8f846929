"""Posting to the append-only ledger: entries, reversals, transfers, opening balances.

Every write goes through :func:`insert_entries` inside one ``BEGIN IMMEDIATE`` transaction, which
takes the chain head, assigns ids and hashes, and checks the closed-period watermark (the trigger
checks it again).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import asdict, dataclass

from unionkit.clock import SYSTEM_CLOCK, Clock
from unionkit.errors import ClosedPeriodError, ValidationError
from unionkit.i18n import _
from unionkit.ledger import chain
from unionkit.ledger.accounts import Account, Category, get_account, get_category
from unionkit.ledger.months import month_label, month_of, parse_month
from unionkit.money import Money
from unionkit.vault import Vault

_FIELDS = chain.HASHED_COLUMNS


@dataclass(frozen=True)
class Entry:
    id: int
    entry_date: str
    account_id: int
    category_id: int
    amount: int
    person_id: int | None
    dues_period: str | None
    memo: str
    folio: int | None
    reverses_id: int | None
    reason: str
    hash: str

    def as_dict(self) -> dict:
        d = asdict(self)
        d["amount"] = Money(self.amount).plain()
        return d


def get_entry(vault: Vault, entry_id: int) -> Entry:
    rows = vault.query("SELECT id, entry_date, account_id, category_id, amount, person_id, dues_period, memo, "
                       "folio, reverses_id, reason, hash FROM ledger_entry WHERE id = ?", (entry_id,))
    if not rows:
        raise ValidationError(_("No ledger entry with number {id}.").format(id=entry_id))
    return Entry(*rows[0])


def closed_through(conn_or_vault) -> str | None:
    """The latest closed month ('YYYY-MM'): nothing dated on or before its end is accepted."""
    row = conn_or_vault.execute("SELECT MAX(month) FROM ledger_close").fetchone()
    return row[0] if row else None


def _check_open(conn, month: str) -> None:
    last = closed_through(conn)
    if last is not None and month <= last:
        raise ClosedPeriodError(_(
            "The books are closed through {month}: no entry dated in {entry_month} is accepted. Post a "
            "correction dated in an open month.").format(month=month_label(last), entry_month=month_label(month)))


def insert_entries(vault: Vault, rows: Iterable[dict], *, clock: Clock = SYSTEM_CLOCK,
                   conn=None) -> list[int]:
    """Append ``rows`` (dicts of entry fields) to the chain in one transaction; returns their ids."""
    if conn is None:
        with vault.transaction() as c:
            return insert_entries(vault, rows, clock=clock, conn=c)
    head = conn.execute("SELECT id, hash FROM ledger_entry ORDER BY id DESC LIMIT 1").fetchone()
    last_id, prev = (head[0], head[1]) if head else (0, chain.GENESIS)
    watermark = closed_through(conn)
    now = clock.now().astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    ids: list[int] = []
    batch: list[tuple] = []
    for r in rows:
        last_id += 1
        month = r["entry_date"][:7]
        if watermark is not None and month <= watermark:
            _check_open(conn, month)
        values = {f: None for f in _FIELDS}
        values.update({"memo": "", "counterparty": "", "counterparty_rfc": "", "cfdi_uuid": "",
                       "payment_method": "", "reason": "", "posted_by": ""})
        values.update(r)
        values["id"] = last_id
        values["uid"] = values.get("uid") or str(uuid.uuid4())
        values["created_at"] = values.get("created_at") or now
        tup = tuple(values[f] for f in _FIELDS)
        digest = chain.entry_hash(tup, prev)
        batch.append(tup + (month, prev, digest))
        prev = digest
        ids.append(last_id)
    cols = ", ".join(_FIELDS) + ", month, prev_hash, hash"
    marks = ", ".join("?" * (len(_FIELDS) + 3))
    conn.executemany(f"INSERT INTO ledger_entry({cols}) VALUES ({marks})", batch)
    return ids


def _validate_amount(amount: Money) -> None:
    if not isinstance(amount, Money):
        raise TypeError("amount must be Money")
    if amount.centavos <= 0:
        raise ValidationError(_("The amount must be greater than zero."))
    if amount.centavos > 10**14:
        raise ValidationError(_("The amount is too large."))


def post_entry(vault: Vault, *, entry_date: dt.date, account: Account | int, category: Category | int,
               amount: Money, kind: str | None = None, person_id: int | None = None,
               dues_period: str | None = None, memo: str = "", counterparty: str = "",
               counterparty_rfc: str = "", cfdi_uuid: str = "", payment_method: str = "",
               receipt: bool = False, posted_by: str = "", clock: Clock = SYSTEM_CLOCK) -> Entry:
    """Post one income or expense. ``amount`` is positive; the category's kind gives the sign."""
    acc = account if isinstance(account, Account) else get_account(vault, int(account))
    cat = category if isinstance(category, Category) else get_category(vault, int(category))
    _validate_amount(amount)
    if cat.kind not in ("income", "expense", "opening"):
        raise ValidationError(_("Use a transfer to move money between the union's own accounts."))
    if kind is not None and kind != cat.kind and cat.kind != "opening":
        raise ValidationError(_("The category \u201c{name}\u201d is {actual}, not {kind}.").format(
            name=cat.name, actual=_kind_word(cat.kind), kind=_kind_word(kind)))
    if not acc.active:
        raise ValidationError(_("The account \u201c{name}\u201d is closed.").format(name=acc.name))
    if dues_period:
        dues_period = parse_month(dues_period)
    if person_id is not None and not vault.scalar("SELECT 1 FROM person WHERE id = ?", (person_id,)):
        raise ValidationError(_("No person with id {id} on the register.").format(id=person_id))
    if cat.is_dues and person_id is not None and not dues_period:
        dues_period = month_of(entry_date)
    signed = -amount.centavos if cat.kind == "expense" else amount.centavos
    row = {"entry_date": entry_date.isoformat(), "account_id": acc.id, "category_id": cat.id, "amount": signed,
           "person_id": person_id, "dues_period": dues_period, "memo": memo.strip(),
           "counterparty": counterparty.strip(), "counterparty_rfc": counterparty_rfc.strip().upper(),
           "cfdi_uuid": cfdi_uuid.strip().upper(), "payment_method": payment_method, "posted_by": posted_by}
    with vault.transaction() as conn:
        _check_open(conn, month_of(entry_date))
        if receipt:
            row["folio"] = int(conn.execute("SELECT COALESCE(MAX(folio), 0) + 1 FROM ledger_entry").fetchone()[0])
        (new_id,) = insert_entries(vault, [row], clock=clock, conn=conn)
    return get_entry(vault, new_id)


def _kind_word(kind: str) -> str:
    return {"income": _("income"), "expense": _("expense"), "transfer": _("a transfer"),
            "opening": _("an opening balance")}.get(kind, kind)


def reverse_entry(vault: Vault, entry_id: int, reason: str, *, entry_date: dt.date | None = None,
                  posted_by: str = "", clock: Clock = SYSTEM_CLOCK) -> list[Entry]:
    """Reverse an entry (both legs for a transfer), dated today unless given. Once only."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Say why the entry is reversed."))
    day = entry_date or clock.today()
    with vault.transaction() as conn:
        row = conn.execute("SELECT id, reverses_id, transfer_group FROM ledger_entry WHERE id = ?",
                           (entry_id,)).fetchone()
        if row is None:
            raise ValidationError(_("No ledger entry with number {id}.").format(id=entry_id))
        if row[1] is not None:
            raise ValidationError(_("Entry {id} is itself a reversal; it cannot be reversed.").format(id=entry_id))
        legs = [entry_id]
        if row[2]:
            legs = [r[0] for r in conn.execute("SELECT id FROM ledger_entry WHERE transfer_group = ? AND "
                                               "reverses_id IS NULL ORDER BY id", (row[2],))]
        done = conn.execute(f"SELECT reverses_id FROM ledger_entry WHERE reverses_id IN "
                            f"({','.join('?' * len(legs))})", legs).fetchone()
        if done:
            raise ValidationError(_("Entry {id} has already been reversed.").format(id=done[0]))
        _check_open(conn, month_of(day))
        new_rows = []
        group = str(uuid.uuid4()) if row[2] else None
        for leg in legs:
            o = conn.execute("SELECT account_id, category_id, amount, person_id, dues_period, memo, counterparty, "
                             "checkoff_batch_id FROM ledger_entry WHERE id = ?", (leg,)).fetchone()
            new_rows.append({"entry_date": day.isoformat(), "account_id": o[0], "category_id": o[1],
                             "amount": -o[2], "person_id": o[3], "dues_period": o[4], "memo": o[5],
                             "counterparty": o[6], "checkoff_batch_id": o[7], "reverses_id": leg,
                             "reason": reason, "transfer_group": group, "posted_by": posted_by})
        ids = insert_entries(vault, new_rows, clock=clock, conn=conn)
    return [get_entry(vault, i) for i in ids]


def transfer(vault: Vault, *, entry_date: dt.date, from_account: int, to_account: int, amount: Money,
             memo: str = "", posted_by: str = "", clock: Clock = SYSTEM_CLOCK) -> list[Entry]:
    """Move money between the union's own accounts: two legs, neither income nor expense."""
    _validate_amount(amount)
    if from_account == to_account:
        raise ValidationError(_("Choose two different accounts for a transfer."))
    get_account(vault, from_account)
    get_account(vault, to_account)
    cat = vault.scalar("SELECT id FROM ledger_category WHERE kind = 'transfer' ORDER BY id LIMIT 1")
    group = str(uuid.uuid4())
    base = {"entry_date": entry_date.isoformat(), "category_id": cat, "memo": memo.strip(),
            "transfer_group": group, "posted_by": posted_by, "payment_method": "transfer"}
    with vault.transaction() as conn:
        _check_open(conn, month_of(entry_date))
        ids = insert_entries(vault, [dict(base, account_id=from_account, amount=-amount.centavos),
                                     dict(base, account_id=to_account, amount=amount.centavos)],
                             clock=clock, conn=conn)
    return [get_entry(vault, i) for i in ids]


def opening_category_id(vault: Vault) -> int:
    return int(vault.scalar("SELECT id FROM ledger_category WHERE kind = 'opening' ORDER BY id LIMIT 1"))


def attach_file(vault: Vault, entry_id: int, path, kind: str = "other") -> int:
    """Store a receipt/invoice/CFDI encrypted in the vault and link it to the entry."""
    from pathlib import Path

    from unionkit.vault import blobs

    get_entry(vault, entry_id)
    p = Path(path)
    if kind == "other":
        kind = {".xml": "cfdi_xml", ".pdf": "invoice"}.get(p.suffix.lower(), "other")
    blob = blobs.put_file(vault, p)
    cur = vault.execute("INSERT INTO ledger_attachment(entry_id, blob_id, kind, sha256) VALUES (?, ?, ?, ?)",
                        (entry_id, blob.id, kind, blob.sha256))
    return int(cur.lastrowid)


def attachments(vault: Vault, entry_id: int) -> list[dict]:
    rows = vault.query("SELECT a.id, a.blob_id, a.kind, a.sha256, b.filename, b.size FROM ledger_attachment a "
                       "JOIN blob b ON b.id = a.blob_id WHERE a.entry_id = ? ORDER BY a.id", (entry_id,))
    return [{"id": r[0], "blob_id": r[1], "kind": r[2], "sha256": r[3], "filename": r[4], "size": r[5]}
            for r in rows]
