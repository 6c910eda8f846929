"""Treasury lists: arrears, one member's dues statement, the bank reconciliation sheet."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer

from unionkit.errors import ValidationError
from unionkit.formatting import format_date, format_int
from unionkit.i18n import _
from unionkit.ledger import dues, queries, standing
from unionkit.ledger.accounts import get_account
from unionkit.ledger.months import add_months, month_label, month_of, month_short
from unionkit.money import Money
from unionkit.reports.common import UnionDocument, chunked_tables, signature_blocks, simple_table
from unionkit.reports.treasury_common import cell, document_language, heading, money, para
from unionkit.vault import Vault


def _due(vault: Vault, pid: int, months: list[str]) -> int:
    return sum(dues.expected_for(vault, [pid], m)[pid].centavos for m in months)


def arrears_rows(vault: Vault, as_of: dt.date) -> list[dict]:
    """Members behind on dues, most months first (shared with the treasury page)."""
    behind = {pid: n for pid, n in standing.months_behind_by_person(vault, as_of).items() if n > 0}
    if not behind:
        return []
    start = standing.dues_start(vault) or month_of(as_of)
    paid = standing.paid_months(vault)
    rule = dues.rule_for(vault, add_months(month_of(as_of), -1))
    info = {r[0]: r[1:] for r in vault.query(
        "SELECT p.id, TRIM(TRIM(p.primer_apellido || ' ' || p.segundo_apellido) || ' ' || p.nombre), "
        "COALESCE(w.name, ''), p.join_date FROM person p LEFT JOIN workplace w ON w.id = p.workplace_id "
        "WHERE p.is_member = 1")}
    out = []
    for pid, n in behind.items():
        name, place, join = info.get(pid, ("", "", None))
        owed = [m for m in standing.owed_months(join, start, as_of) if m not in paid.get(pid, ())]
        amount = n * rule.amount if rule is not None and rule.mode == "fixed" else _due(vault, pid, owed)
        last_paid = max(paid.get(pid, {""}))
        out.append({"person_id": pid, "name": name, "workplace": place, "months": n, "amount": amount,
                    "last_paid": last_paid, "owed": owed})
    out.sort(key=lambda r: (-r["months"], r["name"]))
    return out


def build_arrears(vault: Vault, as_of: dt.date, out: Path, *, lang: str = "es") -> Path:
    with document_language(lang) as code:
        rows = arrears_rows(vault, as_of)
        doc = UnionDocument(out, title=_("Dues arrears"), union_name=vault.union_name,
                            period=_("as of {date}").format(date=format_date(as_of)), lang=code)
        st: list = [para(_("{n} members are behind on their dues, owing {amount} in total. The current month is "
                           "not counted as owed until it ends.").format(
                               n=format_int(len(rows)), amount=money(sum(r["amount"] for r in rows))))]
        st.append(Spacer(1, 3 * mm))
        table = [[str(i), cell(r["name"]), cell(r["workplace"]), format_int(r["months"]), money(r["amount"]),
                  month_short(r["last_paid"]) if r["last_paid"] else _("never")] for i, r in enumerate(rows, 1)]
        st += chunked_tables(table, header=["#", _("Member"), _("Workplace"), _("Months"), _("Owed"),
                                            _("Last paid")],
                             col_widths=[12 * mm, 62 * mm, 34 * mm, 18 * mm, 26 * mm, 24 * mm], right_cols=(3, 4))
        return doc.build(st)


def build_statement(vault: Vault, person_id: int, as_of: dt.date, out: Path, *, lang: str = "es") -> Path:
    r = vault.query("SELECT TRIM(p.nombre || ' ' || p.primer_apellido || ' ' || p.segundo_apellido), "
                    "COALESCE(p.curp, ''), COALESCE(w.name, ''), p.join_date, p.is_member FROM person p "
                    "LEFT JOIN workplace w ON w.id = p.workplace_id WHERE p.id = ?", (person_id,))
    if not r:
        raise ValidationError(_("No person with id {id} on the register.").format(id=person_id))
    name, curp, place, join, _is_member = r[0]
    with document_language(lang) as code:
        hist = standing.dues_history(vault, person_id)
        start = standing.dues_start(vault)
        owed = standing.owed_months(join, start, as_of) if start else []
        by_month: dict[str, list[dict]] = {}
        for h in hist:
            if not h["reversed"]:
                by_month.setdefault(h["period"], []).append(h)
        doc = UnionDocument(out, title=_("Member dues statement"), union_name=vault.union_name,
                            period=_("as of {date}").format(date=format_date(as_of)), lang=code)
        st: list = [para(_("<b>{name}</b> \u00b7 CURP {curp} \u00b7 {place} \u00b7 member since {since}").format(
            name=name, curp=curp or "\u2014", place=place or "\u2014",
            since=format_date(dt.date.fromisoformat(join)) if join else "\u2014"))]
        months = sorted(set(owed) | set(by_month))
        rows, missing = [], 0
        for m in months:
            pays = by_month.get(m, [])
            expected = dues.expected_for(vault, [person_id], m)[person_id].centavos
            if not pays and m in owed:
                missing += 1
            rows.append([month_label(m), money(expected), money(sum(p["amount"] for p in pays)),
                         ", ".join(_("payroll") if p["method"] == "payroll" else
                                   (_("cash, receipt {folio}").format(folio=p["folio"]) if p["folio"] else _("cash"))
                                   for p in pays) or (_("NOT PAID") if m in owed else "")])
        st.append(Spacer(1, 3 * mm))
        st += chunked_tables(rows, header=[_("Month"), _("Dues"), _("Paid"), _("How")],
                             col_widths=[40 * mm, 30 * mm, 30 * mm, 70 * mm], right_cols=(1, 2))
        st.append(Spacer(1, 3 * mm))
        st.append(para(_("Months owed: {n}.").format(n=missing) if missing else _("Up to date with dues.")))
        return doc.build(st)


def build_bank_reconciliation(vault: Vault, account_id: int, month: str, statement_balance: Money, out: Path, *,
                              lang: str = "es") -> Path:
    acc = get_account(vault, account_id)
    with document_language(lang) as code:
        book = queries.balance(vault, account_id, through_month=month)
        doc = UnionDocument(out, title=_("Bank reconciliation"), union_name=vault.union_name,
                            period=month_label(month), lang=code, subtitle=acc.name)
        diff = statement_balance.centavos - book
        st: list = [simple_table(
            [[_("Balance in the books at the end of the month"), money(book)],
             [_("Balance on the bank statement"), money(statement_balance.centavos)],
             [_("Difference to explain"), money(diff)]],
            header=[cell(acc.name + (" \u00b7 " + acc.bank_name if acc.bank_name else "")), _("Amount")],
            col_widths=[120 * mm, 45 * mm], right_cols=(1,), total_row=True)]
        st.append(heading(_("Items in transit")))
        st.append(simple_table([[_("Deposits in transit (+)"), ""], ["", ""],
                                [_("Cheques not yet cashed (\u2212)"), ""],
                                ["", ""], [_("Bank charges not yet recorded (\u2212)"), ""], ["", ""]],
                               header=[_("Concept"), _("Amount")], col_widths=[120 * mm, 45 * mm]))
        st.append(heading(_("Entries of the month in this account (tick those on the statement)")))
        pager = queries.EntryPager(vault, queries.EntryFilter(account_id=account_id, month_from=month, month_to=month),
                                   descending=False, page=5000)
        rows = [[format_date(dt.date.fromisoformat(r.entry_date)), cell(r.category), cell(r.memo or r.person),
                 money(r.amount), "\u2610"] for r in pager.next_page()]
        st += chunked_tables(rows, header=[_("Date"), _("Category"), _("Concept"), _("Amount"), "\u2713"],
                             col_widths=[22 * mm, 50 * mm, 64 * mm, 28 * mm, 8 * mm], right_cols=(3,))
        st.append(KeepTogether([Spacer(1, 6 * mm), signature_blocks([_("Prepared by (Treasurer)"),
                                                                     _("Reviewed by (Oversight Committee)")])]))
        return doc.build(st)
