"""Run the real app offscreen, type into a new Reflect entry, report when autosave wrote.

    python tests/reflect/kill_driver.py DATA_DIR TEXT     (passphrase in TEND_TEST_PASSPHRASE)

Prints "ready" once the window is open, "typed" after the keys, and "saved" when the
editor's autosave (the timer, not a flush) has committed to the vault. The test
then kills this process with SIGKILL and reopens the vault itself.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from app.config import Config  # noqa: E402
from app.paths import Paths  # noqa: E402
from app.shell.app import make_application  # noqa: E402
from app.shell.areas import AREAS  # noqa: E402
from app.shell.session import Session  # noqa: E402


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main() -> int:
    data_dir, text = sys.argv[1], sys.argv[2]
    app = make_application()
    session = Session(Paths(Path(data_dir)), Config(), areas=AREAS)
    session.start()
    QTest.keyClicks(session.gate.passphrase, os.environ["TEND_TEST_PASSPHRASE"])
    QTest.keyClick(session.gate.passphrase, Qt.Key.Key_Return)

    def when_open() -> None:
        if session.window is None:
            QTimer.singleShot(10, when_open)
            return
        say("ready")
        view = session.window.open_area("reflect", new=True)
        view.editor.saved.connect(lambda _entry, _moved: say("saved"))
        QTest.keyClicks(view.editor.body, text)
        say("typed")

    QTimer.singleShot(0, when_open)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
