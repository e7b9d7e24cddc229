"""Start the GUI: the application object, the theme, and the first window."""

from __future__ import annotations

import contextlib
import os
import signal
import sys

from PySide6.QtCore import QSocketNotifier
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from app import APP_ID, APP_NAME, __version__
from app.config import Config
from app.paths import Paths
from app.shell import crash
from app.shell.session import Session
from app.shell.theme import apply_theme
from app.widgets.icons import icon


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName(APP_ID)
    app.setStyle("Fusion")  # follows the light/dark scheme the same way everywhere
    app.setWindowIcon(icon("tend.svg"))
    app.setQuitOnLastWindowClosed(False)  # the session decides: locking is not quitting
    return app


def run_app(paths: Paths) -> int:
    app = make_application()
    crash.install()
    try:
        paths.ensure_data_dir()
    except OSError as exc:
        QMessageBox.critical(
            None,
            APP_NAME,
            f"Tend cannot use its folder {paths.data_dir}: {exc.strerror}.\n\n"
            "Choose another with --data-dir, or check the folder's permissions.",
        )
        return 1
    config = Config.load(paths.config)
    apply_theme(app, config.theme)
    if already_open(paths):
        return 0
    session = Session(paths, config)
    quit_on_signals(app, session)
    session.start()
    return app.exec()


def already_open(paths: Paths) -> bool:
    """Another Tend has this vault unlocked: say so plainly, rather than open a second
    window whose saves could cross the first one's."""
    from app.vault import AlreadyOpen
    from app.vault.instance import InstanceLock

    if not InstanceLock.held_elsewhere(paths.vault):
        return False
    QMessageBox.information(None, APP_NAME, AlreadyOpen.message)
    return True


def quit_on_signals(app: QApplication, session: Session) -> QSocketNotifier | None:
    """SIGTERM, SIGHUP and SIGINT close Tend the way its window would: saving first.

    Python only runs signal handlers between bytecodes, which Qt's event loop never
    reaches; the wake-up pipe turns a signal into an event the loop does see.
    """
    if sys.platform == "win32":
        return None
    read_fd, write_fd = os.pipe()
    os.set_blocking(read_fd, False)
    os.set_blocking(write_fd, False)
    signal.set_wakeup_fd(write_fd)
    for number in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(number, lambda *_: None)  # the pipe does the work
    notifier = QSocketNotifier(read_fd, QSocketNotifier.Type.Read, app)

    def on_signal() -> None:
        with contextlib.suppress(BlockingIOError):
            os.read(read_fd, 64)
        session.shutdown()

    notifier.activated.connect(on_signal)
    return notifier
