"""The prompt library (resources/prompts/*.toml), the prompt of the day, and templates.

Pure Python. The choice of a day's prompt is a function of the date and of the
history of prompts already shown (kept in the vault by the store), so it is stable
for a day, repeats nothing until the pool is used up, and is easy to test.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

from app import resources
from app.reflect.model import Kind

PROMPTS_FOLDER = "prompts"


@dataclass(frozen=True)
class Prompt:
    id: str  # "<set id>/<prompt slug>", stable across versions
    set_id: str
    text: str
    kind: Kind  # the kind of entry an answer becomes


@dataclass(frozen=True)
class PromptSet:
    id: str
    title: str
    intro: str
    kind: Kind
    prompts: tuple[Prompt, ...]
    template_ids: tuple[str, ...]  # the questions a structured entry lays out

    @property
    def template_prompts(self) -> tuple[Prompt, ...]:
        by_id = {p.id: p for p in self.prompts}
        return tuple(by_id[i] for i in self.template_ids)


class PromptLibraryError(ValueError):
    """A prompt file that does not follow the format (a bug in shipped content)."""


@dataclass(frozen=True)
class PromptLibrary:
    sets: tuple[PromptSet, ...]

    @property
    def prompts(self) -> tuple[Prompt, ...]:
        return tuple(p for s in self.sets for p in s.prompts)

    def get_set(self, set_id: str) -> PromptSet | None:
        return next((s for s in self.sets if s.id == set_id), None)

    def get(self, prompt_id: str) -> Prompt | None:
        return next((p for p in self.prompts if p.id == prompt_id), None)

    def pool(self, set_id: str | None = None) -> tuple[Prompt, ...]:
        """All prompts, or one set's; an unknown set id gives the whole library."""
        chosen = self.get_set(set_id) if set_id else None
        return chosen.prompts if chosen else self.prompts


def parse_set(data: dict, source: str) -> PromptSet:
    try:
        set_id = str(data["id"])
        kind = Kind(data["kind"])
        prompts = tuple(
            Prompt(f"{set_id}/{item['id']}", set_id, " ".join(str(item["text"]).split()), kind)
            for item in data["prompt"]
        )
        title, intro = str(data["title"]), " ".join(str(data["intro"]).split())
    except (KeyError, TypeError, ValueError) as exc:
        raise PromptLibraryError(f"{source}: missing or invalid field ({exc})") from None
    ids = [p.id for p in prompts]
    if len(set(ids)) != len(ids):
        raise PromptLibraryError(f"{source}: two prompts share an id")
    template = tuple(f"{set_id}/{slug}" for slug in data.get("template", ())) or tuple(ids)
    if not set(template) <= set(ids):
        raise PromptLibraryError(f"{source}: the template names a prompt that is not in the set")
    return PromptSet(set_id, title, intro, kind, prompts, template)


@cache
def load_library() -> PromptLibrary:
    sets = tuple(
        parse_set(resources.load_toml(name), name)
        for name in resources.listing(PROMPTS_FOLDER, ".toml")
    )
    set_ids = [s.id for s in sets]
    if len(set(set_ids)) != len(set_ids):
        raise PromptLibraryError("two prompt sets share an id")
    return PromptLibrary(sets)


# -- the prompt of the day -------------------------------------------------------------


def seen_in_cycle(history: Iterable[str], pool: Iterable[str]) -> set[str]:
    """The pool's prompts shown since the pool was last used up.

    ``history`` is every prompt id ever shown, oldest first. Each time the pool is
    completely covered a new cycle begins, so nothing repeats before everything
    has been offered once.
    """
    pool_ids = set(pool)
    seen: set[str] = set()
    for prompt_id in history:
        if prompt_id in pool_ids:
            seen.add(prompt_id)
            if seen == pool_ids:
                seen = set()
    return seen


def pick_prompt(
    pool: Sequence[Prompt], day: date, history: Sequence[str], avoid: Iterable[str] = ()
) -> Prompt:
    """A prompt not yet shown in this cycle, chosen deterministically from the date.

    ``avoid`` holds prompts to skip even at the start of a fresh cycle (the one on
    screen now), so "another prompt" always changes what the person sees.
    """
    if not pool:
        raise PromptLibraryError("there are no prompts to choose from")
    seen = seen_in_cycle(history, (p.id for p in pool))
    avoid_ids = set(avoid)
    fresh = [p for p in pool if p.id not in seen and p.id not in avoid_ids]
    if not fresh:  # the cycle is used up apart from what is on screen
        fresh = [p for p in pool if p.id not in avoid_ids] or list(pool)
    # Seeded by the date and how far the history has gone: the same inputs, the same prompt.
    rng = random.Random(f"{day.isoformat()}#{len(history)}")
    return rng.choice(sorted(fresh, key=lambda p: p.id))


# -- templates -------------------------------------------------------------------------


def template_for(prompts: Iterable[Prompt]) -> str:
    """A structured entry to fill in: each question a Markdown heading, space beneath."""
    return "".join(f"## {p.text}\n\n\n" for p in prompts)


def template_for_set(prompt_set: PromptSet) -> str:
    return template_for(prompt_set.template_prompts)
