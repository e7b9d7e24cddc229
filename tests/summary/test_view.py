"""The Summaries view, driven as a person would: period, ticks, statement, preview, save."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintPreviewDialog

from app.clock import ManualClock
from app.context import AreaContext, AreaView
from app.summary.model import Section
from app.summary.ui.view import SummaryView
from tests.summary.pdf_text import read_pdf
from tests.summary.seed import PRIVATE_MARK, SHARED_MARK


@pytest.fixture
def view(qtbot, seeded, context, tmp_path, monkeypatch):
    """The view, with home, caches, config and temporary files redirected into tmp_path,
    so a test that lists tmp_path sees anything the summary code might write."""
    import tempfile

    for name in ("HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "TMPDIR"):
        folder = tmp_path / "env" / name.lower()
        folder.mkdir(parents=True)
        monkeypatch.setenv(name, str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "env" / "tmpdir"))
    _, ids = seeded
    clock = ManualClock(datetime(2026, 1, 14, 20, 0).astimezone())
    ctx = AreaContext(**{**context.__dict__, "clock": clock})
    made = SummaryView(ctx)
    qtbot.addWidget(made)
    made.resize(900, 600)
    made.show()
    return made, ids


def ticked_ids(widget) -> set[int]:
    return {
        widget.item(r).data(Qt.ItemDataRole.UserRole)
        for r in range(widget.count())
        if widget.item(r).checkState() == Qt.CheckState.Checked
    }


def test_shareable_entries_start_ticked_and_private_ones_not(view):
    made, ids = view
    assert isinstance(made, AreaView)
    assert made.period.currentText() == "This month"
    assert made.entries.count() == len(ids["shareable"]) + len(ids["private"])
    assert ticked_ids(made.entries) == set(ids["shareable"])
    assert ticked_ids(made.attempts) == set(ids["attempts_shareable"])
    assert (
        f"{len(ids['shareable'])} shareable entries included; "
        f"{len(ids['private'])} private entries left out." in made.statement.text()
    )


def test_ticking_a_private_entry_changes_the_statement(view):
    made, ids = view
    private = ids["private"][0]
    row = next(
        r
        for r in range(made.entries.count())
        if made.entries.item(r).data(Qt.ItemDataRole.UserRole) == private
    )
    made.entries.item(row).setCheckState(Qt.CheckState.Checked)
    assert "and 1 private entry you ticked" in made.statement.text()
    assert private in made.choices().entries


def test_a_section_switched_off_is_said(view, qtbot):
    made, _ = view
    made.sections[Section.GOALS].click()
    assert Section.GOALS not in made.choices().sections
    assert "Left out by your choice: goals and check-ins." in made.statement.text()


def test_an_end_before_the_start_is_explained(view):
    made, _ = view
    made.period.setCurrentIndex(made.period.findData("custom"))
    made.first.setDate(made.last.date().addDays(3))
    assert made.error.isVisible()
    assert "end date comes before" in made.error.text()
    assert not made.save_button.isEnabled()


def test_save_as_pdf_writes_only_the_chosen_file(view, tmp_path):
    made, _ = view
    target = tmp_path / "out" / "mine.pdf"
    target.parent.mkdir()
    before = _files_everywhere(tmp_path)
    assert made.save_pdf(str(target))
    after = _files_everywhere(tmp_path)
    assert after - before == {target}
    text, title, _ = read_pdf(target)
    assert title == "Tend summary, 1–14 January 2026"
    assert SHARED_MARK in text
    assert PRIVATE_MARK not in text


def test_preview_paints_pages_without_writing_anything(view, qtbot, tmp_path):
    made, _ = view
    before = _files_everywhere(tmp_path)
    dialog = made.preview()
    assert isinstance(dialog, QPrintPreviewDialog)
    qtbot.waitUntil(dialog.isVisible)
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    preview = dialog.findChild(QPrintPreviewWidget)
    preview.updatePreview()
    qtbot.waitUntil(lambda: preview.pageCount() >= 2)
    dialog.close()
    assert _files_everywhere(tmp_path) == before


def test_worksheet_saved_from_the_view(view, tmp_path):
    made, _ = view
    made.worksheet.setCurrentIndex(made.worksheet.findData("repair-checklist"))
    target = tmp_path / "sheet.pdf"
    assert made.save_worksheet(str(target))
    text, _, pages = read_pdf(target)
    assert pages == 1
    assert "A repair checklist" in text


def _files_everywhere(tmp_path: Path) -> set[Path]:
    """Every file under the test's folder: the vault, home, caches and temporary files."""
    return {Path(folder) / name for folder, _, files in os.walk(tmp_path) for name in files}


def test_coming_back_reads_new_entries_and_keeps_your_ticks(view, seeded, qtbot):
    from datetime import date

    from app.reflect.model import Entry
    from app.reflect.store import ReflectStore

    made, ids = view
    vault, _ = seeded
    private, shareable = ids["private"][0], ids["shareable"][0]
    for row in range(made.entries.count()):
        item = made.entries.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == private:
            item.setCheckState(Qt.CheckState.Checked)
        if item.data(Qt.ItemDataRole.UserRole) == shareable:
            item.setCheckState(Qt.CheckState.Unchecked)
    new = ReflectStore(vault).create(
        Entry(entry_date=date(2026, 1, 14), body="A new shareable evening.", shareable=True)
    )
    made.hide()
    made.show()
    qtbot.waitUntil(lambda: made.entries.count() == len(ids["shareable"]) + len(ids["private"]) + 1)
    assert ticked_ids(made.entries) == (set(ids["shareable"]) - {shareable}) | {private, new.id}
