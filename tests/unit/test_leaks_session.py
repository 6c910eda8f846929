"""SECURITY R1/R19 across areas: after a CLI session that imports members, posts to the ledger, adds
evidence, prints a report and makes a backup, a sentinel appears in no file under the vault folder,
$HOME (config, caches) or $TMPDIR. Files the user asked for (the report, the roster) live elsewhere."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.vault.test_leaks import scan as _scan

SENTINEL = "Zyxwañez"  # a surname: must never reach a plaintext file we did not ask for


def scan(root):
    return _scan(root, SENTINEL)


def test_cli_session_leaks_nothing(tmp_path):
    home, tmp, data, user = (tmp_path / d for d in ("home", "tmp", "data", "user"))
    for d in (home, tmp, data, user):
        d.mkdir()
    env = {**os.environ, "HOME": str(home), "TMPDIR": str(tmp), "XDG_CONFIG_HOME": str(home / ".config"),
           "XDG_CACHE_HOME": str(home / ".cache"), "UNIONKIT_CONFIG_DIR": str(home / ".config" / "unionkit"),
           "UNIONKIT_PASSPHRASE": "frase de prueba", "UNIONKIT_VAULT": str(data / "v")}
    roster = user / "padron.csv"
    roster.write_text("Nombre(s),Apellido Paterno,Apellido Materno,CURP,Fecha de ingreso\n"
                      f"María,{SENTINEL},Peña,BOXW310820HNERXN09,01/02/2015\n", encoding="utf-8")
    evidence = user / "nota.txt"
    evidence.write_text(f"Testimonio de {SENTINEL}\n" * 100, encoding="utf-8")

    def cli(*args: str) -> subprocess.CompletedProcess:
        p = subprocess.run([sys.executable, "-m", "unionkit.cli", "--lang", "es", *args], env=env,
                           capture_output=True, text=True, timeout=180, stdin=subprocess.DEVNULL)
        assert p.returncode == 0, (args, p.stdout, p.stderr)
        return p

    cli("init", "--union-name", "Sindicato de prueba")
    cli("members", "import", str(roster), "--json")
    assert SENTINEL in cli("members", "list", "--search", "zyxwa", "--json").stdout
    cli("ledger", "post", "--date", "2026-03-02", "--account", "1", "--category", "1", "--amount", "150.00",
        "--kind", "income", "--memo", f"Cuota de {SENTINEL}")
    case = cli("case", "new", "--title", f"Despido de {SENTINEL}", "--json")
    import json

    case_id = str(json.loads(case.stdout)["id"])
    cli("evidence", "add", str(evidence), "--case", case_id, "--json")
    cli("report", "monthly", "--period", "2026-03", "--lang", "es", "--out", str(user / "marzo.pdf"))
    cli("backup", str(data / "respaldo.ukbackup"))
    cli("check")
    assert str(roster) in scan(user)  # the scan does find the sentinel where it is in plaintext
    assert scan(data) == [] and scan(home) == [] and scan(tmp) == []
