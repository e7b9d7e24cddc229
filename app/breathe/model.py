"""Breathing patterns, session plans, custom-pattern checks and the area's content.

Pure Python: no Qt, no SQL. Every length of time here is an integer number of
tenths of a second, so a 5.5 s phase is exactly 55 and boundaries never drift.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from functools import cache, cached_property
from typing import Any

from app import resources
from app.validation import Invalid

TENTHS_PER_SECOND = 10
MAX_PHASE_TENTHS = 300  # 30 seconds: the longest step a custom pattern may have
MINUTE_CHOICES = (1, 3, 5, 10, 20)
MAX_SESSION_MINUTES = 120
MAX_CYCLES = 500
MAX_NAME_LENGTH = 60
CALM_SCALE = range(1, 6)
CUSTOM_PREFIX = "custom:"


class PhaseKind(StrEnum):
    INHALE = "inhale"
    HOLD = "hold"  # a pause with the lungs full
    EXHALE = "exhale"
    REST = "rest"  # a pause with the lungs empty


DEFAULT_LABELS = {
    PhaseKind.INHALE: "Breathe in",
    PhaseKind.HOLD: "Hold",
    PhaseKind.EXHALE: "Breathe out",
    PhaseKind.REST: "Rest",
}

# Soft tones made by packaging/make_sounds.py; a pause on either side shares one.
CUE_SOUNDS = {
    PhaseKind.INHALE: "sounds/breathe-in.wav",
    PhaseKind.HOLD: "sounds/breathe-hold.wav",
    PhaseKind.EXHALE: "sounds/breathe-out.wav",
    PhaseKind.REST: "sounds/breathe-hold.wav",
}
END_SOUND = "sounds/breathe-end.wav"


@dataclass(frozen=True)
class Phase:
    kind: PhaseKind
    tenths: int
    label: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.tenths, int) or self.tenths < 0:
            raise ValueError("a phase lasts a whole, non-negative number of tenths")
        if not self.label:
            object.__setattr__(self, "label", DEFAULT_LABELS[self.kind])

    @property
    def seconds(self) -> float:
        return self.tenths / TENTHS_PER_SECOND


@dataclass(frozen=True)
class Timings:
    """The four steps of a custom pattern, in tenths of a second; zero skips a step."""

    inhale: int
    hold_in: int
    exhale: int
    hold_out: int

    def __post_init__(self) -> None:
        for value in (self.inhale, self.hold_in, self.exhale, self.hold_out):
            if not isinstance(value, int) or not 0 <= value <= MAX_PHASE_TENTHS:
                raise ValueError("a custom step lasts 0 to 300 tenths of a second")
        if not (self.inhale and self.exhale):
            raise ValueError("a custom pattern breathes in and out")

    def phases(self) -> tuple[Phase, ...]:
        return (
            Phase(PhaseKind.INHALE, self.inhale),
            Phase(PhaseKind.HOLD, self.hold_in),
            Phase(PhaseKind.EXHALE, self.exhale),
            Phase(PhaseKind.REST, self.hold_out, "Hold"),
        )


@dataclass(frozen=True)
class BreathPattern:
    """One breathing rhythm: an ordered cycle of phases, some possibly zero-length."""

    id: str
    name: str
    phases: tuple[Phase, ...]
    summary: str = ""
    description: str = ""
    timings: Timings | None = None  # set for custom patterns, to edit them

    def __post_init__(self) -> None:
        if self.cycle_tenths <= 0:
            raise ValueError(f"pattern {self.id} has no length")

    @classmethod
    def custom(cls, custom_id: int, name: str, timings: Timings) -> BreathPattern:
        return cls(
            id=custom_pattern_id(custom_id),
            name=name,
            phases=timings.phases(),
            summary=describe_timings(timings),
            timings=timings,
        )

    @property
    def is_custom(self) -> bool:
        return self.id.startswith(CUSTOM_PREFIX)

    @property
    def cycle_tenths(self) -> int:
        return sum(phase.tenths for phase in self.phases)

    @property
    def cycle_seconds(self) -> float:
        return self.cycle_tenths / TENTHS_PER_SECOND

    @cached_property
    def fullness_ranges(self) -> tuple[tuple[float, float], ...]:
        """How full the lungs are at the start and end of each phase, 0 to 1.

        All the breathing in between two out-breaths fills from empty to full, shared
        by length: so a sigh's short second in-breath tops up the last bit. Breathing
        out empties the same way; pauses keep the level.
        """
        ranges: list[tuple[float, float]] = []
        level = 0.0
        for index, phase in enumerate(self.phases):
            if phase.tenths and phase.kind in (PhaseKind.INHALE, PhaseKind.EXHALE):
                before, run = self._run_position(index)
                start, end = before / run, (before + phase.tenths) / run
                if phase.kind == PhaseKind.EXHALE:
                    start, end = 1.0 - start, 1.0 - end
                ranges.append((start, end))
                level = end
            else:
                ranges.append((level, level))
        return tuple(ranges)

    def _run_position(self, index: int) -> tuple[int, int]:
        """Tenths of this phase's kind done before it in its run, and in the whole run.

        A run is every phase of one kind between two phases of the opposite kind.
        """
        kind = self.phases[index].kind
        opposite = PhaseKind.EXHALE if kind == PhaseKind.INHALE else PhaseKind.INHALE

        def tenths_until_opposite(phases: Iterable[Phase]) -> int:
            total = 0
            for phase in phases:
                if phase.kind == opposite and phase.tenths:
                    break
                if phase.kind == kind:
                    total += phase.tenths
            return total

        before = tenths_until_opposite(reversed(self.phases[:index]))
        return before, before + tenths_until_opposite(self.phases[index:])


def custom_pattern_id(custom_id: int) -> str:
    return f"{CUSTOM_PREFIX}{custom_id}"


def parse_custom_pattern_id(pattern_id: str) -> int | None:
    """The row number in a custom pattern's id, or None for a preset or junk."""
    if not pattern_id.startswith(CUSTOM_PREFIX):
        return None
    digits = pattern_id.removeprefix(CUSTOM_PREFIX)
    return int(digits) if digits.isdigit() else None


def format_seconds(tenths: int) -> str:
    """4 for 40 tenths, 5.5 for 55: how a length reads in a label."""
    whole, rest = divmod(tenths, TENTHS_PER_SECOND)
    return str(whole) if rest == 0 else f"{whole}.{rest}"


def describe_timings(timings: Timings) -> str:
    parts = [f"in {format_seconds(timings.inhale)}"]
    if timings.hold_in:
        parts.append(f"hold {format_seconds(timings.hold_in)}")
    parts.append(f"out {format_seconds(timings.exhale)}")
    if timings.hold_out:
        parts.append(f"hold {format_seconds(timings.hold_out)}")
    return ", ".join(parts).capitalize() + " (seconds)."


# -- checking what a person typed -----------------------------------------------------
# Each check returns the value, or raises Invalid(field, message): the field the form
# shows the message at, and words for a person that never quote what they typed.

TIMING_FIELDS = ("inhale", "hold_in", "exhale", "hold_out")
NAME_FIELD = "name"
AMOUNT_FIELD = "amount"  # the minutes or breaths typed for a session's length


NOT_A_NUMBER = "Please enter a number of seconds, like 4 or 5.5."


class InvalidPattern(Invalid):
    """Several fields of the custom-pattern form need a change, each with its message.

    As an Invalid it names the first of them (in the form's order), so the form can
    put the cursor there; ``problems`` holds one Invalid per field, to show them all.
    """

    def __init__(self, problems: Iterable[Invalid]) -> None:
        order = (NAME_FIELD, *TIMING_FIELDS)
        self.problems = tuple(sorted(problems, key=lambda p: order.index(p.field)))
        first = self.problems[0]
        super().__init__(first.field, first.message)

    def messages(self) -> dict[str, str]:
        return {problem.field: problem.message for problem in self.problems}


def parse_tenths(value: str | float | int, field: str = "inhale") -> int:
    """A length typed into a timing field, as tenths of a second."""
    if isinstance(value, bool):
        raise Invalid(field, NOT_A_NUMBER)
    # repr gives a float's shortest form (5.5); "5,5" is how many people write 5.5.
    text = repr(value) if isinstance(value, float) else str(value).strip().replace(",", ".")
    if not text:
        raise Invalid(field, "Please enter a number of seconds; use 0 to skip this step.")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise Invalid(field, NOT_A_NUMBER) from None
    if not number.is_finite():
        raise Invalid(field, NOT_A_NUMBER)
    if number < 0:
        raise Invalid(field, "A step can't be shorter than nothing; use 0 to skip it.")
    if number > MAX_PHASE_TENTHS / TENTHS_PER_SECOND:
        raise Invalid(field, "Please keep each step to 30 seconds or less.")
    tenths = number * TENTHS_PER_SECOND
    if tenths != tenths.to_integral_value():
        raise Invalid(field, "Tenths of a second are as fine as it goes: try 5.5 rather than 5.55.")
    return int(tenths)


def check_name(name: str) -> str:
    """A custom pattern's name, tidied (runs of spaces become one)."""
    tidy = " ".join(name.split())
    if not tidy:
        raise Invalid(NAME_FIELD, "Please give this pattern a name, so you can find it again.")
    if len(tidy) > MAX_NAME_LENGTH:
        raise Invalid(NAME_FIELD, f"Please keep the name to {MAX_NAME_LENGTH} characters or fewer.")
    return tidy


def _timing_problems(
    values: Mapping[str, str | float | int],
) -> tuple[dict[str, int], list[Invalid]]:
    problems: list[Invalid] = []
    tenths: dict[str, int] = {}
    for name in TIMING_FIELDS:
        try:
            tenths[name] = parse_tenths(values.get(name, ""), name)
        except Invalid as problem:
            problems.append(problem)
    if problems:
        return tenths, problems
    if not any(tenths.values()):
        return tenths, [
            Invalid(
                "inhale",
                "All four steps are zero, so there is nothing to follow yet. "
                "Try breathing in for 4.",
            ),
            Invalid("exhale", "Try breathing out for 4 or a little longer."),
        ]
    # Pauses may be zero, but a breath needs a way in and a way out.
    if tenths["inhale"] == 0:
        problems.append(
            Invalid("inhale", "A breath needs a way in: please give at least 0.1 seconds.")
        )
    if tenths["exhale"] == 0:
        problems.append(
            Invalid("exhale", "A breath needs a way out: please give at least 0.1 seconds.")
        )
    return tenths, problems


def check_timings(values: Mapping[str, str | float | int]) -> Timings:
    """The four steps of the form; InvalidPattern names every field to change."""
    tenths, problems = _timing_problems(values)
    if problems:
        raise InvalidPattern(problems)
    return Timings(**tenths)


@dataclass(frozen=True)
class CheckedPattern:
    """The custom-pattern form, checked: a tidy name and its timings."""

    name: str
    timings: Timings


def check_custom(name: str, values: Mapping[str, str | float | int]) -> CheckedPattern:
    """Check the whole custom-pattern form: the name and the four steps, all at once."""
    tenths, problems = _timing_problems(values)
    try:
        tidy = check_name(name)
    except Invalid as problem:
        problems.append(problem)
    if problems:
        raise InvalidPattern(problems)
    return CheckedPattern(tidy, Timings(**tenths))


def check_calm(rating: int | None) -> int | None:
    """A 1-5 calm rating or None (skipped); anything else is a programming error."""
    if rating is None:
        return None
    if isinstance(rating, bool) or not isinstance(rating, int) or rating not in CALM_SCALE:
        raise ValueError("a calm rating is a whole number from 1 to 5")
    return rating


# -- session plans ---------------------------------------------------------------------


@dataclass(frozen=True)
class SessionPlan:
    """A pattern repeated a whole number of times.

    A session chosen in minutes is the whole number of breaths that comes nearest to
    the time asked for (at least one): it never stops you halfway through a breath,
    and it ends within half a breath of the promise (a 4-7-8 minute is 3 breaths,
    57 s, not 4 breaths, 76 s). `requested_tenths` keeps what was asked for, and
    `about` says what will happen before you start.
    """

    pattern: BreathPattern
    cycles: int
    requested_tenths: int

    def __post_init__(self) -> None:
        if self.cycles < 1:
            raise ValueError("a session has at least one cycle")

    @classmethod
    def for_minutes(cls, pattern: BreathPattern, minutes: float) -> SessionPlan:
        requested = round(minutes * 60 * TENTHS_PER_SECOND)
        if requested <= 0:
            raise ValueError("a session lasts some time")
        # Nearest whole breath; exactly half a breath over rounds up, to finish unhurried.
        cycles = max(1, (2 * requested + pattern.cycle_tenths) // (2 * pattern.cycle_tenths))
        return cls(pattern, cycles, requested)

    @classmethod
    def for_cycles(cls, pattern: BreathPattern, cycles: int) -> SessionPlan:
        return cls(pattern, cycles, cycles * pattern.cycle_tenths)

    @property
    def total_tenths(self) -> int:
        return self.cycles * self.pattern.cycle_tenths

    @property
    def total_seconds(self) -> float:
        return self.total_tenths / TENTHS_PER_SECOND

    @property
    def exact(self) -> bool:
        """The breaths fill the time asked for exactly."""
        return self.total_tenths == self.requested_tenths

    @property
    def breaths(self) -> str:
        return f"{self.cycles} breath{'s' if self.cycles != 1 else ''}"


def parse_minutes(value: str | float | int) -> float:
    """A custom session length in minutes."""
    try:
        minutes = float(str(value).strip().replace(",", "."))
    except ValueError:
        raise Invalid(AMOUNT_FIELD, "Please enter a number of minutes, like 7.") from None
    if not math.isfinite(minutes):
        raise Invalid(AMOUNT_FIELD, "Please enter a number of minutes, like 7.")
    # Less than a tenth of a second would make no session at all.
    if round(minutes * 60 * TENTHS_PER_SECOND) <= 0:
        raise Invalid(AMOUNT_FIELD, "Please choose at least a little time, like 1 minute.")
    if minutes > MAX_SESSION_MINUTES:
        raise Invalid(
            AMOUNT_FIELD, f"Please keep a session to {MAX_SESSION_MINUTES} minutes or less."
        )
    return minutes


def parse_cycles(value: str | int) -> int:
    """A number of breaths for a session."""
    too_many = f"Please keep a session to {MAX_CYCLES} breaths or fewer."
    text = str(value).strip()
    if not text.isdecimal():  # digits of any script, as people type them; not "2.5" or "²"
        raise Invalid(AMOUNT_FIELD, "Please enter a whole number of breaths, like 10.")
    if len(text.lstrip("0")) > len(str(MAX_CYCLES)):  # before int(): no giant numbers
        raise Invalid(AMOUNT_FIELD, too_many)
    cycles = int(text)
    if cycles < 1:
        raise Invalid(AMOUNT_FIELD, "Please choose at least one breath.")
    if cycles > MAX_CYCLES:
        raise Invalid(AMOUNT_FIELD, too_many)
    return cycles


# -- a finished session, ready to save -------------------------------------------------


@dataclass(frozen=True)
class BreathSession:
    """One session as the history keeps it. Lengths are whole milliseconds."""

    pattern_id: str
    pattern_name: str
    started_at: datetime
    planned_ms: int
    actual_ms: int
    finished: bool
    calm_before: int | None = None
    calm_after: int | None = None
    id: int | None = None

    def __post_init__(self) -> None:
        if self.started_at.tzinfo is None:
            raise ValueError("started_at must know its time zone")
        if self.planned_ms <= 0 or self.actual_ms < 0:
            raise ValueError("a session's lengths are positive")
        check_calm(self.calm_before)
        check_calm(self.calm_after)

    @property
    def planned_seconds(self) -> float:
        return self.planned_ms / 1000

    @property
    def actual_seconds(self) -> float:
        return self.actual_ms / 1000


@dataclass(frozen=True)
class BreathTotals:
    sessions: int
    finished: int
    seconds: float

    @property
    def minutes(self) -> float:
        return self.seconds / 60


# -- content from resources/breathe ----------------------------------------------------


def _phase_from_toml(entry: Mapping[str, Any], pattern_id: str) -> Phase:
    tenths = round(float(entry["seconds"]) * TENTHS_PER_SECOND)
    if not math.isclose(tenths, float(entry["seconds"]) * TENTHS_PER_SECOND):
        raise ValueError(f"pattern {pattern_id}: phases are whole tenths of a second")
    return Phase(PhaseKind(entry["kind"]), tenths, entry.get("label", ""))


@cache
def presets() -> tuple[BreathPattern, ...]:
    """The built-in patterns, in the order the view offers them."""
    data = resources.load_toml("breathe/patterns.toml")
    return tuple(
        BreathPattern(
            id=entry["id"],
            name=entry["name"],
            phases=tuple(_phase_from_toml(p, entry["id"]) for p in entry["phases"]),
            summary=entry["summary"].strip(),
            description=entry["description"].strip(),
        )
        for entry in data["pattern"]
    )


def preset(pattern_id: str) -> BreathPattern:
    for pattern in presets():
        if pattern.id == pattern_id:
            return pattern
    raise KeyError(f"no preset with id {pattern_id}")


@dataclass(frozen=True)
class FloodedGuide:
    """The "I'm flooded" break: what to breathe, for how long, and what to say."""

    pattern_id: str
    minutes: int
    title: str
    why: str
    closing: str
    repair_phrases: tuple[str, ...]

    def plan(self) -> SessionPlan:
        return SessionPlan.for_minutes(preset(self.pattern_id), self.minutes)


@cache
def flooded_guide() -> FloodedGuide:
    data = resources.load_toml("breathe/flooded.toml")
    return FloodedGuide(
        pattern_id=data["pattern"],
        minutes=int(data["minutes"]),
        title=data["title"],
        why=" ".join(data["why"].split()),
        closing=" ".join(data["closing"].split()),
        repair_phrases=tuple(data["repair_phrases"]),
    )
