"""Pick items already in the evidence locker to link to a case (evidence can back several cases)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout

from unionkit.i18n import _
from unionkit.packets import evidence


class LockerDialog(QDialog):
    def __init__(self, vault, case_id: int, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Evidence locker"))
        self.resize(560, 420)
        linked = {it.id for it in evidence.list_items(vault, case_id)}
        self.list = QListWidget()
        for it in evidence.list_items(vault):
            if it.id in linked:
                continue
            item = QListWidgetItem(f"{it.description or it.filename} · {it.filename} · {it.sha256[:12]}")
            item.setData(Qt.ItemDataRole.UserRole, it.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        hint = QLabel(_("Check the items to link to this case. They stay unchanged in the locker.")
                      if self.list.count() else _("Every item in the locker is already linked to this case."))
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(hint)
        lay.addWidget(self.list, 1)
        lay.addWidget(buttons)

    def chosen(self) -> list[int]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def check_all(self) -> None:
        for i in range(self.list.count()):
            self.list.item(i).setCheckState(Qt.CheckState.Checked)
