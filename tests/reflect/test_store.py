"""The Reflect store on a real encrypted vault: writing, undo, listing, search."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from app.reflect import query as reflect_query
from app.reflect.model import (
    Entry,
    EntryFilter,
    InvalidEntry,
    Kind,
    Setback,
    SetbackPattern,
    new_entry,
)
from app.reflect.prompts import load_library
from app.reflect.query import Span
from app.reflect.store import EntryNotFound, ReflectStore
from app.vault import Vault
from tests.conftest import PASSPHRASE

DAY = date(2026, 1, 10)


def add(store: ReflectStore, body: str = "", **fields) -> Entry:
    fields.setdefault("entry_date", DAY)
    return store.create(Entry(body=body, **fields))


def fts_is_sound(store: ReflectStore) -> None:
    conn = store._vault.connection
    conn.execute("INSERT INTO reflect_fts(reflect_fts, rank) VALUES ('integrity-check', 1)")


def hit_ids(store: ReflectStore, text: str, **kw) -> list[int]:
    return [hit.row.id for hit in store.search(text, **kw)]


# -- writing -------------------------------------------------------------------------------


def test_create_and_get_round_trip_every_field(store, clock):
    entry = Entry(
        entry_date=DAY,
        kind=Kind.SETBACK,
        title="After Sunday",
        body="# Heading\n\nWe went quiet.",
        mood=2,
        closeness=3,
        feelings=("hurt", "let down"),
        tags=("#Home", "sunday"),
        starred=True,
        shareable=True,
        prompt_id="setbacks/what-happened",
        setback=Setback(
            SetbackPattern.STONEWALLING,
            "We stopped talking",
            "I flood quickly",
            "Ask for a pause",
            date(2026, 1, 12),
            "We talked over tea",
        ),
    )
    saved = store.create(entry)
    assert saved.id is not None
    assert saved.created_at == saved.updated_at == clock.now()
    assert saved.tags == ("home", "sunday")
    assert store.get(saved.id) == saved


def test_entries_are_private_by_default(store):
    assert store.get(add(store, "x").id).shareable is False


def test_an_empty_setback_is_kept_apart_from_no_setback(store):
    setback = store.create(new_entry(DAY, Kind.SETBACK))
    plain = add(store, "x")
    assert store.get(setback.id).setback == Setback()
    assert store.get(plain.id).setback is None


def test_invalid_entries_are_not_saved(store):
    with pytest.raises(InvalidEntry):
        add(store, "x", mood=9)
    assert store.count() == 0


def test_update_keeps_created_at_and_moves_updated_at(store, clock):
    entry = add(store, "first words")
    clock.advance(60)
    edited = store.update(replace(entry, body="second words", mood=4))
    assert edited.created_at == entry.created_at
    assert edited.updated_at == entry.updated_at + timedelta(seconds=60)
    assert store.get(entry.id) == edited


def test_save_creates_then_updates(store):
    entry = store.save(new_entry(DAY, body="draft"))
    again = store.save(replace(entry, body="draft, longer"))
    assert again.id == entry.id
    assert store.count() == 1


def test_updating_a_deleted_entry_keeps_the_words_as_a_copy(store):
    entry = add(store, "x")
    store.delete(entry.id)
    kept = store.update(replace(entry, body="still mine"))
    assert kept.id != entry.id
    assert store.get(kept.id).body == "still mine"
    with pytest.raises(EntryNotFound):
        store.update(replace(entry, id=None))


def test_delete_then_restore_brings_back_the_same_entry(store):
    entry = add(store, "keep me", tags=("home",), feelings=("calm",), title="Hello")
    removed = store.delete(entry.id)
    assert store.get(entry.id) is None
    assert hit_ids(store, "keep") == []
    assert store.count(EntryFilter(tags=("home",))) == 0
    store.restore(removed)
    assert store.get(entry.id) == entry
    assert hit_ids(store, "keep") == [entry.id]
    assert store.count(EntryFilter(tags=("home",), feelings=("calm",))) == 1
    fts_is_sound(store)


def test_ids_are_never_reused_so_undo_cannot_collide(store):
    newest = add(store, "newest")
    removed = store.delete(newest.id)
    other = add(store, "another")
    assert other.id != removed.id
    store.restore(removed)
    assert store.count() == 2


def test_deleting_a_missing_entry_raises(store):
    with pytest.raises(EntryNotFound):
        store.delete(12345)


def test_set_starred(store):
    entry = add(store, "x")
    store.set_starred(entry.id, True)
    assert store.get(entry.id).starred is True
    assert store.count(EntryFilter(starred_only=True)) == 1
    with pytest.raises(EntryNotFound):
        store.set_starred(999, True)


def test_entries_survive_closing_and_reopening(vault, clock):
    entry = ReflectStore(vault, clock).create(Entry(entry_date=DAY, body="still here"))
    path = vault.path
    vault.close()
    with Vault.open(path, PASSPHRASE) as reopened:
        store = ReflectStore(reopened, clock)
        assert store.get(entry.id) == entry
        assert hit_ids(store, "still") == [entry.id]


# -- any script, any length ------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "query"),
    [
        ("今日は 静か な 一日 だった", "静か"),
        ("我们 昨天 吵架 了", "吵架"),
        ("اليوم كان هادئا وتحدثنا طويلا", "هادئا"),
        ("Сегодня мы долго говорили", "говорили"),
        ("שלום עליכם חברים", "שלום"),
        ("We laughed 😂 so much 💛 today", "laughed"),
        ("Ein schöner Café-Abend", "cafe"),
    ],
)
def test_any_script_round_trips_and_is_found(store, body, query):
    entry = add(store, body)
    assert store.get(entry.id).body == body
    assert hit_ids(store, query) == [entry.id]


def test_emoji_only_text_is_kept(store):
    entry = add(store, "💛🌧️🫂")
    assert store.get(entry.id).body == "💛🌧️🫂"
    assert store.window(0, 10)[0].title == "💛🌧️🫂"
    assert store.search("💛") == []


def test_a_huge_body_is_saved_searched_and_listed_lightly(store):
    body = ("A long day of words. " * 60_000) + "needle at the very end"
    entry = add(store, body)
    assert len(store.get(entry.id).body) == len(body)
    (hit,) = store.search("needle")
    # Found by the index; a match this far in is not looked for in the snippet, which
    # shows the opening words instead: a snippet costs the same however long the entry.
    assert "".join(s.text for s in hit.snippet).startswith("A long day of words.")
    assert len("".join(s.text for s in hit.snippet)) < 400
    (hit,) = store.search("long")
    assert any(span.is_match and span.text == "long" for span in hit.snippet)
    title = store.window(0, 1)[0].title
    assert title.startswith("A long day of words.")
    assert title.endswith("…")
    assert len(title) <= 80


# -- full-text search --------------------------------------------------------------------


def test_search_follows_updates_and_deletes(store):
    entry = add(store, "we walked by the river")
    assert hit_ids(store, "river") == [entry.id]
    entry = store.update(replace(entry, body="we sat by the sea"))
    assert hit_ids(store, "river") == []
    assert hit_ids(store, "sea") == [entry.id]
    store.update(replace(entry, body="we sat by the sea", mood=3))  # text unchanged
    assert hit_ids(store, "sea") == [entry.id]
    store.delete(entry.id)
    assert hit_ids(store, "sea") == []
    fts_is_sound(store)


def test_search_covers_title_tags_and_setback_notes(store):
    titled = add(store, "body", title="Lantern evening")
    tagged = add(store, "body", tags=("in-laws",))
    setback = add(
        store,
        "body",
        kind=Kind.SETBACK,
        setback=Setback(what_i_learned="I need a breather", how_repaired="a long hug"),
    )
    assert hit_ids(store, "lantern") == [titled.id]
    assert hit_ids(store, "laws") == [tagged.id]
    assert hit_ids(store, "breather") == [setback.id]
    assert hit_ids(store, "hug") == [setback.id]
    store.update(replace(store.get(setback.id), setback=Setback(what_i_learned="patience")))
    assert hit_ids(store, "breather") == []
    assert hit_ids(store, "patience") == [setback.id]
    fts_is_sound(store)


def test_ranking_puts_the_best_match_first(store):
    once = add(store, "a quiet walk and then supper and then sleep and more words here")
    often = add(store, "walk walk walk")
    in_title = add(store, "nothing much", title="Walk")
    assert hit_ids(store, "walk") == [in_title.id, often.id, once.id]


def test_prefixes_phrases_and_or(store):
    a = add(store, "I was defensive about the dishes")
    b = add(store, "a gentle start made the difference")
    c = add(store, "start gentle, she said")
    assert hit_ids(store, "defen*") == [a.id]
    assert sorted(hit_ids(store, "gentle start")) == sorted([b.id, c.id])
    assert hit_ids(store, '"gentle start"') == [b.id]
    assert sorted(hit_ids(store, "dishes OR difference")) == sorted([a.id, b.id])
    assert hit_ids(store, "gentle NOT she") == [b.id]


@pytest.mark.parametrize(
    "text",
    ['"unbalanced', "OR", "AND OR NOT", "(", "title:", "a:b", "*", "NEAR(", "^x", '"*"', "-", ""],
)
def test_bad_syntax_never_raises(store, text):
    add(store, "unbalanced title b x near or")
    assert isinstance(store.search(text), list)


def test_bad_syntax_is_searched_as_plain_words(store):
    entry = add(store, "an unbalanced quote appears here")
    assert hit_ids(store, '"unbalanced quote') == [entry.id]
    assert hit_ids(store, "(quote:") == [entry.id]


def test_an_expression_fts5_rejects_falls_back_to_plain_words(store, monkeypatch):
    """Should the query builder ever hand FTS5 something it refuses, the vault says so
    (QueryRejected) and the search reads the words plainly instead of failing."""
    entry = add(store, "we had tea together")
    monkeypatch.setattr(reflect_query, "to_fts_query", lambda _text: '"unterminated')
    assert hit_ids(store, "tea") == [entry.id]


def test_matches_are_marked_as_spans(store):
    add(store, "Line one\n\n   we had tea <b>together</b> & talked", title="Tea time")
    (hit,) = store.search("tea")
    assert hit.title == (Span("Tea", True), Span(" time", False))
    matches = [s.text for s in hit.snippet if s.is_match]
    assert matches == ["tea"]
    text = "".join(s.text for s in hit.snippet)
    assert "<b>together</b> &" in text  # markup stays text, for the view to escape
    assert "\n" not in text


def test_untitled_hits_show_the_first_line_unmarked(store):
    add(store, "First line here\nthen tea")
    (hit,) = store.search("tea")
    assert hit.title == (Span("First line here", False),)


def test_search_limit_and_filters(store):
    for n in range(30):
        add(
            store,
            f"river note {n}",
            entry_date=DAY + timedelta(days=n),
            mood=1 + n % 5,
            tags=("odd",) if n % 2 else ("even",),
        )
    assert len(store.search("river", limit=7)) == 7
    assert store.search("river", limit=0) == []
    narrowed = store.search("river", EntryFilter(tags=("odd",), mood_min=4))
    assert narrowed
    for hit in narrowed:
        entry = store.get(hit.row.id)
        assert "odd" in entry.tags
        assert entry.mood >= 4


# -- the lazy list -------------------------------------------------------------------------


def test_window_is_newest_first_and_light(store):
    older = add(store, "older", entry_date=date(2025, 12, 31))
    same_day_first = add(store, "first of the day")
    same_day_second = add(store, "second of the day", tags=("home",), mood=4, starred=True)
    rows = store.window(0, 10)
    assert [r.id for r in rows] == [same_day_second.id, same_day_first.id, older.id]
    top = rows[0]
    assert (top.title, top.tags, top.mood, top.starred, top.kind) == (
        "second of the day",
        ("home",),
        4,
        True,
        Kind.REFLECTION,
    )
    assert not hasattr(top, "body")


def test_windows_page_through_everything_once(store):
    ids = {
        store.create(Entry(entry_date=DAY + timedelta(days=n % 40), body=f"n{n}")).id
        for n in range(120)
    }
    seen = []
    offset = 0
    while rows := store.window(offset, 25):
        seen += [r.id for r in rows]
        offset += 25
    assert sorted(seen) == sorted(ids)
    assert len(seen) == len(set(seen)) == store.count() == 120
    dates = [store.get(i).entry_date for i in seen]
    assert dates == sorted(dates, reverse=True)
    assert [r.id for r in store.iter_rows(batch=7)] == seen
    assert store.window(500, 25) == []


def test_months_give_headers_and_offsets(store):
    for day, n in ((date(2026, 1, 3), 2), (date(2025, 12, 20), 3), (date(2025, 10, 1), 1)):
        for _ in range(n):
            add(store, "x", entry_date=day)
    groups = store.months()
    assert [(g.year, g.month, g.count, g.offset) for g in groups] == [
        (2026, 1, 2, 0),
        (2025, 12, 3, 2),
        (2025, 10, 1, 5),
    ]
    assert groups[1].label == "December 2025"
    assert store.months(EntryFilter(date_to=date(2025, 12, 31)))[0].offset == 0


def test_position_finds_an_entry_in_the_list(store):
    a = add(store, "a", entry_date=date(2026, 1, 1))
    b = add(store, "b", entry_date=date(2026, 1, 5), kind=Kind.GRATITUDE)
    c = add(store, "c", entry_date=date(2026, 1, 3))
    assert [store.position(x.id) for x in (b, c, a)] == [0, 1, 2]
    assert store.position(c.id, EntryFilter(kinds=frozenset({Kind.GRATITUDE}))) is None
    assert store.position(9999) is None


def test_filters(store):
    a = add(store, "a", entry_date=date(2026, 1, 1), kind=Kind.GRATITUDE, mood=5, tags=("home",))
    b = add(store, "b", entry_date=date(2026, 1, 5), mood=2, feelings=("hurt", "tense"))
    c = add(store, "c", entry_date=date(2026, 1, 9), tags=("home", "work"), starred=True)
    d = add(store, "d", entry_date=date(2026, 1, 9), shareable=True, kind=Kind.SETBACK)

    def ids(**kw):
        return [r.id for r in store.window(0, 50, EntryFilter(**kw))]

    assert ids(kinds=frozenset({Kind.GRATITUDE, Kind.SETBACK})) == [d.id, a.id]
    assert ids(tags=("home",)) == [c.id, a.id]
    assert ids(tags=("home", "work")) == [c.id]
    assert ids(feelings=("hurt",)) == [b.id]
    assert ids(mood_min=3) == [a.id]
    assert ids(mood_min=1, mood_max=2) == [b.id]
    assert ids(starred_only=True) == [c.id]
    assert ids(shareable_only=True) == [d.id]
    assert ids(date_from=date(2026, 1, 2), date_to=date(2026, 1, 8)) == [b.id]
    assert store.count(EntryFilter(tags=("home",))) == 2
    assert store.count(EntryFilter(tags=("nothing",))) == 0


def test_tag_and_feeling_counts(store):
    add(store, "a", tags=("home", "work"), feelings=("calm",))
    add(store, "b", tags=("home",), feelings=("calm", "hurt"))
    assert store.tags() == [("home", 2), ("work", 1)]
    assert store.feelings_used() == [("calm", 2), ("hurt", 1)]


# -- prompts -----------------------------------------------------------------------------


def test_prompt_of_the_day_is_stable_for_the_day(store):
    library = load_library()
    first = store.prompt_of_the_day(library, DAY)
    assert store.prompt_of_the_day(library, DAY) == first
    assert store.prompt_of_the_day(library, DAY + timedelta(days=1)) != first


def test_another_prompt_changes_the_day_s_prompt(store):
    library = load_library()
    first = store.prompt_of_the_day(library, DAY)
    other = store.another_prompt(library, DAY)
    assert other != first
    assert store.prompt_of_the_day(library, DAY) == other


def test_prompts_do_not_repeat_until_the_set_is_used_up(store):
    library = load_library()
    pool = library.get_set("boundaries").prompts
    shown = [store.prompt_of_the_day(library, DAY, "boundaries")]
    shown += [store.another_prompt(library, DAY, "boundaries") for _ in range(len(pool) - 1)]
    assert sorted(p.id for p in shown) == sorted(p.id for p in pool)
    assert store.another_prompt(library, DAY, "boundaries") != shown[-1]


def test_the_whole_library_is_offered_before_any_repeat(store):
    library = load_library()
    shown = [
        store.prompt_of_the_day(library, DAY + timedelta(days=n)).id
        for n in range(len(library.prompts))
    ]
    assert len(set(shown)) == len(library.prompts)
