"""The encrypted store: the only place in Tend that opens a database connection."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlcipher

from app.vault.errors import (
    CannotOpen,
    DamagedVault,
    NewerVersion,
    NotAVault,
    PassphraseNotChanged,
    QueryRejected,
    VaultError,
    VaultExists,
    VaultLocked,
    VaultMissing,
    WrongPassphrase,
    is_rejected_statement,
    translate,
)
from app.vault.migrations import LATEST, MIGRATIONS
from app.vault.passphrase import normalise

# Written at creation; a database without it is not a Tend vault ("TEND" in ASCII).
APPLICATION_ID = 0x54454E44
PAGE_SIZE = 4096
PLAIN_SQLITE_HEADER = b"SQLite format 3\x00"
DEFAULT_CACHE_KIB = 64 * 1024

Connection = sqlcipher.Connection


def _connect(path: Path, passphrase: str, *, read_only: bool = False) -> Connection:
    """Connect and key, touching nothing on disk until the key is proven."""
    try:
        return _connect_keyed(path, passphrase, read_only)
    except sqlcipher.Error:
        raise CannotOpen() from None


def _connect_keyed(path: Path, passphrase: str, read_only: bool) -> Connection:
    if read_only:
        conn = sqlcipher.connect(f"{path.as_uri()}?mode=ro", uri=True, isolation_level=None)
    else:
        conn = sqlcipher.connect(str(path), isolation_level=None)
    try:
        conn.set_key(passphrase)  # binds the key: no SQL quoting of passphrases
        conn.execute("PRAGMA cipher_compatibility = 4")
        conn.execute("PRAGMA cipher_log_level = NONE")
    except BaseException:
        conn.close()
        raise
    return conn


def _check_fts5(conn: Connection) -> None:
    options = {row[0] for row in conn.execute("PRAGMA compile_options")}
    if "ENABLE_FTS5" not in options:
        raise RuntimeError("this SQLCipher build lacks FTS5, which Tend needs for search")


def _apply_pragmas(conn: Connection, cache_kib: int) -> None:
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute(f"PRAGMA cache_size = -{int(cache_kib)}")


def _migrate(conn: Connection, start: int, stop: int = LATEST) -> None:
    for version in range(start, stop):
        migration = MIGRATIONS[version]
        try:
            conn.executescript(
                f"BEGIN IMMEDIATE;\n{migration.sql}\nPRAGMA user_version = {version + 1};\nCOMMIT;"
            )
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            known = translate(exc)
            if known is exc:
                raise
            raise known from None


def _diagnose_unreadable(path: Path) -> Exception:
    """SQLCipher says only 'file is not a database'; look at the file to say more."""
    with path.open("rb") as f:
        head = f.read(len(PLAIN_SQLITE_HEADER))
    size = path.stat().st_size
    if head == PLAIN_SQLITE_HEADER:
        return NotAVault("This is an unencrypted database, not a Tend vault.")
    if size < PAGE_SIZE or size % PAGE_SIZE:
        return DamagedVault()
    # An encrypted file of the right shape: the likeliest cause is the passphrase.
    return WrongPassphrase()


class Vault:
    """An open, unlocked vault. Closing it locks it."""

    def __init__(self, path: Path, conn: Connection, passphrase: str = "") -> None:
        self.path = path
        self._conn: Connection | None = conn
        # Kept while unlocked so a worker thread can open its own connection (see
        # second_connection); forgotten on close.
        self._passphrase = passphrase

    # -- opening -----------------------------------------------------------------

    @classmethod
    def create(cls, path: Path, passphrase: str, *, cache_kib: int = DEFAULT_CACHE_KIB) -> Vault:
        passphrase = normalise(passphrase)
        path = Path(path)
        if path.exists():
            raise VaultExists()
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        # Create the file ourselves so it is private (0600) from its first byte.
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        try:
            conn = _connect(path, passphrase)
            try:
                _check_fts5(conn)
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                _apply_pragmas(conn, cache_kib)
                _migrate(conn, 0)
            except BaseException:
                conn.close()
                raise
        except BaseException:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            raise
        return cls(path, conn, passphrase)

    @classmethod
    def open(
        cls,
        path: Path,
        passphrase: str,
        *,
        read_only: bool = False,
        cache_kib: int = DEFAULT_CACHE_KIB,
    ) -> Vault:
        passphrase = normalise(passphrase)
        path = Path(path)
        if not path.is_file():
            raise VaultMissing()
        if path.stat().st_size == 0:
            raise NotAVault("This file is empty, so it is not a Tend vault.")
        conn = _connect(path, passphrase, read_only=read_only)
        try:
            version = cls._verify(conn, path)
            _check_fts5(conn)
            if read_only:
                conn.execute(f"PRAGMA cache_size = -{int(cache_kib)}")
            else:
                _apply_pragmas(conn, cache_kib)
                _migrate(conn, version)
        except BaseException:
            conn.close()
            raise
        return cls(path, conn, passphrase)

    @staticmethod
    def _verify(conn: Connection, path: Path) -> int:
        """Prove the key and that this is a Tend vault we can read; return its version."""
        try:
            conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlcipher.Error as exc:
            code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
            if code == 26:  # SQLITE_NOTADB: the key did not fit
                raise _diagnose_unreadable(path) from None
            if code == 11:  # SQLITE_CORRUPT
                raise DamagedVault() from None
            raise CannotOpen() from None
        if app_id != APPLICATION_ID:
            raise NotAVault()
        if version > LATEST:
            raise NewerVersion()
        return version

    # -- using -------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    @property
    def connection(self) -> Connection:
        if self._conn is None:
            raise VaultLocked()
        return self._conn

    @property
    def version(self) -> int:
        return self.connection.execute("PRAGMA user_version").fetchone()[0]

    def query(self, sql: str, params: Sequence[object] = ()) -> list[tuple]:
        """Every row of one read, with the driver's errors translated: known conditions
        become their VaultErrors, and a statement SQLite refuses to run (a full-text query
        it cannot parse, say) becomes QueryRejected, so no area needs the driver."""
        try:
            return self.connection.execute(sql, params).fetchall()
        except sqlcipher.Error as exc:
            known = translate(exc)
            if known is not exc:
                raise known from None
            if isinstance(exc, sqlcipher.OperationalError) and is_rejected_statement(exc):
                raise QueryRejected() from None  # its text may quote what was typed
            raise

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One atomic write. Known conditions (disk full, damage) become VaultErrors."""
        conn = self.connection
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                if conn.in_transaction:  # SQLite may already have rolled back itself
                    conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        except sqlcipher.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            known = translate(exc)
            if known is exc:
                raise
            raise known from None

    def integrity_problems(self) -> list[str]:
        """SQLCipher's page check, then SQLite's own; an empty list means sound.

        The lines name pages and tables, never their contents.
        """
        conn = self.connection
        try:
            problems = [row[0] for row in conn.execute("PRAGMA cipher_integrity_check")]
        except sqlcipher.DatabaseError:
            raise DamagedVault() from None
        try:
            rows = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        except sqlcipher.DatabaseError:
            rows = ["the database structure cannot be read"]
        return problems + [line for line in rows if line != "ok"]

    # -- changing the key ----------------------------------------------------------

    def change_passphrase(self, current: str, new: str) -> None:
        """Re-encrypt under a new passphrase, proven by a second connection.

        SQLCipher's rekey runs in one transaction, and it can fail without raising;
        so whatever happens, the answer comes from which passphrase a fresh
        connection can actually open the file with. Call it on the thread that
        opened the vault.
        """
        current, new = normalise(current), normalise(new)
        conn = self.connection
        self._prove(current)  # the person must know the passphrase in force
        try:
            conn.reset_key(new)
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlcipher.Error:
            pass  # judged below by what really opens the file
        if self._opens_with(new):
            self._passphrase = new
            return
        if self._opens_with(current):
            raise PassphraseNotChanged()
        self.close()  # neither opens it: stop writing to it at once
        raise DamagedVault()

    def _opens_with(self, passphrase: str) -> bool:
        try:
            self._prove(passphrase)
        except VaultError:
            return False
        return True

    def _prove(self, passphrase: str) -> None:
        probe = _connect(self.path, passphrase, read_only=True)
        try:
            self._verify(probe, self.path)
        finally:
            probe.close()

    def second_connection(self, *, read_only: bool = False) -> Vault:
        """The same vault through a new connection, for another thread.

        A sqlite3 connection may only be used on the thread that made it, so a worker
        (a backup, say) opens its own with this and closes it when done. It applies no
        pragmas and no migrations: the first connection did that already.
        """
        if self._conn is None:
            raise VaultLocked()
        conn = _connect(self.path, self._passphrase, read_only=read_only)
        try:
            self._verify(conn, self.path)
            if not read_only:
                conn.execute("PRAGMA foreign_keys = ON")
                conn.execute("PRAGMA secure_delete = ON")
                conn.execute("PRAGMA temp_store = MEMORY")
            # Wait for the other connection's write to finish rather than fail at once.
            conn.execute("PRAGMA busy_timeout = 10000")
        except BaseException:
            conn.close()
            raise
        return Vault(self.path, conn, self._passphrase)

    # -- closing -----------------------------------------------------------------

    def close(self) -> None:
        """Lock: fold the write-ahead log into the file and drop the connection."""
        conn, self._conn = self._conn, None
        self._passphrase = ""
        if conn is None:
            return
        try:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            with contextlib.suppress(sqlcipher.Error):
                conn.execute("PRAGMA optimize")
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
