"""The Breathe area's SQL: custom patterns and the session log, inside the vault. No Qt."""

from __future__ import annotations

from datetime import UTC, date, datetime

from app.activity import BreathRecord, DayRange
from app.breathe.model import (
    NAME_FIELD,
    BreathPattern,
    BreathSession,
    BreathTotals,
    Timings,
    check_calm,
    check_name,
    parse_custom_pattern_id,
    presets,
)
from app.validation import Invalid
from app.vault import Connection, Vault


class NameTaken(Invalid):
    """Another custom pattern already has this name (compared without case)."""

    def __init__(self) -> None:
        super().__init__(
            NAME_FIELD, "You already have a pattern with that name. Please choose another."
        )


class UnknownPattern(LookupError):
    def __init__(self, pattern_id: str) -> None:
        super().__init__(f"There is no breathing pattern with id {pattern_id!r}.")


class UnknownSession(LookupError):
    def __init__(self, session_id: int) -> None:
        super().__init__(f"There is no breathing session with id {session_id}.")


_PATTERN_COLUMNS = "id, name, inhale_tenths, hold_in_tenths, exhale_tenths, hold_out_tenths"
_SESSION_COLUMNS = (
    "id, pattern_id, pattern_name, started_utc, planned_ms, actual_ms, finished, "
    "calm_before, calm_after"
)


def _pattern_from_row(row: tuple) -> BreathPattern:
    row_id, name, *tenths = row
    return BreathPattern.custom(row_id, name, Timings(*tenths))


def _session_from_row(row: tuple) -> BreathSession:
    row_id, pattern_id, name, started_utc, planned, actual, finished, before, after = row
    return BreathSession(
        id=row_id,
        pattern_id=pattern_id,
        pattern_name=name,
        # Shown in the zone the computer is in now; stored in UTC so it sorts.
        started_at=datetime.fromisoformat(started_utc).astimezone(),
        planned_ms=planned,
        actual_ms=actual,
        finished=bool(finished),
        calm_before=before,
        calm_after=after,
    )


_SESSION_FIELDS = (
    "pattern_id, pattern_name, started_utc, started_on, planned_ms, actual_ms, finished,"
    " calm_before, calm_after"
)


def _session_values(session: BreathSession) -> tuple:
    return (
        session.pattern_id,
        session.pattern_name,
        _utc_text(session.started_at),
        # The day as the person lived it, for daily totals and streaks.
        session.started_at.date().isoformat(),
        session.planned_ms,
        session.actual_ms,
        int(session.finished),
        session.calm_before,
        session.calm_after,
    )


def _utc_text(moment: datetime) -> str:
    # Always with microseconds, so the text sorts in time order.
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


class BreatheStore:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    # -- patterns ------------------------------------------------------------------

    def custom_patterns(self) -> list[BreathPattern]:
        rows = self._vault.connection.execute(
            f"SELECT {_PATTERN_COLUMNS} FROM breathe_patterns ORDER BY name, id"
        )
        return [_pattern_from_row(row) for row in rows]

    def all_patterns(self) -> list[BreathPattern]:
        """The presets in their usual order, then your own patterns by name."""
        return [*presets(), *self.custom_patterns()]

    def pattern(self, pattern_id: str) -> BreathPattern:
        """A preset or a custom pattern by its id."""
        custom_id = parse_custom_pattern_id(pattern_id)
        if custom_id is None:
            for candidate in presets():
                if candidate.id == pattern_id:
                    return candidate
            raise UnknownPattern(pattern_id)
        row = self._vault.connection.execute(
            f"SELECT {_PATTERN_COLUMNS} FROM breathe_patterns WHERE id = ?", (custom_id,)
        ).fetchone()
        if row is None:
            raise UnknownPattern(pattern_id)
        return _pattern_from_row(row)

    def add_pattern(self, name: str, timings: Timings) -> BreathPattern:
        tidy = check_name(name)  # raises Invalid for the name field
        with self._vault.transaction() as conn:
            self._refuse_taken(conn, tidy, None)
            cursor = conn.execute(
                "INSERT INTO breathe_patterns"
                " (name, inhale_tenths, hold_in_tenths, exhale_tenths, hold_out_tenths)"
                " VALUES (?, ?, ?, ?, ?)",
                (tidy, timings.inhale, timings.hold_in, timings.exhale, timings.hold_out),
            )
            row_id = cursor.lastrowid
        assert row_id is not None
        return BreathPattern.custom(row_id, tidy, timings)

    def update_pattern(self, pattern_id: str, name: str, timings: Timings) -> BreathPattern:
        """Change a custom pattern's name and steps. Past sessions keep their record."""
        row_id = self._custom_row_id(pattern_id)
        tidy = check_name(name)  # raises Invalid for the name field
        with self._vault.transaction() as conn:
            self._refuse_taken(conn, tidy, row_id)
            cursor = conn.execute(
                "UPDATE breathe_patterns SET name = ?, inhale_tenths = ?, hold_in_tenths = ?,"
                " exhale_tenths = ?, hold_out_tenths = ? WHERE id = ?",
                (tidy, timings.inhale, timings.hold_in, timings.exhale, timings.hold_out, row_id),
            )
            if cursor.rowcount == 0:
                raise UnknownPattern(pattern_id)
        return BreathPattern.custom(row_id, tidy, timings)

    def rename_pattern(self, pattern_id: str, name: str) -> BreathPattern:
        current = self.pattern(pattern_id)
        if current.timings is None:
            raise UnknownPattern(pattern_id)
        return self.update_pattern(pattern_id, name, current.timings)

    def delete_pattern(self, pattern_id: str) -> None:
        """Forget a custom pattern; sessions breathed with it stay in the history."""
        row_id = self._custom_row_id(pattern_id)
        with self._vault.transaction() as conn:
            cursor = conn.execute("DELETE FROM breathe_patterns WHERE id = ?", (row_id,))
            if cursor.rowcount == 0:
                raise UnknownPattern(pattern_id)

    @staticmethod
    def _custom_row_id(pattern_id: str) -> int:
        row_id = parse_custom_pattern_id(pattern_id)
        if row_id is None:  # presets are part of Tend and cannot be changed
            raise UnknownPattern(pattern_id)
        return row_id

    @staticmethod
    def _refuse_taken(conn: Connection, name: str, except_id: int | None) -> None:
        taken = conn.execute(
            "SELECT 1 FROM breathe_patterns WHERE name = ? AND id IS NOT ?", (name, except_id)
        ).fetchone()
        if taken:
            raise NameTaken()

    # -- sessions ------------------------------------------------------------------

    def add_session(self, session: BreathSession) -> BreathSession:
        """Save a session; returns it with its id."""
        with self._vault.transaction() as conn:
            cursor = conn.execute(
                f"INSERT INTO breathe_sessions ({_SESSION_FIELDS})"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                _session_values(session),
            )
            row_id = cursor.lastrowid
        return self.session(row_id)

    def update_session(self, session_id: int, session: BreathSession) -> BreathSession:
        """Rewrite a saved session in one step (a session in progress, saved again)."""
        assignments = ", ".join(f"{column} = ?" for column in _SESSION_FIELDS.split(", "))
        with self._vault.transaction() as conn:
            cursor = conn.execute(
                f"UPDATE breathe_sessions SET {assignments} WHERE id = ?",
                (*_session_values(session), session_id),
            )
            if cursor.rowcount == 0:
                raise UnknownSession(session_id)
        return self.session(session_id)

    def session(self, session_id: int) -> BreathSession:
        row = self._vault.connection.execute(
            f"SELECT {_SESSION_COLUMNS} FROM breathe_sessions WHERE id = ?", (session_id,)
        ).fetchone()
        if row is None:
            raise UnknownSession(session_id)
        return _session_from_row(row)

    def set_calm_after(self, session_id: int, rating: int | None) -> None:
        """The "how calm do you feel now?" tap, which comes after the session is saved."""
        rating = check_calm(rating)
        with self._vault.transaction() as conn:
            cursor = conn.execute(
                "UPDATE breathe_sessions SET calm_after = ? WHERE id = ?", (rating, session_id)
            )
            if cursor.rowcount == 0:
                raise UnknownSession(session_id)

    def delete_session(self, session_id: int) -> None:
        with self._vault.transaction() as conn:
            cursor = conn.execute("DELETE FROM breathe_sessions WHERE id = ?", (session_id,))
            if cursor.rowcount == 0:
                raise UnknownSession(session_id)

    def recent_sessions(self, limit: int = 20) -> list[BreathSession]:
        """The history, newest first."""
        rows = self._vault.connection.execute(
            f"SELECT {_SESSION_COLUMNS} FROM breathe_sessions"
            " ORDER BY started_utc DESC, id DESC LIMIT ?",
            (max(0, limit),),
        )
        return [_session_from_row(row) for row in rows]

    def totals(self, first: date | None = None, last: date | None = None) -> BreathTotals:
        """Sessions and time breathed, optionally between two days (both included)."""
        sessions, finished, millis = self._vault.connection.execute(
            "SELECT count(*), coalesce(sum(finished), 0), coalesce(sum(actual_ms), 0)"
            " FROM breathe_sessions"
            " WHERE started_on BETWEEN ? AND ?",
            ((first or date.min).isoformat(), (last or date.max).isoformat()),
        ).fetchone()
        return BreathTotals(sessions=sessions, finished=finished, seconds=millis / 1000)

    def seconds_by_day(self, first: date, last: date) -> dict[date, float]:
        """Seconds breathed on each day that has any, from first to last (included)."""
        rows = self._vault.connection.execute(
            "SELECT started_on, sum(actual_ms) FROM breathe_sessions"
            " WHERE started_on BETWEEN ? AND ? GROUP BY started_on ORDER BY started_on",
            (first.isoformat(), last.isoformat()),
        )
        return {date.fromisoformat(day): millis / 1000 for day, millis in rows}

    # -- read port: what Progress and Summaries see ----------------------------------

    def records(self, span: DayRange) -> list[BreathRecord]:
        """Every session breathed within the span, oldest first."""
        rows = self._vault.connection.execute(
            "SELECT id, started_on, actual_ms, finished, calm_before, calm_after"
            " FROM breathe_sessions WHERE started_on BETWEEN ? AND ?"
            " ORDER BY started_utc, id",
            span.bounds(),
        )
        return [
            BreathRecord(
                session_id=row_id,
                day=date.fromisoformat(day),
                seconds=millis / 1000,
                finished=bool(finished),
                calm_before=before,
                calm_after=after,
            )
            for row_id, day, millis, finished, before, after in rows
        ]
