"""The vault's schema history: one ordered list; a vault at version N has run the first N.

Never edit a migration that has shipped; append a new one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    description: str
    sql: str


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        "settings that may say something about the user",
        """
        CREATE TABLE settings (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) STRICT;
        """,
    ),
    Migration(
        "breathe: custom breathing patterns and the session log",
        """
        CREATE TABLE breathe_patterns (
            id             INTEGER PRIMARY KEY,
            name           TEXT NOT NULL COLLATE NOCASE UNIQUE,
            inhale_tenths  INTEGER NOT NULL CHECK (inhale_tenths BETWEEN 1 AND 300),
            hold_in_tenths INTEGER NOT NULL CHECK (hold_in_tenths BETWEEN 0 AND 300),
            exhale_tenths  INTEGER NOT NULL CHECK (exhale_tenths BETWEEN 1 AND 300),
            hold_out_tenths INTEGER NOT NULL CHECK (hold_out_tenths BETWEEN 0 AND 300)
        ) STRICT;

        CREATE TABLE breathe_sessions (
            id           INTEGER PRIMARY KEY,
            pattern_id   TEXT NOT NULL,
            pattern_name TEXT NOT NULL,
            started_utc  TEXT NOT NULL,
            started_on   TEXT NOT NULL,
            planned_ms   INTEGER NOT NULL CHECK (planned_ms > 0),
            actual_ms    INTEGER NOT NULL CHECK (actual_ms >= 0),
            finished     INTEGER NOT NULL CHECK (finished IN (0, 1)),
            calm_before  INTEGER CHECK (calm_before BETWEEN 1 AND 5),
            calm_after   INTEGER CHECK (calm_after BETWEEN 1 AND 5)
        ) STRICT;
        CREATE INDEX breathe_sessions_by_start ON breathe_sessions (started_utc, id);
        CREATE INDEX breathe_sessions_by_day ON breathe_sessions (started_on);
        """,
    ),
    Migration(
        "reflect: journal entries, their tags and feelings, full-text search, prompt log",
        """
        CREATE TABLE reflect_entries (
            id               INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: undo restores ids
            kind             TEXT NOT NULL,
            entry_date       TEXT NOT NULL,  -- YYYY-MM-DD
            title            TEXT NOT NULL DEFAULT '',
            body             TEXT NOT NULL DEFAULT '',
            display_title    TEXT NOT NULL,  -- title or first line, so the list never reads bodies
            mood             INTEGER CHECK (mood BETWEEN 1 AND 5),
            closeness        INTEGER CHECK (closeness BETWEEN 1 AND 5),
            feelings         TEXT NOT NULL DEFAULT '[]',  -- JSON list, in the order chosen
            tags             TEXT NOT NULL DEFAULT '',  -- normalised tags, space separated
            starred          INTEGER NOT NULL DEFAULT 0,
            shareable        INTEGER NOT NULL DEFAULT 0,
            prompt_id        TEXT,
            has_setback      INTEGER NOT NULL DEFAULT 0,
            setback_pattern  TEXT,
            what_happened    TEXT NOT NULL DEFAULT '',
            what_i_learned   TEXT NOT NULL DEFAULT '',
            what_next        TEXT NOT NULL DEFAULT '',
            repaired_on      TEXT,
            how_repaired     TEXT NOT NULL DEFAULT '',
            created_at       TEXT NOT NULL,
            updated_at       TEXT NOT NULL,
            -- Searchable text beyond title and body: tags and the setback's fields.
            search_notes     TEXT GENERATED ALWAYS AS (
                tags || ' ' || what_happened || ' ' || what_i_learned || ' '
                || what_next || ' ' || how_repaired
            ) VIRTUAL
        ) STRICT;
        -- The list's order, carrying the small columns filters test, so filtering and
        -- counting never read the rows (and their long bodies) themselves.
        CREATE INDEX reflect_entries_by_date
            ON reflect_entries(entry_date DESC, id DESC, kind, mood, starred, shareable);
        CREATE INDEX reflect_entries_by_kind ON reflect_entries(kind, entry_date DESC, id DESC);
        CREATE INDEX reflect_entries_starred ON reflect_entries(entry_date DESC, id DESC)
            WHERE starred = 1;

        CREATE TABLE reflect_entry_tags (
            tag      TEXT NOT NULL,
            entry_id INTEGER NOT NULL REFERENCES reflect_entries(id) ON DELETE CASCADE,
            PRIMARY KEY (tag, entry_id)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX reflect_entry_tags_by_entry ON reflect_entry_tags(entry_id);

        CREATE TABLE reflect_entry_feelings (
            feeling  TEXT NOT NULL,
            entry_id INTEGER NOT NULL REFERENCES reflect_entries(id) ON DELETE CASCADE,
            PRIMARY KEY (feeling, entry_id)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX reflect_entry_feelings_by_entry ON reflect_entry_feelings(entry_id);

        CREATE VIRTUAL TABLE reflect_fts USING fts5(
            title, body, search_notes,
            content = 'reflect_entries', content_rowid = 'id',
            tokenize = 'unicode61 remove_diacritics 2'
        );

        CREATE TRIGGER reflect_entries_fts_insert AFTER INSERT ON reflect_entries BEGIN
            INSERT INTO reflect_fts(rowid, title, body, search_notes)
            VALUES (new.id, new.title, new.body, new.search_notes);
        END;
        CREATE TRIGGER reflect_entries_fts_delete AFTER DELETE ON reflect_entries BEGIN
            INSERT INTO reflect_fts(reflect_fts, rowid, title, body, search_notes)
            VALUES ('delete', old.id, old.title, old.body, old.search_notes);
        END;
        -- Autosave rewrites entries often: re-index only when searchable text changed.
        CREATE TRIGGER reflect_entries_fts_update AFTER UPDATE ON reflect_entries
        WHEN old.title IS NOT new.title OR old.body IS NOT new.body
            OR old.search_notes IS NOT new.search_notes
        BEGIN
            INSERT INTO reflect_fts(reflect_fts, rowid, title, body, search_notes)
            VALUES ('delete', old.id, old.title, old.body, old.search_notes);
            INSERT INTO reflect_fts(rowid, title, body, search_notes)
            VALUES (new.id, new.title, new.body, new.search_notes);
        END;

        -- Which prompt was offered on which day, so none repeats before the set is used up.
        CREATE TABLE reflect_prompt_log (
            seq       INTEGER PRIMARY KEY,
            day       TEXT NOT NULL,
            prompt_id TEXT NOT NULL
        ) STRICT;
        CREATE INDEX reflect_prompt_log_by_day ON reflect_prompt_log(day, seq);
        """,
    ),
    Migration(
        "practise: saved attempts with their coach analysis, and starred repair phrases",
        """
        CREATE TABLE practice_attempts (
            id          INTEGER PRIMARY KEY,
            exercise    TEXT NOT NULL,
            scenario_id TEXT,
            text        TEXT NOT NULL,
            analysis    TEXT NOT NULL,
            score       INTEGER,
            harsh       INTEGER NOT NULL DEFAULT 0,
            created_at  TEXT NOT NULL
        ) STRICT;
        CREATE INDEX practice_attempts_by_time ON practice_attempts(created_at DESC, id DESC);

        CREATE TABLE practice_favourites (
            phrase_id  TEXT PRIMARY KEY,
            starred_at TEXT NOT NULL
        ) STRICT;
        """,
    ),
    Migration(
        "practise: the local day of each attempt, for daily activity",
        """
        ALTER TABLE practice_attempts ADD COLUMN local_day TEXT;
        -- Attempts saved before kept only UTC; the zone the computer is in now is the
        -- best guess of the day the person lived them.
        UPDATE practice_attempts SET local_day = date(created_at, 'localtime');
        CREATE INDEX practice_attempts_by_day ON practice_attempts(local_day);
        """,
    ),
    Migration(
        "practise: drafts move from settings into their own table",
        """
        CREATE TABLE practice_drafts (
            exercise TEXT PRIMARY KEY,
            draft    TEXT NOT NULL  -- JSON object of the exercise's fields
        ) STRICT;
        INSERT INTO practice_drafts(exercise, draft)
            SELECT substr(key, length('practice.draft.') + 1), value FROM settings
            WHERE key LIKE 'practice.draft.%' AND json_valid(value)
              AND json_type(value) = 'object';
        DELETE FROM settings WHERE key LIKE 'practice.draft.%';
        """,
    ),
    Migration(
        "practise: attempts can be starred and marked shareable for summaries",
        """
        ALTER TABLE practice_attempts ADD COLUMN starred INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE practice_attempts ADD COLUMN shareable INTEGER NOT NULL DEFAULT 0;
        """,
    ),
    Migration(
        "progress: shared and personal goals with their check-ins",
        """
        CREATE TABLE progress_goals (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: undo restores ids
            title       TEXT NOT NULL,
            why         TEXT NOT NULL DEFAULT '',
            kind        TEXT NOT NULL,
            target_on   TEXT,  -- YYYY-MM-DD
            started_on  TEXT NOT NULL,
            done_on     TEXT,
            created_at  TEXT NOT NULL,
            updated_at  TEXT NOT NULL
        ) STRICT;
        CREATE TABLE progress_checkins (
            id       INTEGER PRIMARY KEY AUTOINCREMENT,
            goal_id  INTEGER NOT NULL REFERENCES progress_goals(id) ON DELETE CASCADE,
            day      TEXT NOT NULL,
            note     TEXT NOT NULL DEFAULT ''
        ) STRICT;
        CREATE INDEX progress_checkins_by_goal ON progress_checkins(goal_id, day);
        CREATE INDEX progress_checkins_by_day ON progress_checkins(day);
        """,
    ),
    Migration(
        "reflect: emoji and other symbols become searchable words",
        # unicode61 keeps letters, numbers and private-use characters by default; So and
        # Sk add emoji, their skin tones and other symbols. The triggers on
        # reflect_entries name the table, so they carry on with the rebuilt one.
        """
        DROP TABLE reflect_fts;
        CREATE VIRTUAL TABLE reflect_fts USING fts5(
            title, body, search_notes,
            content = 'reflect_entries', content_rowid = 'id',
            tokenize = 'unicode61 remove_diacritics 2 categories ''L* N* Co So Sk'''
        );
        INSERT INTO reflect_fts(reflect_fts) VALUES ('rebuild');
        """,
    ),
)

LATEST = len(MIGRATIONS)
