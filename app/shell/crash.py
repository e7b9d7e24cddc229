"""Unexpected errors: reported plainly, without any text the user wrote.

An exception's message may quote user input (SQLite does, for one), so only the
exception's type and where it happened are ever printed or shown.
"""

from __future__ import annotations

import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from app import APP_NAME


def describe(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    """The type and the frames (file, line, function), never the message."""
    frames = traceback.extract_tb(tb)
    lines = [f'  File "{f.filename}", line {f.lineno}, in {f.name}' for f in frames]
    return "\n".join(["Traceback (most recent call last):", *lines, exc_type.__qualname__])


def report(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    print(describe(exc_type, tb), file=sys.stderr)
    from app.vault import DamagedVault, PassphraseChanged, VaultError

    if issubclass(exc_type, DamagedVault | PassphraseChanged):
        return  # the session shows one message for these, however many reads fail
    if issubclass(exc_type, VaultError) and QApplication.instance() is not None:
        QMessageBox.warning(None, APP_NAME, str(exc))  # a known condition, said plainly
        return
    if QApplication.instance() is not None:
        QMessageBox.critical(
            None,
            APP_NAME,
            "Something went wrong inside Tend. What you saved is safe in your vault.\n\n"
            f"If it happens again, please report this: {exc_type.__qualname__}.",
        )


def install() -> None:
    sys.excepthook = report
