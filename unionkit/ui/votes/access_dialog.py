"""The support list's access log (DOMAIN §1 "Confidentiality"): every view, import, change and export of
a 30 % campaign's list, newest first. Read-only: the log is append-only in the vault."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from unionkit.formatting import format_datetime, format_int
from unionkit.i18n import _
from unionkit.ui.rows_model import RowsModel
from unionkit.vault import Vault
from unionkit.votes import access_log


class AccessLogDialog(QDialog):
    def __init__(self, vault: Vault, campaign_id: int, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Support list access log"))
        self.resize(820, 460)
        items = access_log.entries(vault, campaign_id)
        intro = QLabel(_("Campaign “{name}”. The support list names workers who may suffer reprisals: each time it "
                         "is shown, imported, changed or exported it is recorded here, and these records cannot "
                         "be changed or deleted.").format(name=name))
        intro.setWordWrap(True)
        self.model = RowsModel(lambda: [_("Date and time"), _("Action"), _("By"), _("Rows"), _("Detail")])
        self.model.set_rows(
            [[(format_datetime(dt.datetime.fromisoformat(e["at"])), e["at"]), access_log.action_label(e["action"]),
              e["actor"], e["rows"], e["detail"]] for e in items], [e["id"] for e in items], numeric=[3],
            formatters={3: format_int})
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # newest first
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.empty = QLabel(_("Nothing recorded yet."))
        self.empty.setVisible(not items)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.empty)
        lay.addWidget(self.table, 1)
        lay.addWidget(buttons)
