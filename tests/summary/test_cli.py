"""`tend summary` and `tend worksheet` as real processes: PDFs, errors, nothing half-written."""

from __future__ import annotations

import os
from datetime import date

import pytest

from app.vault import Vault
from tests.conftest import PASSPHRASE
from tests.summary.seed import PRIVATE_MARK, SHARED_MARK, seed
from tests.test_cli import python, tend


@pytest.fixture
def data_dir(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    vault = Vault.create(folder / "tend.db", PASSPHRASE)
    seed(vault, date(2026, 1, 1), 10)
    vault.close()
    return folder


def summary(data_dir, out, *extra):
    return tend(
        "summary", "--data-dir", str(data_dir), "--from", "2026-01-01", "--to", "2026-01-10",
        "--output", str(out), *extra,
    )  # fmt: skip


def pdf_text(path) -> str:
    code = (
        "import sys\n"
        "from PySide6.QtGui import QGuiApplication\n"
        "app = QGuiApplication(['t', '-platform', 'offscreen'])\n"
        "from tests.summary.pdf_text import read_pdf\n"
        f"text, title, pages = read_pdf({str(path)!r})\n"
        "sys.stdout.write(title + '\\n' + text)\n"
    )
    result = python("-c", code)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_summary_writes_a_pdf_of_shareable_words_only(data_dir, tmp_path):
    out = tmp_path / "summary.pdf"
    result = summary(data_dir, out)
    assert result.returncode == 0, result.stderr
    assert "Saved the summary of 1–10 January 2026" in result.stdout
    assert oct(out.stat().st_mode & 0o777) == oct(0o600)
    text = pdf_text(out)
    assert text.startswith("Tend summary, 1–10 January 2026\n")
    assert SHARED_MARK in text
    assert PRIVATE_MARK not in text


def test_include_private_and_force(data_dir, tmp_path):
    out = tmp_path / "summary.pdf"
    out.write_bytes(b"an older file")
    refused = summary(data_dir, out, "--include-private")
    assert refused.returncode == 1
    assert "already exists" in refused.stderr
    assert out.read_bytes() == b"an older file"
    forced = summary(data_dir, out, "--include-private", "--force")
    assert forced.returncode == 0, forced.stderr
    assert PRIVATE_MARK in pdf_text(out)


@pytest.mark.parametrize(
    ("first", "last", "message"),
    [
        ("2026-02-30", "2026-03-01", "is not a date Tend can read"),
        ("yesterday", "2026-03-01", "is not a date Tend can read"),
        ("2026-03-05", "2026-03-01", "comes before the --from date"),
    ],
)
def test_bad_dates_are_usage_errors(data_dir, tmp_path, first, last, message):
    out = tmp_path / "never.pdf"
    result = tend(
        "summary", "--data-dir", str(data_dir), "--from", first, "--to", last, "--output", str(out)
    )
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_an_unwritable_folder_is_a_plain_message(data_dir, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    result = summary(data_dir, locked / "s.pdf")
    assert result.returncode == 1
    assert "Cannot write" in result.stderr
    assert list(locked.iterdir()) == []


def test_a_missing_folder_or_a_folder_as_the_file(data_dir, tmp_path):
    missing = summary(data_dir, tmp_path / "nowhere" / "s.pdf")
    assert missing.returncode == 1
    assert "does not exist" in missing.stderr
    folder = summary(data_dir, tmp_path)
    assert folder.returncode == 1
    assert "is a folder" in folder.stderr


def test_a_wrong_passphrase_writes_nothing(data_dir, tmp_path):
    out = tmp_path / "s.pdf"
    result = tend(
        "summary", "--data-dir", str(data_dir), "--from", "2026-01-01", "--to", "2026-01-10",
        "--output", str(out), passphrase="not it",
    )  # fmt: skip
    assert result.returncode == 1
    assert not out.exists()


def test_worksheet(tmp_path):
    out = tmp_path / "sheet.pdf"
    result = tend("worksheet", "owning-my-part", "--output", str(out), passphrase=None)
    assert result.returncode == 0, result.stderr
    text = pdf_text(out)
    assert text.startswith("Tend worksheet: Owning my part\n")
    assert "The part that was mine" in text
    unknown = tend("worksheet", "nope", "--output", str(tmp_path / "n.pdf"), passphrase=None)
    assert unknown.returncode == 2
    assert "owning-my-part" in unknown.stderr
    assert not (tmp_path / "n.pdf").exists()


def test_parsing_the_summary_commands_imports_no_qt():
    code = (
        "import sys\n"
        "from app.cli import build_parser\n"
        "build_parser().parse_args(['summary', '--from', 'x', '--to', 'y', '--output', 'z'])\n"
        "assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "print('no qt')\n"
    )
    result = python("-c", code)
    assert result.returncode == 0, result.stderr
    assert "no qt" in result.stdout
