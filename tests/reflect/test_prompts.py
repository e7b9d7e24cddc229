"""The prompt library, the prompt of the day and templates."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from app.reflect.model import Kind
from app.reflect.prompts import (
    Prompt,
    PromptLibraryError,
    load_library,
    parse_set,
    pick_prompt,
    seen_in_cycle,
    template_for_set,
)

DAY = date(2026, 1, 15)


def test_the_library_has_enough_sets_and_prompts():
    library = load_library()
    assert len(library.sets) >= 8
    assert len(library.prompts) >= 100
    ids = [p.id for p in library.prompts]
    assert len(ids) == len(set(ids))


def test_the_issue_s_themes_are_all_there():
    library = load_library()
    for set_id in (
        "after-conflict",
        "daily-check-in",
        "appreciation",
        "triggers",
        "forgiveness",
        "boundaries",
        "shared-goals",
        "emotional-awareness",
        "setbacks",
    ):
        assert library.get_set(set_id) is not None, set_id


def test_every_set_is_complete_and_speaks_to_you():
    for prompt_set in load_library().sets:
        assert all((prompt_set.title, prompt_set.intro))
        assert isinstance(prompt_set.kind, Kind)
        assert prompt_set.template_prompts
        for prompt in prompt_set.prompts:
            assert prompt.id.startswith(prompt_set.id + "/")
            assert re.fullmatch(r"[a-z0-9-]+/[a-z0-9-]+", prompt.id)
            assert prompt.text.endswith(("?", ".")), prompt.id
            # Second person, warm: each prompt talks to the reader.
            assert re.search(r"\b(you|your|yourself)\b", prompt.text, re.I), prompt.id


def test_the_after_conflict_set_asks_the_inner_awareness_questions():
    texts = " ".join(p.text for p in load_library().get_set("after-conflict").prompts)
    assert "may have hurt" in texts
    assert "fear" in texts
    assert "right" in texts


def test_a_malformed_set_is_a_clear_error():
    with pytest.raises(PromptLibraryError):
        parse_set({"id": "x", "title": "X", "intro": "i", "kind": "nope", "prompt": []}, "x")
    with pytest.raises(PromptLibraryError, match="template"):
        parse_set(
            {
                "id": "x",
                "title": "X",
                "intro": "i",
                "kind": "reflection",
                "prompt": [{"id": "a", "text": "A?"}],
                "template": ["b"],
            },
            "x",
        )


def test_template_lays_out_questions_as_headings():
    prompt_set = load_library().get_set("after-conflict")
    text = template_for_set(prompt_set)
    headings = [line[3:] for line in text.splitlines() if line.startswith("## ")]
    assert headings == [p.text for p in prompt_set.template_prompts]


def _pool(n: int) -> list[Prompt]:
    return [Prompt(f"s/p{i}", "s", f"Question {i}?", Kind.REFLECTION) for i in range(n)]


def test_seen_in_cycle_restarts_once_everything_was_shown():
    pool = ["a", "b", "c"]
    assert seen_in_cycle(["a", "b"], pool) == {"a", "b"}
    assert seen_in_cycle(["a", "b", "c"], pool) == set()
    assert seen_in_cycle(["a", "b", "c", "a"], pool) == {"a"}
    assert seen_in_cycle(["x", "a"], pool) == {"a"}  # ids outside the pool do not count


def test_pick_is_deterministic_for_the_same_inputs():
    pool = _pool(10)
    assert pick_prompt(pool, DAY, ["s/p1"]) == pick_prompt(pool, DAY, ["s/p1"])


def test_nothing_repeats_until_the_pool_is_used_up():
    pool = _pool(7)
    history: list[str] = []
    for n in range(21):
        history.append(pick_prompt(pool, DAY + timedelta(days=n), history).id)
    for start in (0, 7, 14):
        assert sorted(history[start : start + 7]) == sorted(p.id for p in pool)


def test_avoid_changes_the_prompt_even_at_a_fresh_cycle():
    pool = _pool(2)
    history = ["s/p0", "s/p1"]  # used up: a fresh cycle starts
    for n in range(10):
        assert pick_prompt(pool, DAY + timedelta(days=n), history, avoid=["s/p0"]).id == "s/p1"


def test_a_one_prompt_pool_still_answers():
    assert pick_prompt(_pool(1), DAY, ["s/p0"], avoid=["s/p0"]).id == "s/p0"
    with pytest.raises(PromptLibraryError):
        pick_prompt([], DAY, [])
