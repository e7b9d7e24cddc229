"""Progress metrics with fixed dates: streaks, weeks, months, trends, edge cases."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from app.activity import DayRange
from app.progress.model import (
    Between,
    Period,
    ProgressData,
    activity_calendar,
    build_report,
    calendar_level,
    period_span,
    report_as_dict,
    streaks,
)
from tests.progress.records import attempt, breath, check_in, data, entry, goal, setback

TODAY = date(2026, 3, 18)  # a Wednesday


def days_before(*offsets: int) -> list[date]:
    return [TODAY - timedelta(days=n) for n in offsets]


# -- periods ----------------------------------------------------------------------------


def test_periods_start_on_a_monday_or_the_first_of_a_month():
    assert period_span(Period.FOUR_WEEKS, TODAY) == DayRange(date(2026, 2, 23), TODAY)
    assert period_span(Period.FOUR_WEEKS, TODAY).first.weekday() == 0
    assert period_span(Period.THREE_MONTHS, TODAY) == DayRange(date(2026, 1, 1), TODAY)
    assert period_span(Period.TWELVE_MONTHS, TODAY) == DayRange(date(2025, 4, 1), TODAY)
    assert period_span(Period.ALL, TODAY, date(2020, 5, 5)) == DayRange(date(2020, 5, 5), TODAY)
    assert period_span(Period.ALL, TODAY) == DayRange(TODAY, TODAY)
    assert period_span("3m", date(2024, 3, 31)).first == date(2024, 1, 1)


# -- streaks ----------------------------------------------------------------------------


def test_a_streak_counts_days_in_a_row_and_survives_an_unfinished_today():
    run = days_before(1, 2, 3)  # yesterday and the two days before
    assert streaks(run, TODAY).current == 3
    assert not streaks(run, TODAY).active_today
    assert streaks([*run, TODAY], TODAY).current == 4
    assert streaks(days_before(2, 3, 4), TODAY).current == 0  # yesterday was missed


def test_a_grace_day_bridges_one_missed_day_but_not_two():
    days = days_before(0, 2, 3, 5, 8)  # gaps of one day, one day, then two days
    plain = streaks(days, TODAY)
    kind = streaks(days, TODAY, grace_day=True)
    assert (plain.current, plain.longest) == (1, 2)
    assert (kind.current, kind.longest) == (4, 4)
    assert kind.current_started == TODAY - timedelta(days=5)
    # With grace, the run is still alive when only yesterday was missed.
    assert streaks(days_before(2, 3), TODAY, grace_day=True).current == 2
    assert streaks(days_before(3, 4), TODAY, grace_day=True).current == 0


def test_longest_streak_is_remembered_and_the_sentence_is_kind():
    old = [date(2025, 1, 1) + timedelta(days=n) for n in range(10)]
    result = streaks([*old, TODAY], TODAY)
    assert (result.current, result.longest) == (1, 10)
    assert (result.longest_started, result.longest_ended) == (date(2025, 1, 1), date(2025, 1, 10))
    assert "longest run so far is 10 days" in result.sentence
    gone = streaks(old, TODAY)
    assert gone.current == 0
    assert "a new run begins" in gone.sentence


def test_streaks_cross_month_ends_and_leap_days():
    leap = [date(2024, 2, 27) + timedelta(days=n) for n in range(5)]  # 27 Feb .. 2 Mar
    assert date(2024, 2, 29) in leap
    assert streaks(leap, date(2024, 3, 2)).current == 5
    year_end = [date(2025, 12, 30), date(2025, 12, 31), date(2026, 1, 1)]
    assert streaks(year_end, date(2026, 1, 1)).current == 3


def test_future_days_make_no_streak():
    assert streaks([TODAY + timedelta(days=1), TODAY + timedelta(days=2)], TODAY).longest == 0


# -- the whole report ---------------------------------------------------------------------


def test_an_empty_vault_gets_a_friendly_start_and_dense_empty_series():
    report = build_report(ProgressData(), Period.FOUR_WEEKS, TODAY)
    assert report.is_empty
    assert "fills in as you use Tend" in report.welcome
    assert report.streaks.current == report.streaks.longest == 0
    assert [w.count for w in report.mood.weeks] == [0, 0, 0, 0]
    assert report.mood.weeks[0].week == date(2026, 2, 23)
    assert report.breathing.minutes == 0
    assert report.practice.average_score is None
    assert report.milestones == ()
    assert "once you rate it" in report.mood.sentence
    assert len(report.calendar.days) % 7 == 3  # whole weeks up to Wednesday
    json.dumps(report_as_dict(report))  # every figure is plain JSON


def test_one_entry():
    report = build_report(data(entry(TODAY, mood=4, closeness=3)), Period.ALL, TODAY)
    assert not report.is_empty
    assert report.span == DayRange(TODAY, TODAY)
    assert report.activity.active_days == 1
    assert report.streaks.current == 1
    assert report.mood.rated[0].average == 4
    assert "was 4.0 in the week of 16 March 2026, from 1 entry" in report.mood.sentence
    assert [m.id for m in report.milestones] == ["first-entry"]
    assert report.welcome.startswith("You have begun")


def test_mood_and_closeness_are_weekly_averages_with_their_counts():
    records = [
        entry(date(2026, 3, 2), mood=2, closeness=2),  # Monday
        entry(date(2026, 3, 8), mood=3, closeness=3),  # Sunday: the same ISO week
        entry(date(2026, 3, 9), mood=5),  # next Monday
        entry(date(2026, 3, 16), closeness=4),
        entry(date(2026, 3, 17), closeness=5, mood=None),
    ]
    report = build_report(data(*records), Period.FOUR_WEEKS, TODAY)
    by_week = {w.week: (w.average, w.count) for w in report.mood.weeks}
    assert by_week[date(2026, 3, 2)] == (2.5, 2)
    assert by_week[date(2026, 3, 9)] == (5.0, 1)
    assert by_week[date(2026, 3, 16)] == (None, 0)
    closeness = {w.week: (w.average, w.count) for w in report.closeness.weeks}
    assert closeness[date(2026, 3, 16)] == (4.5, 2)
    assert report.closeness.sentence == (
        "Your average closeness rose from 2.5 to 4.5 over the last 3 weeks."
    )
    assert report.mood.sentence == "Your average mood rose from 2.5 to 5.0 over 2 weeks."
    assert (report.mood.average, report.mood.count) == (3.33, 3)


def test_a_long_trend_compares_its_first_and_last_weeks_not_two_noisy_points():
    start = date(2025, 4, 7)  # the first Monday inside the last 12 months
    moods = [2] * 4 + [5, 1] * 19 + [4] * 3 + [2]  # noisy middle, a low last week
    records = [entry(start + timedelta(weeks=n), mood=m) for n, m in enumerate(moods)]
    trend = build_report(data(*records), Period.TWELVE_MONTHS, TODAY).mood
    assert trend.sentence == (
        "Your average mood rose from 2.0 to 3.5 over 46 weeks, "
        "the first 4 rated weeks against the last 4."
    )


def test_a_lower_average_is_told_gently_never_as_a_grade():
    records = [entry(date(2026, 3, 2), mood=4), entry(date(2026, 3, 16), mood=2)]
    sentence = build_report(data(*records), Period.FOUR_WEEKS, TODAY).mood.sentence
    assert sentence.startswith("Your average mood moved from 4.0 to 2.0 over the last 3 weeks")
    for word in ("worse", "fail", "bad", "poor", "dropped"):
        assert word not in sentence


def test_breathing_minutes_sessions_and_calm_change_only_when_rated_twice():
    records = [
        breath(date(2026, 3, 16), minutes=5, before=2, after=4),
        breath(date(2026, 3, 17), minutes=3, finished=False, before=3, after=None),
        breath(date(2026, 3, 10), minutes=10, before=1, after=2),
    ]
    report = build_report(data(*records), Period.FOUR_WEEKS, TODAY)
    b = report.breathing
    assert (b.minutes, b.sessions, b.finished) == (18.0, 3, 2)
    assert (b.calm_change, b.calm_rated) == (1.5, 2)
    weeks = {w.week: (w.minutes, w.sessions) for w in b.weeks}
    assert weeks[date(2026, 3, 16)] == (8.0, 2)
    assert weeks[date(2026, 3, 9)] == (10.0, 1)
    assert "calm rose by 1.5" in b.sentence


def test_practice_per_week_with_scores_and_each_pattern():
    records = [
        attempt(date(2026, 3, 16), 60, ("criticism", "contempt")),
        attempt(date(2026, 3, 17), 80, ("criticism",)),
        attempt(date(2026, 3, 3), None),
    ]
    p = build_report(data(*records), Period.FOUR_WEEKS, TODAY).practice
    assert (p.attempts, p.average_score, p.scored) == (3, 70.0, 2)
    assert p.patterns == {"criticism": 2, "contempt": 1, "defensiveness": 0, "stonewalling": 0}
    week = next(w for w in p.weeks if w.week == date(2026, 3, 16))
    assert (week.attempts, week.average_score, week.patterns["criticism"]) == (2, 70.0, 2)
    assert "most was criticism, in 2 attempts" in p.sentence


def test_appreciation_against_setbacks_per_month_with_the_five_to_one_reference():
    records = [
        *[entry(date(2026, 1, d), "gratitude") for d in (1, 31)],
        entry(date(2026, 1, 15), "shared_moment"),
        setback(date(2026, 1, 20)),
        entry(date(2026, 2, 28), "gratitude"),
        entry(date(2026, 3, 1), "reflection"),
    ]
    a = build_report(data(*records), Period.THREE_MONTHS, TODAY).appreciation
    assert [(m.month, m.appreciations, m.setbacks) for m in a.months] == [
        (date(2026, 1, 1), 3, 1),
        (date(2026, 2, 1), 1, 0),
        (date(2026, 3, 1), 0, 0),
    ]
    assert a.months[0].ratio == 3.0
    assert a.months[1].ratio is None
    assert a.aim == 5
    assert "about 4.0 for each setback" in a.sentence
    assert "5 to 1" in a.sentence


def test_setbacks_timeline_with_repair_times_per_month_and_open_ones_gently():
    records = [
        setback(date(2026, 1, 5), "criticism", "Pause first.", date(2026, 1, 9)),
        setback(date(2026, 2, 10), "stonewalling", "", date(2026, 2, 11)),
        setback(date(2026, 3, 12), "contempt", "Say the need."),
    ]
    s = build_report(data(*records), Period.THREE_MONTHS, TODAY).setbacks
    assert [i.days_to_repair for i in s.items] == [4, 1, None]
    assert [i.lesson for i in s.items] == ["Pause first.", "", "Say the need."]
    assert (s.learned, s.repaired, s.open, s.average_days) == (2, 2, 1, 2.5)
    assert [(m.month.month, m.average_days) for m in s.months] == [(1, 4.0), (2, 1.0), (3, None)]
    assert "quicker lately" in s.sentence
    assert "still open: repair can come later" in s.sentence
    assert s.items[2].sentence == (
        "12 March 2026: A setback where contempt showed up, with a lesson written down, "
        "not repaired yet, and there is still time."
    )
    assert s.items[1].sentence == (
        "10 February 2026: A setback where stonewalling showed up, repaired 1 day later."
    )
    assert "Say the need" not in s.items[2].sentence  # the words stay out of sentences


def test_goal_check_ins_count_as_activity_and_goals_are_summarised():
    records = [check_in(TODAY), check_in(TODAY - timedelta(days=1))]
    goals = [goal(date(2026, 1, 1), goal_id=1), goal(date(2026, 1, 1), done=date(2026, 3, 1))]
    report = build_report(data(*records, goals=goals), Period.FOUR_WEEKS, TODAY)
    assert report.streaks.current == 2
    assert (report.goals.open, report.goals.done, report.goals.check_ins) == (1, 1, 2)
    assert report.calendar.day(TODAY).check_ins == 1


def test_entries_in_the_future_are_set_aside_and_counted():
    records = [entry(TODAY), entry(TODAY + timedelta(days=30), mood=5)]
    report = build_report(data(*records), Period.ALL, TODAY)
    assert report.future_items == 1
    assert report.mood.count == 0
    assert report.span.last == TODAY


def test_entries_long_past_stretch_all_time_but_not_the_calendar():
    records = [entry(date(1950, 6, 1)), entry(TODAY)]
    report = build_report(data(*records), Period.ALL, TODAY)
    assert report.span.first == date(1950, 6, 1)
    assert report.activity.active_days == 2
    assert report.calendar.first > date(2025, 3, 1)
    assert report.calendar.active_days == 1
    assert report.mood.weeks[0].week == date(1950, 5, 29)


def test_a_time_zone_change_does_not_move_days():
    # A flight west late on the 17th: the records already carry the local days lived.
    records = [entry(date(2026, 3, 17)), breath(date(2026, 3, 17)), attempt(TODAY)]
    report = build_report(data(*records), Period.FOUR_WEEKS, TODAY)
    assert report.streaks.current == 2
    assert report.calendar.day(date(2026, 3, 17)).total == 2


# -- the calendar ---------------------------------------------------------------------------


def test_the_calendar_covers_twelve_months_in_whole_weeks_with_sentences():
    records = [
        entry(TODAY),
        entry(TODAY),
        breath(TODAY, minutes=4.4),
        attempt(TODAY - timedelta(days=1)),
    ]
    cal = activity_calendar(data(*records), TODAY)
    assert cal.first.weekday() == 0
    assert cal.first <= date(2025, 3, 19) < cal.first + timedelta(days=7)
    assert cal.days[-1].day == TODAY
    assert len(cal.days) == (TODAY - cal.first).days + 1
    today = cal.day(TODAY)
    assert (today.reflections, today.breaths, today.level) == (2, 1, 3)
    assert today.sentence == (
        "Wednesday 18 March 2026: 2 journal entries and 4 minutes of breathing."
    )
    assert cal.day(TODAY - timedelta(days=2)).sentence.endswith("a quiet day.")
    assert cal.active_days == 2


def test_calendar_on_a_leap_day():
    leap = date(2024, 2, 29)
    cal = activity_calendar(data(entry(leap)), leap)
    assert cal.first <= date(2023, 3, 1) < cal.first + timedelta(days=7)
    assert cal.day(leap).reflections == 1


@pytest.mark.parametrize(("total", "level"), [(0, 0), (1, 1), (2, 2), (3, 3), (4, 3), (9, 4)])
def test_calendar_shades(total, level):
    assert calendar_level(total) == level


def test_sentences_never_read_as_grades():
    records = [
        setback(date(2026, 3, 2)),
        setback(date(2026, 3, 3)),
        entry(date(2026, 3, 4), "gratitude", mood=1, closeness=1),
        attempt(date(2026, 3, 5), 10, ("contempt",)),
        breath(date(2026, 3, 6), before=4, after=3),
    ]
    report = build_report(data(*records), Period.FOUR_WEEKS, TODAY)
    text = " ".join(
        part.sentence
        for part in (
            report.activity,
            report.streaks,
            report.mood,
            report.closeness,
            report.breathing,
            report.practice,
            report.appreciation,
            report.setbacks,
            report.goals,
        )
    ).lower()
    for word in ("fail", "bad", "poor", "should", "grade", "only ", "missed", "behind"):
        assert word not in text


def test_any_stretch_of_days_for_a_summary():
    records = [
        entry(date(2025, 12, 31), mood=2),
        entry(date(2026, 1, 5), "gratitude", mood=3),
        entry(date(2026, 1, 26), mood=4),
        entry(date(2026, 2, 2), mood=5),
    ]
    report = build_report(data(*records), Between(date(2026, 1, 1), date(2026, 1, 31)), TODAY)
    assert report.span == DayRange(date(2026, 1, 1), date(2026, 1, 31))
    assert report.mood.count == 2
    assert report.mood.sentence == "Your average mood rose from 3.0 to 4.0 over 4 weeks."
    assert report.appreciation.sentence.startswith(
        "You noted 1 appreciation from 1 January 2026 to 31 January 2026 and no setbacks."
    )
    assert report.period.label == "1 January 2026 to 31 January 2026"
    assert report.streaks.longest == 1  # streaks still see everything
    later = period_span(Between(date(2026, 3, 1), date(2026, 5, 1)), TODAY)
    assert later == DayRange(date(2026, 3, 1), TODAY)
    json.dumps(report_as_dict(report))
