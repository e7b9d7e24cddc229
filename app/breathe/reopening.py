"""Reopening phrases: a gentle first sentence offered when an "I'm flooded" break ends.

No Qt. (Practise's repair exercise is a different thing: a view in app/practice/ui.)

The break's own phrases (resources/breathe/flooded.toml) come first, then the
shared repair phrases for coming back to a talk. Choosing by turn keeps them
varied without randomness.

A break stopped early gets other words: a body that flooded a minute ago is rarely
calm yet, so nothing here has you say you are. These phrases ask for more time.
"""

from __future__ import annotations

from functools import cache

from app.breathe.model import flooded_guide
from app.shared.phrases import reopening_phrases


@cache
def phrases() -> tuple[str, ...]:
    """Every phrase once, in order: the break's own, then the practice library's."""
    pooled = [*flooded_guide().repair_phrases, *(p.text for p in reopening_phrases())]
    return tuple(dict.fromkeys(phrase.strip() for phrase in pooled if phrase.strip()))


# For a break stopped before its end: honest words that ask for the time still needed.
EARLY_PHRASES = (
    "I'm not settled yet. Can we come back to this a little later? I do want to talk.",
    "I need a few more minutes so I don't say something I'd regret. I'll come back to you.",
    "Part of me is still wound up. Can we go slowly, and stop again if one of us needs to?",
)


def early_phrase_for(turn: int) -> str:
    """The phrase for the `turn`th break stopped before its end."""
    return EARLY_PHRASES[turn % len(EARLY_PHRASES)]


def phrase_for(turn: int) -> str:
    """The phrase for the `turn`th break."""
    pool = phrases()
    return pool[turn % len(pool)]
