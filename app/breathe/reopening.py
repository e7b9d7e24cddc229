"""Reopening phrases: a gentle first sentence offered when an "I'm flooded" break ends.

No Qt. (Practise's repair exercise is a different thing: a view in app/practice/ui.)

The break's own phrases (resources/breathe/flooded.toml) come first, then the
shared repair phrases for coming back to a talk. Choosing by turn keeps them
varied without randomness.
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


def phrase_for(turn: int) -> str:
    """The phrase for the `turn`th break."""
    pool = phrases()
    return pool[turn % len(pool)]
