"""Goals and their check-ins in the vault (tables progress_goals, progress_checkins).

Public names (stable):
- ``GoalStore(vault, clock=None)``:
  ``add(goal) -> Goal``; ``update(goal) -> Goal`` (its fields, not its check-ins);
  ``delete(goal_id) -> Goal`` (returned whole with its check-ins, for undo);
  ``restore(goal) -> Goal`` (undo: the same id and check-ins come back);
  ``get(goal_id) -> Goal | None``; ``goals() -> list[Goal]`` (with check-ins: open
  goals first, oldest started first, then done goals, most recently done first);
  ``mark_done(goal_id, day) -> Goal``; ``mark_undone(goal_id) -> Goal``;
  ``check_in(goal_id, day, note="") -> CheckIn``; ``update_check_in(check_in)``;
  ``remove_check_in(check_in_id) -> CheckIn`` and ``restore_check_in(check_in)``;
  read ports ``check_ins(span) -> list[CheckInRecord]`` (oldest first, no notes) and
  ``goal_records() -> list[GoalRecord]`` (no words).
- ``GoalNotFound`` and ``CheckInNotFound`` (LookupError) name the id only.

Bad input raises ``app.validation.Invalid(field, message)`` before anything is written.
Goals are NOT put in the search index: journal search covers Reflect's entries only.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from app.activity import DayRange
from app.clock import Clock
from app.progress.days import day_or_none, iso_or_none
from app.progress.goals import (
    CheckIn,
    CheckInRecord,
    Goal,
    GoalKind,
    GoalRecord,
    validate_check_in,
    validate_goal,
)
from app.vault import Vault

_GOAL_COLUMNS = "id, title, why, kind, target_on, started_on, done_on, created_at, updated_at"
_OPEN_FIRST = "done_on IS NOT NULL, CASE WHEN done_on IS NULL THEN started_on END, done_on DESC, id"


class GoalNotFound(LookupError):
    def __init__(self, goal_id: int | None) -> None:
        super().__init__(f"no goal with id {goal_id}")
        self.goal_id = goal_id


class CheckInNotFound(LookupError):
    def __init__(self, check_in_id: int | None) -> None:
        super().__init__(f"no goal check-in with id {check_in_id}")
        self.check_in_id = check_in_id


def _goal_values(goal: Goal) -> tuple:
    """title, why, kind, target_on, started_on, done_on: as the table keeps them."""
    return (
        goal.title,
        goal.why,
        GoalKind(goal.kind).value,
        iso_or_none(goal.target_on),
        goal.started_on.isoformat(),
        iso_or_none(goal.done_on),
    )


def _goal(row: tuple, check_ins: tuple[CheckIn, ...]) -> Goal:
    goal_id, title, why, kind, target_on, started_on, done_on, created_at, updated_at = row
    return Goal(
        id=goal_id,
        title=title,
        why=why,
        kind=GoalKind(kind),
        target_on=day_or_none(target_on),
        started_on=date.fromisoformat(started_on),
        done_on=day_or_none(done_on),
        check_ins=check_ins,
        created_at=datetime.fromisoformat(created_at),
        updated_at=datetime.fromisoformat(updated_at),
    )


def _check_in(row: tuple) -> CheckIn:
    check_in_id, goal_id, day, note = row
    return CheckIn(day=date.fromisoformat(day), note=note, id=check_in_id, goal_id=goal_id)


class GoalStore:
    def __init__(self, vault: Vault, clock: Clock | None = None) -> None:
        self._vault = vault
        self._clock = clock or Clock()

    @property
    def _conn(self):
        return self._vault.connection

    # -- goals -------------------------------------------------------------------------

    def add(self, goal: Goal) -> Goal:
        """Save a new goal (its check-ins, if any, are added with it)."""
        checked = validate_goal(goal, self._clock.today())
        steps = [validate_check_in(c, self._clock.today()) for c in goal.check_ins]
        now = self._clock.now().isoformat()
        with self._vault.transaction() as conn:
            goal_id = conn.execute(
                "INSERT INTO progress_goals (title, why, kind, target_on, started_on, done_on,"
                " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (*_goal_values(checked), now, now),
            ).lastrowid
            for step in steps:
                self._insert_check_in(conn, goal_id, step)
        return self._must_get(goal_id)

    def update(self, goal: Goal) -> Goal:
        """Change a goal's title, why, kind and dates; its check-ins stay as they are."""
        if goal.id is None:
            raise GoalNotFound(None)
        checked = validate_goal(goal, self._clock.today())
        with self._vault.transaction() as conn:
            cursor = conn.execute(
                "UPDATE progress_goals SET title = ?, why = ?, kind = ?, target_on = ?,"
                " started_on = ?, done_on = ?, updated_at = ? WHERE id = ?",
                (*_goal_values(checked), self._clock.now().isoformat(), goal.id),
            )
            if cursor.rowcount == 0:
                raise GoalNotFound(goal.id)
        return self._must_get(goal.id)

    def mark_done(self, goal_id: int, day: date) -> Goal:
        goal = self._must_get(goal_id)
        return self.update(replace(goal, done_on=day))

    def mark_undone(self, goal_id: int) -> Goal:
        goal = self._must_get(goal_id)
        return self.update(replace(goal, done_on=None))

    def delete(self, goal_id: int) -> Goal:
        """Remove a goal and its check-ins; returns it whole so ``restore`` can undo."""
        with self._vault.transaction() as conn:
            goal = self._get(conn, goal_id)
            if goal is None:
                raise GoalNotFound(goal_id)
            conn.execute("DELETE FROM progress_goals WHERE id = ?", (goal_id,))
        return goal

    def restore(self, goal: Goal) -> Goal:
        """Put back a goal returned by ``delete``: same id, timestamps and check-ins."""
        if goal.id is None or goal.created_at is None or goal.updated_at is None:
            raise ValueError("only a goal returned by delete() can be restored")
        with self._vault.transaction() as conn:
            conn.execute(
                f"INSERT INTO progress_goals ({_GOAL_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (goal.id, *_goal_values(goal), goal.created_at.isoformat(),
                 goal.updated_at.isoformat()),
            )  # fmt: skip
            for step in goal.check_ins:
                self._insert_check_in(conn, goal.id, step, with_id=step.id is not None)
        return self._must_get(goal.id)

    def get(self, goal_id: int) -> Goal | None:
        return self._get(self._conn, goal_id)

    def goals(self) -> list[Goal]:
        """Every goal with its check-ins: open goals first (oldest started first), then
        done goals (most recently done first)."""
        steps: dict[int, list[CheckIn]] = {}
        for row in self._conn.execute(
            "SELECT id, goal_id, day, note FROM progress_checkins ORDER BY day, id"
        ):
            steps.setdefault(row[1], []).append(_check_in(row))
        return [
            _goal(row, tuple(steps.get(row[0], ())))
            for row in self._conn.execute(
                f"SELECT {_GOAL_COLUMNS} FROM progress_goals ORDER BY {_OPEN_FIRST}"
            )
        ]

    def _must_get(self, goal_id: int) -> Goal:
        goal = self._get(self._conn, goal_id)
        if goal is None:
            raise GoalNotFound(goal_id)
        return goal

    @staticmethod
    def _get(conn, goal_id: int) -> Goal | None:
        row = conn.execute(
            f"SELECT {_GOAL_COLUMNS} FROM progress_goals WHERE id = ?", (goal_id,)
        ).fetchone()
        if row is None:
            return None
        steps = tuple(
            _check_in(r)
            for r in conn.execute(
                "SELECT id, goal_id, day, note FROM progress_checkins WHERE goal_id = ?"
                " ORDER BY day, id",
                (goal_id,),
            )
        )
        return _goal(row, steps)

    # -- check-ins -----------------------------------------------------------------------

    def check_in(self, goal_id: int, day: date, note: str = "") -> CheckIn:
        step = validate_check_in(CheckIn(day=day, note=note), self._clock.today())
        with self._vault.transaction() as conn:
            if (
                conn.execute("SELECT 1 FROM progress_goals WHERE id = ?", (goal_id,)).fetchone()
                is None
            ):
                raise GoalNotFound(goal_id)
            new_id = self._insert_check_in(conn, goal_id, step)
        return replace(step, id=new_id, goal_id=goal_id)

    def update_check_in(self, check_in: CheckIn) -> CheckIn:
        """Change a check-in's day or note."""
        step = validate_check_in(check_in, self._clock.today())
        with self._vault.transaction() as conn:
            row = conn.execute(
                "UPDATE progress_checkins SET day = ?, note = ? WHERE id = ? RETURNING goal_id",
                (step.day.isoformat(), step.note, step.id),
            ).fetchone()
            if row is None:
                raise CheckInNotFound(step.id)
        return replace(step, goal_id=row[0])

    def remove_check_in(self, check_in_id: int) -> CheckIn:
        """Remove one check-in; returns it so ``restore_check_in`` can undo."""
        with self._vault.transaction() as conn:
            row = conn.execute(
                "DELETE FROM progress_checkins WHERE id = ? RETURNING id, goal_id, day, note",
                (check_in_id,),
            ).fetchone()
        if row is None:
            raise CheckInNotFound(check_in_id)
        return _check_in(row)

    def restore_check_in(self, check_in: CheckIn) -> CheckIn:
        if check_in.id is None or check_in.goal_id is None:
            raise ValueError("only a check-in returned by remove_check_in() can be restored")
        with self._vault.transaction() as conn:
            if (
                conn.execute(
                    "SELECT 1 FROM progress_goals WHERE id = ?", (check_in.goal_id,)
                ).fetchone()
                is None
            ):
                raise GoalNotFound(check_in.goal_id)
            self._insert_check_in(conn, check_in.goal_id, check_in, with_id=True)
        return check_in

    @staticmethod
    def _insert_check_in(conn, goal_id: int, step: CheckIn, *, with_id: bool = False) -> int:
        if with_id:
            conn.execute(
                "INSERT INTO progress_checkins (id, goal_id, day, note) VALUES (?, ?, ?, ?)",
                (step.id, goal_id, step.day.isoformat(), step.note),
            )
            return step.id  # type: ignore[return-value]
        return conn.execute(
            "INSERT INTO progress_checkins (goal_id, day, note) VALUES (?, ?, ?)",
            (goal_id, step.day.isoformat(), step.note),
        ).lastrowid

    # -- read ports: what the metrics see -----------------------------------------------

    def check_ins(self, span: DayRange) -> list[CheckInRecord]:
        """Every check-in dated within the span, oldest first, without its note."""
        rows = self._conn.execute(
            "SELECT id, goal_id, day FROM progress_checkins WHERE day BETWEEN ? AND ?"
            " ORDER BY day, id",
            span.bounds(),
        )
        return [
            CheckInRecord(row_id, goal_id, date.fromisoformat(day)) for row_id, goal_id, day in rows
        ]

    def goal_records(self) -> list[GoalRecord]:
        """Every goal as the metrics see it: kind and dates, no words."""
        rows = self._conn.execute(
            "SELECT id, kind, started_on, target_on, done_on FROM progress_goals ORDER BY id"
        )
        return [
            GoalRecord(
                goal_id, kind, date.fromisoformat(started), day_or_none(target), day_or_none(done)
            )
            for goal_id, kind, started, target, done in rows
        ]
