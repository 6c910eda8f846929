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
from unionkit.members.bulk import Numbering, gc_paused
from unionkit.members.columns import DATE_FIELDS, TEXT_FIELDS, Columns, Problem, parse_columns
from unionkit.members.mapping import mapping_for
from unionkit.members.reader import Table
from unionkit.vault import Vault

__all__ = ["COMPARED", "DATE_FIELDS", "TEXT_FIELDS", "ImportCancelled", "ImportPreview", "PreviewRow", "Problem",
           "preview"]

# Compared with / written to the person row (workplace resolves to workplace_id at commit).
COMPARED = TEXT_FIELDS + DATE_FIELDS + ("nss", "rfc", "sex", "confianza")
# Above this many rows to classify, the register's CURPs are read once (one index scan) instead of being
# looked up 900 at a time.
SCAN_REGISTER_ROWS = 2000


@dataclass(slots=True)
class PreviewRow:
    """One row of a preview (a view built on demand: the preview itself is kept by column)."""

    line: int
    values: dict
    action: str = "new"            # new | update | unchanged | rejected | duplicate
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    person_id: int | None = None
    changes: dict = field(default_factory=dict)
    duplicate_of_line: int | None = None
    curp_ok: bool = False


class ImportPreview:
    """What a commit would do, row by row: ``actions[i]`` is new | update | unchanged | rejected | duplicate."""

    def __init__(self, table: Table, mapping: dict[str, int], columns: Columns, lines: list[int],
                 actions: list[str], *, as_members: bool = True) -> None:
        self.table = table
        self.mapping = mapping
        self.columns = columns
        self.lines = lines
        self.actions = actions
        self.as_members = as_members
        self.new_workplaces: list[str] = []
        # (distinct workplace names in file order, per row the number of its name in that list), and
        # per number the workplace id known at preview time (None for a new workplace).
        self.workplace_codes: tuple[list[str], list[int]] | None = None
        self.workplace_ids_by_code: list[int | None] = []
        self.person_ids: dict[int, int] = {}
        self.changes: dict[int, dict] = {}
        self.duplicate_of: dict[int, int] = {}
        self._rows: list[PreviewRow] | None = None

    @property
    def rows(self) -> list[PreviewRow]:
        if self._rows is None:
            c = self.columns
            self._rows = [
                PreviewRow(line, c.row_values(i), self.actions[i], list(c.problems.get(i, ())),
                           list(c.warnings.get(i, ())), self.person_ids.get(i), dict(self.changes.get(i, {})),
                           self.duplicate_of.get(i), c.curp_ok[i])
                for i, line in enumerate(self.lines)]
        return self._rows

    def indexes(self, action: str) -> list[int]:
        count = self.actions.count(action)
        if count == len(self.actions):  # the usual 100,000 new rows
            return list(range(count))
        return [i for i, a in enumerate(self.actions) if a == action] if count else []

    def count(self, action: str) -> int:
        return self.actions.count(action)

    @property
    def failed(self) -> bool:
        return "rejected" in self.actions or "duplicate" in self.actions

    def summary(self) -> dict:
        """The keys of ``members import --json`` (counts of what a commit would do)."""
        c = self.columns
        return {
            "file": self.table.path, "sha256": self.table.sha256, "data_rows": len(self.lines),
            "imported": self.count("new"), "updated": self.count("update"), "unchanged": self.count("unchanged"),
            "rejected_rows": self.count("rejected"),
            "rejected": [p.as_dict() for i in sorted(c.problems) for p in c.problems[i]],
            "duplicates": [{"line": self.lines[i], "duplicate_of_line": d}
                           for i, d in sorted(self.duplicate_of.items())],
            "warnings": [p.as_dict() for i in sorted(c.warnings) for p in c.warnings[i]],
            "new_workplaces": list(self.new_workplaces),
        }


ProgressFn = Callable[[float, str], None]


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
    if cancelled and cancelled():
        raise ImportCancelled()
    if progress:
        progress(0.0, _("Checking rows…"))
    c = parse_columns(cols, table, field_header_fallback)
    lines = table.line_numbers()
    actions = ["new"] * len(lines)
    for i in c.problems:
        actions[i] = "rejected"
    prev = ImportPreview(table, cols, c, lines, actions, as_members=as_members)
    curps = c.values["curp"]
    if len(set(curps)) != len(curps):  # a CURP repeated in the file: the first row is kept
        first_line: dict[str, int] = {}
        for i, (curp, ok) in enumerate(zip(curps, c.curp_ok, strict=True)):
            if ok:
                if curp in first_line and actions[i] == "new":
                    actions[i] = "duplicate"
                    prev.duplicate_of[i] = first_line[curp]
                elif curp not in first_line:
                    first_line[curp] = lines[i]
    if cancelled and cancelled():
        raise ImportCancelled()
    if progress:
        progress(0.4, _("Checking rows…"))
    _classify(vault, prev, workplace_id)
    return prev


def _workplace_ids(vault: Vault, prev: ImportPreview, candidates: list[int], workplace_id: int | None) -> None:
    """Resolve workplace names to ids (``values["workplace_id"]``); unknown names become new workplaces."""
    vals = prev.columns.values
    names = vals.get("workplace")
    if names is None:
        if workplace_id is not None:
            vals["workplace_id"] = [workplace_id] * len(prev.lines)
        return
    wp = {name.casefold(): wid for wid, name in vault.query("SELECT id, name FROM workplace")}
    numbering = Numbering()  # name -> number, in order of first appearance: the first spelling wins
    codes = list(map(numbering.__getitem__, names))
    order = list(numbering)
    in_order = order if len(candidates) == len(names) else dict.fromkeys(names[i] for i in candidates)
    new_wp: dict[str, str] = {}
    for name in in_order:
        if name and name.casefold() not in wp:
            new_wp.setdefault(name.casefold(), name)
    prev.new_workplaces = sorted(new_wp.values(), key=str.casefold)
    prev.workplace_ids_by_code = [wp.get(name.casefold()) if name else workplace_id for name in order]
    prev.workplace_codes = (order, codes)
    vals["workplace_id"] = list(map(prev.workplace_ids_by_code.__getitem__, codes))


def _existing(vault: Vault, curps: list[str]) -> dict[str, tuple]:
    """CURP -> (id, workplace_id, is_member, *COMPARED) of the people already in the register."""
    if len(curps) > SCAN_REGISTER_ROWS:
        known = {r[0] for r in vault.query("SELECT curp FROM person WHERE curp IS NOT NULL")}
        curps = [c for c in curps if c in known] if known else []
    out: dict[str, tuple] = {}
    names = ", ".join(("id", "workplace_id", "is_member") + COMPARED)
    for i in range(0, len(curps), 900):
        chunk = curps[i:i + 900]
        for rec in vault.query(f"SELECT curp, {names} FROM person WHERE curp IN ({','.join('?' * len(chunk))})",
                               chunk):
            out[rec[0]] = rec[1:]
    return out


def _classify(vault: Vault, prev: ImportPreview, workplace_id: int | None) -> None:
    c = prev.columns
    vals = c.values
    candidates = prev.indexes("new")
    _workplace_ids(vault, prev, candidates, workplace_id)
    curps = vals["curp"]
    existing = _existing(vault, curps if len(candidates) == len(curps) else [curps[i] for i in candidates])
    nombre = vals.get("nombre")
    if not existing and c.all_named:
        return  # all new, all named (the usual first roster): nothing to look at row by row
    names = vals.get("workplace")
    cols = ("id", "workplace_id", "is_member") + COMPARED
    for i in candidates:
        rec = existing.get(curps[i]) if existing else None
        if rec is None:
            if nombre is None or not nombre[i]:
                c.add(c.problems, i, Problem(prev.lines[i], field_header_fallback("nombre"), "name_missing",
                                             _("The name is missing.")))
                prev.actions[i] = "rejected"
            continue
        v = c.row_values(i)
        name = names[i] if names is not None else ""
        prev.person_ids[i] = rec[0]
        current = dict(zip(cols, rec, strict=True))
        changes = {f: v[f] for f in COMPARED if v.get(f) not in (None, "") and v[f] != current[f]}
        if name and (v.get("workplace_id") is None or v["workplace_id"] != current["workplace_id"]):
            changes["workplace"] = name
        elif "workplace_id" in v and not name and v["workplace_id"] != current["workplace_id"] \
                and current["workplace_id"] is None:
            changes["workplace_id"] = v["workplace_id"]
        if prev.as_members and not current["is_member"]:
            changes["is_member"] = 1
        if changes:
            prev.changes[i] = changes
        prev.actions[i] = "update" if changes else "unchanged"


class ImportCancelled(Exception):
    """The user cancelled; the transaction was rolled back (nothing imported)."""


def today_iso(today: dt.date | None = None) -> str:
    return (today or dt.date.today()).isoformat()
