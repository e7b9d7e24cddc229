"""The coach's learned second opinion (app/practice/learned.py, issue 11)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from app import resources
from app.practice import learned
from app.practice.coach import analyze

TRAINING = Path(__file__).parent / "coach_train"
sys.path.insert(0, str(TRAINING))
import train  # noqa: E402  (the trainer; scikit-learn is only imported when it runs)


def test_the_shipped_model_was_trained_on_the_sentences_here():
    """Change a training file and forget to retrain, and this fails: run train.py."""
    meta = json.loads(resources.read_text(learned.MODEL))
    assert meta["trained_on"] == train.fingerprint(train.sources())
    assert meta["items"] == len(train.training_items())


def test_the_test_half_is_never_trained_on():
    names = {path.name for path in train.sources()}
    assert "test.toml" not in names
    assert "second.toml" not in names
    assert "labelled_fresh.toml" not in names
    # Not even a line that happens to say the same. (Only a count is ever shown: the
    # test half's sentences must not be printed where someone tuning could read them.)
    unseen = train.held_out()
    same = sum(item["text"].casefold().strip() in unseen for item in train.training_items())
    assert same == 0, f"{same} training lines say what a test line says"


def test_the_training_sets_are_well_formed():
    import tomllib

    for path in sorted(TRAINING.glob("*.toml")):
        for item in tomllib.loads(path.read_text("utf-8"))["item"]:
            assert item["label"] in ("harsh", "gentle"), item
            assert (item["label"] == "harsh") == bool(item["kind"]), item
            assert item["text"].strip(), item


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Sure, because you obviously know everything.", "contempt"),
        ("I am not talking about this anymore, goodnight.", "stonewalling"),
    ],
)
def test_what_no_rule_covers_is_heard_and_explained_by_its_words(text, kind):
    analysis = analyze(text)
    flag = analysis.harsh_flags[0]
    assert (flag.kind, flag.rule) == (kind, f"learned.{kind}")
    assert text[flag.start : flag.end] == flag.excerpt
    assert len(flag.excerpt.split()) >= 2  # words, not the whole text or a mark
    assert flag.why
    assert flag.suggestion
    assert analysis.score < 50


@pytest.mark.parametrize(
    "text",
    [
        "hello",  # too short to judge: the rules' alone
        "Dinner is ready.",
        "Ты сегодня очень устал, давай отдохнём вместе.",  # not words it learned
        "You never judge me.",  # a rule read it kindly; the model does not overrule it
        "I was wrong to shout, and I'm sorry.",  # goodwill the rules are sure of
    ],
)
def test_it_keeps_quiet_where_it_has_nothing_to_go_on_or_the_rules_have_spoken(text):
    analysis = analyze(text)
    assert not any(f.rule.startswith("learned.") for f in analysis.flags)


def test_reported_speech_is_not_judged_for_its_tone():
    said = "Sure, because you obviously know everything."
    analysis = analyze(f'My boss said "{said}" in the meeting today.')
    assert not analysis.harsh


def test_a_missing_or_damaged_model_leaves_the_rules_working(monkeypatch):
    real = resources.read_bytes

    def damaged(relative: str) -> bytes:
        return real(relative)[:100] if relative == learned.WEIGHTS else real(relative)

    monkeypatch.setattr(resources, "read_bytes", damaged)
    learned.model.cache_clear()
    try:
        assert learned.model() is None
        assert analyze("You never listen.").harsh  # a rule
        assert not analyze("Sure, because you obviously know everything.").harsh
    finally:
        monkeypatch.undo()
        learned.model.cache_clear()
    assert learned.model() is not None


def test_a_long_text_is_read_a_passage_at_a_time():
    kind_lines = " ".join(["We had a lovely walk by the river this morning."] * 40)
    text = kind_lines + "\nSure, because you obviously know everything."
    flag = analyze(text).harsh_flags[0]
    assert flag.rule == "learned.contempt"
    assert flag.start > len(kind_lines)
