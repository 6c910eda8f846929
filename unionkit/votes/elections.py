"""Union election rules (LFT 358 II, 371 VIII, IX, IX Bis; DOMAIN §3) — pure integer arithmetic.

The LFT sets no election quorum: it comes from the statutes (LFT 371 VIII) as a setting
``quorum_num/quorum_den`` over a basis (members or roll). The rounding of gender-proportional
representation (LFT 371 IX Bis) is not set by law either: a setting, with every reading shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from unionkit.formatting import truncated_percent
from unionkit.i18n import _

ROUNDINGS = ("floor", "nearest", "ceil")


@dataclass(frozen=True)
class Quorum:
    num: int
    den: int
    basis: str = "padron"  # 'padron' or 'members'

    def met(self, present: int, base: int) -> bool:
        """``den·present >= num·base`` — e.g. 1/2 of 120 needs 60."""
        return self.den * present >= self.num * base

    def required(self, base: int) -> int:
        return -(-self.num * base // self.den) if self.den else 0


def _round(num: int, den: int, how: str) -> int:
    if how == "floor":
        return num // den
    if how == "ceil":
        return -(-num // den)
    return (2 * num + den) // (2 * den)  # nearest, half up


def gender_check(women_members: int, members: int, seats: int, women_elected: int,
                 rounding: str = "floor") -> dict:
    """LFT 371 IX Bis: compare the seats held by women (and by men) with their share of the members.

    target = W·S/M. Compliant iff women ≥ round(target) and men ≥ round((M−W)·S/M), where round is the
    setting (default floor: "floor/ceil tolerance", DOMAIN §3). Returns every reading.
    """
    if members <= 0 or seats <= 0:
        return {"ok": True, "readings": {}, "target": "0.00", "women_elected": women_elected}
    men_members, men_elected = members - women_members, seats - women_elected
    readings = {}
    for how in ROUNDINGS:
        w_min = _round(women_members * seats, members, how)
        m_min = _round(men_members * seats, members, how)
        readings[how] = {"women_min": w_min, "men_min": m_min,
                         "ok": women_elected >= w_min and men_elected >= m_min}
    return {"ok": readings[rounding]["ok"], "rounding": rounding, "readings": readings,
            "target": _target(women_members * seats, members), "women_elected": women_elected,
            "deviation": _target(women_elected * members - women_members * seats, members),
            "women_share_pct": truncated_percent(women_members, members)}


def _target(num: int, den: int) -> str:
    """num/den as a decimal string truncated towards zero (2 places)."""
    sign = "-" if num < 0 else ""
    q = abs(num) * 100 // den
    return f"{sign}{q // 100}.{q % 100:02d}"


def gender_warning(check: dict) -> str | None:
    if check.get("ok", True):
        others = [h for h, r in check.get("readings", {}).items() if not r["ok"]]
        if others:
            return _("Gender proportionality is met with the {rounding} rounding but not with: {others}.").format(
                rounding=check["rounding"], others=", ".join(others))
        return None
    r = check["readings"][check["rounding"]]
    return _("Gender proportionality (LFT 371 IX Bis) is not met: at least {w} seats for women and {m} for "
             "men are expected; women hold {elected}.").format(w=r["women_min"], m=r["men_min"],
                                                              elected=check["women_elected"])
