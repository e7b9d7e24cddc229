"""Before the window opens: name the Debian/Ubuntu package for any missing Qt library.

Without this, a machine that lacks one of Qt's system libraries shows Qt's own
"could not load the Qt platform plugin" abort, which does not say what to install.
Qt-free: it only asks the dynamic loader whether each library can be found.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping

# Libraries Qt's widgets need on every Linux platform, with the package that has each.
CORE = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
}
# What Qt's X11 platform plugin (xcb) needs beyond them.
X11 = {
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}


def _loads(soname: str) -> bool:
    import ctypes  # here, not at the top: most starts never need to ask

    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def uses_x11(env: Mapping[str, str]) -> bool:
    platform = env.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.split(":")[0] == "xcb"
    # Qt picks Wayland when a Wayland session is there, else X11.
    return bool(env.get("DISPLAY")) and not env.get("WAYLAND_DISPLAY")


NO_DISPLAY = (
    "there is no display to open Tend's window on (neither DISPLAY nor WAYLAND_DISPLAY "
    "is set). Run it from your desktop; the commands work anywhere: tend --help"
)


def no_display(env: Mapping[str, str], platform: str = sys.platform) -> bool:
    """On Linux, whether Qt would abort for want of a screen (and no platform was chosen)."""
    if not platform.startswith("linux") or env.get("QT_QPA_PLATFORM"):
        return False
    return not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY")


def missing_packages(
    env: Mapping[str, str],
    loads: Callable[[str], bool] | None = None,
    platform: str = sys.platform,
) -> list[str]:
    """The packages to install before the window can open; empty when nothing is missing."""
    loads = loads or _loads
    if not platform.startswith("linux"):
        return []
    needed = {**CORE, **(X11 if uses_x11(env) else {})}
    return sorted({package for soname, package in needed.items() if not loads(soname)})


def advice(packages: list[str]) -> str:
    return (
        "Tend's window needs system libraries that this computer lacks. "
        f"On Debian or Ubuntu: sudo apt-get install {' '.join(packages)}"
    )
