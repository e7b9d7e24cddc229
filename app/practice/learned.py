"""The coach's second opinion: a small linear model, learned from sentences we wrote.

The rules in resources/coach/ stay the heart of the coach: they point at exact words
and say why. They miss forms of speech nobody wrote a rule for, so this model reads
each passage the rules let pass. It weighs words, pairs, triples and near pairs of
words, what follows a "not", pieces of words (so "ur" and typos still count) and a few
marks of tone (a "?!", a word in capitals, a curt full stop), and names one of the
four patterns only when it is confident. Its answer is explained the way a rule's is:
by the stretch of words that weighed most.

Pure Python and offline. The weights (resources/coach/model.*) are trained by
tests/practice/coach_train/train.py from the sentences beside it; features are hashed
into a fixed number of buckets and weights kept as bytes, so the file stays small
(a third of a megabyte) and loads in a millisecond.
"""

from __future__ import annotations

import base64
import json
import math
import re
import zlib
from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from app import resources

MODEL = "coach/model.json"
WEIGHTS = "coach/model.weights"
GENTLE = "gentle"
MIN_WORDS = 4

# Text-message spellings read as the words they stand for.
_SPOKEN = {
    "u": "you",
    "ya": "you",
    "ur": "your",
    "r": "are",
    "im": "i'm",
    "ive": "i've",
    "dont": "don't",
    "cant": "can't",
    "wont": "won't",
    "didnt": "didn't",
    "doesnt": "doesn't",
    "isnt": "isn't",
    "wasnt": "wasn't",
    "arent": "aren't",
    "youre": "you're",
    "thats": "that's",
    "whats": "what's",
    "cuz": "because",
    "bc": "because",
    "coz": "because",
    "tho": "though",
    "pls": "please",
    "plz": "please",
    "ok": "okay",
    "k": "okay",
    "kk": "okay",
}
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|\?+!+[?!]*|!+\?+[?!]*|\?+|!+|\.{2,}|…|[.,;:]")
# Someone else's words, reported: read as one placeholder, never for their tone.
_QUOTED = re.compile(r"\"[^\"\n]{1,400}\"|“[^”\n]{1,400}”")
_NEGATIONS = frozenset(
    {"not", "no", "don't", "doesn't", "didn't", "isn't", "wasn't", "aren't", "can't", "won't"}
    | {"never", "nothing", "nobody"}
)
_SCOPE_ENDS = frozenset({".", ",", "?", "!", "?!", ";", ":", "but", "..."})
_NEGATION_SCOPE = 3  # words after a negation that it colours
_NEAR = 3  # how far apart two words may be and still count as a near pair


@dataclass(frozen=True)
class Token:
    word: str  # normalised: lower case, straight apostrophes, texting spelled out
    start: int
    end: int
    shouted: bool  # written in capitals, two letters or more


def tokens(text: str) -> list[Token]:
    out: list[Token] = []
    quoted = [] if _whole_quote(text) else [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        if any(a <= start < b for a, b in quoted):
            if not out or out[-1].word != "<quote>" or out[-1].end < start - 1:
                out.append(Token("<quote>", start, end, False))
            else:
                out[-1] = Token("<quote>", out[-1].start, end, False)
            continue
        raw = match.group()
        word = raw.lower().replace("’", "'")
        if word[0] in "?!":
            word = "?!" if "?" in word and "!" in word else word[0]
        elif word == "…" or word.startswith(".."):
            word = "..."
        word = _SPOKEN.get(word, word)
        shouted = len(raw) > 1 and raw.isalpha() and raw.isupper()
        out.append(Token(word, start, end, shouted))
    return out


def _whole_quote(text: str) -> bool:
    """A whole text in quotes is the person's own line, not reported speech."""
    match = _QUOTED.fullmatch(text.strip())
    return match is not None


def features(words: list[Token]) -> dict[str, tuple[int, int]]:
    """Each feature of a passage, with the range of tokens [first, last) it stands on."""
    found: dict[str, tuple[int, int]] = {}
    plain = [t.word for t in words]
    for family in (_grams, _near_pairs, _negated, _pieces, _tone):
        for name, span in family(plain, words):
            found.setdefault(name, span)
    return found


def _grams(plain: list[str], _words) -> Iterator[tuple[str, tuple[int, int]]]:
    """Words, then pairs and triples of them, with the passage's start and end marked."""
    seq = ["<s>", *plain, "</s>"]
    last = len(plain)
    for i in range(1, len(seq) - 1):
        yield "w:" + seq[i], (i - 1, i)
    for n in (2, 3):
        for i in range(len(seq) - n + 1):
            first = max(i - 1, 0)
            yield f"{n}:" + " ".join(seq[i : i + n]), (first, max(min(i + n - 1, last), first + 1))


def _near_pairs(plain: list[str], _words) -> Iterator[tuple[str, tuple[int, int]]]:
    """Two words a little apart ("you ... again"), whatever comes between."""
    for i, word in enumerate(plain):
        for j in range(i + 2, min(len(plain), i + _NEAR + 1)):
            yield f"near:{word} {plain[j]}", (i, j + 1)


def _negated(plain: list[str], _words) -> Iterator[tuple[str, tuple[int, int]]]:
    """The few words after a "not", up to the end of the clause."""
    scope = 0
    for i, word in enumerate(plain):
        if word in _NEGATIONS:
            scope = _NEGATION_SCOPE
        elif word in _SCOPE_ENDS:
            scope = 0
        elif scope:
            yield "not:" + word, (i, i + 1)
            scope -= 1


def _pieces(plain: list[str], _words) -> Iterator[tuple[str, tuple[int, int]]]:
    """Four-letter pieces across the words, so spellings and typos still count."""
    last = len(plain)
    spaced = " " + " ".join(plain) + " "
    owner = []  # each character of `spaced` back to its token, for the explanation
    for i, word in enumerate(plain):
        owner.extend([i] * (len(word) + 1))
    owner.append(max(last - 1, 0))
    for k in range(len(spaced) - 3):
        yield "c:" + spaced[k : k + 4], (owner[k], min(owner[k + 3] + 1, last) or 1)


def _tone(plain: list[str], words: list[Token]) -> Iterator[tuple[str, tuple[int, int]]]:
    """Shouting, a curt full stop, a line of a word or three."""
    last = len(plain)
    whole = (0, max(last, 1))
    for i, token in enumerate(words):
        if token.shouted:
            yield "tone:shouted", (i, i + 1)
    if plain and plain[-1] == "." and last <= 4:
        yield "tone:curt", whole
    if last <= 3:
        yield "tone:short", whole


def bucket(feature: str, bits: int) -> int:
    return zlib.crc32(feature.encode("utf-8")) & ((1 << bits) - 1)


@dataclass(frozen=True)
class Opinion:
    kind: str  # one of the four patterns
    confidence: float  # the model's probability that the passage is harsh at all
    start: int  # the words that weighed most, as offsets into the passage
    end: int


class Model:
    def __init__(self, meta: dict, weights: array) -> None:
        self.classes: list[str] = meta["classes"]
        self.bias: list[float] = meta["bias"]
        self.threshold: float = meta["threshold"]
        self.bits: int = meta["bits"]
        # Which words it met in training (a bit per bucket): it keeps quiet about text
        # that is mostly words it never saw, another language say, rather than guess.
        self._known = base64.b64decode(meta["known_words"])
        self._scales: list[float] = meta["scales"]
        count = len(self.classes)
        if (
            GENTLE not in self.classes
            or len(weights) != count << self.bits
            or len(self._scales) != count
            or len(self.bias) != count
            or len(self._known) != 1 << (self.bits - 3)
        ):
            raise ValueError("the coach's model weights do not match its description")
        # One row of weights per class, read by bucket: whole numbers from -127 to 127,
        # each row with its own scale (a quarter of the size of 32-bit floats).
        self._rows = [weights[c << self.bits : (c + 1) << self.bits] for c in range(count)]
        self._gentle = self.classes.index(GENTLE)

    def probabilities(self, buckets: list[int]) -> list[float]:
        totals = [
            b + scale * sum(map(row.__getitem__, buckets))
            for b, scale, row in zip(self.bias, self._scales, self._rows, strict=True)
        ]
        top = max(totals)
        exps = [math.exp(t - top) for t in totals]
        whole = sum(exps)
        return [e / whole for e in exps]

    def read(self, passage: str) -> Opinion | None:
        """The pattern this passage most likely follows, or None when it reads gentle."""
        words = tokens(passage)
        if not self.can_judge(words):
            return None
        found = features(words)
        buckets = {name: bucket(name, self.bits) for name in found}
        probs = self.probabilities(list(buckets.values()))
        harsh = 1.0 - probs[self._gentle]
        if harsh < self.threshold:
            return None
        others = [c for c in range(len(probs)) if c != self._gentle]
        best = max(others, key=probs.__getitem__)
        first, last = self._evidence(found, buckets, best, len(words))
        return Opinion(self.classes[best], harsh, words[first].start, words[last - 1].end)

    def can_judge(self, words: list[Token]) -> bool:
        """Whether a passage gives it enough to go on: a few words, at least half of
        them met in training. A line of one to three words is the rules' alone: short
        lines lean most on what came before, which no passage carries."""
        plain = [t.word for t in words if t.word[0].isalnum()]
        known = sum(self._bit(bucket("w:" + word, self.bits)) for word in plain)
        return len(plain) >= MIN_WORDS and known * 2 >= len(plain)

    def _bit(self, at: int) -> bool:
        return bool(self._known[at >> 3] >> (at & 7) & 1)

    def _evidence(self, found, buckets, best: int, count: int) -> tuple[int, int]:
        """The run of words that pushed hardest toward `best` rather than toward gentle."""
        push = [0.0] * count
        toward, away = self._rows[best], self._rows[self._gentle]
        up, down = self._scales[best], self._scales[self._gentle]
        for name, (first, last) in found.items():
            if name.startswith("tone:"):
                continue
            at = buckets[name]
            lean = (toward[at] * up - away[at] * down) / max(last - first, 1)
            for i in range(first, min(last, count)):
                push[i] += lean
        # The run of words whose pushes add up to the most (Kadane's maximum subarray).
        best_sum, best = 0.0, (0, count)
        running, start = 0.0, 0
        for i, value in enumerate(push):
            if running <= 0:
                running, start = 0.0, i
            running += value
            if running > best_sum:
                best_sum, best = running, (start, i + 1)
        return best


@cache
def model() -> Model | None:
    """The shipped model, or None if its files are missing or damaged (the rules then
    work alone, as they did before the model existed)."""
    try:
        meta = json.loads(resources.read_text(MODEL))
        weights = array("b", resources.read_bytes(WEIGHTS))
        return Model(meta, weights)
    except (OSError, ValueError, KeyError, TypeError):
        # Missing or damaged (a broken install): the rules still work, and say as much.
        return None
