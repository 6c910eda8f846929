"""Accounts (cash box, bank accounts) and categories (the chart, mapped to art. 373 lines)."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from unionkit.errors import ValidationError
from unionkit.i18n import N_, _
from unionkit.vault import Vault

ACCOUNT_KINDS = ("cash", "bank", "other_asset", "liability")
CATEGORY_KINDS = ("income", "expense", "transfer", "opening")
# Destinations of expenses (art. 373 "en qué se gastó") and the two income lines.
LINE_LABELS = {
    "dues": N_("Dues income"),
    "other_income": N_("Other income"),
    "representation": N_("Representation of the workers"),
    "member_support": N_("Support to members"),
    "administration": N_("Union administration"),
    "overhead": N_("General overhead"),
    "affiliation": N_("Federation and affiliates"),
    "contributions": N_("Donations and solidarity"),
    "taxes": N_("Taxes"),
    "other": N_("Other expenses"),
}
EXPENSE_LINES = ("representation", "member_support", "administration", "overhead", "affiliation",
                 "contributions", "taxes", "other")


def line_label(code: str) -> str:
    return _(LINE_LABELS[code]) if code in LINE_LABELS else code


@dataclass(frozen=True)
class Account:
    id: int
    name: str
    kind: str
    bank_name: str
    number: str
    active: bool

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Category:
    id: int
    name: str
    kind: str
    line_373: str
    olms_code: str
    is_dues: bool
    active: bool

    def as_dict(self) -> dict:
        return asdict(self)


def list_accounts(vault: Vault, *, include_inactive: bool = False) -> list[Account]:
    rows = vault.query("SELECT id, name, kind, bank_name, number, active FROM ledger_account "
                       + ("" if include_inactive else "WHERE active = 1 ") + "ORDER BY sort_order, id")
    return [Account(r[0], r[1], r[2], r[3], r[4], bool(r[5])) for r in rows]


def list_categories(vault: Vault, *, kinds: tuple[str, ...] = CATEGORY_KINDS,
                    include_inactive: bool = False) -> list[Category]:
    marks = ",".join("?" * len(kinds))
    rows = vault.query(f"SELECT id, name, kind, line_373, olms_code, is_dues, active FROM ledger_category "
                       f"WHERE kind IN ({marks}) " + ("" if include_inactive else "AND active = 1 ")
                       + "ORDER BY sort_order, id", tuple(kinds))
    return [Category(r[0], r[1], r[2], r[3], r[4], bool(r[5]), bool(r[6])) for r in rows]


def get_account(vault: Vault, account_id: int) -> Account:
    for a in list_accounts(vault, include_inactive=True):
        if a.id == account_id:
            return a
    raise ValidationError(_("No account with id {id}.").format(id=account_id))


def get_category(vault: Vault, category_id: int) -> Category:
    r = vault.query("SELECT id, name, kind, line_373, olms_code, is_dues, active FROM ledger_category "
                    "WHERE id = ?", (category_id,))
    if not r:
        raise ValidationError(_("No category with id {id}.").format(id=category_id))
    r0 = r[0]
    return Category(r0[0], r0[1], r0[2], r0[3], r0[4], bool(r0[5]), bool(r0[6]))


def _fold(text: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFD", text.strip().casefold())
                   if not unicodedata.combining(c))


def resolve_account(vault: Vault, ref: str | int) -> Account:
    """An account by id or by name (case- and accent-insensitive)."""
    items = list_accounts(vault, include_inactive=True)
    found = _resolve(items, ref)
    if found is None:
        raise ValidationError(_("Unknown account \u201c{ref}\u201d. Accounts: {names}.").format(
            ref=ref, names=", ".join(a.name for a in items)))
    return found


def resolve_category(vault: Vault, ref: str | int) -> Category:
    items = list_categories(vault, include_inactive=True)
    found = _resolve(items, ref)
    if found is None:
        raise ValidationError(_("Unknown category \u201c{ref}\u201d (see: ledger categories).").format(ref=ref))
    return found


def _resolve(items: list, ref: str | int):
    text = str(ref).strip()
    if text.isdigit():
        for it in items:
            if it.id == int(text):
                return it
    key = _fold(text)
    exact = [it for it in items if _fold(it.name) == key]
    if exact:
        return exact[0]
    prefix = [it for it in items if _fold(it.name).startswith(key)] if key else []
    return prefix[0] if len(prefix) == 1 else None


def add_account(vault: Vault, name: str, kind: str = "bank", *, bank_name: str = "", number: str = "") -> int:
    name = name.strip()
    if not name:
        raise ValidationError(_("The account needs a name."))
    if kind not in ACCOUNT_KINDS:
        raise ValidationError(_("Unknown account kind \u201c{kind}\u201d.").format(kind=kind))
    if vault.scalar("SELECT 1 FROM ledger_account WHERE name = ?", (name,)):
        raise ValidationError(_("There is already an account called \u201c{name}\u201d.").format(name=name))
    order = int(vault.scalar("SELECT COALESCE(MAX(sort_order), 0) + 1 FROM ledger_account"))
    cur = vault.execute("INSERT INTO ledger_account(name, kind, bank_name, number, sort_order) "
                        "VALUES (?, ?, ?, ?, ?)", (name, kind, bank_name, number, order))
    return int(cur.lastrowid)


def add_category(vault: Vault, name: str, kind: str, line_373: str = "", *, is_dues: bool = False) -> int:
    name = name.strip()
    if not name:
        raise ValidationError(_("The category needs a name."))
    if kind not in ("income", "expense"):
        raise ValidationError(_("A new category is either income or expense."))
    if not line_373:
        line_373 = "other_income" if kind == "income" else "other"
    valid = ("dues", "other_income") if kind == "income" else EXPENSE_LINES
    if line_373 not in valid:
        raise ValidationError(_("\u201c{line}\u201d is not an art. 373 line for this kind of category.").format(
            line=line_373))
    if vault.scalar("SELECT 1 FROM ledger_category WHERE name = ?", (name,)):
        raise ValidationError(_("There is already a category called \u201c{name}\u201d.").format(name=name))
    order = int(vault.scalar("SELECT COALESCE(MAX(sort_order), 0) + 1 FROM ledger_category"))
    cur = vault.execute("INSERT INTO ledger_category(name, kind, line_373, is_dues, sort_order) "
                        "VALUES (?, ?, ?, ?, ?)", (name, kind, line_373, int(is_dues), order))
    return int(cur.lastrowid)


def rename_category(vault: Vault, category_id: int, new_name: str) -> None:
    """Categories can be renamed (entries point at the id), never deleted once used."""
    new_name = new_name.strip()
    get_category(vault, category_id)
    if not new_name:
        raise ValidationError(_("The category needs a name."))
    if vault.scalar("SELECT 1 FROM ledger_category WHERE name = ? AND id <> ?", (new_name, category_id)):
        raise ValidationError(_("There is already a category called \u201c{name}\u201d.").format(name=new_name))
    vault.execute("UPDATE ledger_category SET name = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') "
                  "WHERE id = ?", (new_name, category_id))


def category_in_use(vault: Vault, category_id: int) -> bool:
    return bool(vault.scalar("SELECT 1 FROM ledger_entry WHERE category_id = ? LIMIT 1", (category_id,)))
