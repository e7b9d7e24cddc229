"""The encrypted store: the only place in Tend that opens a database connection."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlcipher

from app.vault.errors import (
    CannotOpen,
    CannotWrite,
    DamagedVault,
    DiskFull,
    NewerVersion,
    NotAVault,
    PassphraseChanged,
    PassphraseNotChanged,
    QueryRejected,
    ReadOnlyPlace,
    VaultError,
    VaultExists,
    VaultLocked,
    VaultMissing,
    WrongPassphrase,
    is_rejected_statement,
    translate,
)
from app.vault.guard import GuardedConnection
from app.vault.instance import InstanceLock
from app.vault.migrations import LATEST, MIGRATIONS
from app.vault.passphrase import normalise

# Written at creation; a database without it is not a Tend vault ("TEND" in ASCII).
APPLICATION_ID = 0x54454E44
PAGE_SIZE = 4096
PLAIN_SQLITE_HEADER = b"SQLite format 3\x00"
DEFAULT_CACHE_KIB = 64 * 1024
# How long a write waits for another process's write (a long import) to finish before
# Tend says it is busy: long enough to ride out ordinary saves, short enough that a
# window never looks frozen for long.
BUSY_TIMEOUT_S = 3.0
# The window waits less, so typing never stalls for long; its editor tries again by
# itself once the words are kept on screen.
WINDOW_BUSY_TIMEOUT_S = 0.3
# Below this much free space, a failed open is blamed on the full disk.
LOW_SPACE_BYTES = 256 * 1024

Connection = GuardedConnection


def _connect(path: Path, passphrase: str, *, read_only: bool = False) -> sqlcipher.Connection:
    """Connect and key, touching nothing on disk until the key is proven."""
    try:
        return _connect_keyed(path, passphrase, read_only)
    except sqlcipher.Error:
        raise CannotOpen() from None


def _read_only_uri(path: Path) -> str:
    """How to read the file while creating nothing beside it.

    With no -wal and no -shm beside it, no connection has the vault open and its log
    is folded into the file: it is read as it is (immutable), so a read-only folder, a
    full disk and `tend check` all work and leave the folder as they found it. While
    another connection uses the vault, its -wal holds the newest pages, so SQLite's
    usual read-only mode reads through the log and the files already there.
    """
    in_use = any(Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-shm"))
    return f"{path.as_uri()}?mode=ro" if in_use else f"{path.as_uri()}?mode=ro&immutable=1"


# Searches run on a worker thread with the window's connection (SQLite is built
# thread-safe, serialising calls on one connection), so the connection is not tied to
# the thread that opened it; the session waits for workers before closing it.
def _connect_keyed(path: Path, passphrase: str, read_only: bool) -> sqlcipher.Connection:
    if read_only:
        conn = sqlcipher.connect(
            _read_only_uri(path),
            uri=True,
            isolation_level=None,
            timeout=BUSY_TIMEOUT_S,
            check_same_thread=False,
        )
    else:
        conn = sqlcipher.connect(
            str(path), isolation_level=None, timeout=BUSY_TIMEOUT_S, check_same_thread=False
        )
    try:
        conn.set_key(passphrase)  # binds the key: no SQL quoting of passphrases
        conn.execute("PRAGMA cipher_compatibility = 4")
        conn.execute("PRAGMA cipher_log_level = NONE")
    except BaseException:
        conn.close()
        raise
    return conn


def _place_problem(path: Path) -> VaultError | None:
    """Why a vault cannot be opened for writing, when the cause lies around the file."""
    if not os.access(path.parent, os.W_OK) or not os.access(path, os.W_OK):
        return ReadOnlyPlace()
    try:
        space = os.statvfs(path.parent)
    except OSError:
        return None
    if space.f_bavail * space.f_frsize < LOW_SPACE_BYTES:
        return DiskFull()
    return None


def _check_fts5(conn: sqlcipher.Connection) -> None:
    options = {row[0] for row in conn.execute("PRAGMA compile_options")}
    if "ENABLE_FTS5" not in options:
        raise RuntimeError("this SQLCipher build lacks FTS5, which Tend needs for search")


def _apply_pragmas(conn: sqlcipher.Connection, cache_kib: int) -> None:
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute(f"PRAGMA cache_size = -{int(cache_kib)}")


def _migrate(conn: sqlcipher.Connection, start: int, stop: int = LATEST) -> None:
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

    def __init__(
        self,
        path: Path,
        conn: sqlcipher.Connection,
        passphrase: str = "",
        *,
        read_only: bool = False,
        instance_lock: InstanceLock | None = None,
    ) -> None:
        self.path = path
        self.read_only = read_only
        # Kept while unlocked so a worker thread can open its own connection (see
        # second_connection); forgotten on close.
        self._passphrase = passphrase
        self._children: list[Vault] = []  # second connections, closed with this one
        # Why a window opened it read-only (a read-only folder, a full disk), if it did.
        self.read_only_reason: VaultError | None = None
        self._raw: sqlcipher.Connection | None = conn
        self._guarded = GuardedConnection(conn, self._translate)
        self._instance_lock = instance_lock
        # Set once a page could not be read (or the key stopped fitting): from then on
        # nothing is written, so a damaged file is never made worse.
        self.problem: VaultError | None = None
        # Told once, when that happens: the window shows one message, not one per paint.
        self.problem_listeners: list[Callable[[VaultError], None]] = []

    # -- opening -----------------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path,
        passphrase: str,
        *,
        cache_kib: int = DEFAULT_CACHE_KIB,
        exclusive: bool = False,
    ) -> Vault:
        passphrase = normalise(passphrase)
        path = Path(path)
        if path.exists():
            raise VaultExists()
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        lock = InstanceLock.take(path) if exclusive else None
        try:
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
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        return cls(path, conn, passphrase, instance_lock=lock)

    @classmethod
    def open(
        cls,
        path: Path,
        passphrase: str,
        *,
        read_only: bool = False,
        cache_kib: int = DEFAULT_CACHE_KIB,
        exclusive: bool = False,
        busy_timeout_s: float | None = None,
    ) -> Vault:
        """Open and unlock. ``exclusive``: this process alone may hold it (the window).
        ``busy_timeout_s``: how long a write waits for another process's (default
        BUSY_TIMEOUT_S)."""
        passphrase = normalise(passphrase)
        path = Path(path)
        if not path.is_file():
            raise VaultMissing()
        if path.stat().st_size == 0:
            raise NotAVault("This file is empty, so it is not a Tend vault.")
        lock = InstanceLock.take(path) if exclusive else None
        try:
            conn = cls._open_connection(path, passphrase, read_only, cache_kib)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        if busy_timeout_s is not None:
            conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_s * 1000)}")
        return cls(path, conn, passphrase, read_only=read_only, instance_lock=lock)

    @classmethod
    def _open_connection(
        cls, path: Path, passphrase: str, read_only: bool, cache_kib: int
    ) -> sqlcipher.Connection:
        try:
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
        except (CannotOpen, CannotWrite, DiskFull, sqlcipher.Error) as exc:
            # Blame the real cause when it lies around the file (a read-only folder, a
            # full disk), not "another program".
            known = None if read_only else _place_problem(path)
            if known is not None:
                raise known from None
            if isinstance(exc, VaultError):
                raise
            raise CannotOpen() from None
        return conn

    @staticmethod
    def _verify(conn: sqlcipher.Connection, path: Path) -> int:
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
            known = translate(exc)
            if isinstance(known, VaultError) and known is not exc:
                raise known from None
            raise CannotOpen() from None
        if app_id != APPLICATION_ID:
            raise NotAVault()
        if version > LATEST:
            raise NewerVersion()
        return version

    # -- using -------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self._raw is not None

    @property
    def connection(self) -> GuardedConnection:
        """For reading; every failure arrives as a VaultError when a person can act on it."""
        if self._raw is None:
            raise VaultLocked()
        if isinstance(self.problem, PassphraseChanged):
            raise PassphraseChanged()
        return self._guarded

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
    def transaction(self) -> Iterator[GuardedConnection]:
        """One atomic write. Known conditions (disk full, damage) become VaultErrors."""
        guarded = self.connection
        if self.problem is not None:
            raise type(self.problem)()  # never write into a damaged file
        conn = guarded.raw
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield guarded
            except BaseException:
                if conn.in_transaction:  # SQLite may already have rolled back itself
                    conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        except sqlcipher.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            known = self._translate(exc)
            if known is exc:
                raise
            raise known from None

    def _translate(self, exc: BaseException) -> BaseException:
        """translate(), and on damage: is it damage, or a key changed elsewhere?"""
        known = translate(exc)
        if not isinstance(known, DamagedVault):
            return known
        if self.problem is None:
            self.problem = self._diagnose_damage()
            for listener in list(self.problem_listeners):
                listener(self.problem)
        return type(self.problem)()

    def _diagnose_damage(self) -> VaultError:
        """Every page failing its check means the key no longer fits: the passphrase was
        changed by another process. Some pages failing means damage."""
        conn = self._raw
        try:
            pages = self.path.stat().st_size // PAGE_SIZE
            failed = len(conn.execute("PRAGMA cipher_integrity_check").fetchall()) if conn else 0
        except (OSError, sqlcipher.Error):
            return DamagedVault()
        return PassphraseChanged() if pages and failed >= pages else DamagedVault()

    def check_pages(self) -> None:
        """Raise DamagedVault unless every page of the file passes SQLCipher's check.

        Cheaper than integrity_problems(); run before a write that would otherwise
        touch only sound pages of a damaged file (`tend write`).
        """
        conn = self.connection.raw
        try:
            failed = conn.execute("PRAGMA cipher_integrity_check").fetchone()
        except sqlcipher.Error as exc:
            known = self._translate(exc)
            raise (known if known is not exc else DamagedVault()) from None
        if failed is not None:
            self.problem = self.problem or DamagedVault()
            raise DamagedVault()

    def integrity_problems(self) -> list[str]:
        """SQLCipher's page check, then SQLite's own; an empty list means sound.

        The lines name pages and tables, never their contents.
        """
        conn = self.connection.raw
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
        conn = self.connection.raw
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
        if self._raw is None:
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
        child = Vault(self.path, conn, self._passphrase, read_only=read_only)
        self._children = [*(c for c in self._children if c.is_open), child]
        return child

    # -- closing -----------------------------------------------------------------

    def close(self) -> None:
        """Lock: fold the write-ahead log into the file and drop the connection."""
        conn, self._raw = self._raw, None
        lock, self._instance_lock = self._instance_lock, None
        self._passphrase = ""
        children, self._children = self._children, []
        for child in children:  # locking closes every connection to the file
            child.close()
        try:
            if conn is None:
                return
            try:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                with contextlib.suppress(sqlcipher.Error):
                    # A damaged file gets nothing more, not even the log folded in.
                    if not self.read_only and self.problem is None:
                        conn.execute("PRAGMA optimize")
                        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                conn.close()
        finally:
            if lock is not None:
                lock.release()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
