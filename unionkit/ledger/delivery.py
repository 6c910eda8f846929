"""Art. 373: the written account goes to every member, with proof of receipt. One ``account_report``
row per period presented; one ``account_delivery`` row per member who received it (how, when)."""

from __future__ import annotations

import datetime as dt

from unionkit.errors import ValidationError
from unionkit.i18n import N_, _
from unionkit.ledger.months import parse_month
from unionkit.vault import Vault

METHODS = {"hand": N_("in person, signed"), "email": N_("e-mail"), "messaging": N_("messaging app"),
           "mail": N_("post"), "assembly": N_("at the assembly")}


def method_label(code: str) -> str:
    return _(METHODS[code]) if code in METHODS else code


def report_for(vault: Vault, first: str, last: str, head_hash: str, *, create: bool = True) -> int | None:
    first, last = parse_month(first), parse_month(last)
    rid = vault.scalar("SELECT id FROM account_report WHERE from_month = ? AND to_month = ? ORDER BY id DESC "
                       "LIMIT 1", (first, last))
    if rid is None and create:
        rid = vault.execute("INSERT INTO account_report(from_month, to_month, head_hash) VALUES (?, ?, ?)",
                            (first, last, head_hash)).lastrowid
    return int(rid) if rid is not None else None


def record_delivery(vault: Vault, report_id: int, person_id: int, method: str, when: dt.datetime | None = None,
                    note: str = "") -> None:
    if method not in METHODS:
        raise ValidationError(_("Unknown delivery method \u201c{m}\u201d.").format(m=method))
    when = when or dt.datetime.now()
    vault.execute("INSERT INTO account_delivery(report_id, person_id, method, delivered_at, note) VALUES "
                  "(?, ?, ?, ?, ?) ON CONFLICT(report_id, person_id) DO UPDATE SET method = excluded.method, "
                  "delivered_at = excluded.delivered_at, note = excluded.note",
                  (report_id, person_id, method, when.isoformat(timespec="minutes"), note))


def delivery_log(vault: Vault, report_id: int | None) -> list[dict]:
    """Every active member, with the delivery if recorded; ordered by surname."""
    rows = vault.query(
        "SELECT p.id, TRIM(p.nombre || ' ' || p.primer_apellido || ' ' || p.segundo_apellido), "
        "COALESCE(w.name, ''), d.method, d.delivered_at FROM person p LEFT JOIN workplace w ON w.id = p.workplace_id "
        "LEFT JOIN account_delivery d ON d.person_id = p.id AND d.report_id = ? "
        "WHERE p.is_member = 1 AND p.status = 'active' ORDER BY p.primer_apellido, p.segundo_apellido, p.nombre",
        (report_id or -1,))
    return [{"person_id": r[0], "name": r[1], "workplace": r[2], "method": r[3], "delivered_at": r[4]}
            for r in rows]
