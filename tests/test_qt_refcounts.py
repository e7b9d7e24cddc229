"""Guard against Qt bindings that leak or drop references to Python's singletons.

PySide6 6.12.0 on Python 3.11 takes a reference off None/True/False on most calls;
a few thousand calls later the interpreter aborts. pyproject.toml keeps it out.
"""

import sys

from PySide6.QtWidgets import QLabel


def test_many_qt_calls_leave_the_singletons_alone(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = [sys.getrefcount(x) for x in (None, True, False)]
    for _ in range(2000):
        label.setVisible(False)
        label.isVisible()
        label.setText("x")
    after = [sys.getrefcount(x) for x in (None, True, False)]
    drift = [abs(a - b) for a, b in zip(after, before, strict=True)]
    assert max(drift) < 50, drift
