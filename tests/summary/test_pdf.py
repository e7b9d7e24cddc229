"""A saved PDF holds the expected, selectable text, a quiet title, and every script."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.activity import DayRange
from app.summary.gather import gather
from app.summary.model import build, default_choices, everything_chosen
from app.summary.output import OutputError, write_document
from app.summary.ui import render
from app.summary.worksheets import WORKSHEETS
from tests.summary.conftest import DAYS, FIRST
from tests.summary.pdf_text import read_pdf
from tests.summary.seed import PRIVATE_MARK, SHARED_MARK

SPAN = DayRange(FIRST, date(2026, 1, DAYS))


def test_saved_summary_holds_its_text_and_a_quiet_title(qapp, seeded, tmp_path):
    vault, _ = seeded
    source = gather(vault, SPAN)
    summary = build(source, default_choices(source), date(2026, 2, 1))
    path = tmp_path / "summary.pdf"
    write_document(path, render.summary_pdf(summary, "a4"))
    text, title, pages = read_pdf(path)
    assert title == "Tend summary, 1–14 January 2026"
    assert "Reflection summary" in text
    assert "The period in numbers" in text
    assert "What setbacks taught" in text
    assert SHARED_MARK in text
    assert PRIVATE_MARK not in text
    assert "Page 1 of" in text
    assert pages >= 2


def test_right_to_left_and_cjk_words_are_text_in_the_pdf(qapp, seeded, tmp_path):
    vault, _ = seeded
    source = gather(vault, SPAN)
    first = source.entries[0].entry_id
    source.texts[first] = replace(
        source.texts[first], title="ערב שקט", body="تحدثنا بهدوء\n\n我们一起散步"
    )
    summary = build(source, everything_chosen(source), date(2026, 2, 1))
    path = tmp_path / "scripts.pdf"
    write_document(path, render.summary_pdf(summary, "letter"))
    text, _, _ = read_pdf(path)
    # Extraction returns right-to-left words in reading order or visual order by viewer;
    # either way each word is there as text, not as a picture.
    assert "ערב" in text or "ברע" in text
    assert "بهدوء" in text or "ءودهب" in text


@pytest.mark.parametrize("name", list(WORKSHEETS))
def test_each_worksheet_is_one_page_of_text(qapp, tmp_path, name):
    sheet = WORKSHEETS[name]
    path = tmp_path / f"{name}.pdf"
    write_document(path, render.worksheet_pdf(sheet, "a4"))
    text, title, pages = read_pdf(path)
    assert pages == 1
    assert title == f"Tend worksheet: {sheet.title}"
    flowing = " ".join(text.split())  # a long prompt may wrap onto two lines
    for box in sheet.boxes:
        assert box.prompt.split("…")[0].strip() in flowing


def test_an_existing_file_is_kept_unless_forced(tmp_path):
    path = tmp_path / "kept.pdf"
    path.write_bytes(b"mine")
    with pytest.raises(OutputError, match="already exists"):
        write_document(path, b"%PDF new")
    assert path.read_bytes() == b"mine"
    write_document(path, b"%PDF new", force=True)
    assert path.read_bytes() == b"%PDF new"


def test_a_failed_write_leaves_nothing_behind(tmp_path, monkeypatch):
    import os

    path = tmp_path / "half.pdf"

    def full_disk(fd, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "write", full_disk)
    with pytest.raises(OutputError, match="No space left"):
        write_document(path, b"%PDF" * 100_000)
    assert not path.exists()
