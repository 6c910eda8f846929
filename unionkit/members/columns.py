"""Roster rows checked column by column: the importer's hot path (100,000 rows in a big padrón).

    cols = parse_columns(mapping, table, header_fallback)
    cols.values["curp"][i], cols.problems.get(i), cols.curp_ok[i]

Same rules and messages as a row-by-row check (``check_curp``, ``parse_date``, ...), but the work per
row is done by C loops (``map`` over memo dicts, slices of one joined string) and each distinct cell
text is cleaned/parsed once. Values are lists aligned with the rows; ``None`` means "no value"
(an empty or unmapped cell: it never erases data). Only rows with a problem get a list of problems.
"""

from __future__ import annotations

from collections.abc import Callable

from unionkit.i18n import _
from unionkit.members import identifiers as ids
from unionkit.members.curp_bulk import curp_suspects
from unionkit.members.dates import DateParseError, iso_date
from unionkit.members.reader import Table
from unionkit.members.text import split_full_name
from unionkit.members.validation import normalize_sex, parse_bool

TEXT_FIELDS = ("nombre", "primer_apellido", "segundo_apellido", "employee_no", "department", "shift",
               "position", "phone", "email", "address", "notes")
DATE_FIELDS = ("hire_date", "birth_date", "join_date")
NAME_FIELDS = ("nombre", "primer_apellido", "segundo_apellido")


class Problem:
    __slots__ = ("line", "column", "code", "message")

    def __init__(self, line: int, column: str, code: str, message: str) -> None:
        self.line, self.column, self.code, self.message = line, column, code, message

    def as_dict(self) -> dict:
        return {"line": self.line, "column": self.column, "code": self.code, "message": self.message}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Problem) and self.as_dict() == other.as_dict()

    def __repr__(self) -> str:
        return f"Problem({self.line}, {self.column!r}, {self.code!r}, {self.message!r})"


class _Memo(dict):
    """text -> fn(text), computed once per preview (roster cells repeat a lot)."""

    def __init__(self, fn: Callable[[str], object]) -> None:
        super().__init__()
        self.fn = fn

    def __missing__(self, text: str) -> object:
        value = self[text] = self.fn(text)
        return value


def clean_cell(raw: str) -> str:
    """Trimmed, inner whitespace collapsed."""
    return " ".join(raw.split())


def _date_or_error(text: str) -> str | DateParseError | None:
    if not text:
        return None
    try:
        return iso_date(text)
    except DateParseError as exc:
        return exc


class Columns:
    """The checked rows of a roster, by column (see the module docstring)."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.values: dict[str, list] = {}
        self.problems: dict[int, list[Problem]] = {}
        self.warnings: dict[int, list[Problem]] = {}
        self.curp_ok: list[bool] = []
        self.all_named = False  # every row has a given name (known after parse_columns)

    def add(self, store: dict[int, list[Problem]], i: int, problem: Problem) -> None:
        lst = store.get(i)
        if lst is None:
            store[i] = [problem]
        else:
            lst.append(problem)

    def row_values(self, i: int) -> dict:
        return {f: col[i] for f, col in self.values.items() if col[i] is not None}


def parse_columns(cols: dict[str, int], table: Table, header_fallback: Callable[[str], str]) -> Columns:
    """Check every row of ``table`` under the mapping ``cols`` (field -> column index)."""
    n = len(table)
    out = Columns(n)
    lines = table.line_numbers()
    headers = table.headers
    memo_clean = _Memo(clean_cell)
    vals = out.values

    def header(f: str) -> str:
        i = cols.get(f)
        return headers[i] if i is not None else header_fallback(f)

    def raw(f: str) -> list[str]:
        return table.column(cols[f])

    def cleaned(f: str) -> list[str]:
        if table.clean_cells:
            return raw(f)
        # A cell of only letters/digits is already clean (and often unique: employee numbers).
        return [c if c.isalnum() else memo_clean[c] for c in raw(f)]

    for f in TEXT_FIELDS:
        if f in cols:
            vals[f] = cleaned(f)
    curps = ids.normalize_curps(raw("curp")) if "curp" in cols else [""] * n
    vals["curp"] = curps
    if "nombre_completo" in cols:
        full = cleaned("nombre_completo")
        for f in NAME_FIELDS:  # copies: the table's own columns are not changed
            vals[f] = list(vals[f]) if f in vals else [None] * n
        nombre, ap1, ap2 = (vals[f] for f in NAME_FIELDS)
        for i in range(n):
            if not nombre[i]:
                nombre[i], ap1[i], ap2[i] = split_full_name(full[i], curps[i])
    # CURP: bulk checks; rows that are not certainly valid get the exact row-by-row check.
    suspects, births, sexes_from_curp = curp_suspects(curps)
    curp_ok = [True] * n
    problems, add = out.problems, out.add
    curp_col = header("curp")
    for i in suspects:
        p = ids.check_curp(curps[i])
        if p:
            curp_ok[i] = False
            add(problems, i, Problem(lines[i], curp_col, p.code, p.message))
        else:  # not expected (the bulk checks are the same rules), but then derive from the row itself
            births[i] = ids.curp_birth_date(curps[i]).isoformat()
            sexes_from_curp[i] = curps[i][10]
    out.curp_ok = curp_ok
    if "nombre" in cols or "nombre_completo" in cols:
        col = header("nombre" if "nombre" in cols or "nombre_completo" not in cols else "nombre_completo")
        nombre = vals["nombre"]
        out.all_named = all(nombre)
        if not out.all_named:
            msg = _("The name is missing.")
            for i in range(n):
                if not nombre[i]:
                    add(problems, i, Problem(lines[i], col, "name_missing", msg))
    memo_date = _Memo(_date_or_error)
    for f in DATE_FIELDS:
        if f in cols:
            isos = list(map(memo_date.__getitem__, cleaned(f)))  # each distinct text parsed once
            if any(isinstance(x, DateParseError) for x in memo_date.values()):
                col = header(f)
                for i, x in enumerate(isos):
                    if isinstance(x, DateParseError):
                        add(problems, i, Problem(lines[i], col, "date", x.message))
                        isos[i] = None
            vals[f] = isos
    for f, check, norm in (("nss", ids.check_nss, ids.normalize_nss), ("rfc", ids.check_rfc, ids.normalize_rfc)):
        if f in cols:
            col, texts = header(f), cleaned(f)
            vals[f] = [norm(t) if t else None for t in texts]
            for i, t in enumerate(texts):
                q = check(t) if t else None
                if q:
                    add(out.warnings if q.warning else problems, i, Problem(lines[i], col, q.code, q.message))
    if "sex" in cols:
        memo_sex = _Memo(normalize_sex)
        sexes = list(map(memo_sex.__getitem__, cleaned("sex")))
        if None in memo_sex.values():  # (the memo holds each distinct cell: no pass over the column)
            col, msg = header("sex"), _("Sex must be H (hombre), M (mujer) or X.")
            for i, s in enumerate(sexes):
                if s is None:
                    add(problems, i, Problem(lines[i], col, "sex", msg))
        vals["sex"] = [s or None for s in sexes] if "" in memo_sex.values() else sexes
    if "confianza" in cols:
        bools = _Memo(parse_bool)
        vals["confianza"] = [bools[t] if t else None for t in cleaned("confianza")]
    if "workplace" in cols:
        vals["workplace"] = cleaned("workplace")
    _derive_from_curp(vals, curp_ok, suspects, births, sexes_from_curp)
    return out


def _derive_from_curp(vals: dict[str, list], curp_ok: list[bool], suspects: list[int], births: list,
                      sexes: list) -> None:
    """Sex and birth date from a valid CURP where the row gives none."""
    n = len(curp_ok)
    bad = {i for i in suspects if not curp_ok[i]}
    given_sex = vals.get("sex")
    if given_sex is None:
        vals["sex"] = [None if i in bad else s for i, s in enumerate(sexes)] if bad else list(sexes)
    elif None in given_sex:
        vals["sex"] = [g if g is not None or i in bad else sexes[i] for i, g in enumerate(given_sex)]
    given_birth = vals.get("birth_date")
    if given_birth is None:
        vals["birth_date"] = [None if i in bad else b for i, b in enumerate(births)] if bad else births
    elif not all(given_birth):
        vals["birth_date"] = [g if g or i in bad else births[i] for i, g in enumerate(given_birth)]
    if len(vals["sex"]) != n or len(vals["birth_date"]) != n:  # pragma: no cover - defensive
        raise AssertionError("column lengths differ")
