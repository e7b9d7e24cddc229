"""The coach's learned second opinion (app/practice/learned.py, issue 11)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from app import resources
from app.practice import learned
from app.practice.coach import analyze

TRAINING = Path(__file__).parent / "coach_train"


def _trainer():
    """The trainer, loaded by path (scikit-learn is only imported when it runs)."""
    spec = importlib.util.spec_from_file_location("coach_trainer", TRAINING / "train.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


train = _trainer()


def test_the_shipped_model_was_trained_on_the_sentences_here():
    """Change a training file and forget to retrain, and this fails: run train.py."""
    meta = json.loads(resources.read_text(learned.MODEL))
    assert meta["trained_on"] == train.fingerprint(train.sources())
    assert meta["items"] == len(train.training_items())


def test_the_test_half_is_never_trained_on():
    names = {path.name for path in train.sources()}
    assert "test.toml" not in names
    assert "second.toml" not in names
    assert "third.toml" not in names
    assert "labelled_fresh.toml" not in names
    # Not even a line that happens to say the same. (Only a count is ever shown: the
    # test half's sentences must not be printed where someone tuning could read them.)
    unseen = train.held_out()
    assert train.same_words("Fine.") == train.same_words("fine")
    written = sum(train.same_words(i["text"]) in unseen for i in train.load(train.sources()))
    trained = sum(train.same_words(i["text"]) in unseen for i in train.training_items())
    assert written > 0  # short lines ("k", "Fine.") were written for both, so this has work
    assert trained == 0, f"{trained} training lines say what a held-out line says"
    assert (
        json.loads(resources.read_text(learned.MODEL))["items"]
        == len(train.load(train.sources())) - written
    )


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
        "You never judge me.",  # a rule read it kindly, and the model is not very sure
        "I was wrong to shout, and I'm sorry.",  # goodwill the rules are sure of
    ],
)
def test_it_keeps_quiet_where_it_has_nothing_to_go_on_or_the_rules_have_spoken(text):
    analysis = analyze(text)
    assert not any(f.rule.startswith("learned.") for f in analysis.flags)


class _SureJudge:
    """Stands in for the model: always names `kind`, as sure as it is told to be."""

    def __init__(self, confidence: float) -> None:
        self.confidence = confidence

    def read(self, passage: str) -> learned.Opinion:
        return learned.Opinion("contempt", self.confidence, 0, len(passage))


@pytest.mark.parametrize(
    ("text", "milder"),
    [
        ("Thank you for the flowers, they're lovely.", "goodwill"),
        ("You're on that laptop every single evening.", "a softer note"),
        ("You never judge me.", "a rule's exception"),
    ],
)
def test_a_milder_reading_gives_way_only_to_a_very_sure_model(monkeypatch, text, milder):
    monkeypatch.setattr(learned, "model", lambda: _SureJudge(0.85))
    assert not analyze(text).harsh, milder
    monkeypatch.setattr(learned, "model", lambda: _SureJudge(0.95))
    analysis = analyze(text)
    assert analysis.primary_kind == "contempt", milder
    assert [f.rule for f in analysis.flags] == ["learned.contempt"]  # no note left inside


def test_a_harsh_rule_is_never_second_guessed(monkeypatch):
    monkeypatch.setattr(learned, "model", lambda: _SureJudge(0.99))
    analysis = analyze("You always leave your socks on the floor.")
    assert [f.rule for f in analysis.flags] == ["criticism.you_always"]


@pytest.mark.parametrize(
    "text",
    [
        'My boss said "{said}" in the meeting today.',
        'My boss said:\n"{said}"\nI was shocked.',  # the quote on a line of its own
    ],
)
def test_reported_speech_is_not_judged_for_its_tone(text):
    said = "Sure, because you obviously know everything."
    assert not analyze(text.format(said=said)).harsh


def _cut_weights(meta: dict, weights: bytes) -> tuple[dict, bytes]:
    return meta, weights[:100]


def _short_bias(meta: dict, weights: bytes) -> tuple[dict, bytes]:
    return {**meta, "bias": meta["bias"][:2]}, weights


def _short_vocabulary(meta: dict, weights: bytes) -> tuple[dict, bytes]:
    return {**meta, "known_words": meta["known_words"][:40]}, weights


def _no_gentle(meta: dict, weights: bytes) -> tuple[dict, bytes]:
    return {**meta, "classes": [c.replace("gentle", "kind") for c in meta["classes"]]}, weights


def _not_json(meta: dict, weights: bytes) -> tuple[str, bytes]:
    return "{not json", weights


@pytest.mark.parametrize(
    "damage", [_cut_weights, _short_bias, _short_vocabulary, _no_gentle, _not_json]
)
def test_a_missing_or_damaged_model_leaves_the_rules_working(monkeypatch, damage):
    meta, weights = damage(
        json.loads(resources.read_text(learned.MODEL)), resources.read_bytes(learned.WEIGHTS)
    )
    text = meta if isinstance(meta, str) else json.dumps(meta)
    real_text, real_bytes = resources.read_text, resources.read_bytes
    monkeypatch.setattr(
        resources, "read_text", lambda r: text if r == learned.MODEL else real_text(r)
    )
    monkeypatch.setattr(
        resources, "read_bytes", lambda r: weights if r == learned.WEIGHTS else real_bytes(r)
    )
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
