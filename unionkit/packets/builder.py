"""Assemble a packet: a folder with the main PDF, the exhibits renamed "Anexo 01 – …", the other
annexes, a signed SHA-256 manifest, and a ZIP of the same files (DOMAIN.md §5-6, SECURITY.md R21-R25).

Redaction is on unless the caller turns it off: every text goes through the :class:`Redactor`,
images, PDFs and office files go in as copies without metadata, and the build fails rather than ship
a packet whose text still shows an affected worker's CURP, NSS, address or phone.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import shutil
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from unionkit import i18n
from unionkit.errors import UnionkitError, ValidationError
from unionkit.fsutil import atomic_writer, make_private_dir
from unionkit.i18n import _
from unionkit.packets import cases, custody, evidence, manifest, metadata
from unionkit.packets.annexes import Annex, extra_annexes
from unionkit.packets.catalog import PACKET_KINDS
from unionkit.packets.pdftext import pdf_text, redact_pdf
from unionkit.packets.redact import Redactor
from unionkit.packets.streams import prefetched_chunks
from unionkit.vault import Vault
from unionkit.vault.blobs import Cancelled

STORED_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".mp4", ".mov", ".m4v", ".avi", ".mp3", ".ogg",
                   ".wav", ".m4a", ".zip", ".docx", ".xlsx", ".pptx", ".heic"}


@dataclass
class Exhibit:
    number: int
    name: str  # path inside the packet folder
    description: str
    captured_at: str | None
    place: str
    source: str
    original_sha256: str
    packet_sha256: str
    size: int
    note: str = ""


@dataclass
class PacketResult:
    id: int
    kind: str
    dir: Path
    zip: Path
    pdf: Path
    redacted: bool
    files: dict[str, str] = field(default_factory=dict)
    exhibits: list[Exhibit] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"id": self.id, "kind": self.kind, "dir": str(self.dir), "zip": str(self.zip), "pdf": str(self.pdf),
                "redacted": self.redacted, "files": self.files, "exhibits": len(self.exhibits),
                "warnings": self.warnings}


@contextlib.contextmanager
def language(lang: str) -> Iterator[None]:
    prev = i18n.language()
    want = "es_MX" if lang == "es" else "en"
    if i18n.normalize_language(prev) == want:  # switching reloads every catalog: skip when not needed
        yield
        return
    i18n.set_language(want)
    try:
        yield
    finally:
        i18n.set_language(prev)


def safe_name(text: str, limit: int = 60) -> str:
    text = re.sub(r"[\\/:*?\"<>|\x00-\x1f]+", " ", text).strip(" .")
    text = re.sub(r"\s+", " ", text)
    if len(text) > limit:
        cut = text[:limit]
        text = (cut.rsplit(" ", 1)[0] if " " in cut[limit // 2:] else cut) + "…"
    return text.rstrip(" .") or "-"


def _exhibit(vault: Vault, item: evidence.EvidenceItem, out: Path, red: Redactor,
             tick: Callable[[int], None]) -> tuple[str, str, bool]:
    """Write one exhibit; returns (sha256 of the packet file, note, metadata left in)."""
    if not red.enabled:
        h = hashlib.sha256()
        with atomic_writer(out) as fh:
            for chunk in prefetched_chunks(vault, item.blob_id):
                h.update(chunk)
                fh.write(chunk)
                tick(len(chunk))
        if h.hexdigest() != item.sha256:
            out.unlink(missing_ok=True)
            raise evidence._mismatch(vault, item, h.hexdigest())
        return item.sha256, "", False
    kind = item.kind
    if kind == "other":
        digest = _exhibit(vault, item, out, Redactor(enabled=False), tick)[0]
        return digest, _("original: its metadata could not be removed; check it before sending"), True
    data = evidence.read_verified(vault, item.id)
    tick(len(data))
    note = _("copy without metadata")
    if kind == "text":
        data = red.text(data.decode("utf-8", errors="replace")).encode("utf-8")
        note = _("redacted copy")
    else:
        data = metadata.share_copy(data, item.mime, item.filename)
        if kind == "pdf" and red.leaks(pdf_text(data)):
            data = redact_pdf(data, red)
            note = _("redacted copy without metadata")
    with atomic_writer(out) as fh:
        fh.write(data)
    return hashlib.sha256(data).hexdigest(), note, False


def build(vault: Vault, case_id: int, kind: str, out_dir: Path, *, lang: str = "es", redact: bool = True,
          campaign_id: int | None = None, progress: Callable[[float, str], None] | None = None,
          cancelled: Callable[[], bool] | None = None) -> PacketResult:
    if kind not in PACKET_KINDS:
        raise ValidationError(_("Unknown packet type: {kind}").format(kind=kind))
    if lang not in ("es", "en"):
        raise ValidationError(_("The packet language must be es or en."))
    case = cases.get(vault, case_id)
    out_dir = Path(out_dir)
    if out_dir.exists() and (not out_dir.is_dir() or any(out_dir.iterdir())):
        raise UnionkitError(_("{path} is not empty: choose a new or empty folder for the packet.").format(
            path=str(out_dir)))
    make_private_dir(out_dir)
    try:
        with language(lang):
            return _build(vault, case, kind, out_dir, lang, redact, campaign_id, progress, cancelled)
    except BaseException:
        shutil.rmtree(out_dir, ignore_errors=True)
        raise


def _build(vault, case, kind, out_dir, lang, redact, campaign_id, progress, cancelled) -> PacketResult:
    workers = cases.workers(vault, case.id)
    red = Redactor.for_workers(workers, enabled=redact)
    items = evidence.list_items(vault, case.id)
    total = sum(i.size for i in items) or 1
    done = 0

    def tick(n: int) -> None:
        nonlocal done
        done += n
        if cancelled is not None and cancelled():
            raise Cancelled(_("Cancelled; the packet folder was removed."))
        if progress is not None:
            progress(0.85 * min(1.0, done / total), _("Copying exhibits"))

    exhibits_dir = make_private_dir(out_dir / safe_name(_("Annexes")))
    files: dict[str, str] = {}
    checked: set[str] = set()
    logged: list[tuple[evidence.EvidenceItem, str]] = []
    exhibits: list[Exhibit] = []
    warnings: list[str] = []
    for n, item in enumerate(items, start=1):
        label = red.text(item.description) or red.text(Path(item.filename).stem)
        suffix = Path(item.filename).suffix.lower()
        name = _("Annex {number}").format(number=f"{n:02d}") + " – " + safe_name(label) + suffix
        out = exhibits_dir / name
        digest, note, meta_left = _exhibit(vault, item, out, red, tick)
        rel = out.relative_to(out_dir).as_posix()
        if item.kind == "pdf":
            checked.add(rel)  # _exhibit checked (and if needed redacted) its text already
        files[rel] = digest
        logged.append((item, rel))
        exhibits.append(Exhibit(n, rel, red.text(item.description), item.captured_at, red.text(item.place),
                                red.text(item.source), item.sha256, digest, out.stat().st_size, note))
        if meta_left:
            warnings.append(_("{name}: metadata not removed (check it before sending).").format(name=name))
    if progress:
        progress(0.86, _("Writing the document"))
    annexes = extra_annexes(vault, case, kind, out_dir, lang, redact, len(exhibits), campaign_id)
    annexes = [_screen_annex(a, red) for a in annexes]
    for a in annexes:
        if a.path is not None:
            files[a.path.relative_to(out_dir).as_posix()] = manifest.sha256_file(a.path)
    from unionkit.reports.packets_pdf import PacketData, render

    pdf_path = out_dir / (safe_name(_("Packet") + " – " + _(PACKET_KINDS[kind]), 120) + ".pdf")
    render(PacketData(vault.union_name, case, kind, lang, redact, cases.events(vault, case.id), workers,
                      cases.laws(vault, case.id), cases.filings(vault, case.id), exhibits, annexes, red,
                      custody.head(vault)), pdf_path)
    files[pdf_path.name] = manifest.sha256_file(pdf_path)
    if redact:
        for rel in files:
            if rel.lower().endswith(".pdf") and rel not in checked:
                leaks = red.leaks(pdf_text((out_dir / rel).read_bytes()))
                if leaks:
                    raise UnionkitError(_("Redaction failed: {file} still shows a worker's personal data. The "
                                          "packet was not written.").format(file=rel))
    if progress:
        progress(0.9, _("Writing the manifest and the ZIP"))
    man = manifest.write_manifest(out_dir, files)
    manifest.sign_file(vault, man)
    (out_dir / manifest.PUBKEY).write_text(manifest.public_key_text(vault), encoding="utf-8")
    zip_path = out_dir / f"{out_dir.name}.zip"
    _zip(out_dir, zip_path, cancelled)
    man_sha = manifest.sha256_file(man)
    actor = custody.default_actor(vault)
    with vault.transaction() as conn:  # only a packet that was fully written enters the custody log
        for item, rel in logged:
            custody.append(conn, item.id, "packet", actor=actor, sha256=item.sha256,
                           detail=f"{kind}:{out_dir.name}/{rel}")
    cur = vault.execute("INSERT INTO packet(case_id, kind, lang, redacted, out_dir, manifest_sha256, file_count, "
                        "total_bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (case.id, kind, lang, int(redact), str(out_dir), man_sha, len(files),
                         sum((out_dir / f).stat().st_size for f in files)))
    if progress:
        progress(1.0, _("Done"))
    return PacketResult(cur.lastrowid, kind, out_dir, zip_path, pdf_path, redact, files, exhibits, warnings)


def _screen_annex(a: Annex, red: Redactor) -> Annex:
    """An annex from another area that shows an affected worker's data is left out of a redacted packet."""
    if a.path is None or not red.enabled or not red.leaks(pdf_text(a.path.read_bytes())):
        return a
    a.path.unlink(missing_ok=True)
    return Annex(a.title, None, _("Left out: it shows personal data of affected workers. Build the packet "
                                  "without redaction to include it, or attach a redacted copy by hand."))


def _zip(folder: Path, zip_path: Path, cancelled: Callable[[], bool] | None) -> None:
    with atomic_writer(zip_path) as fh, zipfile.ZipFile(fh, "w", allowZip64=True) as z:
        for p in sorted(folder.rglob("*")):
            if not p.is_file() or p.suffix == ".zip" and p.parent == folder or p.name.startswith("."):
                continue
            if cancelled is not None and cancelled():
                raise Cancelled(_("Cancelled; the packet folder was removed."))
            info = zipfile.ZipInfo.from_file(p, f"{folder.name}/{p.relative_to(folder).as_posix()}")
            info.compress_type = zipfile.ZIP_STORED if p.suffix.lower() in STORED_SUFFIXES or \
                info.file_size > 8 << 20 else zipfile.ZIP_DEFLATED
            with open(p, "rb", buffering=0) as src, z.open(info, "w", force_zip64=True) as dst:
                while chunk := src.read(4 * 1024 * 1024):  # zipfile.write copies in 8 KiB pieces
                    dst.write(chunk)


def history(vault: Vault, case_id: int) -> list[tuple]:
    return vault.query("SELECT id, created_at, kind, lang, redacted, out_dir, file_count, total_bytes FROM packet "
                       "WHERE case_id = ? ORDER BY id DESC", (case_id,))
