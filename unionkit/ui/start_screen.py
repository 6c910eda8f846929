"""The start screen: open a recent vault, create a new one, or try the demo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from unionkit import settings as settings_store
from unionkit.i18n import _
from unionkit.settings import Settings
from unionkit.ui import dialogs
from unionkit.ui.app import app_icon
from unionkit.ui.create_panel import CreatePanel
from unionkit.ui.unlock_panel import UnlockPanel
from unionkit.vault import is_vault_folder
from unionkit.vault.throttle import UnlockGuard

NOTE_STYLE = "background: #e8f1fb; border: 1px solid #9cc3ea; border-radius: 4px; padding: 8px;"


class OpenPanel(QWidget):
    """The recent vaults (paths only), a folder chooser and the passphrase field."""

    def __init__(self, settings: Settings, guard: UnlockGuard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.recent_label = QLabel(self)
        self.recent = QListWidget(self)
        self.recent.setObjectName("recent_vaults")
        self.recent.currentItemChanged.connect(self._selected)
        self.recent.setMaximumHeight(130)
        self.recent.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.forget_action = QAction(self.recent)
        self.forget_action.triggered.connect(self.forget_selected)
        self.recent.addAction(self.forget_action)
        self.browse = QPushButton(self)
        self.browse.clicked.connect(self.choose)
        self.chosen = QLabel(self)
        self.chosen.setWordWrap(True)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.RichText)
        self.note.setStyleSheet(NOTE_STYLE)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note.hide()
        self.unlock = UnlockPanel(guard, self)
        row = QHBoxLayout()
        row.addWidget(self.recent_label)
        row.addStretch(1)
        row.addWidget(self.browse)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(14, 14, 14, 14)
        lay.addLayout(row)
        lay.addWidget(self.recent)
        lay.addWidget(self.chosen)
        lay.addWidget(self.note)
        lay.addWidget(self.unlock)
        lay.addStretch(1)
        self.reload()
        self.retranslate()

    def retranslate(self) -> None:
        self.recent_label.setText(_("Recent vaults:"))
        self.forget_action.setText(_("Remove from this list (the vault is not deleted)"))
        self.browse.setText(_("Open another folder…"))
        self._show_chosen()
        self.unlock.retranslate()

    def reload(self) -> None:
        self.recent.clear()
        for p in self.settings.recent_vaults:
            if not Path(p).is_dir():
                continue
            item = QListWidgetItem(p)
            item.setData(Qt.ItemDataRole.UserRole, p)
            self.recent.addItem(item)
        has_recent = self.recent.count() > 0
        self.recent.setVisible(has_recent)
        self.recent_label.setVisible(has_recent)
        if has_recent:
            self.recent.setCurrentRow(0)

    def forget_selected(self) -> None:
        item = self.recent.currentItem()
        if item is None:
            return
        self.settings.remove_recent(item.data(Qt.ItemDataRole.UserRole))
        try:
            settings_store.save(self.settings)
        except OSError:
            pass
        self.reload()

    def _selected(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.select(Path(item.data(Qt.ItemDataRole.UserRole)))

    def choose(self) -> None:
        path = dialogs.choose_folder(self, _("Choose the vault folder"), "")
        if path is None:
            return
        if not is_vault_folder(path):
            dialogs.warning(self, _("Not a vault"),
                            _("{path} is not a unionkit vault. Choose the folder that holds key.hdr.")
                            .format(path=str(path)))
            return
        self.select(path)

    def select(self, path: Path, *, note: str = "", passphrase: str = "") -> None:
        self.unlock.set_path(path)
        self.unlock.set_passphrase(passphrase)
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self._show_chosen()
        self._mark_in_list(path)
        self.unlock.passphrase.setFocus()

    def _mark_in_list(self, path: Path) -> None:
        """Highlight the chosen vault in the recent list, or nothing when it is not there (the demo vault):
        a highlighted other vault next to "Vault: <demo>" read as if Open would open that one."""
        target = Path(path)
        row = next((i for i in range(self.recent.count())
                    if Path(self.recent.item(i).data(Qt.ItemDataRole.UserRole)) == target), -1)
        self.recent.blockSignals(True)
        try:
            self.recent.setCurrentRow(row)
            if row < 0:
                self.recent.clearSelection()
        finally:
            self.recent.blockSignals(False)

    def _show_chosen(self) -> None:
        p = self.unlock.path
        self.chosen.setText(_("Vault: {path}").format(path=str(p)) if p else _("No vault chosen yet."))


class StartScreen(QWidget):
    opened = Signal(object)  # an open Vault, from either panel
    demo_requested = Signal()

    def __init__(self, settings: Settings, guard: UnlockGuard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 22pt; font-weight: bold;")
        self.logo = QLabel(self)
        self.logo.setPixmap(app_icon().pixmap(48, 48))
        self.subtitle = QLabel(self)
        self.subtitle.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self.open_panel = OpenPanel(settings, guard, self)
        self.create_panel = CreatePanel(self)
        self.tabs.addTab(self.open_panel, "")
        self.tabs.addTab(self.create_panel, "")
        self.demo_button = QPushButton(self)
        self.demo_button.setObjectName("demo_button")
        self.demo_button.clicked.connect(self.demo_requested)
        self.open_panel.unlock.opened.connect(self.opened)
        self.create_panel.created.connect(self.opened)
        card = QFrame(self)
        card.setMaximumWidth(720)
        inner = QVBoxLayout(card)
        head = QHBoxLayout()
        head.addWidget(self.logo)
        head.addWidget(self.title, 1)
        inner.addLayout(head)
        inner.addWidget(self.subtitle)
        inner.addSpacing(8)
        inner.addWidget(self.tabs)
        demo_row = QHBoxLayout()
        demo_row.addStretch(1)
        demo_row.addWidget(self.demo_button)
        inner.addLayout(demo_row)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 4)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        if not settings.recent_vaults:
            self.tabs.setCurrentWidget(self.create_panel)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText("unionkit")
        self.subtitle.setText(_("Encrypted records for independent unions: members, dues, votes and "
                                "filings. Everything stays on this computer, locked with your passphrase."))
        self.tabs.setTabText(0, _("Open a vault"))
        self.tabs.setTabText(1, _("Create a new vault"))
        self.demo_button.setText(_("Try the demo vault"))
        self.open_panel.retranslate()
        self.create_panel.retranslate()

    def show_open(self, path: Path | None = None, *, note: str = "", passphrase: str = "") -> None:
        """Back to the start screen; with a path, that vault is chosen on the 'Open' tab."""
        self.open_panel.reload()
        if path is not None:
            self.open_panel.select(path, note=note, passphrase=passphrase)
        if path is not None or self.open_panel.recent.count():
            self.tabs.setCurrentWidget(self.open_panel)
        else:
            self.tabs.setCurrentWidget(self.create_panel)
