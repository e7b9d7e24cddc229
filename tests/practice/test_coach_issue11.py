"""How people really talk (issue 11) and the coach's own consistency (issue 14)."""

from __future__ import annotations

import pytest

from app.practice.checks import check_listening, summary
from app.practice.coach import analyze


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("I was busy; you could have done it yourself", "defensiveness"),
        ("if you didn't nag me I'd have done it", "defensiveness"),
        ("why are you always picking on me?", "defensiveness"),
        ("Tired? Try living my day", "contempt"),
        ("could you be any more useless?", "contempt"),
        ("I would never treat you like that", "contempt"),
        ("How could you do this to me?", "criticism"),
        ("nobody helps around here", "criticism"),
        ("I feel that you are selfish", "criticism"),
        ("It's fine.", "stonewalling"),
        ("whatever you say", "stonewalling"),
    ],
)
def test_everyday_forms_are_heard(text, kind):
    assert analyze(text).primary_kind == kind


@pytest.mark.parametrize(
    "text",
    [
        "Could you be any sweeter? I love it.",
        "I'm done arguing, not done with you. Can we hug it out?",
        "I need a short pause. Back in fifteen, I promise.",
        "You're such a patient dad, they adore you.",
        "Never mind the mess, come and sit with me.",
    ],
)
def test_kind_lookalikes_stay_gentle(text):
    assert not analyze(text).harsh


def test_praise_is_only_given_where_it_is_earned():
    assert "responsibility" not in analyze("I forgot, alright?! So sue me").strength_kinds
    assert "request" not in analyze("Would you like me to do everything?").strength_kinds
    hostile = analyze("Why would you even say that?")
    assert hostile.harsh
    assert "curious_question" not in hostile.strength_kinds
    dressed = analyze("I feel that you are selfish.")
    assert dressed.harsh
    assert "i_statement" not in dressed.strength_kinds
    assert "I feel" in dressed.harsh_flags[0].why


def test_a_behaviour_is_explained_as_a_behaviour_not_a_character():
    flag = analyze("You don't help with the dishes.").harsh_flags[0]
    assert "character" not in flag.why
    assert "what your partner does" in flag.why


def test_kinder_words_start_from_the_persons_own():
    flag = analyze("I feel so lonely. You never ask about my day.").harsh_flags[0]
    assert "ask about my day" in flag.example
    assert "lonely" in flag.example
    assert flag.example in flag.suggestion
    towels = analyze("Why do you leave wet towels on the bed every single day?")
    assert "leave wet towels on the bed" in towels.harsh_flags[0].example


def test_without_words_to_build_on_the_suggestion_is_only_an_example():
    flag = analyze("Whatever.").harsh_flags[0]
    assert flag.example == ""
    assert flag.suggestion  # a general way, shown as an example


def test_a_complaint_answering_a_complaint_is_defensiveness():
    partner = "You forgot to lock the back door again."
    alone = analyze("You left the lights on all weekend.")
    reply = analyze("You left the lights on all weekend.", reply_to=partner)
    assert not alone.harsh
    assert reply.primary_kind == "defensiveness"
    assert "I forgot to lock the back door" in reply.harsh_flags[0].example
    sharp = analyze("You never tidy up either.", reply_to=partner)
    assert sharp.primary_kind == "defensiveness"


def test_listening_counts_a_counter_complaint_as_arguing_back():
    partner = "I felt alone at the party when you went off with your friends."
    check = check_listening("Well you spent the whole night on your phone.", partner)
    assert check.rebuttal
    assert check.analysis.primary_kind == "defensiveness"
    kind = check_listening("It sounds like you felt left on your own. What would help?", partner)
    assert not kind.rebuttal


def test_the_score_and_the_notes_agree():
    undone = analyze("I'm sorry I shouted, but you also yelled.")
    assert undone.harsh
    assert undone.score < 50
    assert summary(undone).startswith("Some of this may land as")
    noted = analyze("I'm sorry I shouted, but I was exhausted.")
    assert noted.notes
    assert not noted.harsh
    assert not summary(noted).startswith("Gentle: nothing")
    # A note costs the score: the same apology without the "but" scores higher.
    assert noted.score <= 85
    assert noted.score < analyze("I'm sorry I shouted. I was exhausted.").score


@pytest.mark.parametrize(
    ("text", "topic", "not_in"),
    [
        ("I feel you're careless with the kids whenever I'm away.", "about the kids.", "whenever"),
        ("Tired? Try living my week for once.", "about my week,", "week for"),
        ("You've missed every one of my recitals this year.", "about my recitals.", "this."),
    ],
)
def test_a_topic_taken_from_the_text_ends_where_the_noun_does(text, topic, not_in):
    example = analyze(text).harsh_flags[0].example
    assert topic in example
    assert not_in not in example


@pytest.mark.parametrize(
    "text",
    [
        "ur the one who said we didn't need to book",
        "Honestly, you are the most disorganised person I have ever met.",
    ],
)
def test_no_topic_is_made_of_a_judgement_or_half_a_clause(text):
    flag = analyze(text).harsh_flags[0]
    for fragment in ("the one who", "the most", "the one"):
        assert fragment not in flag.example


def test_a_topic_keeps_a_noun_that_ends_like_a_verb():
    # "bed", "ring" and "ceiling" end as -ed and -ing verbs do; they are still nouns.
    bed = analyze("I'm not talking about our spare bed.").harsh_flags[0]
    assert "about our spare bed well" in bed.example
