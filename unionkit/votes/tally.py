"""Tally arithmetic for consultations (pure, integers only; DOMAIN §1.5, §1.6, §2).

- Approval votes (LFT 390 Ter: initial CCT, revision, termination (401 I); legitimation, Transitorio
  Décimo Primero 2019; strike recount, 931): YES share over valid votes, over cast votes and over the
  whole roll are all computed; the decision rule is a setting (default: majority of valid votes);
  when another base disagrees the result carries a warning. A tie is a tie (a new consultation may be
  called, CFCRL legitimation protocol).
- Representation votes (LFT 388, 390 Bis III): the most votes wins; void when fewer than 30 % of the
  roll voted (``10·cast >= 3·N``); a tie at the top is flagged (the LFT does not regulate it).

Every comparison is in integers; percentages are display strings truncated to two decimals.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from unionkit.errors import ValidationError
from unionkit.formatting import truncated_percent
from unionkit.i18n import _

APPROVAL = "approval"
REPRESENTATION = "representation"
ELECTION = "election"
RULES = ("valid", "cast", "padron")
YES, NO = "yes", "no"


@dataclass(frozen=True)
class Sheet:
    """One booth's tally: votes per option, null ballots (blank folded in), optional ballot accounting."""

    booth: str
    options: dict[str, int]
    null: int = 0
    blank: int = 0
    received: int | None = None
    unused: int | None = None
    cancelled: int | None = None
    padron: int | None = None  # the booth's roll section, when known

    @property
    def valid(self) -> int:
        return sum(self.options.values())

    @property
    def cast(self) -> int:
        return self.valid + self.null + self.blank


@dataclass
class TallyResult:
    kind: str
    padron: int
    cast: int
    valid: int
    null: int
    options: dict[str, int]
    outcome: str
    winner: str | None
    rule: str | None
    bases: dict[str, dict] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    nulls_in_turnout: bool = True

    @property
    def turnout_pct(self) -> str:
        return truncated_percent(self.cast, self.padron)

    def to_json(self) -> dict:
        return {
            "kind": self.kind, "padron": self.padron, "cast": self.cast, "valid": self.valid,
            "null": self.null, "options": dict(self.options), "turnout_pct": self.turnout_pct,
            "turnout_valid_pct": truncated_percent(self.valid, self.padron),
            "outcome": self.outcome, "winner": self.winner, "rule": self.rule, "bases": self.bases,
            "warnings": list(self.warnings),
        }


def ballot_errors(sheet: Sheet) -> list[str]:
    """Ballot accounting (DOMAIN §2 integrity check): received = used + unused + cancelled, used = cast.

    Only the parts that were recorded are checked. A booth with more votes than its roll section is an
    error too. Returns translated messages; an empty list means the sheet is consistent.
    """
    errors = []
    for name, n in [*sheet.options.items(), ("null", sheet.null), ("blank", sheet.blank),
                    ("received", sheet.received), ("unused", sheet.unused), ("cancelled", sheet.cancelled)]:
        if n is not None and n < 0:
            errors.append(_("Booth {booth}: {field} cannot be negative ({n}).").format(
                booth=sheet.booth, field=name, n=n))
    if sheet.received is not None:
        used = sheet.cast
        rest = (sheet.unused or 0) + (sheet.cancelled or 0)
        if sheet.received != used + rest:
            errors.append(_("Booth {booth}: ballots received ({received}) must equal used ({used}) + unused "
                            "({unused}) + cancelled ({cancelled}).").format(
                booth=sheet.booth, received=sheet.received, used=used, unused=sheet.unused or 0,
                cancelled=sheet.cancelled or 0))
    if sheet.padron is not None and sheet.cast > sheet.padron:
        errors.append(_("Booth {booth}: {cast} votes but only {padron} voters on its roll.").format(
            booth=sheet.booth, cast=sheet.cast, padron=sheet.padron))
    return errors


def combine(sheets: Sequence[Sheet], options: Iterable[str] | None = None) -> Sheet:
    """Add booth sheets up (option order: ``options`` first, then as first seen)."""
    order = list(options or [])
    totals: dict[str, int] = {o: 0 for o in order}
    null = 0
    for s in sheets:
        for name, n in s.options.items():
            totals[name] = totals.get(name, 0) + n
        null += s.null + s.blank
    return Sheet(booth="*", options=totals, null=null)


def check_sheets(sheets: Sequence[Sheet], padron: int) -> None:
    """Raise ``ValidationError`` when a sheet is inconsistent or the votes exceed the roll."""
    if padron < 0:
        raise ValidationError(_("The roll size cannot be negative."))
    errors = [e for s in sheets for e in ballot_errors(s)]
    cast = sum(s.cast for s in sheets)
    if cast > padron:
        errors.append(_("{cast} votes were counted but the roll has only {padron} voters: the sheets are "
                        "inconsistent.").format(cast=cast, padron=padron))
    if errors:
        raise ValidationError(" ".join(errors))


def _approval(total: Sheet, padron: int, rule: str) -> TallyResult:
    y, n = total.options.get(YES, 0), total.options.get(NO, 0)
    valid, cast = y + n, total.cast
    base_n = {"valid": valid, "cast": cast, "padron": padron}
    # LFT 390 Ter: "la mayoría de los trabajadores cubiertos" — which base is open (DOMAIN §8.1).
    bases = {b: {"pct": truncated_percent(y, d), "passes": 2 * y > d, "yes": y, "of": d}
             for b, d in base_n.items()}
    warnings: list[str] = []
    if valid == 0:
        outcome = "rejected"
        warnings.append(_("No valid votes were cast."))
    elif bases[rule]["passes"]:
        outcome = "approved"
    elif y == n:
        outcome = "tie"
        warnings.append(_("Tie between YES and NO: the union may call a new consultation."))
    else:
        outcome = "rejected"
    labels = {"valid": _("valid votes"), "cast": _("votes cast"), "padron": _("the whole roll")}
    for b in RULES:
        if b != rule and bases[b]["passes"] != bases[rule]["passes"] and valid:
            warnings.append(_("Counted over {base} the result would differ: YES is {pct} % of {base} "
                              "({passes}).").format(base=labels[b], pct=bases[b]["pct"],
                                                    passes=_("passes") if bases[b]["passes"]
                                                    else _("does not pass")))
    return TallyResult(APPROVAL, padron, cast, valid, total.null, {YES: y, NO: n, **{
        k: v for k, v in total.options.items() if k not in (YES, NO)}}, outcome, None, rule, bases, warnings)


def _representation(total: Sheet, padron: int, nulls_in_turnout: bool) -> TallyResult:
    valid, cast = total.valid, total.cast
    warnings: list[str] = []
    # LFT 390 Bis III 2nd para. / 388: at least 30 % of the covered workers must vote. Whether null
    # ballots count as "trabajadores votantes" is open (DOMAIN §8.2): a setting, both readings shown.
    floor_with_nulls = 10 * cast >= 3 * padron
    floor_valid_only = 10 * valid >= 3 * padron
    floor = floor_with_nulls if nulls_in_turnout else floor_valid_only
    bases = {
        "turnout_cast": {"pct": truncated_percent(cast, padron), "passes": floor_with_nulls},
        "turnout_valid": {"pct": truncated_percent(valid, padron), "passes": floor_valid_only},
    }
    if floor_with_nulls != floor_valid_only:
        warnings.append(_("The 30 % turnout floor is met only if null ballots count as voters ({with_nulls} % "
                          "with them, {without} % without): the law does not say.").format(
            with_nulls=bases["turnout_cast"]["pct"], without=bases["turnout_valid"]["pct"]))
    winner = None
    if not floor:
        outcome = "no_quorum"
        warnings.append(_("Fewer than 30 % of the roll voted ({pct} %): the vote is void.").format(
            pct=bases["turnout_cast" if nulls_in_turnout else "turnout_valid"]["pct"]))
    else:
        # LFT 388: the most votes wins; a tie between unions is not regulated (DOMAIN §1.5, §8.3).
        outcome, winner, warn = _plurality(total.options)
        if warn:
            warnings.append(warn)
    return TallyResult(REPRESENTATION, padron, cast, valid, total.null, dict(total.options), outcome, winner,
                       None, bases, warnings, nulls_in_turnout)


def _plurality(options: dict[str, int]) -> tuple[str, str | None, str | None]:
    """(outcome, winner, warning): the most votes wins; a tie at the top is flagged, never broken."""
    ranked = sorted(options.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] == 0:
        return "tie", None, _("No option received votes.")
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        tied = [k for k, v in ranked if v == ranked[0][1]]
        return "tie", None, _("Tie at the top between {names}: the law does not regulate it; the CFCRL "
                              "decides.").format(names=", ".join(tied))
    return "winner", ranked[0][0], None


def _election(total: Sheet, padron: int, quorum: tuple[int, int] | None) -> TallyResult:
    """Union election race (LFT 371 IX): the slate with the most votes; the quorum comes from the statutes
    (LFT 371 VIII) as a setting ``num/den`` of the roll — the LFT sets none, so none is assumed."""
    warnings: list[str] = []
    bases: dict[str, dict] = {}
    outcome, winner, warn = _plurality(total.options)
    if warn:
        warnings.append(warn)
    if quorum is None:
        warnings.insert(0, _("No quorum is set: the statutes define it (LFT 371 VIII)."))
    else:
        num, den = quorum
        ok = den * total.cast >= num * padron
        bases["quorum"] = {"pct": truncated_percent(total.cast, padron), "passes": ok,
                           "required": -(-num * padron // den) if den else 0}
        if not ok:
            outcome, winner = "no_quorum", None
            warnings.append(_("The statutory quorum ({num}/{den} of the roll) was not reached.").format(
                num=num, den=den))
    return TallyResult(ELECTION, padron, total.cast, total.valid, total.null, dict(total.options), outcome,
                       winner, None, bases, warnings)


def tally(kind: str, padron: int, sheets: Sequence[Sheet], *, rule: str = "valid",
          options: Iterable[str] | None = None, nulls_in_turnout: bool = True,
          quorum: tuple[int, int] | None = None) -> TallyResult:
    """Check the sheets and compute the result; raises ``ValidationError`` on inconsistent sheets."""
    if kind == ELECTION:
        check_sheets(sheets, padron)
        return _election(combine(sheets, options), padron, quorum)
    if kind not in (APPROVAL, REPRESENTATION):
        raise ValidationError(_("Unknown vote kind: {kind}.").format(kind=kind))
    if rule not in RULES:
        raise ValidationError(_("Unknown decision rule: {rule}.").format(rule=rule))
    check_sheets(sheets, padron)
    total = combine(sheets, options or ([YES, NO] if kind == APPROVAL else None))
    if kind == APPROVAL:
        extra = [k for k in total.options if k not in (YES, NO)]
        if extra:
            raise ValidationError(_("An approval vote has only the options yes and no (found: {names}).")
                                  .format(names=", ".join(extra)))
        return _approval(total, padron, rule)
    return _representation(total, padron, nulls_in_turnout)


def compare_entries(first: Sheet, second: Sheet) -> list[str]:
    """Double entry: the fields where two entries of the same booth sheet differ (empty = they agree)."""
    diffs = []
    for name in sorted(set(first.options) | set(second.options)):
        if first.options.get(name, 0) != second.options.get(name, 0):
            diffs.append(name)
    for name in ("null", "blank", "received", "unused", "cancelled"):
        if getattr(first, name) != getattr(second, name):
            diffs.append(name)
    return diffs
