"""Putting a Bundle into the vault: checked first, then all in one transaction.

Every item is checked before anything is written, so a bad item is named and nothing
is imported. Items already in the vault are skipped, so importing the same file twice
adds nothing: an entry is the same when its date, title and body are; an attempt when
its exercise, moment and text are; a session when its start, pattern and length are;
a custom pattern when its name is.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime

from app.breathe.model import parse_custom_pattern_id
from app.breathe.store import BreatheStore
from app.clock import Clock
from app.exchange.bundle import Bundle, entries_oldest_first
from app.exchange.problems import ImportProblem
from app.exchange.tend_json import CUSTOM
from app.practice.store import PracticeStore
from app.progress.goals import validate_check_in, validate_goal
from app.progress.store import GoalStore
from app.reflect.model import Entry, InvalidEntry, validate
from app.reflect.store import ReflectStore
from app.validation import Invalid
from app.vault import Vault
from app.vault.backup import Cancelled
from app.vault.batch import one_transaction

Progress = Callable[[int, int], None]
CHUNK = 200  # entries written per store call, between progress reports


@dataclass
class ImportReport:
    added: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)

    @property
    def total_added(self) -> int:
        return sum(self.added.values())

    def summary(self) -> str:
        """One line for a person: "Imported 12 entries and 3 other items. 2 were there."."""
        added = self.added.get("entries", 0)
        others = self.total_added - added
        text = f"Imported {_count(added, 'entry', 'entries')}"
        if others:
            text += f" and {_count(others, 'other item', 'other items')}"
        text += "."
        already = sum(self.skipped.values())
        if already:
            text += f" {_count(already, 'item was', 'items were')} already in your vault."
        return text


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _digest(*parts: object) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(str(part).encode("utf-8", "surrogatepass"))
        hasher.update(b"\x00")
    return hasher.hexdigest()


def entry_key(entry: Entry) -> str:
    return _digest(entry.entry_date.isoformat(), " ".join(entry.title.split()), entry.body)


def _moment_key(moment: datetime) -> str:
    return moment.timestamp().__repr__()


def check_entries(entries: list[Entry], today) -> list[Entry]:
    """Each entry as it will be saved, or ImportProblem naming the first bad one."""
    checked = []
    for number, entry in enumerate(entries, 1):
        try:
            checked.append(validate(entry, today))
        except InvalidEntry as exc:
            raise ImportProblem(f"Entry {number}: {exc.message}") from None
    return checked


def check_goals(bundle: Bundle, today) -> None:
    for number, goal in enumerate(bundle.goals, 1):
        try:
            validate_goal(goal, today)
            for step in goal.check_ins:
                validate_check_in(step, today)
        except Invalid as exc:
            raise ImportProblem(f"Goal {number}: {exc.message}") from None


def _goal_key(title: str, started_on) -> str:
    return _digest(" ".join(title.split()).casefold(), started_on.isoformat())


def import_bundle(
    vault: Vault,
    bundle: Bundle,
    clock: Clock | None = None,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> ImportReport:
    clock = clock or Clock()
    entries = check_entries(bundle.entries, clock.today())
    check_goals(bundle, clock.today())
    report = ImportReport()
    known_goals = {_goal_key(g.title, g.started_on) for g in GoalStore(vault).goals()}
    known = {entry_key(e) for e in entries_oldest_first(vault)}
    practice, breathe = PracticeStore(vault), BreatheStore(vault)
    known_attempts = {
        _digest(a.exercise.value, _moment_key(a.created_at), a.text) for a in practice.history()
    }
    known_patterns = {p.name.casefold(): p.id for p in breathe.custom_patterns()}
    known_sessions = {
        _digest(_moment_key(s.started_at), s.pattern_name, s.actual_ms)
        for s in breathe.recent_sessions(1 << 62)
    }
    drafts_there = practice.drafts()
    favourites_there = set(practice.favourites())

    fresh_entries = []
    for entry in entries:
        key = entry_key(entry)
        if key in known:
            continue
        known.add(key)
        fresh_entries.append(entry)
    report.added["entries"] = len(fresh_entries)
    report.skipped["entries"] = len(entries) - len(fresh_entries)
    total = len(fresh_entries) + len(bundle.attempts) + len(bundle.sessions)
    done = 0

    def step(count: int) -> None:
        nonlocal done
        if cancel is not None and cancel.is_set():
            raise Cancelled()  # the one transaction rolls back: nothing stays
        done += count
        if progress is not None:
            progress(done, total)

    with one_transaction(vault) as batch:
        reflect = ReflectStore(batch, clock)  # type: ignore[arg-type]
        for start in range(0, len(fresh_entries), CHUNK):
            chunk = fresh_entries[start : start + CHUNK]
            reflect.create_many(chunk)
            step(len(chunk))
        _import_practice(
            PracticeStore(batch),  # type: ignore[arg-type]
            bundle,
            report,
            known_attempts,
            drafts_there,
            favourites_there,
            clock,
            step,
        )
        _import_breathing(
            BreatheStore(batch),  # type: ignore[arg-type]
            bundle,
            report,
            known_patterns,
            known_sessions,
            step,
        )
        goals = GoalStore(batch, clock)  # type: ignore[arg-type]
        added = 0
        for goal in bundle.goals:
            key = _goal_key(goal.title, goal.started_on)
            if key not in known_goals:
                known_goals.add(key)
                goals.add(replace(goal, id=None))
                added += 1
        report.added["goals"] = added
        report.skipped["goals"] = len(bundle.goals) - added
        step(0)
    return report


def _import_practice(store, bundle, report, known, drafts_there, favourites_there, clock, step):
    added = 0
    for attempt in bundle.attempts:
        key = _digest(attempt.exercise.value, _moment_key(attempt.created_at), attempt.text)
        if key not in known:
            known.add(key)
            store.save_attempt(replace(attempt, id=None))
            added += 1
        step(1)
    report.added["practice attempts"] = added
    report.skipped["practice attempts"] = len(bundle.attempts) - added
    new_drafts = {k: v for k, v in bundle.drafts.items() if k not in drafts_there}
    if new_drafts:
        store.save_drafts(new_drafts)
    report.added["practice drafts"] = len(new_drafts)
    # Starred oldest first, so the newest keeps its place at the top of the list.
    when = clock.now()
    new_favourites = [f for f in reversed(bundle.favourites) if f not in favourites_there]
    for phrase_id in new_favourites:
        store.star(phrase_id, when)
    report.added["starred phrases"] = len(new_favourites)


def _import_breathing(store, bundle, report, known_patterns, known_sessions, step):
    added = 0
    for number, pattern in enumerate(bundle.patterns, 1):
        if pattern.name.casefold() in known_patterns:
            continue
        try:
            made = store.add_pattern(pattern.name, pattern.timings)
        except ValueError as exc:
            raise ImportProblem(f"Breathing pattern {number}: {exc}") from None
        known_patterns[made.name.casefold()] = made.id
        added += 1
    report.added["breathing patterns"] = added
    added = 0
    for session in bundle.sessions:
        key = _digest(_moment_key(session.started_at), session.pattern_name, session.actual_ms)
        if key not in known_sessions:
            known_sessions.add(key)
            pattern_id = session.pattern_id
            if pattern_id == CUSTOM or parse_custom_pattern_id(pattern_id) is not None:
                # Custom patterns get new ids here: follow the name, as the log does.
                pattern_id = known_patterns.get(session.pattern_name.casefold(), f"{CUSTOM}:0")
            store.add_session(replace(session, id=None, pattern_id=pattern_id))
            added += 1
        step(1)
    report.added["breathing sessions"] = added
    report.skipped["breathing sessions"] = len(bundle.sessions) - added


def parsers() -> dict[str, Callable[[bytes], Bundle]]:
    from app.exchange import foreign, tend_json

    return {"tend": tend_json.parse, "jrnl": foreign.parse_jrnl, "dayone": foreign.parse_dayone}


FORMATS = ("tend", "jrnl", "dayone")
MAX_IMPORT_BYTES = 512 * 1024 * 1024  # a journal this size is a mistake, not a journal


def read_file(path, fmt: str) -> Bundle:
    """Parse a file in one of FORMATS, or raise ImportProblem saying what is wrong."""
    from pathlib import Path

    path = Path(path)
    if path.is_dir():
        raise ImportProblem("That is a folder; choose the exported file itself.")
    if path.stat().st_size > MAX_IMPORT_BYTES:
        raise ImportProblem("That file is far larger than any journal export.")
    return parsers()[fmt](path.read_bytes())
