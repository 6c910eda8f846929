"""What the unionkit bundle leaves out, and the checks that it kept what it needs (used by unionkit.spec).

PyInstaller collects whole Qt plugin folders, every Qt translation and babel's ~800 CLDR locales.
unionkit needs Qt Core/Gui/Widgets (+ Svg for icons), the desktop platform plugins (xcb, wayland) and
offscreen, Spanish Qt dialogs, and the es_MX/en locales. Dropping a plugin also drops the libraries
only it needed (the GTK theme alone drags in cairo, pango, gdk-pixbuf and friends): after filtering,
shared libraries that nothing kept links to any more are removed too.

``unionkit --self-test`` on the result proves that what is left is enough (every unionkit module
imports, vault, catalogs, PDF, Qt offscreen); ``tests/packaging/test_bundle.py`` runs it in CI.
"""

from __future__ import annotations

import fnmatch
import os
import subprocess
import sys
from pathlib import PurePosixPath

# Python modules never needed at run time (excluded from the analysis, with everything they import).
EXCLUDED_MODULES = [
    "tkinter", "_tkinter", "PIL.ImageTk", "PIL.ImageQt", "turtle", "turtledemo", "idlelib", "pydoc_data",
    "lib2to3", "unittest", "test", "distutils", "setuptools", "pkg_resources", "pip", "readline",
    # AVIF photos are rare; its codec is 4.7 MB (JPEG, PNG, TIFF, WebP, GIF stay readable).
    "PIL._avif", "PIL.AvifImagePlugin",
    "numpy", "pandas", "IPython", "matplotlib", "pytest", "_pytest", "hypothesis", "pytestqt",
    # Qt modules unionkit does not use (domain code never imports Qt; the UI uses Core/Gui/Widgets/Svg).
    "PySide6.QtNetwork", "PySide6.QtDBus", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets",
    "PySide6.QtQuickControls2", "PySide6.QtQuickTest", "PySide6.QtSql", "PySide6.QtTest", "PySide6.QtXml",
    "PySide6.QtConcurrent", "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "PySide6.QtDesigner",
    "PySide6.QtHelp", "PySide6.QtUiTools", "PySide6.QtPdf", "PySide6.QtPdfWidgets", "PySide6.QtWebSockets",
    "PySide6.QtHttpServer", "PySide6.QtRemoteObjects", "PySide6.QtStateMachine", "PySide6.QtScxml",
    "PySide6.QtMultimedia", "PySide6.QtMultimediaWidgets", "PySide6.QtBluetooth", "PySide6.QtNfc",
    "PySide6.QtPositioning", "PySide6.QtSerialPort", "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets",
    "PySide6.Qt3DCore", "PySide6.QtCharts", "PySide6.QtDataVisualization", "PySide6.QtGraphs",
]

QT = "PySide6/Qt"
# Bundle paths (as in _internal/) that are dropped: glob patterns.
EXCLUDED_FILES = [
    # Platforms for embedded/kiosk screens and remote framebuffers; kept: xcb, wayland, offscreen, minimal.
    f"{QT}/plugins/platforms/libqeglfs.so", f"{QT}/plugins/platforms/libqlinuxfb.so",
    f"{QT}/plugins/platforms/libqminimalegl.so", f"{QT}/plugins/platforms/libqvkkhrdisplay.so",
    f"{QT}/plugins/platforms/libqvnc.so",
    f"{QT}/plugins/egldeviceintegrations/*", f"{QT}/plugins/generic/*",  # eglfs/linuxfb input only
    f"{QT}/lib/libQt6EglFS*",
    # The GTK3 theme needs the desktop's GTK anyway; Qt's own dialogs and the XDG portal remain.
    f"{QT}/plugins/platformthemes/libqgtk3.so",
    f"{QT}/plugins/imageformats/libqicns.so", f"{QT}/plugins/imageformats/libqtga.so",
    f"{QT}/plugins/imageformats/libqwbmp.so",
    f"{QT}/plugins/tls/*", f"{QT}/plugins/networkinformation/*",  # no networking at all
    # Qt's own translations: only Spanish (standard dialogs' Aceptar/Cancelar); English is built in.
    f"{QT}/translations/*",
    # CLDR data: only the locales unionkit formats with (es_MX -> es_419 -> es -> root; en_US -> en).
    "babel/locale-data/*",
    # D-Bus client library: taken from the system (every desktop has libdbus-1-3, Qt requires it anyway),
    # which also leaves out the bundled libsystemd, libgcrypt, liblz4, libcap it would drag in.
    "libdbus-1.so.3",
    # python-stdnum's registries (MAC OUIs, IMSI, Chinese regions...): the Mexican CURP/RFC/NSS need none.
    "stdnum/*.dat",
]
KEPT_FILES = [
    f"{QT}/translations/qt_es.qm", f"{QT}/translations/qtbase_es.qm",
    *(f"babel/locale-data/{loc}.dat" for loc in ("root", "es", "es_419", "es_MX", "en", "en_US", "en_001")),
]
# Must be in every bundle (the build fails otherwise): patterns on bundle paths.
REQUIRED_FILES = [
    "resources/fonts/DejaVuSans.ttf", "translations/es_MX/LC_MESSAGES/core.mo", "translations/en/LC_MESSAGES/*.mo",
    "babel/locale-data/es_MX.dat", "babel/global.dat", "sqlcipher3/_sqlite3*",
]
# Linux names (Windows and macOS lay out PySide6 differently, see README.md).
REQUIRED_FILES_LINUX = [
    f"{QT}/plugins/platforms/libqoffscreen.so", f"{QT}/plugins/platforms/libqxcb.so",
    f"{QT}/plugins/platforms/libqwayland*.so", f"{QT}/plugins/platforminputcontexts/libcompose*.so",
    f"{QT}/plugins/imageformats/libqsvg.so", f"{QT}/plugins/iconengines/libqsvgicon.so",
    f"{QT}/translations/qtbase_es.qm", "PIL/_imaging.*.so",
]

# strip(1) the shared libraries: 193 -> 149 MiB on Linux. Not on macOS (signatures) nor Windows (no-op).
STRIP = sys.platform.startswith("linux") and os.environ.get("UNIONKIT_BUNDLE_STRIP", "1") != "0"


def _match(name: str, patterns: list[str]) -> bool:
    return any(fnmatch.fnmatchcase(name, p) for p in patterns)


def dropped(name: str) -> bool:
    name = PurePosixPath(name.replace(os.sep, "/")).as_posix()
    return _match(name, EXCLUDED_FILES) and not _match(name, KEPT_FILES)


def filter_toc(toc: list[tuple]) -> list[tuple]:
    """The TOC (dest, source, typecode) without the excluded files."""
    return [entry for entry in toc if not dropped(entry[0])]


def _needed(path: str) -> list[str]:
    """The DT_NEEDED entries (direct dependencies) of an ELF file, from ``objdump -p``."""
    out = subprocess.run(["objdump", "-p", path], capture_output=True, text=True, check=False).stdout
    return [line.split()[1] for line in out.splitlines() if line.strip().startswith("NEEDED")]


def prune_unlinked(binaries: list[tuple]) -> list[tuple]:
    """Drop shared libraries that no kept extension module, Qt plugin or library links to any more.

    Roots are Python extension modules, Qt plugins and the Python library; a plain library stays if it
    is in the closure of their direct (DT_NEEDED) dependencies among the kept files. Linux only.
    """
    if not sys.platform.startswith("linux"):
        return binaries

    def is_root(dest: str, typecode: str) -> bool:
        return (typecode == "EXTENSION" or dest.startswith(f"{QT}/plugins/")
                or PurePosixPath(dest).name.startswith("libpython"))

    by_name = {PurePosixPath(d).name: src for d, src, t in binaries if t != "SYMLINK"}
    todo = [src for d, src, t in binaries if t != "SYMLINK" and is_root(d, t)]
    needed: set[str] = set()
    while todo:
        for name in _needed(todo.pop()):
            if name not in needed:
                needed.add(name)
                if name in by_name:
                    todo.append(by_name[name])
    return [e for e in binaries if e[2] == "SYMLINK" or is_root(e[0], e[2]) or PurePosixPath(e[0]).name in needed]


def drop_dangling_symlinks(binaries: list[tuple], datas: list[tuple]) -> tuple[list[tuple], list[tuple]]:
    """PyInstaller links e.g. ``libQt6Core.so.6`` -> ``PySide6/Qt/lib/...``; drop links to removed files."""
    kept = {PurePosixPath(e[0]).as_posix() for e in binaries + datas if e[2] != "SYMLINK"}

    def ok(entry: tuple) -> bool:
        if entry[2] != "SYMLINK":
            return True
        target = PurePosixPath(os.path.normpath(PurePosixPath(entry[0]).parent / entry[1])).as_posix()
        return target in kept

    return [e for e in binaries if ok(e)], [e for e in datas if ok(e)]


def require(binaries: list[tuple], datas: list[tuple]) -> None:
    names = [PurePosixPath(e[0].replace(os.sep, "/")).as_posix() for e in binaries + datas]
    required = REQUIRED_FILES + (REQUIRED_FILES_LINUX if sys.platform.startswith("linux") else [])
    missing = [p for p in required if not any(fnmatch.fnmatchcase(n, p) for n in names)]
    if missing:
        raise SystemExit("unionkit.spec: the bundle would lack " + ", ".join(missing))
