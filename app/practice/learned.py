"""The coach's second opinion: a small linear model, learned from sentences we wrote.

The rules in resources/coach/ stay the heart of the coach: they point at exact words
and say why. They miss forms of speech nobody wrote a rule for, so this model reads
each sentence the rules let pass. It weighs words, pairs and triples of words, a few
marks of tone (a "?!", shouting, a curt full stop) and what the rules noticed, and
names one of the four patterns only when it is confident. Its answer is explained the
same way a rule's is: by the stretch of words that weighed most.

Pure Python and offline: the weights are a JSON file in resources/coach/, trained by
tests/practice/coach_train/train.py from the sentences beside it.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache

from app import resources

MODEL = "coach/model.json"
GENTLE = "gentle"

# Text-message spellings read as the words they stand for.
_SPOKEN = {
    "u": "you",
    "ya": "you",
    "ur": "your",
    "r": "are",
    "im": "i'm",
    "ive": "i've",
    "id": "i'd",
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


@dataclass(frozen=True)
class Token:
    word: str  # normalised: lower case, straight apostrophes, texting spelled out
    start: int
    end: int
    shouted: bool  # written in capitals, two letters or more


def tokens(text: str) -> list[Token]:
    out = []
    for match in _TOKEN.finditer(text):
        raw = match.group()
        word = raw.lower().replace("’", "'")
        if word[0] in "?!":
            word = "?!" if "?" in word and "!" in word else word[0]
        elif word in ("…",) or word.startswith(".."):
            word = "..."
        word = _SPOKEN.get(word, word)
        shouted = len(raw) > 1 and raw.isalpha() and raw.isupper() and raw != "I"
        out.append(Token(word, match.start(), match.end(), shouted))
    return out


def features(words: list[Token], noticed: tuple[str, ...] = ()) -> dict[str, tuple[int, int]]:
    """Each feature of a sentence, with the range of tokens it stands on.

    ``noticed`` names what the rules saw in it (a note's kind, a strength's kind).
    """
    found: dict[str, tuple[int, int]] = {}
    seq = ["<s>", *(t.word for t in words), "</s>"]
    for i in range(1, len(seq) - 1):
        found.setdefault("w:" + seq[i], (i - 1, i))
    for n in (2, 3):
        for i in range(len(seq) - n + 1):
            gram = " ".join(seq[i : i + n])
            first, last = max(i - 1, 0), min(i + n - 1, len(words))
            found.setdefault(f"{n}:{gram}", (first, max(last, first + 1)))
    whole = (0, max(len(words), 1))
    for i, token in enumerate(words):
        if token.shouted:
            found.setdefault("tone:shouted", (i, i + 1))
    if words and words[-1].word == "." and len(words) <= 4:
        found["tone:curt"] = whole
    if len(words) <= 3:
        found["tone:short"] = whole
    for kind in noticed:
        found["rule:" + kind] = whole
    return found


@dataclass(frozen=True)
class Opinion:
    kind: str  # one of the four patterns
    confidence: float  # the model's probability for it
    start: int  # the words that weighed most, as offsets into the sentence
    end: int


class Model:
    def __init__(self, data: dict) -> None:
        self.classes: list[str] = data["classes"]
        self.bias: list[float] = data["bias"]
        self.weights: dict[str, list[float]] = data["weights"]
        self.threshold: float = data["threshold"]
        self._gentle = self.classes.index(GENTLE)

    def scores(self, found: dict[str, tuple[int, int]]) -> list[float]:
        totals = list(self.bias)
        for name in found:
            weights = self.weights.get(name)
            if weights is not None:
                for c, w in enumerate(weights):
                    totals[c] += w
        return totals

    def probabilities(self, found: dict[str, tuple[int, int]]) -> list[float]:
        totals = self.scores(found)
        top = max(totals)
        exps = [math.exp(t - top) for t in totals]
        whole = sum(exps)
        return [e / whole for e in exps]

    def read(self, sentence: str, noticed: tuple[str, ...] = ()) -> Opinion | None:
        """The pattern this sentence most likely follows, or None when it reads gentle."""
        words = tokens(sentence)
        if not words:
            return None
        found = features(words, noticed)
        probs = self.probabilities(found)
        harsh = 1.0 - probs[self._gentle]
        if harsh < self.threshold:
            return None
        best = max((c for c in range(len(probs)) if c != self._gentle), key=probs.__getitem__)
        first, last = self._evidence(found, best, len(words))
        return Opinion(self.classes[best], harsh, words[first].start, words[last - 1].end)

    def _evidence(self, found: dict[str, tuple[int, int]], best: int, count: int):
        """The tokens that pushed hardest toward `best` rather than toward gentle."""
        push = [0.0] * count
        for name, (first, last) in found.items():
            weights = self.weights.get(name)
            if weights is None or name.startswith("rule:") or name.startswith("tone:"):
                continue
            lean = weights[best] - weights[self._gentle]
            for i in range(first, min(last, count)):
                push[i] += lean / (last - first)
        strongest = max(range(count), key=push.__getitem__)
        if push[strongest] <= 0:
            return 0, count
        # Grow from the strongest word while the neighbours still lean the same way.
        first, last = strongest, strongest + 1
        while first > 0 and push[first - 1] > 0:
            first -= 1
        while last < count and push[last] > 0:
            last += 1
        return first, last


@cache
def model() -> Model | None:
    """The shipped model, or None if its file is missing (the rules then work alone)."""
    try:
        return Model(json.loads(resources.read_text(MODEL)))
    except FileNotFoundError:
        return None
