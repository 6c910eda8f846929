"""Month close: everything dated up to the end of the month is frozen; the close records who closed it
and the chain head at that moment."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from unionkit.clock import SYSTEM_CLOCK, Clock
from unionkit.errors import ClosedPeriodError, ValidationError
from unionkit.i18n import _
from unionkit.ledger import chain
from unionkit.ledger.months import month_label, month_of, parse_month
from unionkit.vault import Vault


@dataclass(frozen=True)
class Close:
    month: str
    closed_by: str
    head_entry_id: int | None
    head_hash: str
    entries: int
    closed_at: str
    note: str

    def as_dict(self) -> dict:
        return asdict(self)


def closed_through(vault: Vault) -> str | None:
    return vault.scalar("SELECT MAX(month) FROM ledger_close")


def is_closed(vault: Vault, month: str) -> bool:
    last = closed_through(vault)
    return last is not None and month <= last


def list_closes(vault: Vault) -> list[Close]:
    rows = vault.query("SELECT month, closed_by, head_entry_id, head_hash, entries, created_at, note "
                       "FROM ledger_close ORDER BY month")
    return [Close(*r) for r in rows]


def get_close(vault: Vault, month: str) -> Close | None:
    for c in list_closes(vault):
        if c.month == month:
            return c
    return None


def close_month(vault: Vault, month: str, closed_by: str, *, note: str = "",
                clock: Clock = SYSTEM_CLOCK) -> Close:
    """Close ``month`` (and, implicitly, every month before it)."""
    month = parse_month(month)
    names = " ".join((closed_by or "").split())
    if not names:
        raise ValidationError(_("Write the names of who closes the month."))
    if month > month_of(clock.today()):
        raise ValidationError(_("{month} has not started yet; it cannot be closed.").format(
            month=month_label(month)))
    with vault.transaction() as conn:
        last = conn.execute("SELECT MAX(month) FROM ledger_close").fetchone()[0]
        if last is not None and month <= last:
            raise ClosedPeriodError(_("The books are already closed through {month}.").format(
                month=month_label(last)))
        head = conn.execute("SELECT id, hash FROM ledger_entry ORDER BY id DESC LIMIT 1").fetchone()
        head_id, head_hash = (head[0], head[1]) if head else (None, chain.GENESIS)
        count = conn.execute("SELECT COUNT(*) FROM ledger_entry").fetchone()[0]
        conn.execute("INSERT INTO ledger_close(month, closed_by, head_entry_id, head_hash, entries, note) "
                     "VALUES (?, ?, ?, ?, ?, ?)", (month, names, head_id, head_hash, count, note.strip()))
    c = get_close(vault, month)
    assert c is not None
    return c
