"""Help ▸ About."""

from __future__ import annotations

import PySide6
import sqlcipher3
from PySide6.QtWidgets import QWidget

from unionkit import __version__
from unionkit.i18n import _
from unionkit.ui import dialogs


def about_text() -> str:
    try:
        cipher = sqlcipher3.sqlite_version
    except AttributeError:  # pragma: no cover
        cipher = "?"
    return (_("unionkit {version}").format(version=__version__) + "\n\n"
            + _("Offline, encrypted records for Mexico's independent unions: members, dues, votes, "
                "claims and filings. Your data stays on this computer, in a vault encrypted with "
                "SQLCipher and opened only with your passphrase.") + "\n\n"
            + _("Free software under the GNU GPL, version 3 or later.") + "\n"
            + _("Qt {qt} · SQLite {sqlite}").format(qt=PySide6.__version__, sqlite=cipher))


def show_about(parent: QWidget | None) -> None:
    dialogs.info(parent, _("About unionkit"), about_text())
