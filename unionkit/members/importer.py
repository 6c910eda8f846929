"""Roster import: map -> preview (every problem with its file line) -> commit in one transaction.

    table = read_table(path)
    prev = preview(vault, table, mapping=None)       # mapping remembered/auto when None
    prev.summary()                                   # the JSON of `members import --dry-run --json`
    result = commit(vault, prev, strict=False)       # same keys, after the transaction

Rows are matched to people already in the vault by CURP (the key; a row without a valid CURP is
rejected). A later row with the CURP of an earlier one is a duplicate and is not imported. Empty cells
never erase what the register holds. Importing the same file again changes nothing (no new batch).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from unionkit.i18n import _
from unionkit.members import identifiers as ids
from unionkit.members.bulk import gc_paused
from unionkit.members.dates import DateParseError, parse_date
from unionkit.members.mapping import mapping_for
from unionkit.members.reader import Table
from unionkit.members.text import split_full_name
from unionkit.members.validation import normalize_sex, parse_bool
from unionkit.vault import Vault

TEXT_FIELDS = ("nombre", "primer_apellido", "segundo_apellido", "employee_no", "department", "shift",
               "position", "phone", "email", "address", "notes")
DATE_FIELDS = ("hire_date", "birth_date", "join_date")
# Compared with / written to the person row (workplace resolves to workplace_id at commit).
COMPARED = TEXT_FIELDS + DATE_FIELDS + ("nss", "rfc", "sex", "confianza")


@dataclass
class Problem:
    line: int
    column: str
    code: str
    message: str

    def as_dict(self) -> dict:
        return {"line": self.line, "column": self.column, "code": self.code, "message": self.message}


@dataclass(slots=True)
class PreviewRow:
    line: int
    values: dict
    action: str = "new"            # new | update | unchanged | rejected | duplicate
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    person_id: int | None = None
    changes: dict = field(default_factory=dict)
    duplicate_of_line: int | None = None
    curp_ok: bool = False


@dataclass
class ImportPreview:
    table: Table
    mapping: dict[str, int]
    rows: list[PreviewRow]
    as_members: bool = True
    new_workplaces: list[str] = field(default_factory=list)

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)

    @property
    def failed(self) -> bool:
        return any(r.action in ("rejected", "duplicate") for r in self.rows)

    def summary(self) -> dict:
        """The keys of ``members import --json`` (counts of what a commit would do)."""
        return {
            "file": self.table.path, "sha256": self.table.sha256, "data_rows": len(self.rows),
            "imported": self.count("new"), "updated": self.count("update"), "unchanged": self.count("unchanged"),
            "rejected_rows": self.count("rejected"),
            "rejected": [p.as_dict() for r in self.rows for p in r.problems],
            "duplicates": [{"line": r.line, "duplicate_of_line": r.duplicate_of_line}
                           for r in self.rows if r.action == "duplicate"],
            "warnings": [p.as_dict() for r in self.rows for p in r.warnings],
            "new_workplaces": list(self.new_workplaces),
        }


ProgressFn = Callable[[float, str], None]


class _Cleaner(dict):
    """raw cell -> trimmed, inner whitespace collapsed (roster cells repeat a lot: each distinct text is
    cleaned once per preview)."""

    def __missing__(self, raw: str) -> str:
        value = self[raw] = " ".join(raw.split())
        return value


class _Memo(dict):
    """text -> fn(text), computed once per preview."""

    def __init__(self, fn: Callable[[str], object]) -> None:
        super().__init__()
        self.fn = fn

    def __missing__(self, text: str) -> object:
        value = self[text] = self.fn(text)
        return value


def _row_parser(cols: dict[str, int], headers: list[str]) -> Callable[[int, list[str]], PreviewRow]:
    """A row parser specialised to one mapping. Hot loop (100,000 rows in a big roster): the mapping's
    decisions are taken once here, cells and dates are cleaned/parsed once per distinct text."""
    clean = _Cleaner()
    dates: dict[str, str] = {}
    sexes = _Memo(normalize_sex)
    bools = _Memo(parse_bool)
    births19 = _Memo(lambda d: f"19{d[:2]}-{d[2:4]}-{d[4:6]}")
    births20 = _Memo(lambda d: f"20{d[:2]}-{d[2:4]}-{d[4:6]}")
    width = max(cols.values(), default=-1) + 1
    text_cols = tuple((f, cols[f]) for f in TEXT_FIELDS if f in cols)
    date_cols = tuple((f, cols[f]) for f in DATE_FIELDS if f in cols)
    id_cols = tuple((f, cols[f]) for f in ("nss", "rfc") if f in cols)
    curp_i, full_i, sex_i = cols.get("curp"), cols.get("nombre_completo"), cols.get("sex")
    conf_i, wp_i = cols.get("confianza"), cols.get("workplace")
    check_name = "nombre" in cols or "nombre_completo" in cols
    normalize_curp, check_curp = ids.normalize_curp, ids.check_curp

    def header(f: str) -> str:
        i = cols.get(f)
        return headers[i] if i is not None else field_header_fallback(f)

    def parse(line: int, cells: list[str]) -> PreviewRow:
        if len(cells) < width:
            cells = list(cells) + [""] * (width - len(cells))
        # A cell of only letters/digits is already clean (and often unique: employee numbers).
        v = {f: c if (c := cells[i]).isalnum() else clean[c] for f, i in text_cols}
        curp = v["curp"] = normalize_curp(cells[curp_i]) if curp_i is not None else ""  # drops all spaces
        if full_i is not None and not v.get("nombre"):
            v["nombre"], v["primer_apellido"], v["segundo_apellido"] = split_full_name(clean[cells[full_i]], curp)
        problems: list[Problem] = []
        warnings: list[Problem] = []
        p = check_curp(curp)
        if p:
            problems.append(Problem(line, header("curp"), p.code, p.message))
        if check_name and not v.get("nombre"):
            col = header("nombre" if "nombre" in cols or "nombre_completo" not in cols else "nombre_completo")
            problems.append(Problem(line, col, "name_missing", _("The name is missing.")))
        for f, i in date_cols:
            text = clean[cells[i]]
            if text:
                iso = dates.get(text)
                if iso is None:
                    try:
                        iso = dates[text] = parse_date(text).isoformat()
                    except DateParseError as exc:
                        problems.append(Problem(line, header(f), "date", exc.message))
                        continue
                v[f] = iso
        for f, i in id_cols:
            text = clean[cells[i]]
            if text:
                q = ids.check_nss(text) if f == "nss" else ids.check_rfc(text)
                v[f] = ids.normalize_nss(text) if f == "nss" else ids.normalize_rfc(text)
                if q:
                    (warnings if q.warning else problems).append(Problem(line, header(f), q.code, q.message))
        if sex_i is not None:
            s = sexes[clean[cells[sex_i]]]
            if s is None:
                problems.append(Problem(line, header("sex"), "sex", _("Sex must be H (hombre), M (mujer) or X.")))
            elif s:
                v["sex"] = s
        if conf_i is not None:
            text = clean[cells[conf_i]]
            if text:
                v["confianza"] = bools[text]
        if wp_i is not None:
            v["workplace"] = clean[cells[wp_i]]
        if not p:
            if "sex" not in v:
                v["sex"] = curp[10]
            if not v.get("birth_date"):  # century from character 17: a digit for 19xx
                v["birth_date"] = (births19 if curp[16] <= "9" else births20)[curp[4:10]]
        return PreviewRow(line, v, "rejected" if problems else "new", problems, warnings, curp_ok=not p)

    return parse


def field_header_fallback(f: str) -> str:
    from unionkit.members.mapping import field_label

    return field_label(f)


def preview(vault: Vault, table: Table, mapping: dict[str, int] | None = None, *, as_members: bool = True,
            workplace_id: int | None = None, progress: ProgressFn | None = None,
            cancelled: Callable[[], bool] | None = None) -> ImportPreview:
    """Validate every row and classify it against the register (nothing is written)."""
    with gc_paused():
        return _preview(vault, table, mapping, as_members, workplace_id, progress, cancelled)


def _preview(vault: Vault, table: Table, mapping: dict[str, int] | None, as_members: bool,
             workplace_id: int | None, progress: ProgressFn | None,
             cancelled: Callable[[], bool] | None) -> ImportPreview:
    cols = dict(mapping) if mapping is not None else mapping_for(vault, table.headers)
    rows: list[PreviewRow] = []
    first_line: dict[str, int] = {}
    total = max(1, len(table.rows))
    parse = _row_parser(cols, table.headers)
    for n, (line, cells) in enumerate(table.rows):
        if n % 5000 == 0:
            if cancelled and cancelled():
                raise ImportCancelled()
            if progress:
                progress(0.5 * n / total, _("Checking rows…"))
        row = parse(line, cells)
        curp = row.values["curp"]
        if row.curp_ok:
            if curp in first_line and not row.problems:
                row.action = "duplicate"
                row.duplicate_of_line = first_line[curp]
            elif curp not in first_line:
                first_line[curp] = line
        if workplace_id is not None and not row.values.get("workplace"):
            row.values["workplace_id"] = workplace_id
        rows.append(row)
    prev = ImportPreview(table, cols, rows, as_members=as_members)
    _classify(vault, prev)
    return prev


def _classify(vault: Vault, prev: ImportPreview) -> None:
    wp = {name.casefold(): wid for wid, name in vault.query("SELECT id, name FROM workplace")}
    new_wp: dict[str, str] = {}
    candidates = [r for r in prev.rows if r.action == "new"]
    curps = [r.values["curp"] for r in candidates]
    cols = ("id", "workplace_id", "is_member") + COMPARED
    existing: dict[str, tuple] = {}
    for i in range(0, len(curps), 900):
        chunk = curps[i:i + 900]
        for rec in vault.query(f"SELECT curp, {', '.join(cols)} FROM person WHERE curp IN "
                               f"({','.join('?' * len(chunk))})", chunk):
            existing[rec[0]] = rec[1:]
    for r in candidates:
        v = r.values
        name = v.get("workplace", "")
        if name:
            wid = wp.get(name.casefold())
            if wid is None:
                new_wp.setdefault(name.casefold(), name)
            v["workplace_id"] = wid
        rec = existing.get(v["curp"])
        if rec is None:
            if not v.get("nombre"):
                r.problems.append(Problem(r.line, field_header_fallback("nombre"), "name_missing",
                                          _("The name is missing.")))
                r.action = "rejected"
            continue
        r.person_id = rec[0]
        current = dict(zip(cols, rec, strict=True))
        changes = {f: v[f] for f in COMPARED if v.get(f) not in (None, "") and v[f] != current[f]}
        if name and (v.get("workplace_id") is None or v["workplace_id"] != current["workplace_id"]):
            changes["workplace"] = name
        elif "workplace_id" in v and not name and v["workplace_id"] != current["workplace_id"] \
                and current["workplace_id"] is None:
            changes["workplace_id"] = v["workplace_id"]
        if prev.as_members and not current["is_member"]:
            changes["is_member"] = 1
        r.changes = changes
        r.action = "update" if changes else "unchanged"
    prev.new_workplaces = sorted(new_wp.values(), key=str.casefold)


class ImportCancelled(Exception):
    """The user cancelled; the transaction was rolled back (nothing imported)."""


def today_iso(today: dt.date | None = None) -> str:
    return (today or dt.date.today()).isoformat()
