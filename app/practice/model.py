"""Practise: the content (scenarios, repair phrases, feelings, needs), attempts, and
the sentences the exercises assemble. Pure Python: no Qt, no SQL."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from functools import cache
from typing import Any

from app import resources
from app.shared import feelings as shared_feelings


class ExerciseKind(StrEnum):
    STARTUP = "startup"  # gentle start-up builder
    REWRITE = "rewrite"  # rewrite a harsh start-up
    LISTENING = "listening"  # active listening
    REPAIR = "repair"  # repair phrases
    APOLOGY = "apology"  # own my part
    INSIGHT = "insight"  # share an insight


@dataclass(frozen=True)
class Scenario:
    id: str
    theme: str
    title: str
    situation: str
    harsh_line: str
    partner_words: str
    kinder_example: str


@dataclass(frozen=True)
class Group:
    """A labelled group of words for a picker: a feeling family or a group of needs."""

    id: str
    label: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class Attempt:
    exercise: ExerciseKind
    text: str
    created_at: datetime
    scenario_id: str | None = None
    analysis: dict[str, Any] = field(default_factory=dict)  # coach Analysis.to_dict()
    id: int | None = None  # set once saved
    starred: bool = False
    shareable: bool = False  # private unless the person says a summary may show it

    @property
    def score(self) -> int | None:
        return self.analysis.get("score")

    @property
    def harsh(self) -> bool:
        return bool(self.analysis.get("harsh", False))


@dataclass(frozen=True)
class AttemptSummary:
    """One line of the history: enough to list an attempt without loading its analysis."""

    id: int
    exercise: ExerciseKind
    created_at: datetime
    score: int | None
    preview: str  # the start of the text only


# -- loading content ---------------------------------------------------------------


@cache
def themes() -> dict[str, str]:
    """Theme id -> label, in the order the file lists them."""
    return dict(resources.load_toml("practice/scenarios.toml")["themes"])


@cache
def scenarios() -> tuple[Scenario, ...]:
    raw = resources.load_toml("practice/scenarios.toml")["scenario"]
    return tuple(Scenario(**item) for item in raw)


def scenario(scenario_id: str) -> Scenario:
    for item in scenarios():
        if item.id == scenario_id:
            return item
    raise KeyError(f"no scenario with id {scenario_id!r}")


def scenarios_by_theme(theme: str) -> list[Scenario]:
    return [s for s in scenarios() if s.theme == theme]


def feeling_families() -> tuple[Group, ...]:
    return tuple(Group(f.id, f.label, f.feelings) for f in shared_feelings.feeling_families())


@cache
def need_groups() -> tuple[Group, ...]:
    raw = resources.load_toml("needs.toml")["group"]
    return tuple(Group(g["id"], g["label"], tuple(g["needs"])) for g in raw)


# -- assembling sentences ----------------------------------------------------------


def _part(text: str, *drop_prefixes: str) -> str:
    """A fragment ready to sit inside a sentence: trimmed, without the words the
    template already supplies, and without closing punctuation."""
    part = " ".join(text.split())
    lowered = part.casefold()
    for prefix in drop_prefixes:
        if lowered.startswith(prefix):
            part = part[len(prefix) :].lstrip(" ,")
            lowered = part.casefold()
    return part.rstrip(" .!?,;:")


def _capitalised(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def gentle_startup(noticed: str, feeling: str, need: str, request: str) -> str:
    """ "When I noticed..., I felt... because I need... Would you be willing to...?"

    Any part left empty is left out, so the live preview reads well while typing.
    """
    noticed = _part(noticed, "when i noticed", "when i saw", "when")
    feeling = _part(feeling, "i felt", "i feel")
    need = _part(need, "because i need", "i need")
    request = _part(request, "would you be willing to")
    sentences = []
    first = []
    if noticed:
        first.append(f"When I noticed {noticed},")
    if feeling:
        first.append(f"I felt {feeling}")
    if need:
        first.append(f"because I need {need}")
    if first:
        sentences.append(_capitalised(" ".join(first).rstrip(",")) + ".")
    if request:
        sentences.append(f"Would you be willing to {request}?")
    return " ".join(sentences)


def apology_draft(what_i_did: str, how_it_affected: str, fear_or_need: str, will_do: str) -> str:
    """The guided apology: what I did, how it may have affected you, what was behind
    it for me, and what I will do differently."""
    did = _part(what_i_did, "i'm sorry that", "i'm sorry", "i am sorry", "sorry")
    effect = _part(how_it_affected, "i can see it may have left you", "it may have left you")
    behind = _part(fear_or_need, "underneath,", "underneath")
    will = _part(will_do, "next time, i will", "next time i will", "i will")
    sentences = []
    if did:
        sentences.append(f"I'm sorry that {did}.")
    if effect:
        sentences.append(f"I can see it may have left you {effect}.")
    if behind:
        sentences.append(f"Underneath, {behind}.")
    if will:
        sentences.append(f"Next time, I will {will}.")
    return " ".join(sentences)


def _from_i(part: str) -> str:
    """ "anxious" -> "I anxious" is wrong, but so is "I I'm anxious": add "I" only if missing."""
    first = part.split(" ", 1)[0].casefold().replace("’", "'")
    return part if first in ("i", "i'm", "i've", "i'd", "i'll") else f"I {part}"


def insight(when: str, i_do: str, practising: str) -> str:
    """ "When I'm anxious, I pull away, and I'm practising staying open." """
    when = _part(when, "when ")
    i_do = _part(i_do)
    practising = _part(practising, "i'm practising", "i am practising", "i'm practicing")
    text = ""
    if when:
        text = f"When {_from_i(when)}"
    if i_do:
        text = f"{text}, {_from_i(i_do)}" if text else _from_i(i_do)
    if practising:
        tail = f"I'm practising {practising}"
        text = f"{text}, and {tail}" if text else tail
    return f"{text}." if text else ""
