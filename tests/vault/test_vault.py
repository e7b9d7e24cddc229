"""The encrypted vault: opening, refusing, changing the key, and keeping words secret."""

from __future__ import annotations

import hashlib
import sqlite3
import stat
import unicodedata
from pathlib import Path

import pytest

from app.vault import (
    DamagedVault,
    DiskFull,
    EmptyPassphrase,
    NewerVersion,
    NotAVault,
    PassphraseNotChanged,
    QueryRejected,
    Settings,
    Vault,
    VaultError,
    VaultExists,
    VaultLocked,
    VaultMissing,
    WrongPassphrase,
)
from app.vault.migrations import LATEST
from tests.conftest import PASSPHRASE


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def closed_vault(vault: Vault) -> Path:
    """A vault with some data in it, closed again; returns its path."""
    with vault.transaction() as conn:
        conn.execute("CREATE TABLE scratch (word TEXT)")
        conn.executemany("INSERT INTO scratch VALUES (?)", [("x" * 400,)] * 300)
    vault.close()
    return vault.path


def test_create_makes_private_folder_and_file(paths, vault):
    assert stat.S_IMODE(paths.data_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE(vault.path.stat().st_mode) == 0o600
    assert vault.version == LATEST


def test_pragmas_are_as_designed(vault):
    conn = vault.connection
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
    assert conn.execute("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY
    assert conn.execute("PRAGMA cipher_version").fetchone()[0].startswith("4.")


def test_fts5_is_available(vault):
    with vault.transaction() as conn:
        conn.execute("CREATE VIRTUAL TABLE probe USING fts5(body)")
        conn.execute("INSERT INTO probe(body) VALUES ('a gentle start'), ('a harsh one')")
    rows = vault.query("SELECT body FROM probe WHERE probe MATCH ?", ("gentle",))
    assert rows == [("a gentle start",)]


def test_a_query_sqlite_refuses_is_rejected_without_quoting_it(vault):
    """The driver's message can quote what was typed; the vault's never does."""
    with vault.transaction() as conn:
        conn.execute("CREATE VIRTUAL TABLE probe USING fts5(body)")
    typed = '"secret-words-5521'
    with pytest.raises(QueryRejected) as caught:
        vault.query("SELECT rowid FROM probe WHERE probe MATCH ?", (typed,))
    assert isinstance(caught.value, VaultError)
    assert "secret-words" not in str(caught.value)
    assert caught.value.__cause__ is None
    assert caught.value.__suppress_context__
    assert vault.query("SELECT count(*) FROM probe") == [(0,)]  # the vault is still fine


def test_create_refuses_to_overwrite(closed_vault):
    before = digest(closed_vault)
    with pytest.raises(VaultExists):
        Vault.create(closed_vault, "another passphrase")
    assert digest(closed_vault) == before


def test_reopen_with_the_right_passphrase(closed_vault):
    with Vault.open(closed_vault, PASSPHRASE) as vault:
        rows = vault.connection.execute("SELECT count(*) FROM scratch").fetchone()[0]
    assert rows == 300


def test_wrong_passphrase_is_distinct_and_leaves_bytes_unchanged(closed_vault):
    before = digest(closed_vault)
    siblings = sorted(p.name for p in closed_vault.parent.iterdir())
    with pytest.raises(WrongPassphrase) as caught:
        Vault.open(closed_vault, "not the passphrase")
    assert "passphrase" in str(caught.value)
    assert digest(closed_vault) == before
    assert sorted(p.name for p in closed_vault.parent.iterdir()) == siblings


def test_passphrase_is_normalised_to_nfc(paths):
    paths.ensure_data_dir()
    composed = "caf\u00e9 au lait"
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    Vault.create(paths.vault, composed).close()
    Vault.open(paths.vault, decomposed).close()


def test_empty_passphrase_is_refused(paths):
    with pytest.raises(EmptyPassphrase):
        Vault.create(paths.vault, "")
    assert not paths.vault.exists()


def test_missing_vault(paths):
    with pytest.raises(VaultMissing):
        Vault.open(paths.vault, PASSPHRASE)
    assert not paths.vault.exists()


def test_empty_file_is_not_a_vault(tmp_path):
    empty = tmp_path / "tend.db"
    empty.write_bytes(b"")
    with pytest.raises(NotAVault):
        Vault.open(empty, PASSPHRASE)
    assert empty.read_bytes() == b""


def test_plain_sqlite_file_is_not_a_vault(tmp_path):
    plain = tmp_path / "tend.db"
    with sqlite3.connect(plain) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    before = digest(plain)
    with pytest.raises(NotAVault) as caught:
        Vault.open(plain, PASSPHRASE)
    assert not isinstance(caught.value, WrongPassphrase)
    assert digest(plain) == before


def test_encrypted_database_of_another_app_is_not_a_vault(tmp_path):
    other = tmp_path / "other.db"
    from sqlcipher3 import dbapi2

    conn = dbapi2.connect(str(other))
    conn.set_key(PASSPHRASE)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = digest(other)
    with pytest.raises(NotAVault):
        Vault.open(other, PASSPHRASE)
    assert digest(other) == before


def test_truncated_file_is_damaged(closed_vault):
    data = closed_vault.read_bytes()
    closed_vault.write_bytes(data[: len(data) // 2 + 100])
    before = digest(closed_vault)
    with pytest.raises(DamagedVault):
        Vault.open(closed_vault, PASSPHRASE)
    assert digest(closed_vault) == before


def test_damaged_page_is_reported_by_the_integrity_check(closed_vault):
    data = bytearray(closed_vault.read_bytes())
    data[len(data) - 4096 * 3 + 200] ^= 0xFF  # flip a byte in one of scratch's last pages
    closed_vault.write_bytes(bytes(data))
    with Vault.open(closed_vault, PASSPHRASE) as vault:
        problems = vault.integrity_problems()
        assert any("HMAC" in line for line in problems)
        with pytest.raises(DamagedVault), vault.transaction() as conn:
            conn.execute("SELECT max(word) FROM scratch").fetchone()
        # Tend then writes nothing more into the damaged file, and says why.
        before = digest(closed_vault)
        with pytest.raises(DamagedVault, match="will not write"), vault.transaction() as conn:
            conn.execute("UPDATE scratch SET word = 'y'")
    assert digest(closed_vault) == before


def test_sound_vault_has_no_integrity_problems(vault):
    assert vault.integrity_problems() == []


def test_newer_version_is_refused_untouched(closed_vault):
    with Vault.open(closed_vault, PASSPHRASE) as vault:
        vault.connection.execute(f"PRAGMA user_version = {LATEST + 1}")
    before = digest(closed_vault)
    with pytest.raises(NewerVersion):
        Vault.open(closed_vault, PASSPHRASE)
    assert digest(closed_vault) == before


def test_change_passphrase(vault):
    Settings(vault).set("marker", 1)
    vault.change_passphrase(PASSPHRASE, "a brand new passphrase")
    Settings(vault).set("marker", 2)  # the open vault goes on working
    vault.close()
    with pytest.raises(WrongPassphrase):
        Vault.open(vault.path, PASSPHRASE)
    with Vault.open(vault.path, "a brand new passphrase") as reopened:
        assert Settings(reopened).get("marker") == 2


def test_change_passphrase_tells_the_truth_when_called_from_another_thread(vault):
    """The rekey itself works there but later steps refuse: the answer must match the file."""
    import threading

    errors: list[BaseException] = []

    def change() -> None:
        try:
            vault.change_passphrase(PASSPHRASE, "words from a worker")
        except BaseException as exc:
            errors.append(exc)

    worker = threading.Thread(target=change)
    worker.start()
    worker.join()
    vault.close()
    if errors:  # reported as not changed: then the old passphrase must still work
        assert isinstance(errors[0], PassphraseNotChanged)
        Vault.open(vault.path, PASSPHRASE).close()
    else:  # reported as changed: then only the new one works
        Vault.open(vault.path, "words from a worker").close()
        with pytest.raises(WrongPassphrase):
            Vault.open(vault.path, PASSPHRASE)


def test_change_passphrase_needs_the_current_one(vault):
    with pytest.raises(WrongPassphrase):
        vault.change_passphrase("a wrong guess", "something new")
    vault.close()
    Vault.open(vault.path, PASSPHRASE).close()


def test_change_passphrase_failure_keeps_the_old_one(closed_vault):
    """A read-only connection cannot rekey; SQLCipher may not say so, so we prove it."""
    before = digest(closed_vault)
    with (
        Vault.open(closed_vault, PASSPHRASE, read_only=True) as vault,
        pytest.raises(PassphraseNotChanged),
    ):
        vault.change_passphrase(PASSPHRASE, "new words")
    assert digest(closed_vault) == before
    Vault.open(closed_vault, PASSPHRASE).close()


def test_disk_full_is_a_plain_error_and_loses_nothing(vault):
    settings = Settings(vault)
    settings.set("kept", "yes")
    pages = vault.connection.execute("PRAGMA page_count").fetchone()[0]
    vault.connection.execute(f"PRAGMA max_page_count = {pages + 1}")
    with pytest.raises(DiskFull), vault.transaction() as conn:
        conn.executemany(
            "INSERT INTO settings(key, value) VALUES (?, ?)",
            [(f"k{i}", "v" * 1000) for i in range(200)],
        )
    assert settings.get("kept") == "yes"
    assert settings.get("k0") is None


def test_transaction_rolls_back_on_error(vault):
    with pytest.raises(RuntimeError), vault.transaction() as conn:
        conn.execute("INSERT INTO settings VALUES ('half', '1')")
        raise RuntimeError("interrupted")
    assert Settings(vault).get("half") is None


def test_closed_vault_refuses_use(vault):
    vault.close()
    assert not vault.is_open
    with pytest.raises(VaultLocked):
        _ = vault.connection
    vault.close()  # closing twice is harmless


def test_settings_round_trip(vault):
    settings = Settings(vault)
    assert settings.get("missing", 7) == 7
    settings.set("nested", {"a": [1, 2], "b": "ü"})
    settings.set("nested", {"a": [3]})
    assert settings.get("nested") == {"a": [3]}


def test_no_written_word_reaches_the_disk_in_clear(paths, vault):
    """Proof of encryption: a marker word is in no file under the data dir."""
    marker = "zebracorn-marker-8841"
    wide = "愛情ünïcödé-8841"  # long enough never to turn up in random ciphertext by chance
    Settings(vault).set("note", f"I wrote {marker} today, and {wide}")
    vault.connection.execute("PRAGMA wal_checkpoint(PASSIVE)")
    from app.config import Config

    Config().save(paths.config)
    files = [p for p in paths.data_dir.rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {"tend.db", "tend.db-wal", "config.json"}
    for path in files:  # while open: the -wal and -shm files exist too
        assert marker.encode() not in path.read_bytes(), path.name
    vault.close()
    for path in paths.data_dir.rglob("*"):
        if path.is_file():
            assert marker.encode() not in path.read_bytes(), path.name
            assert wide.encode() not in path.read_bytes(), path.name


def test_a_declared_setting_reads_its_default_until_written_and_ignores_a_wrong_type(vault):
    from app.vault import Setting, Settings

    minutes = Setting("test.minutes", 5)
    settings = Settings(vault)
    assert settings.read(minutes) == 5
    settings.write(minutes, 9)
    assert settings.read(minutes) == 9
    settings.set("test.minutes", "nine")
    assert settings.read(minutes) == 5
    settings.set("test.minutes", True)
    assert settings.read(minutes) == 5
