"""Evidence locker (SECURITY.md R21, R22): intake hash, byte-identical export, share copies without
metadata, a refused export of a corrupted blob, the append-only hash-chained custody log."""

from __future__ import annotations

import hashlib
import io

import pytest
import sqlcipher3
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from pypdf import PdfReader

from unionkit.packets import custody, evidence
from unionkit.vault.blobs import Cancelled


def sha(p) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def test_intake_hash_and_original_export(vault, files, tmp_path):
    for f in files.values():
        item = evidence.add(vault, f, description=f.name)
        assert item.sha256 == sha(f)
        out = evidence.export(vault, item.id, tmp_path / "out")
        assert out.read_bytes() == f.read_bytes()
    events = [e.event for e in custody.entries(vault)]
    assert events.count("added") == len(files) and events.count("exported") == len(files)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(min_size=0, max_size=300_000))
def test_any_bytes_round_trip(vault, tmp_path, data):
    p = tmp_path / "x.bin"
    p.write_bytes(data)
    item = evidence.add(vault, p)
    assert item.sha256 == hashlib.sha256(data).hexdigest() and item.size == len(data)
    assert evidence.read_verified(vault, item.id) == data


def test_share_copy_jpeg_has_no_gps_camera_or_xmp(vault, files, tmp_path):
    item = evidence.add(vault, files["jpg"])
    meta = dict(evidence.describe_metadata(vault, item.id))
    assert meta["Make"] == "Motorola" and "GPS GPSLatitude" in meta and "XMP" in meta
    out = evidence.export(vault, item.id, tmp_path / "share", share=True)
    with Image.open(out) as im:
        exif = im.getexif()
        assert 34853 not in exif and 0x010F not in exif and 0x0110 not in exif
        assert not exif.get_ifd(34853)
        assert "xmp" not in im.info and "exif" not in im.info
    assert b"adobe:ns:meta" not in out.read_bytes() and b"Motorola" not in out.read_bytes()
    assert [e.event for e in custody.entries(vault, item.id)][-1] == "shared"


def test_share_copy_png_and_pdf(vault, files, tmp_path):
    png = evidence.add(vault, files["png"])
    with Image.open(evidence.export(vault, png.id, tmp_path / "s", share=True)) as im:
        assert not getattr(im, "text", {})
    pdf = evidence.add(vault, files["pdf"])
    out = evidence.export(vault, pdf.id, tmp_path / "s", share=True)
    reader = PdfReader(out)
    assert not reader.metadata or not any(reader.metadata.values())
    assert "/Metadata" not in reader.trailer["/Root"]
    assert b"Recursos Humanos" not in out.read_bytes()
    assert "Aviso de rescision" in reader.pages[0].extract_text()


def test_unknown_type_cannot_be_shared(vault, files, tmp_path):
    item = evidence.add(vault, files["bin"])
    with pytest.raises(evidence.UnionkitError):
        evidence.export(vault, item.id, tmp_path / "s", share=True)


def test_corrupted_blob_refuses_export_and_logs(vault, files, tmp_path):
    item = evidence.add(vault, files["jpg"])
    data = bytearray(vault.scalar("SELECT data FROM blob_chunk WHERE blob_id = ?", (item.blob_id,)))
    data[100] ^= 0xFF
    vault.execute("UPDATE blob_chunk SET data = ? WHERE blob_id = ?", (bytes(data), item.blob_id))
    with pytest.raises(evidence.HashMismatch):
        evidence.export(vault, item.id, tmp_path / "out")
    assert not list((tmp_path / "out").glob("*"))
    assert custody.entries(vault, item.id)[-1].event == "mismatch"


def test_cancelled_intake_stores_nothing(vault, files):
    with pytest.raises(Cancelled):
        evidence.add(vault, files["jpg"], cancelled=lambda: True)
    assert vault.scalar("SELECT count(*) FROM blob") == 0
    assert vault.scalar("SELECT count(*) FROM evidence") == 0


def test_progress_reaches_one(vault, files):
    seen = []
    evidence.add(vault, files["jpg"], progress=lambda f, t: seen.append(f))
    assert seen and seen[-1] == 1.0


def test_custody_log_is_append_only_and_chained(vault, files):
    item = evidence.add(vault, files["txt"])
    evidence.update(vault, item.id, place="Nave 3", captured_at="2026-02-10T07:40")
    with pytest.raises(sqlcipher3.DatabaseError):
        vault.execute("UPDATE custody_log SET actor = 'x'")
    with pytest.raises(sqlcipher3.DatabaseError):
        vault.execute("DELETE FROM custody_log")
    with pytest.raises(sqlcipher3.DatabaseError):
        vault.execute("UPDATE evidence SET sha256 = 'x'")
    assert custody.verify_chain(vault) == []
    vault.execute("DROP TRIGGER custody_log_no_update")
    first = custody.entries(vault)[0].id
    vault.execute("UPDATE custody_log SET actor = 'someone else' WHERE id = ?", (first,))
    assert first in custody.verify_chain(vault)
    assert not custody.check_vault(vault)[0].ok


def test_thumbnail_only_for_images(vault, files):
    img = evidence.add(vault, files["jpg"])
    txt = evidence.add(vault, files["txt"])
    png = evidence.thumbnail_png(vault, img.id, 96)
    with Image.open(io.BytesIO(png)) as im:
        assert max(im.size) <= 96
    assert evidence.thumbnail_png(vault, txt.id) is None


def test_share_copy_docx_loses_author(vault, tmp_path):
    import zipfile

    p = tmp_path / "acta.docx"
    core = ('<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Lic. Juan Ramos'
            '</dc:creator></cp:coreProperties>')
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("docProps/core.xml", core)
        z.writestr("docProps/app.xml", "<Properties><Company>Autopartes SA</Company></Properties>")
        z.writestr("word/document.xml", "<w:document/>")
    item = evidence.add(vault, p)
    assert ("creator", "Lic. Juan Ramos") in evidence.describe_metadata(vault, item.id)
    out = evidence.export(vault, item.id, tmp_path / "s", share=True)
    with zipfile.ZipFile(out) as z:
        assert b"Juan Ramos" not in z.read("docProps/core.xml")
        assert b"Autopartes" not in z.read("docProps/app.xml")
        assert z.read("word/document.xml") == b"<w:document/>"
