"""A plain-text preview of a treasury report, built in memory (no plaintext file ever touches the disk:
SECURITY R1 forbids temp copies). It shows the same figures the PDF will carry."""

from __future__ import annotations

import datetime as dt

from unionkit.formatting import format_date, format_int
from unionkit.i18n import _
from unionkit.ledger import queries, summary
from unionkit.ledger.accounts import get_account, line_label
from unionkit.ledger.months import add_months, month_label
from unionkit.money import Money
from unionkit.reports.treasury_common import document_language, money
from unionkit.vault import Vault


def _lines(s: summary.MonthSummary) -> list[str]:
    out = [f"{_('Opening balance')}: {money(s.opening_total)}", "", _("Income")]
    out += [f"  {x.name} ({line_label(x.line_373)}): {money(x.amount)}" for x in s.income]
    out += [f"  {_('Total income')}: {money(s.income_total)}", "", _("Expenses and their destination")]
    out += [f"  {x.name} ({line_label(x.line_373)}): {money(x.amount)}" for x in s.expenses]
    out += [f"  {_('Total expenses')}: {money(s.expense_total)}", "",
            f"{_('Closing balance')}: {money(s.closing_total)}"]
    return out


def preview_text(vault: Vault, kind: str, first: str, last: str, lang: str, account_id: int | None = None,
                 statement: Money | None = None) -> str:
    with document_language(lang):
        head = summary.chain.head(vault)[1]
        if kind == "monthly":
            s = summary.month_summary(vault, last)
            prev = summary.month_summary(vault, add_months(last, -1))
            text = [_("Monthly treasury report"), month_label(last), ""] + _lines(s)
            text += ["", f"{month_label(add_months(last, -1))}: {_('Income')} {money(prev.income_total)} \u00b7 "
                         f"{_('Expenses')} {money(prev.expense_total)}",
                     _("Members who paid dues this month: {paid} of {members} active members.").format(
                         paid=format_int(s.members_paid), members=format_int(_active(vault)))]
        elif kind == "account373":
            s = summary.period_summary(vault, first, last)
            text = [_("Account of the union's assets (LFT art. 373)"),
                    _("{first} to {last}").format(first=month_label(first), last=month_label(last)), "",
                    f"{_('Dues income')}: {money(s.dues_total)}",
                    f"{_('Other income')}: {money(s.income_total - s.dues_total)}", ""] + _lines(s)
        elif kind == "arrears":
            from unionkit.reports.treasury_lists import arrears_rows

            rows = arrears_rows(vault, dt.date.today())
            text = [_("Dues arrears"), _("as of {date}").format(date=format_date(dt.date.today())), "",
                    _("{n} members are behind on their dues, owing {amount} in total. The current month is not "
                      "counted as owed until it ends.").format(n=format_int(len(rows)),
                                                               amount=money(sum(r["amount"] for r in rows)))]
        else:
            book = queries.balance(vault, account_id, through_month=last)
            stmt = (statement or Money(0)).centavos
            text = [_("Bank reconciliation"), f"{get_account(vault, account_id or 0).name} \u00b7 "
                                              f"{month_label(last)}", "",
                    f"{_('Balance in the books at the end of the month')}: {money(book)}",
                    f"{_('Balance on the bank statement')}: {money(stmt)}",
                    f"{_('Difference to explain')}: {money(stmt - book)}"]
        text += ["", _("Ledger head {hash}").format(hash=head)]
    return "\n".join(text)


def _active(vault: Vault) -> int:
    return int(vault.scalar("SELECT COUNT(*) FROM person WHERE is_member = 1 AND status = 'active'") or 0)
