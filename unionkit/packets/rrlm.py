"""USMCA Rapid Response specifics: the covered-facility check and the case clocks (DOMAIN.md §5.1, §5.3).

Clocks are calendar days. The ILC 30-day review and Mexico's 10 + 45 days are in the sources; whether
USMCA "days" are calendar days is not verified, so each clock says whether it is verified or assumed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from unionkit.i18n import _
from unionkit.packets.cases import Case


@dataclass(frozen=True)
class Check:
    ok: bool
    message: str


@dataclass(frozen=True)
class CaseClock:
    key: str
    label: str
    start: dt.date
    due: dt.date
    days: int
    basis: str  # "verified" or "assumed"

    def days_left(self, today: dt.date) -> int:
        return (self.due - today).days


def coverage_checks(case: Case) -> list[Check]:
    """Is this a covered facility in a priority sector with a trade nexus? (Annex 31-A.15)"""
    out = []
    if case.facility_sector:
        out.append(Check(True, _("Priority sector: yes (manufactured goods, services or mining).")))
    else:
        out.append(Check(False, _("Priority sector: choose the facility's sector (manufacturing, services or "
                                  "mining).")))
    if case.facility_subsector:
        out.append(Check(True, _("US priority subsector listed in 19 U.S.C. 4643.")))
    else:
        out.append(Check(True, _("Not in a US priority subsector: still covered if the sector is a priority "
                                 "sector, but the ILC gives priority to the listed subsectors.")))
    if case.exports_to_us or case.competes_in_us:
        out.append(Check(True, _("Trade nexus: the facility's goods or services are traded with the US or "
                                 "compete with US ones.")))
    else:
        out.append(Check(False, _("Trade nexus missing: show that the goods are exported to the US or compete "
                                  "with US goods.")))
    if not (case.facility_legal_name or case.facility_name):
        out.append(Check(False, _("Facility: give its legal name (razón social).")))
    if not case.facility_address:
        out.append(Check(False, _("Facility: give its full address.")))
    return out


def is_covered(case: Case) -> bool:
    return all(c.ok for c in coverage_checks(case))


def clocks(case: Case) -> list[CaseClock]:
    out: list[CaseClock] = []
    if case.submitted_at:
        s = dt.date.fromisoformat(case.submitted_at)
        out.append(CaseClock("ilc_decision", _("ILC decision on the petition"), s, s + dt.timedelta(days=30), 30,
                             "verified"))
    if case.review_requested_at:
        r = dt.date.fromisoformat(case.review_requested_at)
        out.append(CaseClock("mx_accept", _("Mexico says whether it will review"), r, r + dt.timedelta(days=10),
                             10, "verified"))
        out.append(CaseClock("mx_review", _("Mexico completes its review"), r, r + dt.timedelta(days=45), 45,
                             "verified"))
    return out


def day_basis_note() -> str:
    return _("Durations are verified; counting them as calendar days is an assumption.")


# DOL web hotline (a confidential tip, not a formal petition): DOMAIN.md §5.2.
HOTLINE_MAX_FILES = 3
HOTLINE_MAX_FILE = 25 * 1024 * 1024
HOTLINE_MAX_TOTAL = 30 * 1024 * 1024
HOTLINE_TYPES = {"doc", "docx", "pdf", "txt", "csv", "xls", "xlsx", "ppt", "pptx", "bmp", "gif", "ico", "jpeg",
                 "jpg", "png", "svg", "tiff", "tif", "mp3", "ogg", "wav", "wma", "avi", "m4v", "mov", "mp4", "mpg",
                 "mpeg", "wmv", "xml"}


def hotline_problems(files: list[tuple[str, int]]) -> list[str]:
    """What stops these exhibits (name, size) from going through the DOL hotline form as they are."""
    out = []
    if len(files) > HOTLINE_MAX_FILES:
        out.append(_("The hotline takes at most {n} files; this case has {m}.").format(n=HOTLINE_MAX_FILES,
                                                                                      m=len(files)))
    for name, size in files:
        ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        if ext not in HOTLINE_TYPES:
            out.append(_("{name}: the hotline does not accept this file type.").format(name=name))
        if size > HOTLINE_MAX_FILE:
            out.append(_("{name}: larger than 25 MB.").format(name=name))
    if sum(size for _n, size in files) > HOTLINE_MAX_TOTAL:
        out.append(_("Together the files are larger than the hotline's 30 MB."))
    return out
