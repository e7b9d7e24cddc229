"""Repair phrases (resources/practice/repair_phrases.toml): Practise teaches them and
Breathe's "I'm flooded" break offers some for coming back to a talk."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from app import resources


@dataclass(frozen=True)
class RepairPhrase:
    id: str
    category: str
    text: str


@dataclass(frozen=True)
class RepairCategory:
    id: str
    label: str
    phrases: tuple[RepairPhrase, ...]


@cache
def repair_categories() -> tuple[RepairCategory, ...]:
    raw = resources.load_toml("practice/repair_phrases.toml")["category"]
    return tuple(
        RepairCategory(
            id=c["id"],
            label=c["label"],
            phrases=tuple(RepairPhrase(p["id"], c["id"], p["text"]) for p in c["phrases"]),
        )
        for c in raw
    )


def repair_phrases() -> list[RepairPhrase]:
    return [p for category in repair_categories() for p in category.phrases]


def repair_phrase(phrase_id: str) -> RepairPhrase:
    for phrase in repair_phrases():
        if phrase.id == phrase_id:
            return phrase
    raise KeyError(f"no repair phrase with id {phrase_id!r}")


# Categories whose phrases help reopen a talk after a break.
REOPENING_CATEGORIES = ("start_over", "get_to_yes")


def reopening_phrases() -> list[RepairPhrase]:
    """Phrases for coming back to a talk once calmer: "stop and start over" first, then
    "let's get to yes"."""
    by_id = {c.id: c for c in repair_categories()}
    return [p for cid in REOPENING_CATEGORIES if cid in by_id for p in by_id[cid].phrases]
