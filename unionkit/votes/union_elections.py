"""Union elections (LFT 371 IX, IX Bis, 358 II): one ballot per race — the Secretary General is elected
separately from delegates to congresses (LFT 371 IX, last norms) — slates with their candidates, the
statutory quorum (a setting) and the gender-proportionality check (rounding is a setting; every reading
is shown)."""

from __future__ import annotations

from unionkit.errors import ValidationError
from unionkit.i18n import N_, _
from unionkit.vault import Vault
from unionkit.votes import consultations, rolls
from unionkit.votes.elections import gender_check, gender_warning

RACES = {"secretary_general": N_("Secretary General"), "executive": N_("Executive committee"),
         "delegates": N_("Delegates to congresses")}


def create_election(vault: Vault, title: str, roll_id: int, races: list[tuple[str, int]],
                    slates: dict[str, dict[str, list[tuple[str, str, str]]]], *,
                    quorum: tuple[int, int] | None = None, gender_rounding: str = "floor",
                    **fields: object) -> list[int]:
    """Create one consultation per race; ``slates[race][slate] = [(office, full name, sex H/M), ...]``."""
    names = [r for r, _s in races]
    if len(set(names)) != len(names) or set(names) - set(RACES):
        raise ValidationError(_("Each race (Secretary General, executive committee, delegates) is a separate "
                                "ballot and appears once."))
    settings = {"gender_rounding": gender_rounding}
    if quorum:
        settings["quorum"] = list(quorum)
    ids: list[int] = []
    for race, seats in races:
        race_slates = slates.get(race, {})
        cid = consultations.create(vault, "election", f"{title} — {_(RACES[race])}", roll_id=roll_id,
                                   options=list(race_slates), parent_id=ids[0] if ids else None, race=race,
                                   seats=seats, settings=settings, **fields)
        for slate, people in race_slates.items():
            add_candidates(vault, cid, slate, people)
        ids.append(cid)
    return ids


def parse_slate(line: str) -> tuple[str, list[tuple[str, str, str]]]:
    """"Planilla Verde: Ana Pérez (M), Juan López (H)" -> ("Planilla Verde", [("1", "Ana Pérez", "M"), ...]).

    Used by the setup wizard: one slate per line, candidates in seat order, sex in parentheses (M/H).
    """
    name, _sep, rest = line.partition(":")
    people = []
    for i, part in enumerate([p.strip() for p in rest.split(",") if p.strip()], 1):
        sex = ""
        if part.endswith(")") and "(" in part:
            part, _o, tail = part.rpartition("(")
            sex = tail.rstrip(")").strip().upper()[:1]
            sex = {"F": "M", "W": "M", "MUJER": "M"}.get(sex, sex) if sex not in ("M", "H") else sex
        people.append((str(i), part.strip(), sex if sex in ("M", "H", "X") else ""))
    return name.strip(), people


def add_candidates(vault: Vault, cid: int, slate: str, people: list[tuple[str, str, str]]) -> None:
    row = vault.query("SELECT id FROM vote_option WHERE consultation_id = ? AND name = ?", (cid, slate))
    if not row:
        raise ValidationError(_("Unknown options: {names}.").format(names=slate))
    with vault.transaction() as conn:
        conn.executemany("INSERT INTO slate_candidate (option_id, seq, office, full_name, sex) VALUES (?,?,?,?,?)",
                         [(row[0][0], i, office, name, sex) for i, (office, name, sex) in enumerate(people, 1)])


def candidates(vault: Vault, cid: int, slate: str) -> list[dict]:
    return [{"office": o, "full_name": n, "sex": s} for o, n, s in vault.query(
        "SELECT c.office, c.full_name, c.sex FROM slate_candidate c JOIN vote_option o ON o.id = c.option_id "
        "WHERE o.consultation_id = ? AND o.name = ? ORDER BY c.seq", (cid, slate))]


def roll_sex_counts(vault: Vault, roll_id: int) -> tuple[int, int]:
    """(women, total) among the eligible voters of the roll (sex from the register / CURP)."""
    people = rolls.eligible(vault, roll_id)
    return sum(1 for p in people if p.sex == "M"), len(people)


def slate_gender(vault: Vault, cid: int, slate: str) -> dict:
    """LFT 371 IX Bis for a slate (checked before registration, and for the winner after the count)."""
    c = consultations.get(vault, cid)
    people = candidates(vault, cid, slate)
    seats = c["seats"] or len(people)
    women, members = roll_sex_counts(vault, c["roll_id"])
    elected = sum(1 for p in people[:seats] if p["sex"] == "M")
    return gender_check(women, members, seats, elected, c["settings"].get("gender_rounding", "floor"))


def gender_warnings(vault: Vault, cid: int, winner: str | None) -> list[str]:
    c = consultations.get(vault, cid)
    if c["kind"] != "election" or not winner or c["seats"] <= 1:
        return []
    w = gender_warning(slate_gender(vault, cid, winner))
    return [w] if w else []
