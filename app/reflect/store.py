"""Reflect's SQL: entries, their tags and feelings, search, and the prompt log.

Everything goes through the vault's connection; writes are single transactions.
Takes and returns the dataclasses of app.reflect.model. No Qt.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta

from app.activity import DayRange, EntryText, ReflectionRecord, SetbackNote
from app.clock import Clock
from app.reflect import query
from app.reflect.model import (
    MAX_TITLE_CHARS,
    Entry,
    EntryFilter,
    EntryRow,
    Kind,
    MonthGroup,
    Setback,
    SetbackPattern,
    validate,
)
from app.reflect.prompts import Prompt, PromptLibrary, pick_prompt
from app.reflect.snippets import SCAN_CHARS, Marker
from app.vault import QueryRejected, Vault

SEARCH_LIMIT = 50
RANKED_MATCHES = 20_000  # beyond this many matching entries, newest first (see _search)
ANY = EntryFilter()  # no narrowing: every entry

_ENTRY_COLUMNS = (
    "kind, entry_date, title, body, display_title, mood, closeness, feelings, tags, "
    "starred, shareable, prompt_id, has_setback, setback_pattern, what_happened, "
    "what_i_learned, what_next, repaired_on, how_repaired, created_at, updated_at"
)
_ROW_COLUMNS = "e.id, e.entry_date, e.display_title, e.kind, e.mood, e.tags, e.starred"
_NEWEST_FIRST = "e.entry_date DESC, e.id DESC"
_FTS_JOIN = "CROSS JOIN reflect_entries e ON e.id = reflect_fts.rowid"  # FTS stays outermost
# Weights for title, body and search_notes: a match in the title counts most, then
# tags and setback notes, then the body.
_BM25_WEIGHTS = "4.0, 1.0, 2.0"


CONFLICT_MARK = " (conflicting copy)"


def conflict_title(entry: Entry) -> str:
    """The title of the copy kept when an entry changed elsewhere meanwhile."""
    base = (entry.title or entry.display_title).strip()
    return base[: MAX_TITLE_CHARS - len(CONFLICT_MARK)] + CONFLICT_MARK


class EntryNotFound(LookupError):
    """No entry with that id (it may have been deleted meanwhile)."""

    def __init__(self, entry_id: int | None) -> None:
        super().__init__(f"no reflect entry with id {entry_id}")
        self.entry_id = entry_id


def _entry_values(entry: Entry) -> tuple:
    setback = entry.setback
    has_setback = setback is not None
    setback = setback or Setback()
    return (
        entry.kind.value,
        entry.entry_date.isoformat(),
        entry.title,
        entry.body,
        entry.display_title,
        entry.mood,
        entry.closeness,
        json.dumps(list(entry.feelings), ensure_ascii=False),
        " ".join(entry.tags),
        int(entry.starred),
        int(entry.shareable),
        entry.prompt_id,
        int(has_setback),
        setback.pattern.value if setback.pattern else None,
        setback.what_happened,
        setback.what_i_learned,
        setback.what_next,
        setback.repaired_on.isoformat() if setback.repaired_on else None,
        setback.how_repaired,
        entry.created_at.isoformat() if entry.created_at else None,
        entry.updated_at.isoformat() if entry.updated_at else None,
    )


def _entry_from_row(row: Sequence) -> Entry:
    (
        entry_id,
        kind,
        entry_date,
        title,
        body,
        _display,
        mood,
        closeness,
        feelings,
        tags,
        starred,
        shareable,
        prompt_id,
        has_setback,
        pattern,
        happened,
        learned,
        next_time,
        repaired_on,
        how_repaired,
        created_at,
        updated_at,
    ) = row
    setback = None
    if has_setback:
        setback = Setback(
            pattern=SetbackPattern(pattern) if pattern else None,
            what_happened=happened,
            what_i_learned=learned,
            what_next=next_time,
            repaired_on=date.fromisoformat(repaired_on) if repaired_on else None,
            how_repaired=how_repaired,
        )
    return Entry(
        id=entry_id,
        kind=Kind(kind),
        entry_date=date.fromisoformat(entry_date),
        title=title,
        body=body,
        mood=mood,
        closeness=closeness,
        feelings=tuple(json.loads(feelings)),
        tags=tuple(tags.split()),
        starred=bool(starred),
        shareable=bool(shareable),
        prompt_id=prompt_id,
        setback=setback,
        created_at=datetime.fromisoformat(created_at),
        updated_at=datetime.fromisoformat(updated_at),
    )


def _record(row: Sequence) -> ReflectionRecord:
    (entry_id, day, kind, mood, closeness, feelings, starred, shareable, has_setback,
     pattern, happened, learned, next_time, repaired_on, how_repaired) = row  # fmt: skip
    setback = None
    if has_setback:
        setback = SetbackNote(
            pattern=pattern,
            what_happened=happened,
            what_i_learned=learned,
            what_next=next_time,
            repaired_on=date.fromisoformat(repaired_on) if repaired_on else None,
            how_repaired=how_repaired,
        )
    return ReflectionRecord(
        entry_id=entry_id,
        day=date.fromisoformat(day),
        kind=kind,
        mood=mood,
        closeness=closeness,
        feelings=tuple(json.loads(feelings)),
        starred=bool(starred),
        shareable=bool(shareable),
        setback=setback,
    )


def _light_row(row: Sequence) -> EntryRow:
    entry_id, entry_date, title, kind, mood, tags, starred = row[:7]
    return EntryRow(
        id=entry_id,
        entry_date=date.fromisoformat(entry_date),
        title=title,
        kind=Kind(kind),
        mood=mood,
        tags=tuple(tags.split()),
        starred=bool(starred),
    )


def _hit(row: Sequence, marker: Marker) -> query.SearchHit:
    light = _light_row(row)
    title, body, notes = row[7:10]
    title_spans = marker.mark(title) if title else (query.Span(light.title, False),)
    # One character more than is scanned was read: its presence says the column goes on.
    body_whole, notes_whole = len(body) <= SCAN_CHARS, len(notes) <= SCAN_CHARS
    body, notes = body[:SCAN_CHARS], notes[:SCAN_CHARS]
    # The body's words, unless the match lies only in the tags or setback notes; a
    # title match needs no snippet of its own, since the title is shown marked.
    found = marker.first_match(body)
    text, whole = body, body_whole
    if found is None:
        in_notes = marker.first_match(notes)
        if in_notes is not None:
            found, text, whole = in_notes, notes, notes_whole
    return query.SearchHit(light, title_spans, marker.snippet(text, found, whole))


def _where(flt: EntryFilter) -> tuple[str, list]:
    """SQL conditions on ``e`` (reflect_entries) for a filter, with their parameters."""
    clauses: list[str] = []
    params: list = []
    if flt.kinds:
        kinds = sorted(Kind(k).value for k in flt.kinds)
        clauses.append(f"e.kind IN ({','.join('?' * len(kinds))})")
        params += kinds
    for tag in flt.tags:
        clauses.append("e.id IN (SELECT entry_id FROM reflect_entry_tags WHERE tag = ?)")
        params.append(tag)
    for feeling in flt.feelings:
        clauses.append("e.id IN (SELECT entry_id FROM reflect_entry_feelings WHERE feeling = ?)")
        params.append(feeling)
    if flt.mood_min is not None:
        clauses.append("e.mood >= ?")
        params.append(flt.mood_min)
    if flt.mood_max is not None:
        clauses.append("e.mood <= ?")
        params.append(flt.mood_max)
    if flt.starred_only:
        clauses.append("e.starred = 1")
    if flt.shareable_only:
        clauses.append("e.shareable = 1")
    if flt.date_from is not None:
        clauses.append("e.entry_date >= ?")
        params.append(flt.date_from.isoformat())
    if flt.date_to is not None:
        clauses.append("e.entry_date <= ?")
        params.append(flt.date_to.isoformat())
    return (" AND ".join(clauses) or "1"), params


class ReflectStore:
    def __init__(self, vault: Vault, clock: Clock | None = None) -> None:
        self._vault = vault
        self._clock = clock or Clock()

    @property
    def _conn(self):
        return self._vault.connection

    # -- writing -----------------------------------------------------------------------

    def save(self, entry: Entry) -> Entry:
        """Create the entry if it has no id yet, else update it."""
        return self.create(entry) if entry.id is None else self.update(entry)

    def create(self, entry: Entry) -> Entry:
        now = self._clock.now()
        entry = replace(validate(entry, self._clock.today()), created_at=now, updated_at=now)
        with self._vault.transaction() as conn:
            entry = replace(entry, id=self._insert(conn, entry))
        return entry

    def create_many(self, entries: Iterable[Entry]) -> int:
        """Add many entries in one transaction (imports, benchmarks); returns how many."""
        now = self._clock.now()
        today = self._clock.today()
        count = 0
        with self._vault.transaction() as conn:
            for entry in entries:
                checked = validate(entry, today)
                self._insert(
                    conn,
                    replace(
                        checked,
                        created_at=entry.created_at or now,
                        updated_at=entry.updated_at or now,
                    ),
                )
                count += 1
        return count

    def update(self, entry: Entry) -> Entry:
        """Save changes to an entry; never over a version this one did not see.

        ``entry.updated_at`` is the stamp it was loaded (or last saved) with. When the
        stored entry has another stamp, or is gone, someone else changed it meanwhile
        (another window, an older copy on screen): both versions are kept, these words
        as a new entry titled as a conflicting copy, which is returned. A caller knows
        it happened because the id differs.
        """
        if entry.id is None:
            raise EntryNotFound(None)
        loaded_stamp = entry.updated_at
        entry = replace(validate(entry, self._clock.today()), updated_at=self._clock.now())
        with self._vault.transaction() as conn:
            row = conn.execute(
                "SELECT updated_at FROM reflect_entries WHERE id = ?", (entry.id,)
            ).fetchone()
            if row is None or (loaded_stamp is not None and row[0] != loaded_stamp.isoformat()):
                copy = replace(
                    entry, id=None, title=conflict_title(entry), created_at=entry.updated_at
                )
                return replace(copy, id=self._insert(conn, copy))
            # Each save moves the stamp on, even within one tick of the clock, so a
            # stale copy elsewhere can always tell.
            stored = datetime.fromisoformat(row[0])
            if entry.updated_at <= stored:
                entry = replace(entry, updated_at=stored + timedelta(microseconds=1))
            values = _entry_values(entry)
            columns = [c.strip() for c in _ENTRY_COLUMNS.split(",")]
            # created_at stays as it was: it is left out of the SET.
            assignments = [
                (c, v) for c, v in zip(columns, values, strict=True) if c != "created_at"
            ]
            cursor = conn.execute(
                f"UPDATE reflect_entries SET {', '.join(f'{c} = ?' for c, _ in assignments)} "
                "WHERE id = ? RETURNING created_at",
                [v for _, v in assignments] + [entry.id],
            )
            created = cursor.fetchone()[0]
            self._write_links(conn, entry.id, entry)
        return replace(entry, created_at=datetime.fromisoformat(created))

    def set_starred(self, entry_id: int, starred: bool) -> None:
        with self._vault.transaction() as conn:
            cursor = conn.execute(
                "UPDATE reflect_entries SET starred = ? WHERE id = ?", (int(starred), entry_id)
            )
            if cursor.rowcount == 0:
                raise EntryNotFound(entry_id)

    def delete(self, entry_id: int) -> Entry:
        """Remove an entry; returns it whole, so ``restore`` can undo the deletion."""
        with self._vault.transaction() as conn:
            entry = self._get(conn, entry_id)
            if entry is None:
                raise EntryNotFound(entry_id)
            conn.execute("DELETE FROM reflect_entries WHERE id = ?", (entry_id,))
        return entry

    def restore(self, entry: Entry) -> Entry:
        """Put a deleted entry back exactly as it was: same id, same timestamps."""
        if entry.id is None or entry.created_at is None or entry.updated_at is None:
            raise ValueError("only an entry returned by delete() can be restored")
        with self._vault.transaction() as conn:
            self._insert(conn, entry, with_id=True)
        return entry

    def _insert(self, conn, entry: Entry, *, with_id: bool = False) -> int:
        columns, values = _ENTRY_COLUMNS, _entry_values(entry)
        if with_id:
            columns, values = "id, " + columns, (entry.id, *values)
        marks = ",".join("?" * len(values))
        cursor = conn.execute(f"INSERT INTO reflect_entries ({columns}) VALUES ({marks})", values)
        entry_id = entry.id if with_id else cursor.lastrowid
        self._write_links(conn, entry_id, entry, fresh=True)
        return entry_id

    @staticmethod
    def _write_links(conn, entry_id: int, entry: Entry, *, fresh: bool = False) -> None:
        """The tag and feeling rows that make filtering by them fast."""
        if not fresh:
            conn.execute("DELETE FROM reflect_entry_tags WHERE entry_id = ?", (entry_id,))
            conn.execute("DELETE FROM reflect_entry_feelings WHERE entry_id = ?", (entry_id,))
        conn.executemany(
            "INSERT INTO reflect_entry_tags(tag, entry_id) VALUES (?, ?)",
            [(tag, entry_id) for tag in entry.tags],
        )
        conn.executemany(
            "INSERT INTO reflect_entry_feelings(feeling, entry_id) VALUES (?, ?)",
            [(feeling, entry_id) for feeling in entry.feelings],
        )

    # -- reading -----------------------------------------------------------------------

    def get(self, entry_id: int) -> Entry | None:
        return self._get(self._conn, entry_id)

    @staticmethod
    def _get(conn, entry_id: int) -> Entry | None:
        row = conn.execute(
            f"SELECT id, {_ENTRY_COLUMNS} FROM reflect_entries WHERE id = ?", (entry_id,)
        ).fetchone()
        return None if row is None else _entry_from_row(row)

    def count(self, flt: EntryFilter = ANY) -> int:
        where, params = _where(flt)
        return self._conn.execute(
            f"SELECT count(*) FROM reflect_entries e WHERE {where}", params
        ).fetchone()[0]

    def window(self, offset: int, limit: int, flt: EntryFilter = ANY) -> list[EntryRow]:
        """Rows ``offset`` .. ``offset + limit`` of the newest-first list, and nothing more."""
        where, params = _where(flt)
        # Walk the narrow date index to the window first, then read just those rows.
        rows = self._conn.execute(
            f"SELECT {_ROW_COLUMNS} FROM reflect_entries e WHERE e.id IN ("
            f"  SELECT e.id FROM reflect_entries e WHERE {where}"
            f"  ORDER BY {_NEWEST_FIRST} LIMIT ? OFFSET ?"
            f") ORDER BY {_NEWEST_FIRST}",
            [*params, max(0, limit), max(0, offset)],
        )
        return [_light_row(row) for row in rows]

    def iter_rows(self, flt: EntryFilter = ANY, batch: int = 500) -> Iterator[EntryRow]:
        """Every matching row, newest first, fetched a batch at a time."""
        offset = 0
        while True:
            rows = self.window(offset, batch, flt)
            yield from rows
            if len(rows) < batch:
                return
            offset += batch

    def months(self, flt: EntryFilter = ANY) -> list[MonthGroup]:
        """The month headers of the newest-first list, with where each one starts."""
        where, params = _where(flt)
        rows = self._conn.execute(
            f"SELECT substr(e.entry_date, 1, 7) AS month, count(*) FROM reflect_entries e "
            f"WHERE {where} GROUP BY month ORDER BY month DESC",
            params,
        ).fetchall()
        groups, offset = [], 0
        for month, count in rows:
            year, number = month.split("-")
            groups.append(MonthGroup(int(year), int(number), count, offset))
            offset += count
        return groups

    def position(self, entry_id: int, flt: EntryFilter = ANY) -> int | None:
        """Where an entry sits in the newest-first list, e.g. to select it after saving."""
        row = self._conn.execute(
            "SELECT entry_date FROM reflect_entries WHERE id = ?", (entry_id,)
        ).fetchone()
        if row is None:
            return None
        where, params = _where(flt)
        inside = self._conn.execute(
            f"SELECT 1 FROM reflect_entries e WHERE e.id = ? AND {where}", [entry_id, *params]
        ).fetchone()
        if inside is None:
            return None
        return self._conn.execute(
            f"SELECT count(*) FROM reflect_entries e WHERE {where} AND "
            "(e.entry_date > ? OR (e.entry_date = ? AND e.id > ?))",
            [*params, row[0], row[0], entry_id],
        ).fetchone()[0]

    def tags(self) -> list[tuple[str, int]]:
        """Every tag in use with how many entries carry it, most used first."""
        return self._conn.execute(
            "SELECT tag, count(*) AS n FROM reflect_entry_tags GROUP BY tag ORDER BY n DESC, tag"
        ).fetchall()

    def feelings_used(self) -> list[tuple[str, int]]:
        return self._conn.execute(
            "SELECT feeling, count(*) AS n FROM reflect_entry_feelings "
            "GROUP BY feeling ORDER BY n DESC, feeling"
        ).fetchall()

    # -- searching ---------------------------------------------------------------------

    def search(
        self, text: str, flt: EntryFilter = ANY, limit: int = SEARCH_LIMIT
    ) -> list[query.SearchHit]:
        """The best ``limit`` matches, ranked (bm25), with their matching words marked.

        Never raises for anything a person types: bad syntax is searched as plain words.
        """
        for expression in dict.fromkeys((query.to_fts_query(text), query.plain_fallback(text))):
            if expression is None:
                continue
            try:
                return self._search(expression, flt, limit)
            except QueryRejected:
                continue  # FTS5 did not accept it after all: try the plainer reading
        return []

    def _search(self, expression: str, flt: EntryFilter, limit: int) -> list[query.SearchHit]:
        if limit <= 0:
            return []
        where, params = _where(flt)
        # First rank every match and keep the best few. An explicit bm25() sorted by
        # SQLite measured about twice as fast as FTS5's own ORDER BY rank on 100k
        # entries; the entries table is joined only when a filter needs it.
        join = "" if flt.is_empty else _FTS_JOIN
        # A word in a great many entries tells them apart hardly at all, and scoring
        # them all is what costs (120 ms for a word in each of 100k entries): past
        # RANKED_MATCHES the newest come first instead, read straight off the index.
        matches = self._vault.query(
            f"SELECT count(*) FROM (SELECT 1 FROM reflect_fts {join} "
            f"WHERE reflect_fts MATCH ? AND {where} LIMIT {RANKED_MATCHES + 1})",
            [expression, *params],
        )[0][0]
        order = (
            f"bm25(reflect_fts, {_BM25_WEIGHTS})"
            if matches <= RANKED_MATCHES
            else "reflect_fts.rowid DESC"
        )
        ids = [
            row[0]
            for row in self._vault.query(
                f"SELECT reflect_fts.rowid FROM reflect_fts {join} "
                f"WHERE reflect_fts MATCH ? AND {where} ORDER BY {order} LIMIT ?",
                [expression, *params, limit],
            )
        ]
        if not ids:
            return []
        # Then mark the title and snippet of those hits only, reading no more of each
        # column than a snippet may look through (see app/reflect/snippets.py).
        scan = SCAN_CHARS + 1
        rows = self._conn.execute(
            f"SELECT {_ROW_COLUMNS}, e.title, substr(e.body, 1, {scan}),"
            f" substr(e.search_notes, 1, {scan})"
            f" FROM reflect_entries e WHERE e.id IN ({','.join('?' * len(ids))})",
            ids,
        ).fetchall()
        marker = Marker.for_expression(expression)
        by_id = {row[0]: row for row in rows}
        return [_hit(by_id[entry_id], marker) for entry_id in ids if entry_id in by_id]

    def optimize_search(self) -> None:
        """Merge the full-text index into one b-tree: quicker searches, slower to run."""
        with self._vault.transaction() as conn:
            conn.execute("INSERT INTO reflect_fts(reflect_fts) VALUES ('optimize')")

    # -- read port: what Progress and Summaries see ----------------------------------

    def records(self, span: DayRange) -> list[ReflectionRecord]:
        """Every entry dated within the span, oldest first, without title or body."""
        rows = self._conn.execute(
            "SELECT id, entry_date, kind, mood, closeness, feelings, starred, shareable,"
            " has_setback, setback_pattern, what_happened, what_i_learned, what_next,"
            " repaired_on, how_repaired FROM reflect_entries"
            " WHERE entry_date BETWEEN ? AND ? ORDER BY entry_date, id",
            span.bounds(),
        )
        return [_record(row) for row in rows]

    def texts(self, entry_ids: Iterable[int]) -> list[EntryText]:
        """The words of the given entries, oldest first: only for a summary being made."""
        wanted = sorted(set(entry_ids))
        found: list[EntryText] = []
        for start in range(0, len(wanted), 500):  # SQLite caps the number of parameters
            batch = wanted[start : start + 500]
            found += [
                EntryText(
                    entry_id=row[0],
                    day=date.fromisoformat(row[1]),
                    kind=row[2],
                    title=row[3],
                    body=row[4],
                    feelings=tuple(json.loads(row[5])),
                    tags=tuple(row[6].split()),
                    shareable=bool(row[7]),
                )
                for row in self._conn.execute(
                    "SELECT id, entry_date, kind, display_title, body, feelings, tags, shareable"
                    f" FROM reflect_entries WHERE id IN ({','.join('?' * len(batch))})",
                    batch,
                )
            ]
        return sorted(found, key=lambda text: (text.day, text.entry_id))

    # -- prompts -----------------------------------------------------------------------

    def prompt_history(self) -> list[str]:
        return [
            r[0]
            for r in self._conn.execute("SELECT prompt_id FROM reflect_prompt_log ORDER BY seq")
        ]

    def prompt_of_the_day(
        self, library: PromptLibrary, day: date, set_id: str | None = None
    ) -> Prompt:
        """The prompt offered on ``day``: the one already chosen that day, else a new one."""
        row = self._conn.execute(
            "SELECT prompt_id FROM reflect_prompt_log WHERE day = ? ORDER BY seq DESC LIMIT 1",
            (day.isoformat(),),
        ).fetchone()
        current = library.get(row[0]) if row else None
        if current is not None and (set_id is None or current.set_id == set_id):
            return current
        return self._offer(library, day, set_id, avoid=())

    def another_prompt(
        self, library: PromptLibrary, day: date, set_id: str | None = None
    ) -> Prompt:
        """A different prompt for ``day``; it becomes the day's prompt from now on."""
        current = self.prompt_of_the_day(library, day, set_id)
        return self._offer(library, day, set_id, avoid=(current.id,))

    def _offer(
        self, library: PromptLibrary, day: date, set_id: str | None, avoid: Sequence[str]
    ) -> Prompt:
        prompt = pick_prompt(library.pool(set_id), day, self.prompt_history(), avoid)
        with self._vault.transaction() as conn:
            conn.execute(
                "INSERT INTO reflect_prompt_log(day, prompt_id) VALUES (?, ?)",
                (day.isoformat(), prompt.id),
            )
        return prompt
