"""The art. 373 delivery log on its own: Annex B of the account (who received it, how, when, a column
to sign), reprinted as the deliveries are recorded after the assembly."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.platypus import PageBreak, Spacer

from unionkit import i18n
from unionkit.formatting import format_date, format_int, format_percent, truncated_percent
from unionkit.i18n import _
from unionkit.ledger import delivery
from unionkit.reports.common import UnionDocument
from unionkit.reports.treasury_account373 import _delivery_annex, period_text
from unionkit.reports.treasury_common import document_language, para
from unionkit.vault import Vault


def build_delivery_log(vault: Vault, report_id: int, out: Path, *, lang: str | None = None,
                       today: dt.date | None = None) -> tuple[Path, dict]:
    """Write the delivery log of one account; returns the path and {delivered, members, head}."""
    report = delivery.get_report(vault, report_id)
    lang = lang or ("es" if i18n.language().startswith("es") else "en")
    with document_language(lang) as code:
        log = delivery.delivery_log(vault, report_id)
        delivered = sum(1 for r in log if r["method"])
        period = period_text(report.from_month, report.to_month)
        doc = UnionDocument(out, title=_("Delivery of the art. 373 account"), union_name=vault.union_name,
                            period=period, head_hash=report.head_hash, lang=code)
        annex = [x for x in _delivery_annex(log, delivered) if not isinstance(x, PageBreak)]
        intro = [
            para(_("Record of the written delivery to every member of the account of the administration of "
                   "the union's assets for {period} (Federal Labor Law, art. 373). Ledger head hash of the "
                   "account presented: {hash}.").format(period=period, hash=report.head_hash)),
            para(_("As of {date}: delivered to {delivered} of {total} active members ({percent}); {pending} "
                   "pending.").format(date=format_date(today or dt.date.today()), delivered=format_int(delivered),
                                      total=format_int(len(log)), pending=format_int(len(log) - delivered),
                                      percent=format_percent(truncated_percent(delivered, len(log))))),
            Spacer(1, 1),
        ]
        path = doc.build(annex[:1] + intro + annex[2:])
    return path, {"delivered": delivered, "members": len(log), "head": report.head_hash}
