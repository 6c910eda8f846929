"""Insert the new people of an import preview (inside the caller's transaction): the 100,000-row path.

Only the columns the roster fills are bound; values that are the same for every row of the batch
(timestamps, batch id, membership flag, a default join date) are SQL literals, and columns the roster
does not have keep their SQL defaults. Row tuples come from ``zip`` over the preview's columns. The
person table's indexes are built once after the rows of a big batch (cheaper than growing them row by
row), and the trigram index of the batch in one statement. No join events are written: a member's
join by an import is implicit in the person row (``unionkit.members.joins``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from unionkit.i18n import _
from unionkit.members.bulk import Numbering, uuid4_strings
from unionkit.members.importer import ImportCancelled, ImportPreview
from unionkit.members.text import fold, sort_fold
from unionkit.vault import pending

CHUNK = 10_000
# The part of a commit's progress bar that the rows take (the indexes and the writing take the rest).
SHARE_ROWS = 0.45
BULK_INDEX_ROWS = 5000
REBUILD_SHARE = 0.5
# Every index of the person table (m0009 made the uid and CURP uniqueness plain UNIQUE indexes): a big
# batch drops them and builds each once after its rows, sorted, which is cheaper than growing them row by
# row (100,000 rows: inserts 1.1 s -> 0.5 s, building all five ~0.45 s; measured, SQLCipher). The unique
# ones are rebuilt in the same transaction, so a duplicate the preview missed still fails the commit;
# the others only speed up reads and are built just after the COMMIT (``unionkit.vault.pending``: the
# import returns ~0.35 s sooner, its rows durable and searchable).
BULK_INDEXES = ("person_uid", "person_curp", "person_status", "person_employee_no", "person_sort_name")
UNIQUE_INDEXES = ("person_uid", "person_curp")
# Skips the rows of an import batch anyway (WHEN import_batch_id IS NULL), but still runs its test per row.
BULK_TRIGGERS = ("person_fts_ai",)
# Roster fields bound as they are (when the mapping has them), in the person table's column order.
OPTIONAL_TEXT = ("nss", "rfc", "employee_no", "department", "shift", "position", "phone", "email", "address",
                 "notes")
_SAFE_LITERAL = re.compile(r"[0-9A-Za-z:.\-]*")


def _literal(value: object) -> str:
    """A constant of the batch as SQL text (ints, ISO dates and timestamps only)."""
    if isinstance(value, int):
        return str(int(value))
    if isinstance(value, str) and _SAFE_LITERAL.fullmatch(value):
        return f"'{value}'"
    raise ValueError(f"not a safe SQL literal: {value!r}")


def _names(nombre: list[str], ap1: list[str], ap2: list[str]) -> tuple[list[str], list[str]]:
    """Per row ``search_text(nombre, ap1, ap2)`` and ``sort_key(ap1, ap2, nombre)``, by column.

    Each cell is looked up once (numbered; the cells are 300,000 fresh strings whose lookups are the
    cost), each distinct name part is folded once both ways, and the folded columns are picked from
    short lists by number."""
    numbers = Numbering()
    coded = [list(map(numbers.__getitem__, col)) for col in (nombre, ap1, ap2)]
    distinct = list(numbers)
    by_fold, by_sort = list(map(fold, distinct)), list(map(sort_fold, distinct))
    f_n, f_1, f_2 = (list(map(by_fold.__getitem__, c)) for c in coded)
    s_n, s_1, s_2 = (list(map(by_sort.__getitem__, c)) for c in coded)
    c_n, c_1, c_2 = coded
    return (_joined((f_n, f_1, f_2), (c_n, c_1, c_2), numbers.get("")),
            _joined((s_1, s_2, s_n), (c_1, c_2, c_n), numbers.get("")))


def _joined(parts: tuple[list[str], ...], codes: tuple[list[int], ...], blank: int | None) -> list[str]:
    """Per row, the parts joined by spaces, leaving out the parts whose cell was empty (number ``blank``),
    as ``search_text()`` and ``sort_key()`` do."""
    if blank is None:
        return list(map(" ".join, zip(*parts, strict=True)))
    return [" ".join(f for f, c in zip(fs, cs, strict=True) if c != blank)
            for fs, cs in zip(zip(*parts, strict=True), zip(*codes, strict=True), strict=True)]


def insert_new(conn, prev: ImportPreview, rows: list[int], wp_ids: dict[str, int], batch_id: int, today_s: str,
               now: str, progress: Callable[[float, str], None] | None, cancelled: Callable[[], bool] | None,
               total: int, *, indexes_live: bool = True, spare: list | None = None) -> int:
    """Insert the preview rows ``rows`` (all 'new') as people of ``batch_id``; returns how many.
    ``indexes_live``: the person indexes are in place (not set aside by ``drop_indexes``), so the uids
    are sorted to grow the uid index at one place. ``spare``: receives the bound columns, for the
    caller to free when it suits it."""
    vals = prev.columns.values
    n = len(rows)
    if not n:
        return 0
    # (Inserting in CURP order, so that the curp index also grows at its end, was measured here: slower
    # in the encrypted vault, 2.2-2.6 s vs 1.8-2.2 s CPU, although faster in an in-memory database.)
    everything = n == len(prev.lines)

    def pick(col: list) -> list:
        return col if everything else [col[i] for i in rows]

    empty = [""] * n
    # Text columns hold no None, except names split from a full-name column and NSS/RFC.
    maybe_none = {"nss", "rfc"} | ({"nombre", "primer_apellido", "segundo_apellido"}
                                   if "nombre_completo" in prev.mapping else set())

    def text(f: str) -> list[str]:
        if f not in vals:
            return empty
        col = pick(vals[f])
        return [x or "" for x in col] if f in maybe_none and None in col else col

    nombre, ap1, ap2 = text("nombre"), text("primer_apellido"), text("segundo_apellido")
    names = ["uid", "nombre", "primer_apellido", "segundo_apellido", "curp"]
    uids = uuid4_strings(n)
    if indexes_live:
        uids.sort()
    cols: list[list] = [uids, nombre, ap1, ap2, pick(vals["curp"])]
    for f in OPTIONAL_TEXT:
        if f in vals:
            names.append(f)
            cols.append(text(f))
    names += ["sex", "birth_date"]  # both known for every valid CURP (from it, when the row has none)
    cols += [pick(vals["sex"]), pick(vals["birth_date"])]
    wids = pick(vals["workplace_id"]) if "workplace_id" in vals else [None] * n
    if prev.workplace_codes is not None:  # the names of the roster's workplaces, numbered by the preview
        order, codes = prev.workplace_codes
        by_code = [wp_ids.get(w.casefold()) if w else default
                   for w, default in zip(order, prev.workplace_ids_by_code, strict=True)]
        wids = list(map(by_code.__getitem__, pick(codes)))
    if any(w is not None for w in wids):
        names.append("workplace_id")
        cols.append(wids)
    if "hire_date" in vals:
        names.append("hire_date")
        cols.append(pick(vals["hire_date"]))
    if "confianza" in vals:
        names.append("confianza")
        cols.append([x or 0 for x in pick(vals["confianza"])])
    names += ["search_text", "sort_name"]
    cols += list(_names(nombre, ap1, ap2))
    placeholders = [f"?{k}" for k in range(1, len(names) + 1)]
    consts = {"created_at": now, "updated_at": now, "import_batch_id": batch_id,
              "is_member": 1 if prev.as_members else 0}
    if prev.as_members:
        if "join_date" in vals:
            joins = [j or today_s for j in pick(vals["join_date"])]
            names.append("join_date")
            cols.append(joins)
            placeholders.append(f"?{len(names)}")
            names.append("status_date")
            placeholders.append(f"?{len(names) - 1}")  # the same parameter: status since joining
        else:
            consts.update(join_date=today_s, status_date=today_s)
    sql = (f"INSERT INTO person({', '.join(names + list(consts))}) VALUES "
           f"({', '.join(placeholders + [_literal(v) for v in consts.values()])})")
    # The person table's CHECK constraints hold for these rows by construction (confianza 0/1 from
    # parse_bool, is_member a literal 0/1, status its default 'active'), and SQLite re-evaluates
    # ``status IN (...)`` per row through a temporary index built and dropped for each row: ~30 % of the
    # insert. They are skipped for these statements only (asserted here instead) and back on after.
    if "confianza" in names and not {0, 1}.issuperset(cols[names.index("confianza")]):
        raise ValueError("confianza must be 0 or 1")
    checks_were_ignored = conn.execute("PRAGMA ignore_check_constraints").fetchone()[0]
    conn.execute("PRAGMA ignore_check_constraints = ON")
    try:
        for i in range(0, n, CHUNK):
            if cancelled and cancelled():
                raise ImportCancelled()
            conn.executemany(sql, zip(*(col[i:i + CHUNK] for col in cols), strict=True))
            if progress:
                progress(SHARE_ROWS * min(n, i + CHUNK) / total, _("Saving people…"))
    finally:
        if not checks_were_ignored:
            conn.execute("PRAGMA ignore_check_constraints = OFF")
    if spare is not None:
        spare.append(cols)
    return n


def index_new(conn, batch_id: int, first_id: int) -> None:
    """The trigram index rows of the people of ``batch_id`` just inserted (ids from ``first_id``), in one
    statement. Their join events are not written: a member's join by a roster import is implicit in
    the person row (``unionkit.members.joins``)."""
    conn.execute("INSERT INTO person_fts(rowid, search_text) SELECT id, search_text FROM person "
                 "WHERE id >= ? AND import_batch_id = ?", (first_id, batch_id))


def rebuild_pays(conn, n_new: int) -> bool:
    """Whether building the person indexes after ``n_new`` rows beats growing them: a rebuild sorts the
    whole table, so it pays only when the batch is big and at least about as big as the register
    (measured: REBUILD_SHARE)."""
    if n_new < BULK_INDEX_ROWS:
        return False
    people = conn.execute("SELECT coalesce(max(id), 0) FROM person").fetchone()[0]
    return n_new >= people * REBUILD_SHARE


def drop_indexes(conn) -> list[tuple[str, str]]:
    """Drop the person indexes (and the FTS insert trigger, which skips batch rows anyway), returning
    ``(name, CREATE statement)`` of each, to be run after the inserts (``restore_indexes``). Same
    transaction as the inserts, so a crash or cancel brings them back with the rollback."""
    names = BULK_INDEXES + BULK_TRIGGERS
    marks = ",".join("?" * len(names))
    found = conn.execute(f"SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') "
                         f"AND name IN ({marks})", names).fetchall()
    for kind, name, _sql in found:
        conn.execute(f'DROP {kind.upper()} "{name}"')
    return [(name, sql) for _kind, name, sql in found]


def restore_indexes(conn, dropped: list[tuple[str, str]], step: Callable[[int], None]) -> None:
    """Recreate what ``drop_indexes`` dropped: the unique indexes and the trigger now (``step(k)`` before
    each), the others after the COMMIT (recorded in ``pending_index``)."""
    now = []
    for name, sql in dropped:
        if name in UNIQUE_INDEXES or name in BULK_TRIGGERS:
            now.append(sql)
        else:
            pending.defer(conn, name, sql)
    for k, sql in enumerate(now):
        step(k)
        conn.execute(sql)
