"""`tend` from the terminal, as a real process: exit codes and plain messages."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from app import __version__
from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parent.parent


def python(
    *argv: str, passphrase: str | None = PASSPHRASE, stdin: str = "", **extra_env: str
) -> subprocess.CompletedProcess:
    """Run this project's Python as a separate process, the passphrase in its environment."""
    env = {k: v for k, v in os.environ.items() if k != "TEND_PASSPHRASE"}
    if passphrase is not None:
        env["TEND_PASSPHRASE"] = passphrase
    env.update(extra_env)
    return subprocess.run(
        [sys.executable, *argv],
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def tend(*args: str, **options) -> subprocess.CompletedProcess:
    return python("-m", "app", *args, **options)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def test_version():
    result = tend("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"tend {__version__}"


def test_usage_error_exits_2():
    result = tend("no-such-command")
    assert result.returncode == 2
    assert "usage:" in result.stderr


def test_init_then_check(data_dir):
    created = tend("--data-dir", str(data_dir), "init")
    assert created.returncode == 0, created.stderr
    assert (data_dir / "tend.db").is_file()
    assert "nobody, not even Tend, can recover it" in created.stdout
    checked = tend("check", "--data-dir", str(data_dir))
    assert checked.returncode == 0, checked.stderr
    assert "sound" in checked.stdout


def test_init_refuses_to_overwrite(data_dir):
    assert tend("--data-dir", str(data_dir), "init").returncode == 0
    before = (data_dir / "tend.db").read_bytes()
    again = tend("--data-dir", str(data_dir), "init", passphrase="other")
    assert again.returncode == 1
    assert "will not overwrite" in again.stderr
    assert (data_dir / "tend.db").read_bytes() == before


def test_check_with_wrong_passphrase(data_dir):
    tend("--data-dir", str(data_dir), "init")
    result = tend("--data-dir", str(data_dir), "check", passphrase="nope")
    assert result.returncode == 1
    assert "passphrase does not open" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_on_a_damaged_file(data_dir):
    tend("--data-dir", str(data_dir), "init")
    vault = data_dir / "tend.db"
    vault.write_bytes(vault.read_bytes()[:5000])
    result = tend("--data-dir", str(data_dir), "check")
    assert result.returncode == 1
    assert "damaged" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_with_no_vault(data_dir):
    result = tend("--data-dir", str(data_dir), "check")
    assert result.returncode == 1
    assert "no Tend vault" in result.stderr


def test_passphrase_file(data_dir, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("from a file\n", encoding="utf-8")
    assert (
        tend(
            "--data-dir", str(data_dir), "init", "--passphrase-file", str(secret), passphrase=None
        ).returncode
        == 0
    )
    ok = tend(
        "check", "--data-dir", str(data_dir), "--passphrase-file", str(secret), passphrase=None
    )
    assert ok.returncode == 0, ok.stderr
    missing = tend(
        "check",
        "--data-dir",
        str(data_dir),
        "--passphrase-file",
        str(tmp_path / "nope"),
        passphrase=None,
    )
    assert missing.returncode == 1
    assert "Cannot read the passphrase file" in missing.stderr


def test_no_passphrase_and_no_terminal(data_dir):
    result = tend("--data-dir", str(data_dir), "init", passphrase=None)
    assert result.returncode == 1
    assert "TEND_PASSPHRASE" in result.stderr
    assert not (data_dir / "tend.db").exists()


def test_empty_passphrase_is_refused(data_dir):
    result = tend("--data-dir", str(data_dir), "init", passphrase="")
    assert result.returncode == 1
    assert "enter a passphrase" in result.stderr
    assert not (data_dir / "tend.db").exists()


def test_headless_commands_import_no_qt(data_dir):
    code = (
        "import sys\n"
        "from app.cli import main\n"
        f"main(['--data-dir', {str(data_dir)!r}, 'init'])\n"
        f"main(['--data-dir', {str(data_dir)!r}, 'check'])\n"
        "assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "import resource\n"
        "from app.hardening import is_dumpable\n"
        "assert resource.getrlimit(resource.RLIMIT_CORE) == (0, 0)\n"
        "assert not is_dumpable()\n"
        "print('no qt')\n"
    )
    result = python("-c", code)
    assert result.returncode == 0, result.stderr
    assert "no qt" in result.stdout


def test_a_file_where_the_folder_should_be(tmp_path):
    not_a_folder = tmp_path / "plain-file"
    not_a_folder.write_text("x")
    result = tend("--data-dir", str(not_a_folder), "init")
    assert result.returncode == 1
    assert "cannot use" in result.stderr
    assert "Traceback" not in result.stderr
    assert not_a_folder.read_text() == "x"


def test_the_window_starts_and_shows_its_first_dialog(data_dir):
    """`tend` with no command: the real GUI start-up, up to the first window shown."""
    result = tend(
        "--data-dir",
        str(data_dir),
        passphrase=None,
        QT_QPA_PLATFORM="offscreen",
        TEND_STARTUP_PROBE="1",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "shown"
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
