"""``unionkit``: start the desktop app.

    unionkit               the start screen (open, create, or try the demo)
    unionkit --demo        create a fresh demo vault and offer it with its passphrase shown
    unionkit --version     print the version
    unionkit --self-test   check this installation (vault, catalogs, PDF, Qt) and exit
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import time

from unionkit.ui.launch import START_MARKER, build_parser


def main(argv: list[str] | None = None) -> int:
    t0 = time.perf_counter()
    args, qt_args = build_parser().parse_known_args(argv if argv is not None else sys.argv[1:])
    if args.self_test:
        from unionkit import selftest  # the packaging engineer's module, imported only here

        return int(selftest.main() or 0)
    logging.basicConfig(level=os.environ.get("UNIONKIT_LOG", "WARNING"))

    from PySide6.QtCore import QThreadPool, QTimer

    from unionkit import settings as settings_store
    from unionkit.ui.app import apply_language, make_app
    from unionkit.ui.main_window import MainWindow

    app = make_app([sys.argv[0], *qt_args])
    settings = settings_store.load()
    if args.lang:
        settings.language = "en" if args.lang == "en" else "es_MX"
    apply_language(settings.language)
    window = MainWindow(settings)
    window.setWindowTitle("unionkit")
    window.show()
    if args.print_ready:
        def ready() -> None:
            print(f"{START_MARKER} {time.perf_counter() - t0:.3f}", flush=True)
            if args.quit_after_ready:
                window.close()
                app.quit()
        QTimer.singleShot(0, ready)
    if args.demo or args.demo_small:
        window.demo.small = args.demo_small
        QTimer.singleShot(0, window.demo.start)
    if args.screenshot:
        QTimer.singleShot(1500, lambda: window.grab().save(args.screenshot))
    _quit_on_signals(app, window)
    app.aboutToQuit.connect(window.session.close)
    app.aboutToQuit.connect(window.demo.cleanup)
    code = app.exec()
    QThreadPool.globalInstance().waitForDone(30000)  # let background work end before Qt goes away
    return code


def _quit_on_signals(app, window) -> None:
    """Ctrl+C or SIGTERM close the window properly (vault closed, demo folder removed)."""
    from PySide6.QtCore import QTimer

    def quit_now(*_args) -> None:
        window.close()
        app.quit()

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, quit_now)
    tick = QTimer(window)  # let the interpreter run now and then so that it sees the signal
    tick.timeout.connect(lambda: None)
    tick.start(300)


if __name__ == "__main__":
    sys.exit(main())
