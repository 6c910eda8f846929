"""Quarterly joiners and leavers (altas y bajas, LFT art. 377-III) as CSV and PDF.

    mv = movements(vault, date(2025, 1, 1), date(2025, 3, 31))
    write_pdf(vault, mv, "altas-bajas.pdf");  write_csv(vault, mv, "altas-bajas.csv")
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path

from unionkit.formatting import format_date, format_int
from unionkit.fsutil import write_private
from unionkit.i18n import _
from unionkit.members import joins
from unionkit.members.export import neutralize
from unionkit.members.model import LEAVING_STATUSES, status_label
from unionkit.vault import Vault


@dataclass
class Movement:
    date: str
    name: str
    employee_no: str
    workplace: str
    status: str
    reason: str


@dataclass
class Movements:
    start: dt.date
    end: dt.date
    members_at_start: int = 0
    members_at_end: int = 0
    joiners: list[Movement] = field(default_factory=list)
    leavers: list[Movement] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"start": self.start.isoformat(), "end": self.end.isoformat(),
                "members_at_start": self.members_at_start, "members_at_end": self.members_at_end,
                "joiners": [m.__dict__ for m in self.joiners], "leavers": [m.__dict__ for m in self.leavers]}


def members_on(vault: Vault, day: dt.date) -> int:
    """Members on ``day``: people whose latest event up to that day leaves them active or suspended."""
    return int(vault.scalar(joins.with_events(
        "SELECT count(*) FROM (SELECT status, row_number() OVER (PARTITION BY person_id "
        "ORDER BY event_date DESC, id DESC) AS rn FROM ev WHERE event_date <= ?) "
        "WHERE rn = 1 AND status IN ('active', 'suspended')"), (joins.reason(), day.isoformat())))


def _events(vault: Vault, start: dt.date, end: dt.date, where: str, params: tuple) -> list[Movement]:
    rows = vault.query(joins.with_events(
        "SELECT e.event_date, p.primer_apellido, p.segundo_apellido, p.nombre, p.employee_no, "
        "coalesce(w.name, ''), e.status, e.reason FROM ev e JOIN person p ON p.id = e.person_id "
        "LEFT JOIN workplace w ON w.id = p.workplace_id WHERE e.event_date BETWEEN ? AND ? AND " + where +
        " ORDER BY e.event_date, p.sort_name"), (joins.reason(), start.isoformat(), end.isoformat(), *params))
    out = []
    for d, ap1, ap2, nombre, emp, wp, status, reason in rows:
        surnames = " ".join(s for s in (ap1, ap2) if s)
        out.append(Movement(d, f"{surnames}, {nombre}" if surnames else nombre, emp, wp, status, reason))
    return out


def movements(vault: Vault, start: dt.date, end: dt.date) -> Movements:
    mv = Movements(start, end)
    mv.members_at_start = members_on(vault, start - dt.timedelta(days=1))
    mv.members_at_end = members_on(vault, end)
    mv.joiners = _events(vault, start, end, "e.kind = 'join'", ())
    marks = ",".join("?" * len(LEAVING_STATUSES))
    mv.leavers = _events(vault, start, end, f"e.kind = 'status' AND e.status IN ({marks})", LEAVING_STATUSES)
    return mv


def _period(mv: Movements) -> str:
    return _("{start} to {end}").format(start=format_date(mv.start), end=format_date(mv.end))


def write_csv(vault: Vault, mv: Movements, out: str | Path) -> Path:
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([_("Movement"), _("Date"), _("Name"), _("Employee number"), _("Workplace"), _("Status"),
                _("Reason")])
    for kind, items in ((_("Joined"), mv.joiners), (_("Left"), mv.leavers)):
        for m in items:
            w.writerow([neutralize(x) for x in (kind, format_date(dt.date.fromisoformat(m.date)), m.name,
                                                m.employee_no, m.workplace, status_label(m.status), m.reason)])
    write_private(Path(out), buf.getvalue().encode("utf-8-sig"))
    return Path(out)


def write_pdf(vault: Vault, mv: Movements, out: str | Path) -> Path:
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer

    from unionkit.reports.common import UnionDocument, chunked_tables, signature_blocks, simple_table

    doc = UnionDocument(Path(out), title=_("Members who joined and left"), union_name=vault.union_name,
                        period=_period(mv), subtitle=_("Quarterly notice of joiners and leavers "
                                                       "(LFT art. 377, section III)"))
    ss = doc.styles
    story = [simple_table([
        [_("Members at the start of the period"), format_int(mv.members_at_start)],
        [_("Joined"), format_int(len(mv.joiners))],
        [_("Left"), format_int(len(mv.leavers))],
        [_("Members at the end of the period"), format_int(mv.members_at_end)],
    ], header=[_("Summary"), _("People")], col_widths=[110 * mm, 30 * mm], right_cols=[1]), Spacer(1, 6 * mm)]
    widths = [20 * mm, 52 * mm, 26 * mm, 34 * mm, 38 * mm]
    for title, items, last in ((_("Joined"), mv.joiners, _("Reason")), (_("Left"), mv.leavers, _("Status"))):
        story.append(Paragraph(title, ss["H2"]))
        if not items:
            story.append(Paragraph(_("Nobody in this period."), ss["Body"]))
            continue
        rows = [[format_date(dt.date.fromisoformat(m.date)), Paragraph(m.name, ss["Cell"]), m.employee_no,
                 Paragraph(m.workplace, ss["Cell"]),
                 Paragraph(m.reason if last == _("Reason") else
                           " — ".join(x for x in (status_label(m.status), m.reason) if x), ss["Cell"])]
                for m in items]
        story.extend(chunked_tables(rows, header=[_("Date"), _("Name"), _("Employee no."), _("Workplace"), last],
                                    col_widths=widths))
    story += [Spacer(1, 12 * mm), signature_blocks([_("General Secretary"), _("Secretary of Records")])]
    doc.build(story)
    return Path(out)
