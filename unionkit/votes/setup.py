"""One call that sets a consultation up (what the setup wizard gathers): roll, consultation, booths."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from unionkit.i18n import _
from unionkit.vault import Vault
from unionkit.votes import consultations, rolls


def setup_consultation(vault: Vault, *, kind: str, title: str, cutoff: dt.date, booths: int = 1,
                       options: list[str] | None = None, roll_file: str | Path | None = None,
                       workplace_id: int | None = None, check_dues: bool = False, rule: str | None = None,
                       settings: dict | None = None, seats: int = 0, race: str = "",
                       slates: list[tuple[str, list[tuple[str, str, str]]]] | None = None, **fields: object) -> int:
    """Freeze the roll (from the register, or from ``roll_file``), create the consultation and its booths.

    An election's slates come as ``slates`` — ``[(name, [(office, full name, sex), ...]), ...]`` in seat
    order (the wizard's editor) — or as ``options`` lines "Planilla Verde: Ana Pérez (M), Juan López (H)"."""
    purpose = "election" if kind == "election" else kind
    name = _("Roll for {title}").format(title=title)
    if roll_file:
        roll_id = rolls.import_roll(vault, roll_file, name, purpose, cutoff)
    else:
        roll_id = rolls.build_from_register(vault, name, purpose, cutoff, workplace_id=workplace_id,
                                            check_dues=check_dues)
    slates = list(slates or []) if kind == "election" else []
    if slates:
        options = [name for name, _people in slates]
    elif kind == "election" and options:
        from unionkit.votes.union_elections import parse_slate

        slates = [parse_slate(line) for line in options]
        options = [name for name, _people in slates]
    cid = consultations.create(vault, kind, title, roll_id=roll_id, options=options, rule=rule,
                               settings=settings, seats=seats, race=race, **fields)
    if slates:
        from unionkit.votes.union_elections import add_candidates

        for name, people in slates:
            if people:
                add_candidates(vault, cid, name, people)
    consultations.split_booths(vault, cid, max(1, booths), place=str(fields.get("place", "")))
    return cid
