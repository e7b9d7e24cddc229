"""The one way code finds files under resources/.

In a wheel or a bundle the folder ships inside the package as ``app/_resources``;
in a source checkout it is the top-level ``resources/`` folder. Either way it is a
folder on disk (Tend's SQLCipher driver cannot be imported from a zip anyway), so
plain paths do, and the first dialog does not wait for importlib.resources.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

_PACKAGE = Path(__file__).resolve().parent


@cache
def root() -> Path:
    bundled = _PACKAGE / "_resources"
    if bundled.is_dir():
        return bundled
    return _PACKAGE.parent / "resources"


def path(relative: str) -> Path:
    """A resource by its path relative to resources/, e.g. ``"prompts/daily.toml"``."""
    node = root()
    for part in relative.split("/"):
        node = node.joinpath(part)
    return node


def read_text(relative: str) -> str:
    return path(relative).read_text(encoding="utf-8")


def read_bytes(relative: str) -> bytes:
    return path(relative).read_bytes()


def load_toml(relative: str) -> dict[str, Any]:
    import tomllib  # not at the top: the first dialog reads no TOML

    return tomllib.loads(read_text(relative))


def listing(folder: str, suffix: str = "") -> list[str]:
    """Relative paths of the files in a resources folder, sorted, filtered by suffix."""
    node = path(folder)
    return sorted(
        f"{folder}/{child.name}"
        for child in node.iterdir()
        if child.is_file() and child.name.endswith(suffix)
    )
