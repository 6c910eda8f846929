"""``unionkit --self-test``: prove that this installation (above all a frozen bundle) has what it needs.

Runs offscreen and touches nothing of the user's: every file lives in a temporary folder that is
removed afterwards. Checks, in order:

- modules: every ``unionkit`` module imports (areas are loaded by name at run time, and a Qt module
  the bundle left out would only show up here);
- vault: a vault is created with the real Argon2id cost, a setting and a blob are written, the vault
  is closed, reopened and read back; the database file is encrypted and passes its integrity check;
- catalogs: the es_MX catalog (compiled ``.mo``) loads and translates a known string;
- formats: money and dates in es_MX and English (the bundle keeps only those CLDR locales);
- pdf: a report with ``UnionDocument`` (Spanish accents, U+202F) is rendered and read back with pypdf;
- qt: a QApplication starts on the offscreen platform plugin, a widget is shown and grabbed, and
  Qt's own Spanish translations load.

The report is diagnostic output for whoever supports the treasurer, so it is in plain English.
Exit status 0 when every check passed, 1 otherwise (each failure says what went wrong).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

# Strings every released es_MX catalog translates; one of them differing from English proves the
# catalog was found and loaded (the first ones are from the foundation, the oldest and stablest).
PROBES = (
    "Page {page} of {pages}",
    "Generated {when} with unionkit",
    "No vault at {path}.",
    "The passphrase cannot be empty.",
    "Cancelled; nothing was stored.",
)
PDF_NAMES = "Núñez, Peña, Añorve, Ibáñez"
PASSPHRASE = "autoprueba ñandú ¿sí?"


class CheckFailed(Exception):
    """A self-test check found something wrong (the message says what)."""


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


def check_modules(_tmp: Path) -> str:
    import importlib
    import pkgutil

    import unionkit

    names = [m.name for m in pkgutil.walk_packages(unionkit.__path__, "unionkit.")
             if not m.name.endswith(".__main__")]
    failed = []
    for name in names:
        try:
            importlib.import_module(name)
        except Exception as exc:  # noqa: BLE001 - reported, not hidden
            failed.append(f"{name} ({type(exc).__name__}: {exc})")
    _require(len(names) > 10, f"only {len(names)} unionkit modules found: the bundle is incomplete")
    _require(not failed, "cannot import " + "; ".join(failed))
    return f"{len(names)} unionkit modules imported"


def check_vault(tmp: Path) -> str:
    import sqlcipher3

    from unionkit.vault import Vault, blobs, header

    folder = tmp / "vault"
    payload = os.urandom(1024 * 1024 + 4321)  # two chunks
    v = Vault.create(folder, PASSPHRASE, union_name="Sindicato de Autoprueba", kdf=dict(header.REAL_KDF))
    try:
        v.set_setting("selftest", "cuota sindical ñ")
        blob = blobs.put_bytes(v, payload, filename="recibo.bin")
        version = v.schema_version
    finally:
        v.close()
    db = folder / "vault.db"
    with db.open("rb") as fh:
        _require(not fh.read(16).startswith(b"SQLite format 3"), "the database file is not encrypted")
    v = Vault.open(folder, PASSPHRASE)
    try:
        _require(v.get_setting("selftest") == "cuota sindical ñ", "a setting did not survive reopening")
        _require(blobs.read_bytes(v, blob.id) == payload, "a stored file did not survive reopening")
        problems = v.integrity_problems()
        _require(not problems, "integrity check: " + "; ".join(problems))
        cipher = v.scalar("PRAGMA cipher_version")
    finally:
        v.close()
    return (f"created, reopened, setting and {len(payload) // 1024} KiB file read back; "
            f"schema {version}, SQLCipher {cipher}, SQLite {sqlcipher3.sqlite_version}")


def check_catalogs(_tmp: Path) -> str:
    from unionkit import i18n
    from unionkit.paths import translations_dir

    prev = i18n.language()
    try:
        i18n.set_language("es_MX")
        translated = [(p, i18n._(p)) for p in PROBES if i18n._(p) != p]
    finally:
        i18n.set_language(prev)
    lc = translations_dir() / "es_MX" / "LC_MESSAGES"
    _require(lc.is_dir(), f"no catalogs at {lc}")
    mos = sorted(p.stem for p in lc.glob("*.mo"))
    if getattr(sys, "frozen", False):
        missing = sorted(set(i18n.DOMAINS) - set(mos))
        _require(not missing, f"compiled catalogs (.mo) missing in {lc}: {', '.join(missing)}")
    _require(bool(translated), "the es_MX catalog did not translate any known string")
    src, es = translated[0]
    return f"es_MX {', '.join(mos) or '(.po sources)'}: “{src}” → “{es}”"


def check_formats(_tmp: Path) -> str:
    import datetime as dt

    from unionkit.formatting import format_long_date, format_money
    from unionkit.money import Money

    day = dt.date(2024, 3, 5)
    got = {
        "es_MX money": (format_money(Money(123450), "es_MX"), "$1,234.50"),
        "en money": (format_money(Money(123450), "en_US"), "$1,234.50"),
        "es_MX date": (format_long_date(day, "es_MX"), "5 de marzo de 2024"),
        "en date": (format_long_date(day, "en_US"), "March 5, 2024"),
    }
    wrong = [f"{k} “{v}” (expected “{e}”)" for k, (v, e) in got.items() if v != e]
    _require(not wrong, "CLDR formatting: " + "; ".join(wrong))
    return f"{got['es_MX money'][0]}, {got['es_MX date'][0]}, {got['en date'][0]}"


def check_pdf(tmp: Path) -> str:
    from pypdf import PdfReader
    from reportlab.platypus import Paragraph

    from unionkit.reports.common import UnionDocument, simple_table

    out = tmp / "autoprueba.pdf"
    doc = UnionDocument(out, title="Autoprueba de unionkit", union_name="Sindicato de Autoprueba",
                        period="10:30\u202fa.m.", lang="es")
    story = [Paragraph(f"Cuotas sindicales: {PDF_NAMES}. ¿Año? ¡Sí!", doc.styles["Body"]),
             simple_table([["Núñez", "$1,234.50"], ["Peña", "$99.00"]], header=["Nombre", "Importe"],
                          right_cols=(1,))]
    doc.build(story)
    reader = PdfReader(str(out))
    text = "".join(page.extract_text() for page in reader.pages)
    for word in ("Núñez", "Peña", "Añorve", "¿Año?", "10:30\u202fa.m."):
        _require(word in text, f"the PDF text lacks “{word}”")
    fonts = set()
    for page in reader.pages:
        for f in page["/Resources"]["/Font"].values():
            fonts.add(str(f.get_object()["/BaseFont"]))
    _require(any("DejaVu" in f for f in fonts), f"the PDF does not embed DejaVu ({sorted(fonts)})")
    return f"{len(reader.pages)} page(s), {out.stat().st_size // 1024} KiB, accents and U+202F read back"


def _quiet_qt(_mode, _context, message: str) -> None:
    """Pass Qt's messages on, except the offscreen plugin's harmless note about size hints."""
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr, flush=True)


def check_qt(_tmp: Path) -> str:
    from PySide6.QtCore import QLibraryInfo, QTranslator, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QVBoxLayout, QWidget

    previous = qInstallMessageHandler(_quiet_qt)
    try:
        app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "unionkit"])
        w = QWidget()
        layout = QVBoxLayout(w)
        layout.addWidget(QLabel(f"Tesorería: {PDF_NAMES}"))
        edit = QLineEdit()
        edit.setText("Añorve")
        layout.addWidget(edit)
        w.resize(360, 120)
        w.show()
        app.processEvents()
        image = w.grab().toImage()
        w.close()
        w.deleteLater()
    finally:
        qInstallMessageHandler(previous)
    _require(not image.isNull() and image.width() > 0, "grabbing a widget gave an empty image")
    colours = {image.pixelColor(x, y).rgb() for x in range(0, image.width(), 3)
               for y in range(0, image.height(), 3)}
    _require(len(colours) > 2, "the grabbed widget shows no text")
    qm = QTranslator()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    _require(qm.load("qtbase_es", qt_dir), f"Qt's Spanish translations (qtbase_es) are missing in {qt_dir}")
    return (f"platform {app.platformName()}, widget {image.width()}x{image.height()} grabbed "
            f"({len(colours)} colours), qtbase_es loaded")


CHECKS: list[tuple[str, Callable[[Path], str]]] = [
    ("modules", check_modules),
    ("vault", check_vault),
    ("catalogs", check_catalogs),
    ("formats", check_formats),
    ("pdf", check_pdf),
    ("qt", check_qt),
]


def main() -> int:
    """Run every check, print a short report; 0 if all passed, 1 otherwise."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before Qt is imported: no display needed
    from unionkit import __version__
    from unionkit.paths import install_root

    started = time.perf_counter()
    kind = "frozen" if getattr(sys, "frozen", False) else f"Python {sys.version.split()[0]}"
    print(f"unionkit {__version__} self-test ({kind}, {install_root()})", flush=True)
    failures = 0
    with tempfile.TemporaryDirectory(prefix="unionkit-selftest-") as tmp:
        for name, fn in CHECKS:
            t0 = time.perf_counter()
            try:
                detail = fn(Path(tmp))
                status = "ok  "
            except CheckFailed as exc:
                detail, status = str(exc), "FAIL"
            except Exception as exc:  # noqa: BLE001 - a self-test reports every error
                detail, status = f"{type(exc).__name__}: {exc}", "FAIL"
                if os.environ.get("UNIONKIT_SELFTEST_TRACE"):
                    traceback.print_exc()
            failures += status == "FAIL"
            print(f"  {status} {name:<9} {detail} ({time.perf_counter() - t0:.2f} s)", flush=True)
    total = time.perf_counter() - started
    if failures:
        print(f"self-test FAILED: {failures} of {len(CHECKS)} checks ({total:.1f} s)", flush=True)
        return 1
    print(f"self-test passed: {len(CHECKS)} checks ({total:.1f} s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
