"""Practise content and sentence assembly."""

from __future__ import annotations

import pytest

from app.practice import model
from app.practice.checks import check_apology
from app.practice.coach import analyze
from app.shared import phrases

REQUIRED_THEMES = {
    "chores", "phones", "money", "family", "time", "intimacy", "lateness",
    "parenting", "unheard", "jealousy", "apologising", "after_fight",
}  # fmt: skip


def test_there_are_enough_scenarios_across_every_theme():
    scenarios = model.scenarios()
    assert len(scenarios) >= 30
    assert len({s.id for s in scenarios}) == len(scenarios)
    assert set(model.themes()) == REQUIRED_THEMES
    for theme in REQUIRED_THEMES:
        assert len(model.scenarios_by_theme(theme)) >= 2, theme
    for s in scenarios:
        assert all([s.title, s.situation, s.harsh_line, s.partner_words, s.kinder_example])


def test_each_scenario_pairs_a_harsh_line_with_a_kind_one():
    for s in model.scenarios():
        assert analyze(s.harsh_line).harsh, s.id
        kinder = analyze(s.kinder_example)
        assert not kinder.harsh, s.id
        assert kinder.score >= 80, s.id


def test_scenario_lookup():
    assert model.scenario("chores-dishes").theme == "chores"
    with pytest.raises(KeyError):
        model.scenario("no-such-scenario")


def test_repair_phrases_by_category_with_stable_ids():
    categories = phrases.repair_categories()
    assert [c.id for c in categories] == [
        "i_feel", "im_sorry", "get_to_yes", "calm_down", "start_over", "appreciate",
    ]  # fmt: skip
    every = phrases.repair_phrases()
    assert len({p.id for p in every}) == len(every)
    for category in categories:
        assert len(category.phrases) >= 5
        for phrase in category.phrases:
            assert phrase.id.startswith(f"{category.id}.")
            assert phrase.category == category.id
            assert not analyze(phrase.text).harsh, phrase.id
    assert phrases.repair_phrase("calm_down.1").category == "calm_down"


def test_feelings_and_needs_for_the_pickers():
    families = model.feeling_families()
    assert "sad" in {f.id for f in families}
    needs = model.need_groups()
    assert len(needs) >= 6
    assert all(len(g.items) >= 5 for g in needs)
    assert len({g.id for g in needs}) == len(needs)


def test_gentle_startup_assembles_the_whole_sentence():
    text = model.gentle_startup(
        "When I noticed the dishes in the sink.",
        "I felt worn out",
        "us to share the load",
        "do them after dinner?",
    )
    assert text == (
        "When I noticed the dishes in the sink, I felt worn out because I need us to share "
        "the load. Would you be willing to do them after dinner?"
    )


def test_gentle_startup_reads_well_while_parts_are_missing():
    assert model.gentle_startup("", "", "", "") == ""
    assert model.gentle_startup("", "lonely", "", "") == "I felt lonely."
    assert model.gentle_startup("", "", "", "  call me  ") == "Would you be willing to call me?"
    assert model.gentle_startup("you came home late", "", "", "") == (
        "When I noticed you came home late."
    )


def test_every_feeling_and_need_from_the_pickers_makes_a_gentle_startup():
    for family in model.feeling_families():
        for feeling in family.items:
            for group in model.need_groups():
                text = model.gentle_startup(
                    "the bins were still out", feeling, group.items[0], "take them out tonight"
                )
                analysis = analyze(text)
                assert analysis.flags == [], (feeling, group.id)
                assert {"feeling", "need", "request"} <= set(analysis.strength_kinds), feeling


def test_apology_draft_and_what_the_coach_makes_of_it():
    text = model.apology_draft(
        "I shouted at you", "scared and small", "I was afraid of losing the evening",
        "take a break before I raise my voice",
    )  # fmt: skip
    assert text == (
        "I'm sorry that I shouted at you. I can see it may have left you scared and small. "
        "Underneath, I was afraid of losing the evening. "
        "Next time, I will take a break before I raise my voice."
    )
    assert check_apology(text).owns_it
    assert check_apology(text).undoers == []
    assert model.apology_draft("", "", "", "") == ""


def test_insight_assembly():
    assert model.insight("I'm anxious", "pull away", "staying open") == (
        "When I'm anxious, I pull away, and I'm practising staying open."
    )
    assert model.insight("feel criticised", "I go quiet", "") == (
        "When I feel criticised, I go quiet."
    )
    assert model.insight("", "", "asking for a break") == "I'm practising asking for a break."
    assert model.insight("", "", "") == ""


def test_attempt_reads_score_from_its_analysis(clock):
    attempt = model.Attempt(
        model.ExerciseKind.REWRITE, "You never listen.", clock.now(),
        analysis=analyze("You never listen.").to_dict(),
    )  # fmt: skip
    assert attempt.harsh
    assert attempt.score == 40
    assert model.Attempt(model.ExerciseKind.INSIGHT, "", clock.now()).score is None


def test_reopening_phrases_come_from_start_over_then_get_to_yes():
    reopening = phrases.reopening_phrases()
    categories = [p.category for p in reopening]
    assert categories[0] == "start_over"
    assert set(categories) == {"start_over", "get_to_yes"}
    assert categories == sorted(categories, key=["start_over", "get_to_yes"].index)
