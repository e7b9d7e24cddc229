"""What goes wrong reading a file to import, said plainly and without quoting it."""

from __future__ import annotations

import json
from typing import Any

_MISSING = object()


class ImportProblem(Exception):
    """A file Tend cannot import as it is. Nothing has been imported."""

    def __init__(self, message: str) -> None:
        super().__init__(f"{message} Nothing was imported.")
        self.message = str(self)


def load_json(data: bytes) -> Any:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportProblem(
            f"The file is not UTF-8 text (the first odd byte is at position {exc.start})."
        ) from None
    if not text.strip():
        raise ImportProblem("The file is empty.")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        ending = "ends too early" if exc.pos >= len(text.rstrip()) else "stops making sense"
        raise ImportProblem(
            f"The file {ending} at line {exc.lineno}, column {exc.colno}: "
            "it is not complete JSON, perhaps cut short."
        ) from None


def field_of(item: dict, key: str, kind: Any, where: str, default: Any = _MISSING) -> Any:
    """``item[key]`` when it has the expected type; a message naming ``where`` if not."""
    if key not in item:
        if default is _MISSING:
            raise ImportProblem(f"{where} has no {key}.")
        return default
    value = item[key]
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if isinstance(value, bool) and bool not in kinds:
        raise ImportProblem(f"{where}: {key} has the wrong type.")
    if not isinstance(value, kinds):
        raise ImportProblem(f"{where}: {key} has the wrong type.")
    return value
