"""A long run of Qt calls must not wear away None, True or False (see app/compat.py)."""

import sys

from PySide6.QtWidgets import QLabel


def test_many_qt_calls_leave_none_and_bools_alive(qapp):
    label = QLabel()
    before = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    for i in range(20_000):  # more than CPython 3.11 starts with
        label.setVisible(bool(i % 2))
        label.setText("")
    after = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    assert all(count > 100_000 for count in after), (before, after)
