"""The evidence locker: originals stored encrypted and never modified, their metadata, and exports.

``add`` hashes the original bytes while storing them (big files are first written encrypted into the
vault's file store, outside any transaction; then one transaction holds the blob, the evidence row, the
custody entry and the link to a case). Every export re-checks the hash: a stored file that no longer
matches (or is damaged or missing) is refused with :class:`HashMismatch` and the mismatch is written to
the custody log.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from unionkit.errors import UnionkitError, ValidationError
from unionkit.fsutil import atomic_writer, make_private_dir
from unionkit.i18n import _
from unionkit.packets import custody, intake, metadata
from unionkit.packets.streams import prefetched_chunks
from unionkit.vault import Vault
from unionkit.vault.blobfiles import BlobDamaged
from unionkit.vault.blobs import iter_chunks

EDITABLE = ("captured_at", "place", "collected_by", "source", "description", "tags")
_COLS = ("id, uid, blob_id, sha256, size, mime, filename, captured_at, place, collected_by, source, "
         "description, tags")


class HashMismatch(UnionkitError):
    code = "hash_mismatch"


@dataclass(frozen=True)
class EvidenceItem:
    id: int
    uid: str
    blob_id: int
    sha256: str
    size: int
    mime: str
    filename: str
    captured_at: str | None
    place: str
    collected_by: str
    source: str
    description: str
    tags: str

    @property
    def kind(self) -> str:
        return metadata.kind_of(self.mime, self.filename)

    def as_json(self) -> dict:
        return {k: getattr(self, k) for k in self.__dataclass_fields__ if k != "blob_id"}


def _check_captured(value: str | None) -> str | None:
    if not value:
        return None
    try:
        dt.datetime.fromisoformat(value)
    except ValueError:
        raise ValidationError(_("The capture date must look like 2026-03-05 or 2026-03-05T14:30.")) from None
    return value


def add(vault: Vault, path: Path, *, case_id: int | None = None, description: str = "",
        captured_at: str | None = None, place: str = "", collected_by: str = "", source: str = "",
        tags: str = "", actor: str | None = None, progress: Callable[[float, str], None] | None = None,
        cancelled: Callable[[], bool] | None = None) -> EvidenceItem:
    """Store ``path`` in the locker (hash of the original bytes), log it, and link it to ``case_id``."""
    captured_at = _check_captured(captured_at)
    actor = custody.default_actor(vault) if actor is None else actor
    if case_id is not None and not vault.scalar("SELECT 1 FROM claim_case WHERE id = ?", (case_id,)):
        raise UnionkitError(_("There is no case with id {id}.").format(id=case_id))
    prep = intake.prepare(vault, Path(path), progress=progress, cancelled=cancelled)
    committed = False
    try:
        ev_id = _insert(vault, prep, progress, cancelled, case_id=case_id, captured_at=captured_at,
                        place=place, collected_by=collected_by, source=source, description=description,
                        tags=tags, actor=actor)
        committed = True
    finally:
        if not committed:
            prep.discard()
    return get(vault, ev_id)


def _insert(vault: Vault, prep: intake.Prepared, progress, cancelled, *, case_id: int | None,
            captured_at: str | None, place: str, collected_by: str, source: str, description: str,
            tags: str, actor: str) -> int:
    """One transaction: the blob, the evidence row, the custody entry and the case link."""
    with vault.transaction() as conn:
        blob = intake.store(conn, prep, progress=progress, cancelled=cancelled)
        cur = conn.execute(
            "INSERT INTO evidence(blob_id, sha256, size, mime, filename, captured_at, place, collected_by, "
            "source, description, tags) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (blob.id, blob.sha256, blob.size, blob.mime, blob.filename, captured_at, place, collected_by,
             source, description, tags))
        ev_id = cur.lastrowid
        custody.append(conn, ev_id, "added", actor=actor, sha256=blob.sha256, detail=blob.filename)
        if case_id is not None:
            _link(conn, case_id, ev_id)
    return ev_id


def _link(conn, case_id: int, evidence_id: int) -> None:
    pos = conn.execute("SELECT coalesce(max(position), 0) + 1 FROM case_evidence WHERE case_id = ?",
                       (case_id,)).fetchone()[0]
    conn.execute("INSERT OR IGNORE INTO case_evidence(case_id, evidence_id, position) VALUES (?, ?, ?)",
                 (case_id, evidence_id, pos))


def link(vault: Vault, case_id: int, evidence_id: int) -> None:
    get(vault, evidence_id)
    with vault.transaction() as conn:
        _link(conn, case_id, evidence_id)


def unlink(vault: Vault, case_id: int, evidence_id: int) -> None:
    vault.execute("DELETE FROM case_evidence WHERE case_id = ? AND evidence_id = ?", (case_id, evidence_id))


def get(vault: Vault, evidence_id: int) -> EvidenceItem:
    rows = vault.query(f"SELECT {_COLS} FROM evidence WHERE id = ?", (evidence_id,))
    if not rows:
        raise UnionkitError(_("There is no evidence with id {id}.").format(id=evidence_id))
    return EvidenceItem(*rows[0])


def list_items(vault: Vault, case_id: int | None = None, search: str = "") -> list[EvidenceItem]:
    cols = ", ".join("e." + c.strip() for c in _COLS.split(","))
    if case_id is None:
        sql, params = f"SELECT {cols} FROM evidence e", []
    else:
        sql = (f"SELECT {cols} FROM evidence e JOIN case_evidence ce ON ce.evidence_id = e.id "
               "WHERE ce.case_id = ?")
        params = [case_id]
    if search:
        sql += (" AND" if case_id is not None else " WHERE") + (
            " (e.filename LIKE ? OR e.description LIKE ? OR e.tags LIKE ? OR e.place LIKE ?)")
        params += [f"%{search}%"] * 4
    sql += " ORDER BY ce.position, e.id" if case_id is not None else " ORDER BY e.id"
    return [EvidenceItem(*r) for r in vault.query(sql, tuple(params))]


def update(vault: Vault, evidence_id: int, **fields: str | None) -> EvidenceItem:
    bad = set(fields) - set(EDITABLE)
    if bad:
        raise ValidationError(_("These fields cannot be changed: {fields}").format(
            fields=", ".join(sorted(bad))))
    if "captured_at" in fields:
        fields["captured_at"] = _check_captured(fields["captured_at"])
    item = get(vault, evidence_id)
    sets = ", ".join(f"{k} = ?" for k in fields)
    with vault.transaction() as conn:
        if fields:
            conn.execute(f"UPDATE evidence SET {sets}, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') "
                         "WHERE id = ?", (*fields.values(), evidence_id))
        custody.append(conn, evidence_id, "edited", actor=custody.default_actor(vault), sha256=item.sha256,
                       detail=",".join(sorted(fields)))
    return get(vault, evidence_id)


def _mismatch(vault: Vault, item: EvidenceItem, found: str) -> HashMismatch:
    custody.log(vault, item.id, "mismatch", sha256=found, detail=item.sha256)
    return HashMismatch(_("The stored copy of {name} no longer matches its intake hash; it was not exported. "
                          "Restore the vault from a backup.").format(name=item.filename))


def read_verified(vault: Vault, evidence_id: int) -> bytes:
    """The original bytes, after checking them against the intake hash (for previews and share copies)."""
    item = get(vault, evidence_id)
    try:
        data = b"".join(iter_chunks(vault, item.blob_id))
    except BlobDamaged:
        raise _mismatch(vault, item, "damaged") from None
    found = hashlib.sha256(data).hexdigest()
    if found != item.sha256:
        raise _mismatch(vault, item, found)
    return data


def unique_path(folder: Path, name: str) -> Path:
    p = Path(folder) / name
    n = 2
    while p.exists():
        p = Path(folder) / f"{Path(name).stem} ({n}){Path(name).suffix}"
        n += 1
    return p


def write_original(vault: Vault, item: EvidenceItem, out: Path, *, event: str = "exported",
                   detail: str = "") -> str:
    """Stream the original to ``out`` and check it; the file only appears if the hash matches."""
    h = hashlib.sha256()
    try:
        with atomic_writer(out) as fh:
            for chunk in prefetched_chunks(vault, item.blob_id):  # decrypt the next while this is written
                h.update(chunk)
                fh.write(chunk)
            if h.hexdigest() != item.sha256:
                raise HashMismatch("")
    except HashMismatch:
        raise _mismatch(vault, item, h.hexdigest()) from None
    except BlobDamaged:
        raise _mismatch(vault, item, "damaged") from None
    custody.log(vault, item.id, event, sha256=item.sha256, detail=detail or out.name)
    return item.sha256


def export(vault: Vault, evidence_id: int, out_dir: Path, *, share: bool = False) -> Path:
    """Export the original bytes (``share=False``) or a copy without metadata into ``out_dir``."""
    item = get(vault, evidence_id)
    out_dir = make_private_dir(Path(out_dir))
    out = unique_path(out_dir, item.filename or f"evidence-{item.id}")
    if not share:
        write_original(vault, item, out)
        return out
    clean = metadata.share_copy(read_verified(vault, evidence_id), item.mime, item.filename)
    with atomic_writer(out) as fh:
        fh.write(clean)
    custody.log(vault, item.id, "shared", sha256=hashlib.sha256(clean).hexdigest(), detail=out.name)
    return out


def describe_metadata(vault: Vault, evidence_id: int, *, log_view: bool = True) -> list[tuple[str, str]]:
    item = get(vault, evidence_id)
    if item.kind == "other":
        return []
    data = read_verified(vault, evidence_id)
    if log_view:
        custody.log(vault, item.id, "viewed", sha256=item.sha256, detail="metadata")
    return metadata.describe(data, item.mime, item.filename)


def thumbnail_png(vault: Vault, evidence_id: int, size: int = 160) -> bytes | None:
    """A small PNG for the browser (in memory only, never cached to disk); None if not an image."""
    item = get(vault, evidence_id)
    if item.kind != "image" or item.size > 64 * 1024 * 1024:
        return None
    from PIL import Image, ImageOps

    try:
        with Image.open(io.BytesIO(b"".join(iter_chunks(vault, item.blob_id)))) as im:
            im = ImageOps.exif_transpose(im)
            im.thumbnail((size, size))
            out = io.BytesIO()
            im.convert("RGB").save(out, format="PNG")
            return out.getvalue()
    except Exception:  # noqa: BLE001 - a damaged image shows no thumbnail
        return None
