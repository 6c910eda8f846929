"""The monthly town-hall report: where the dues went this month, in one or two pages."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer

from unionkit.formatting import format_date, format_int
from unionkit.i18n import _
from unionkit.ledger import summary
from unionkit.ledger.accounts import line_label
from unionkit.ledger.months import add_months, month_label, parse_month
from unionkit.reports.common import UnionDocument, signature_blocks, simple_table
from unionkit.reports.treasury_common import (
    bar_chart,
    cell,
    document_language,
    esc,
    heading,
    money,
    para,
    signed_change,
)
from unionkit.vault import Vault


def signature_roles() -> list[str]:
    return [_("Treasurer"), _("General Secretary"), _("Oversight and Finance Committee")]


def _close_text(s: summary.MonthSummary) -> str:
    if s.close is None:
        return _("Month OPEN: these figures can still change until the month is closed.")
    return _("Month CLOSED on {date} by {names}. Ledger head at the close: {hash}").format(
        date=format_date(_iso_date(s.close.closed_at)), names=esc(s.close.closed_by), hash=s.close.head_hash)


def _iso_date(text: str):
    import datetime as dt

    return dt.date.fromisoformat(text[:10])


def active_members(vault: Vault) -> int:
    return int(vault.scalar("SELECT COUNT(*) FROM person WHERE is_member = 1 AND status = 'active'") or 0)


def build_monthly(vault: Vault, month: str, out: Path, *, lang: str = "es") -> Path:
    month = parse_month(month)
    with document_language(lang) as code:
        s = summary.month_summary(vault, month)
        prev = summary.month_summary(vault, add_months(month, -1))
        doc = UnionDocument(out, title=_("Monthly treasury report"), union_name=vault.union_name,
                            period=month_label(month), head_hash=s.head_hash, lang=code,
                            subtitle=_("For the members' assembly"))
        story: list = []
        story.append(simple_table(
            [[_("Opening balance"), money(s.opening_total), money(prev.opening_total),
              signed_change(s.opening_total - prev.opening_total)],
             [_("Income"), money(s.income_total), money(prev.income_total),
              signed_change(s.income_total - prev.income_total)],
             [_("Expenses"), money(s.expense_total), money(prev.expense_total),
              signed_change(s.expense_total - prev.expense_total)],
             [_("Closing balance"), money(s.closing_total), money(prev.closing_total),
              signed_change(s.closing_total - prev.closing_total)]],
            header=["", month_label(month), month_label(add_months(month, -1)), _("Change")],
            col_widths=[52 * mm, 40 * mm, 40 * mm, 40 * mm], right_cols=(1, 2, 3), total_row=True))
        story.append(Spacer(1, 3 * mm))
        paid, members = s.members_paid, active_members(vault)
        story.append(para(_("Members who paid dues this month: {paid} of {members} active members.").format(
            paid=format_int(paid), members=format_int(members))))

        story.append(heading(_("Income")))
        prev_by = prev.by_category()
        rows = [[cell(x.name), cell(line_label(x.line_373)), money(x.amount), money(prev_by.get(x.category_id, 0))]
                for x in s.income]
        rows.append([_("Total income"), "", money(s.income_total), money(prev.income_total)])
        story.append(simple_table(rows, header=[_("Category"), _("Art. 373 line"), _("This month"),
                                                _("Previous month")],
                                  col_widths=[58 * mm, 52 * mm, 31 * mm, 31 * mm], right_cols=(2, 3),
                                  total_row=True))

        story.append(heading(_("Expenses and what they were for")))
        rows = [[cell(x.name), cell(line_label(x.line_373)), money(x.amount), money(prev_by.get(x.category_id, 0))]
                for x in s.expenses]
        rows.append([_("Total expenses"), "", money(s.expense_total), money(prev.expense_total)])
        story.append(simple_table(rows, header=[_("Category"), _("Destination"), _("This month"),
                                                _("Previous month")],
                                  col_widths=[58 * mm, 52 * mm, 31 * mm, 31 * mm], right_cols=(2, 3),
                                  total_row=True))
        story.append(Spacer(1, 4 * mm))
        by_line: dict[str, int] = {}
        for x in s.expenses:
            by_line[x.line_373] = by_line.get(x.line_373, 0) + x.amount
        chart_items = sorted(((line_label(k), v) for k, v in by_line.items()), key=lambda kv: -kv[1])
        story.append(KeepTogether([bar_chart(chart_items, title=_("Where the money went"))]))

        top = summary.top_expenses(vault, month, month, limit=15)
        if top:
            story.append(heading(_("Largest expenses of the month")))
            story.append(simple_table(
                [[format_date(_iso_date(r[1])), cell(r[2]), cell((r[5] or r[6])[:90]), money(r[4])] for r in top],
                header=[_("Date"), _("Category"), _("Paid to / concept"), _("Amount")],
                col_widths=[22 * mm, 52 * mm, 66 * mm, 32 * mm], right_cols=(3,)))

        story.append(heading(_("Balances by account")))
        rows = [[cell(s.account_names.get(a, str(a))), money(s.opening_by_account.get(a, 0)),
                 money(s.closing_by_account.get(a, 0))] for a in s.account_names
                if s.opening_by_account.get(a, 0) or s.closing_by_account.get(a, 0)]
        rows.append([_("Total"), money(s.opening_total), money(s.closing_total)])
        story.append(simple_table(rows, header=[_("Account"), _("Opening"), _("Closing")],
                                  col_widths=[92 * mm, 40 * mm, 40 * mm], right_cols=(1, 2), total_row=True))

        story.append(heading(_("Period status and integrity")))
        story.append(para(_close_text(s)))
        story.append(para(_("Ledger head hash when this report was made ({n} entries in the ledger): {hash}").format(
            n=format_int(s.head_entry), hash=s.head_hash), "Small"))
        story.append(para(_("Anyone can check these figures against the books: the head hash changes if any "
                            "past entry is altered."), "Small"))
        story.append(KeepTogether([Spacer(1, 6 * mm), signature_blocks(signature_roles())]))
        return doc.build(story)
