"""Repair phrases offered when an "I'm flooded" break ends. No Qt.

The break brings its own phrases (resources/breathe/flooded.toml). Another area
may offer more, for example the practice area's repair library: it registers a
source with `add_source`, a function returning phrases, and this module pools
them with the break's own. The choice by turn keeps them varied without randomness.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from app.breathe.model import flooded_guide

PhraseSource = Callable[[], Sequence[str]]

_sources: list[PhraseSource] = []


def add_source(source: PhraseSource) -> None:
    """Offer more phrases after a break; each source is asked every time."""
    if source not in _sources:
        _sources.append(source)


def remove_source(source: PhraseSource) -> None:
    if source in _sources:
        _sources.remove(source)


def phrases() -> tuple[str, ...]:
    """The break's own phrases, then every source's, each once, in order."""
    pooled = list(flooded_guide().repair_phrases)
    for source in _sources:
        pooled.extend(str(phrase).strip() for phrase in source())
    return tuple(dict.fromkeys(phrase for phrase in pooled if phrase))


def phrase_for(turn: int) -> str:
    """The phrase for the `turn`th break."""
    pool = phrases()
    return pool[turn % len(pool)]
