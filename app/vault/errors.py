"""Conditions a person can act on, each with a plain message and no user text."""

from __future__ import annotations


class VaultError(Exception):
    """Base for every vault condition a person can act on."""

    message = "Tend could not use its vault."

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or self.message)


class WrongPassphrase(VaultError):
    message = "That passphrase does not open this vault. Check it and try again."


class EmptyPassphrase(VaultError):
    message = "Please enter a passphrase."


class VaultMissing(VaultError):
    message = "There is no Tend vault here yet."


class VaultExists(VaultError):
    message = "A Tend vault already exists here; Tend will not overwrite it."


class NotAVault(VaultError):
    message = "This file is not a Tend vault, or it is damaged."


class DamagedVault(NotAVault):
    message = (
        "The vault file is damaged: some of it cannot be read, so Tend will not write "
        "to it. Your newest good backup can take its place (tend restore FILE); the "
        "damaged file has not been changed."
    )


class CannotOpen(VaultError):
    message = (
        "Tend cannot open the vault file. Check that it is readable and not in use "
        "by another program; the file has not been changed."
    )


class NewerVersion(VaultError):
    message = (
        "This vault was written by a newer version of Tend. "
        "Please update Tend to open it; the file has not been changed."
    )


class ReadOnlyPlace(VaultError):
    message = (
        "The folder holding your vault is read-only, so Tend can read your words but "
        "cannot save new ones there. Nothing was changed."
    )


class VaultBusy(VaultError):
    message = (
        "Tend is busy: another program is writing to your vault right now (perhaps an "
        "import in the terminal). Nothing was lost; please try again in a moment."
    )


class PassphraseChanged(VaultError):
    message = (
        "Your vault's passphrase was changed in another Tend window or in the terminal. "
        "Please unlock it again with the new passphrase."
    )


class AlreadyOpen(VaultError):
    message = (
        "Tend is already open with this vault in another window. Please carry on "
        "there: only one window at a time can change your journal."
    )


class DiskFull(VaultError):
    message = "The disk is full, so Tend could not save. Free some space; nothing was lost."


class CannotWrite(VaultError):
    message = (
        "Tend cannot write to its vault: the file is read-only or partly damaged. "
        "What you saved before is safe."
    )


class VaultLocked(VaultError):
    message = "The vault is locked."


class PassphraseNotChanged(VaultError):
    message = "The passphrase could not be changed. Your old passphrase still works."


class QueryRejected(VaultError):
    """SQLite refused the statement itself (say, a full-text query it cannot parse); the
    vault is fine. The caller decides what to do instead, e.g. search for plainer words.
    The driver's own message is dropped: it can quote what the person typed."""

    message = "Tend could not read that question from the vault as it was put."


# SQLite's primary result codes that a person can do something about.
_SQLITE_ERROR = 1  # the statement is wrong, not the database
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_READONLY = 8
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_NOTADB = 26


def translate(exc: BaseException) -> BaseException:
    """Map a database exception onto a VaultError when it is a known condition.

    Anything else is a bug and is returned unchanged, to be raised as it is.
    """
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        return exc
    primary = code & 0xFF
    if primary == _SQLITE_FULL:
        return DiskFull()
    if primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return DamagedVault()
    if primary == _SQLITE_READONLY:
        return CannotWrite()
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return VaultBusy()
    return exc


def is_rejected_statement(exc: BaseException) -> bool:
    """True when SQLite refused to run a statement as written (SQLITE_ERROR)."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code is not None and code & 0xFF == _SQLITE_ERROR
