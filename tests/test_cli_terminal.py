"""The terminal's prompts: a weak passphrase is named, a mistyped one gets three tries."""

from __future__ import annotations

import argparse

import pytest

from app import cli_support
from app.cli import main
from app.vault import Vault
from tests.conftest import PASSPHRASE


@pytest.fixture
def terminal(monkeypatch):
    """Typing at a terminal: queue what getpass() and input() will be answered."""
    monkeypatch.delenv(cli_support.PASSPHRASE_ENV, raising=False)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    typed: dict[str, list[str]] = {"getpass": [], "input": []}
    monkeypatch.setattr(cli_support, "getpass", lambda _prompt: typed["getpass"].pop(0))
    monkeypatch.setattr("builtins.input", lambda _prompt="": typed["input"].pop(0))
    return typed


def test_init_names_a_weak_passphrase_and_creates_nothing_unless_told(terminal, tmp_path, capsys):
    terminal["getpass"] += ["x", "x"]
    terminal["input"] += ["n"]
    assert main(["--data-dir", str(tmp_path), "init"]) == 1
    err = capsys.readouterr().err
    assert "Very weak" in err
    assert "Nothing was created" in err
    assert not (tmp_path / "tend.db").exists()


def test_init_takes_a_weak_passphrase_once_confirmed(terminal, tmp_path):
    terminal["getpass"] += ["x", "x"]
    terminal["input"] += ["yes"]
    assert main(["--data-dir", str(tmp_path), "init"]) == 0
    Vault.open(tmp_path / "tend.db", "x").close()


def test_a_strong_passphrase_is_not_questioned(terminal, tmp_path):
    terminal["getpass"] += [PASSPHRASE, PASSPHRASE]
    assert main(["--data-dir", str(tmp_path), "init"]) == 0  # no input() was needed


def test_three_tries_at_the_terminal(terminal, tmp_path, capsys):
    Vault.create(tmp_path / "tend.db", PASSPHRASE).close()
    terminal["getpass"] += ["nope", "still not", PASSPHRASE]
    assert main(["--data-dir", str(tmp_path), "check"]) == 0
    assert capsys.readouterr().err.count("Try again") == 2
    terminal["getpass"] += ["a", "b", "c"]
    assert main(["--data-dir", str(tmp_path), "check"]) == 1
    assert "does not open" in capsys.readouterr().err


def test_a_passphrase_from_a_script_gets_one_try(tmp_path, monkeypatch):
    Vault.create(tmp_path / "tend.db", PASSPHRASE).close()
    monkeypatch.setenv(cli_support.PASSPHRASE_ENV, "wrong")
    args = argparse.Namespace(data_dir=str(tmp_path), passphrase_file=None)
    with pytest.raises(Exception, match="does not open"):
        cli_support.open_vault(args)


def test_a_missing_vault_says_where_and_how_to_make_one(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path / "none"), "check"]) == 1
    err = capsys.readouterr().err
    assert str(tmp_path / "none") in err
    assert "tend init" in err


@pytest.mark.parametrize(
    ("argv", "folder"),
    [([], None), (["--data-dir", "/x"], "/x"), (["--data-dir=/y"], "/y")],
)
def test_the_window_is_read_without_loading_every_command(argv, folder):
    from app.cli import window_only

    assert window_only(argv).data_dir == folder


@pytest.mark.parametrize(
    "argv", [["check"], ["--data-dir"], ["--data-dir", "--help"], ["--data-dir="], ["--help"]]
)
def test_anything_else_goes_to_the_full_parser(argv):
    from app.cli import window_only

    assert window_only(argv) is None


def test_the_first_dialog_loads_neither_the_database_driver_nor_backups():
    import subprocess
    import sys

    code = (
        "import sys; import app.shell.app, app.shell.session;"
        "print(sorted(m for m in ('sqlcipher3', 'app.vault.vault', 'app.vault.backup',"
        " 'app.shell.safekeeping', 'app.reflect.cli') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "[]"


def test_the_first_dialog_is_shown_before_the_rest_of_the_app_loads(tmp_path):
    """The gate needs neither the window, nor Qt's namespace of enums (about 15 ms to
    build), nor TOML: those load once it is on screen (issue 15's faster first window)."""
    import os
    import subprocess
    import sys

    code = (
        "import os, sys; os.environ['TEND_STARTUP_PROBE'] = '1';"
        "import app.shell.session as s, PySide6.QtCore as core;"
        "heavy = ('app.shell.window', 'app.shell.autolock', 'app.widgets.privacy',"
        " 'app.shell.areas', 'tomllib', 'importlib.resources', 'sqlcipher3');"
        "s.Session._probe = lambda self: (print(sorted(m for m in heavy if m in sys.modules),"
        " 'Qt' in core.__dict__, flush=True), s.QApplication.quit());"
        "from app.cli import main; sys.exit(main(['--data-dir', sys.argv[1]]))"
    )
    for vault in ("create", "unlock"):
        if vault == "unlock":
            from app.vault import Vault

            Vault.create(tmp_path / "tend.db", "a passphrase long enough").close()
        result = subprocess.run(
            [sys.executable, "-c", code, str(tmp_path)],
            capture_output=True, text=True, timeout=60, check=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )  # fmt: skip
        assert result.stdout.strip() == "[] False", (vault, result.stdout)
