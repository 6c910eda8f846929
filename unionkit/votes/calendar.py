"""Rest days and the consultation date checks (DOMAIN §2, §3, §7.6).

Mandatory rest days, LFT art. 74: 1 January; first Monday of February; third Monday of March; 1 May;
16 September; third Monday of November; 1 October every six years when the federal executive takes
office (2024, 2030, …); 25 December; and election days (passed in as ``extra``). Business days
("días hábiles", LFT 734: days the authority works) are Monday-Friday that are not rest days; the CFCRL's
own non-working days are a setting (``extra``).
Terms start the day after (LFT 733); where the LFT only says "días" both readings are shown (§7.6).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from unionkit.formatting import format_date
from unionkit.i18n import N_, _


def _nth_monday(year: int, month: int, n: int) -> dt.date:
    first = dt.date(year, month, 1)
    offset = (0 - first.weekday()) % 7
    return first + dt.timedelta(days=offset + 7 * (n - 1))


def rest_days(year: int) -> set[dt.date]:
    """LFT art. 74 fractions I–VIII for ``year`` (without election days)."""
    days = {
        dt.date(year, 1, 1),            # I
        _nth_monday(year, 2, 1),        # II  (5 Feb)
        _nth_monday(year, 3, 3),        # III (21 Mar)
        dt.date(year, 5, 1),            # IV
        dt.date(year, 9, 16),           # V
        _nth_monday(year, 11, 3),       # VI  (20 Nov)
        dt.date(year, 12, 25),          # VIII
    }
    if year >= 2024 and (year - 2024) % 6 == 0:
        days.add(dt.date(year, 10, 1))  # VII: transmission of the federal executive
    return days


def is_business_day(d: dt.date, extra: Iterable[dt.date] = ()) -> bool:
    return d.weekday() < 5 and d not in rest_days(d.year) and d not in set(extra)


def add_business_days(start: dt.date, n: int, extra: Iterable[dt.date] = ()) -> dt.date:
    """The n-th business day after ``start`` (n > 0) or before it (n < 0); the start day is not counted."""
    extra = set(extra)
    step = 1 if n >= 0 else -1
    d, left = start, abs(n)
    while left:
        d += dt.timedelta(days=step)
        if is_business_day(d, extra):
            left -= 1
    return d


@dataclass(frozen=True)
class DateCheck:
    code: str
    label: str          # translated rule text
    ok: bool | None     # None: the date is not recorded yet
    safe_date: dt.date | None
    detail: str = ""

    def to_json(self) -> dict:
        return {"code": self.code, "label": self.label, "ok": self.ok,
                "safe_date": self.safe_date.isoformat() if self.safe_date else None, "detail": self.detail}


_LABELS = {
    "aviso": N_("Notice to the CFCRL at least 10 days before the vote (LFT 390 Ter I)"),
    "convocatoria": N_("Convocatoria 10 to 15 days before the vote (LFT 390 Ter I, 390 Bis III b)"),
    "results_posted": N_("Result posted at most 2 days after the vote (LFT 390 Ter II e)"),
    "cfcrl_notice": N_("Result notified to the CFCRL within 3 business days (LFT 390 Ter II f)"),
    "cct_copy": N_("Printed CCT delivered at least 3 business days before the vote (legitimation protocol)"),
    "padron_published": N_("Roll published at least 3 days before the election (LFT 371 IX d)"),
    "election_convocatoria": N_("Convocatoria published at least 10 days before the election (LFT 371 IX b)"),
}


def _check(code: str, value: dt.date | None, ok: bool, safe: dt.date | None, detail: str = "") -> DateCheck:
    return DateCheck(code, _(_LABELS[code]), None if value is None else ok, safe, detail)


def _both(code: str, value: dt.date | None, vote: dt.date, days: int, extra: set[dt.date]) -> DateCheck:
    """"At least N días before": calendar reading decides, business-day reading shown (§7.6 safe date)."""
    cal = vote - dt.timedelta(days=days)
    bus = add_business_days(vote, -days, extra)
    detail = ""
    ok = value is not None and value <= cal
    if ok and value > bus:
        detail = _("meets {days} calendar days but not {days} business days (safe date {safe})").format(
            days=days, safe=format_date(bus))
    return _check(code, value, ok, bus, detail)


def consultation_checks(kind: str, vote: dt.date, *, aviso: dt.date | None = None,
                        convocatoria: dt.date | None = None, results_posted: dt.date | None = None,
                        cfcrl_notice: dt.date | None = None, cct_copy: dt.date | None = None,
                        padron_published: dt.date | None = None,
                        extra: Iterable[dt.date] = ()) -> list[DateCheck]:
    """Every date rule that applies to ``kind`` (DOMAIN §2 "Date validations", §3 "Guards")."""
    extra = set(extra)
    out: list[DateCheck] = []
    if kind == "election":
        out.append(_both("election_convocatoria", convocatoria, vote, 10, extra))
        out.append(_both("padron_published", padron_published, vote, 3, extra))
        return out
    if kind in ("initial_cct", "revision", "termination", "legitimation"):
        out.append(_both("aviso", aviso, vote, 10, extra))
    if kind != "strike_recount":
        lo, hi = vote - dt.timedelta(days=15), vote - dt.timedelta(days=10)
        ok = convocatoria is not None and lo <= convocatoria <= hi
        out.append(_check("convocatoria", convocatoria, ok, hi,
                          _("between {lo} and {hi}").format(lo=format_date(lo), hi=format_date(hi))))
    if kind in ("initial_cct", "revision", "termination", "legitimation"):
        last = vote + dt.timedelta(days=2)
        out.append(_check("results_posted", results_posted,
                          results_posted is not None and vote <= results_posted <= last, last))
        last_b = add_business_days(vote, 3, extra)
        out.append(_check("cfcrl_notice", cfcrl_notice,
                          cfcrl_notice is not None and vote <= cfcrl_notice <= last_b, last_b))
    if kind == "legitimation":
        safe = add_business_days(vote, -3, extra)
        out.append(_check("cct_copy", cct_copy, cct_copy is not None and cct_copy <= safe, safe))
    return out


def constancia_expiry(issued: dt.date) -> dict:
    """The constancia de representatividad is valid 6 months from issuance (LFT 387 last para.). Whether
    "6 months" means calendar months or 180 days (LFT 736: months of 30 days) is open (DOMAIN §8.8): both are
    computed and the earlier one is the date to act on. (A strike in progress suspends expiry.)"""
    m = issued.month - 1 + 6
    y, m = issued.year + m // 12, m % 12 + 1
    day = issued.day
    while True:
        try:
            months = dt.date(y, m, day)
            break
        except ValueError:
            day -= 1
    days = issued + dt.timedelta(days=180)
    return {"calendar_months": months, "days_180": days, "alert": min(months, days)}


def campaign_deadlines(filing: dt.date, extra: Iterable[dt.date] = ()) -> dict[str, dt.date]:
    """The CFCRL's terms after a 390 Bis filing (DOMAIN §1 "Deadline engine"): deficiency notice and
    publication within 3 days (LFT 390 Bis I, II: shorter calendar reading, the business-day reading is the
    latest the CFCRL may take), adhesion window of 10 days after publication (390 Bis II)."""
    pub = filing + dt.timedelta(days=3)
    return {"prevencion_by": pub, "publication_by": pub, "publication_by_business": add_business_days(filing, 3, extra),
            "adhesion_until": pub + dt.timedelta(days=10)}
