"""The feelings list (resources/feelings.toml), grouped by family: one loader for all."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from app import resources


@dataclass(frozen=True)
class FeelingFamily:
    id: str
    label: str
    feelings: tuple[str, ...]


@cache
def feeling_families() -> tuple[FeelingFamily, ...]:
    data = resources.load_toml("feelings.toml")
    return tuple(FeelingFamily(f["id"], f["label"], tuple(f["feelings"])) for f in data["family"])


def all_feelings() -> tuple[str, ...]:
    """Every feeling word once, in the file's order."""
    words = (word for family in feeling_families() for word in family.feelings)
    return tuple(dict.fromkeys(words))


def family_of(feeling: str) -> str | None:
    for family in feeling_families():
        if feeling in family.feelings:
            return family.id
    return None
