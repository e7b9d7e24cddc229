"""What the shell hands to each area's view when the vault is unlocked.

An area view is a QWidget built as ``View(context)``. It may also offer:

- ``flush()``: save anything pending at once (called on switching views, locking,
  auto-lock and closing the window);
- ``handle_request(**request)``: act on a request from elsewhere, for example the
  Today page asking Reflect to answer the prompt of the day.

On lock the shell destroys every view, so no text the user wrote stays on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.clock import Clock
    from app.vault import Settings, Vault
    from app.widgets.tasks import TaskRunner


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
