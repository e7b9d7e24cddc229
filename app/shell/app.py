"""Start the GUI: the application object, the theme, and the first window."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QObject, QSocketNotifier, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from app import APP_ID, APP_NAME, __version__
from app.config import Config
from app.paths import Paths
from app.shell import crash
from app.shell.session import Session
from app.shell.theme import apply_first_theme, apply_theme

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QWidget


def make_application(argv: list[str] | None = None) -> QApplication:
    # Fusion follows the light/dark scheme the same way everywhere. Asked for on the
    # command line, it is the only style made: setStyle() after the fact would make a
    # second one, and cost the first dialog about 10 ms.
    app = QApplication.instance()
    if app is None:
        app = QApplication([*(argv or sys.argv[:1]), "-style", "Fusion"])
    else:
        app.setStyle("Fusion")
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName(APP_ID)
    app.setQuitOnLastWindowClosed(False)  # the session decides: locking is not quitting
    return app


def dress_application(app: QApplication, theme: str) -> None:
    """What the first dialog can be shown without: the window icon, and the theme
    asked of the platform rather than guessed (see apply_first_theme)."""
    from app.widgets.icons import icon

    app.setWindowIcon(icon("tend.svg"))
    apply_theme(app, theme)


class _FirstPaint(QObject):
    """Calls `then` once `widget` has painted (or been hidden) for the first time."""

    def __init__(self, widget: QWidget, then) -> None:
        super().__init__(widget)
        self._then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # QtCore.QEvent is read here, after the dialog is up: its 180-name enum costs.
        # Hidden before it ever painted (unlocked or closed at once): call `then` anyway.
        if event.type() in (QtCore.QEvent.Type.Paint, QtCore.QEvent.Type.Hide):
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)  # after this paint has reached the screen
        return False


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
    apply_first_theme(app, config.theme)
    if already_open(paths):
        return 0
    session = Session(paths, config)
    quit_on_signals(app, session)
    session.start()
    _FirstPaint(session.gate, lambda: dress_application(app, config.theme))
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
