"""`tend progress` and `tend demo`, in-process through the real dispatcher and as a process."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta

import pytest

from app import cli as tend_cli
from app.clock import ManualClock
from app.progress import cli
from app.progress.goals import Goal
from app.progress.settings import HIDE_STREAKS
from app.progress.store import GoalStore
from app.reflect.model import Entry, Kind, Setback
from app.reflect.store import ReflectStore
from app.vault import Settings, Vault
from tests.conftest import PASSPHRASE
from tests.test_cli import python, tend

TODAY = date(2026, 3, 18)


@pytest.fixture
def run(paths, tmp_path, capsys, monkeypatch):
    """`tend ARGS` against the test vault with today fixed; returns (code, out, err)."""
    monkeypatch.setattr(cli, "_clock", ManualClock(datetime.combine(TODAY, time(9)).astimezone()))
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    monkeypatch.delenv("TEND_PASSPHRASE", raising=False)

    def go(*argv: str):
        code = tend_cli.main(
            [*argv, "--data-dir", str(paths.data_dir), "--passphrase-file", str(secret)]
        )
        out, err = capsys.readouterr()
        return code, out, err

    return go


@pytest.fixture
def filled(vault, paths):
    clock = ManualClock(datetime.combine(TODAY, time(20)).astimezone())
    store = ReflectStore(vault, clock)
    for n in range(3):
        store.create(Entry(TODAY - timedelta(days=n), Kind.CHECK_IN, body="Fine.", mood=3 + n % 2))
    store.create(
        Entry(
            TODAY - timedelta(days=10),
            Kind.SETBACK,
            body="We argued.",
            closeness=2,
            setback=Setback(what_i_learned="Slow down first.", repaired_on=TODAY - timedelta(8)),
        )
    )
    goals = GoalStore(vault, clock)
    goal = goals.add(Goal("Walk on Sundays", TODAY - timedelta(days=20)))
    goals.check_in(goal.id, TODAY - timedelta(days=5), "Lovely.")
    vault.close()
    return paths


def test_progress_as_text(filled, run):
    code, out, err = run("progress")
    assert (code, err) == (0, "")
    assert out.startswith("Your progress in the last 4 weeks (23 February 2026 to 18 March 2026)")
    assert "You showed up on 5 of the 24 days in the last 4 weeks." in out
    assert "Over the last 12 months you showed up on" in out
    assert "square" not in out  # the terminal has no calendar to point at
    assert "You have shown up 3 days running." in out
    assert "week of 16 March 2026      3.3  (3 entries)" in out
    assert "Repair took 2.0 days on average." in out
    assert "What you learned: Slow down first." in out  # asked for, so shown
    assert "Your first entry" in out


def test_progress_as_json_has_the_same_figures(filled, run):
    code, out, _ = run("progress", "--period", "3m", "--json")
    assert code == 0
    figures = json.loads(out)
    assert figures["period"] == "3m"
    assert figures["span"] == {"first": "2026-01-01", "last": "2026-03-18"}
    assert figures["streaks"]["current"] == 3
    assert figures["activity"]["active_days"] == 5
    assert figures["setbacks"]["items"][0]["days_to_repair"] == 2
    assert figures["goals"]["check_ins"] == 1
    assert figures["milestones"][0]["id"] == "first-entry"
    assert len(figures["calendar"]["days"]) >= 365
    assert figures["streaks_hidden"] is False


def test_hidden_streaks_stay_hidden(filled, run):
    with Vault.open(filled.vault, PASSPHRASE) as vault:
        Settings(vault).write(HIDE_STREAKS, True)
    code, out, _ = run("progress")
    assert code == 0
    assert "Streaks are hidden, as you chose." in out
    assert "days running" not in out
    _, out, _ = run("progress", "--json")
    assert json.loads(out)["streaks"] is None


def test_an_empty_vault_gets_a_friendly_start(vault, run):
    vault.close()
    code, out, _ = run("progress", "--period", "all")
    assert code == 0
    assert "nothing to do here yet" in out
    assert "Mood" not in out


def test_a_wrong_period_is_a_usage_error(vault, run, capsys):
    vault.close()
    with pytest.raises(SystemExit) as exited:
        run("progress", "--period", "5y")
    assert exited.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_no_vault_is_a_plain_message(paths, run):
    code, out, err = run("progress")
    assert (code, out) == (1, "")
    assert "no Tend vault" in err
    assert "Traceback" not in err


def test_progress_runs_headless_without_qt(filled):
    result = python(
        "-c",
        "import sys; from app.cli import main; code = main(['progress', '--data-dir', "
        f"{str(filled.data_dir)!r}, '--json']); "
        "assert not any(m.startswith(('PySide6', 'shiboken6')) for m in sys.modules), 'Qt'; "
        "sys.exit(code)",
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["period"] == "4w"


# -- tend demo ---------------------------------------------------------------------------


def test_demo_makes_a_new_vault_prints_its_passphrase_and_refuses_to_touch_it(tmp_path):
    data_dir = tmp_path / "demo"
    made = tend("demo", "--data-dir", str(data_dir), passphrase=None)
    assert made.returncode == 0, made.stderr
    passphrase = made.stdout.split("Passphrase: ")[1].strip()
    assert len(passphrase.split("-")) == 5
    with Vault.open(data_dir / "tend.db", passphrase) as vault:
        assert ReflectStore(vault).count() > 150
        assert GoalStore(vault).goals()
    before = (data_dir / "tend.db").read_bytes()
    again = tend("demo", "--data-dir", str(data_dir), passphrase=None)
    assert again.returncode == 1
    assert "will not touch it" in again.stderr
    assert (data_dir / "tend.db").read_bytes() == before
    shown = tend("progress", "--data-dir", str(data_dir), "--period", "12m", passphrase=passphrase)
    assert shown.returncode == 0, shown.stderr
    assert "Seven days of showing up" in shown.stdout


def test_demo_takes_the_passphrase_from_a_file_and_needs_a_data_dir(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("our own words\n", encoding="utf-8")
    data_dir = tmp_path / "demo"
    made = tend("demo", "--data-dir", str(data_dir), "--passphrase-file", str(secret))
    assert made.returncode == 0, made.stderr
    assert "Passphrase" not in made.stdout
    Vault.open(data_dir / "tend.db", "our own words").close()
    nowhere = tend("demo", passphrase=None)
    assert nowhere.returncode == 1
    assert "Give --data-dir DIR" in nowhere.stderr


def test_a_wrong_passphrase_is_a_plain_message(filled, tmp_path, capsys):
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not it\n", encoding="utf-8")
    code = tend_cli.main(
        ["progress", "--data-dir", str(filled.data_dir), "--passphrase-file", str(wrong)]
    )
    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert "passphrase does not open" in err
    assert "Traceback" not in err
