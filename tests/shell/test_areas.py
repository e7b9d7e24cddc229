"""The area contract: every view the registry names keeps it, as the shell relies on."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from app.context import AreaView
from app.shell.areas import AREAS


@pytest.mark.parametrize("spec", AREAS, ids=lambda spec: spec.key)
def test_every_area_builds_a_view_that_keeps_the_contract(qtbot, context, spec):
    view = spec.load_view()(context)
    qtbot.addWidget(view)
    assert isinstance(view, QWidget)
    assert isinstance(view, AreaView)
    view.flush()  # nothing pending: it saves quietly and raises nothing


def test_a_widget_without_the_contract_does_not_pass_for_a_view(qtbot):
    class Bare(QWidget):
        def flush(self) -> None:
            pass  # but no handle_request

    bare = Bare()
    qtbot.addWidget(bare)
    assert not isinstance(bare, AreaView)
