"""The 30 % representativeness threshold and the support-list checks (LFT 390 Bis; DOMAIN §1).

Integers only, never a rounded percentage: met iff ``10·S >= 3·N`` ("por lo menos el treinta por
ciento", LFT 390 Bis III — exactly 30 % is enough); required ``S_min = ceil(3N/10) = (3N + 9) // 10``.
Percentages are shown truncated: 749 of 2,500 is "29.96" and fails.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from unionkit.formatting import truncated_percent
from unionkit.i18n import N_, _

# Rejection reason codes (stored/returned as codes, shown translated with ``reason_text``).
REASONS = {
    "invalid_curp": N_("invalid CURP"),
    "missing_curp": N_("no CURP"),
    "not_on_roll": N_("not on the roll of covered workers"),
    "duplicate": N_("duplicate CURP (first on line {first})"),
    "hired_after_filing": N_("hired after the filing date"),
    "no_hire_date": N_("no hire date"),
    "not_signed": N_("not signed (an autograph signature is required)"),
    "confianza": N_("trabajador de confianza"),
    "no_name": N_("no name"),
}


def reason_text(code: str, **kw: object) -> str:
    return _(REASONS[code]).format(**kw) if code in REASONS else code


def required(n: int) -> int:
    """Minimum valid supporters for a roll of ``n``: ``ceil(3n/10)`` in integers (LFT 390 Bis III)."""
    return (3 * n + 9) // 10


def met(s: int, n: int) -> bool:
    """``10·S >= 3·N``: at least 30 % (LFT 390 Bis III, "por lo menos")."""
    return 10 * s >= 3 * n


def missing(s: int, n: int) -> int:
    """How many more valid signatures are needed (0 when met)."""
    return max(0, required(n) - s)


@dataclass(frozen=True)
class SupportRow:
    line: int
    full_name: str
    curp: str
    hire_date: dt.date | None
    signed: bool


@dataclass(frozen=True)
class RollPerson:
    curp: str
    full_name: str
    hire_date: dt.date | None = None
    confianza: bool = False
    dismissed: bool = False


@dataclass
class ThresholdResult:
    covered: int
    valid_supporters: int
    rejected: list[dict] = field(default_factory=list)
    in_service: int | None = None
    flagged: list[dict] = field(default_factory=list)

    @property
    def required(self) -> int:
        return required(self.covered)

    @property
    def met(self) -> bool:
        # DOMAIN §1 "compute against both N_cov and N_srv; block the filing if either fails".
        ok = met(self.valid_supporters, self.covered)
        if self.in_service is not None:
            ok = ok and met(self.valid_supporters, self.in_service)
        return ok

    @property
    def pct(self) -> str:
        return truncated_percent(self.valid_supporters, self.covered)

    @property
    def missing(self) -> int:
        k = missing(self.valid_supporters, self.covered)
        if self.in_service is not None:
            k = max(k, missing(self.valid_supporters, self.in_service))
        return k

    @property
    def warnings(self) -> list[str]:
        """A thin margin: the CFCRL cross-checks with outside data (IMSS) and may strike entries. Warn when
        fewer than 10 % above the minimum (DOMAIN §1: a product choice, not law)."""
        if self.met and self.covered and 10 * self.valid_supporters < 11 * self.required:
            return [_("The threshold is met by a thin margin ({s} for {req} required): the CFCRL cross-checks "
                      "the list and may strike entries; aim for at least 10 % more.").format(
                s=self.valid_supporters, req=self.required)]
        return []

    def counter_text(self) -> str:
        """"S de N (xx.xx %) — faltan K" (the workbench's live counter)."""
        if self.missing:
            return _("{s} of {n} ({pct} %) — {k} more needed").format(
                s=self.valid_supporters, n=self.covered, pct=self.pct, k=self.missing)
        return _("{s} of {n} ({pct} %) — threshold met").format(
            s=self.valid_supporters, n=self.covered, pct=self.pct)

    def to_json(self) -> dict:
        out = {"covered": self.covered, "valid_supporters": self.valid_supporters, "required": self.required,
               "met": self.met, "pct": self.pct, "missing": self.missing, "rejected": self.rejected,
               "flagged": self.flagged, "warnings": self.warnings}
        if self.in_service is not None:
            out["in_service"] = self.in_service
            out["in_service_required"] = required(self.in_service)
            out["in_service_pct"] = truncated_percent(self.valid_supporters, self.in_service)
        return out


def check_support(rows: Iterable[SupportRow], roll: dict[str, RollPerson], covered: int,
                  filing_date: dt.date, *, in_service: int | None = None,
                  curp_ok=None) -> ThresholdResult:
    """Check every support row (DOMAIN §1 "Signature validity rules"); each rejection carries its line.

    ``roll`` maps CURP -> person of the covered-worker roll (confianza already excluded from it, LFT 363,
    390 Bis III a)). ``curp_ok(curp) -> bool`` validates the CURP (default: members.identifiers).
    Names on another union's list are allowed (LFT 390 Bis II), so nothing here looks at other lists.
    """
    if curp_ok is None:
        curp_ok = _default_curp_ok()
    seen: dict[str, int] = {}
    valid = 0
    rejected: list[dict] = []
    flagged: list[dict] = []

    def reject(row: SupportRow, code: str, **kw: object) -> None:
        rejected.append({"line": row.line, "reason": reason_text(code, **kw), "code": code,
                         "name": row.full_name, "curp": row.curp})

    for row in rows:
        curp = (row.curp or "").strip().upper()
        if not row.full_name.strip():
            reject(row, "no_name")
            continue
        if not curp:
            reject(row, "missing_curp")
            continue
        if not curp_ok(curp):
            reject(row, "invalid_curp")
            continue
        if curp in seen:  # keep the first valid row, flag the rest (DOMAIN §1)
            reject(row, "duplicate", first=seen[curp])
            continue
        person = roll.get(curp)
        if person is None:
            why = _excluded(roll).get(curp)
            reject(row, {"confianza": "confianza", "hired_after": "hired_after_filing"}.get(why or "", "not_on_roll"))
            continue
        hire = row.hire_date or person.hire_date
        if hire is None:
            reject(row, "no_hire_date")
            continue
        if hire > filing_date:  # LFT 390 Bis III a): hires after the filing do not count
            reject(row, "hired_after_filing")
            continue
        if not row.signed:  # LFT 390 Bis I: firma autógrafa
            reject(row, "not_signed")
            continue
        if person.dismissed:
            flagged.append({"line": row.line, "reason": _("dismissed: counts only within 3 months of the "
                                                          "filing date")})
        seen[curp] = row.line
        valid += 1
    return ThresholdResult(covered, valid, rejected, in_service, flagged)


class RollMap(dict):
    """CURP -> eligible person, plus ``excluded``: CURP -> exclusion reason code (to explain rejections)."""

    def __init__(self, *a, excluded: dict[str, str] | None = None, **kw) -> None:
        super().__init__(*a, **kw)
        self.excluded = excluded or {}


def _excluded(roll: dict[str, RollPerson]) -> dict[str, str]:
    return getattr(roll, "excluded", {})


def _default_curp_ok():
    try:
        from unionkit.members.identifiers import check_curp
    except ImportError:  # pragma: no cover - the members area provides it
        from unionkit.votes.curp import curp_is_valid
        return curp_is_valid
    return lambda curp: check_curp(curp) is None
