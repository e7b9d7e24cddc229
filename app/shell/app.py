"""Start the GUI: the application object, the theme, and the first window."""

from __future__ import annotations

import sys

from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from app import APP_ID, APP_NAME, __version__, resources
from app.config import Config
from app.paths import Paths
from app.shell import crash
from app.shell.session import Session
from app.shell.theme import apply_theme


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName(APP_ID)
    app.setStyle("Fusion")  # follows the light/dark scheme the same way everywhere
    app.setWindowIcon(QIcon(str(resources.path("icons/tend.svg"))))
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
    session = Session(paths, config)
    session.start()
    return app.exec()
