"""Looking people up on the member register for the treasury (own SQL on ``person``)."""

from __future__ import annotations

from unionkit.errors import ValidationError
from unionkit.i18n import _
from unionkit.vault import Vault

NAME_SQL = "TRIM(nombre || ' ' || primer_apellido || ' ' || segundo_apellido)"


def find_person(vault: Vault, ref: str | int) -> int:
    """A person id from a CURP, an employee number or an id."""
    text = str(ref).strip()
    if not text:
        raise ValidationError(_("No member given."))
    pid = vault.scalar("SELECT id FROM person WHERE curp = ?", (text.upper(),))
    if pid is None:
        rows = vault.query("SELECT id FROM person WHERE employee_no = ? LIMIT 2", (text,))
        if len(rows) == 1:
            pid = rows[0][0]
    if pid is None and text.isdigit():
        pid = vault.scalar("SELECT id FROM person WHERE id = ?", (int(text),))
    if pid is None:
        raise ValidationError(_("No one with CURP or employee number \u201c{ref}\u201d on the register.").format(
            ref=text))
    return int(pid)


def person_name(vault: Vault, person_id: int | None) -> str:
    if person_id is None:
        return ""
    return vault.scalar(f"SELECT {NAME_SQL} FROM person WHERE id = ?", (person_id,)) or ""


def search_people(vault: Vault, text: str, limit: int = 20) -> list[tuple[int, str, str]]:
    """(id, name, curp) of members matching a name, CURP or employee number (for the post dialog)."""
    t = text.strip()
    if not t:
        return []
    like = "%" + t.replace("%", "") + "%"
    return vault.query(f"SELECT id, {NAME_SQL}, COALESCE(curp, '') FROM person WHERE curp LIKE ? OR "
                       f"employee_no = ? OR {NAME_SQL} LIKE ? ORDER BY primer_apellido, nombre LIMIT ?",
                       (like.upper(), t, like, limit))
