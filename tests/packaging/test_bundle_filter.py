"""The trimming rules of the bundle (packaging/bundle_filter.py), without building anything."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
import bundle_filter as bf  # noqa: E402

QT = "PySide6/Qt"


@pytest.mark.parametrize("name", [
    f"{QT}/plugins/platforms/libqvnc.so", f"{QT}/plugins/platforms/libqeglfs.so",
    f"{QT}/plugins/platformthemes/libqgtk3.so", f"{QT}/plugins/tls/libqopensslbackend.so",
    f"{QT}/translations/qtbase_de.qm", f"{QT}/translations/qt_help_es.qm", "babel/locale-data/de_DE.dat",
    "babel/locale-data/es_AR.dat", "stdnum/oui.dat", "stdnum/cn/loc.dat", "libdbus-1.so.3",
])
def test_dropped(name):
    assert bf.dropped(name)


@pytest.mark.parametrize("name", [
    f"{QT}/plugins/platforms/libqxcb.so", f"{QT}/plugins/platforms/libqwayland.so",
    f"{QT}/plugins/platforms/libqoffscreen.so",
    f"{QT}/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so",
    f"{QT}/plugins/platformthemes/libqxdgdesktopportal.so", f"{QT}/plugins/imageformats/libqjpeg.so",
    f"{QT}/translations/qtbase_es.qm", f"{QT}/translations/qt_es.qm", "babel/locale-data/es_MX.dat",
    "babel/locale-data/es_419.dat", "babel/locale-data/es.dat", "babel/locale-data/root.dat",
    "babel/locale-data/en_US.dat", "babel/global.dat", "stdnum/mx/curp.py", "resources/fonts/DejaVuSans.ttf",
    "translations/es_MX/LC_MESSAGES/core.mo", "PIL/_imaging.cpython-311-x86_64-linux-gnu.so",
])
def test_kept(name):
    assert not bf.dropped(name)


def test_babel_keeps_the_whole_parent_chain_of_the_two_languages():
    from babel.core import get_global

    parents = get_global("parent_exceptions")
    chain = ["es_MX", parents.get("es_MX", "es_419"), "es", "root", "en_US", "en"]
    assert all(not bf.dropped(f"babel/locale-data/{loc}.dat") for loc in chain)


def test_filter_toc_and_dangling_symlinks():
    toc = [(f"{QT}/lib/libQt6Core.so.6", "/x/libQt6Core.so.6", "BINARY"),
           (f"{QT}/lib/libQt6EglFSDeviceIntegration.so.6", "/x/libQt6EglFS.so.6", "BINARY"),
           ("libQt6Core.so.6", f"{QT}/lib/libQt6Core.so.6", "SYMLINK"),
           ("libQt6EglFSDeviceIntegration.so.6", f"{QT}/lib/libQt6EglFSDeviceIntegration.so.6", "SYMLINK")]
    binaries, datas = bf.drop_dangling_symlinks(bf.filter_toc(toc), [])
    assert [e[0] for e in binaries] == [f"{QT}/lib/libQt6Core.so.6", "libQt6Core.so.6"]
    assert datas == []


def test_require_names_what_is_missing():
    with pytest.raises(SystemExit, match="babel/global.dat"):
        bf.require([("sqlcipher3/_sqlite3.so", "", "EXTENSION")], [("resources/fonts/DejaVuSans.ttf", "", "DATA")])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF")
def test_prune_keeps_what_roots_link_and_drops_the_rest():
    from PySide6 import QtCore

    qtcore = Path(QtCore.__file__)
    libcore = qtcore.parent / "Qt" / "lib" / "libQt6Core.so.6"
    toc = [("PySide6/QtCore.abi3.so", str(qtcore), "EXTENSION"),
           (f"{QT}/lib/libQt6Core.so.6", str(libcore), "BINARY"),
           ("libunused.so.1", str(libcore), "BINARY")]
    kept = [e[0] for e in bf.prune_unlinked(toc)]
    assert kept == ["PySide6/QtCore.abi3.so", f"{QT}/lib/libQt6Core.so.6"]
