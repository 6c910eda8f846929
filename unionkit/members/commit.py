"""Write an import preview to the vault: one transaction, one import batch (file SHA-256).

    result = commit(vault, prev, strict=False, dry_run=False, progress=None, cancelled=None)
    result["imported"], result["updated"], result["committed"], result["batch_id"]

All or nothing: an exception, a cancel (ImportCancelled) or a kill -9 leaves the vault as before.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from unionkit.i18n import _
from unionkit.members import bulk_insert, joins
from unionkit.members.bulk import free_in_background, gc_paused
from unionkit.members.importer import ImportCancelled, ImportPreview
from unionkit.members.mapping import remember
from unionkit.members.text import search_text, sort_key
from unionkit.vault import Vault, checkpoint

# From this fraction of a commit's progress on, the import is being written and can no longer be cancelled.
WRITING = 0.75
NOW = "strftime('%Y-%m-%dT%H:%M:%fZ','now')"


def commit(vault: Vault, prev: ImportPreview, *, strict: bool = False, dry_run: bool = False,
           progress: Callable[[float, str], None] | None = None, cancelled: Callable[[], bool] | None = None,
           today: dt.date | None = None, remember_mapping: bool = True, spent: bool = False) -> dict:
    """Import the valid rows of ``prev`` (or none with ``strict`` when a row failed); returns the summary.

    ``spent``: the caller will not use ``prev`` again (not even after a failure). Its rows are then freed
    on another thread once they are inserted, while SQLite builds the indexes and writes the
    transaction without holding the GIL (~0.1 s of a 100,000-row import off its critical path)."""
    result = prev.summary()
    result.update(dry_run=dry_run, strict=strict, committed=False, batch_id=None)
    if dry_run:
        return result
    if strict and prev.failed:
        result.update(imported=0, updated=0, unchanged=0, strict_refused=True)
        return result
    new = prev.indexes("new")
    upd = prev.indexes("update")
    if remember_mapping:
        remember(vault, prev.table.headers, prev.mapping)
    if not new and not upd:
        if progress:
            progress(1.0, _("Done"))
        return result
    today_s = (today or dt.date.today()).isoformat()
    total = max(1, len(new) + len(upd))
    _step(progress, cancelled, 0.0, _("Saving people…"))
    with gc_paused(), vault.transaction(big=len(new) >= checkpoint.BIG_TRANSACTION_ROWS) as conn:
        cur = conn.execute("INSERT INTO import_batch(kind, filename, sha256, data_rows, imported, updated, "
                           "unchanged, rejected) VALUES ('members', ?, ?, ?, ?, ?, ?, ?)",
                           (prev.table.path.rsplit("/", 1)[-1], prev.table.sha256, len(prev.lines), len(new),
                            len(upd), result["unchanged"], result["rejected_rows"] + len(result["duplicates"])))
        batch_id = int(cur.lastrowid)
        wp_ids = {n.casefold(): wid for wid, n in conn.execute("SELECT id, name FROM workplace").fetchall()}
        for name in prev.new_workplaces:
            wp_ids[name.casefold()] = int(conn.execute("INSERT INTO workplace(name) VALUES (?)",
                                                       (name,)).lastrowid)
        rebuild: list[tuple[str, str]] = []
        spare: list = []  # the insert's own columns, freed with the preview's when ``spent``
        if new:
            now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
            first_id = int(conn.execute("SELECT coalesce(max(id), 0) + 1 FROM person").fetchone()[0])
            rebuild = bulk_insert.drop_indexes(conn) if bulk_insert.rebuild_pays(conn, len(new)) else []
            bulk_insert.insert_new(conn, prev, new, wp_ids, batch_id, today_s, now, progress, cancelled, total,
                                   indexes_live=not rebuild, spare=spare)
        for n, i in enumerate(upd):
            if n % 1000 == 0:
                _step(progress, cancelled, bulk_insert.SHARE_ROWS * (len(new) + n) / total, _("Saving people…"))
            _apply_update(conn, prev.person_ids[i], prev.changes[i], wp_ids, today_s)
        if spent:
            _free_elsewhere(prev, spare)
        if new:
            _step(progress, cancelled, bulk_insert.SHARE_ROWS, _("Indexing the names for search…"))
            bulk_insert.index_new(conn, batch_id, first_id)
        if rebuild:
            bulk_insert.restore_indexes(conn, rebuild, lambda k: _step(
                progress, cancelled, bulk_insert.SHARE_ROWS + 0.1 + 0.2 * k / 3, _("Building the indexes…")))
        # Past this point the import can no longer be cancelled: the COMMIT writes it to disk.
        _step(progress, cancelled, WRITING, _("Writing to the vault…"))
    result.update(committed=True, batch_id=batch_id)
    if progress:
        progress(1.0, _("Done"))
    return result


def _free_elsewhere(prev: ImportPreview, spare: list) -> None:
    """Empty a spent preview (and ``spare``, the insert's columns) and free its ~1 million strings on
    another thread: what follows is SQLite's C work, which runs without the GIL."""
    big: list[list] = [col for cols in spare for col in cols]
    big += prev.columns.values.values()
    big += [lst for lst in prev.table.release() if lst]
    big += [prev.lines, prev.actions]
    prev.columns.values, prev.lines, prev.actions = {}, [], []
    spare.clear()
    free_in_background(big)


def _step(progress: Callable[[float, str], None] | None, cancelled: Callable[[], bool] | None, fraction: float,
          text: str) -> None:
    """A cancel point, and the progress shown from here (the fractions follow the measured time of each
    step of a 100,000-row import: rows ~45 %, name index ~10 %, unique indexes ~20 %, writing ~25 %)."""
    if cancelled and cancelled():
        raise ImportCancelled()
    if progress:
        progress(fraction, text)


def _apply_update(conn, person_id: int, changes: dict, wp_ids: dict[str, int], today_s: str) -> None:
    ch = dict(changes)
    if "join_date" in ch or "is_member" in ch:
        joins.materialize(conn, person_id)  # the join event keeps the date it had
    if "workplace" in ch:
        ch["workplace_id"] = wp_ids.get(ch.pop("workplace").casefold())
    if ch.pop("is_member", None):
        join = ch.get("join_date") or today_s
        ch.update(is_member=1, join_date=join, status="active", status_date=join)
        conn.execute("INSERT INTO membership_event(person_id, event_date, kind, status, reason) "
                     "VALUES (?, ?, 'join', 'active', ?)", (person_id, join, _("Registered by roster import")))
    sets = ", ".join(f"{k} = ?" for k in ch)
    conn.execute(f"UPDATE person SET {sets}, updated_at = {NOW} WHERE id = ?", [*ch.values(), person_id])
    rec = conn.execute("SELECT nombre, primer_apellido, segundo_apellido FROM person WHERE id = ?",
                       (person_id,)).fetchone()
    conn.execute("UPDATE person SET search_text = ?, sort_name = ? WHERE id = ?",
                 (search_text(*rec), sort_key(rec[1], rec[2], rec[0]), person_id))


def import_file(vault: Vault, path, *, strict: bool = False, dry_run: bool = False,
                mapping: dict[str, int] | None = None, as_members: bool = True,
                progress: Callable[[float, str], None] | None = None,
                cancelled: Callable[[], bool] | None = None) -> dict:
    """Read, preview and commit a roster file in one call (the CLI path)."""
    from unionkit.members.importer import preview
    from unionkit.members.reader import read_table

    table = read_table(path)
    prev = preview(vault, table, mapping, as_members=as_members, progress=_scaled(progress, 0.0, 0.3),
                   cancelled=cancelled)
    return commit(vault, prev, strict=strict, dry_run=dry_run, progress=_scaled(progress, 0.3, 0.7),
                  cancelled=cancelled, remember_mapping=mapping is not None, spent=True)


def _scaled(progress: Callable[[float, str], None] | None, start: float, span: float
            ) -> Callable[[float, str], None] | None:
    """``progress`` for one part of a longer job (``start`` .. ``start + span`` of the whole)."""
    if progress is None:
        return None
    return lambda fraction, text: progress(start + span * fraction, text)
