"""The engine: a pure function of elapsed time, and a timer that ignores paused time."""

from __future__ import annotations

from fractions import Fraction

import pytest

from app.breathe.engine import (
    GuidedSession,
    SessionTimer,
    TimerStatus,
    state_at,
    to_micros,
)
from app.breathe.model import (
    BreathPattern,
    Phase,
    PhaseKind,
    SessionPlan,
    Timings,
    flooded_guide,
    preset,
)

IN, HOLD, OUT, REST = PhaseKind.INHALE, PhaseKind.HOLD, PhaseKind.EXHALE, PhaseKind.REST
MS = Fraction(1, 1000)


def box(minutes: float = 1) -> SessionPlan:
    return SessionPlan.for_minutes(preset("box"), minutes)


# -- state_at -------------------------------------------------------------------------


def test_the_start_is_the_first_breath_in():
    state = state_at(box(), 0)
    assert (state.phase.kind, state.phase_index, state.cycle) == (IN, 0, 1)
    assert state.progress == 0
    assert state.seconds_left == 4
    assert state.countdown == 4
    assert state.fullness == 0
    assert state.overall == 0
    assert not state.finished


def test_progress_and_countdown_within_a_phase():
    state = state_at(box(), 1.5)
    assert state.progress == pytest.approx(0.375)
    assert state.seconds_left == pytest.approx(2.5)
    assert state.countdown == 3
    assert state.fullness == pytest.approx(0.375)


def test_pauses_keep_the_guide_still():
    assert state_at(box(), 6).fullness == 1  # holding, lungs full
    assert state_at(box(), 14).fullness == 0  # resting, lungs empty
    assert state_at(box(), 10).fullness == pytest.approx(0.5)  # halfway out


@pytest.mark.parametrize(
    ("seconds", "kind", "cycle"),
    [(4, HOLD, 1), (8, OUT, 1), (12, REST, 1), (16, IN, 2), (32, IN, 3)],
)
def test_a_boundary_belongs_to_the_phase_that_begins(seconds, kind, cycle):
    state = state_at(box(), seconds)
    assert (state.phase.kind, state.cycle, state.progress) == (kind, cycle, 0)
    before = state_at(box(), Fraction(seconds) - Fraction(1, 1_000_000))
    assert before.phase.kind != kind
    assert before.seconds_left == pytest.approx(1e-6)


def test_half_second_boundaries_do_not_drift_over_twenty_minutes():
    plan = SessionPlan.for_minutes(preset("coherent"), 20)
    for cycle in range(plan.cycles):
        start = Fraction(11 * cycle)
        for at, kind in ((start, IN), (start + Fraction(11, 2), OUT)):
            state = state_at(plan, at)
            assert (state.phase.kind, state.cycle, state.progress) == (kind, cycle + 1, 0)
            assert state_at(plan, at - MS).phase.kind != kind or at == 0
    # Floats from a clock work the same way at the far end.
    assert plan.cycles == 109
    assert state_at(plan, 1193.5).phase.kind == OUT
    assert state_at(plan, 1193.499).phase.kind == IN


def test_the_end_is_finished_and_rests_on_the_last_breath_out():
    plan = box()
    assert plan.total_seconds == 64
    last = state_at(plan, 64 - 0.001)
    assert not last.finished
    assert (last.phase.kind, last.cycle) == (REST, 4)
    for after in (64, 65, 10_000):
        done = state_at(plan, after)
        assert done.finished
        assert (done.phase.kind, done.cycle, done.progress) == (REST, 4, 1)
        assert (done.seconds_left, done.countdown, done.overall) == (0, 0, 1)
        assert done.session_seconds_left == 0


def test_time_before_the_start_counts_as_the_start():
    assert state_at(box(), -3) == state_at(box(), 0)


def test_elapsed_must_be_a_real_number():
    with pytest.raises(ValueError, match="finite"):
        state_at(box(), float("nan"))
    assert to_micros(Fraction(11, 2)) == 5_500_000
    assert to_micros(5.5) == 5_500_000


def test_zero_length_pauses_are_skipped():
    pattern = BreathPattern.custom(1, "no holds", Timings(30, 0, 50, 0))
    plan = SessionPlan.for_cycles(pattern, 2)
    seen = []
    for tenth in range(plan.total_tenths):
        state = state_at(plan, Fraction(tenth, 10))
        assert state.phase.tenths > 0
        if not seen or seen[-1] != (state.cycle, state.phase_index):
            seen.append((state.cycle, state.phase_index))
    assert seen == [(1, 0), (1, 2), (2, 0), (2, 2)]


def test_a_pattern_of_tenths_steps_through_every_phase():
    pattern = BreathPattern.custom(1, "tiny", Timings(1, 1, 1, 1))
    plan = SessionPlan.for_cycles(pattern, 3)
    kinds = [state_at(plan, Fraction(n, 10)).phase.kind for n in range(12)]
    assert kinds == [IN, HOLD, OUT, REST] * 3
    assert state_at(plan, Fraction(12, 10)).finished
    mid = state_at(plan, Fraction(5, 100))
    assert mid.progress == pytest.approx(0.5)
    assert mid.countdown == 1


def test_zero_length_phases_at_the_start_and_end_are_skipped():
    pattern = BreathPattern(
        "t", "t", (Phase(REST, 0), Phase(IN, 20), Phase(OUT, 20), Phase(HOLD, 0))
    )
    plan = SessionPlan.for_cycles(pattern, 1)
    assert state_at(plan, 0).phase_index == 1
    done = state_at(plan, 4)
    assert done.finished
    assert done.phase_index == 2


def test_the_sigh_tops_up_then_lets_go():
    plan = SessionPlan.for_cycles(preset("sigh"), 1)
    assert state_at(plan, 3).phase.label == "A little more"
    assert state_at(plan, 3).fullness == 0.75
    assert state_at(plan, 3.5).fullness == pytest.approx(0.875)
    assert state_at(plan, 4).fullness == 1


def test_overall_progress_runs_evenly():
    plan = box()
    assert state_at(plan, 16).overall == 0.25
    assert state_at(plan, 16).session_seconds_left == 48


# -- the timer -------------------------------------------------------------------------


def test_the_timer_counts_only_running_time(clock):
    timer = SessionTimer(clock)
    assert timer.elapsed() == 0
    clock.advance(5)  # before start: not counted
    timer.start()
    clock.advance(2)
    assert timer.elapsed() == 2
    timer.pause()
    clock.advance(3600)
    assert timer.elapsed() == 2
    timer.resume()
    clock.advance(1.5)
    assert timer.elapsed() == 3.5
    timer.stop()
    clock.advance(10)
    assert timer.elapsed() == 3.5
    assert timer.status == TimerStatus.STOPPED


def test_the_timer_forgives_repeated_pause_resume_and_stop(clock):
    timer = SessionTimer(clock)
    timer.pause()
    timer.resume()
    timer.stop()
    assert timer.status == TimerStatus.READY
    timer.start()
    timer.resume()  # not paused: nothing to do
    timer.pause()
    timer.pause()
    clock.advance(1)
    timer.resume()
    clock.advance(1)
    timer.stop()
    timer.stop()
    assert timer.elapsed() == 1
    with pytest.raises(RuntimeError, match="starts once"):
        timer.start()


def test_reading_the_timer_often_does_not_change_it(clock):
    timer = SessionTimer(clock)
    timer.start()
    for _ in range(10_000):
        clock.advance(0.001)
        timer.elapsed()
    assert to_micros(timer.elapsed()) == 10_000_000


# -- a whole session, as the view drives it --------------------------------------------


def run_in_milliseconds(session: GuidedSession, clock, total_ms: int, check_every: int):
    """Advance the clock a millisecond at a time, reading the state now and then
    (and every millisecond near the end), as frames would."""
    states = []
    for ms in range(1, total_ms + 1):
        clock.advance(0.001)
        if ms % check_every == 0 or total_ms - ms < 2_000:
            states.append((ms, session.state()))
    return states


def test_a_twenty_minute_session_ends_exactly_on_time(clock):
    plan = flooded_guide().plan()
    session = GuidedSession(plan, clock)
    session.start()
    states = run_in_milliseconds(session, clock, 1_200_000 + 50, check_every=997)
    finished_at = [ms for ms, state in states if state.finished]
    assert finished_at[0] == 1_200_000
    assert not [ms for ms, state in states if not state.finished and ms >= 1_200_000]
    assert session.status == TimerStatus.STOPPED
    assert session.actual_ms() == 1_200_000
    record = session.record(calm_before=2, calm_after=4)
    assert (record.planned_ms, record.actual_ms, record.finished) == (1_200_000, 1_200_000, True)
    assert (record.pattern_id, record.calm_before, record.calm_after) == ("soothe", 2, 4)


def test_a_minutes_session_ends_on_the_breath_nearest_the_time_asked(clock):
    plan = SessionPlan.for_minutes(preset("coherent"), 20)  # 109.09 breaths of 11 s
    session = GuidedSession(plan, clock)
    session.start()
    states = dict(run_in_milliseconds(session, clock, 1_199_010, check_every=5_000))
    assert not states[1_198_999].finished
    assert states[1_198_999].phase.kind == OUT
    assert states[1_199_000].finished
    assert session.actual_ms() == 1_199_000  # one second short of 20 minutes, not ten over


@pytest.mark.parametrize(
    ("minutes", "breaths", "seconds"),
    [(1, 3, 57), (3, 9, 171), (5, 16, 304), (10, 32, 608), (20, 63, 1197)],
)
def test_a_4_7_8_session_in_minutes_ends_near_the_promised_time(clock, minutes, breaths, seconds):
    """The issue's case: "1 minute" of 4-7-8 ran 1 min 16 s (4 breaths); now 3 breaths."""
    session = GuidedSession(SessionPlan.for_minutes(preset("4-7-8"), minutes), clock)
    session.start()
    clock.advance(seconds - 0.001)
    last = session.state()
    assert not last.finished
    assert (last.cycle, last.phase.kind) == (breaths, OUT)
    clock.advance(0.001)
    assert session.state().finished
    assert session.actual_ms() == seconds * 1000
    assert abs(seconds - minutes * 60) <= 19 / 2  # within half a breath of the promise


def test_pausing_for_an_hour_changes_nothing(clock):
    plan = box(5)
    paused = GuidedSession(plan, clock)
    paused.start()
    clock.advance(37.3)
    paused.pause()
    before = paused.state()
    clock.advance(3600)
    assert paused.state() == before
    paused.resume()
    clock.advance(22.7)
    assert paused.state() == state_at(plan, 60)
    assert not paused.state().finished


def test_stopping_early_is_recorded_as_such(clock):
    session = GuidedSession(box(3), clock)
    session.start()
    started = clock.now()
    clock.advance(42.25)
    session.stop()
    clock.advance(100)
    record = session.record()
    assert record.started_at == started
    assert (record.actual_ms, record.planned_ms, record.finished) == (
        42_250,
        176_000,
        False,
    )  # 11 whole box breaths
    assert record.calm_before is None
    assert record.calm_after is None


def test_a_session_only_records_after_starting(clock):
    session = GuidedSession(box(), clock)
    with pytest.raises(RuntimeError):
        session.record()
    session.start()
    with pytest.raises(ValueError, match="1 to 5"):
        session.record(calm_before=6)
