"""`tend write` and friends: private words off the process list, odd input refused or
cleaned, emoji found, and titles that cannot rearrange the terminal."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from app.reflect.model import MAX_TAG_CHARS, InvalidEntry, new_entry, parse_date, validate
from app.reflect.store import ReflectStore
from app.vault import Vault
from tests.conftest import PASSPHRASE
from tests.reflect.test_cli import entries, tend  # noqa: F401 (a fixture)

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 1, 20)


# -- defect 5: words on the command line ------------------------------------------------


def test_text_on_the_command_line_gets_a_warning_and_stdin_is_taught(tend, paths):  # noqa: F811
    code, out, err = tend("write", "Words anyone could see")
    assert code == 0
    assert "Saved entry" in out
    assert "other users" in err
    assert "Words anyone" not in err
    code, out, err = tend("write", stdin="Words only I can see")
    assert code == 0
    assert "other users" not in err
    help_text = subprocess.run(
        [sys.executable, "-m", "app", "write", "--help"],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=True,
    ).stdout  # fmt: skip
    assert "Ctrl+D" in help_text
    assert "standard input" in help_text
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "Ctrl+D" in readme


# -- defect 9: the smaller things ---------------------------------------------------------


def test_a_tag_over_forty_characters_is_refused_not_cut():
    long_tag = "a" * (MAX_TAG_CHARS + 1)
    with pytest.raises(InvalidEntry) as caught:
        validate(new_entry(TODAY, body="words", tags=(long_tag,)), TODAY)
    assert caught.value.field == "tags"
    assert str(MAX_TAG_CHARS) in caught.value.message
    assert long_tag not in caught.value.message
    ok = validate(new_entry(TODAY, body="words", tags=("a" * MAX_TAG_CHARS,)), TODAY)
    assert ok.tags == ("a" * MAX_TAG_CHARS,)


def test_nul_characters_are_removed_before_saving(vault):
    saved = ReflectStore(vault).create(
        new_entry(TODAY, title="Ti\x00tle", body="One\x00two", tags=("ho\x00me",))
    )
    again = ReflectStore(vault).get(saved.id)
    assert again.title == "Title"
    assert again.body == "Onetwo"
    assert again.tags == ("home",)


@pytest.mark.parametrize("text", ["20260105", "2026-W01-1", "2026-005", "2026-01-05T10:00"])
def test_only_yyyy_mm_dd_dates_are_accepted(text):
    with pytest.raises(InvalidEntry):
        parse_date(text)
    assert parse_date(" 2026-01-05 ") == date(2026, 1, 5)


def test_emoji_are_found_by_search(vault):
    store = ReflectStore(vault)
    store.create(new_entry(TODAY, body="We laughed 😂 until we cried, then ❤️ and 👍🏽."))
    store.create(new_entry(TODAY, body="A quiet evening without symbols."))
    for query in ("😂", "❤️", "👍🏽"):
        hits = store.search(query)
        assert len(hits) == 1, query
        assert any(part.is_match for part in hits[0].snippet), query


def test_bidi_controls_in_a_title_do_not_reach_the_terminal(paths):
    paths.ensure_data_dir()
    with Vault.create(paths.vault, PASSPHRASE) as vault:
        ReflectStore(vault).create(new_entry(TODAY, title="Notes \u202egnorw\u202c end", body="x"))
    env = {**os.environ, "TEND_PASSPHRASE": PASSPHRASE}
    for command in (["list"], ["search", "Notes"]):
        leader, follower = pty.openpty()
        try:
            subprocess.run(
                [sys.executable, "-m", "app", *command, "--data-dir", str(paths.data_dir)],
                cwd=ROOT, env=env, stdout=follower, stderr=subprocess.PIPE,
                stdin=subprocess.DEVNULL, timeout=60, check=True,
            )  # fmt: skip
        finally:
            os.close(follower)
        shown = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
        os.close(leader)
        text = shown.decode("utf-8")
        assert "Notes" in text, command
        for control in ("\u202e", "\u202c", "\u2066", "\u200f"):
            assert control not in text, command
