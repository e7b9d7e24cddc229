"""Passphrase rules: normalised so the same words always open the vault."""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass

from app.vault.errors import EmptyPassphrase


def normalise(passphrase: str) -> str:
    """Unicode NFC, so an accented letter typed two ways is one passphrase."""
    text = unicodedata.normalize("NFC", passphrase)
    if not text:
        raise EmptyPassphrase()
    return text


@dataclass(frozen=True)
class Strength:
    score: int  # 0 (very weak) .. 4 (strong)
    hint: str


_HINTS = (
    "Very weak: a few more words would make this much safer.",
    "Weak: try a short sentence only you would think of.",
    "Fair: adding another word or two helps a lot.",
    "Good.",
    "Strong.",
)


CHOOSE = "Choose a passphrase: a few words you will remember."


def strength(passphrase: str) -> Strength:
    """A rough estimate of guessing effort, from length and the kinds of characters.

    It rewards length over symbols, because four ordinary words beat one tortured one.
    """
    text = unicodedata.normalize("NFC", passphrase)
    if not text:
        return Strength(0, CHOOSE)
    pool = 0
    if any(c.islower() for c in text):
        pool += 26
    if any(c.isupper() for c in text):
        pool += 26
    if any(c.isdigit() for c in text):
        pool += 10
    if any(not c.isalnum() and c.isascii() for c in text):
        pool += 33
    if any(not c.isascii() for c in text):
        pool += 100
    distinct = len(set(text))
    # Repeated characters add little: count length as if capped by variety.
    effective = min(len(text), distinct * 3)
    bits = effective * math.log2(max(pool, 2))
    score = 0 if bits < 28 else 1 if bits < 45 else 2 if bits < 60 else 3 if bits < 80 else 4
    return Strength(score, _HINTS[score])
