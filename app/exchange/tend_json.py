"""Tend's own JSON export: one file holding everything a person wrote, versioned.

The format is described in docs/EXPORT_FORMAT.md. Reading it back checks every field
and names the item that is wrong, never quoting what it says.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from app import __version__
from app.breathe.model import (
    BreathSession,
    Timings,
    check_calm,
    check_name,
    parse_custom_pattern_id,
)
from app.exchange.bundle import Bundle, CustomPattern
from app.exchange.problems import ImportProblem, field_of, load_json
from app.practice.model import Attempt, ExerciseKind
from app.progress.goals import CheckIn, Goal, GoalKind
from app.reflect.model import Entry, Kind, Setback, SetbackPattern
from app.validation import Invalid

FORMAT = "tend-export"
VERSION = 1
CUSTOM = "custom"  # a session's pattern_id when it followed one of the person's patterns


# -- writing ------------------------------------------------------------------------------


def _iso(moment: datetime | None) -> str | None:
    # With the offset of the moment it was lived, so the local day survives the trip.
    return moment.astimezone().isoformat() if moment is not None else None


def entry_json(entry: Entry) -> dict[str, Any]:
    setback = entry.setback
    return {
        "date": entry.entry_date.isoformat(),
        "kind": entry.kind.value,
        "title": entry.title,
        "body": entry.body,
        "mood": entry.mood,
        "closeness": entry.closeness,
        "feelings": list(entry.feelings),
        "tags": list(entry.tags),
        "starred": entry.starred,
        "shareable": entry.shareable,
        "prompt_id": entry.prompt_id,
        "setback": None
        if setback is None
        else {
            "pattern": setback.pattern.value if setback.pattern else None,
            "what_happened": setback.what_happened,
            "what_i_learned": setback.what_i_learned,
            "what_next": setback.what_next,
            "repaired_on": setback.repaired_on.isoformat() if setback.repaired_on else None,
            "how_repaired": setback.how_repaired,
        },
        "created_at": _iso(entry.created_at),
        "updated_at": _iso(entry.updated_at),
    }


def attempt_json(attempt: Attempt) -> dict[str, Any]:
    return {
        "exercise": attempt.exercise.value,
        "scenario_id": attempt.scenario_id,
        "text": attempt.text,
        "analysis": attempt.analysis,
        "created_at": _iso(attempt.created_at),
        "starred": attempt.starred,
        "shareable": attempt.shareable,
    }


def session_json(session: BreathSession) -> dict[str, Any]:
    custom = parse_custom_pattern_id(session.pattern_id) is not None
    return {
        "pattern_id": CUSTOM if custom else session.pattern_id,
        "pattern_name": session.pattern_name,
        "started_at": _iso(session.started_at),
        "planned_ms": session.planned_ms,
        "actual_ms": session.actual_ms,
        "finished": session.finished,
        "calm_before": session.calm_before,
        "calm_after": session.calm_after,
    }


def goal_json(goal: Goal) -> dict[str, Any]:
    return {
        "title": goal.title,
        "why": goal.why,
        "kind": goal.kind.value,
        "started_on": goal.started_on.isoformat(),
        "target_on": goal.target_on.isoformat() if goal.target_on else None,
        "done_on": goal.done_on.isoformat() if goal.done_on else None,
        "check_ins": [{"day": c.day.isoformat(), "note": c.note} for c in goal.check_ins],
    }


def to_document(bundle: Bundle, exported_at: datetime) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "app_version": __version__,
        "exported_at": _iso(exported_at),
        "entries": [entry_json(e) for e in bundle.entries],
        "practice_attempts": [attempt_json(a) for a in bundle.attempts],
        "practice_drafts": bundle.drafts,
        "starred_repair_phrases": bundle.favourites,
        "breathing_patterns": [
            {
                "name": p.name,
                "inhale_tenths": p.timings.inhale,
                "hold_in_tenths": p.timings.hold_in,
                "exhale_tenths": p.timings.exhale,
                "hold_out_tenths": p.timings.hold_out,
            }
            for p in bundle.patterns
        ],
        "breathing_sessions": [session_json(s) for s in bundle.sessions],
        "goals": [goal_json(g) for g in bundle.goals],
    }


def dumps(bundle: Bundle, exported_at: datetime) -> bytes:
    text = json.dumps(to_document(bundle, exported_at), ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


# -- reading ------------------------------------------------------------------------------


def _moment(item: dict, key: str, where: str, *, optional: bool = False) -> datetime | None:
    value = field_of(item, key, (str, type(None)) if optional else str, where)
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise ImportProblem(f"{where}: {key} is not a date and time Tend can read.") from None


def _day(value: object, key: str, where: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ImportProblem(f"{where}: {key} is not a date (YYYY-MM-DD).") from None


def _words(item: dict, key: str, where: str) -> tuple[str, ...]:
    words = field_of(item, key, list, where, [])
    if not all(isinstance(word, str) for word in words):
        raise ImportProblem(f"{where}: {key} is not a list of words.")
    return tuple(words)


def _entry(item: Any, where: str) -> Entry:
    if not isinstance(item, dict):
        raise ImportProblem(f"{where} is not an object.")
    try:
        kind = Kind(field_of(item, "kind", str, where))
    except ValueError:
        raise ImportProblem(f"{where}: that kind of entry is not one Tend knows.") from None
    setback = None
    raw = item.get("setback")
    if raw is not None:
        if not isinstance(raw, dict):
            raise ImportProblem(f"{where}: setback is not an object.")
        pattern = raw.get("pattern")
        try:
            pattern = SetbackPattern(pattern) if pattern else None
        except ValueError:
            raise ImportProblem(f"{where}: that setback pattern is not one Tend knows.") from None
        setback = Setback(
            pattern=pattern,
            what_happened=field_of(raw, "what_happened", str, where, ""),
            what_i_learned=field_of(raw, "what_i_learned", str, where, ""),
            what_next=field_of(raw, "what_next", str, where, ""),
            repaired_on=_day(raw.get("repaired_on"), "repaired_on", where),
            how_repaired=field_of(raw, "how_repaired", str, where, ""),
        )
    return Entry(
        entry_date=_day(field_of(item, "date", str, where), "date", where),
        kind=kind,
        title=field_of(item, "title", str, where, ""),
        body=field_of(item, "body", str, where, ""),
        mood=field_of(item, "mood", (int, type(None)), where, None),
        closeness=field_of(item, "closeness", (int, type(None)), where, None),
        feelings=_words(item, "feelings", where),
        tags=_words(item, "tags", where),
        starred=field_of(item, "starred", bool, where, False),
        shareable=field_of(item, "shareable", bool, where, False),
        prompt_id=field_of(item, "prompt_id", (str, type(None)), where, None),
        setback=setback,
        created_at=_moment(item, "created_at", where, optional=True),
        updated_at=_moment(item, "updated_at", where, optional=True),
    )


def _attempt(item: Any, where: str) -> Attempt:
    if not isinstance(item, dict):
        raise ImportProblem(f"{where} is not an object.")
    try:
        exercise = ExerciseKind(field_of(item, "exercise", str, where))
    except ValueError:
        raise ImportProblem(f"{where}: that exercise is not one Tend knows.") from None
    return Attempt(
        exercise=exercise,
        text=field_of(item, "text", str, where),
        created_at=_moment(item, "created_at", where),
        scenario_id=field_of(item, "scenario_id", (str, type(None)), where, None),
        analysis=field_of(item, "analysis", dict, where, {}),
        starred=field_of(item, "starred", bool, where, False),
        shareable=field_of(item, "shareable", bool, where, False),
    )


def _pattern(item: Any, where: str) -> CustomPattern:
    if not isinstance(item, dict):
        raise ImportProblem(f"{where} is not an object.")
    try:
        timings = Timings(
            *(
                field_of(item, f"{step}_tenths", int, where)
                for step in ("inhale", "hold_in", "exhale", "hold_out")
            )
        )
    except ValueError:
        raise ImportProblem(f"{where}: its steps are not lengths Tend can breathe.") from None
    try:
        name = check_name(field_of(item, "name", str, where))
    except Invalid as problem:
        raise ImportProblem(f"{where}: {problem.message}") from None
    return CustomPattern(name, timings)


def _session(item: Any, where: str) -> BreathSession:
    if not isinstance(item, dict):
        raise ImportProblem(f"{where} is not an object.")
    started = _moment(item, "started_at", where)
    if started.tzinfo is None:
        started = started.astimezone()
    calm = []
    for key in ("calm_before", "calm_after"):
        try:
            calm.append(check_calm(field_of(item, key, (int, type(None)), where, None)))
        except ValueError:
            raise ImportProblem(f"{where}: {key} is not a rating Tend knows.") from None
    lengths = [field_of(item, key, int, where) for key in ("planned_ms", "actual_ms")]
    if min(lengths) < 0:
        raise ImportProblem(f"{where}: a length is below zero.")
    return BreathSession(
        pattern_id=field_of(item, "pattern_id", str, where),
        pattern_name=field_of(item, "pattern_name", str, where),
        started_at=started,
        planned_ms=lengths[0],
        actual_ms=lengths[1],
        finished=field_of(item, "finished", bool, where),
        calm_before=calm[0],
        calm_after=calm[1],
    )


def _goal(item: Any, where: str) -> Goal:
    if not isinstance(item, dict):
        raise ImportProblem(f"{where} is not an object.")
    try:
        kind = GoalKind(field_of(item, "kind", str, where))
    except ValueError:
        raise ImportProblem(f"{where}: that kind of goal is not one Tend knows.") from None
    steps = field_of(item, "check_ins", list, where, [])
    check_ins = []
    for number, step in enumerate(steps, 1):
        inside = f"{where}, check-in {number}"
        if not isinstance(step, dict):
            raise ImportProblem(f"{inside} is not an object.")
        check_ins.append(
            CheckIn(
                day=_day(field_of(step, "day", str, inside), "day", inside),
                note=field_of(step, "note", str, inside, ""),
            )
        )
    return Goal(
        title=field_of(item, "title", str, where),
        why=field_of(item, "why", str, where, ""),
        kind=kind,
        started_on=_day(field_of(item, "started_on", str, where), "started_on", where),
        target_on=_day(
            field_of(item, "target_on", (str, type(None)), where, None), "target_on", where
        ),
        done_on=_day(field_of(item, "done_on", (str, type(None)), where, None), "done_on", where),
        check_ins=tuple(check_ins),
    )


def _items(doc: dict, key: str, label: str, parse) -> list:
    items = doc.get(key, [])
    if not isinstance(items, list):
        raise ImportProblem(f"The file's {key} is not a list.")
    return [parse(item, f"{label} {number}") for number, item in enumerate(items, 1)]


def parse(data: bytes) -> Bundle:
    """A Tend export as a Bundle, or ImportProblem naming what is wrong and where."""
    doc = load_json(data)
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ImportProblem("This is not a Tend export: its format field is missing.")
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ImportProblem("This Tend export has no format version.")
    if version > VERSION:
        raise ImportProblem(
            "This export was made by a newer version of Tend. Please update Tend to import it."
        )
    drafts = doc.get("practice_drafts", {})
    favourites = doc.get("starred_repair_phrases", [])
    if not isinstance(drafts, dict) or not all(isinstance(d, dict) for d in drafts.values()):
        raise ImportProblem("The file's practice_drafts is not an object of drafts.")
    if not isinstance(favourites, list) or not all(isinstance(f, str) for f in favourites):
        raise ImportProblem("The file's starred_repair_phrases is not a list of ids.")
    return Bundle(
        entries=_items(doc, "entries", "Entry", _entry),
        attempts=_items(doc, "practice_attempts", "Practice attempt", _attempt),
        patterns=_items(doc, "breathing_patterns", "Breathing pattern", _pattern),
        sessions=_items(doc, "breathing_sessions", "Breathing session", _session),
        favourites=list(favourites),
        drafts=dict(drafts),
        goals=_items(doc, "goals", "Goal", _goal),
    )
