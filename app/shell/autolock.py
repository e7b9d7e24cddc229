"""Lock after a spell of no keyboard or mouse activity, measured on an injected clock."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from app.clock import Clock
from app.vault.settings import Setting

# Minutes of no keyboard or mouse before Tend locks itself; 0 means never.
AUTOLOCK_MINUTES = Setting("autolock_minutes", 5)

_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.InputMethod,
    }
)


class AutoLock(QObject):
    """Emits `timed_out` once the person has been idle for `minutes` (0 means never)."""

    timed_out = Signal()

    def __init__(self, clock: Clock, poll_ms: int = 15_000, parent: QObject | None = None):
        super().__init__(parent)
        self._clock = clock
        self._minutes = AUTOLOCK_MINUTES.default
        self._last_activity = clock.monotonic()
        self._holders: set[int] = set()
        # A slow poll costs nothing noticeable and cannot drift: it reads the clock.
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self._check)

    @property
    def minutes(self) -> int:
        return self._minutes

    def set_minutes(self, minutes: int) -> None:
        self._minutes = max(0, int(minutes))

    def hold(self, holder: object, on: bool) -> None:
        """While someone holds it (a breathing session on screen), idling is not idleness.

        Releasing the last hold starts the idle count afresh.
        """
        key = id(holder)
        if on:
            self._holders.add(key)
        elif key in self._holders:
            self._holders.discard(key)
            if not self._holders:
                self._last_activity = self._clock.monotonic()

    def start(self) -> None:
        self._holders.clear()  # holds belonged to views of an earlier unlock
        self._last_activity = self._clock.monotonic()
        QApplication.instance().installEventFilter(self)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self._last_activity = self._clock.monotonic()
        return False

    def _check(self) -> None:
        if not self._minutes or self._holders:
            return
        if self._clock.monotonic() - self._last_activity >= self._minutes * 60:
            self.stop()
            self.timed_out.emit()


class LockKey(QObject):
    """Ctrl+L locks from anywhere, even while a modal dialog blocks the window's shortcuts."""

    pressed = Signal()
    SEQUENCE = QKeySequence("Ctrl+L")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and not event.isAutoRepeat()
            and QKeySequence(event.keyCombination()) == self.SEQUENCE
        ):
            self.pressed.emit()
            return True
        return False
