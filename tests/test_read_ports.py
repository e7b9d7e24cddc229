"""Each area's read port: what happened on each local day, as Progress and Summaries see it."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from app.activity import DayRange
from app.breathe.model import BreathSession
from app.breathe.store import BreatheStore
from app.practice.coach import analyze
from app.practice.model import Attempt, ExerciseKind
from app.practice.store import PracticeStore
from app.reflect.model import Entry, Kind, Setback, SetbackPattern
from app.reflect.store import ReflectStore

JAN = DayRange(date(2026, 1, 1), date(2026, 1, 31))


def test_a_range_refuses_to_run_backwards():
    with pytest.raises(ValueError, match="ends on or after"):
        DayRange(date(2026, 1, 2), date(2026, 1, 1))
    assert DayRange(date(2024, 2, 28), date(2024, 3, 1)).days == 3  # a leap day between


def test_reflect_records_carry_no_words_but_the_setback_they_learned_from(vault, clock):
    store = ReflectStore(vault, clock)
    kept = store.create(
        Entry(date(2026, 1, 10), Kind.SETBACK, body="We both raised our voices.", mood=2,
              closeness=3, feelings=("hurt",), shareable=True,
              setback=Setback(SetbackPattern.CRITICISM, what_i_learned="Pause first.",
                              repaired_on=date(2026, 1, 12), how_repaired="A walk and a hug."))
    )  # fmt: skip
    store.create(Entry(date(2026, 1, 3), Kind.GRATITUDE, body="Soup when I was ill."))
    store.create(Entry(date(2026, 2, 1), Kind.REFLECTION, body="Outside the range."))

    records = store.records(JAN)
    assert [(r.day, r.kind) for r in records] == [
        (date(2026, 1, 3), "gratitude"),
        (date(2026, 1, 10), "setback"),
    ]
    setback = records[1]
    assert (setback.entry_id, setback.mood, setback.closeness) == (kept.id, 2, 3)
    assert setback.shareable
    assert setback.feelings == ("hurt",)
    assert setback.setback.pattern == "criticism"
    assert setback.setback.what_i_learned == "Pause first."
    assert setback.setback.repaired_on == date(2026, 1, 12)
    assert records[0].setback is None
    assert not hasattr(setback, "body")


def test_reflect_texts_are_read_only_for_the_ids_asked(vault, clock):
    store = ReflectStore(vault, clock)
    ids = [
        store.create(Entry(date(2026, 1, day), body=f"Line {day}\nmore", tags=("walks",))).id
        for day in (5, 2, 9)
    ]
    texts = store.texts([ids[0], ids[2], 999_999])
    assert [t.day.day for t in texts] == [5, 9]
    assert texts[0].title == "Line 5"
    assert texts[0].body == "Line 5\nmore"
    assert texts[0].tags == ("walks",)


def test_practice_records_name_each_pattern_once_on_the_local_day(vault):
    store = PracticeStore(vault)
    late_evening = datetime(2026, 1, 20, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
    harsh = "You never listen, you always ignore me and you're so selfish."
    saved = store.save_attempt(
        Attempt(ExerciseKind.REWRITE, harsh, late_evening, analysis=analyze(harsh).to_dict())
    )
    gentle = "When the dishes pile up I feel tired, because I need help. Would you wash tonight?"
    store.save_attempt(
        Attempt(ExerciseKind.STARTUP, gentle, late_evening + timedelta(hours=1),
                analysis=analyze(gentle).to_dict())
    )  # fmt: skip

    first, second = store.records(JAN)
    # 23:30 at UTC-5 is the next morning in UTC; the person lived it on the 20th.
    assert first.day == date(2026, 1, 20)
    assert first.attempt_id == saved.id
    assert first.harsh
    assert "criticism" in first.patterns
    assert len(first.patterns) == len(set(first.patterns))
    assert second.day == date(2026, 1, 21)
    assert not second.harsh
    assert second.patterns == ()
    assert not first.shareable

    store.set_shareable(saved.id, True)
    store.set_starred(saved.id, True)
    again = store.records(JAN)[0]
    assert again.shareable
    assert again.starred
    assert store.attempt(saved.id).shareable


def test_practice_drafts_round_trip_and_forget(vault):
    store = PracticeStore(vault)
    store.save_drafts({"startup": {"noticed": "the sink"}, "rewrite": {"text": "hm"}})
    store.save_drafts({"rewrite": None})
    assert store.drafts() == {"startup": {"noticed": "the sink"}}


def test_breathe_records_by_day(vault):
    store = BreatheStore(vault)
    start = datetime(2026, 1, 8, 7, 0).astimezone()
    store.add_session(
        BreathSession(pattern_id="box", pattern_name="Box", started_at=start, planned_ms=60_000,
                      actual_ms=61_500, finished=True, calm_before=2, calm_after=4)
    )  # fmt: skip
    (record,) = store.records(JAN)
    assert record.day == date(2026, 1, 8)
    assert record.seconds == pytest.approx(61.5)
    assert (record.finished, record.calm_before, record.calm_after) == (True, 2, 4)
    assert store.records(DayRange(date(2026, 2, 1), date(2026, 2, 2))) == []
