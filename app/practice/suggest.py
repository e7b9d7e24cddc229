"""Kinder words built from the person's own: their topic, the feeling they named, their need.

The coach's rules carry a general suggestion each; this module tries to do better by
reusing what the person actually wrote ("you leave wet towels on the bed" becomes
"When you leave wet towels on the bed, I feel ..."). When nothing usable can be read
from the text it returns "", and the rule's general suggestion is shown as an example.

Pure Python and cheap: it only runs for sentences the coach has already flagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from app.shared.feelings import all_feelings

_END = r"(?=\s*(?:[,;:.!?…]|\b(?:and|but|so|because|or|then|unless|if|when|while|ok|okay|"
_END += r"every|each|all the time|again|anymore|any more|as usual|like always|for once)\b|$))"
# What a partner does, after the words that make it a rule about them.
_BEHAVIOUR = re.compile(
    r"\b(?:you|u)(?:'re| are| were)? (?:just |literally |honestly |really |still |even )?"
    r"(?P<how>always|never|constantly|don'?t|do not|didn'?t|did not|won'?t|can'?t|keep)"
    r"(?: even| ever| actually| once)? (?P<act>[a-z][\w' -]{2,70}?)" + _END,
    re.IGNORECASE,
)
_WHY = re.compile(
    r"\b(?:why|how come) (?:do|did|does|would|will|are|were) (?:you|u) (?:always |never |keep )?"
    r"(?P<act>[a-z][\w' -]{2,70}?)" + _END,
    re.IGNORECASE,
)
_WHY_NOT = re.compile(
    r"\b(?:why|how come) (?:don'?t|didn'?t|won'?t|can'?t|couldn'?t) (?:you|u) (?:ever |just )?"
    r"(?P<act>[a-z][\w' -]{2,70}?)" + _END,
    re.IGNORECASE,
)
_TOPIC = re.compile(
    r"\b(?:about|with|over|of|on|for|at) (?P<topic>(?:the|my|our|your|his|her|this|that) "
    r"[a-z][\w'-]*(?: [a-z][\w'-]*)?)",
    re.IGNORECASE,
)
_BARE = re.compile(
    r"\b(?:about|with) (?P<topic>(?!(?:me|you|him|her|it|this|that|them|us|everything|anything|"
    r"everyone|anyone|nothing|someone|yourself|myself|a|an|so|such|the|respect|love|time|regard|"
    r"pleasure|luck)\b)[a-z][\w'-]{2,})",
    re.IGNORECASE,
)
_NOUN = re.compile(r"\b(?P<topic>(?:the|my|our) [a-z][\w'-]*(?: [a-z][\w'-]*)?)", re.IGNORECASE)
_NEED = re.compile(r"\bI (?:really )?need (?P<need>[a-z][\w' -]{2,60}?)" + _END, re.IGNORECASE)
_OWN_ACT = re.compile(
    r"\bI (?P<act>(?:was|had|forgot|didn'?t|got|left|missed|had to) [a-z][\w' -]{1,50}?)" + _END,
    re.IGNORECASE,
)
# Words that end a topic phrase early ("the bed every" -> "the bed"): joining words,
# pronouns, words of time and place, and verbs that begin a new clause.
_TOPIC_STOP = frozenset(
    [
        "and",
        "but",
        "so",
        "because",
        "or",
        "then",
        "every",
        "each",
        "again",
        "all",
        "when",
        "whenever",
        "if",
        "while",
        "to",
        "is",
        "are",
        "was",
        "were",
        "who",
        "whom",
        "which",
        "that",
        "what",
        "where",
        "this",
        "these",
        "those",
        "for",
        "before",
        "after",
        "since",
        "until",
        "till",
        "ever",
        "now",
        "today",
        "tonight",
        "yesterday",
        "here",
        "there",
        "i",
        "you",
        "he",
        "she",
        "we",
        "they",
        "it",
        "me",
        "him",
        "her",
        "us",
        "them",
        "a",
        "an",
        "of",
        "in",
        "on",
        "at",
        "by",
        "from",
        "with",
        "about",
        "into",
        "has",
        "had",
        "have",
        "will",
        "would",
        "can",
        "could",
        "did",
        "does",
        "do",
        "got",
        "gets",
        "went",
        "goes",
        "came",
        "comes",
        "broke",
        "left",
        "made",
        "said",
        "took",
        "thinks",
        "think",
        "feels",
        "like",
        "too",
        "as",
        "than",
        "though",
        "anyway",
        "really",
        "either",
        "please",
        "even",
        "who's",
        "that's",
        "it's",
        "what's",
    ]
)
# Phrases too empty to talk about, and words that make a phrase a judgement or a figure
# of speech rather than a topic ("the only one", "the most disorganised", "my god").
_VAGUE = frozenset(
    {"the one", "the way", "the point", "the time", "the thing", "the rest", "my god", "the lot"}
)
_NOT_A_TOPIC = frozenset(
    [
        "only",
        "most",
        "least",
        "best",
        "worst",
        "right",
        "wrong",
        "same",
        "great",
        "real",
        "other",
        "biggest",
        "smallest",
        "greatest",
        "stupidest",
        "dumbest",
    ]
)
_SWAP = {
    "anything": "something",
    "anyone": "someone",
    "anybody": "somebody",
    "ever": "",
    "any": "some",
    "even": "",
    "literally": "",
    "actually": "",
}
_STRONG = {"hate": "find it hard", "despise": "find it hard"}


_FEELING_AFTER = re.compile(
    r"\bI(?:'m| am| feel| felt| was| get| got|'ve been| have been)"
    r"(?: so| really| very| quite| a bit| a little| just| kind of)* "
    r"(?P<words>[a-z][\w-]*(?: [a-z][\w-]*){0,2})",
    re.IGNORECASE,
)


@cache
def _feeling_words() -> frozenset[str]:
    return frozenset(w.lower() for w in all_feelings())


def _clean(phrase: str) -> str:
    words = phrase.strip(" ,;:-'").split()
    kept = [_SWAP.get(w.lower(), w) for w in words]
    return " ".join(w for w in kept if w)


def _topic(sentence: str) -> str:
    for pattern in (_TOPIC, _BARE, _NOUN):
        for match in pattern.finditer(sentence):
            words = []
            for word in match.group("topic").split():
                if words and word.lower() in _TOPIC_STOP:
                    break
                words.append(word)
            topic = " ".join(words)
            if (len(words) >= 2 or pattern is _BARE) and _is_topic(words):
                return topic[0].lower() + topic[1:]
    return ""


def _is_topic(words: list[str]) -> bool:
    lowered = [w.lower() for w in words]
    if " ".join(lowered) in _VAGUE or lowered[-1] in _TOPIC_STOP:
        return False
    return not (len(lowered) >= 2 and lowered[1] in _NOT_A_TOPIC)


def _feeling(text: str, fallback: str) -> str:
    """The first feeling the person named ("I feel so lonely"), longest wording first."""
    known = _feeling_words()
    for match in _FEELING_AFTER.finditer(text):
        words = match.group("words").lower().split()
        for size in range(len(words), 0, -1):
            candidate = " ".join(words[:size])
            if candidate in known:
                return candidate
    return fallback


@dataclass(frozen=True)
class Kinder:
    words: str  # the kinder line, "" when none could be made
    borrowed: tuple[str, ...] = ()  # the pieces of it taken from the person's text


NONE = Kinder("")


def kinder_words(kind: str, sentence: str, text: str, reply_to: str = "") -> Kinder:
    """A kinder line made from the person's own words, or NONE when none can be made.

    The templates are ours and gentle; what may carry harshness over is only what is
    borrowed from the person, so the coach checks those pieces (see `borrowed`).
    """
    if kind == "criticism":
        return _for_criticism(sentence, text)
    if kind == "contempt":
        return _for_contempt(sentence, text)
    if kind == "defensiveness":
        return _for_defensiveness(sentence, text, reply_to)
    if kind == "stonewalling":
        return _for_stonewalling(sentence)
    return NONE


def _for_criticism(sentence: str, text: str) -> Kinder:
    feeling = _feeling(text, "hurt")
    need = _NEED.search(text)
    needed = _clean(need.group("need")) if need else ""
    ask = f"I need {needed}." if needed else "Could we talk about it?"
    match = _WHY_NOT.search(sentence)
    if match:
        act = _clean(match.group("act"))
        return Kinder(
            f"I'd really love it if you'd {act}. When it doesn't happen, I feel {feeling}.", (act,)
        )
    match = _BEHAVIOUR.search(sentence)
    if match:
        how, act = match.group("how").lower(), _clean(match.group("act"))
        if how in ("always", "constantly", "keep"):
            return Kinder(f"When you {act}, I feel {feeling}. {ask}", (act, needed))
        return Kinder(
            f"I'd really love it if you'd {act}. When it doesn't happen, I feel {feeling}.", (act,)
        )
    match = _WHY.search(sentence)
    if match:
        act = _clean(match.group("act"))
        return Kinder(f"When you {act}, I feel {feeling}. {ask}", (act, needed))
    topic = _topic(sentence)
    if topic:
        return Kinder(f"I feel {feeling} about {topic}. {ask}", (topic, needed))
    return NONE


def _for_contempt(sentence: str, text: str) -> Kinder:
    topic = _topic(sentence)
    if not topic:
        return NONE
    feeling = _feeling(text, "hurt and fed up")
    return Kinder(
        f"I'm {feeling} about {topic}, and I'd like us to talk about it properly.", (topic,)
    )


_SUBJECT_BEFORE = frozenset(
    [
        "and",
        "but",
        "that",
        "like",
        "if",
        "when",
        "because",
        "so",
        "as",
        "while",
        "though",
        "then",
        "or",
        "where",
    ]
)
_SWAPS = {
    "you're": "I'm",
    "you've": "I've",
    "you'd": "I'd",
    "you'll": "I'll",
    "yourself": "myself",
    "your": "my",
    "yours": "mine",
    "my": "your",
    "mine": "yours",
    "me": "you",
    "i": "you",
    "i'm": "you're",
    "i've": "you've",
    "i'd": "you'd",
    "i'll": "you'll",
    "myself": "yourself",
}


def _flipped(words: str) -> str:
    """Their words from my side: "you left your coat" becomes "I left my coat"."""
    out: list[str] = []
    for word in words.split():
        core = word.strip(".,!?;:")
        low = core.lower()
        previous = out[-1].strip(",;:").lower() if out else ""
        if low == "you":
            # "you" as a subject becomes "I"; as an object ("I miss you"), "me".
            swap = "I" if not out or previous in _SUBJECT_BEFORE or out[-1][-1:] in ",;:" else "me"
        elif low in ("was", "am") and previous == "you":
            swap = "were" if low == "was" else "are"
        else:
            swap = _SWAPS.get(low)
        out.append(word.replace(core, swap) if swap else word)
    return " ".join(out).strip(" .!?")


_FEELS = re.compile(r"^(?:it feels like|i feel like|i feel that|i feel as if|i felt like)\s+", re.I)


def _heard(partner: str) -> str:
    """One sentence of what the partner said, said back from the listener's side."""
    sentences = [x.strip() for x in re.split(r"(?<=[.!?])\s+", partner.strip()) if x.strip()]
    # The sentence that says how it felt is the one most worth saying back.
    felt = [x for x in sentences if re.search(r"\b(?:feel|felt|hurt|alone|scared|upset)", x, re.I)]
    for sentence in felt + sentences:
        if len(sentence.split()) > 22:
            continue
        bare = _FEELS.sub("", sentence)
        said = _flipped(bare)
        if not re.match(r"I\b|I'", said):
            said = said[:1].lower() + said[1:]
        return f"you feel {said}" if bare != sentence else said
    return ""


def _for_defensiveness(sentence: str, text: str, reply_to: str) -> Kinder:
    if reply_to.strip():
        # Answering them: the kinder words start from what they said, not from ours.
        heard = _heard(reply_to)
        if not heard:
            return NONE
        if re.match(r"I\b|I'", heard):  # what they said I did
            words = f"You're right that {heard}. I'm sorry."
        else:  # how it was for them
            words = f"It sounds like {heard}. That makes sense."
        return Kinder(f"{words} Can I also tell you what was going on for me?", (heard,))
    own = _OWN_ACT.search(sentence)
    if own:
        act = _clean(own.group("act"))
        return Kinder(
            f"I'm sorry I left it with you; I {act}, and I'd still like to hear how it was "
            "for you.",
            (f"I {act}",),
        )
    topic = _topic(sentence)
    if topic:
        return Kinder(
            f"You've got a point about {topic}. Tell me more about how it was for you?", (topic,)
        )
    return NONE


def _for_stonewalling(sentence: str) -> Kinder:
    topic = _topic(sentence)
    if not topic:
        return NONE
    return Kinder(
        f"I can't talk about {topic} well right now. Can we come back to it after dinner?",
        (topic,),
    )
