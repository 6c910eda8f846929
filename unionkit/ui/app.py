"""The QApplication: name and icon, the language (ours and Qt's own qtbase_es.qm for the standard
dialog buttons), and the exception hook."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from unionkit import APP_NAME, __version__, i18n
from unionkit.paths import resources_dir
from unionkit.ui import excepthook

_qt_translators: list[QTranslator] = []
QT_CATALOGS = ("qtbase",)


def qt_translations_dir() -> Path:
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def apply_language(language: str) -> str:
    """Switch our catalogs and Qt's own; returns the normalized language code."""
    lang = i18n.set_language(language)
    app = QApplication.instance()
    for t in _qt_translators:
        if app is not None:
            app.removeTranslator(t)
    _qt_translators.clear()
    qt_lang = "es" if lang.startswith("es") else None
    QLocale.setDefault(QLocale(QLocale.Language.Spanish, QLocale.Country.Mexico) if qt_lang
                       else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    if qt_lang and app is not None:
        for catalog in QT_CATALOGS:
            t = QTranslator(app)
            if t.load(f"{catalog}_{qt_lang}", str(qt_translations_dir())):
                app.installTranslator(t)
                _qt_translators.append(t)
    return lang


def app_icon() -> QIcon:
    icon = QIcon()
    for name in ("unionkit.svg", "unionkit-256.png", "unionkit-64.png"):
        path = resources_dir() / "icons" / name
        if path.is_file():
            icon.addFile(str(path))
    return icon


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("unionkit")
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName("unionkit")
    app.setWindowIcon(app_icon())
    excepthook.install()
    return app
