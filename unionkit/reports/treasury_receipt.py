"""A numbered cash receipt (folio) for dues paid in cash, with the amount in words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from unionkit.errors import ValidationError
from unionkit.formatting import format_long_date
from unionkit.i18n import _
from unionkit.ledger.accounts import get_category
from unionkit.ledger.entries import get_entry
from unionkit.ledger.months import month_label
from unionkit.ledger.people import person_name
from unionkit.ledger.words import amount_in_words
from unionkit.money import Money
from unionkit.reports.common import UnionDocument, signature_blocks, simple_table
from unionkit.reports.treasury_common import document_language, money, para


def build_receipt(vault, entry_id: int, out: Path, *, lang: str = "es") -> Path:
    e = get_entry(vault, entry_id)
    if e.folio is None:
        raise ValidationError(_("Entry {id} has no receipt number (only cash payments get one).").format(id=entry_id))
    with document_language(lang) as code:
        cat = get_category(vault, e.category_id)
        payer = person_name(vault, e.person_id) or e.memo
        curp = vault.scalar("SELECT curp FROM person WHERE id = ?", (e.person_id,)) if e.person_id else None
        doc = UnionDocument(out, title=_("Receipt No. {folio}").format(folio=f"{e.folio:06d}"),
                            union_name=vault.union_name, lang=code)
        concept = cat.name + (" \u00b7 " + _("dues for {month}").format(month=month_label(e.dues_period))
                              if e.dues_period else "")
        st = [simple_table([[_("Receipt number"), f"{e.folio:06d}"],
                            [_("Date"), format_long_date(dt.date.fromisoformat(e.entry_date))],
                            [_("Received from"), payer + (f" (CURP {curp})" if curp else "")],
                            [_("Concept"), concept],
                            [_("Amount"), money(abs(e.amount))]],
                           header=[_("Cash receipt"), ""], col_widths=[45 * mm, 125 * mm])]
        st.append(Spacer(1, 4 * mm))
        st.append(para(_("The sum of {words}").format(words="<b>" + amount_in_words(Money(abs(e.amount))) + "</b>")))
        st.append(Spacer(1, 2 * mm))
        st.append(para(_("Ledger entry {id} \u00b7 {hash}").format(id=e.id, hash=e.hash), "Small"))
        st.append(signature_blocks([_("Received: Treasurer")], width=80 * mm))
        return doc.build(st)
