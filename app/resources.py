"""The one way code finds files under resources/.

In a wheel or a bundle the folder ships inside the package as ``app/_resources``;
in a source checkout it is the top-level ``resources/`` folder.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any


@cache
def root() -> Traversable:
    bundled = files("app").joinpath("_resources")
    if bundled.is_dir():
        return bundled
    return Path(__file__).resolve().parent.parent / "resources"


def path(relative: str) -> Traversable:
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
    return tomllib.loads(read_text(relative))


def listing(folder: str, suffix: str = "") -> list[str]:
    """Relative paths of the files in a resources folder, sorted, filtered by suffix."""
    node = path(folder)
    return sorted(
        f"{folder}/{child.name}"
        for child in node.iterdir()
        if child.is_file() and child.name.endswith(suffix)
    )
