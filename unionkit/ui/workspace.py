"""The side navigation and the pages: the 'Vault' overview plus every area page that loads.

Only pages whose module exists and constructs are listed (no placeholder areas). Locking hands
``None`` to every page; the current page and each page's own state are kept to return the user to
where they were after unlocking.
"""

from __future__ import annotations

import importlib
import logging

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QStackedWidget, QWidget

from unionkit.paths import resources_dir
from unionkit.ui.area import AREA_PAGES, AreaPage
from unionkit.ui.overview_page import OverviewPage
from unionkit.vault import Vault

log = logging.getLogger(__name__)
NAV_STYLE = ("QListWidget { border: none; background: #f1f3f6; font-size: 11pt; }"
             "QListWidget::item { padding: 10px 12px; }"
             "QListWidget::item:selected { background: #d5e3f5; color: #0b2e59; }")


def load_pages() -> list[AreaPage]:
    """Instantiate every area page that exists in this build, in navigation order."""
    pages: list[AreaPage] = []
    for spec in AREA_PAGES:
        module_name, cls_name = spec.split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name and module_name.startswith(exc.name):
                continue  # this area is not part of the build (yet)
            log.exception("area page %s failed to import", module_name)
            continue
        except Exception:
            log.exception("area page %s failed to import", module_name)
            continue
        try:
            pages.append(getattr(module, cls_name)())
        except Exception:
            log.exception("area page %s failed to start", spec)
    return pages


def nav_icon(page: AreaPage) -> QIcon:
    """The page's own icon, else ``<area_id>.svg`` from resources/icons, else a blank (keeps rows aligned)."""
    folder = resources_dir() / "icons"
    for name in (page.icon_name, f"{page.area_id}.svg" if page.area_id else ""):
        if name and (folder / name).is_file():
            return QIcon(str(folder / name))
    blank = QPixmap(22, 22)
    blank.fill(Qt.GlobalColor.transparent)
    return QIcon(blank)


def preload_area_modules(_progress=None, _cancelled=None) -> None:
    """Import the area pages' modules (the slow part) off the GUI thread; errors are left for
    ``load_pages`` to log."""
    for spec in AREA_PAGES:
        try:
            importlib.import_module(spec.split(":")[0])
        except Exception:  # reported by load_pages on the GUI thread
            continue


class Workspace(QWidget):
    """With ``pages=None`` the area pages are loaded later (``load_pages_now``, at the latest on the
    first unlock), so that the start screen shows without waiting for them."""

    def __init__(self, parent: QWidget | None = None, pages: list[AreaPage] | None = None) -> None:
        super().__init__(parent)
        self.overview = OverviewPage(self)
        self.pages: list[AreaPage] = []
        self.pending = pages is None
        self.nav = QListWidget(self)
        self.nav.setObjectName("side_nav")
        self.nav.setFixedWidth(190)
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setStyleSheet(NAV_STYLE)
        self.stack = QStackedWidget(self)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self._add_pages([self.overview] + (pages or []))
        self.nav.setCurrentRow(0)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.nav)
        lay.addWidget(self.stack, 1)

    def _add_pages(self, pages: list[AreaPage]) -> None:
        for page in pages:
            item = QListWidgetItem(page.title())
            item.setIcon(nav_icon(page))
            self.nav.addItem(item)
            self.stack.addWidget(page)
            self.pages.append(page)

    def load_pages_now(self) -> None:
        if self.pending:
            self.pending = False
            self._add_pages(load_pages())

    def area_ids(self) -> list[str]:
        return [p.area_id or type(p).__name__ for p in self.pages]

    def current_page(self) -> AreaPage:
        return self.pages[max(0, self.nav.currentRow())]

    def show_page(self, area_id: str) -> None:
        ids = self.area_ids()
        if area_id in ids:
            self.nav.setCurrentRow(ids.index(area_id))

    def set_vault(self, vault: Vault | None) -> None:
        if vault is not None:
            self.load_pages_now()
        for page in self.pages:
            try:
                page.set_vault(vault)
            except Exception:
                if vault is None:  # clearing must reach every page even if one fails
                    log.exception("page %s failed to clear", type(page).__name__)
                else:
                    raise

    def save_state(self) -> dict:
        states = {}
        for area_id, page in zip(self.area_ids(), self.pages, strict=True):
            try:
                states[area_id] = page.save_state()
            except Exception:
                log.exception("page %s failed to save its state", area_id)
        return {"current": self.area_ids()[max(0, self.nav.currentRow())], "pages": states}

    def restore_state(self, state: dict) -> None:
        for area_id, page in zip(self.area_ids(), self.pages, strict=True):
            if area_id in state.get("pages", {}):
                page.restore_state(state["pages"][area_id])
        self.show_page(state.get("current", ""))

    def retranslate(self) -> None:
        for row, page in enumerate(self.pages):
            page.retranslate()
            self.nav.item(row).setText(page.title())

    def page_titles(self) -> list[str]:
        return [self.nav.item(r).text() for r in range(self.nav.count())]

    def focus_nav(self) -> None:
        self.nav.setFocus(Qt.FocusReason.ShortcutFocusReason)
