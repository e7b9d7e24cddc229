"""The entry model: kinds, display titles, validation, tags and feelings."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.reflect.model import (
    KINDS,
    PATTERN_HINTS,
    PATTERN_LABELS,
    Entry,
    EntryFilter,
    InvalidEntry,
    Kind,
    MonthGroup,
    Setback,
    SetbackPattern,
    display_title,
    first_line,
    new_entry,
    normalise_tag,
    normalise_tags,
    parse_date,
    validate,
)
from app.reflect.prompts import load_library
from app.shared.feelings import family_of, feeling_families
from app.validation import Invalid

TODAY = date(2026, 1, 15)


def test_every_kind_and_pattern_has_words_for_the_view():
    assert set(KINDS) == set(Kind)
    assert set(PATTERN_LABELS) == set(SetbackPattern) == set(PATTERN_HINTS)
    for info in KINDS.values():
        assert all((info.label, info.blurb, info.placeholder, info.icon))


def test_kinds_point_at_prompt_sets_that_exist():
    library = load_library()
    for info in KINDS.values():
        for set_id in info.prompt_sets:
            assert library.get_set(set_id) is not None, (info.kind, set_id)


def test_only_setbacks_show_the_setback_fields():
    assert [k for k, info in KINDS.items() if info.shows_setback] == [Kind.SETBACK]


def test_new_entry_defaults_are_private_and_dated_today():
    entry = new_entry(TODAY)
    assert entry.entry_date == TODAY
    assert entry.kind is Kind.REFLECTION
    assert entry.shareable is False
    assert entry.setback is None
    assert new_entry(TODAY, Kind.SETBACK).setback == Setback()


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        ("A title", "body", "A title"),
        ("   ", "\n\n  First words here\nsecond", "First words here"),
        ("", "## What happened?\n\nWe argued", "What happened?"),
        ("", "- [ ] call mum\n", "call mum"),
        ("", "> a quote\n", "a quote"),
        ("", "1. first point", "first point"),
        ("", "**bold start**", "bold start"),
        ("", "سلام، امروز خوب بود", "سلام، امروز خوب بود"),
        ("", "今日は静かな一日だった", "今日は静かな一日だった"),
        ("", "\n  \n", "Untitled reflection"),
    ],
)
def test_display_title_falls_back_to_the_first_line(title, body, expected):
    assert display_title(title, body) == expected


def test_display_title_is_shortened_at_a_word():
    text = "word " * 40
    shown = display_title("", text)
    assert len(shown) <= 80
    assert shown.endswith("…")
    assert not shown[:-1].endswith(" ")


def test_display_title_names_the_kind_when_empty():
    assert display_title("", "", Kind.UNSENT_LETTER) == "Untitled unsent letter"
    assert Entry(entry_date=TODAY, kind=Kind.SETBACK).display_title == "Untitled setback"


def test_first_line_skips_blank_markup():
    assert first_line("#\n##   \nreal") == "real"


@pytest.mark.parametrize(
    ("raw", "tag"),
    [
        ("#Old Wounds ", "old-wounds"),
        ("  work  ", "work"),
        ("in--laws!!", "in-laws"),
        ("Café", "café"),
        ("家族", "家族"),
        ("###", ""),
        ("a" * 40, "a" * 40),  # longer is refused: see tests/reflect/test_cli_safety.py
    ],
)
def test_tags_are_normalised(raw, tag):
    assert normalise_tag(raw) == tag


def test_tag_lists_are_deduplicated_in_order():
    assert normalise_tags(["Home", "#home", "Work", ""]) == ("home", "work")
    assert normalise_tags("home, work  sleep") == ("home", "work", "sleep")


def test_too_many_tags_is_a_clear_error():
    with pytest.raises(InvalidEntry) as caught:
        normalise_tags([f"t{i}" for i in range(31)])
    assert caught.value.field == "tags"


def test_reflect_speaks_the_shared_validation_error():
    """Any caller that knows only app.validation.Invalid reads Reflect's field and message."""
    with pytest.raises(Invalid) as caught:
        validate(Entry(entry_date=TODAY, mood=9), TODAY)
    assert isinstance(caught.value, InvalidEntry)
    assert caught.value.field == "mood"
    assert (
        caught.value.message == str(caught.value) == "Mood is a number from 1 to 5, or left empty."
    )


def test_validate_normalises_title_tags_and_feelings():
    entry = Entry(
        entry_date=TODAY,
        title="  A   quiet   day ",
        tags=("#Home",),
        feelings=(" Hurt", "hurt", "Let  Down"),
    )
    checked = validate(entry, TODAY)
    assert checked.title == "A quiet day"
    assert checked.tags == ("home",)
    assert checked.feelings == ("hurt", "let down")


@pytest.mark.parametrize("mood", [0, 6, -1, 2.5, True, "3"])
def test_mood_outside_one_to_five_is_refused(mood):
    with pytest.raises(InvalidEntry) as caught:
        validate(Entry(entry_date=TODAY, mood=mood), TODAY)
    assert caught.value.field == "mood"
    assert "1 to 5" in caught.value.message


def test_closeness_is_checked_like_mood():
    with pytest.raises(InvalidEntry) as caught:
        validate(Entry(entry_date=TODAY, closeness=9), TODAY)
    assert caught.value.field == "closeness"
    assert validate(Entry(entry_date=TODAY, mood=1, closeness=5), TODAY).closeness == 5


@pytest.mark.parametrize(
    ("day", "words"),
    [(date(1899, 12, 31), "1900 or later"), (date(2027, 6, 1), "more than a year ahead")],
)
def test_dates_out_of_range_have_a_clear_message(day, words):
    with pytest.raises(InvalidEntry) as caught:
        validate(Entry(entry_date=day), TODAY)
    assert caught.value.field == "entry_date"
    assert words in caught.value.message


def test_a_date_within_the_coming_year_is_fine():
    assert validate(Entry(entry_date=date(2026, 12, 31)), TODAY).entry_date == date(2026, 12, 31)


def test_repair_cannot_come_before_the_setback():
    entry = Entry(
        entry_date=TODAY, kind=Kind.SETBACK, setback=Setback(repaired_on=date(2026, 1, 14))
    )
    with pytest.raises(InvalidEntry) as caught:
        validate(entry, TODAY)
    assert caught.value.field == "repaired_on"
    fixed = replace(
        entry, setback=Setback(SetbackPattern.WITHDRAWING, repaired_on=date(2026, 1, 16))
    )
    assert validate(fixed, TODAY).setback.repaired_on == date(2026, 1, 16)


def test_unknown_pattern_is_refused():
    entry = Entry(entry_date=TODAY, setback=Setback(pattern="sulking"))  # type: ignore[arg-type]
    with pytest.raises(InvalidEntry) as caught:
        validate(entry, TODAY)
    assert caught.value.field == "pattern"


def test_messages_never_quote_what_was_written():
    secret = "my secret words"
    entry = Entry(entry_date=date(1800, 1, 1), title=secret, body=secret, mood=7)
    with pytest.raises(InvalidEntry) as caught:
        validate(entry, TODAY)
    assert secret not in str(caught.value)


def test_parse_date_says_how_to_write_a_date():
    assert parse_date(" 2026-01-15 ") == TODAY
    with pytest.raises(InvalidEntry) as caught:
        parse_date("15/01/2026")
    assert "YYYY-MM-DD" in caught.value.message


def test_feelings_come_grouped_by_family():
    families = feeling_families()
    ids = [f.id for f in families]
    for wanted in ("sad", "anxious", "angry", "hurt", "lonely", "calm", "hopeful", "grateful"):
        assert wanted in ids
    assert family_of("let down") == "hurt"
    assert family_of("not a feeling") is None


def test_filter_emptiness_and_month_labels():
    assert EntryFilter().is_empty
    assert not EntryFilter(starred_only=True).is_empty
    assert MonthGroup(2026, 1, 3, 0).label == "January 2026"
