"""The connection as stores see it: a read fails the same way a write does.

SQLite reports a damaged page, a busy file or a key changed elsewhere only when a
statement touches it, which is as often a SELECT (or a fetch, or a row read while
iterating) as a write. Every one of those calls goes through ``on_error`` here, so a
known condition always reaches the caller as a VaultError with a plain message.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from sqlcipher3 import dbapi2 as sqlcipher

# Given the driver's exception, returns the one to raise (the same one when unknown).
Translator = Callable[[BaseException], BaseException]


def _call(translate: Translator, fn: Callable[..., Any], *args: Any) -> Any:
    try:
        return fn(*args)
    except sqlcipher.Error as exc:
        known = translate(exc)
        if known is exc:
            raise
        raise known from None


class GuardedCursor:
    def __init__(self, cursor: sqlcipher.Cursor, translate: Translator) -> None:
        self._cursor, self._translate = cursor, translate

    def fetchone(self) -> Any:
        return _call(self._translate, self._cursor.fetchone)

    def fetchall(self) -> list:
        return _call(self._translate, self._cursor.fetchall)

    def fetchmany(self, size: int = 1) -> list:
        return _call(self._translate, self._cursor.fetchmany, size)

    def __iter__(self) -> Iterator:
        return self

    def __next__(self) -> Any:
        return _call(self._translate, self._cursor.__next__)

    def __getattr__(self, name: str) -> Any:  # lastrowid, rowcount, description, close
        return getattr(self._cursor, name)


class GuardedConnection:
    def __init__(self, conn: sqlcipher.Connection, translate: Translator) -> None:
        self.raw, self._translate = conn, translate

    def execute(self, sql: str, params: Any = ()) -> GuardedCursor:
        return GuardedCursor(_call(self._translate, self.raw.execute, sql, params), self._translate)

    def executemany(self, sql: str, rows: Any) -> GuardedCursor:
        cursor = _call(self._translate, self.raw.executemany, sql, rows)
        return GuardedCursor(cursor, self._translate)

    def executescript(self, script: str) -> GuardedCursor:
        cursor = _call(self._translate, self.raw.executescript, script)
        return GuardedCursor(cursor, self._translate)

    def __getattr__(self, name: str) -> Any:  # in_transaction, interrupt, close, ...
        return getattr(self.raw, name)
