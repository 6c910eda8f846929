"""The domain never imports Qt (DESIGN 'Layers'; STYLE R1)."""

import subprocess
import sys

MODULES = ["unionkit", "unionkit.vault", "unionkit.vault.backup", "unionkit.ledger", "unionkit.votes",
           "unionkit.members", "unionkit.packets", "unionkit.cli", "unionkit.reports.common",
           "unionkit.demo", "unionkit.checks"]


def test_domain_imports_load_no_pyside6():
    code = ("import importlib, sys\n"
            f"for m in {MODULES!r}:\n"
            "    importlib.import_module(m)\n"
            "import unionkit.cli as c; c.build_parser()\n"
            "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
            "print(bad)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout


def test_only_ui_package_mentions_pyside6():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "unionkit"
    offenders = [str(p.relative_to(root)) for p in root.rglob("*.py")
                 if "ui" not in p.relative_to(root).parts[:1] and p.name not in ("selftest.py", "__main__.py")
                 and ("import PySide6" in p.read_text() or "from PySide6" in p.read_text())]
    assert offenders == []
