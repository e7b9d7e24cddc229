"""The summary as data: sections, private by default, ticks, and the plain statement."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from app.activity import DayRange
from app.summary.gather import gather
from app.summary.html import direction, summary_html
from app.summary.model import (
    ALL_SECTIONS,
    Section,
    build,
    default_choices,
    everything_chosen,
)
from app.summary.period import document_title, last_30_days, period_text, this_month, this_week
from tests.summary.conftest import DAYS, FIRST
from tests.summary.seed import PRIVATE_MARK, SHARED_MARK

SPAN = DayRange(FIRST, date(2026, 1, DAYS))
MADE = date(2026, 2, 1)


def words_of(summary) -> str:
    parts = [b.body for b in summary.entries] + [b.what_happened for b in summary.setbacks]
    parts += [b.after for b in summary.attempts]
    return "\n".join(parts)


def test_periods_and_their_names():
    today = date(2026, 3, 12)  # a Thursday
    assert this_week(today) == DayRange(date(2026, 3, 9), today)
    assert this_month(today) == DayRange(date(2026, 3, 1), today)
    assert last_30_days(today).days == 30
    assert period_text(DayRange(date(2026, 3, 1), date(2026, 3, 7))) == "1–7 March 2026"
    assert period_text(DayRange(date(2025, 12, 30), date(2026, 1, 2))) == (
        "30 December 2025 – 2 January 2026"
    )
    assert document_title(DayRange(today, today)) == "Tend summary, 12 March 2026"


def test_private_words_stay_out_by_default(seeded):
    vault, ids = seeded
    source = gather(vault, SPAN)
    summary = build(source, default_choices(source), MADE)
    text = words_of(summary)
    assert SHARED_MARK in text
    assert PRIVATE_MARK not in text
    shown = {b.entry_id for b in summary.entries} | {b.entry_id for b in summary.setbacks}
    assert shown == set(ids["shareable"])
    assert {b.attempt_id for b in summary.attempts} == set(ids["attempts_shareable"])
    html = summary_html(summary)
    assert PRIVATE_MARK not in html


def test_a_private_entry_ticked_one_by_one_is_included(seeded):
    vault, ids = seeded
    source = gather(vault, SPAN)
    chosen = default_choices(source)
    one = ids["private"][0]
    summary = build(source, replace(chosen, entries=chosen.entries | {one}), MADE)
    shown = {b.entry_id for b in summary.entries} | {b.entry_id for b in summary.setbacks}
    assert shown == set(ids["shareable"]) | {one}
    assert "and 1 private entry you ticked" in summary.statement[0]


def test_the_statement_says_what_is_held_and_left_out(seeded):
    vault, ids = seeded
    source = gather(vault, SPAN)
    summary = build(source, default_choices(source), MADE)
    shareable, private = len(ids["shareable"]), len(ids["private"])
    assert summary.statement[0] == (
        f"{shareable} shareable entries included; {private} private entries left out."
    )
    assert any("favourite practice attempt" in line for line in summary.statement)
    assert any("numbers only" in line for line in summary.statement)


def test_sections_switched_off_are_absent_and_named(seeded):
    vault, _ = seeded
    source = gather(vault, SPAN)
    sections = ALL_SECTIONS - {Section.ENTRIES, Section.CHART}
    summary = build(source, everything_chosen(source, sections), MADE)
    assert summary.entries == ()
    assert summary.setbacks  # still on
    assert not summary.has(Section.CHART)
    html = summary_html(summary)
    assert "Chosen entries" not in html
    assert "Mood and closeness" not in html
    assert "What setbacks taught" in html
    assert "Left out by your choice: mood and closeness and chosen entries." in (summary.statement)


def test_everything_chosen_includes_private_words(seeded):
    vault, _ = seeded
    source = gather(vault, SPAN)
    summary = build(source, everything_chosen(source), MADE)
    assert PRIVATE_MARK in words_of(summary)


def test_numbers_streak_goals_and_milestones_come_through(seeded):
    vault, _ = seeded
    source = gather(vault, SPAN)
    summary = build(source, default_choices(source), MADE)
    assert summary.numbers.entries == DAYS
    assert summary.numbers.longest_streak == DAYS
    assert summary.numbers.breath_minutes == 5 * 7  # five minutes every other day
    assert summary.goals[0].title == "A walk together every Sunday"
    assert [day for day, _ in summary.goals[0].checkins] == [date(2026, 1, 7), date(2026, 1, 14)]
    assert summary.milestones  # a first entry, a week in a row...
    assert all(SPAN.first <= day <= SPAN.last for day, _ in summary.milestones)
    assert summary.chart.grain == "day"
    assert len(summary.chart.points) == DAYS


def test_user_text_is_escaped_and_keeps_its_direction(seeded):
    vault, _ = seeded
    source = gather(vault, SPAN)
    first = source.entries[0].entry_id
    text = source.texts[first]
    source.texts[first] = replace(
        text, title="<script>مرحبا</script>", body="שלום & <b>not bold</b>\n\n你好，世界"
    )
    summary = build(source, everything_chosen(source), MADE)
    html = summary_html(summary)
    assert "<script>" not in html
    assert "<b>not bold" not in html
    assert "&lt;script&gt;مرحبا&lt;/script&gt;" in html
    assert '<p dir="rtl" align="right">שלום &amp; &lt;b&gt;not bold&lt;/b&gt;</p>' in html
    assert '<p dir="ltr">你好，世界</p>' in html
    assert direction("  123 שלום") == "rtl"
    assert direction("Hello שלום") == "ltr"
