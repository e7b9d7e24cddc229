"""Run the real app offscreen, type into a new Reflect entry, then wait to be signalled.

    python tests/shell/term_driver.py DATA_DIR TEXT     (passphrase in TEND_TEST_PASSPHRASE)

Prints "typed" once the keys are in the editor; the test then sends SIGTERM.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest

from app.config import Config
from app.paths import Paths
from app.shell.app import make_application, quit_on_signals
from app.shell.areas import AREAS
from app.shell.session import Session


def main() -> int:
    data_dir, text = sys.argv[1], sys.argv[2]
    app = make_application()
    session = Session(Paths(Path(data_dir)), Config(), areas=AREAS)
    quit_on_signals(app, session)
    session.start()
    QTest.keyClicks(session.gate.passphrase, os.environ["TEND_TEST_PASSPHRASE"])
    QTest.keyClick(session.gate.passphrase, Qt.Key.Key_Return)

    def when_open() -> None:
        if session.window is None:
            QTimer.singleShot(10, when_open)
            return
        view = session.window.open_area("reflect", new=True)
        QTest.keyClicks(view.editor.body, text)
        print("typed", flush=True)

    QTimer.singleShot(0, when_open)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
