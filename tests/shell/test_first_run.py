"""The first start: three short screens after the vault is made, once, and again on request."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton

from app.config import Config
from app.shell.areas import AREAS
from app.shell.first_run import INTRODUCED, FirstRunDialog
from app.shell.session import Session
from app.vault import Settings
from app.widgets.tasks import ImmediateTaskRunner
from tests.shell.test_session import unlock, wait_for_window

PASSPHRASE = "tea by the window at dusk"


@pytest.fixture
def session(qtbot, paths, clock):
    paths.ensure_data_dir()
    made = Session(paths, Config(), clock=clock, tasks=ImmediateTaskRunner(), areas=AREAS)
    yield made
    made.lock()
    if made.gate is not None:
        made.gate.close()
        made.gate.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def create(qtbot, session):
    session.start()
    gate = session.gate
    qtbot.keyClicks(gate.passphrase, PASSPHRASE)
    qtbot.keyClicks(gate.confirm, PASSPHRASE)
    qtbot.keyClick(gate.confirm, Qt.Key.Key_Return)
    wait_for_window(qtbot, session)
    qtbot.waitUntil(lambda: isinstance(getattr(session, "introduction", None), FirstRunDialog))
    return session.introduction


def test_a_new_vault_is_introduced_in_three_steps_by_keyboard(qtbot, session):
    intro = create(qtbot, session)
    qtbot.waitUntil(intro.isVisible)
    intro.activateWindow()
    qtbot.waitUntil(intro.isActiveWindow)

    def press_return() -> None:  # where a person's key goes: the focused widget
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    assert intro.step.text() == "Step 1 of 3"
    assert not intro.back.isEnabled()
    press_return()
    assert intro.step.text() == "Step 2 of 3"
    assert "never uses the internet" in intro.accessibleDescription()
    press_return()
    assert intro.step.text() == "Step 3 of 3"
    assert intro.next.text() == "&Done"
    press_return()
    qtbot.waitUntil(lambda: not intro.isVisible())
    assert Settings(session.vault).read(INTRODUCED) is True


def test_a_first_step_opens_its_area(qtbot, session):
    intro = create(qtbot, session)
    intro.next.click()
    intro.next.click()
    calm = next(b for b in intro.findChildren(QPushButton) if b.text() == "Take one calm minute")
    calm.click()
    qtbot.waitUntil(lambda: session.window.current_key() == "breathe")
    assert Settings(session.vault).read(INTRODUCED) is True


def test_skipped_once_it_does_not_return_until_asked_from_about(qtbot, session):
    intro = create(qtbot, session)
    intro.skip.click()
    qtbot.waitUntil(lambda: Settings(session.vault).read(INTRODUCED) is True)
    session.lock()
    unlock(qtbot, session, PASSPHRASE)
    wait_for_window(qtbot, session)
    session.introduce()
    assert not any(
        isinstance(w, FirstRunDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
    )
    session.open_about()
    about = next(w for w in QApplication.topLevelWidgets() if w.windowTitle() == "About Tend")
    buttons = about.findChild(QDialogButtonBox)
    again = next(b for b in buttons.buttons() if "introduction" in b.text())
    again.click()
    qtbot.waitUntil(lambda: session.introduction.isVisible())
    assert session.introduction.step.text() == "Step 1 of 3"
