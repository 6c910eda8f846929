"""The packet wizard: choose the type, language, redaction and folder; see what goes in (preview);
build with progress and cancel; then the folder is verified against its manifest."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from unionkit.errors import UnionkitError
from unionkit.i18n import _
from unionkit.packets import builder, manifest, preview
from unionkit.packets.catalog import PACKET_KINDS
from unionkit.ui import dialogs
from unionkit.ui.workers import run_task
from unionkit.vault.blobs import Cancelled


class PacketWizard(QWidget):
    built = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.vault = None
        self.case_id: int | None = None
        self.task = None
        self.kind, self.lang = QComboBox(), QComboBox()
        self.redact = QCheckBox()
        self.redact.setChecked(True)
        self.folder = QLineEdit()
        self.choose_btn, self.build_btn, self.cancel_btn = QPushButton(), QPushButton(), QPushButton()
        self.progress = QProgressBar()
        self.progress.hide()
        self.cancel_btn.hide()
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #8a1c1c; font-weight: bold;")
        self.preview = QTextBrowser()
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.labels = [QLabel() for _i in range(4)]
        form = QFormLayout()
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.choose_btn)
        for lbl, w in zip(self.labels, (self.kind, self.lang, self.redact, folder_row), strict=True):
            form.addRow(lbl, w)
        bar = QHBoxLayout()
        bar.addWidget(self.build_btn)
        bar.addWidget(self.progress, 1)
        bar.addWidget(self.cancel_btn)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.warning)
        lay.addWidget(self.preview, 1)
        lay.addLayout(bar)
        lay.addWidget(self.result)
        self.kind.currentIndexChanged.connect(lambda _i: self.refresh())
        self.redact.toggled.connect(lambda _on: self.refresh())
        self.choose_btn.clicked.connect(self.choose_folder)
        self.build_btn.clicked.connect(self.build)
        self.cancel_btn.clicked.connect(lambda: self.task.cancel() if self.task else None)
        self.retranslate()

    def retranslate(self) -> None:
        for lbl, text in zip(self.labels, (_("Packet type"), _("Language"), _("Identity protection"),
                                           _("Folder")), strict=True):
            lbl.setText(text)
        cur = self.kind.currentData()
        self.kind.blockSignals(True)
        self.kind.clear()
        for key, text in PACKET_KINDS.items():
            self.kind.addItem(_(text), key)
        self.kind.setCurrentIndex(max(self.kind.findData(cur), 0))
        self.kind.blockSignals(False)
        cur_lang = self.lang.currentData()
        self.lang.clear()
        self.lang.addItem("Español", "es")
        self.lang.addItem("English", "en")
        self.lang.setCurrentIndex(max(self.lang.findData(cur_lang), 0))
        self.redact.setText(_("Replace workers' CURP, NSS, address and phone with pseudonyms"))
        self.folder.setPlaceholderText(_("A new or empty folder for the packet"))
        self.choose_btn.setText(_("Choose…"))
        self.build_btn.setText(_("Build packet"))
        self.cancel_btn.setText(_("Cancel"))
        self.refresh()

    def load(self, vault, case_id: int | None) -> None:
        self.vault, self.case_id = vault, case_id
        self.result.clear()
        self.refresh()

    def refresh(self) -> None:
        self.warning.setText("" if self.redact.isChecked() else _(
            "Redaction is off: the packet will show workers' names, CURP, NSS, address and phone. Workers who "
            "complain get fired: send such a packet only to the authority that requires it."))
        self.build_btn.setEnabled(self.case_id is not None and self.task is None)
        if self.vault is None or self.case_id is None:
            self.preview.setHtml("<p>" + escape(_("Choose a case to prepare a packet.")) + "</p>")
            return
        p = preview.plan(self.vault, self.case_id, self.kind.currentData(), self.redact.isChecked())
        html = [f"<h3>{escape(p.title)}</h3><ul>"] + [f"<li>{escape(c)}</li>" for c in p.counts] + ["</ul>"]
        if p.problems:
            html.append("<p><b>" + escape(_("Fix before sending:")) + "</b></p><ul>")
            html += [f"<li style='color:#8a1c1c'>{escape(x)}</li>" for x in p.problems] + ["</ul>"]
        html.append("<p><b>" + escape(_("Document")) + "</b>: " + escape(" · ".join(
            f"{i}. {n}" for i, n in enumerate(p.sections, start=1))) + "</p>")
        if p.exhibits:
            html.append("<p><b>" + escape(_("Exhibits")) + "</b></p><ul>")
            html += [f"<li>{escape(n)} — <i>{escape(how)}</i></li>" for n, how in p.exhibits] + ["</ul>"]
        html += [f"<p>{escape(n)}</p>" for n in p.notes]
        self.preview.setHtml("".join(html))

    def choose_folder(self) -> None:
        folder = dialogs.choose_folder(self, _("Where to write the packet"))
        if folder is not None:
            self.folder.setText(str(folder / f"{self.kind.currentData()}-{self.case_id}"))

    def build(self) -> None:
        if self.vault is None or self.case_id is None or self.task is not None:
            return
        text = self.folder.text().strip()
        if not text:
            dialogs.warning(self, _("Packet"), _("Choose a folder for the packet first."))
            return
        vault, case_id, kind = self.vault, self.case_id, self.kind.currentData()
        lang, redact, out = self.lang.currentData(), self.redact.isChecked(), Path(text).expanduser()

        def work(progress, cancelled):
            res = builder.build(vault, case_id, kind, out, lang=lang, redact=redact, progress=progress,
                                cancelled=cancelled)
            return res, manifest.verify(res.dir)

        self.progress.setValue(0)
        self.progress.show()
        self.cancel_btn.show()
        self.result.clear()
        handle = run_task(work, on_done=self._done, on_error=self._failed,
                          on_progress=lambda f, t: (self.progress.setValue(int(f * 100)),
                                                    self.progress.setFormat(f"{t} %p%")))
        self.task = None if handle.finished else handle
        self.build_btn.setEnabled(self.task is None)

    def _finish(self) -> None:
        self.task = None
        self.progress.hide()
        self.cancel_btn.hide()
        self.refresh()

    def _done(self, value) -> None:
        res, ver = value
        self._finish()
        lines = [_("Packet written to {dir} and {zip}.").format(dir=str(res.dir), zip=str(res.zip)),
                 _("Verified: {n} files match the manifest; signature {sig}.").format(n=ver.checked,
                                                                                      sig=ver.signature)
                 if ver.ok else _("Verification FAILED: check the folder.")]
        lines += res.warnings
        self.result.setText("\n".join(lines))
        self.built.emit(res)

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        if isinstance(exc, Cancelled):
            self.result.setText(exc.message)
        elif isinstance(exc, UnionkitError):
            dialogs.error(self, _("Packet not built"), exc.message)
        else:
            dialogs.error(self, _("Packet not built"), _("The packet could not be built."),
                          detail=type(exc).__name__)
