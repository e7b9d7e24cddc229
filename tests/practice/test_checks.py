"""The exercise checks: rewrite comparison, active listening, apology."""

from __future__ import annotations

from app.practice.checks import check_apology, check_listening, compare, kind_label, summary
from app.practice.coach import analyze

PARTNER = "I felt so alone at the party, you left me with people I didn't know."


def test_compare_says_what_changed_in_words():
    result = compare(
        "You never help with the dishes!",
        "When I saw the dishes last night, I felt tired, because I need us to share the load. "
        "Would you be willing to do them tonight?",
    )
    assert result.gone == ["criticism"]
    assert result.remaining == []
    assert {"i_statement", "feeling", "need", "request"} <= set(result.gained)
    assert result.score_change > 40
    assert result.lines[0] == "The criticism from your first version is gone."
    assert any("named need" in line for line in result.lines)
    assert result.lines[-1].startswith("Gentleness went from 40 to")


def test_compare_notices_what_remains_and_what_is_new():
    result = compare("You never listen.", "You never listen and you're pathetic.")
    assert result.remaining == ["criticism"]
    assert result.appeared == ["contempt"]
    assert result.score_change < 0
    assert any("still" in line for line in result.lines)


def test_compare_of_two_gentle_versions():
    result = compare("I miss you.", "I miss you.")
    assert result.gone == []
    assert result.score_change == 0
    assert result.lines == [f"Both versions are gentle; this one scores {result.after.score}."]


def test_listening_finds_paraphrase_validation_and_question():
    check = check_listening(
        "It sounds like you felt alone at the party. That makes sense. What would help next time?",
        PARTNER,
    )
    assert (check.paraphrase, check.validation, check.question, check.rebuttal) == (
        True,
        True,
        True,
        False,
    )
    assert {s.kind for s in check.found} == {"paraphrase", "validation", "curious_question"}
    assert check.lines[0] == "You reflected back what you heard."


def test_listening_counts_a_plain_echo_of_their_words_as_a_paraphrase():
    check = check_listening("You felt alone at the party with people you didn't know.", PARTNER)
    assert check.paraphrase
    assert not check.validation
    assert not check.question


def test_listening_notices_a_rebuttal_and_guides_gently():
    check = check_listening("That's not true, I checked on you twice.", PARTNER)
    assert check.rebuttal
    assert check.rebuttals[0].excerpt == "That's not true"
    assert not check.paraphrase
    assert "try to stay with theirs" in check.lines[-1]


def test_a_harsh_question_is_not_a_listening_question():
    check = check_listening("Why are you always so dramatic?", PARTNER)
    assert not check.question
    assert check.rebuttal


def test_apology_undoers_are_named():
    check = check_apology(
        "I'm sorry I shouted. But if you hadn't pushed me I wouldn't have. "
        "I'm sorry you feel that way."
    )
    assert check.owns_it
    excerpts = [f.excerpt for f in check.undoers]
    assert "But" in excerpts
    assert "if you hadn't" in excerpts
    assert any("sorry you feel that way" in e for e in excerpts)


def test_a_clean_apology_is_recognised():
    text = (
        "I'm sorry I shouted at you. I can see it scared you. I was afraid of losing the "
        "evening, and next time I will ask for a break."
    )
    check = check_apology(text)
    assert check.owns_it
    assert check.undoers == []
    assert check.lines[-1] == "Nothing here undoes your apology."


def test_an_apology_without_ownership_is_nudged():
    check = check_apology("Mistakes were made, anyway.")
    assert not check.owns_it
    assert check.lines[0].startswith("Try naming what you did")
    assert {f.excerpt for f in check.undoers} >= {"Mistakes were made", "anyway"}


def test_summary_and_labels():
    assert summary(analyze("")) == "Nothing written yet."
    assert summary(analyze("I miss you.")).startswith("Gentle")
    assert summary(analyze("You never listen. Whatever.")) == (
        "Some of this may land as criticism and stonewalling."
    )
    assert kind_label("thought_feeling") == "a thought dressed as a feeling"
    assert kind_label("calm_break") == "asking for a calm break"
