"""Packets: folder + ZIP + manifest that verifies; a flipped byte fails; redaction leaves no CURP, NSS,
address or phone of an affected worker in any packet file (PDFs parsed back with pypdf)."""

from __future__ import annotations

import zipfile

import pytest
from packets_fixtures import CURP_A, CURP_B, NSS_A
from pypdf import PdfReader

from unionkit.packets import builder, evidence, manifest

SECRETS = [CURP_A, CURP_B, NSS_A, "98765432109", "Calle Hidalgo 23", "477 123 4567", "4771234567",
           "4779876543", "477-987-6543"]


def packet_text(folder) -> str:
    parts = []
    for p in folder.rglob("*"):
        if p.suffix == ".pdf":
            r = PdfReader(p)
            parts += [pg.extract_text() or "" for pg in r.pages]
            parts += [str(v) for v in (r.metadata or {}).values()]
        elif p.suffix in (".txt", ".sha256", ".pub", ".minisig", ".csv"):
            parts.append(p.read_text(encoding="utf-8"))
        elif p.suffix == ".zip":
            with zipfile.ZipFile(p) as z:
                for n in z.namelist():
                    if n.endswith(".txt"):
                        parts.append(z.read(n).decode("utf-8"))
            parts.append("\n".join(zipfile.ZipFile(p).namelist()))
        parts.append(p.name)
    return "\n".join(parts)


@pytest.fixture
def built(case_vault, files, tmp_path):
    vault, case = case_vault
    for f in files.values():
        evidence.add(vault, f, case_id=case.id, description=f"Prueba {f.stem}", place="Nave 3")
    return vault, case


@pytest.mark.parametrize("kind", ["rrlm", "constancia", "complaint", "account-373"])
def test_packet_verifies_and_is_redacted(built, tmp_path, kind):
    vault, case = built
    res = builder.build(vault, case.id, kind, tmp_path / "p", lang="es")
    names = sorted(res.files)
    assert any(n.startswith("Anexos/Anexo 01 – ") for n in names), names
    assert (res.dir / manifest.MANIFEST).exists() and res.zip.exists()
    v = manifest.verify(res.dir)
    assert v.ok and v.checked == len(res.files) and v.signature == "valid"
    text = packet_text(res.dir)
    assert "Trabajador/a A" in text or kind in ("constancia", "account-373")
    upper = text.upper()
    for secret in SECRETS:
        assert secret.upper() not in upper, secret
    assert "".join(ch for ch in text if ch.isdigit()).count(NSS_A) == 0


def test_flipped_byte_fails(built, tmp_path):
    vault, case = built
    res = builder.build(vault, case.id, "rrlm", tmp_path / "p", lang="en")
    exhibit = res.dir / next(n for n in res.files if "01" in n)
    data = bytearray(exhibit.read_bytes())
    data[len(data) // 2] ^= 0x01
    exhibit.write_bytes(bytes(data))
    v = manifest.verify(res.dir)
    assert not v.ok and v.mismatched == [exhibit.relative_to(res.dir).as_posix()]


def test_tampered_manifest_breaks_signature(built, tmp_path):
    vault, case = built
    res = builder.build(vault, case.id, "complaint", tmp_path / "p")
    m = res.dir / manifest.MANIFEST
    m.write_text(m.read_text(encoding="utf-8") + "0" * 64 + "  extra.txt\n", encoding="utf-8")
    assert manifest.verify(res.dir).signature == "invalid"


def test_no_redact_keeps_originals_and_data(built, tmp_path, files):
    vault, case = built
    res = builder.build(vault, case.id, "rrlm", tmp_path / "p", redact=False)
    text = packet_text(res.dir)
    assert CURP_A in text and "Juana" in text
    jpg = next(p for p in res.dir.rglob("*.jpg"))
    assert jpg.read_bytes() == files["jpg"].read_bytes()


def test_redacted_exhibits_lose_metadata(built, tmp_path):
    vault, case = built
    res = builder.build(vault, case.id, "rrlm", tmp_path / "p")
    jpg = next(p for p in res.dir.rglob("*.jpg"))
    assert b"Motorola" not in jpg.read_bytes()
    assert any("mp3" in w for w in res.warnings)


def test_english_packet_and_refuses_non_empty(built, tmp_path):
    vault, case = built
    res = builder.build(vault, case.id, "rrlm", tmp_path / "p", lang="en")
    assert any(n.startswith("Annexes/Annex 01 – ") for n in res.files)
    assert "Covered facility check" in packet_text(res.dir)
    with pytest.raises(builder.UnionkitError):
        builder.build(vault, case.id, "rrlm", tmp_path / "p")


def test_constancia_explains_missing_annex(built, tmp_path):
    vault, case = built
    res = builder.build(vault, case.id, "constancia", tmp_path / "p")
    text = packet_text(res.dir)
    assert "anexo de respaldo" in text.lower() and "sin testado" in text.lower()


def test_signature_wrong_key_and_minisign(built, tmp_path):
    import shutil
    import subprocess

    vault, case = built
    res = builder.build(vault, case.id, "complaint", tmp_path / "p")
    other = tmp_path / "other.pub"
    other.write_text("untrusted comment: x\nRWQAAAAAAAAAAEDx3P9dv3h3ZO8lCmTaV0vXUTAHx0bfk7zBPpDSI41HvpIJxb4PgpR0\n",
                     encoding="utf-8")
    assert not manifest.verify_signature(res.dir / manifest.MANIFEST, res.dir / manifest.SIGNATURE,
                                         other.read_text(encoding="utf-8"))
    if shutil.which("minisign"):
        ok = subprocess.run(["minisign", "-Vm", str(res.dir / manifest.MANIFEST), "-p",
                             str(res.dir / manifest.PUBKEY)], capture_output=True)
        assert ok.returncode == 0, ok.stderr


def test_packet_without_evidence(case_vault, tmp_path):
    vault, case = case_vault
    res = builder.build(vault, case.id, "complaint", tmp_path / "p", lang="es")
    assert manifest.verify(res.dir).ok and not res.exhibits
    assert "Sin anexos" in packet_text(res.dir)


def test_hotline_limits_in_preview(built):
    from unionkit.packets import preview, rrlm

    vault, case = built
    assert rrlm.hotline_problems([("a.pdf", 1000)]) == []
    probs = rrlm.hotline_problems([("a.heic", 26 * 1024 * 1024), ("b.jpg", 10), ("c.jpg", 10), ("d.jpg", 10)])
    assert len(probs) == 3
    plan = preview.plan(vault, case.id, "rrlm", True)
    assert any("USMCA-petitions@dol.gov" in n for n in plan.notes)
    assert len(plan.exhibits) == 5 and plan.sections


def test_verify_the_zip_alone(built, tmp_path):
    import shutil

    vault, case = built
    res = builder.build(vault, case.id, "rrlm", tmp_path / "p")
    alone = tmp_path / "received.zip"
    shutil.copy(res.zip, alone)
    assert manifest.verify(alone).ok
    data = bytearray(alone.read_bytes())
    i = data.find(b"JFIF")  # inside the first photo (stored, not compressed)
    data[i + 200] ^= 0x01
    alone.write_bytes(bytes(data))
    assert not manifest.verify(alone).ok
