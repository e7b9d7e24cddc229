"""A reflection summary as data: what a period held, what the person chose to show.

Pure Python: no Qt, no SQL. `gather.py` reads the ports into `Source`; `build` turns a
`Source` and the person's `Choices` into a `Summary` that any renderer can draw. Words
appear only for entries and attempts the person ticked; shareable ones start ticked,
private ones never do. The summary says in plain words what it holds and leaves out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from app.activity import BreathRecord, DayRange, EntryText, PracticeRecord, ReflectionRecord
from app.practice.model import Attempt, ExerciseKind, scenario
from app.reflect.model import KINDS, PATTERN_LABELS, Kind, SetbackPattern
from app.summary.period import period_text


class Section(StrEnum):
    NUMBERS = "numbers"
    CHART = "chart"
    ENTRIES = "entries"
    SETBACKS = "setbacks"
    PRACTICE = "practice"
    GOALS = "goals"
    MILESTONES = "milestones"


SECTION_TITLES: dict[Section, str] = {
    Section.NUMBERS: "The period in numbers",
    Section.CHART: "Mood and closeness",
    Section.ENTRIES: "Chosen entries",
    Section.SETBACKS: "What setbacks taught",
    Section.PRACTICE: "Favourite practice",
    Section.GOALS: "Goals and check-ins",
    Section.MILESTONES: "Milestones reached",
}

ALL_SECTIONS = frozenset(Section)

EXERCISE_LABELS: dict[str, str] = {
    ExerciseKind.STARTUP: "Gentle start-up",
    ExerciseKind.REWRITE: "Rewriting a harsh start-up",
    ExerciseKind.LISTENING: "Active listening",
    ExerciseKind.REPAIR: "Repair phrase",
    ExerciseKind.APOLOGY: "Owning my part",
    ExerciseKind.INSIGHT: "Sharing an insight",
}


# -- what the ports said ---------------------------------------------------------------


@dataclass(frozen=True)
class Goal:
    title: str
    checkins: tuple[tuple[date, str], ...]  # (day, note), oldest first, within the period
    done: bool = False


@dataclass(frozen=True)
class ProgressFacts:
    """What Progress's metrics say about the period (see gather.py)."""

    streak: int = 0  # days in a row with any practice of care, up to the period's end
    longest_streak: int = 0  # the longest run inside the period
    milestones: tuple[tuple[date, str], ...] = ()
    goals: tuple[Goal, ...] = ()
    # (first day of the point, mood average, closeness average), oldest first
    series: tuple[tuple[date, float | None, float | None], ...] = ()
    series_grain: str = "day"  # "day" or "week"


@dataclass(frozen=True)
class Source:
    """Everything a summary of one period may draw on, read once through the ports."""

    span: DayRange
    entries: tuple[ReflectionRecord, ...] = ()
    texts: dict[int, EntryText] = field(default_factory=dict)  # by entry id
    attempts: tuple[PracticeRecord, ...] = ()
    words: dict[int, Attempt] = field(default_factory=dict)  # starred attempts, by id
    breaths: tuple[BreathRecord, ...] = ()
    progress: ProgressFacts = field(default_factory=ProgressFacts)

    @property
    def starred_attempts(self) -> tuple[PracticeRecord, ...]:
        return tuple(a for a in self.attempts if a.starred)


@dataclass(frozen=True)
class Choices:
    sections: frozenset[Section] = ALL_SECTIONS
    entries: frozenset[int] = frozenset()  # ticked entry ids
    attempts: frozenset[int] = frozenset()  # ticked starred attempt ids


def default_choices(source: Source, sections: Iterable[Section] = ALL_SECTIONS) -> Choices:
    """Shareable entries and attempts ticked, private ones not: private by default."""
    return Choices(
        sections=frozenset(sections),
        entries=frozenset(e.entry_id for e in source.entries if e.shareable),
        attempts=frozenset(a.attempt_id for a in source.starred_attempts if a.shareable),
    )


def everything_chosen(source: Source, sections: Iterable[Section] = ALL_SECTIONS) -> Choices:
    """Every entry and starred attempt ticked (`tend summary --include-private`)."""
    return Choices(
        sections=frozenset(sections),
        entries=frozenset(e.entry_id for e in source.entries),
        attempts=frozenset(a.attempt_id for a in source.starred_attempts),
    )


# -- the summary as a renderer sees it -------------------------------------------------


@dataclass(frozen=True)
class Numbers:
    entries: int
    days_written: int
    attempts: int
    breath_minutes: int
    breath_sessions: int
    streak: int
    longest_streak: int


@dataclass(frozen=True)
class ChartPoint:
    day: date
    mood: float | None
    closeness: float | None


@dataclass(frozen=True)
class Chart:
    points: tuple[ChartPoint, ...]
    grain: str  # "day" or "week"
    entries_counted: int  # entries with a mood or closeness, numbers only

    @property
    def mood_average(self) -> float | None:
        return _mean(p.mood for p in self.points)

    @property
    def closeness_average(self) -> float | None:
        return _mean(p.closeness for p in self.points)


@dataclass(frozen=True)
class EntryBlock:
    entry_id: int
    day: date
    kind: str  # a label, e.g. "Gratitude"
    title: str
    body: str
    feelings: tuple[str, ...]


@dataclass(frozen=True)
class SetbackBlock:
    entry_id: int
    day: date
    title: str
    pattern: str | None  # a label
    what_happened: str
    what_i_learned: str
    what_next: str
    repaired_on: date | None
    how_repaired: str


@dataclass(frozen=True)
class AttemptBlock:
    attempt_id: int
    day: date
    exercise: str  # a label
    before_label: str
    before: str  # empty when the exercise has no "before"
    after_label: str
    after: str
    score: int | None


@dataclass(frozen=True)
class Summary:
    span: DayRange
    period: str  # the period in words
    made_on: date
    sections: tuple[Section, ...]  # the sections on, in reading order
    numbers: Numbers
    chart: Chart
    entries: tuple[EntryBlock, ...]
    setbacks: tuple[SetbackBlock, ...]
    attempts: tuple[AttemptBlock, ...]
    goals: tuple[Goal, ...]
    milestones: tuple[tuple[date, str], ...]
    statement: tuple[str, ...]  # what it holds and what it leaves out, in plain words

    def has(self, section: Section) -> bool:
        return section in self.sections


def build(source: Source, choices: Choices, made_on: date) -> Summary:
    on = tuple(s for s in Section if s in choices.sections)
    setbacks_apart = Section.SETBACKS in on
    ticked = [e for e in source.entries if e.entry_id in choices.entries]
    entries: list[EntryBlock] = []
    setbacks: list[SetbackBlock] = []
    for record in ticked:
        text = source.texts.get(record.entry_id)
        if record.setback is not None and setbacks_apart:
            setbacks.append(_setback_block(record, text))
        elif text is not None:
            entries.append(_entry_block(text))
    attempts = [
        _attempt_block(record, source.words[record.attempt_id])
        for record in source.starred_attempts
        if record.attempt_id in choices.attempts and record.attempt_id in source.words
    ]
    summary = Summary(
        span=source.span,
        period=period_text(source.span),
        made_on=made_on,
        sections=on,
        numbers=_numbers(source),
        chart=_chart(source),
        entries=tuple(entries) if Section.ENTRIES in on else (),
        setbacks=tuple(setbacks) if setbacks_apart else (),
        attempts=tuple(attempts) if Section.PRACTICE in on else (),
        goals=source.progress.goals if Section.GOALS in on else (),
        milestones=source.progress.milestones if Section.MILESTONES in on else (),
        statement=(),
    )
    return _with_statement(summary, source, choices)


def _numbers(source: Source) -> Numbers:
    seconds = sum(b.seconds for b in source.breaths)
    return Numbers(
        entries=len(source.entries),
        days_written=len({e.day for e in source.entries}),
        attempts=len(source.attempts),
        breath_minutes=round(seconds / 60),
        breath_sessions=len(source.breaths),
        streak=source.progress.streak,
        longest_streak=source.progress.longest_streak,
    )


def _chart(source: Source) -> Chart:
    points = tuple(ChartPoint(day, m, c) for day, m, c in source.progress.series)
    counted = sum(1 for e in source.entries if e.mood is not None or e.closeness is not None)
    return Chart(points=points, grain=source.progress.series_grain, entries_counted=counted)


def _entry_block(text: EntryText) -> EntryBlock:
    return EntryBlock(
        entry_id=text.entry_id,
        day=text.day,
        kind=_kind_label(text.kind),
        title=text.title,
        body=text.body.strip(),
        feelings=text.feelings,
    )


def _setback_block(record: ReflectionRecord, text: EntryText | None) -> SetbackBlock:
    note = record.setback
    assert note is not None
    return SetbackBlock(
        entry_id=record.entry_id,
        day=record.day,
        title=text.title if text is not None else "",
        pattern=_pattern_label(note.pattern),
        what_happened=note.what_happened.strip(),
        what_i_learned=note.what_i_learned.strip(),
        what_next=note.what_next.strip(),
        repaired_on=note.repaired_on,
        how_repaired=note.how_repaired.strip(),
    )


def _attempt_block(record: PracticeRecord, attempt: Attempt) -> AttemptBlock:
    before_label, after_label = "", "Your words"
    before = ""
    known = _scenario_lines(attempt.scenario_id)
    if attempt.exercise == ExerciseKind.REWRITE and known:
        before_label, before, after_label = "The harsh start-up", known[0], "Your gentler way"
    elif attempt.exercise == ExerciseKind.LISTENING and known:
        before_label, before, after_label = "What was said", known[1], "How you listened"
    return AttemptBlock(
        attempt_id=record.attempt_id,
        day=record.day,
        exercise=EXERCISE_LABELS.get(record.exercise, "Practice"),
        before_label=before_label,
        before=before,
        after_label=after_label,
        after=attempt.text.strip(),
        score=record.score,
    )


def _scenario_lines(scenario_id: str | None) -> tuple[str, str] | None:
    if not scenario_id:
        return None
    try:
        found = scenario(scenario_id)
    except KeyError:  # a scenario retired since the attempt was saved
        return None
    return found.harsh_line, found.partner_words


def _kind_label(kind: str) -> str:
    try:
        return KINDS[Kind(kind)].label
    except ValueError:
        return "Entry"


def _pattern_label(pattern: str | None) -> str | None:
    if not pattern:
        return None
    try:
        return PATTERN_LABELS[SetbackPattern(pattern)]
    except ValueError:
        return None


# -- what it holds and leaves out -------------------------------------------------------


def _with_statement(summary: Summary, source: Source, choices: Choices) -> Summary:
    from dataclasses import replace

    return replace(summary, statement=statement(summary, source, choices))


def statement(summary: Summary, source: Source, choices: Choices) -> tuple[str, ...]:
    """Plain sentences: what the summary holds, and what stays out of it."""
    lines: list[str] = []
    words_on = summary.has(Section.ENTRIES) or summary.has(Section.SETBACKS)
    total = len(source.entries)
    if total == 0:
        lines.append("There are no journal entries in this period.")
    elif not words_on:
        lines.append(f"No words from your {_count(total, 'entry', 'entries')} are included.")
    else:
        shown = {b.entry_id for b in summary.entries} | {b.entry_id for b in summary.setbacks}
        records = [e for e in source.entries if e.entry_id in shown]
        shareable = sum(1 for e in records if e.shareable)
        private_in = len(records) - shareable
        left_private = sum(1 for e in source.entries if not e.shareable and e.entry_id not in shown)
        left_shareable = sum(1 for e in source.entries if e.shareable and e.entry_id not in shown)
        held = f"{_count(shareable, 'shareable entry', 'shareable entries')} included"
        if private_in:
            held += f", and {_count(private_in, 'private entry', 'private entries')} you ticked"
        parts = [held]
        if left_private:
            parts.append(f"{_count(left_private, 'private entry', 'private entries')} left out")
        if left_shareable:
            parts.append(
                f"{_count(left_shareable, 'shareable entry', 'shareable entries')} unticked"
            )
        lines.append("; ".join(parts) + ".")
        if not summary.has(Section.SETBACKS) or not summary.has(Section.ENTRIES):
            hidden = _hidden_by_section(summary, source, choices)
            if hidden:
                lines.append(hidden)
    starred = source.starred_attempts
    if summary.has(Section.PRACTICE) and starred:
        shown_a = len(summary.attempts)
        left = len(starred) - shown_a
        text = (
            f"{_count(shown_a, 'favourite practice attempt', 'favourite practice attempts')}"
            " included"
        )
        if left:
            text += f"; {left} left out"
        lines.append(text + ".")
    unstarred = len(source.attempts) - (len(starred) if summary.has(Section.PRACTICE) else 0)
    if unstarred > 0 and summary.has(Section.NUMBERS):
        others = "other " if summary.has(Section.PRACTICE) and starred else ""
        if unstarred == 1:
            lines.append(f"1 {others}practice attempt is counted, without its words.")
        else:
            lines.append(f"{unstarred} {others}practice attempts are counted, without their words.")
    if summary.has(Section.CHART) and summary.chart.entries_counted:
        lines.append(
            "The chart shows mood and closeness as numbers only, from "
            f"{_count(summary.chart.entries_counted, 'entry', 'entries')}."
        )
    off = [SECTION_TITLES[s].lower() for s in Section if s not in summary.sections]
    if off:
        lines.append(f"Left out by your choice: {_join(off)}.")
    return tuple(lines)


def _hidden_by_section(summary: Summary, source: Source, choices: Choices) -> str:
    """Ticked entries kept out because the chosen-entries section is off."""
    if summary.has(Section.ENTRIES):
        return ""  # setbacks then show among the entries: nothing ticked is hidden
    n = sum(1 for e in source.entries if e.entry_id in choices.entries and e.setback is None)
    if not n:
        return ""
    return f"{_count(n, 'ticked entry stays', 'ticked entries stay')} out: chosen entries is off."


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _mean(values: Iterable[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None
