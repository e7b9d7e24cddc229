"""The contract between the shell and each area: what it hands a view, what a view offers.

An area view is a QWidget built as ``View(context)`` that satisfies ``AreaView``:

- ``flush()``: save anything pending at once (called on switching views, locking,
  auto-lock and closing the window); raises ``NotSaved`` when words could not be saved,
  so the shell can ask before locking or closing;
- ``handle_request(**request)``: act on a request from elsewhere, for example the
  Today page asking Reflect to answer the prompt of the day.

On lock the shell destroys every view, so no text the user wrote stays on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    from app.clock import Clock
    from app.vault import Settings, Vault
    from app.widgets.tasks import TaskRunner


class NotSaved(Exception):
    """Pending words could not be saved. The message is for a person and never quotes
    their words; the words stay on screen until the person decides."""


@runtime_checkable
class AreaView(Protocol):
    def flush(self) -> None: ...

    def handle_request(self, **request: Any) -> None: ...


@dataclass(frozen=True)
class AreaContext:
    vault: Vault
    settings: Settings
    clock: Clock
    tasks: TaskRunner
    # Switch the window to another area, passing it a request (see handle_request).
    open_area: Callable[..., Any]
    # keep_unlocked(holder, True) pauses auto-lock while the person follows something on
    # screen without touching anything (a breathing session); False releases it.
    keep_unlocked: Callable[[object, bool], None] = lambda _holder, _on: None
