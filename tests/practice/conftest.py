"""A Practise view on a real encrypted vault, shown and active so shortcuts work."""

from __future__ import annotations

import pytest


@pytest.fixture
def make_view(qtbot, context):
    """Build (or rebuild) the view, as the shell does after unlocking."""
    from app.practice.ui.view import PracticeView

    def make() -> PracticeView:
        view = PracticeView(context)
        qtbot.addWidget(view)
        view.resize(1000, 760)
        view.show()
        view.activateWindow()
        qtbot.waitUntil(view.isActiveWindow)  # shortcuts need an active window
        return view

    return make


@pytest.fixture
def view(make_view):
    return make_view()
