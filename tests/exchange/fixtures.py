"""A vault with something in every area, and small files in the shapes jrnl and Day One
export (written for these tests from their public documentation)."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

from app.breathe.model import BreathSession, Timings
from app.breathe.store import BreatheStore
from app.practice.coach import analyze
from app.practice.model import Attempt, ExerciseKind
from app.practice.store import PracticeStore
from app.progress.goals import CheckIn, Goal, GoalKind
from app.progress.store import GoalStore
from app.reflect.model import Entry, Kind, Setback, SetbackPattern, new_entry
from app.reflect.store import ReflectStore
from app.vault import Vault

START = datetime(2026, 1, 10, 20, 45).astimezone()


def fill_every_area(vault: Vault, clock) -> None:
    reflect = ReflectStore(vault, clock)
    reflect.create(
        new_entry(
            date(2026, 1, 3),
            title="After the quarrel about the holidays",
            body="I raised my voice.\n\nNext time I want to *pause* first.",
            mood=2,
            closeness=3,
            feelings=("hurt", "tired"),
            tags=("holidays", "family"),
            starred=True,
        )
    )
    reflect.create(
        Entry(
            entry_date=date(2026, 1, 5),
            kind=Kind.SETBACK,
            title="",
            body="Some more to remember.",
            setback=Setback(
                pattern=SetbackPattern.DEFENSIVENESS,
                what_happened="I explained instead of listening.",
                what_i_learned="Listening first lowers the heat.",
                what_next="Ask one question before answering.",
                repaired_on=date(2026, 1, 6),
                how_repaired="We talked over tea.",
            ),
            shareable=True,
        )
    )
    reflect.create(new_entry(date(2026, 1, 9), Kind.GRATITUDE, body="Thank you for the soup."))
    practice = PracticeStore(vault)
    for minutes, (kind, text) in enumerate(
        [
            (ExerciseKind.REWRITE, "I feel lonely when evenings go by without talking."),
            (ExerciseKind.STARTUP, "When I noticed the dishes, I felt tired."),
        ]
    ):
        practice.save_attempt(
            Attempt(
                exercise=kind,
                text=text,
                created_at=START + timedelta(minutes=minutes),
                scenario_id="chores-dishes" if kind is ExerciseKind.REWRITE else None,
                analysis=analyze(text).to_dict(),
                starred=minutes == 0,
            )
        )
    practice.star("repair-1", START)
    practice.save_drafts({"startup": {"noticed": "the lights left on"}})
    breathe = BreatheStore(vault)
    evening = breathe.add_pattern("Evening wind-down", Timings(40, 0, 65, 20))
    breathe.add_session(BreathSession("box", "Box breathing", START, 64_000, 64_000, True, 2, 4))
    breathe.add_session(
        BreathSession(evening.id, evening.name, START + timedelta(hours=1), 60_000, 30_000, False)
    )
    GoalStore(vault, clock).add(
        Goal(
            title="A walk together every Sunday",
            started_on=date(2026, 1, 4),
            kind=GoalKind.HABIT,
            why="It is when we talk best.",
            check_ins=(CheckIn(date(2026, 1, 4), "By the river."), CheckIn(date(2026, 1, 11))),
        )
    )


def jrnl_export() -> bytes:
    doc = {
        "tags": {"@walks": 1, "@home": 1},
        "entries": [
            {
                "title": "Long walk by the river.",
                "body": "We talked about small things and it felt easy.\n",
                "date": "2025-10-02",
                "time": "19:30",
                "tags": ["@walks"],
                "starred": True,
            },
            {
                "title": "Quiet evening.",
                "body": "",
                "date": "2025-10-03",
                "time": "22:05",
                "tags": ["@home"],
                "starred": False,
            },
        ],
    }
    return json.dumps(doc, indent=2).encode()


def dayone_export() -> bytes:
    doc = {
        "metadata": {"version": "1.0"},
        "entries": [
            {
                "uuid": "6F1B0C5E2D6A4B0E9D1C2B3A4F5E6D7C",
                "creationDate": "2025-11-20T07:30:00Z",
                "modifiedDate": "2025-11-20T08:00:00Z",
                "timeZone": "Europe/Paris",
                "text": "# Morning coffee together\n\nWe laughed about the cat\\. Lovely\\!",
                "tags": ["Mornings", "us"],
                "starred": True,
            },
            {
                "uuid": "0A1B2C3D4E5F60718293A4B5C6D7E8F9",
                "creationDate": "2025-11-21T23:30:00Z",
                "timeZone": "America/New_York",
                "text": "No heading on this one, just a few lines.",
                "starred": False,
            },
        ],
    }
    return json.dumps(doc, indent=2).encode()
