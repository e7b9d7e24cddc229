"""A machine without one of Qt's libraries is told which package to install."""

from __future__ import annotations

import os
import subprocess
import sys

from app.system_libs import CORE, X11, advice, missing_packages, no_display, uses_x11


def test_nothing_missing_means_no_advice():
    assert missing_packages({"DISPLAY": ":0"}, loads=lambda _name: True, platform="linux") == []


def test_a_missing_x11_library_names_its_package():
    env = {"DISPLAY": ":0"}
    missing = missing_packages(
        env, loads=lambda name: name != "libxcb-icccm.so.4", platform="linux"
    )
    assert missing == ["libxcb-icccm4"]
    assert "sudo apt-get install libxcb-icccm4" in advice(missing)


def test_x11_libraries_only_matter_when_qt_will_use_x11():
    absent = set(X11)
    loads = lambda name: name not in absent  # noqa: E731
    assert missing_packages({"QT_QPA_PLATFORM": "offscreen"}, loads, "linux") == []
    assert missing_packages({"DISPLAY": ":0", "WAYLAND_DISPLAY": "w"}, loads, "linux") == []
    assert uses_x11({"QT_QPA_PLATFORM": "xcb"})
    assert not uses_x11({})


def test_core_libraries_matter_everywhere_on_linux():
    gone = "libEGL.so.1"
    missing = missing_packages({}, loads=lambda name: name != gone, platform="linux")
    assert missing == [CORE[gone]]
    assert missing_packages({}, loads=lambda _n: False, platform="darwin") == []


def tend_without(library: str, folder, platform: str, *, qt_import_fails: bool = False):
    """`tend --data-dir FOLDER` in a process where `library` cannot be loaded."""
    env = {**os.environ, "QT_QPA_PLATFORM": platform, "DISPLAY": ":4242"}
    code = (
        "import sys, app.system_libs as s;"
        f"real = s._loads; s._loads = lambda n: n != {library!r} and real(n);"
        + ("sys.modules['PySide6.QtWidgets'] = None;" if qt_import_fails else "")
        + "from app.cli import main; sys.exit(main(['--data-dir', sys.argv[1]]))"
    )
    return subprocess.run(
        [sys.executable, "-c", code, str(folder)],
        capture_output=True, text=True, env=env, timeout=60, check=False,
    )  # fmt: skip


def test_tend_without_a_command_says_what_to_install_instead_of_aborting(tmp_path):
    # Pretend one X11 library is absent, whatever this machine has.
    result = tend_without("libxcb-keysyms.so.1", tmp_path, "xcb")
    assert result.returncode == 1
    assert "libxcb-keysyms1" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "tend.db").exists()


def test_a_missing_core_library_is_named_too(tmp_path):
    """Off X11, Qt's own libraries are found missing by the import that fails."""
    result = tend_without("libEGL.so.1", tmp_path, "offscreen", qt_import_fails=True)
    assert result.returncode == 1
    assert "libegl1" in result.stderr
    assert "Traceback" not in result.stderr


def test_no_screen_is_said_plainly_instead_of_qt_aborting(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(tmp_path)],
        capture_output=True, text=True, env=env, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 1
    assert "no display" in result.stderr
    assert "platform plugin" not in result.stderr
    assert no_display({}, platform="linux")
    assert not no_display({"QT_QPA_PLATFORM": "offscreen"}, platform="linux")
    assert not no_display({"WAYLAND_DISPLAY": "wayland-0"}, platform="linux")
    assert not no_display({}, platform="darwin")
