"""Export and import through the stores: round trips, other apps, bad files."""

from __future__ import annotations

import io
import json
import stat
import threading
import zipfile
from datetime import date, datetime

import pytest

from app.exchange import tend_json
from app.exchange.bundle import collect
from app.exchange.export import export_json, export_markdown
from app.exchange.foreign import parse_dayone, parse_jrnl
from app.exchange.importer import import_bundle, read_file
from app.exchange.problems import ImportProblem
from app.reflect.store import ReflectStore
from app.vault import Vault
from app.vault.backup import Cancelled
from tests.conftest import PASSPHRASE
from tests.exchange.fixtures import dayone_export, fill_every_area, jrnl_export

EXPORTED_AT = datetime(2026, 2, 1, 12, 0).astimezone()


@pytest.fixture
def full(vault, clock):
    fill_every_area(vault, clock)
    return vault


@pytest.fixture
def empty(tmp_path):
    opened = Vault.create(tmp_path / "other" / "tend.db", PASSPHRASE)
    yield opened
    opened.close()


def without_moment(doc: dict) -> dict:
    return {k: v for k, v in doc.items() if k != "exported_at"}


def test_export_import_export_gives_the_same_data(full, empty, clock, tmp_path):
    target = tmp_path / "tend.json"
    count = export_json(full, target, EXPORTED_AT)
    first = json.loads(target.read_text(encoding="utf-8"))
    assert count == 3 + 2 + 1 + 2 + 1 + 1 + 1
    assert first["format"] == "tend-export"
    assert first["version"] == tend_json.VERSION
    assert len(first["entries"]) == 3
    assert first["entries"][1]["setback"]["pattern"] == "defensiveness"
    assert first["practice_attempts"][0]["analysis"]["flags"] is not None
    assert first["breathing_sessions"][1]["pattern_id"] == "custom"
    assert first["goals"][0]["check_ins"][0] == {"day": "2026-01-04", "note": "By the river."}

    report = import_bundle(empty, read_file(target, "tend"), clock)
    assert report.added["entries"] == 3
    again = tmp_path / "again.json"
    export_json(empty, again, EXPORTED_AT)
    second = json.loads(again.read_text(encoding="utf-8"))
    assert without_moment(second) == without_moment(first)
    # The custom pattern's session points at the imported pattern, not a stale id.
    from app.breathe.store import BreatheStore

    store = BreatheStore(empty)
    (pattern,) = store.custom_patterns()
    assert store.recent_sessions()[0].pattern_id == pattern.id


def test_a_second_import_of_the_same_file_adds_nothing(full, empty, clock, tmp_path):
    target = tmp_path / "tend.json"
    export_json(full, target, EXPORTED_AT)
    import_bundle(empty, read_file(target, "tend"), clock)
    before = collect(empty)
    report = import_bundle(empty, read_file(target, "tend"), clock)
    assert report.total_added == 0
    assert "already in your vault" in report.summary()
    after = collect(empty)
    assert len(after.entries) == len(before.entries) == 3
    assert len(after.attempts) == 2
    assert len(after.sessions) == 2
    assert len(after.patterns) == 1
    assert len(after.goals) == 1
    assert len(after.goals[0].check_ins) == 2


def test_json_and_markdown_exports_are_private_and_atomic(full, tmp_path):
    target = tmp_path / "out" / "tend.json"
    target.parent.mkdir()
    export_json(full, target, EXPORTED_AT)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in target.parent.iterdir()] == ["tend.json"]
    with pytest.raises(FileExistsError):
        export_json(full, target, EXPORTED_AT)

    folder = tmp_path / "md"
    assert export_markdown(full, folder) == 3
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    names = sorted(p.name for p in folder.iterdir())
    assert names == [
        "2026-01-03-0001-reflection.md",
        "2026-01-05-0002-setback.md",
        "2026-01-09-0003-gratitude.md",
    ]
    assert all(stat.S_IMODE((folder / n).stat().st_mode) == 0o600 for n in names)
    first = (folder / names[0]).read_text(encoding="utf-8")
    assert first.startswith("---\ndate: 2026-01-03\nkind: reflection\n")
    assert 'title: "After the quarrel about the holidays"' in first
    assert 'feelings: ["hurt", "tired"]' in first
    assert "starred: true" in first
    assert "mood: 2" in first
    assert "# After the quarrel about the holidays\n\nI raised my voice." in first
    setback = (folder / names[1]).read_text(encoding="utf-8")
    assert '  pattern: "defensiveness"' in setback
    assert '  repaired_on: "2026-01-06"' in setback
    # A folder with something in it is never written into.
    with pytest.raises(FileExistsError):
        export_markdown(full, folder)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_cancelled_markdown_export_leaves_nothing(full, tmp_path):
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        export_markdown(full, tmp_path / "md", cancel=cancel)
    assert not (tmp_path / "md").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_jrnl_import(vault, clock):
    report = import_bundle(vault, parse_jrnl(jrnl_export()), clock)
    assert report.added["entries"] == 2
    first, second = collect(vault).entries
    assert first.entry_date == date(2025, 10, 2)
    assert first.title == "Long walk by the river."
    assert first.body == "We talked about small things and it felt easy."
    assert first.tags == ("walks",)
    assert first.starred
    assert not second.starred
    assert first.created_at.hour == 19
    assert first.created_at.minute == 30
    assert import_bundle(vault, parse_jrnl(jrnl_export()), clock).total_added == 0


@pytest.mark.parametrize("zipped", [False, True])
def test_day_one_import_from_json_or_zip(vault, clock, zipped):
    data = dayone_export()
    if zipped:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("Journal.json", data)
        data = buffer.getvalue()
    import_bundle(vault, parse_dayone(data), clock)
    first, second = collect(vault).entries
    assert first.title == "Morning coffee together"
    assert first.body == "We laughed about the cat. Lovely!"
    assert first.tags == ("mornings", "us")
    assert first.starred
    assert first.entry_date == date(2025, 11, 20)
    # 23:30 UTC is still the 21st in New York.
    assert second.entry_date == date(2025, 11, 21)
    assert second.title == ""
    assert import_bundle(vault, parse_dayone(data), clock).total_added == 0


def test_a_truncated_file_names_the_line_and_imports_nothing(full, tmp_path, empty, clock):
    target = tmp_path / "tend.json"
    export_json(full, target, EXPORTED_AT)
    data = target.read_bytes()
    cut = tmp_path / "cut.json"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(ImportProblem) as caught:
        read_file(cut, "tend")
    message = str(caught.value)
    assert "line" in message
    assert "Nothing was imported" in message
    assert ReflectStore(empty).count() == 0


def test_a_bad_entry_is_named_and_nothing_is_half_imported(vault, clock):
    doc = json.loads(jrnl_export())
    doc["entries"] += [dict(doc["entries"][0], title="x" * 400, date="2025-10-09")]
    with pytest.raises(ImportProblem) as caught:
        import_bundle(vault, parse_jrnl(json.dumps(doc).encode()), clock)
    assert str(caught.value).startswith("Entry 3: A title can be up to")
    assert ReflectStore(vault).count() == 0
    doc["entries"][2] = {"title": "no date here"}
    with pytest.raises(ImportProblem, match="Entry 3 has no date"):
        parse_jrnl(json.dumps(doc).encode())


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b"\xff\xfe not utf-8", "not UTF-8"),
        (b'{"entries": 3}', "no entries"),
        (b"[1, 2]", "no entries"),
        (b'{"entries": [{"date": "2025-13-40"}]}', "Entry 1"),
    ],
)
def test_files_that_are_not_a_journal_get_a_plain_message(data, words):
    with pytest.raises(ImportProblem, match=words):
        parse_jrnl(data)


def test_a_tend_export_from_a_newer_version_is_refused():
    doc = {"format": "tend-export", "version": tend_json.VERSION + 1, "entries": []}
    with pytest.raises(ImportProblem, match="newer version"):
        tend_json.parse(json.dumps(doc).encode())


def test_a_failure_midway_rolls_back_every_area(full, empty, clock, tmp_path, monkeypatch):
    target = tmp_path / "tend.json"
    export_json(full, target, EXPORTED_AT)
    bundle = read_file(target, "tend")
    from app.breathe.store import BreatheStore

    def fail(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(BreatheStore, "add_session", fail)
    with pytest.raises(OSError, match="No space left"):
        import_bundle(empty, bundle, clock)
    after = collect(empty)
    assert after.entries == []
    assert after.attempts == []
    assert after.patterns == []
    assert after.favourites == []
    assert after.drafts == {}


def test_cancelling_an_import_keeps_nothing(full, empty, clock, tmp_path):
    target = tmp_path / "tend.json"
    export_json(full, target, EXPORTED_AT)
    cancel = threading.Event()

    def stop(done: int, _total: int) -> None:
        if done >= 3:
            cancel.set()

    with pytest.raises(Cancelled):
        import_bundle(empty, read_file(target, "tend"), clock, progress=stop, cancel=cancel)
    assert collect(empty).entries == []
