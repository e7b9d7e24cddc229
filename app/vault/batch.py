"""One transaction around many store writes: an import is all or nothing.

The stores open a transaction for each write. Inside ``one_transaction`` they are
handed a ``Batch`` instead of the vault: it looks the same to them, but each of their
transactions becomes a savepoint inside the single outer one, so a failure anywhere
(or a kill) leaves the vault exactly as it was before the import began.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from app.vault.vault import Connection, Vault


class Batch:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    @property
    def connection(self) -> Connection:
        return self._vault.connection

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Connection]:
        conn = self._vault.connection
        conn.execute("SAVEPOINT store_write")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK TO store_write")
            conn.execute("RELEASE store_write")
            raise
        conn.execute("RELEASE store_write")


@contextlib.contextmanager
def one_transaction(vault: Vault) -> Iterator[Batch]:
    """Yield a Batch whose writes all commit together, or not at all."""
    with vault.transaction():
        yield Batch(vault)
