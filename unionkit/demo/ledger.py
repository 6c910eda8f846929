"""Demo treasury: 24 months (``small``: 6) of realistic movements of a ~2,000-member union.

Payroll check-off deposits (imported from generated deduction lists, with a few opted-out workers
still deducted and the odd short deposit), cash dues with numbered receipts, rent, legal fees, travel
to negotiations, support for dismissed workers, federation dues, transfers from the cash box to the
bank, a double capture reversed, and every month closed except the last two.
"""

from __future__ import annotations

import datetime as dt
import random

from unionkit.clock import SYSTEM_CLOCK
from unionkit.ledger import checkoff, dues, entries, periods
from unionkit.ledger.accounts import add_account, resolve_category
from unionkit.ledger.months import add_months, last_day, month_of, month_range
from unionkit.ledger.queries import balance
from unionkit.members.reader import Table
from unionkit.money import Money
from unionkit.vault import Vault

OFFICERS = "María Guadalupe Ramírez Soto (Tesorera), José Luis Hernández Ortiz (Secretario General)"
DUES = 15000  # $150.00 a month


def _cat(vault: Vault, name: str) -> int:
    return resolve_category(vault, name).id


def _day(rng: random.Random, month: str, lo: int = 1, hi: int = 28) -> dt.date:
    return dt.date(int(month[:4]), int(month[5:]), rng.randint(lo, hi))


def populate(vault: Vault, rng: random.Random, small: bool = False) -> None:
    from unionkit import i18n

    prev = i18n.language()
    i18n.set_language("es_MX")  # memos written by the app (check-off deposits) in the union's language
    try:
        _populate(vault, rng, small)
    finally:
        i18n.set_language(prev)


def _populate(vault: Vault, rng: random.Random, small: bool) -> None:
    today = SYSTEM_CLOCK.today()
    last = add_months(month_of(today), -1)
    months = month_range(add_months(last, -(5 if small else 23)), last)
    first = months[0]
    vault.set_setting("ledger.dues_start", first)
    vault.set_setting("ledger.officers", OFFICERS)
    dues.set_rule(vault, first, mode="fixed", amount=Money(DUES), note="Estatutos, art. 48: $150.00 mensuales")
    savings = add_account(vault, "Inversión a plazo (Banorte)", "bank", bank_name="Banorte", number="…4471")
    vault.execute("UPDATE ledger_account SET bank_name = 'BBVA', number = '…0912' WHERE name = 'Cuenta bancaria'")
    c = {k: _cat(vault, n) for k, n in {
        "cash_dues": "Cuotas ordinarias en efectivo", "interest": "Intereses bancarios",
        "donation_in": "Donativos y apoyos recibidos", "legal": "Honorarios legales",
        "travel": "Viáticos y traslados", "dismissed": "Apoyo a trabajadores despedidos",
        "rent": "Renta y servicios", "office": "Papelería", "federation": "Cuotas a la federación",
        "assembly": "Asambleas, capacitación", "solidarity": "Donativos y solidaridad",
        "fees": "Comisiones bancarias",
        "staff": "Sueldos del personal", "officers": "Compensaciones al Comité",
        "taxes": "Impuestos y retenciones", "opening": "Saldo inicial"}.items()}
    cash, bank = 1, 2
    entries.post_entry(vault, entry_date=dt.date.fromisoformat(first + "-01"), account=bank, category=c["opening"],
                       amount=Money(8_542_310), memo="Saldo según estado de cuenta al inicio del registro")
    entries.post_entry(vault, entry_date=dt.date.fromisoformat(first + "-01"), account=cash, category=c["opening"],
                       amount=Money(350_000), memo="Arqueo de caja")
    entries.transfer(vault, entry_date=dt.date.fromisoformat(first + "-02"), from_account=bank, to_account=savings,
                     amount=Money(5_000_000), memo="Apertura de inversión a plazo")
    members = vault.query("SELECT p.id, p.curp, p.employee_no, TRIM(p.nombre || ' ' || p.primer_apellido), "
                          "p.join_date, EXISTS (SELECT 1 FROM dues_optout o WHERE o.person_id = p.id) FROM person p "
                          "WHERE p.is_member = 1 AND p.status = 'active' ORDER BY p.id")
    for i, month in enumerate(months):
        _month(vault, rng, month, members, c, cash, bank, i)
        if month <= add_months(last, -2):
            periods.close_month(vault, month, OFFICERS, note="Cierre revisado por la Comisión de Vigilancia")
    _account_373(vault, rng, add_months(last, -2), [m[0] for m in members], today)


def _account_373(vault: Vault, rng: random.Random, end: str, member_ids: list[int], today: dt.date) -> None:
    """The last closed semester's art. 373 account, handed out at the assembly and afterwards: most
    members have received it, some are still pending (the delivery tab has something to show)."""
    from unionkit.ledger import chain, delivery

    start = add_months(end, -5)
    rid = delivery.report_for(vault, start, end, chain.head(vault)[1])
    y, m = int(end[:4]), int(end[5:])
    assembly = dt.date(y + m // 12, m % 12 + 1, 6)
    if assembly > today:
        return
    shuffled = member_ids[:]
    rng.shuffle(shuffled)
    n = len(shuffled)
    plan = [("assembly", 0.0, 0.62, assembly), ("hand", 0.62, 0.74, min(today, assembly + dt.timedelta(days=9))),
            ("messaging", 0.74, 0.79, min(today, assembly + dt.timedelta(days=3)))]
    for method, lo, hi, day in plan:
        ids = shuffled[int(lo * n):int(hi * n)]
        if ids:
            delivery.record_deliveries(vault, rid, ids, method, day)


def _month(vault, rng, month, members, c, cash, bank, i) -> None:
    end = last_day(month)
    k = 1.0 if len(members) >= 1000 else max(0.1, len(members) / 1600)  # a smaller union spends less

    def sc(cents: int) -> Money:
        return Money(int(cents * k) // 100 * 100)

    post = entries.post_entry
    joined = [m for m in members if not m[4] or m[4][:7] <= month]
    payroll = [m for m in joined if not m[5]]
    cash_payers = [m for m in joined if m[5] and rng.random() < 0.85]
    cash_payers += rng.sample(payroll, min(len(payroll), rng.randint(2, 6)))
    # 1) Payroll check-off list from the employer and the deposit that arrived.
    lines: list[list[str]] = []
    deducted = 0
    for m in payroll:
        if rng.random() < 0.006:
            continue  # not deducted this month
        amount = DUES if rng.random() > 0.01 else DUES - 5000
        lines.append([m[1] or "", m[2], m[3], month, f"{amount / 100:.2f}"])
        deducted += amount
    for m in [x for x in joined if x[5]][:2] if rng.random() < 0.4 else []:
        lines.append([m[1] or "", m[2], m[3], month, f"{DUES / 100:.2f}"])  # deducted after an opt-out
        deducted += DUES
    if rng.random() < 0.3:
        lines.append(["XEXX010101HNEXXXA4", "99999-9999", "Trabajador no registrado", month, f"{DUES / 100:.2f}"])
        deducted += DUES
    # The employer's list, built in memory (no plaintext file on disk).
    table = Table(headers=["CURP", "No. Empleado", "Nombre", "Periodo", "Cuota sindical"],
                  rows=[(i + 2, cells) for i, cells in enumerate(lines)], path=f"descuentos-{month}.csv")
    deposit = deducted if rng.random() > 0.15 else deducted - rng.choice((15000, 30000, 45000))
    if deducted:
        checkoff.import_checkoff(vault, table, month, Money(max(deposit, 0)), account_id=bank,
                                 deposit_date=min(end, dt.date(end.year, end.month, 28)))
    # 2) Petty cash topped up to $15,000 from the bank; cash dues with numbered receipts.
    in_cash = balance(vault, cash)
    if in_cash < 1_500_000:
        entries.transfer(vault, entry_date=dt.date(end.year, end.month, 1), from_account=bank, to_account=cash,
                         amount=Money(1_500_000 - in_cash), memo="Reposición del fondo de caja chica")
    for m in cash_payers:
        post(vault, entry_date=_day(rng, month, 3, 20), account=cash, category=c["cash_dues"], amount=Money(DUES),
             person_id=m[0], dues_period=month, receipt=True, payment_method="cash", memo="Cuota en ventanilla")
    # 3) Expenses.
    post(vault, entry_date=_day(rng, month, 1, 5), account=bank, category=c["rent"], amount=sc(650_000),
         counterparty="Inmobiliaria del Bajío, S.A. de C.V.", counterparty_rfc="IBA0503158K2",
         memo="Renta del local sindical, León, Gto.", payment_method="transfer")
    post(vault, entry_date=_day(rng, month, 5, 12), account=bank, category=c["rent"],
         amount=Money(rng.randint(90_000, 160_000)), counterparty="CFE / SAPAL / Telmex", memo="Luz, agua e internet")
    post(vault, entry_date=_day(rng, month, 2, 8), account=bank, category=c["legal"], amount=sc(800_000),
         counterparty="Lic. Ana Karen Villalobos Durán", counterparty_rfc="VIDA850712QX3",
         memo="Iguala mensual de asesoría jurídica", payment_method="transfer")
    post(vault, entry_date=dt.date(end.year, end.month, 15), account=bank, category=c["staff"],
         amount=sc(3_800_000), counterparty="Personal administrativo (2 personas)",
         memo="Sueldos de la secretaria y el auxiliar contable", payment_method="transfer")
    post(vault, entry_date=dt.date(end.year, end.month, 15), account=bank, category=c["officers"],
         amount=sc(2_400_000), counterparty="Comité Ejecutivo",
         memo="Compensación por salarios caídos en comisión sindical", payment_method="transfer")
    if rng.random() < 0.35:
        post(vault, entry_date=_day(rng, month), account=bank, category=c["legal"],
             amount=Money(rng.randint(5, 25) * 100_000), counterparty="Despacho Jurídico Laboral Castañeda",
             memo=rng.choice(["Demanda por despido injustificado", "Audiencia en el Tribunal Laboral",
                              "Revisión del contrato colectivo"]))
    if rng.random() < 0.6:
        post(vault, entry_date=_day(rng, month), account=cash, category=c["travel"],
             amount=Money(rng.randint(18, 95) * 10_000), counterparty="Comisión negociadora",
             memo=rng.choice(["Traslado a CDMX: negociación salarial", "Viáticos a Silao: mesa con la empresa",
                              "Autobús y comidas: audiencia en el Centro de Conciliación"]))
    if rng.random() < 0.4:
        post(vault, entry_date=_day(rng, month), account=bank, category=c["dismissed"],
             amount=Money(rng.randint(3, 15) * 100_000), counterparty="Compañeros despedidos de Planta Silao",
             memo="Apoyo económico mientras se resuelve el juicio")
    post(vault, entry_date=_day(rng, month), account=cash, category=c["office"],
         amount=Money(rng.randint(40_000, 180_000)), counterparty="Papelería La Central", memo="Papelería y tóner")
    if i % 3 == 2:
        post(vault, entry_date=_day(rng, month, 10, 15), account=bank, category=c["federation"],
             amount=sc(1_200_000), counterparty="Federación Nacional de Sindicatos Independientes",
             memo="Cuota trimestral de afiliación")
    if i % 2 == 0:
        post(vault, entry_date=_day(rng, month), account=cash, category=c["assembly"],
             amount=Money(rng.randint(150_000, 450_000)), memo="Asamblea general: sonido, sillas y agua")
    if rng.random() < 0.2:
        post(vault, entry_date=_day(rng, month), account=bank, category=c["solidarity"],
             amount=Money(rng.randint(2, 10) * 100_000), memo="Solidaridad con huelguistas de otra sección")
    post(vault, entry_date=end, account=bank, category=c["fees"], amount=Money(rng.randint(12_000, 35_000)),
         counterparty="BBVA", memo="Comisiones e IVA")
    post(vault, entry_date=end, account=bank, category=c["interest"], amount=Money(rng.randint(8_000, 40_000)),
         counterparty="Banorte", memo="Rendimientos de la inversión")
    if rng.random() < 0.15:
        post(vault, entry_date=_day(rng, month), account=bank, category=c["donation_in"],
             amount=Money(rng.randint(5, 30) * 100_000), memo="Donativo de la sección hermana")
    # 4) Once in a while a double capture, reversed.
    if i % 7 == 3:
        dup = post(vault, entry_date=_day(rng, month, 20, 27), account=cash, category=c["office"],
                   amount=Money(64_500), memo="Papelería y tóner (capturado dos veces)")
        entries.reverse_entry(vault, dup.id, "Captura duplicada: el gasto ya estaba registrado",
                              entry_date=min(end, dt.date(end.year, end.month, 28)))
