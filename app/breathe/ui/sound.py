"""Optional sound cues for the guide. Off by default; QtMultimedia loads only when on.

With no audio device, or without the system's audio libraries (QtMultimedia needs the
PulseAudio client library to load at all), the guide simply stays silent and the view
shows its hint. Qt's multimedia backend talks
about the libraries it could not find while it looks for devices; those notes are
for developers, so they are kept out of the log during that one look.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QObject, QtMsgType, QUrl, qInstallMessageHandler

from app import resources

NO_DEVICE = "No sound device found, so the guide will stay quiet. The timing is the same."

# Notes the multimedia backend prints while it looks for audio libraries and devices.
_PROBE_CATEGORIES = ("qt.multimedia",)
_PROBE_MESSAGES = ("PulseAudioService:", "PipeWire", "pa_context")


@contextmanager
def _quiet_probe() -> Iterator[None]:
    """Hide the backend's device-search notes; pass every other message on unchanged."""
    previous: Any = None

    def handler(kind: QtMsgType, context: Any, message: str) -> None:
        category = context.category or ""
        probing = category.startswith(_PROBE_CATEGORIES) or message.startswith(_PROBE_MESSAGES)
        if probing and kind in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg, QtMsgType.QtWarningMsg):
            return
        if previous is not None:
            previous(kind, context, message)
        else:  # Qt's own handler was in place: print as it would have
            sys.stderr.write(f"{message}\n")

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


class CuePlayer(QObject):
    """Plays the soft cue files; does nothing at all until enabled on a machine with sound."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._effects: dict[str, Any] = {}
        self.enabled = False
        self.available: bool | None = None  # None until asked

    def enable(self) -> bool:
        """Turn cues on; False (and silence) when no audio output exists."""
        if self.available is None:
            self.available = self._has_output()
        self.enabled = bool(self.available)
        return self.enabled

    def disable(self) -> None:
        self.enabled = False
        for effect in self._effects.values():
            effect.stop()

    def play(self, relative: str) -> None:
        if not self.enabled:
            return
        effect = self._effects.get(relative)
        if effect is None:
            effect = self._load(relative)
            self._effects[relative] = effect
        effect.play()

    @staticmethod
    def _has_output() -> bool:
        with _quiet_probe():
            try:
                from PySide6.QtMultimedia import QMediaDevices
            except ImportError:  # a missing system library: no sound here, as without a device
                return False
            return bool(QMediaDevices.audioOutputs())

    def _load(self, relative: str) -> Any:
        with _quiet_probe():
            from PySide6.QtMultimedia import QSoundEffect

            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(resources.path(relative))))
            effect.setVolume(0.6)
        return effect
