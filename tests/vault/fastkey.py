"""Open vaults many times in one test without paying SQLCipher's key derivation each time.

SQLCipher 4 derives the page key with PBKDF2-HMAC-SHA512 (256,000 rounds) from the
passphrase and the file's 16-byte salt. Sweeps that open hundreds of copies of one
vault derive it once per salt here and hand SQLCipher the raw key: the same key, so
every page check and every message is the real one, only sooner.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

import pytest

from app.vault import vault as vault_module

KDF_ROUNDS = 256_000


@functools.cache
def _raw_key(passphrase: str, salt: bytes) -> str:
    key = hashlib.pbkdf2_hmac("sha512", passphrase.encode(), salt, KDF_ROUNDS, 32)
    return f"x'{key.hex()}'"


def use_fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on, opening an existing vault derives its key once per salt."""
    original = vault_module._connect_keyed

    def connect(path: Path, passphrase: str, read_only: bool):
        with Path(path).open("rb") as f:
            salt = f.read(16)
        if len(salt) < 16:  # a new or truncated file: SQLCipher does it all itself
            return original(path, passphrase, read_only)
        return original(path, _raw_key(passphrase, salt), read_only)

    monkeypatch.setattr(vault_module, "_connect_keyed", connect)
