"""Slow work off the GUI thread, with the result delivered back on the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn, self._relay = fn, relay

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # handed to the caller's on_error on the GUI thread
            self._relay.failed.emit(exc)
        else:
            self._relay.done.emit(result)


class TaskRunner:
    """Runs a job on a thread pool; `on_done`/`on_error` run on the GUI thread."""

    def __init__(self, pool: QThreadPool | None = None) -> None:
        self._pool = pool or QThreadPool.globalInstance()
        self._relays: set[_Relay] = set()

    def run(
        self,
        job: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        relay = _Relay()
        self._relays.add(relay)  # keep it alive until the job reports

        def finish(callback: Callable[[Any], None], value: Any) -> None:
            self._relays.discard(relay)
            callback(value)

        relay.done.connect(lambda result: finish(on_done, result))
        relay.failed.connect(lambda exc: finish(on_error, exc))
        self._pool.start(_Job(job, relay))

    def wait(self) -> None:
        self._pool.waitForDone()


class ImmediateTaskRunner(TaskRunner):
    """Runs each job at once on the calling thread: tests need not wait for anything."""

    def __init__(self) -> None:
        pass

    def run(self, job, on_done, on_error) -> None:
        try:
            result = job()
        except Exception as exc:
            on_error(exc)
        else:
            on_done(result)

    def wait(self) -> None:
        pass
