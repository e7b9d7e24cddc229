"""Every chart's numbers as a table, with the chart's own sentence."""

from __future__ import annotations

from datetime import date

from app.progress.model import Period, ProgressData, build_report
from app.progress.tables import tables
from tests.progress.records import attempt, breath, data, entry, setback

TODAY = date(2026, 3, 18)


def test_each_chart_has_a_table_with_its_sentence_and_only_weeks_with_data():
    records = [
        entry(date(2026, 3, 2), mood=3, closeness=4),
        entry(date(2026, 3, 3), "gratitude", mood=5),
        setback(date(2026, 3, 4), "contempt", "Breathe before replying.", date(2026, 3, 6)),
        attempt(date(2026, 3, 16), 55, ("contempt",)),
        breath(date(2026, 3, 17), minutes=4.5),
    ]
    report = build_report(data(*records), Period.FOUR_WEEKS, TODAY)
    found = {t.key: t for t in tables(report)}
    assert list(found) == [
        "activity", "mood", "closeness", "breathing", "practice",
        "appreciation", "setbacks", "repair", "milestones",
    ]  # fmt: skip
    assert found["mood"].sentence == report.mood.sentence
    assert found["mood"].rows == (("Week of 2 March 2026", "4.0", "2"),)
    assert found["breathing"].rows == (("Week of 16 March 2026", "4.5", "1", "1"),)
    assert found["practice"].rows[0][:3] == ("Week of 16 March 2026", "1", "55")
    assert found["practice"].columns[3:] == (
        "Criticism",
        "Contempt",
        "Defensiveness",
        "Stonewalling",
    )
    assert found["setbacks"].rows == (
        ("4 March 2026", "Contempt", "Breathe before replying.", "6 March 2026", "2"),
    )
    assert found["appreciation"].rows == (("March 2026", "1", "1", "1.0"),)
    assert [row[0] for row in found["activity"].rows] == [
        "2 March 2026", "3 March 2026", "4 March 2026", "16 March 2026", "17 March 2026",
    ]  # fmt: skip
    assert all(len(row) == len(t.columns) for t in found.values() for row in t.rows)


def test_an_empty_vault_has_empty_tables_with_kind_sentences():
    for table in tables(build_report(ProgressData(), Period.ALL, TODAY)):
        assert table.rows == ()
        assert table.sentence
