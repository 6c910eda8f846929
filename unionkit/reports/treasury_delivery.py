"""The art. 373 delivery log on its own: the per-member list of Annex B of the account (who received
it, how, when, a column to sign), reprinted as the deliveries are recorded after the assembly."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from unionkit import i18n
from unionkit.formatting import format_date, format_int, format_percent, truncated_percent
from unionkit.i18n import _
from unionkit.ledger import delivery
from unionkit.reports.common import UnionDocument, chunked_tables
from unionkit.reports.treasury_account373 import period_text
from unionkit.reports.treasury_common import cell, document_language, para
from unionkit.vault import Vault

# letter page less 2 x 18 mm margins: 180 mm; the method and names wrap instead of running over
COL_WIDTHS = [9 * mm, 52 * mm, 34 * mm, 35 * mm, 20 * mm, 30 * mm]


def delivery_table(log: list[dict]) -> list:
    """The numbered member list (name, workplace, how, date, an empty signature cell) as page-sized tables."""
    rows = []
    for i, r in enumerate(log, 1):
        when = format_date(dt.date.fromisoformat(r["delivered_at"][:10])) if r["delivered_at"] else ""
        how = cell(delivery.method_label(r["method"])) if r["method"] else ""
        rows.append([str(i), cell(r["name"]), cell(r["workplace"]), how, when, ""])
    return chunked_tables(rows, header=["#", _("Member"), _("Workplace"), _("How"), _("Date"), _("Signature")],
                          col_widths=COL_WIDTHS, right_cols=(0,), chunk=40)


def build_delivery_log(vault: Vault, report_id: int, out: Path, *, lang: str | None = None,
                       today: dt.date | None = None) -> tuple[Path, dict]:
    """Write the delivery log of one account; returns the path and {delivered, members, head}."""
    report = delivery.get_report(vault, report_id)
    lang = lang or ("es" if i18n.language().startswith("es") else "en")
    with document_language(lang) as code:
        log = delivery.delivery_log(vault, report_id)
        done = sum(1 for r in log if r["method"])
        period = period_text(report.from_month, report.to_month)
        doc = UnionDocument(out, title=_("Delivery of the art. 373 account"), union_name=vault.union_name,
                            period=period, head_hash=report.head_hash, lang=code)
        story = [
            para(_("Record of the written delivery to every member of the account of the administration of "
                   "the union's assets for {period} (Federal Labor Law, art. 373).").format(period=period)),
            Spacer(1, 2 * mm),
            para("<b>" + _("As of {date}: delivered to {delivered} of {total} active members ({percent}); "
                           "{pending} pending.").format(
                date=format_date(today or dt.date.today()), delivered=format_int(done), total=format_int(len(log)),
                pending=format_int(len(log) - done), percent=format_percent(truncated_percent(done, len(log))))
                 + "</b>"),
            para(_("Ledger head hash of the account presented: {hash}").format(hash=report.head_hash), "Small"),
            Spacer(1, 3 * mm),
        ]
        path = doc.build(story + delivery_table(log))
    return path, {"delivered": done, "members": len(log), "head": report.head_hash}
