"""The members page's export actions: public or full list (CSV/XLSX), quarterly joiners and leavers."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from unionkit.errors import UnionkitError
from unionkit.formatting import format_int
from unionkit.i18n import _, ngettext
from unionkit.members.export import UNENCRYPTED_WARNING
from unionkit.ui import dialogs
from unionkit.vault import Vault


def choose_export(page, *, public: bool) -> None:
    """Ask where (and, for a full list, confirm it will not be encrypted), then ``page.export_to``."""
    if not public and not dialogs.ask(page, _("Export the full list"), _(UNENCRYPTED_WARNING), yes=_("Export")):
        return
    path, _sel = QFileDialog.getSaveFileName(page, _("Export the list"), "", _("CSV (*.csv);;Excel (*.xlsx)"))
    dialogs.forget_file_dialog_history()
    if not path:
        return
    try:
        n = page.export_to(path, public=public)
    except UnionkitError as exc:
        dialogs.error(page, _("Export"), exc.message)
        return
    dialogs.info(page, _("Export"), ngettext("{count} person written to {path}.",
                                             "{count} people written to {path}.", n).format(
                                                 count=format_int(n), path=path))


def recent_quarters(today: dt.date, n: int = 8) -> list[str]:
    y, q = today.year, (today.month - 1) // 3 + 1
    out = []
    for _i in range(n):
        out.append(f"{y}-Q{q}")
        y, q = (y, q - 1) if q > 1 else (y - 1, 4)
    return out


def choose_movements(parent: QWidget, vault: Vault) -> None:
    from unionkit.cli.members import parse_quarter
    from unionkit.reports.members_movements import movements, write_pdf

    choice, ok = QInputDialog.getItem(parent, _("Joiners and leavers"), _("Quarter"),
                                      recent_quarters(dt.date.today()), 1, False)
    if not ok:
        return
    path, _sel = QFileDialog.getSaveFileName(parent, _("Save the report"), f"altas-bajas-{choice}.pdf",
                                             "PDF (*.pdf)")
    dialogs.forget_file_dialog_history()
    if path:
        start, end = parse_quarter(choice)
        try:
            write_pdf(vault, movements(vault, start, end), path)
        except (UnionkitError, OSError) as exc:
            dialogs.error(parent, _("Joiners and leavers"), getattr(exc, "message", str(exc)))
