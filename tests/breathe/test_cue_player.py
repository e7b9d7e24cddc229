"""Sound cues on a machine that cannot play sound: silence and a hint, never an error."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import Qt

from app.breathe.model import END_SOUND
from app.breathe.ui.sound import NO_DEVICE, CuePlayer
from app.breathe.ui.view import BreatheView


@pytest.fixture
def no_audio_libraries(monkeypatch):
    """As on a machine without the PulseAudio client library: QtMultimedia cannot load."""
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)


def test_missing_audio_libraries_mean_no_sound(qtbot, no_audio_libraries):
    player = CuePlayer()
    assert player.enable() is False
    assert player.available is False
    assert not player.enabled
    player.play(END_SOUND)  # stays silent, and says nothing
    assert player.enable() is False  # asked once; the answer holds


def test_the_view_shows_the_hint_when_audio_libraries_are_missing(
    qtbot, context, no_audio_libraries
):
    view = BreatheView(context)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    view.setup.sound.setFocus()
    qtbot.keyClick(view.setup.sound, Qt.Key.Key_Space)
    assert view.setup.sound.isChecked()
    assert view.setup.sound_hint.isVisible()
    assert view.setup.sound_hint.text() == NO_DEVICE
    assert view.start()  # the session runs silently, as without a device
    assert view.active
