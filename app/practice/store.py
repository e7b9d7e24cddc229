"""Practise's SQL: saved attempts and starred repair phrases, through the vault."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

from app.activity import DayRange, PracticeRecord
from app.practice.model import Attempt, AttemptSummary, ExerciseKind
from app.vault import Vault

_COLUMNS = "id, exercise, scenario_id, text, analysis, created_at, starred, shareable"
# The four patterns the coach saw in an attempt, each once, from its saved analysis.
_PATTERNS = (
    "(SELECT group_concat(kind, ' ') FROM (SELECT DISTINCT json_extract(f.value, '$.kind')"
    " AS kind FROM json_each(analysis, '$.flags') AS f"
    " WHERE json_extract(f.value, '$.severity') = 'harsh'))"
)


def _stamp(when: datetime) -> str:
    """UTC, so text order is time order whatever the offset was when it was saved."""
    return (when.astimezone(UTC) if when.tzinfo else when).isoformat()


def _attempt(row: tuple) -> Attempt:
    attempt_id, exercise, scenario_id, text, analysis, created_at, starred, shareable = row
    return Attempt(
        id=attempt_id,
        exercise=ExerciseKind(exercise),
        text=text,
        scenario_id=scenario_id,
        analysis=json.loads(analysis),
        created_at=datetime.fromisoformat(created_at),
        starred=bool(starred),
        shareable=bool(shareable),
    )


class PracticeStore:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    # -- attempts --------------------------------------------------------------------

    def save_attempt(self, attempt: Attempt) -> Attempt:
        """Store a new attempt; returns it with its id."""
        with self._vault.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO practice_attempts (exercise, scenario_id, text, analysis, score,"
                " harsh, created_at, local_day, starred, shareable)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    attempt.exercise.value,
                    attempt.scenario_id,
                    attempt.text,
                    json.dumps(attempt.analysis, ensure_ascii=False),
                    attempt.score,
                    int(attempt.harsh),
                    _stamp(attempt.created_at),
                    # The day as the person lived it, for daily activity and streaks.
                    attempt.created_at.date().isoformat(),
                    int(attempt.starred),
                    int(attempt.shareable),
                ),
            )
            new_id = cursor.lastrowid
        return replace(attempt, id=new_id)

    def set_starred(self, attempt_id: int, starred: bool) -> None:
        self._set_flag(attempt_id, "starred", starred)

    def set_shareable(self, attempt_id: int, shareable: bool) -> None:
        """Whether a printed summary may show this attempt's words."""
        self._set_flag(attempt_id, "shareable", shareable)

    def _set_flag(self, attempt_id: int, column: str, on: bool) -> None:
        with self._vault.transaction() as conn:
            conn.execute(
                f"UPDATE practice_attempts SET {column} = ? WHERE id = ?", (int(on), attempt_id)
            )

    def history(
        self, *, exercise: ExerciseKind | None = None, limit: int | None = None
    ) -> list[Attempt]:
        """Attempts, newest first; optionally of one exercise only."""
        sql = f"SELECT {_COLUMNS} FROM practice_attempts"
        params: list[object] = []
        if exercise is not None:
            sql += " WHERE exercise = ?"
            params.append(exercise.value)
        sql += " ORDER BY created_at DESC, id DESC"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [_attempt(row) for row in self._vault.connection.execute(sql, params)]

    def summaries(self, preview_chars: int = 200) -> list[AttemptSummary]:
        """Every attempt, newest first, without its analysis and with only the start of
        its text: what a list needs, cheap enough to read on the GUI thread."""
        rows = self._vault.connection.execute(
            "SELECT id, exercise, created_at, score, substr(text, 1, ?) FROM practice_attempts"
            " ORDER BY created_at DESC, id DESC",
            (preview_chars,),
        )
        return [
            AttemptSummary(
                row[0], ExerciseKind(row[1]), datetime.fromisoformat(row[2]), row[3], row[4]
            )
            for row in rows
        ]

    def attempt(self, attempt_id: int) -> Attempt | None:
        row = self._vault.connection.execute(
            f"SELECT {_COLUMNS} FROM practice_attempts WHERE id = ?", (attempt_id,)
        ).fetchone()
        return None if row is None else _attempt(row)

    def delete_attempt(self, attempt_id: int) -> bool:
        """Delete one attempt; False if there was none with that id."""
        with self._vault.transaction() as conn:
            cursor = conn.execute("DELETE FROM practice_attempts WHERE id = ?", (attempt_id,))
        return cursor.rowcount > 0

    # -- favourite repair phrases ----------------------------------------------------

    def star(self, phrase_id: str, when: datetime) -> None:
        with self._vault.transaction() as conn:
            conn.execute(
                "INSERT INTO practice_favourites (phrase_id, starred_at) VALUES (?, ?)"
                " ON CONFLICT(phrase_id) DO NOTHING",
                (phrase_id, _stamp(when)),
            )

    def unstar(self, phrase_id: str) -> None:
        with self._vault.transaction() as conn:
            conn.execute("DELETE FROM practice_favourites WHERE phrase_id = ?", (phrase_id,))

    def favourites(self) -> list[str]:
        """Starred phrase ids, most recently starred first."""
        rows = self._vault.connection.execute(
            "SELECT phrase_id FROM practice_favourites ORDER BY starred_at DESC, rowid DESC"
        )
        return [row[0] for row in rows]

    def is_starred(self, phrase_id: str) -> bool:
        row = self._vault.connection.execute(
            "SELECT 1 FROM practice_favourites WHERE phrase_id = ?", (phrase_id,)
        ).fetchone()
        return row is not None

    # -- drafts: typed words that survive a lock without becoming an attempt -------------

    def drafts(self) -> dict[str, dict[str, Any]]:
        """Each exercise's unsaved draft, by exercise id."""
        rows = self._vault.connection.execute("SELECT exercise, draft FROM practice_drafts")
        found = {}
        for exercise, text in rows:
            draft = json.loads(text)
            if isinstance(draft, dict):
                found[exercise] = draft
        return found

    def save_drafts(self, drafts: dict[str, dict[str, Any] | None]) -> None:
        """Keep the given drafts in one step; None forgets that exercise's draft."""
        with self._vault.transaction() as conn:
            for exercise, draft in drafts.items():
                if draft is None:
                    conn.execute("DELETE FROM practice_drafts WHERE exercise = ?", (exercise,))
                else:
                    conn.execute(
                        "INSERT INTO practice_drafts(exercise, draft) VALUES (?, ?)"
                        " ON CONFLICT(exercise) DO UPDATE SET draft = excluded.draft",
                        (exercise, json.dumps(draft, ensure_ascii=False)),
                    )

    # -- read port: what Progress and Summaries see ----------------------------------

    def records(self, span: DayRange) -> list[PracticeRecord]:
        """Every attempt made within the span, oldest first, without its words."""
        rows = self._vault.connection.execute(
            f"SELECT id, local_day, exercise, score, harsh, {_PATTERNS}, starred, shareable"
            " FROM practice_attempts WHERE local_day BETWEEN ? AND ?"
            " ORDER BY created_at, id",
            span.bounds(),
        )
        return [
            PracticeRecord(
                attempt_id=row_id,
                day=date.fromisoformat(day),
                exercise=exercise,
                score=score,
                harsh=bool(harsh),
                patterns=tuple(patterns.split()) if patterns else (),
                starred=bool(starred),
                shareable=bool(shareable),
            )
            for row_id, day, exercise, score, harsh, patterns, starred, shareable in rows
        ]
