"""Made-up days of a life with Tend, for the summary's tests, benchmark and screenshots.

Every sentence here is our own invention. Marker words tell shareable text from private
text, so a test can check that private words stay out of a summary.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from app.breathe.model import BreathSession
from app.breathe.store import BreatheStore
from app.clock import ManualClock
from app.practice.model import Attempt, ExerciseKind, scenarios
from app.progress.goals import CheckIn, Goal
from app.progress.store import GoalStore
from app.reflect.model import Entry, Kind, Setback, SetbackPattern
from app.reflect.store import ReflectStore

SHARED_MARK = "sunflower"  # in every shareable entry's and attempt's words
PRIVATE_MARK = "marigold"  # in every private entry's and attempt's words

BODIES = (
    "We walked to the bakery together and talked about the garden {mark}. It felt easy "
    "again, like the first summer.",
    "I noticed I was tired and short with you {mark}. Tomorrow I want to start the "
    "evening with a proper hello.",
    "You made tea without asking and left a note on my desk {mark}. Small things carry a "
    "lot of love.",
    "Tonight we planned the weekend and for once nobody rushed {mark}. I liked listening "
    "more than talking.",
)
TITLES = ("A slow morning", "Tea and a note", "Planning together", "After a long day")


def _when(day: date) -> datetime:
    return datetime.combine(day, time(20, 0)).astimezone()


def seed(vault, first: date, days: int, *, every_nth_shareable: int = 3) -> dict:
    """One entry a day (every seventh a setback), practice, breathing, a goal."""
    clock = ManualClock(_when(first + timedelta(days=days)))
    reflect, breathe = ReflectStore(vault, clock), BreatheStore(vault)
    from app.practice.store import PracticeStore

    practice = PracticeStore(vault)
    harsh = next(s for s in scenarios())
    ids = {"shareable": [], "private": [], "attempts_shareable": [], "attempts_private": []}
    for i in range(days):
        day = first + timedelta(days=i)
        shareable = i % every_nth_shareable == 0
        mark = SHARED_MARK if shareable else PRIVATE_MARK
        setback = None
        kind = Kind.GRATITUDE if i % 2 else Kind.REFLECTION
        if i % 7 == 3:
            kind = Kind.SETBACK
            setback = Setback(
                pattern=SetbackPattern.CRITICISM,
                what_happened=f"We argued about the dishes {mark}.",
                what_i_learned="I start with blame when I am tired.",
                what_next="Ask for ten minutes before we talk.",
                repaired_on=day + timedelta(days=1) if i % 2 else None,
                how_repaired="We sat on the step and said sorry.",
            )
        entry = Entry(
            entry_date=day,
            kind=kind,
            title=TITLES[i % len(TITLES)],
            body=BODIES[i % len(BODIES)].format(mark=mark),
            mood=1 + (i * 3) % 5,
            closeness=1 + (i * 2 + 1) % 5,
            feelings=("calm", "hopeful") if i % 2 else ("tired",),
            shareable=shareable,
            setback=setback,
        )
        saved = reflect.create(entry)
        ids["shareable" if shareable else "private"].append(saved.id)
        if i % 3 == 1:
            starred = i % 6 == 1
            open_ = i % 4 == 1
            said = SHARED_MARK if open_ else PRIVATE_MARK
            attempt = practice.save_attempt(
                Attempt(
                    exercise=ExerciseKind.REWRITE,
                    text=f"I felt alone tonight {said}; could we plan an evening for us?",
                    created_at=_when(day),
                    scenario_id=harsh.id,
                    analysis={"score": 82, "harsh": False},
                    starred=starred,
                    shareable=open_,
                )
            )
            if starred:
                key = "attempts_shareable" if attempt.shareable else "attempts_private"
                ids[key].append(attempt.id)
        if i % 2 == 0:
            breathe.add_session(
                BreathSession("box", "Box breathing", _when(day), 300_000, 300_000, True, 2, 4)
            )
    goals = GoalStore(vault, clock)
    goals.add(
        Goal(
            title="A walk together every Sunday",
            started_on=first,
            check_ins=tuple(
                CheckIn(first + timedelta(days=d), "We went to the river.")
                for d in range(6, days, 7)
            ),
        )
    )
    return ids
