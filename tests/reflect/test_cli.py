"""`tend write`, `tend search` and `tend list`, parsed the way the dispatcher will."""

from __future__ import annotations

import argparse
import io
import json
import sys
from datetime import date
from pathlib import Path

import pytest

from app.clock import Clock
from app.reflect import cli
from app.reflect.model import EntryFilter, Kind
from app.reflect.store import ReflectStore
from app.vault import Vault, VaultError
from tests.conftest import PASSPHRASE


@pytest.fixture
def tend(paths, tmp_path, capsys, monkeypatch):
    """Run a Reflect subcommand against a fresh vault; returns (code, stdout, stderr)."""
    paths.ensure_data_dir()
    Vault.create(paths.vault, PASSPHRASE).close()
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    monkeypatch.delenv("TEND_PASSPHRASE", raising=False)

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir")
    common.add_argument("--passphrase-file")
    parser = argparse.ArgumentParser(prog="tend")
    cli.register(parser.add_subparsers(), common)

    def run(*argv: str, stdin: str | None = None):
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        args = parser.parse_args(
            [*argv, "--data-dir", str(paths.data_dir), "--passphrase-file", str(secret)]
        )
        code = args.run(args)
        out, err = capsys.readouterr()
        return code, out, err

    return run


def entries(paths):
    with Vault.open(paths.vault, PASSPHRASE) as vault:
        store = ReflectStore(vault)
        return [store.get(row.id) for row in store.iter_rows(EntryFilter())]


def test_write_from_arguments(tend, paths):
    code, out, err = tend(
        "write",
        "--kind",
        "gratitude",
        "--mood",
        "4",
        "--tag",
        "Home",
        "--tag",
        "#tea",
        "We",
        "had",
        "tea",
    )
    assert code == 0
    (entry,) = entries(paths)
    assert out == f"Saved entry {entry.id} for {entry.entry_date.isoformat()}.\n"
    assert err == cli.VISIBLE_TEXT + "\n"  # words as arguments: others could see them
    assert entry.body == "We had tea"
    assert (entry.kind, entry.mood, entry.tags) == (Kind.GRATITUDE, 4, ("home", "tea"))
    assert entry.entry_date == Clock().today()


def test_write_from_stdin_keeps_every_line(tend, paths):
    text = "Line one\n\nسلام 💛 今日\n"
    code, out, _ = tend("write", "--kind", "check-in", "--date", "2026-01-02", stdin=text)
    assert code == 0
    (entry,) = entries(paths)
    assert entry.body == text
    assert entry.kind is Kind.CHECK_IN
    assert entry.entry_date == date(2026, 1, 2)
    assert "سلام" not in out


@pytest.mark.parametrize(
    ("argv", "words", "exit_code"),
    [
        # A value Tend cannot use is a usage mistake (2), as the README says...
        (["--mood", "7", "x"], "Mood is a whole number from 1 to 5", 2),
        (["--mood", "calm", "x"], "Mood is a whole number from 1 to 5", 2),
        (["--kind", "diary", "x"], "Tend knows these kinds of entry", 2),
        (["--date", "15/01/2026", "x"], "YYYY-MM-DD", 2),
        (["--date", "1850-01-01", "x"], "1900 or later", 2),
        # ...while nothing to write is a problem explained (1).
        (["   "], "nothing to write", 1),
    ],
)
def test_write_mistakes_are_explained_without_a_traceback(tend, paths, argv, words, exit_code):
    code, out, err = tend("write", *argv)
    assert code == exit_code
    assert out == ""
    assert words in err
    assert "Traceback" not in err
    assert entries(paths) == []


def test_text_that_is_not_utf8_is_refused_plainly(tend, paths, monkeypatch):
    # Bytes that are not UTF-8 reach Python as lone surrogates (argv, a lenient stdin)
    # or as a decoding error (a strict stdin); neither may end in a traceback.
    for argv, stdin in ((["write", "caf\udce9 au lait"], None), (["write"], "ok \udcff")):
        code, out, err = tend(*argv, stdin=stdin)
        assert (code, out) == (1, "")
        assert "not UTF-8" in err
        assert "lait" not in err
    strict = io.TextIOWrapper(io.BytesIO(b"caf\xe9"), encoding="utf-8", errors="strict")
    monkeypatch.setattr(sys, "stdin", strict)
    code, _, err = tend("write")
    assert code == 1
    assert "not UTF-8" in err
    code, _, err = tend("search", "caf\udce9")
    assert code == 1
    assert "not UTF-8" in err
    assert entries(paths) == []


def test_user_text_never_reaches_stderr(tend):
    secret = "a very private sentence"
    _, _, err = tend("write", "--mood", "9", secret)
    assert secret not in err
    tend("write", secret)
    _, out, err = tend("search", "private")
    assert secret in out
    assert secret not in err


def test_search_prints_date_title_and_snippet(tend):
    tend("write", "--date", "2026-01-03", "A quiet walk by the river, then soup")
    tend("write", "--date", "2026-01-04", "Nothing to see")
    code, out, _ = tend("search", "river")
    assert code == 0
    assert out.splitlines() == [
        "2026-01-03  A quiet walk by the river, then soup",
        "    A quiet walk by the river, then soup",
    ]


def test_search_json(tend):
    tend("write", "--date", "2026-01-03", "--tag", "home", "Tea and a long talk")
    code, out, _ = tend("search", "talk", "--json")
    assert code == 0
    (hit,) = json.loads(out)
    assert hit["date"] == "2026-01-03"
    assert hit["title"] == "Tea and a long talk"
    assert hit["matches"] == ["talk"]
    assert hit["tags"] == ["home"]


def test_search_limit_and_bad_input(tend):
    for n in range(5):
        tend("write", f"river {n}")
    _, out, _ = tend("search", "river", "--limit", "2", "--json")
    assert len(json.loads(out)) == 2
    code, _, err = tend("search", "river", "--limit", "zero")
    assert code == 2
    assert "--limit" in err
    code, out, err = tend("search", '"unbalanced', "OR")
    assert code == 0
    assert "Traceback" not in err
    code, out, err = tend("search", "nowhere")
    assert (code, out) == (0, "")
    assert "No entries match" in err


def test_list_with_a_date_range(tend):
    for day in ("2026-01-01", "2026-01-05", "2026-01-09"):
        tend("write", "--date", day, "--mood", "3", "--tag", "home", f"entry of {day}")
    code, out, _ = tend("list", "--from", "2026-01-02", "--to", "2026-01-09")
    assert code == 0
    lines = out.splitlines()
    assert [line[:10] for line in lines] == ["2026-01-09", "2026-01-05"]
    assert "entry of 2026-01-09" in lines[0]
    assert "mood 3" in lines[0]
    assert "#home" in lines[0]


def test_list_json(tend):
    tend("write", "--date", "2026-01-01", "one")
    tend("write", "--date", "2026-01-02", "--kind", "letter", "two")
    code, out, _ = tend("list", "--json")
    assert code == 0
    rows = json.loads(out)
    assert [(r["date"], r["title"], r["kind"]) for r in rows] == [
        ("2026-01-02", "two", "unsent_letter"),
        ("2026-01-01", "one", "reflection"),
    ]
    _, out, _ = tend("list", "--json", "--from", "2030-01-01")
    assert json.loads(out) == []


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--from", "yesterday"], "--from date is not a date"),
        (["--to", "2026-13-01"], "--to date is not a date"),
        (["--from", "2026-02-01", "--to", "2026-01-01"], "comes after"),
    ],
)
def test_list_bad_dates(tend, argv, words):
    code, out, err = tend("list", *argv)
    assert code == 2
    assert out == ""
    assert words in err


def test_a_wrong_passphrase_is_a_vault_error(paths, tmp_path, monkeypatch):
    paths.ensure_data_dir()
    Vault.create(paths.vault, PASSPHRASE).close()
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not it", encoding="utf-8")
    args = argparse.Namespace(
        data_dir=str(paths.data_dir),
        passphrase_file=str(wrong),
        query=["x"],
        limit="5",
        json=False,
    )
    with pytest.raises(VaultError):
        cli.run_search(args)


def test_passphrase_from_the_environment(paths, monkeypatch, capsys):
    paths.ensure_data_dir()
    Vault.create(paths.vault, PASSPHRASE).close()
    monkeypatch.setenv("TEND_PASSPHRASE", PASSPHRASE)
    args = argparse.Namespace(
        data_dir=str(paths.data_dir), passphrase_file=None, json=True, date_from=None, date_to=None
    )
    assert cli.run_list(args) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_importing_the_cli_pulls_in_no_qt():
    import subprocess

    code = (
        "import sys; import app.reflect.cli, app.reflect.store, app.cli_support; "
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root
    )
    assert done.stdout.strip() == "False"


def test_write_help_names_every_kind(capsys):
    from app.cli import main
    from app.reflect.model import KINDS

    with pytest.raises(SystemExit):
        main(["write", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    for kind in KINDS:
        assert kind.value.replace("_", "-") in out


def test_a_text_past_the_largest_entry_is_refused_and_nothing_saved(tend, paths):
    from app.reflect.model import MAX_BODY_CHARS

    code, out, err = tend("write", stdin="a" * (MAX_BODY_CHARS + 1))
    assert (code, out) == (1, "")
    assert "nothing was saved" in err
    assert entries(paths) == []
    code, _, _ = tend("write", stdin="a" * MAX_BODY_CHARS)
    assert code == 0


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_search_marks_matches_in_bold_only_on_a_terminal(tend, monkeypatch, capsys):
    tend("write", "The river was calm tonight.")
    code, out, _ = tend("search", "river")
    assert code == 0
    assert "river" in out
    assert "\x1b[" not in out  # piped: plain text
    screen = Terminal()
    monkeypatch.setattr(sys, "stdout", screen)
    tend("search", "river")
    assert "\x1b[1mriver\x1b[0m" in screen.getvalue()
