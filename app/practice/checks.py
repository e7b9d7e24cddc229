"""The coach's checks for single exercises: compare two versions, listening, apology.

Pure Python on top of coach.analyze; the wording lives in resources/coach/*.toml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from app import resources
from app.practice.coach import HARSH, Analysis, Flag, Strength, analyze

APOLOGY_RULES = "coach/apology.toml"
LISTENING_RULES = "coach/listening.toml"
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_YOU = re.compile(r"\byou(?:'re|'ve|'d|'ll|r)?\b", re.IGNORECASE)


@cache
def _messages() -> dict[str, Any]:
    return resources.load_toml("coach/messages.toml")


@cache
def _listening() -> dict[str, Any]:
    return resources.load_toml(LISTENING_RULES)


def kind_label(kind: str) -> str:
    """How a flag kind or strength kind is named in a sentence."""
    messages = _messages()
    return messages["kinds"].get(kind) or messages["strengths"].get(kind) or kind


def summary(analysis: Analysis) -> str:
    """One line that sums a text up, for a status line or the terminal."""
    words = _messages()["summary"]
    if not analysis.text.strip():
        return words["empty"]
    if not analysis.harsh:
        # The summary must agree with the notes below it, so a note is never "nothing".
        if analysis.notes:
            kinds = list(dict.fromkeys(f.kind for f in analysis.notes))
            return words["gentle_with_notes"].format(
                kinds=" and ".join(kind_label(k) for k in kinds)
            )
        return words["gentle"]
    kinds = list(dict.fromkeys(f.kind for f in analysis.harsh_flags))
    return words["harsh"].format(kinds=" and ".join(kind_label(k) for k in kinds))


# -- rewrite a harsh start-up ------------------------------------------------------


@dataclass(frozen=True)
class Comparison:
    before: Analysis
    after: Analysis
    gone: list[str]  # harsh kinds and note kinds present before, absent after
    remaining: list[str]
    appeared: list[str]
    gained: list[str]  # strength kinds new in the rewrite
    score_change: int
    lines: list[str] = field(default_factory=list)  # what changed, in words


def _kinds(analysis: Analysis) -> list[str]:
    # Harsh kinds first, so the most important change is said first.
    ordered = sorted(analysis.flags, key=lambda f: (f.severity != HARSH, f.start))
    return list(dict.fromkeys(f.kind for f in ordered))


def compare(before: str, after: str) -> Comparison:
    """What changed between a harsh line and the person's rewrite of it."""
    first, second = analyze(before), analyze(after)
    was, now = _kinds(first), _kinds(second)
    gone = [k for k in was if k not in now]
    remaining = [k for k in was if k in now]
    appeared = [k for k in now if k not in was]
    gained = [k for k in second.strength_kinds if k not in first.strength_kinds]
    change = second.score - first.score
    words = _messages()["compare"]
    lines = [words["gone"].format(kind=kind_label(k)) for k in gone]
    lines += [words["remains"].format(kind=kind_label(k)) for k in remaining]
    lines += [words["appeared"].format(kind=kind_label(k)) for k in appeared]
    lines += [words["gained"].format(strength=kind_label(k)) for k in gained]
    scores = {"before": first.score, "after": second.score}
    if not first.harsh and not second.harsh and change == 0:
        lines.append(words["kept_gentle"].format(**scores))
    elif change > 0:
        lines.append(words["better"].format(**scores))
    elif change < 0:
        lines.append(words["worse"].format(**scores))
    else:
        lines.append(words["same"].format(**scores))
    return Comparison(first, second, gone, remaining, appeared, gained, change, lines)


# -- active listening --------------------------------------------------------------


@dataclass(frozen=True)
class ListeningCheck:
    analysis: Analysis
    paraphrase: bool
    validation: bool
    question: bool
    rebuttal: bool
    rebuttals: list[Flag]  # the spans that argue back
    found: list[Strength]  # the spans that paraphrase, validate or ask
    lines: list[str]


def _content_words(text: str, settings: dict[str, Any]) -> set[str]:
    stop = set(settings["stopwords"])
    shortest = settings["min_word_length"]
    return {
        w.casefold() for w in _WORD.findall(text) if len(w) >= shortest and w.casefold() not in stop
    }


def _echoes(reply: str, partner_words: str) -> bool:
    """A paraphrase in plain words: it speaks to "you" and reuses their own words."""
    settings = _listening()["paraphrase_overlap"]
    if not partner_words.strip() or not _YOU.search(reply):
        return False
    shared = _content_words(reply, settings) & _content_words(partner_words, settings)
    return len(shared) >= settings["min_shared_words"]


def check_listening(reply: str, partner_words: str = "") -> ListeningCheck:
    """Look for paraphrase, validation and a question, and for arguing back."""
    # A reply to what they said: a complaint back is a counter-complaint (defensiveness).
    analysis = analyze(reply, extra=LISTENING_RULES, reply_to=partner_words)
    kinds = set(analysis.strength_kinds)
    paraphrase = "paraphrase" in kinds or _echoes(reply, partner_words)
    validation = "validation" in kinds
    asks_plainly = (
        any(c in "?？؟" for c in reply) and not analysis.harsh
    )  # an honest question, not "why are you so lazy?"
    question = "curious_question" in kinds or asks_plainly
    rebuttals = [f for f in analysis.flags if f.kind == "rebuttal" or f.severity == HARSH]
    found = [
        s for s in analysis.strengths if s.kind in ("paraphrase", "validation", "curious_question")
    ]
    words = _listening()["messages"]
    lines = [
        words["paraphrase_yes" if paraphrase else "paraphrase_no"],
        words["validation_yes" if validation else "validation_no"],
        words["question_yes" if question else "question_no"],
    ]
    if rebuttals:
        lines.append(words["rebuttal_yes"])
    return ListeningCheck(
        analysis, paraphrase, validation, question, bool(rebuttals), rebuttals, found, lines
    )


# -- own my part -------------------------------------------------------------------


@dataclass(frozen=True)
class ApologyCheck:
    analysis: Analysis
    owns_it: bool
    undoers: list[Flag]  # what may undo the apology: "but", "if you hadn't", "sorry you feel"
    lines: list[str]


_UNDOING_KINDS = frozenset({"undoes_apology", "apology_but", "defensiveness"})


def check_apology(text: str) -> ApologyCheck:
    """Watch an apology draft for what undoes it, and for whether it owns the act."""
    analysis = analyze(text, extra=APOLOGY_RULES)
    undoers = [f for f in analysis.flags if f.kind in _UNDOING_KINDS]
    owns_it = "responsibility" in analysis.strength_kinds
    words = _messages()["apology"]
    lines = [words["owns_yes" if owns_it else "owns_no"]]
    if undoers:
        lines += [f.why for f in undoers]
    else:
        lines.append(words["clean"])
    return ApologyCheck(analysis, owns_it, undoers, lines)
