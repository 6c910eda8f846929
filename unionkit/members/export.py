"""Export the register to CSV (UTF-8 with BOM, opens right in Excel) or XLSX.

A cell starting with ``= + - @``, tab or CR gets a leading ``'`` so a spreadsheet never runs it as a
formula. A *public* export leaves out CURP, address, phone and the other personal identifiers
(LFT art. 365 Bis); a full export is not encrypted, so callers warn the user first (the message
``UNENCRYPTED_WARNING``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path

from unionkit.errors import UnionkitError
from unionkit.fsutil import write_private
from unionkit.i18n import N_, _
from unionkit.members.model import Person, status_label
from unionkit.members.query import PersonFilter, list_people
from unionkit.members.service import list_workplaces
from unionkit.vault import Vault

PUBLIC_COLUMNS = ("primer_apellido", "segundo_apellido", "nombre", "employee_no", "workplace", "department",
                  "shift", "position", "sex", "hire_date", "is_member", "join_date", "status")
PRIVATE_COLUMNS = ("curp", "nss", "rfc", "birth_date", "phone", "email", "address", "notes")
HEADERS = {
    "primer_apellido": N_("First surname"), "segundo_apellido": N_("Second surname"),
    "nombre": N_("Given name(s)"), "employee_no": N_("Employee number"), "workplace": N_("Workplace"),
    "department": N_("Department"), "shift": N_("Shift"), "position": N_("Position"), "sex": N_("Sex"),
    "hire_date": N_("Hire date"), "is_member": N_("Member"), "join_date": N_("Join date"),
    "status": N_("Status"), "curp": N_("CURP"), "nss": N_("NSS"), "rfc": N_("RFC"),
    "birth_date": N_("Birth date"), "phone": N_("Phone"), "email": N_("Email"),
    "address": N_("Address"), "notes": N_("Notes"),
}
UNENCRYPTED_WARNING = N_("The exported file is NOT encrypted and contains personal data (CURP, address, "
                         "phone). Keep it safe and delete it when you no longer need it.")
_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def neutralize(value: str) -> str:
    """Prefix a ``'`` to text a spreadsheet would read as a formula."""
    return "'" + value if value.startswith(_DANGEROUS) else value


def columns(public: bool) -> tuple[str, ...]:
    if public:
        return PUBLIC_COLUMNS
    return PUBLIC_COLUMNS[:3] + ("curp",) + PUBLIC_COLUMNS[3:] + tuple(c for c in PRIVATE_COLUMNS if c != "curp")


def _value(p: Person, col: str, workplaces: dict[int, str]) -> str:
    if col == "workplace":
        return workplaces.get(p.workplace_id or 0, "")
    if col == "is_member":
        return _("Yes") if p.is_member else _("No")
    if col == "status":
        return status_label(p.status) if p.is_member else ""
    v = getattr(p, col)
    if col.endswith("_date") and v:
        return dt.date.fromisoformat(v).strftime("%d/%m/%Y")
    return "" if v is None else str(v)


def export_people(vault: Vault, out: str | Path, *, fmt: str | None = None, public: bool = False,
                  flt: PersonFilter | None = None, progress: Callable[[float, str], None] | None = None) -> int:
    """Write the people matching ``flt`` to ``out``; returns the number of rows written."""
    out = Path(out)
    fmt = (fmt or out.suffix.lstrip(".") or "csv").lower()
    if fmt not in ("csv", "xlsx"):
        raise UnionkitError(_("Unknown export format {fmt}: use csv or xlsx.").format(fmt=fmt))
    cols = columns(public)
    workplaces = {w.id: w.name for w in list_workplaces(vault)}
    people = list_people(vault, flt)
    header = [_(HEADERS[c]) for c in cols]
    rows = ([neutralize(_value(p, c, workplaces)) for c in cols] for p in people)
    data = _csv_bytes(header, rows) if fmt == "csv" else _xlsx_bytes(header, rows)
    try:
        write_private(out, data)
    except OSError as exc:
        raise UnionkitError(_("Cannot write {path}: {reason}").format(path=str(out),
                                                                      reason=exc.strerror)) from None
    if progress:
        progress(1.0, "")
    return len(people)


def _csv_bytes(header: list[str], rows) -> bytes:
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue().encode("utf-8-sig")


def _xlsx_bytes(header: list[str], rows) -> bytes:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(_("Roster"))
    ws.append(header)
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
