import json

from unionkit.cli import main


def run(capsys, *argv):
    rc = main(["--lang", "en", *argv])
    out, err = capsys.readouterr()
    return rc, out, err


def test_tally_approval_json(tmp_path, capsys):
    f = tmp_path / "s.csv"
    f.write_text("booth,yes,no,null,blank,received,unused,cancelled\nA,400,300,10,2,800,88,0\nB,100,79,0,,,,\n",
                 encoding="utf-8")
    rc, out, _ = run(capsys, "votes", "tally", "--kind", "approval", "--padron", "1000", "--sheets", str(f),
                     "--json")
    assert rc == 0
    d = json.loads(out)
    assert d["padron"] == 1000 and d["cast"] == 891 and d["valid"] == 879 and d["null"] == 12
    assert d["options"] == {"yes": 500, "no": 379}
    assert d["turnout_pct"] == "89.10"
    assert d["outcome"] == "approved" and d["winner"] is None
    assert set(d["bases"]) == {"valid", "cast", "padron"}
    assert d["bases"]["padron"] == {"pct": "50.00", "passes": False, "yes": 500, "of": 1000}
    assert d["warnings"]


def test_tally_representation_and_inconsistent(tmp_path, capsys):
    f = tmp_path / "r.csv"
    f.write_text("booth,Sindicato Minero,SITIMM,null\n1,300,120,9\n2,30,20,1\n", encoding="utf-8")
    rc, out, _ = run(capsys, "votes", "tally", "--kind", "representation", "--padron", "1000", "--sheets", str(f),
                     "--json")
    d = json.loads(out)
    assert rc == 0 and d["outcome"] == "winner" and d["winner"] == "Sindicato Minero"
    assert d["options"] == {"Sindicato Minero": 330, "SITIMM": 140} and d["turnout_pct"] == "48.00"
    rc, out, _ = run(capsys, "votes", "tally", "--kind", "representation", "--padron", "1601", "--sheets",
                     str(f), "--json")
    assert json.loads(out)["outcome"] == "no_quorum"
    rc, out, err = run(capsys, "votes", "tally", "--kind", "representation", "--padron", "100", "--sheets",
                       str(f), "--json")
    assert rc == 1 and "100" in err and "outcome" not in out


def test_threshold_json(tmp_path, capsys):
    roll = tmp_path / "roll.csv"
    rows = ["Nombre;CURP;Fecha de ingreso;Confianza"]
    curps = []
    from unionkit.members.identifiers import curp_check_digit

    for i in range(10):
        c17 = f"GOMA80{i + 1:02d}01HDFRRN0"
        curps.append(c17 + curp_check_digit(c17))
        rows.append(f"Trabajador {i};{curps[-1]};01/01/2020;no")
    roll.write_text("\n".join(rows) + "\n", encoding="utf-8")
    sup = tmp_path / "sup.csv"
    sup.write_text("Nombre,CURP,Fecha de ingreso,Firma\n"
                   f"Uno,{curps[0]},01/01/2020,sí\nDos,{curps[1]},01/01/2020,Sí\nDos,{curps[1]},01/01/2020,sí\n"
                   f"Tres,{curps[2]},01/01/2020,no\n", encoding="utf-8")
    rc, out, _ = run(capsys, "votes", "threshold", "--roll", str(roll), "--supporters", str(sup),
                     "--filing-date", "2026-01-15", "--json")
    d = json.loads(out)
    assert rc == 0
    assert (d["covered"], d["valid_supporters"], d["required"], d["met"], d["pct"]) == (10, 2, 3, False, "20.00")
    assert [r["line"] for r in d["rejected"]] == [4, 5]
    assert all(r["reason"] for r in d["rejected"])


def test_vault_commands(tmp_path, capsys, monkeypatch):
    from pypdf import PdfReader

    from unionkit.demo import DEMO_PASSPHRASE, create_demo

    create_demo(tmp_path / "demo", small=True)
    monkeypatch.setenv("UNIONKIT_PASSPHRASE", DEMO_PASSPHRASE)
    base = ["--vault", str(tmp_path / "demo")]
    rc, out, _ = run(capsys, *base, "votes", "list", "--json")
    data = json.loads(out)
    by_kind = {c["kind"]: c for c in data["consultations"]}
    assert rc == 0 and set(by_kind) == {"legitimation", "election"}
    assert by_kind["legitimation"]["outcome"] == "approved" and by_kind["election"]["outcome"] == "winner"
    camp = data["campaigns"][0]
    assert not camp["met"] and camp["missing"] > 0
    cid = by_kind["legitimation"]["id"]
    rc, out, _ = run(capsys, *base, "votes", "result", str(cid), "--json")
    assert json.loads(out)["outcome"] == "approved"
    rc, out, _ = run(capsys, *base, "votes", "document", str(cid), "acta", str(tmp_path / "acta.pdf"))
    assert rc == 0 and "SHA-256" in PdfReader(str(tmp_path / "acta.pdf")).pages[0].extract_text()
    rc, out, _ = run(capsys, *base, "votes", "annex", str(camp["id"]), str(tmp_path / "annex.pdf"))
    assert rc == 0 and (tmp_path / "annex.pdf").stat().st_size > 1000


def test_threshold_with_split_names_and_odd_headers(tmp_path, capsys):
    from unionkit.members.identifiers import curp_check_digit

    c = [f"GOMA80{i + 1:02d}01HDFRRN0" for i in range(4)]
    c = [x + curp_check_digit(x) for x in c]
    roll = tmp_path / "roll.csv"
    roll.write_text("No. Empleado,Nombre(s),Apellido Paterno,Apellido Materno,CURP:,Fecha de Contratación\n"
                    + "".join(f"{i},Nombre{i},Pérez,López,{c[i]},2019-05-0{i + 1}\n" for i in range(4)),
                    encoding="cp1252")
    sup = tmp_path / "sup.csv"
    sup.write_text("NOMBRE;CURP;FIRMA\n" f"Nombre0 Pérez López;{c[0].lower()};SI\n", encoding="utf-8")
    rc, out, err = run(capsys, "votes", "threshold", "--roll", str(roll), "--supporters", str(sup),
                       "--filing-date", "2026-01-15", "--json")
    d = json.loads(out)
    assert rc == 0, err
    assert (d["covered"], d["valid_supporters"], d["required"], d["met"], d["pct"]) == (4, 1, 2, False, "25.00")


def test_threshold_explains_roll_exclusions(tmp_path, capsys):
    from unionkit.members.identifiers import curp_check_digit

    c = [x + curp_check_digit(x) for x in (f"GOMA80{i + 1:02d}01HDFRRN0" for i in range(4))]
    roll = tmp_path / "roll.csv"
    roll.write_text("Nombre,CURP,Fecha de ingreso,Confianza\n"
                    f"A,{c[0]},01/01/2020,no\nB,{c[1]},20/01/2026,no\nC,{c[2]},01/01/2020,sí\nD,{c[3]},01/01/2020,no\n",
                    encoding="utf-8")
    sup = tmp_path / "sup.csv"
    sup.write_text(f"Nombre,CURP,Firma\nA,{c[0]},sí\nB,{c[1]},sí\nC,{c[2]},sí\n", encoding="utf-8")
    rc, out, _ = run(capsys, "votes", "threshold", "--roll", str(roll), "--supporters", str(sup),
                     "--filing-date", "2026-01-15", "--json")
    d = json.loads(out)
    assert (d["covered"], d["valid_supporters"], d["required"], d["met"]) == (2, 1, 1, True)
    assert [(r["line"], r["code"]) for r in d["rejected"]] == [(3, "hired_after_filing"), (4, "confianza")]
