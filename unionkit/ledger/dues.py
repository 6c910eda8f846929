"""The dues rule from the statutes: a fixed amount per month or a percentage of the monthly salary,
rounded to the centavo by a stated rule (ROUND_HALF_UP unless the statutes say otherwise)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, InvalidOperation

from unionkit.errors import ValidationError
from unionkit.i18n import N_, _
from unionkit.ledger.months import parse_month
from unionkit.money import Money
from unionkit.vault import Vault

ROUNDINGS = {"half_up": ROUND_HALF_UP, "half_even": ROUND_HALF_EVEN, "down": ROUND_DOWN, "up": ROUND_CEILING}
ROUNDING_LABELS = {
    "half_up": N_("to the nearest centavo, halves up"),
    "half_even": N_("to the nearest centavo, halves to even"),
    "down": N_("down to the centavo"),
    "up": N_("up to the centavo"),
}


@dataclass(frozen=True)
class DuesRule:
    effective_month: str
    mode: str          # 'fixed' | 'percent'
    amount: int        # centavos per month (fixed)
    percent: str       # decimal text (percent)
    rounding: str
    note: str = ""

    def due_for(self, salary: Money | None) -> Money:
        if self.mode == "fixed":
            return Money(self.amount)
        if salary is None:
            return Money(0)
        return salary.percent(Decimal(self.percent), rounding=ROUNDINGS[self.rounding])

    def describe(self) -> str:
        if self.mode == "fixed":
            from unionkit.formatting import format_money

            return _("{amount} per month").format(amount=format_money(Money(self.amount)))
        return _("{pct} % of the monthly salary, rounded {rounding}").format(
            pct=self.percent, rounding=_(ROUNDING_LABELS[self.rounding]))


def set_rule(vault: Vault, effective_month: str, *, mode: str, amount: Money | None = None,
             percent: str = "0", rounding: str = "half_up", note: str = "") -> DuesRule:
    month = parse_month(effective_month)
    if mode not in ("fixed", "percent"):
        raise ValidationError(_("The dues rule is either a fixed amount or a percentage."))
    if rounding not in ROUNDINGS:
        raise ValidationError(_("Unknown rounding rule \u201c{r}\u201d.").format(r=rounding))
    cents = amount.centavos if amount is not None else 0
    if mode == "fixed" and cents <= 0:
        raise ValidationError(_("A fixed dues amount must be greater than zero."))
    try:
        pct = Decimal(str(percent).replace(",", "."))
    except InvalidOperation:
        raise ValidationError(_("Not a percentage: \u201c{p}\u201d.").format(p=percent)) from None
    if mode == "percent" and not (Decimal(0) < pct <= Decimal(100)):
        raise ValidationError(_("The dues percentage must be between 0 and 100."))
    vault.execute("INSERT INTO dues_rule(effective_month, mode, amount, percent, rounding, note) "
                  "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(effective_month) DO UPDATE SET mode = excluded.mode, "
                  "amount = excluded.amount, percent = excluded.percent, rounding = excluded.rounding, "
                  "note = excluded.note", (month, mode, cents, str(pct), rounding, note))
    rule = rule_for(vault, month)
    assert rule is not None
    return rule


def rules(vault: Vault) -> list[DuesRule]:
    return [DuesRule(*r) for r in vault.query(
        "SELECT effective_month, mode, amount, percent, rounding, note FROM dues_rule ORDER BY effective_month")]


def rule_for(vault: Vault, month: str) -> DuesRule | None:
    r = vault.query("SELECT effective_month, mode, amount, percent, rounding, note FROM dues_rule "
                    "WHERE effective_month <= ? ORDER BY effective_month DESC LIMIT 1", (month,))
    return DuesRule(*r[0]) if r else None


def set_salary(vault: Vault, person_id: int, effective_month: str, salary: Money) -> None:
    vault.execute("INSERT INTO dues_salary(person_id, effective_month, salary) VALUES (?, ?, ?) "
                  "ON CONFLICT(person_id, effective_month) DO UPDATE SET salary = excluded.salary",
                  (person_id, parse_month(effective_month), salary.centavos))


def salaries_for(vault: Vault, month: str) -> dict[int, Money]:
    rows = vault.query("SELECT person_id, salary FROM dues_salary s WHERE effective_month = (SELECT "
                       "MAX(effective_month) FROM dues_salary WHERE person_id = s.person_id AND "
                       "effective_month <= ?)", (month,))
    return {r[0]: Money(r[1]) for r in rows}


def expected_for(vault: Vault, person_ids: list[int], month: str) -> dict[int, Money]:
    """The dues each person owes for ``month`` under the rule in force (0 when there is no rule)."""
    rule = rule_for(vault, month)
    if rule is None:
        return {pid: Money(0) for pid in person_ids}
    sal = salaries_for(vault, month) if rule.mode == "percent" else {}
    return {pid: rule.due_for(sal.get(pid)) for pid in person_ids}
