"""The Breathe store against a real encrypted vault."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from app.breathe.model import BreathSession, Timings, preset, presets
from app.breathe.store import BreatheStore, NameTaken, UnknownPattern, UnknownSession
from app.validation import Invalid
from app.vault import Vault
from tests.conftest import PASSPHRASE

EVENING = Timings(40, 0, 65, 20)


@pytest.fixture
def store(vault) -> BreatheStore:
    return BreatheStore(vault)


def a_session(start: datetime, **changes) -> BreathSession:
    values = {
        "pattern_id": "box",
        "pattern_name": "Box breathing",
        "started_at": start,
        "planned_ms": 64_000,
        "actual_ms": 64_000,
        "finished": True,
    }
    values.update(changes)
    return BreathSession(**values)


# -- patterns ----------------------------------------------------------------------


def test_custom_patterns_are_saved_and_listed_after_the_presets(store):
    saved = store.add_pattern("  Evening  ", EVENING)
    second = store.add_pattern("after work", Timings(50, 10, 50, 10))
    assert saved.id.startswith("custom:")
    assert saved.name == "Evening"
    assert store.pattern(saved.id) == saved
    assert store.custom_patterns() == [second, saved]  # by name, ignoring case
    assert [p.id for p in store.all_patterns()] == [
        *(p.id for p in presets()),
        second.id,
        saved.id,
    ]


def test_as_many_patterns_as_you_like(store):
    for n in range(50):
        store.add_pattern(f"Pattern {n}", Timings(10 + n, n, 20 + n, 0))
    assert len(store.custom_patterns()) == 50


def test_a_saved_pattern_survives_locking_and_unlocking(paths, vault):
    saved = BreatheStore(vault).add_pattern("Evening", EVENING)
    vault.close()
    with Vault.open(paths.vault, PASSPHRASE) as reopened:
        again = BreatheStore(reopened).pattern(saved.id)
    assert again == saved
    assert again.timings == EVENING


def test_names_are_unique_ignoring_case(store):
    store.add_pattern("Evening", EVENING)
    with pytest.raises(NameTaken) as caught:
        store.add_pattern("evening", EVENING)
    assert "Evening" not in str(caught.value).replace("evening", "")
    assert caught.value.field == "name"  # the form shows it at the name
    assert len(store.custom_patterns()) == 1


def test_rename_update_and_delete(store):
    saved = store.add_pattern("Evening", EVENING)
    other = store.add_pattern("Morning", EVENING)
    renamed = store.rename_pattern(saved.id, "Night")
    assert renamed.id == saved.id
    assert store.pattern(saved.id).name == "Night"
    store.rename_pattern(saved.id, "night")  # only the case changes: allowed
    with pytest.raises(NameTaken):
        store.rename_pattern(saved.id, "MORNING")
    changed = store.update_pattern(saved.id, "Night", Timings(30, 0, 60, 0))
    assert store.pattern(saved.id).timings == Timings(30, 0, 60, 0) == changed.timings
    store.delete_pattern(saved.id)
    with pytest.raises(UnknownPattern):
        store.pattern(saved.id)
    assert store.custom_patterns() == [other]


def test_presets_cannot_be_changed_and_unknown_ids_are_named(store):
    assert store.pattern("box") == preset("box")
    for action in (
        lambda: store.rename_pattern("box", "Square"),
        lambda: store.delete_pattern("box"),
        lambda: store.delete_pattern("custom:99"),
        lambda: store.update_pattern("custom:99", "x", EVENING),
        lambda: store.pattern("custom:99"),
        lambda: store.pattern("nothing"),
    ):
        with pytest.raises(UnknownPattern):
            action()


def test_a_blank_name_is_refused(store):
    with pytest.raises(Invalid, match="name") as caught:
        store.add_pattern("   ", EVENING)
    assert caught.value.field == "name"


# -- sessions ----------------------------------------------------------------------


def test_a_session_is_saved_with_everything_the_view_shows(store, clock):
    start = clock.now()
    saved = store.add_session(
        a_session(start, actual_ms=30_500, finished=False, calm_before=2, calm_after=None)
    )
    assert saved.id is not None
    assert saved == a_session(
        start, actual_ms=30_500, finished=False, calm_before=2, calm_after=None, id=saved.id
    )
    store.set_calm_after(saved.id, 4)
    assert store.session(saved.id).calm_after == 4
    store.set_calm_after(saved.id, None)
    assert store.session(saved.id).calm_after is None


def test_a_session_in_progress_is_rewritten_in_place(store, clock):
    start = clock.now()
    partial = store.add_session(a_session(start, actual_ms=20_000, finished=False))
    final = store.update_session(partial.id, a_session(start, calm_before=3))
    assert final == a_session(start, calm_before=3, id=partial.id)
    assert store.recent_sessions() == [final]
    with pytest.raises(UnknownSession, match="999"):
        store.update_session(999, a_session(start))


def test_calm_ratings_stay_between_one_and_five(store, clock):
    saved = store.add_session(a_session(clock.now()))
    with pytest.raises(ValueError, match="1 to 5"):
        store.set_calm_after(saved.id, 0)
    with pytest.raises(UnknownSession):
        store.set_calm_after(saved.id + 1, 3)


def test_history_is_newest_first_with_a_limit(store, clock):
    ids = []
    for n in range(5):
        ids.append(store.add_session(a_session(clock.now(), actual_ms=1000 * (n + 1))).id)
        clock.advance(3600)
    history = store.recent_sessions(limit=3)
    assert [s.id for s in history] == ids[::-1][:3]
    assert store.recent_sessions(limit=0) == []


def test_history_orders_by_real_time_across_time_zones(store):
    # 09:00 in Paris is earlier than 09:30 in London.
    paris = datetime(2026, 3, 1, 9, 0, tzinfo=timezone(timedelta(hours=1)))
    london = datetime(2026, 3, 1, 8, 30, tzinfo=UTC)
    first = store.add_session(a_session(london))
    second = store.add_session(a_session(paris))
    assert [s.id for s in store.recent_sessions()] == [first.id, second.id]
    assert store.session(second.id).started_at == paris


def test_totals_and_daily_minutes(store):
    def on(day: int, hour: int = 9) -> datetime:
        return datetime(2026, 2, day, hour, 0).astimezone()

    store.add_session(a_session(on(1), actual_ms=60_000))
    store.add_session(a_session(on(1, 20), actual_ms=30_000, finished=False))
    store.add_session(a_session(on(3), actual_ms=120_000))
    store.add_session(a_session(on(10), actual_ms=600_000))
    everything = store.totals()
    assert (everything.sessions, everything.finished, everything.seconds) == (4, 3, 810)
    assert everything.minutes == 13.5
    early = store.totals(date(2026, 2, 1), date(2026, 2, 3))
    assert (early.sessions, early.seconds) == (3, 210)
    assert store.totals(first=date(2026, 2, 4)).seconds == 600
    assert store.seconds_by_day(date(2026, 2, 1), date(2026, 2, 9)) == {
        date(2026, 2, 1): 90,
        date(2026, 2, 3): 120,
    }


def test_an_empty_history_has_zero_totals(store):
    totals = store.totals()
    assert (totals.sessions, totals.finished, totals.seconds) == (0, 0, 0)
    assert store.seconds_by_day(date(2026, 1, 1), date(2026, 12, 31)) == {}


def test_sessions_with_a_deleted_pattern_keep_their_name(store, clock):
    pattern = store.add_pattern("Evening", EVENING)
    saved = store.add_session(a_session(clock.now(), pattern_id=pattern.id, pattern_name="Evening"))
    store.delete_pattern(pattern.id)
    assert store.session(saved.id).pattern_name == "Evening"
    store.delete_session(saved.id)
    assert store.recent_sessions() == []
    with pytest.raises(UnknownSession):
        store.delete_session(saved.id)


def test_a_session_needs_a_time_zone():
    with pytest.raises(ValueError, match="time zone"):
        a_session(datetime(2026, 1, 1, 9, 0))
