"""Patterns, presets, custom-pattern checks, plans and content: plain unit tests."""

from __future__ import annotations

import pytest

from app import resources
from app.breathe.model import (
    CUE_SOUNDS,
    END_SOUND,
    MINUTE_CHOICES,
    BreathPattern,
    InvalidPattern,
    Phase,
    PhaseKind,
    SessionPlan,
    Timings,
    check_custom,
    check_timings,
    custom_pattern_id,
    describe_timings,
    flooded_guide,
    parse_custom_pattern_id,
    parse_cycles,
    parse_minutes,
    parse_tenths,
    preset,
    presets,
)
from app.validation import Invalid

IN, HOLD, OUT, REST = PhaseKind.INHALE, PhaseKind.HOLD, PhaseKind.EXHALE, PhaseKind.REST


def shape(pattern: BreathPattern) -> list[tuple[PhaseKind, int]]:
    return [(phase.kind, phase.tenths) for phase in pattern.phases]


def test_presets_have_the_timings_the_issue_asks_for():
    assert shape(preset("box")) == [(IN, 40), (HOLD, 40), (OUT, 40), (REST, 40)]
    assert shape(preset("4-7-8")) == [(IN, 40), (HOLD, 70), (OUT, 80)]
    assert shape(preset("coherent")) == [(IN, 55), (OUT, 55)]
    assert shape(preset("extended-exhale")) == [(IN, 40), (OUT, 60)]
    sigh = shape(preset("sigh"))
    assert [kind for kind, _ in sigh] == [IN, IN, OUT]
    assert sigh[1][1] < sigh[0][1]  # the second in-breath is the short top-up
    assert sigh[2][1] > sigh[0][1] + sigh[1][1]  # and the breath out is long


def test_every_preset_is_described_warmly_and_has_unique_id():
    ids = [pattern.id for pattern in presets()]
    assert len(ids) == len(set(ids)) == 6
    for pattern in presets():
        assert pattern.name
        assert pattern.summary
        assert len(pattern.description) > 80
        assert not pattern.is_custom
        assert all(phase.label for phase in pattern.phases)


def test_box_calls_its_second_pause_hold():
    assert [phase.label for phase in preset("box").phases] == [
        "Breathe in",
        "Hold",
        "Breathe out",
        "Hold",
    ]


def test_unknown_preset_names_the_id():
    with pytest.raises(KeyError, match="nope"):
        preset("nope")


def test_fullness_fills_on_inhale_and_empties_on_exhale():
    assert preset("box").fullness_ranges == ((0, 1), (1, 1), (1, 0), (0, 0))
    # A sigh's first breath in fills three quarters, the top-up the rest.
    assert preset("sigh").fullness_ranges == ((0, 0.75), (0.75, 1), (1, 0))


def test_fullness_treats_inhales_split_by_a_pause_as_one_filling():
    pattern = BreathPattern(
        "t", "t", (Phase(IN, 10), Phase(HOLD, 5), Phase(IN, 10), Phase(OUT, 40), Phase(REST, 0))
    )
    assert pattern.fullness_ranges == ((0, 0.5), (0.5, 0.5), (0.5, 1), (1, 0), (0, 0))


# -- what a person types ------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "tenths"),
    [("4", 40), ("5.5", 55), (" 5,5 ", 55), ("0", 0), ("30", 300), ("0.1", 1), ("7.50", 75)],
)
def test_lengths_are_read_as_tenths(typed, tenths):
    assert parse_tenths(typed) == tenths


def test_numbers_from_a_spin_box_are_read_exactly():
    assert parse_tenths(5.5) == 55
    with pytest.raises(Invalid):
        parse_tenths(0.1 + 0.2)  # 0.30000000000000004 is not tenths
    assert parse_tenths(3) == 30


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("four", "number of seconds"),
        ("", "use 0 to skip"),
        ("nan", "number of seconds"),
        ("inf", "number of seconds"),
        ("1..2", "number of seconds"),
        ("-1", "shorter than nothing"),
        ("-0.5", "shorter than nothing"),
        ("30.1", "30 seconds or less"),
        ("1000", "30 seconds or less"),
        ("5.55", "Tenths of a second"),
        ("0.05", "Tenths of a second"),
    ],
)
def test_bad_lengths_get_a_clear_message(typed, words):
    with pytest.raises(Invalid) as caught:
        parse_tenths(typed, "exhale")
    assert caught.value.field == "exhale"  # shown next to the field that was typed in
    assert words in caught.value.message


def test_a_bool_is_not_a_length():
    with pytest.raises(Invalid):
        parse_tenths(True)


def valid_form(**changes):
    form = {"inhale": "4", "hold_in": "4", "exhale": "4", "hold_out": "4"}
    form.update(changes)
    return form


def test_a_valid_form_gives_timings():
    checked = check_custom("  Evening   calm ", valid_form(hold_out="0", exhale="6.5"))
    assert checked.name == "Evening calm"
    assert checked.timings == Timings(40, 40, 65, 0)


def test_each_bad_field_gets_its_own_message():
    with pytest.raises(InvalidPattern) as caught:
        check_custom("", valid_form(inhale="x", hold_in="-2", hold_out="31"))
    errors = caught.value.messages()
    assert set(errors) == {"name", "inhale", "hold_in", "hold_out"}
    assert "name" in errors["name"]
    # As one Invalid, it points at the first field of the form to fix.
    assert (caught.value.field, caught.value.message) == ("name", errors["name"])


def test_all_zero_is_explained_next_to_the_breaths():
    with pytest.raises(InvalidPattern) as caught:
        check_timings(valid_form(inhale="0", hold_in="0", exhale="0", hold_out="0"))
    errors = caught.value.messages()
    assert set(errors) == {"inhale", "exhale"}
    assert "All four steps are zero" in errors["inhale"]


def test_a_breath_needs_an_in_and_an_out_but_pauses_may_be_zero():
    with pytest.raises(InvalidPattern) as caught:
        check_timings(valid_form(inhale="0"))
    assert set(caught.value.messages()) == {"inhale"}
    assert check_timings(valid_form(hold_in="0", hold_out="0")) == Timings(40, 0, 40, 0)


def test_a_long_name_is_refused_without_quoting_it():
    with pytest.raises(InvalidPattern) as caught:
        check_custom("x" * 61, valid_form())
    errors = caught.value.messages()
    assert "60 characters" in errors["name"]
    assert "xxx" not in errors["name"]


def test_timings_refuse_impossible_values():
    with pytest.raises(ValueError, match="0 to 300"):
        Timings(40, 0, 301, 0)
    with pytest.raises(ValueError, match="in and out"):
        Timings(0, 10, 40, 0)


def test_custom_pattern_keeps_zero_pauses_and_describes_itself():
    pattern = BreathPattern.custom(7, "Mine", Timings(40, 0, 65, 20))
    assert pattern.id == custom_pattern_id(7) == "custom:7"
    assert pattern.is_custom
    assert shape(pattern) == [(IN, 40), (HOLD, 0), (OUT, 65), (REST, 20)]
    assert pattern.summary == "In 4, out 6.5, hold 2 (seconds)."
    assert describe_timings(Timings(40, 40, 40, 40)) == "In 4, hold 4, out 4, hold 4 (seconds)."


def test_custom_ids_parse_back():
    assert parse_custom_pattern_id("custom:12") == 12
    assert parse_custom_pattern_id("box") is None
    assert parse_custom_pattern_id("custom:abc") is None


# -- plans --------------------------------------------------------------------------


def test_minutes_that_fit_whole_cycles_end_exactly_on_time():
    plan = SessionPlan.for_minutes(preset("box"), 20)
    assert plan.cycles == 75
    assert plan.total_tenths == 12_000


def test_minutes_mid_cycle_take_the_nearest_whole_breath():
    plan = SessionPlan.for_minutes(preset("coherent"), 20)  # 11 s breaths
    assert plan.cycles == 109  # 109.09 breaths: the nearest whole number
    assert plan.total_tenths == 11_990
    assert plan.requested_tenths == 12_000
    assert not plan.exact
    four_seven_eight = SessionPlan.for_minutes(preset("4-7-8"), 1)  # 3.16 breaths of 19 s
    assert (four_seven_eight.cycles, four_seven_eight.total_seconds) == (3, 57)
    assert SessionPlan.for_minutes(preset("4-7-8"), 5).cycles == 16  # 15.79: 5 min 4 s


def test_exactly_half_a_breath_over_rounds_up():
    pattern = BreathPattern.custom(1, "even", Timings(40, 0, 40, 0))  # 8 s breaths
    assert SessionPlan.for_minutes(pattern, 0.5).cycles == 4  # 3.75: 32 s
    assert SessionPlan.for_minutes(pattern, 1).cycles == 8  # 7.5: finish unhurried, 64 s


def test_every_offered_length_ends_within_half_a_breath_of_it():
    for pattern in presets():
        for minutes in MINUTE_CHOICES:
            plan = SessionPlan.for_minutes(pattern, minutes)
            off = plan.total_tenths - minutes * 600
            assert 2 * abs(off) <= pattern.cycle_tenths
            assert plan.exact == (off == 0)


def test_a_short_session_still_has_one_whole_breath():
    plan = SessionPlan.for_minutes(BreathPattern.custom(1, "slow", Timings(300, 300, 300, 300)), 1)
    assert plan.cycles == 1
    assert plan.total_seconds == 120


def test_cycles_plan():
    plan = SessionPlan.for_cycles(preset("4-7-8"), 4)
    assert plan.total_seconds == 76
    with pytest.raises(ValueError, match="at least one"):
        SessionPlan.for_cycles(preset("4-7-8"), 0)


def refusal(parse, typed) -> Invalid:
    with pytest.raises(Invalid) as caught:
        parse(typed)
    assert caught.value.field == "amount"  # the minutes-or-breaths field
    return caught.value


def test_custom_minutes_and_cycles_are_checked():
    assert parse_minutes("7") == 7.0
    assert parse_minutes("2,5") == 2.5
    refusal(parse_minutes, "0")
    refusal(parse_minutes, "lots")
    refusal(parse_minutes, "nan")
    # Too little to make even a tenth of a second: a message, not a crash.
    assert (
        refusal(parse_minutes, "0.00001").message
        == "Please choose at least a little time, like 1 minute."
    )
    refusal(parse_minutes, "-3")
    assert "120 minutes" in refusal(parse_minutes, "121").message
    assert parse_cycles("10") == 10
    refusal(parse_cycles, "0")
    refusal(parse_cycles, "2.5")
    refusal(parse_cycles, "501")
    assert parse_cycles("١٢") == 12  # Arabic-Indic digits are digits too
    refusal(parse_cycles, "²")


# -- content and sounds ----------------------------------------------------------------


def test_flooded_guide_is_twenty_minutes_of_the_slow_pattern():
    guide = flooded_guide()
    plan = guide.plan()
    assert plan.pattern.id == "soothe"
    assert plan.total_seconds == 20 * 60  # whole breaths: it ends exactly on time
    assert plan.pattern.cycle_seconds >= 10  # slow: six breaths a minute or fewer


def test_flooded_guide_explains_the_break_in_one_sentence():
    why = flooded_guide().why
    assert "twenty minutes" in why
    assert why.count(". ") == 0
    assert why.endswith(".")
    assert "\n" not in why


def test_flooded_guide_has_its_own_phrases_and_a_closing():
    guide = flooded_guide()
    assert len(guide.repair_phrases) >= 3
    assert len(set(guide.repair_phrases)) == len(guide.repair_phrases)
    assert guide.closing


def test_every_cue_sound_is_a_resource():
    for relative in {*CUE_SOUNDS.values(), END_SOUND}:
        assert resources.path(relative).is_file()
    assert set(CUE_SOUNDS) == set(PhaseKind)


def test_a_pasted_giant_number_of_breaths_gets_a_message():
    from app.breathe.model import parse_cycles

    assert "breaths or fewer" in refusal(parse_cycles, "9" * 5000).message
    assert parse_cycles("0007") == 7
