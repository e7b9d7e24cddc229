"""Saved attempts and favourite phrases, against a real encrypted vault."""

from __future__ import annotations

from datetime import timedelta

from app.practice.coach import Analysis, analyze
from app.practice.model import Attempt, ExerciseKind
from app.practice.store import PracticeStore
from app.vault import Vault
from tests.conftest import PASSPHRASE


def _attempt(clock, text: str, exercise=ExerciseKind.REWRITE, scenario_id="chores-dishes"):
    return Attempt(exercise, text, clock.now(), scenario_id, analyze(text).to_dict())


def test_save_and_reopen_an_attempt_with_its_analysis(vault, clock):
    store = PracticeStore(vault)
    saved = store.save_attempt(_attempt(clock, "You never listen. Can we start over?"))
    assert saved.id is not None
    again = store.attempt(saved.id)
    assert again == saved
    analysis = Analysis.from_dict(again.analysis)
    assert analysis.primary_kind == "criticism"
    assert "repair" in analysis.strength_kinds


def test_history_is_newest_first_and_filterable(vault, clock):
    store = PracticeStore(vault)
    first = store.save_attempt(_attempt(clock, "first"))
    clock.advance(60)
    second = store.save_attempt(_attempt(clock, "second", ExerciseKind.INSIGHT, None))
    clock.advance(60)
    third = store.save_attempt(_attempt(clock, "third"))
    assert [a.id for a in store.history()] == [third.id, second.id, first.id]
    assert [a.id for a in store.history(exercise=ExerciseKind.REWRITE)] == [third.id, first.id]
    assert [a.id for a in store.history(limit=1)] == [third.id]


def test_history_orders_by_moment_across_time_zone_changes(vault, clock):
    store = PracticeStore(vault)
    earlier = clock.now()
    later_elsewhere = (earlier + timedelta(minutes=5)).astimezone(
        __import__("datetime").timezone(timedelta(hours=-10))
    )
    a = store.save_attempt(Attempt(ExerciseKind.STARTUP, "a", earlier))
    b = store.save_attempt(Attempt(ExerciseKind.STARTUP, "b", later_elsewhere))
    assert [x.id for x in store.history()] == [b.id, a.id]
    assert store.attempt(b.id).created_at == later_elsewhere


def test_delete_an_attempt(vault, clock):
    store = PracticeStore(vault)
    keep = store.save_attempt(_attempt(clock, "keep"))
    drop = store.save_attempt(_attempt(clock, "drop"))
    assert store.delete_attempt(drop.id)
    assert not store.delete_attempt(drop.id)
    assert store.attempt(drop.id) is None
    assert [a.id for a in store.history()] == [keep.id]


def test_attempts_survive_locking_and_other_scripts(vault, clock, paths):
    store = PracticeStore(vault)
    text = "Ты никогда меня не слушаешь 😢 — 你好"
    saved = store.save_attempt(_attempt(clock, text))
    vault.close()
    with Vault.open(paths.vault, PASSPHRASE) as reopened:
        again = PracticeStore(reopened).attempt(saved.id)
    assert again.text == text
    assert again.analysis["text"] == text


def test_the_text_is_not_in_the_file_in_plain(vault, clock, paths):
    PracticeStore(vault).save_attempt(_attempt(clock, "a very private sentence about Sam"))
    vault.close()
    assert b"private sentence" not in paths.vault.read_bytes()


def test_star_and_unstar_repair_phrases(vault, clock):
    store = PracticeStore(vault)
    store.star("calm_down.1", clock.now())
    clock.advance(5)
    store.star("appreciate.2", clock.now())
    store.star("calm_down.1", clock.now())  # starring twice keeps the first moment
    assert store.favourites() == ["appreciate.2", "calm_down.1"]
    assert store.is_starred("calm_down.1")
    store.unstar("calm_down.1")
    store.unstar("calm_down.1")
    assert store.favourites() == ["appreciate.2"]
    assert not store.is_starred("calm_down.1")


def test_summaries_list_every_attempt_newest_first_without_loading_the_notes(vault, clock):
    store = PracticeStore(vault)
    long_text = "I felt alone with the dishes. " * 400
    first = store.save_attempt(
        Attempt(ExerciseKind.REWRITE, long_text, clock.now(), analysis={"score": 72})
    )
    clock.advance(60)
    second = store.save_attempt(Attempt(ExerciseKind.INSIGHT, "When I rush, I snap.", clock.now()))
    summaries = store.summaries(preview_chars=50)
    assert [s.id for s in summaries] == [second.id, first.id]
    assert summaries[1].preview == long_text[:50]
    assert summaries[1].score == 72
    assert summaries[0].score is None
    assert summaries[1].exercise == ExerciseKind.REWRITE
    assert summaries[1].created_at == first.created_at
