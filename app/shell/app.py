"""Start the GUI: the application object, the theme, and the first window."""

from __future__ import annotations

import sys

from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from app import APP_ID, APP_NAME, __version__, resources
from app.compat import protect_singletons
from app.config import Config
from app.paths import Paths
from app.shell.session import Session
from app.shell.theme import apply_theme


def make_application(argv: list[str] | None = None) -> QApplication:
    protect_singletons()  # see app/compat.py: a PySide6 bug would otherwise abort a long run
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
    paths.ensure_data_dir()
    config = Config.load(paths.config)
    apply_theme(app, config.theme)
    session = Session(paths, config)
    session.start()
    return app.exec()
