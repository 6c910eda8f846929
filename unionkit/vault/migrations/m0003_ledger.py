"""Treasury: accounts, categories (mapped to LFT art. 373 lines), the append-only hash-chained ledger,
month closes, attachments, dues rules, payroll check-off batches and the art. 373 delivery log.

``ledger_entry.amount`` is the signed effect on the account in centavos (income > 0, expense < 0).
A reversal carries the negated amount and points at the original (once only), so every total nets
out by plain summing. Transfers use a category of kind 'transfer': neither income nor expense.
UPDATE and DELETE on the ledger, its closes and attachments are refused by triggers; an INSERT
dated on or before the latest closed month is refused too.
"""

from unionkit.vault.migrations import STD_COLUMNS

VERSION = 3

_APPEND_ONLY = "\n".join(
    f"""
CREATE TRIGGER {t}_no_update BEFORE UPDATE ON {t}
BEGIN SELECT RAISE(ABORT, 'append-only: {t} rows cannot be changed'); END;
CREATE TRIGGER {t}_no_delete BEFORE DELETE ON {t}
BEGIN SELECT RAISE(ABORT, 'append-only: {t} rows cannot be deleted'); END;"""
    for t in ("ledger_entry", "ledger_close", "ledger_attachment", "checkoff_batch", "checkoff_line")
)

_ACCOUNTS = [("Caja (efectivo)", "cash", 1), ("Cuenta bancaria", "bank", 2)]
# (name, kind, line_373, olms_code, is_dues): line_373 is 'dues' or 'other_income' for income and the
# destination of the money for expenses (representation, administration, overhead, member_support,
# contributions, affiliation, taxes, other).
_CATEGORIES = [
    ("Cuotas ordinarias por nómina", "income", "dues", "dues", 1),
    ("Cuotas ordinarias en efectivo", "income", "dues", "dues", 1),
    ("Cuotas extraordinarias", "income", "dues", "fees_assessments", 0),
    ("Intereses bancarios", "income", "other_income", "interest", 0),
    ("Donativos y apoyos recibidos", "income", "other_income", "other_receipts", 0),
    ("Venta de artículos", "income", "other_income", "sale_of_supplies", 0),
    ("Otros ingresos", "income", "other_income", "other_receipts", 0),
    ("Honorarios legales y asesoría", "expense", "representation", "professional_fees", 0),
    ("Viáticos y traslados a negociaciones", "expense", "representation", "representational", 0),
    ("Apoyo a trabajadores despedidos", "expense", "member_support", "on_behalf_of_members", 0),
    ("Fondo de resistencia (huelga)", "expense", "member_support", "strike_benefits", 0),
    ("Renta y servicios del local", "expense", "overhead", "general_overhead", 0),
    ("Papelería y material de oficina", "expense", "administration", "office_administrative", 0),
    ("Sueldos del personal", "expense", "administration", "to_employees", 0),
    ("Compensaciones al Comité Ejecutivo", "expense", "administration", "to_officers", 0),
    ("Asambleas, capacitación y difusión", "expense", "representation", "educational_publicity", 0),
    ("Cuotas a la federación", "expense", "affiliation", "per_capita_tax", 0),
    ("Donativos y solidaridad", "expense", "contributions", "contributions", 0),
    ("Comisiones bancarias", "expense", "overhead", "fees", 0),
    ("Impuestos y retenciones", "expense", "taxes", "direct_taxes", 0),
    ("Otros egresos", "expense", "other", "other_disbursements", 0),
    ("Traspaso entre cuentas propias", "transfer", "", "transfer", 0),
    ("Saldo inicial", "opening", "", "", 0),
]


def _q(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


_SEED = "\n".join(
    [f"INSERT INTO ledger_account(name, kind, sort_order) VALUES ({_q(n)}, {_q(k)}, {o});"
     for n, k, o in _ACCOUNTS]
    + [f"INSERT INTO ledger_category(name, kind, line_373, olms_code, is_dues, sort_order) VALUES "
       f"({_q(n)}, {_q(k)}, {_q(line)}, {_q(code)}, {d}, {i});"
       for i, (n, k, line, code, d) in enumerate(_CATEGORIES)]
)

SQL = f"""
CREATE TABLE ledger_account (
    {STD_COLUMNS},
    name TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL DEFAULT 'bank' CHECK (kind IN ('cash', 'bank', 'other_asset', 'liability')),
    bank_name TEXT NOT NULL DEFAULT '',
    number TEXT NOT NULL DEFAULT '',        -- account number / CLABE (last digits are enough)
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    sort_order INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE ledger_category (
    {STD_COLUMNS},
    name TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('income', 'expense', 'transfer', 'opening')),
    line_373 TEXT NOT NULL DEFAULT '',       -- art. 373 line: dues, other_income, or an expense destination
    olms_code TEXT NOT NULL DEFAULT '',      -- OLMS LM-2 functional category it corresponds to
    description TEXT NOT NULL DEFAULT '',
    is_dues INTEGER NOT NULL DEFAULT 0 CHECK (is_dues IN (0, 1)),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    sort_order INTEGER NOT NULL DEFAULT 0
);
CREATE TRIGGER ledger_category_no_delete_used BEFORE DELETE ON ledger_category
WHEN EXISTS (SELECT 1 FROM ledger_entry WHERE category_id = OLD.id)
BEGIN SELECT RAISE(ABORT, 'category in use: it cannot be deleted'); END;
CREATE TRIGGER ledger_account_no_delete_used BEFORE DELETE ON ledger_account
WHEN EXISTS (SELECT 1 FROM ledger_entry WHERE account_id = OLD.id)
BEGIN SELECT RAISE(ABORT, 'account in use: it cannot be deleted'); END;

CREATE TABLE ledger_entry (
    {STD_COLUMNS},
    entry_date TEXT NOT NULL,                -- ISO date
    month TEXT NOT NULL,                     -- 'YYYY-MM' of entry_date (reports index on it)
    account_id INTEGER NOT NULL REFERENCES ledger_account(id),
    category_id INTEGER NOT NULL REFERENCES ledger_category(id),
    amount INTEGER NOT NULL CHECK (amount <> 0),
    person_id INTEGER REFERENCES person(id),
    dues_period TEXT,                        -- 'YYYY-MM' the dues payment covers
    memo TEXT NOT NULL DEFAULT '',
    counterparty TEXT NOT NULL DEFAULT '',   -- who was paid / who paid (destination of the expense)
    counterparty_rfc TEXT NOT NULL DEFAULT '',
    cfdi_uuid TEXT NOT NULL DEFAULT '',
    payment_method TEXT NOT NULL DEFAULT '', -- 'cash', 'transfer', 'cheque', 'card', 'payroll'
    folio INTEGER,                           -- cash receipt number
    transfer_group TEXT,                     -- both legs of a transfer share it
    reverses_id INTEGER REFERENCES ledger_entry(id),
    reason TEXT NOT NULL DEFAULT '',         -- reason of a reversal
    checkoff_batch_id INTEGER,
    posted_by TEXT NOT NULL DEFAULT '',
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    CHECK (month = substr(entry_date, 1, 7))
);
CREATE INDEX ledger_entry_month ON ledger_entry(month, amount);
CREATE INDEX ledger_entry_month_person ON ledger_entry(month, person_id) WHERE person_id IS NOT NULL;
CREATE UNIQUE INDEX ledger_entry_reverses ON ledger_entry(reverses_id) WHERE reverses_id IS NOT NULL;
CREATE INDEX ledger_entry_date ON ledger_entry(entry_date);
CREATE INDEX ledger_entry_account ON ledger_entry(account_id, entry_date);
CREATE INDEX ledger_entry_category ON ledger_entry(category_id, month);
CREATE INDEX ledger_entry_person ON ledger_entry(person_id, dues_period) WHERE person_id IS NOT NULL;
CREATE UNIQUE INDEX ledger_entry_folio ON ledger_entry(folio) WHERE folio IS NOT NULL;

-- Per month/account/category totals kept by trigger (reports never scan the whole ledger;
-- `check` recomputes them from the entries).
CREATE TABLE ledger_month_total (
    month TEXT NOT NULL,
    account_id INTEGER NOT NULL,
    category_id INTEGER NOT NULL,
    total INTEGER NOT NULL DEFAULT 0,
    n INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (month, account_id, category_id)
) WITHOUT ROWID;
CREATE TRIGGER ledger_entry_totals AFTER INSERT ON ledger_entry
BEGIN
    INSERT INTO ledger_month_total(month, account_id, category_id, total, n)
    VALUES (NEW.month, NEW.account_id, NEW.category_id, NEW.amount, 1)
    ON CONFLICT(month, account_id, category_id) DO UPDATE SET total = total + NEW.amount, n = n + 1;
END;

CREATE TABLE ledger_close (
    {STD_COLUMNS},
    month TEXT NOT NULL UNIQUE,              -- closes everything dated up to the end of this month
    closed_by TEXT NOT NULL,                 -- names of who closed it
    head_entry_id INTEGER,
    head_hash TEXT NOT NULL,
    entries INTEGER NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE TRIGGER ledger_entry_closed_month BEFORE INSERT ON ledger_entry
WHEN NEW.month <= (SELECT MAX(month) FROM ledger_close)
BEGIN SELECT RAISE(ABORT, 'closed period: the month is closed'); END;

CREATE TABLE ledger_attachment (
    {STD_COLUMNS},
    entry_id INTEGER NOT NULL REFERENCES ledger_entry(id),
    blob_id INTEGER NOT NULL REFERENCES blob(id),
    kind TEXT NOT NULL DEFAULT 'other'
        CHECK (kind IN ('receipt', 'invoice', 'cfdi_xml', 'cfdi_pdf', 'other')),
    sha256 TEXT NOT NULL
);
CREATE INDEX ledger_attachment_entry ON ledger_attachment(entry_id);

-- The dues rule from the statutes, versioned by the month it takes effect.
CREATE TABLE dues_rule (
    {STD_COLUMNS},
    effective_month TEXT NOT NULL UNIQUE,
    mode TEXT NOT NULL CHECK (mode IN ('fixed', 'percent')),
    amount INTEGER NOT NULL DEFAULT 0,       -- centavos per month (fixed)
    percent TEXT NOT NULL DEFAULT '0',       -- decimal text, percent of monthly salary
    rounding TEXT NOT NULL DEFAULT 'half_up' CHECK (rounding IN ('half_up', 'half_even', 'down', 'up')),
    note TEXT NOT NULL DEFAULT ''
);

-- Monthly salary per person, for percentage dues (the employer's list may also carry it).
CREATE TABLE dues_salary (
    {STD_COLUMNS},
    person_id INTEGER NOT NULL REFERENCES person(id),
    effective_month TEXT NOT NULL,
    salary INTEGER NOT NULL CHECK (salary >= 0),
    UNIQUE (person_id, effective_month)
);

CREATE TABLE checkoff_batch (
    {STD_COLUMNS},
    period TEXT NOT NULL,
    filename TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    account_id INTEGER NOT NULL REFERENCES ledger_account(id),
    deposit INTEGER NOT NULL,
    deducted_total INTEGER NOT NULL,
    expected_total INTEGER NOT NULL,
    lines INTEGER NOT NULL,
    entry_id INTEGER REFERENCES ledger_entry(id)
);
CREATE INDEX checkoff_batch_period ON checkoff_batch(period);

CREATE TABLE checkoff_line (
    {STD_COLUMNS},
    batch_id INTEGER NOT NULL REFERENCES checkoff_batch(id),
    line_no INTEGER NOT NULL,
    person_id INTEGER REFERENCES person(id),
    curp TEXT NOT NULL DEFAULT '',
    employee_no TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL DEFAULT '',
    period TEXT NOT NULL,
    deducted INTEGER NOT NULL,
    expected INTEGER NOT NULL,
    flags TEXT NOT NULL DEFAULT ''           -- comma separated: opted_out, not_deducted, unknown, ...
);
CREATE INDEX checkoff_line_batch ON checkoff_line(batch_id);
CREATE INDEX checkoff_line_person ON checkoff_line(person_id, period);

-- Art. 373: the six-monthly account and who received it, how and when.
CREATE TABLE account_report (
    {STD_COLUMNS},
    from_month TEXT NOT NULL,
    to_month TEXT NOT NULL,
    head_hash TEXT NOT NULL,
    assembly_date TEXT,
    blob_id INTEGER REFERENCES blob(id),
    note TEXT NOT NULL DEFAULT ''
);
CREATE TABLE account_delivery (
    {STD_COLUMNS},
    report_id INTEGER NOT NULL REFERENCES account_report(id),
    person_id INTEGER NOT NULL REFERENCES person(id),
    method TEXT NOT NULL CHECK (method IN ('hand', 'email', 'messaging', 'mail', 'assembly')),
    delivered_at TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    UNIQUE (report_id, person_id)
);
{_APPEND_ONLY}
{_SEED}
"""
