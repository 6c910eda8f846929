"""The CLI contract of issue 6: case/evidence/packet commands, JSON keys, exit codes."""

from __future__ import annotations

import hashlib
import json

from packets_fixtures import CURP_A, add_people

from unionkit.cli import main
from unionkit.packets import samples


def run(capsys, folder, pf, *args) -> tuple[int, object]:
    capsys.readouterr()
    rc = main(["--vault", str(folder), "--passphrase-file", str(pf), *args])
    out = capsys.readouterr().out
    try:
        return rc, json.loads(out)
    except json.JSONDecodeError:
        return rc, out


def test_cli_round_trip(vault_factory, tmp_path, capsys):
    v = vault_factory()
    add_people(v)
    folder = v.folder
    v.close()
    pf = tmp_path / "pass.txt"
    pf.write_text("correct horse battery staple ñ\n", encoding="utf-8")

    rc, case = run(capsys, folder, pf, "case", "new", "--title", "Despidos", "--facility", "Planta", "--json")
    assert rc == 0 and case["id"] >= 1
    cid = str(case["id"])
    assert run(capsys, folder, pf, "case", "add-worker", "--case", cid, "--curp", CURP_A)[0] == 0
    assert run(capsys, folder, pf, "case", "event", "--case", cid, "--date", "2026-02-10",
               "--text", f"Despido de {CURP_A}")[0] == 0
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(samples.jpeg_with_gps())
    rc, ev = run(capsys, folder, pf, "evidence", "add", str(photo), "--case", cid, "--description", "Foto",
                 "--json")
    assert rc == 0 and ev["sha256"] == hashlib.sha256(photo.read_bytes()).hexdigest() and ev["id"] >= 1
    rc, orig = run(capsys, folder, pf, "evidence", "export", str(ev["id"]), "--out", str(tmp_path / "o"),
                   "--json")
    assert rc == 0 and open(orig["path"], "rb").read() == photo.read_bytes()
    rc, shared = run(capsys, folder, pf, "evidence", "export", str(ev["id"]), "--out", str(tmp_path / "s"),
                     "--share", "--json")
    assert rc == 0 and b"Motorola" not in open(shared["path"], "rb").read()

    out = tmp_path / "packet"
    rc, built = run(capsys, folder, pf, "packet", "build", "rrlm", "--case", cid, "--lang", "es",
                    "--out", str(out), "--json")
    assert rc == 0 and built["redacted"] is True
    rc, res = run(capsys, folder, pf, "packet", "verify", str(out), "--json")
    assert rc == 0 and res["ok"]
    exhibit = next(p for p in out.rglob("*.jpg"))
    data = bytearray(exhibit.read_bytes())
    data[-10] ^= 0x01
    exhibit.write_bytes(bytes(data))
    rc, res = run(capsys, folder, pf, "packet", "verify", str(out), "--json")
    assert rc == 1 and not res["ok"]


def test_cli_user_errors_exit_1(vault_factory, tmp_path, capsys):
    v = vault_factory()
    folder = v.folder
    v.close()
    pf = tmp_path / "pass.txt"
    pf.write_text("correct horse battery staple ñ\n", encoding="utf-8")
    assert run(capsys, folder, pf, "case", "add-worker", "--case", "99", "--curp", CURP_A)[0] == 1
    assert run(capsys, folder, pf, "packet", "verify", str(tmp_path))[0] == 1
