"""Who is on a roll, per consultation kind; every exclusion carries a reason code (DOMAIN §1.2, §2, §3).

- Representation / 30 % campaign (LFT 390 Bis III a)): confianza excluded (also LFT 363); hires after
  the filing date excluded; dismissals within 3 months before or after the filing date included; workers
  who ended the relationship themselves (status ``quit``, from roster files) excluded — unless in
  litigation, which the user marks by recording them as dismissed.
  In the member register, ``resigned`` and ``suspended`` describe union membership, not employment: such
  workers are still covered by the CCT and vote in every consultation except union elections.
- Approval votes (LFT 390 Ter, 400 Bis): the covered workers, members or not, active on the cut-off date;
  confianza and hires after the cut-off excluded (legitimation protocol).
- Strike recount (LFT 931 II–IV): workers dismissed after the emplazamiento (the cut-off) count;
  confianza and hires after the emplazamiento do not.
- Union election (LFT 371 IX d), 362, 363): active members, at least 15 years old; confianza excluded;
  optionally members in good standing with their dues (statutes; a setting).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from unionkit.i18n import N_, _

REASONS = {
    "eligible": N_("eligible"),
    "dismissed_in_window": N_("dismissed within 3 months of the filing date: included (LFT 390 Bis III a)"),
    "dismissed_after_cutoff": N_("dismissed after the emplazamiento: included (LFT 931 III)"),
    "confianza": N_("trabajador de confianza (LFT 363, 390 Bis III a)"),
    "hired_after": N_("hired after the cut-off date"),
    "dismissed_outside": N_("dismissed more than 3 months from the filing date"),
    "dismissed": N_("no longer employed (dismissed)"),
    "resigned": N_("ended the employment relationship (resigned)"),
    "left_union": N_("resigned from the union"),
    "deceased": N_("deceased"),
    "suspended": N_("membership suspended"),
    "not_member": N_("not a union member"),
    "under_15": N_("younger than 15 (LFT 362)"),
    "dues": N_("not in good standing with dues (statutes)"),
    "duplicate": N_("duplicate CURP"),
    "no_hire_date": N_("no hire date"),
}
APPROVAL_KINDS = ("initial_cct", "revision", "termination", "legitimation")


def reason_text(code: str) -> str:
    return _(REASONS.get(code, code))


@dataclass(frozen=True)
class Candidate:
    full_name: str
    curp: str = ""
    hire_date: dt.date | None = None
    confianza: bool = False
    status: str = "active"          # active, suspended, resigned (the union), dismissed, deceased, quit (the job)
    status_date: dt.date | None = None
    is_member: bool = True
    birth_date: dt.date | None = None
    good_standing: bool = True


def _within_3_months(d: dt.date | None, cutoff: dt.date) -> bool:
    """±3 calendar months around the filing date (LFT 390 Bis III a)."""
    if d is None:
        return True  # date of dismissal unknown: keep, the user reviews the reason
    return _add_months(cutoff, -3) <= d <= _add_months(cutoff, 3)


def _add_months(d: dt.date, months: int) -> dt.date:
    m = d.month - 1 + months
    y, m = d.year + m // 12, m % 12 + 1
    for day in (d.day, 30, 29, 28):
        try:
            return dt.date(y, m, day)
        except ValueError:
            continue
    raise ValueError(d)


def evaluate(c: Candidate, purpose: str, cutoff: dt.date, *, check_dues: bool = False) -> tuple[bool, str]:
    """(eligible, reason code) for one person on ``purpose``'s roll as of ``cutoff``."""
    if c.confianza:
        return False, "confianza"
    if c.status == "deceased":
        return False, "deceased"
    if purpose == "election":
        if not c.is_member:
            return False, "not_member"
        if c.status != "active":
            return False, {"resigned": "left_union", "suspended": "suspended"}.get(c.status, "dismissed")
        if c.birth_date is not None and _add_months(c.birth_date, 15 * 12) > cutoff:
            return False, "under_15"
        if check_dues and not c.good_standing:
            return False, "dues"
        return True, "eligible"
    if c.hire_date is not None and c.hire_date > cutoff:
        return False, "hired_after"
    if c.status == "quit":
        return False, "resigned"
    if purpose in ("representation", "campaign"):
        if c.status == "dismissed":
            if _within_3_months(c.status_date, cutoff):
                return True, "dismissed_in_window"
            return False, "dismissed_outside"
        return True, "eligible"
    if purpose == "strike_recount":
        if c.status == "dismissed":
            if c.status_date is None or c.status_date > cutoff:
                return True, "dismissed_after_cutoff"
            return False, "dismissed"
        return True, "eligible"
    # approval votes: active covered workers on the cut-off date
    if c.status == "dismissed" and (c.status_date is None or c.status_date <= cutoff):
        return False, "dismissed"
    return True, "eligible"
