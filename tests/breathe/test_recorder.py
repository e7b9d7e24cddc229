"""The session recorder, without any widget: writing as it goes, keeping what the vault
could not take, and writing it later in order, ratings included."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.breathe.model import BreathSession
from app.breathe.recorder import SessionRecorder
from app.breathe.store import BreatheStore
from app.vault import DiskFull

START = datetime(2026, 3, 2, 7, 30, tzinfo=UTC)


class FillingStore(BreatheStore):
    """The real store, on a disk that can be made full."""

    full = False
    room: int | None = None  # writes that still fit, when counted

    def add_session(self, session):
        self._check()
        return super().add_session(session)

    def update_session(self, session_id, session):
        self._check()
        return super().update_session(session_id, session)

    def set_calm_after(self, session_id, rating):
        self._check()
        return super().set_calm_after(session_id, rating)

    def _check(self):
        if self.full or self.room == 0:
            raise DiskFull()
        if self.room is not None:
            self.room -= 1


def breathed(seconds: float, *, minutes_later: int = 0, finished: bool = False) -> BreathSession:
    return BreathSession(
        pattern_id="box",
        pattern_name="Box breathing",
        started_at=START + timedelta(minutes=minutes_later),
        planned_ms=64_000,
        actual_ms=round(seconds * 1000),
        finished=finished,
        calm_before=2,
    )


@pytest.fixture
def store(vault) -> FillingStore:
    return FillingStore(vault)


@pytest.fixture
def recorder(store) -> SessionRecorder:
    return SessionRecorder(store)


def test_a_session_is_written_as_it_goes_and_the_end_replaces_it(recorder, store):
    recorder.begin()
    assert recorder.save(breathed(20), final=False)
    first = recorder.saved_id
    assert recorder.save(breathed(64, finished=True), final=True)
    assert recorder.saved_id == first
    [saved] = store.recent_sessions()
    assert (saved.id, saved.actual_ms, saved.finished) == (first, 64_000, True)
    # The next session gets a row of its own.
    recorder.begin()
    recorder.save(breathed(10, minutes_later=5), final=True)
    assert recorder.saved_id != first
    assert len(store.recent_sessions()) == 2


def test_nothing_breathed_is_nothing_to_keep(recorder, store):
    recorder.begin()
    assert not recorder.save(breathed(0), final=True)
    assert recorder.saved_id is None
    assert store.recent_sessions() == []
    assert recorder.waiting == ()


def test_an_ended_session_the_vault_cannot_take_is_kept_and_written_later(recorder, store):
    store.full = True
    recorder.begin()
    with pytest.raises(DiskFull):
        recorder.save(breathed(20), final=True)
    assert recorder.waiting == (breathed(20),)
    with pytest.raises(DiskFull):  # still full: still kept
        recorder.retry()
    assert recorder.waiting == (breathed(20),)
    assert store.recent_sessions() == []

    store.full = False
    assert recorder.retry() == 1
    assert recorder.waiting == ()
    [saved] = store.recent_sessions()
    assert (saved.actual_ms, saved.finished, saved.calm_before) == (20_000, False, 2)
    assert recorder.retry() == 0  # nothing left


def test_a_running_session_that_cannot_be_written_is_not_kept_twice(recorder, store):
    """While it runs the session itself holds the breathing; its end is written again."""
    recorder.begin()
    store.full = True
    with pytest.raises(DiskFull):
        recorder.save(breathed(20), final=False)
    assert recorder.waiting == ()
    store.full = False
    recorder.save(breathed(64, finished=True), final=True)
    [saved] = store.recent_sessions()
    assert saved.actual_ms == 64_000


def test_kept_sessions_are_written_in_order_and_a_failure_keeps_the_rest(recorder, store):
    store.full = True
    for minutes in (0, 10):
        recorder.begin()
        with pytest.raises(DiskFull):
            recorder.save(breathed(30 + minutes, minutes_later=minutes), final=True)
    assert [r.actual_ms for r in recorder.waiting] == [30_000, 40_000]

    store.full = False
    store.room = 1  # the disk fills again after one more write
    with pytest.raises(DiskFull):
        recorder.retry()
    assert [s.actual_ms for s in store.recent_sessions()] == [30_000]  # the older first
    assert [r.actual_ms for r in recorder.waiting] == [40_000]
    store.room = None
    assert recorder.retry() == 1
    assert [s.actual_ms for s in store.recent_sessions()] == [40_000, 30_000]


def test_a_rating_travels_with_a_kept_copy(recorder, store):
    recorder.begin()
    recorder.save(breathed(20), final=False)  # flushed while running: a row exists
    row = recorder.saved_id
    store.full = True
    with pytest.raises(DiskFull):
        recorder.save(breathed(64, finished=True), final=True)
    with pytest.raises(DiskFull):  # the rating cannot be written now either
        recorder.rate(4)
    assert recorder.waiting[0].calm_after == 4

    store.full = False
    recorder.retry()
    [saved] = store.recent_sessions()
    assert (saved.id, saved.actual_ms, saved.finished) == (row, 64_000, True)
    assert (saved.calm_before, saved.calm_after) == (2, 4)


def test_a_rating_is_written_to_the_session_just_saved(recorder, store):
    recorder.begin()
    recorder.save(breathed(64, finished=True), final=True)
    recorder.rate(5)
    assert store.recent_sessions()[0].calm_after == 5
    recorder.rate(None)  # tapped again: cleared
    assert store.recent_sessions()[0].calm_after is None


def test_with_nothing_saved_a_rating_has_nowhere_to_go(recorder, store):
    recorder.begin()
    recorder.rate(3)
    assert store.recent_sessions() == []
