"""'Try the demo vault' and ``unionkit --demo``: a fresh demo vault in a private temporary folder,
made off the GUI thread with progress, then offered on the start screen with its passphrase shown.
The folder is removed when the app quits (after the vault was closed)."""

from __future__ import annotations

import html
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from unionkit.demo import DEMO_PASSPHRASE, create_demo
from unionkit.errors import UnionkitError
from unionkit.i18n import _, pgettext
from unionkit.ui import dialogs
from unionkit.ui.progress import run_with_progress


def area_label(area: str) -> str:
    labels = {"members": pgettext("demo step", "members"), "ledger": pgettext("demo step", "treasury"),
              "votes": pgettext("demo step", "votes"), "packets": pgettext("demo step", "claims and evidence")}
    return labels.get(area, area)


def demo_note() -> str:
    """Rich text: the passphrase on its own line, in bold (a hyphen must not break it)."""
    return (html.escape(_("This is the demo vault, filled with invented people and figures. Its "
                          "passphrase is already typed in: press Open."))
            + "<br>" + html.escape(_("Passphrase:")) + " <b>" + html.escape(DEMO_PASSPHRASE) + "</b>")


class DemoLauncher:
    def __init__(self, parent: QWidget, on_ready: Callable[[Path], None], small: bool = False) -> None:
        self.parent = parent
        self.on_ready = on_ready
        self.small = small
        self.folders: list[Path] = []
        self.running = False

    def start(self) -> None:
        if self.running:
            return
        self.running = True
        tmp = Path(tempfile.mkdtemp(prefix="unionkit-demo-"))  # 0700
        self.folders.append(tmp)
        target = tmp / "demo-vault"
        small = self.small

        def work(progress, _cancelled):
            def step(area: str, fraction: float) -> None:
                label = area_label(area)
                progress(0.1 + 0.9 * fraction, _("Creating the demo vault: {area}…").format(area=label))
            progress(0.0, _("Creating the demo vault: deriving the key…"))
            return create_demo(target, small=small, progress=step)

        run_with_progress(self.parent, _("Creating the demo vault…"), work, on_done=self._done,
                          on_error=self._failed, determinate=True)

    def _done(self, path: Path) -> None:
        self.running = False
        self.on_ready(Path(path))

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        if not isinstance(exc, UnionkitError):
            raise exc
        dialogs.error(self.parent, _("The demo vault could not be created"), exc.message)

    def is_demo(self, path: Path) -> bool:
        p = Path(path).resolve()
        return any(p.is_relative_to(f.resolve()) for f in self.folders)

    def cleanup(self) -> None:
        """Remove the demo folders (call after the demo vault was closed)."""
        for folder in self.folders:
            shutil.rmtree(folder, ignore_errors=True)
        self.folders.clear()
