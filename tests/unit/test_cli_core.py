"""unionkit-cli vault commands: exit codes, JSON, translated one-line errors, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import PASS


def cli(*args, passphrase=PASS, lang="es", check=None):
    env = {**os.environ}
    env.pop("UNIONKIT_VAULT", None)
    if passphrase is not None:
        env["UNIONKIT_PASSPHRASE"] = passphrase
    else:
        env.pop("UNIONKIT_PASSPHRASE", None)
    p = subprocess.run([sys.executable, "-m", "unionkit.cli", "--lang", lang, *args], capture_output=True,
                       text=True, env=env, stdin=subprocess.DEVNULL, timeout=120)
    if check is not None:
        assert p.returncode == check, (p.stdout, p.stderr)
    return p


def test_init_info_check_backup_restore(tmp_path):
    v = str(tmp_path / "v")
    cli("--vault", v, "init", "--union-name", "Sindicato Núñez", check=0)
    info = json.loads(cli("--vault", v, "info", "--json", check=0).stdout)
    assert info["union_name"] == "Sindicato Núñez" and info["schema_version"] >= 2
    report = json.loads(cli("--vault", v, "check", "--json", check=0).stdout)
    assert report["ok"] is True
    cli("--vault", v, "backup", str(tmp_path / "b.ukbackup"), check=0)
    out = cli("restore", str(tmp_path / "b.ukbackup"), "--to", str(tmp_path / "r"), check=0)
    assert "Respaldo restaurado" in out.stdout
    assert json.loads(cli("--vault", str(tmp_path / "r"), "info", "--json", check=0).stdout)["vault_uid"] == \
        info["vault_uid"]


def test_passwd_and_rekey(tmp_path):
    v = str(tmp_path / "v")
    cli("--vault", v, "init", check=0)
    newf = tmp_path / "new.txt"
    newf.write_text("nueva frase\n", encoding="utf-8")
    cli("--vault", v, "passwd", "--new-passphrase-file", str(newf), check=0)
    bad = cli("--vault", v, "info", check=1)
    assert bad.stderr.strip() == "unionkit-cli: Contraseña incorrecta."
    pf = tmp_path / "pf"
    pf.write_text("nueva frase\n", encoding="utf-8")
    cli("--vault", v, "--passphrase-file", str(pf), "rekey", passphrase=None, check=0)
    cli("--vault", v, "--passphrase-file", str(pf), "check", passphrase=None, check=0)


@pytest.mark.parametrize("lang,expected", [("es", "No hay una bóveda"), ("en", "No vault at")])
def test_user_errors_exit_1_with_one_translated_line(tmp_path, lang, expected):
    p = cli("--vault", str(tmp_path / "missing"), "info", lang=lang, check=1)
    assert expected in p.stderr
    assert "Traceback" not in p.stderr and len(p.stderr.strip().splitlines()) == 1


def test_no_passphrase_without_a_terminal(tmp_path):
    cli("--vault", str(tmp_path / "v"), "init", check=0)
    p = cli("--vault", str(tmp_path / "v"), "info", passphrase=None, check=1)
    assert "UNIONKIT_PASSPHRASE" in p.stderr


def test_bad_usage_exits_2():
    assert cli("no-such-command").returncode == 2
    assert cli("info", "--no-such-flag").returncode == 2
