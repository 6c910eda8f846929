"""The evidence browser: thumbnails, drag and drop to add, intake with progress and cancel, the
metadata a file carries (shown before sharing), exports of the original or a share copy, custody log."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFontDatabase, QIcon, QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from unionkit.errors import UnionkitError
from unionkit.i18n import _
from unionkit.packets import custody, evidence
from unionkit.ui import dialogs
from unionkit.ui.claims.intake_mixin import IntakeMixin
from unionkit.ui.claims.models import RowsModel
from unionkit.ui.claims.timeline import table
from unionkit.ui.workers import run_task

FIELDS = ("captured_at", "place", "collected_by", "source", "description", "tags")


def _size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return str(n)


class EvidenceBrowser(IntakeMixin, QWidget):
    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.vault = None
        self.case_id: int | None = None
        self.task = None
        self.setAcceptDrops(True)
        self.items = QListWidget()
        self.items.setViewMode(QListWidget.ViewMode.IconMode)
        self.items.setIconSize(QSize(112, 112))
        self.items.setGridSize(QSize(150, 160))
        self.items.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.items.setWordWrap(True)
        self.items.setMovement(QListWidget.Movement.Static)
        self.items.setDragEnabled(False)
        self.items.setAcceptDrops(False)  # external files dropped on the list reach this widget
        self.items.viewport().setAcceptDrops(False)
        self.items.currentItemChanged.connect(lambda cur, _prev: self.show_item())
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.add_btn, self.cancel_btn = QPushButton(), QPushButton()
        self.locker_btn, self.unlink_btn = QPushButton(), QPushButton()
        self.add_btn.clicked.connect(self.choose_files)
        self.locker_btn.clicked.connect(self.link_from_locker)
        self.unlink_btn.clicked.connect(self.unlink)
        self.cancel_btn.clicked.connect(self.cancel)
        self.cancel_btn.hide()
        self.progress = QProgressBar()
        self.progress.hide()
        self.name, self.sha = QLabel(), QLineEdit()
        self.sha.setReadOnly(True)
        self.sha.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.edits = {f: QLineEdit() for f in FIELDS}
        self.save_btn, self.meta_btn = QPushButton(), QPushButton()
        self.export_btn, self.share_btn = QPushButton(), QPushButton()
        self.save_btn.clicked.connect(self.save)
        self.meta_btn.clicked.connect(self.show_metadata)
        self.export_btn.clicked.connect(lambda: self.export(False))
        self.share_btn.clicked.connect(lambda: self.export(True))
        self.meta = RowsModel(lambda: [_("Field"), _("Value")])
        self.log = RowsModel(lambda: [_("When (UTC)"), _("Event"), _("By"), _("Detail")])
        self.meta_view, self.log_view = table(self.meta), table(self.log)
        self.form = QFormLayout()
        self._labels = {k: QLabel() for k in ("name", "sha", *FIELDS)}
        self.form.addRow(self._labels["name"], self.name)
        self.form.addRow(self._labels["sha"], self.sha)
        for f in FIELDS:
            self.form.addRow(self._labels[f], self.edits[f])
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(self.add_btn)
        bar.addWidget(self.locker_btn)
        bar.addWidget(self.unlink_btn)
        bar.addWidget(self.progress, 1)
        bar.addWidget(self.cancel_btn)
        ll.addLayout(bar)
        ll.addWidget(self.empty)
        ll.addWidget(self.items, 1)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addLayout(self.form)
        btns = QGridLayout()
        for i, b in enumerate((self.save_btn, self.meta_btn, self.export_btn, self.share_btn)):
            btns.addWidget(b, i // 2, i % 2)
        rl.addLayout(btns)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.meta_view, "")
        self.tabs.addTab(self.log_view, "")
        rl.addWidget(self.tabs, 1)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([520, 480])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(split)
        self.retranslate()
        self._enable(False)

    def retranslate(self) -> None:
        self.add_btn.setText(_("Add files…"))
        self.locker_btn.setText(_("From the locker…"))
        self.unlink_btn.setText(_("Remove from case"))
        self.unlink_btn.setToolTip(_("The file stays in the evidence locker with its custody log."))
        self.cancel_btn.setText(_("Cancel"))
        self.empty.setText(_("No evidence in this case yet. Drag files here (photos, PDFs, audio, video, "
                             "documents) or press 'Add files…'. Each file is hashed and stored encrypted; the "
                             "original is never changed."))
        labels = {"name": _("File"), "sha": _("SHA-256 at intake"), "captured_at": _("Captured (date, time)"),
                  "place": _("Place"), "collected_by": _("Collected by"), "source": _("Source"),
                  "description": _("Description"), "tags": _("Tags")}
        for k, lbl in self._labels.items():
            lbl.setText(labels[k])
        self.edits["captured_at"].setPlaceholderText("2026-03-05T14:30")
        self.save_btn.setText(_("Save details"))
        self.meta_btn.setText(_("Show metadata"))
        self.export_btn.setText(_("Export original…"))
        self.share_btn.setText(_("Export share copy…"))
        self.share_btn.setToolTip(_("A copy without GPS, camera, author and other metadata"))
        self.tabs.setTabText(0, _("Metadata in the file"))
        self.tabs.setTabText(1, _("Custody log"))

    def _enable(self, on: bool) -> None:
        for w in (self.save_btn, self.meta_btn, self.export_btn, self.share_btn, self.unlink_btn,
                  *self.edits.values()):
            w.setEnabled(on)

    # -- loading -------------------------------------------------------------------------------
    def load(self, vault, case_id: int | None) -> None:
        self.vault, self.case_id = vault, case_id
        self.items.clear()
        self.meta.clear()
        self.log.clear()
        self.name.clear()
        self.sha.clear()
        for e in self.edits.values():
            e.clear()
        self._enable(False)
        if vault is None or case_id is None:
            self.empty.show()
            return
        file_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        rows = evidence.list_items(vault, case_id)
        for it in rows:
            item = QListWidgetItem(file_icon, it.description or it.filename)
            item.setData(Qt.ItemDataRole.UserRole, it.id)
            item.setToolTip(f"{it.filename}\n{_size(it.size)}\n{it.sha256}")
            self.items.addItem(item)
        self.empty.setVisible(not rows)
        images = [it.id for it in rows if it.kind == "image"]
        if images:  # thumbnails are made off the GUI thread (photos can be large), kept in memory only
            self._thumbs_for = (id(vault), case_id)
            run_task(lambda _progress, cancelled: {i: evidence.thumbnail_png(vault, i, 112) for i in images
                                                   if not cancelled()},
                     on_done=lambda pngs, key=self._thumbs_for: self._set_thumbnails(key, pngs))

    def _set_thumbnails(self, key: tuple, pngs: dict) -> None:
        if self.vault is None or key != (id(self.vault), self.case_id):
            return  # the case (or the vault) changed meanwhile
        for row in range(self.items.count()):
            item = self.items.item(row)
            png = pngs.get(item.data(Qt.ItemDataRole.UserRole))
            if png:
                pm = QPixmap()
                pm.loadFromData(png, "PNG")
                item.setIcon(QIcon(pm))

    def current_id(self) -> int | None:
        item = self.items.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def show_item(self) -> None:
        eid = self.current_id()
        if eid is None or self.vault is None:
            self._enable(False)
            return
        it = evidence.get(self.vault, eid)
        self.name.setText(f"{it.filename} · {_size(it.size)}")
        self.sha.setText(it.sha256)
        for f in FIELDS:
            self.edits[f].setText(getattr(it, f) or "")
        self.meta.clear()
        self.log.set_rows([[e.at[:19].replace("T", " "), custody.event_label(e.event), e.actor, e.detail]
                           for e in custody.entries(self.vault, eid)])
        self._enable(True)
        self.meta_btn.setEnabled(it.kind != "other")
        self.share_btn.setEnabled(it.kind != "other")

    # -- actions -------------------------------------------------------------------------------
    def save(self) -> None:
        eid = self.current_id()
        if eid is None:
            return
        try:
            evidence.update(self.vault, eid, **{f: self.edits[f].text().strip() or
                                                (None if f == "captured_at" else "") for f in FIELDS})
        except UnionkitError as exc:
            dialogs.error(self, _("Details not saved"), exc.message)
            return
        cur = self.items.currentItem()
        cur.setText(self.edits["description"].text() or cur.text())
        self.show_item()

    def show_metadata(self) -> None:
        eid = self.current_id()
        if eid is None:
            return
        try:
            rows = evidence.describe_metadata(self.vault, eid)
        except UnionkitError as exc:
            dialogs.error(self, _("Metadata"), exc.message)
            return
        self.meta.set_rows([list(r) for r in rows] or [[_("(none found)"), ""]])
        self.tabs.setCurrentIndex(0)
        self.show_log_only()

    def show_log_only(self) -> None:
        eid = self.current_id()
        if eid is not None:
            self.log.set_rows([[e.at[:19].replace("T", " "), custody.event_label(e.event), e.actor, e.detail]
                               for e in custody.entries(self.vault, eid)])

    def export(self, share: bool) -> None:
        eid = self.current_id()
        if eid is None:
            return
        if share:
            rows = evidence.describe_metadata(self.vault, eid, log_view=False)
            self.meta.set_rows([list(r) for r in rows] or [[_("(none found)"), ""]])
            self.tabs.setCurrentIndex(0)
        folder = dialogs.choose_folder(self, _("Export share copy") if share else _("Export original"))
        if folder is None:
            return
        try:
            out = evidence.export(self.vault, eid, folder, share=share)
        except UnionkitError as exc:
            dialogs.error(self, _("Not exported"), exc.message)
            return
        self.show_log_only()
        dialogs.info(self, _("Exported"), _("Written to {path}. Exported files are not encrypted.").format(
            path=str(out)))

    def link_from_locker(self) -> None:
        if self.vault is None or self.case_id is None:
            return
        from unionkit.ui.claims.locker_dialog import LockerDialog

        dlg = LockerDialog(self.vault, self.case_id, self)
        if dialogs.run_dialog(dlg):
            for eid in dlg.chosen():
                evidence.link(self.vault, self.case_id, eid)
            self.load(self.vault, self.case_id)
            self.changed.emit()

    def unlink(self) -> None:
        eid = self.current_id()
        if eid is None or self.case_id is None:
            return
        if dialogs.ask(self, _("Remove from case"), _("Remove this file from the case? It stays in the evidence "
                                                      "locker."), yes=_("Remove")):
            evidence.unlink(self.vault, self.case_id, eid)
            self.load(self.vault, self.case_id)
            self.changed.emit()
