"""The art. 373 account: a complete and detailed account of the union's assets for up to six months,
with an acta annex for the assembly and the per-member delivery log (who received it, how, when)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak, Spacer

from unionkit.errors import ValidationError
from unionkit.formatting import format_date, format_int
from unionkit.i18n import _
from unionkit.ledger import delivery, summary
from unionkit.ledger.accounts import EXPENSE_LINES, line_label
from unionkit.ledger.months import month_label, month_range
from unionkit.ledger.periods import list_closes
from unionkit.reports.common import UnionDocument, chunked_tables, signature_blocks, simple_table
from unionkit.reports.treasury_common import bar_chart, cell, document_language, heading, money, para
from unionkit.vault import Vault

ITEMIZE_FROM = 500_000  # single expenses of $5,000.00 or more are listed one by one


def period_text(first: str, last: str) -> str:
    return month_label(first) if first == last else _("{first} to {last}").format(
        first=month_label(first), last=month_label(last))


def build_account373(vault: Vault, first: str, last: str, out: Path, *, lang: str = "es") -> tuple[Path, dict]:
    months = month_range(first, last)
    if not months:
        raise ValidationError(_("The period ends before it starts."))
    if len(months) > 6:
        raise ValidationError(_("The art. 373 account covers at most six months; this period has {n}.").format(
            n=len(months)))
    with document_language(lang) as code:
        s = summary.period_summary(vault, first, last)
        report_id = delivery.report_for(vault, first, last, s.head_hash)
        log = delivery.delivery_log(vault, report_id)
        delivered = sum(1 for r in log if r["method"])
        doc = UnionDocument(out, title=_("Account of the union's assets (LFT art. 373)"),
                            union_name=vault.union_name, period=period_text(first, last), head_hash=s.head_hash,
                            lang=code)
        st: list = [para(_("Complete and detailed account of the administration of the union's assets that the "
                           "executive committee presents to the assembly, as article 373 of the Federal Labor Law "
                           "requires: income from dues and other sources, and what it was spent on."))]
        other = s.income_total - s.dues_total
        st.append(heading(_("Summary")))
        st.append(simple_table(
            [[_("Opening balance"), money(s.opening_total)], [_("Dues income"), money(s.dues_total)],
             [_("Other income"), money(other)], [_("Expenses"), money(s.expense_total)],
             [_("Closing balance"), money(s.closing_total)]],
            header=[period_text(first, last), _("Amount")], col_widths=[110 * mm, 50 * mm], right_cols=(1,),
            total_row=True))

        st.append(heading(_("Dues income by month")))
        by_month = dict(summary.dues_by_month(vault, first, last))
        st.append(simple_table([[month_label(m), money(by_month.get(m, 0))] for m in months]
                               + [[_("Total dues"), money(s.dues_total)]],
                               header=[_("Month"), _("Dues received")], col_widths=[110 * mm, 50 * mm],
                               right_cols=(1,), total_row=True))
        st.append(heading(_("Dues income by workplace")))
        st.append(simple_table([[cell(w or _("Not assigned to a workplace")), money(v)]
                                for w, v in summary.dues_by_workplace(vault, first, last)],
                               header=[_("Workplace"), _("Dues received")], col_widths=[110 * mm, 50 * mm],
                               right_cols=(1,)))
        st.append(heading(_("Income by category")))
        st.append(simple_table([[cell(x.name), cell(line_label(x.line_373)), money(x.amount)] for x in s.income]
                               + [[_("Total income"), "", money(s.income_total)]],
                               header=[_("Category"), _("Art. 373 line"), _("Amount")],
                               col_widths=[80 * mm, 45 * mm, 40 * mm], right_cols=(2,), total_row=True))

        st.append(heading(_("Expenses and their destination")))
        rows = []
        for line in EXPENSE_LINES:
            items = [x for x in s.expenses if x.line_373 == line]
            if not items:
                continue
            rows.append([cell(line_label(line), "CellBold"), "", money(sum(x.amount for x in items))])
            rows += [[cell("    " + x.name), format_int(x.n), money(x.amount)] for x in items]
        rows.append([_("Total expenses"), "", money(s.expense_total)])
        st.append(simple_table(rows, header=[_("Destination / category"), _("Entries"), _("Amount")],
                               col_widths=[115 * mm, 20 * mm, 40 * mm], right_cols=(1, 2), total_row=True))
        by_line: dict[str, int] = {}
        for x in s.expenses:
            by_line[x.line_373] = by_line.get(x.line_373, 0) + x.amount
        st.append(Spacer(1, 3 * mm))
        st.append(KeepTogether([bar_chart(sorted(((line_label(k), v) for k, v in by_line.items()),
                                                 key=lambda kv: -kv[1]), title=_("Where the money went"))]))
        big = summary.top_expenses(vault, first, last, limit=200, threshold=ITEMIZE_FROM)
        if big:
            st.append(heading(_("Expenses of {amount} or more, one by one").format(amount=money(ITEMIZE_FROM))))
            st += chunked_tables([[format_date(dt.date.fromisoformat(r[1])), cell(r[2]), cell(r[5] or r[6]),
                                   money(r[4])] for r in sorted(big, key=lambda r: (r[1], r[0]))],
                                 header=[_("Date"), _("Category"), _("Paid to / concept"), _("Amount")],
                                 col_widths=[22 * mm, 50 * mm, 70 * mm, 32 * mm], right_cols=(3,))

        st.append(heading(_("Assets and liabilities at the end of the period")))
        assets = [(a, v) for a, v in s.closing_by_account.items() if s.account_kinds.get(a) != "liability"]
        liabilities = [(a, -v) for a, v in s.closing_by_account.items() if s.account_kinds.get(a) == "liability"]
        rows = [[cell(s.account_names[a]), money(v)] for a, v in assets if v]
        rows.append([_("Total assets"), money(sum(v for _a, v in assets))])
        st.append(simple_table(rows, header=[_("Assets (cash and bank accounts)"), _("Balance")],
                               col_widths=[120 * mm, 45 * mm], right_cols=(1,), total_row=True))
        st.append(Spacer(1, 2 * mm))
        if liabilities and any(v for _a, v in liabilities):
            st.append(simple_table([[cell(s.account_names[a]), money(v)] for a, v in liabilities if v],
                                   header=[_("Liabilities"), _("Balance")], col_widths=[120 * mm, 45 * mm],
                                   right_cols=(1,)))
        else:
            st.append(para(_("No liabilities are recorded.")))

        st.append(heading(_("Closing of the books")))
        closes = {c.month: c for c in list_closes(vault)}
        last_close = max(closes) if closes else None
        rows = []
        for m in months:
            c = closes.get(m)
            if c is not None:
                rows.append([month_label(m), cell(_("Closed by {names}").format(names=c.closed_by)),
                             cell(c.head_hash[:24] + "\u2026", "Small")])
            elif last_close and m <= last_close:
                rows.append([month_label(m), cell(_("Closed with a later month")), ""])
            else:
                rows.append([month_label(m), cell(_("Open")), ""])
        st.append(simple_table(rows, header=[_("Month"), _("Status"), _("Head at close")],
                               col_widths=[35 * mm, 90 * mm, 50 * mm]))
        st.append(Spacer(1, 2 * mm))
        st.append(para(_("Ledger head hash when this account was made ({n} entries): {hash}").format(
            n=format_int(s.head_entry), hash=s.head_hash), "Small"))
        st.append(KeepTogether([Spacer(1, 6 * mm), signature_blocks(
            [_("General Secretary"), _("Treasurer"), _("Oversight and Finance Committee")])]))

        st += _acta_annex(vault, first, last, s)
        st += _delivery_annex(log, delivered)
        path = doc.build(st)
    return path, {"report_id": report_id, "delivered": delivered, "members": len(log), "head": s.head_hash,
                  "closing_balance": s.closing_total, "income": s.income_total, "expenses": s.expense_total}


def _acta_annex(vault: Vault, first: str, last: str, s: summary.MonthSummary) -> list:
    blank = "______________________"
    out = [PageBreak(), heading(_("Annex A. Minutes (acta) of the assembly"), "Title")]
    out.append(para(_(
        "In {place}, on {date}, at {time}, the members of {union} met in an ordinary general assembly, with "
        "{present} members present out of {members} according to the register, to hear the account of the "
        "administration of the union's assets for {period}, under article 373 of the Federal Labor Law.").format(
            place=blank, date=blank, time="______", union=vault.union_name, present="______",
            members=format_int(int(vault.scalar("SELECT COUNT(*) FROM person WHERE is_member = 1 AND "
                                                "status = 'active'") or 0)), period=period_text(first, last))))
    out.append(Spacer(1, 3 * mm))
    out.append(para(_(
        "The Treasurer presented the account: opening balance {opening}; dues income {dues}; other income "
        "{other}; expenses {expenses}; closing balance {closing}. The ledger head hash of the account presented "
        "is {hash}.").format(opening=money(s.opening_total), dues=money(s.dues_total),
                             other=money(s.income_total - s.dues_total), expenses=money(s.expense_total),
                             closing=money(s.closing_total), hash=s.head_hash)))
    out.append(Spacer(1, 3 * mm))
    out.append(para(_("Questions and observations of the members: {lines}").format(lines="<br/>" + (
        "_" * 95 + "<br/>") * 4)))
    out.append(para(_("Resolution: the assembly {lines} the account, with {yes} votes in favor, {no} against and "
                      "{abst} abstentions.").format(lines="______________", yes="____", no="____", abst="____")))
    out.append(para(_("A copy of this account is delivered in writing to every member (Annex B), and these minutes "
                      "are filed with the Federal Center for Conciliation and Labor Registration (CFCRL) within "
                      "10 days.")))
    out.append(KeepTogether([Spacer(1, 8 * mm), signature_blocks(
        [_("Chair of the assembly"), _("Secretary of minutes"), _("Tellers")])]))
    return out


def _delivery_annex(log: list[dict], delivered: int) -> list:
    out = [PageBreak(), heading(_("Annex B. Delivery to each member"), "Title")]
    out.append(para(_("Delivered: {delivered} of {total} members.").format(delivered=format_int(delivered),
                                                                         total=format_int(len(log)))))
    out.append(Spacer(1, 2 * mm))
    from unionkit.reports.treasury_delivery import delivery_table

    out += delivery_table(log)  # the same numbered list as the delivery log PDF (methods wrap in their cell)
    return out
