"""Writing breathing sessions to the log, and keeping the ones the vault could not take.

No Qt. A session is written while it runs (when the view is flushed, so locking never
loses what was breathed) and again when it ends, over the same row. When the vault
cannot take an ended session (the disk is full, say), the recorder keeps it and writes
it on a later try; a rating given meanwhile travels with the kept copy.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol

from app.breathe.model import BreathSession
from app.vault import VaultError


class SessionLog(Protocol):
    """The part of BreatheStore the recorder writes through."""

    def add_session(self, session: BreathSession) -> BreathSession: ...

    def update_session(self, session_id: int, session: BreathSession) -> BreathSession: ...

    def set_calm_after(self, session_id: int, rating: int | None) -> None: ...


class SessionRecorder:
    def __init__(self, log: SessionLog) -> None:
        self._log = log
        self.saved_id: int | None = None  # the current session's row, once written
        # Ended sessions waiting to be written: (their row if partly written, record).
        self._waiting: list[tuple[int | None, BreathSession]] = []

    @property
    def waiting(self) -> tuple[BreathSession, ...]:
        """Ended sessions the vault has not taken yet, oldest first."""
        return tuple(record for _, record in self._waiting)

    def begin(self) -> None:
        """A new session: its first write makes a new row."""
        self.saved_id = None

    def save(self, record: BreathSession, *, final: bool) -> bool:
        """Write the current session over any earlier partial record of it.

        False when nothing was breathed yet, so there is nothing to keep. A VaultError
        passes on to say why; an ended (``final``) session is first kept for later.
        """
        if record.actual_ms == 0:
            return False
        try:
            self.saved_id = self._write(self.saved_id, record)
        except VaultError:
            if final:
                self._waiting.append((self.saved_id, record))
            raise
        return True

    def retry(self) -> int:
        """Write the kept sessions, oldest first; returns how many were written.

        On a VaultError the one that failed and those after it stay kept, in order.
        """
        written = 0
        while self._waiting:
            row_id, record = self._waiting[0]
            self._write(row_id, record)
            del self._waiting[0]
            written += 1
        return written

    def rate(self, rating: int | None) -> None:
        """The calm-after rating of the session just saved (None clears it).

        A kept copy of it takes the rating at once, so a later retry carries it even
        when writing the rating itself fails now (the VaultError passes on).
        """
        if self.saved_id is None:
            return
        self._waiting = [
            (row_id, replace(record, calm_after=rating) if row_id == self.saved_id else record)
            for row_id, record in self._waiting
        ]
        self._log.set_calm_after(self.saved_id, rating)

    def _write(self, row_id: int | None, record: BreathSession) -> int:
        if row_id is None:
            saved = self._log.add_session(record)
        else:
            saved = self._log.update_session(row_id, record)
        assert saved.id is not None
        return saved.id
