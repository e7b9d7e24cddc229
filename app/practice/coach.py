"""The coach: explainable rules that point at what may land badly, and why.

Pure Python, no Qt, no network. Every word list, phrase pattern and message lives in
resources/coach/*.toml; this module only compiles them (once) and applies them.

How a text is read:
- it is split into sentences, so questions, requests and negation are judged locally;
- anything inside quotation marks is reported speech and is never flagged;
- a rule may be switched off by negation before it ("I don't think you're lazy"),
  by the sentence being a request ("Could we always hold hands?"), or by a kinder
  context nearby ("I don't want to talk now; can we come back to it tonight?").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import asdict, dataclass, field, replace
from functools import cache, lru_cache
from typing import Any

# Python's own regular-expression parser, to see which letter a pattern starts with.
# It is private API: should a future Python move it, the coach stays correct, only slower.
try:
    import re._constants as _sre_constants
    import re._parser as _sre
except ImportError:  # pragma: no cover - depends on the Python version
    _sre = _sre_constants = None

from app import resources
from app.practice import learned
from app.practice.suggest import kinder_words
from app.shared.feelings import all_feelings

HARSH_KINDS = ("contempt", "criticism", "defensiveness", "stonewalling")  # by priority
HARSH = "harsh"
NOTE = "note"

# Curly apostrophes and quotes become straight ones, one character for one, so
# patterns stay simple and every span still indexes the original text exactly.
_STRAIGHTEN = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})
_SENTENCE = re.compile(r"[^.!?…。！？؟\n]+(?:[.!?…。！？؟]+[\"'”»)\]]*)?")
_QUOTED = re.compile(
    r"\"[^\"\n]{1,400}\"|“[^”\n]{1,400}”|„[^“”\n]{1,400}[“”]|«[^»\n]{1,400}»|「[^」\n]{1,400}」"
    r"|(?<![\w'])'(?:[^'\n]|'(?=\w)){1,400}'(?!\w)"
)
_PLACEHOLDER = re.compile(r"@([a-z_]+)")
_QUESTION_MARKS = frozenset("?？؟")
_CLAUSE_BREAKS = ",;:—–"
_NEGATION_REACH = 60  # characters before a match that negation may reach back over
_CONJUNCTION = re.compile(r"\b(?:and|but|so|because|or|then|yet|plus)\b", re.IGNORECASE)
_CLAUSE_REACH = 160  # characters after a match that its clause is looked for in
# What still counts as a strength inside a sentence that attacks.
_STRENGTHS_IN_HARSH = frozenset({"feeling", "need"})
_TAKEN_BACK_BY_SCORN = frozenset(
    {"request", "curious_question", "appreciation", "i_statement", "responsibility", "repair"}
)
# Where a word begins: the only places a rule is tried.
_WORD_START = re.compile(r"(?<!\w)[^\W\d_]")


@dataclass(frozen=True)
class Flag:
    kind: str
    severity: str  # "harsh" (one of the four patterns) or "note" (a softer point)
    start: int
    end: int
    excerpt: str
    why: str
    suggestion: str
    rule: str
    # Kinder words built from the person's own (topic, feeling, need), meant to stand in
    # for the sentence the flag is in; "" when the suggestion above is only an example.
    example: str = ""


@dataclass(frozen=True)
class Strength:
    kind: str
    start: int
    end: int
    excerpt: str
    says: str  # a kind sentence that names what the person did well


@dataclass(frozen=True)
class Analysis:
    text: str
    harsh: bool
    score: int
    flags: list[Flag] = field(default_factory=list)
    strengths: list[Strength] = field(default_factory=list)

    @property
    def harsh_flags(self) -> list[Flag]:
        return [f for f in self.flags if f.severity == HARSH]

    @property
    def notes(self) -> list[Flag]:
        return [f for f in self.flags if f.severity == NOTE]

    @property
    def primary_kind(self) -> str | None:
        """The most corrosive of the four patterns present, or None when gentle.

        One exception: a text that opens defensively ("Yes, but you never...") is a
        defensive reply, and the criticism in it is its counter-attack (cross-complaining).
        """
        harsh = self.harsh_flags
        present = {f.kind for f in harsh}
        if harsh and harsh[0].kind == "defensiveness" and "contempt" not in present:
            return "defensiveness"
        return next((kind for kind in HARSH_KINDS if kind in present), None)

    @property
    def strength_kinds(self) -> list[str]:
        return list(dict.fromkeys(s.kind for s in self.strengths))

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "harsh": self.harsh,
            "score": self.score,
            "flags": [asdict(f) for f in self.flags],
            "strengths": [asdict(s) for s in self.strengths],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        return cls(
            text=data["text"],
            harsh=bool(data["harsh"]),
            score=int(data["score"]),
            flags=[Flag(**f) for f in data.get("flags", [])],
            strengths=[Strength(**s) for s in data.get("strengths", [])],
        )


# -- compiling the resources -------------------------------------------------------


@dataclass(frozen=True)
class _Rule:
    id: str
    kind: str
    severity: str
    why: str
    suggestion: str
    skip_if_negated: bool
    skip_in_request: bool
    skip_in_question: bool
    unless: _Lazy | None
    unless_sentence: _Lazy | None
    unless_nearby: _Lazy | None
    replaces: str = ""  # a kind this reading outranks in the same sentence
    if_sentence: _Lazy | None = None  # only when this appears in the same sentence
    whole_line: bool = False  # only when the sentence is all there is on its line


class _Lazy:
    """A pattern compiled on first use: a one-line `tend coach` compiles only what it needs."""

    __slots__ = ("_compiled", "source")

    def __init__(self, source: str) -> None:
        self.source = source
        self._compiled: re.Pattern[str] | None = None

    @property
    def pattern(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.source, re.IGNORECASE)
        return self._compiled

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text)

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.pattern.match(text, pos)


@dataclass(frozen=True)
class _Group:
    """All rules of one kind, split by how their branches start.

    At each word start only the branches that can begin with its letters are tried;
    the few branches that start with punctuation or anything at all are scanned
    for in the usual way.
    """

    by_letter: dict[str, _Lazy]  # by first letter, or by first two characters
    anywhere: _Lazy | None
    rules: dict[str, _Rule]  # by named group
    order: dict[str, int]  # each named group's place among the kind's branches
    # Each letter's bound match method once compiled: the hot loop skips the lazy wrapper.
    matchers: dict[str, Any] = field(default_factory=dict)

    def matcher(self, letter: str):
        found = self.matchers.get(letter)
        if found is None:
            bucket = self.by_letter.get(letter)
            found = bucket.pattern.match if bucket is not None else False
            self.matchers[letter] = found
        return found


class _Compiler:
    def __init__(self, lexicon: dict[str, Any], feelings: list[str]) -> None:
        self._snippets: dict[str, str] = {}
        words = dict(lexicon.get("words", {}))
        words["feeling"] = feelings + list(words.get("feeling_extra", []))
        # For sorting branches by first letter only a list's first letters matter, and
        # parsing a class of them is far cheaper than parsing the whole list.
        self._heads: dict[str, str] = {}
        for name, items in words.items():
            self._snippets[name] = self._alternation(items)
            firsts = sorted({item.replace("’", "'")[:1].lower() for item in items if item})
            self._heads[name] = "[" + "".join(re.escape(ch) for ch in firsts) + "]"
        for name, snippet in lexicon.get("snippets", {}).items():
            self._snippets[name] = snippet
        self._cache: dict[str, str] = {}

    @staticmethod
    def _alternation(items: list[str]) -> str:
        """Any of the words, as a prefix tree: "self-(?:centred|absorbed)".

        A tree is several times quicker to compile and to match than a flat list of a
        few hundred words, and matches the same: where one word is the start of another,
        the longer is tried first, as a flat list sorted longest first would.
        """
        tree: dict[str, dict] = {}
        for item in set(items):
            node = tree
            for token in _tokens(item.replace("’", "'").lower()):
                node = node.setdefault(token, {})
            node[""] = {}  # a word ends here
        return "(?:" + _tree_pattern(tree) + ")"

    def expand(self, pattern: str, depth: int = 0, *, heads: bool = False) -> str:
        """The pattern with its @placeholders filled in.

        With ``heads`` each word list stands in as a class of its first letters: the
        same first letters as the full pattern, for a fraction of the parsing.
        """
        if depth > 5:
            raise ValueError("coach lexicon snippets refer to each other in a loop")

        def replace(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in self._snippets:
                raise KeyError(f"coach pattern uses unknown placeholder @{name}")
            if heads and name in self._heads:
                return self._heads[name]
            return "(?:" + self.expand(self._snippets[name], depth + 1, heads=heads) + ")"

        return _PLACEHOLDER.sub(replace, pattern).replace(" ", r"\s+")

    def optional(self, pattern: str | None) -> _Lazy | None:
        return _Lazy(self.expand(pattern)) if pattern else None


def _tokens(word: str) -> list[str]:
    """One regex atom per character: a space is any run of spaces, an apostrophe optional."""
    atoms = []
    for ch in word:
        if ch == " ":
            atoms.append(r"\s+")
        elif ch == "'":
            atoms.append("'?")
        else:
            atoms.append(re.escape(ch))
    return atoms


def _tree_pattern(node: dict[str, dict]) -> str:
    branches = [token + _tree_pattern(child) for token, child in node.items() if token]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a word may end here, but a longer one is tried first
        return "(?:" + body + ")?"
    return body


def _first_chars(pattern: str) -> frozenset[str] | None:
    """The lower-case letters a pattern can start with, or None if it could start anywhere.

    Read from Python's own parse of the pattern; used only to bucket branches, so a
    wrong "None" costs speed, never a match.
    """
    if _sre is None:
        return None
    try:
        chars, nullable = _first_of(_sre.parse(pattern, re.IGNORECASE))
    except Exception:  # an unusual construct: fall back to trying it everywhere
        return None
    return None if chars is None or nullable else frozenset(chars)


def _literal_pair(pattern: str) -> frozenset[str] | None:
    """The first two characters of a pattern that plainly starts with two letters ("why ...").

    Read from the text, without parsing: most branches start so, and parsing them all
    was most of the coach's start-up time. None when it is not that plain.
    """
    i = 0
    while True:
        if pattern.startswith("\\b", i):
            i += 2
        elif pattern.startswith("^", i):
            i += 1
        else:
            break
    first, second, third = pattern[i : i + 1], pattern[i + 1 : i + 2], pattern[i + 2 : i + 3]
    if not (first.isalpha() and second.isalpha() and third not in ("?", "*", "+", "{")):
        return None
    if _has_top_level_bar(pattern):  # "a...|b...": the other side may start elsewhere
        return None
    return frozenset({(first + second).lower()})


def _has_top_level_bar(pattern: str) -> bool:
    depth, escaped, in_class = 0, False, False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return True
    return False


def _first_pairs(pattern: str) -> frozenset[str] | None:
    """The lower-case pairs of characters a pattern can start with, or None if unknown.

    Like `_first_chars`, only used to bucket branches: a wrong None costs speed only.
    """
    if _sre is None:
        return None
    try:
        starts = _starts(_sre.parse(pattern, re.IGNORECASE))
    except Exception:
        return None
    if starts is None or not starts or any(len(s) < 2 for s in starts):
        return None
    return frozenset(starts)


_PAIR = 2


def _starts(seq) -> set[str] | None:
    """Every way the first two characters of a sequence can read (shorter if it ends)."""
    current = {""}
    for op, av in seq:
        if all(len(p) >= _PAIR for p in current):
            break
        options = _item_starts(op, av)
        if options is None:
            return None
        current = {p if len(p) >= _PAIR else (p + o)[:_PAIR] for p in current for o in options}
        if len(current) > 64:
            return None
    return current


def _item_starts(op, av) -> set[str] | None:
    c = _sre_constants
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return {""}
    if op is c.LITERAL:
        return {chr(av).lower()}
    if op is c.IN:
        chars = set()
        for kind, value in av:
            if kind is c.LITERAL:
                chars.add(chr(value).lower())
            elif kind is c.RANGE and value[1] - value[0] < 32:
                chars |= {chr(x).lower() for x in range(value[0], value[1] + 1)}
            else:
                return None
        return chars
    if op is c.SUBPATTERN:
        return _starts(av[-1])
    if op is c.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            found = _starts(branch)
            if found is None:
                return None
            out |= found
        return out
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)):
        low, high, item = av
        once = _starts(item)
        if once is None:
            return None
        out = {""} if low == 0 else set()
        reps = {""}
        for count in range(1, min(high, _PAIR) + 1):
            reps = {(r + o)[:_PAIR] for r in reps for o in once}
            if count >= low:
                out |= reps
        if low > _PAIR:
            out = reps
        return out
    return None


def _first_of(seq) -> tuple[set[str] | None, bool]:
    chars: set[str] = set()
    for op, av in seq:
        first, nullable = _first_of_item(op, av)
        if first is None:
            return None, False
        chars |= first
        if not nullable:
            return chars, False
    return chars, True


def _first_of_item(op, av) -> tuple[set[str] | None, bool]:
    c = _sre_constants
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return set(), True  # zero width: it constrains, but never consumes
    if op is c.LITERAL:
        return {chr(av).lower()}, False
    if op is c.IN:
        chars = set()
        for kind, value in av:
            if kind is c.LITERAL:
                chars.add(chr(value).lower())
            elif kind is c.RANGE and value[1] - value[0] < 64:
                chars |= {chr(x).lower() for x in range(value[0], value[1] + 1)}
            else:
                return None, False
        return chars, False
    if op is c.SUBPATTERN:
        return _first_of(av[-1])
    if op is c.BRANCH:
        chars, nullable = set(), False
        for branch in av[1]:
            first, empty = _first_of(branch)
            if first is None:
                return None, False
            chars |= first
            nullable = nullable or empty
        return chars, nullable
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)):
        first, empty = _first_of(av[2])
        return first, empty or av[0] == 0
    return None, False


def _bucketed(
    branches: list[tuple[str, str, str]],
) -> tuple[dict[str, _Lazy], _Lazy | None, dict[str, str], dict[str, int]]:
    """Sort branches by how they can start (a branch may sit under several keys).

    A branch whose first two characters are known ("yo", "i'") goes under each such
    pair; one whose first letter only is known goes under that letter; the rest may
    start anywhere. At a word start only the buckets for its pair and its letter are
    tried, instead of a plain alternation of every branch at every character.

    Returns the buckets, the pattern for branches that may start anywhere, a map
    from each named group to its branch name, and each named group's place in the
    original order (so the earlier branch wins, as in one alternation).
    """
    by_key: dict[str, list[tuple[str, str, int]]] = {}
    anywhere: list[tuple[str, str, int]] = []
    for order, (name, body, head) in enumerate(branches):
        pairs = _literal_pair(head) or _first_pairs(head)
        if pairs is not None and all(p[:1].isalpha() for p in pairs):
            for pair in pairs:
                by_key.setdefault(pair, []).append((name, body, order))
            continue
        first = _first_chars(head)
        if first is None or not all(ch.isalpha() for ch in first):
            anywhere.append((name, body, order))
            continue
        for ch in first:
            by_key.setdefault(ch, []).append((name, body, order))
    names: dict[str, str] = {}
    orders: dict[str, int] = {}

    def alternation(members: list[tuple[str, str, int]]) -> str:
        parts = []
        for name, body, order in members:
            alias = f"{name}_{len(names)}"
            names[alias] = name
            orders[alias] = order
            parts.append(f"(?P<{alias}>{body})")
        return "|".join(parts)

    keys = {key: _Lazy(alternation(members)) for key, members in by_key.items()}
    return keys, (_Lazy(alternation(anywhere)) if anywhere else None), names, orders


def _group_rules(compiler: _Compiler, rules: list[dict[str, Any]], prefix: str) -> list[_Group]:
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for rule in rules:
        by_kind.setdefault(rule["kind"], []).append(rule)
    groups = []
    for kind, members in by_kind.items():
        branches, named = [], {}
        for index, rule in enumerate(members):
            compiled = _Rule(
                id=rule["id"],
                kind=kind,
                severity=rule.get("severity", HARSH),
                why=rule.get("why", ""),
                suggestion=rule.get("suggestion", ""),
                skip_if_negated=rule.get("skip_if_negated", False),
                skip_in_request=rule.get("skip_in_request", False),
                skip_in_question=rule.get("skip_in_question", False),
                unless=compiler.optional(rule.get("unless")),
                unless_sentence=compiler.optional(rule.get("unless_sentence")),
                unless_nearby=compiler.optional(rule.get("unless_nearby")),
                replaces=rule.get("replaces", ""),
                if_sentence=compiler.optional(rule.get("if_sentence")),
                whole_line=rule.get("whole_line", False),
            )
            for variant, pattern in enumerate(rule["patterns"]):
                name = f"{prefix}_{kind}_{index}_{variant}"
                head = compiler.expand(pattern, heads=True)
                branches.append((name, compiler.expand(pattern), head))
                named[name] = compiled
        keys, anywhere, aliases, orders = _bucketed(branches)
        rules_by_alias = {alias: named[name] for alias, name in aliases.items()}
        groups.append(_Group(keys, anywhere, rules_by_alias, orders))
    return groups


@dataclass(frozen=True)
class _Coach:
    flag_groups: list[_Group]
    strength_groups: list[_Group]
    says: dict[str, str]
    negation: _Lazy
    request: _Lazy
    scoring: dict[str, int]
    compiler: _Compiler
    reply: dict[str, str]
    heard: dict[str, dict[str, str]]  # how the learned second opinion explains itself


@cache
def _coach() -> _Coach:
    lexicon = resources.load_toml("coach/lexicon.toml")
    compiler = _Compiler(lexicon, list(all_feelings()))
    rules = resources.load_toml("coach/rules.toml")
    strengths = resources.load_toml("coach/strengths.toml")["strength"]
    says = {s["kind"]: s["says"] for s in strengths}
    strength_rules = [{**s, "severity": "strength"} for s in strengths]
    return _Coach(
        flag_groups=_group_rules(compiler, rules["rule"], "f"),
        strength_groups=_group_rules(compiler, strength_rules, "s"),
        says=says,
        negation=_Lazy(compiler.expand(lexicon["snippets"]["negation"])),
        request=_Lazy(compiler.expand(lexicon["snippets"]["request_opening"])),
        scoring=rules["scoring"],
        compiler=compiler,
        reply=rules["reply"],
        heard=rules["heard"],
    )


@cache
def _extra_groups(resource: str) -> list[_Group]:
    """Rule sets used by one exercise only (e.g. what undoes an apology)."""
    coach = _coach()
    return _group_rules(coach.compiler, resources.load_toml(resource)["rule"], "x")


# -- reading a text ----------------------------------------------------------------


@dataclass(frozen=True)
class _Sentence:
    start: int
    end: int
    text: str  # straightened copy of the original slice
    is_question: bool
    is_request: bool


class _Reading:
    """A text split into sentences, with its quoted stretches marked."""

    def __init__(self, text: str, coach: _Coach) -> None:
        self.text = text
        plain = text.translate(_STRAIGHTEN)
        self.sentences: list[_Sentence] = []
        for match in _SENTENCE.finditer(plain):
            raw = match.group()
            lead = len(raw) - len(raw.lstrip())
            body = raw.strip()
            if not body:
                continue
            start = match.start() + lead
            is_question = any(c in _QUESTION_MARKS for c in body[-3:])
            is_request = is_question and coach.request.match(body) is not None
            end = start + len(body)
            self.sentences.append(_Sentence(start, end, body, is_question, is_request))
        self._starts: dict[int, list[tuple[int, str, str]]] = {}
        # Where a harsh rule matched but its own exception read the words kindly
        # ("You never judge me"): the learned model overrules that only when very sure.
        self.declined: list[tuple[int, int]] = []
        self.quotes = self._quoted_stretches(plain)
        self._quote_starts = [a for a, _ in self.quotes]

    @staticmethod
    def _quoted_stretches(plain: str) -> list[tuple[int, int]]:
        stripped = plain.strip()
        lead = len(plain) - len(plain.lstrip())
        stretches = []
        for match in _QUOTED.finditer(plain):
            # A whole text in quotes is the person's own line, not reported speech.
            if match.start() == lead and match.end() == lead + len(stripped):
                continue
            stretches.append((match.start(), match.end()))
        return stretches

    def quoted(self, start: int) -> bool:
        # Quoted stretches never overlap and come in order, so one bisect finds the candidate.
        at = bisect_right(self._quote_starts, start) - 1
        return at >= 0 and start < self.quotes[at][1] and start > self.quotes[at][0]

    def starts(self, index: int) -> list[tuple[int, str, str]]:
        """Where each word of a sentence starts, with its first letter and first two
        characters; read once, then shared by the flags and the strengths."""
        found = self._starts.get(index)
        if found is None:
            text = self.sentences[index].text
            found = [
                (m.start(), m.group().lower(), text[m.start() : m.start() + 2].lower())
                for m in _WORD_START.finditer(text)
            ]
            self._starts[index] = found
        return found

    def alone_on_its_line(self, index: int) -> bool:
        sentence, text = self.sentences[index], self.text
        first = text.rfind("\n", 0, sentence.start) + 1
        last = text.find("\n", sentence.end)
        line = text[first : last if last >= 0 else len(text)]
        return line.strip() == text[sentence.start : sentence.end].strip()

    def neighbours(self, index: int) -> str:
        low, high = max(0, index - 1), min(len(self.sentences), index + 2)
        return " ".join(s.text for s in self.sentences[low:high])


def _negated(coach: _Coach, sentence: _Sentence, offset: int) -> bool:
    before = sentence.text[max(0, offset - _NEGATION_REACH) : offset]
    cut = max(before.rfind(mark) for mark in _CLAUSE_BREAKS)
    if cut >= 0:
        before = before[cut + 1 :]
    # "You never listen and you're pathetic": a negation in the last clause doesn't count.
    before = _CONJUNCTION.split(before)[-1]
    return coach.negation.search(before) is not None


def _clause_from(text: str, match: re.Match[str]) -> str:
    """From the match to the end of its clause: where a kinder reading shows itself."""
    stop = match.end() + _CLAUSE_REACH
    ends = [i for i in (text.find(m, match.end(), stop) for m in _CLAUSE_BREAKS) if i >= 0]
    return text[match.start() : min(ends, default=stop)]


def _group_matches(group: _Group, text: str, starts: list[tuple[int, str, str]]):
    """Non-overlapping matches of one group, leftmost first, as finditer would give."""
    found = []
    if group.anywhere is not None:
        found = [m for m in group.anywhere.pattern.finditer(text) if m.end() > m.start()]
    taken_until = -1
    matchers, matcher, order = group.matchers, group.matcher, group.order
    for pos, letter, pair in starts:
        if pos < taken_until:
            continue
        by_letter = matchers.get(letter)
        if by_letter is None:
            by_letter = matcher(letter)
        by_pair = matchers.get(pair)
        if by_pair is None:
            by_pair = matcher(pair)
        match = by_letter(text, pos) if by_letter else None
        other = by_pair(text, pos) if by_pair else None
        # Both buckets may match here: the branch that comes first in the rules wins.
        if other is not None and (match is None or order[other.lastgroup] < order[match.lastgroup]):
            match = other
        if match is not None and match.end() > pos:
            found.append(match)
            taken_until = match.end()
    if len(found) > 1:
        found.sort(key=lambda m: m.start())
    return found


def _hits(reading: _Reading, index: int, groups: list[_Group], coach: _Coach):
    """Yield (rule, start, end) for each rule hit in one sentence that survives its conditions."""
    sentence = reading.sentences[index]
    starts = reading.starts(index)
    for group in groups:
        for match in _group_matches(group, sentence.text, starts):
            rule = group.rules[match.lastgroup or ""]
            start, end = _trimmed(
                reading.text, sentence.start + match.start(), sentence.start + match.end()
            )
            if start == end or reading.quoted(start):
                continue
            if rule.if_sentence and not rule.if_sentence.search(sentence.text):
                continue
            if rule.whole_line and not reading.alone_on_its_line(index):
                continue
            if _kinder_reading(rule, reading, index, match, coach):
                if rule.severity == HARSH:
                    reading.declined.append((start, end))
                continue
            yield rule, start, end


def _kinder_reading(rule: _Rule, reading: _Reading, index: int, match, coach: _Coach) -> bool:
    """Whether the rule's own exceptions (negation, a request, a kinder clause) apply."""
    sentence = reading.sentences[index]
    return bool(
        (rule.skip_in_request and sentence.is_request)
        or (rule.skip_in_question and sentence.is_question)
        or (rule.skip_if_negated and _negated(coach, sentence, match.start()))
        or (rule.unless and rule.unless.search(_clause_from(sentence.text, match)))
        or (rule.unless_sentence and rule.unless_sentence.search(sentence.text))
        or (rule.unless_nearby and rule.unless_nearby.search(reading.neighbours(index)))
    )


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Spans without surrounding spaces or closing punctuation, so excerpts read cleanly."""
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:.!…"):
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _deduplicated(flags: list[Flag]) -> list[Flag]:
    """One flag per stretch: harsh before notes, and a note inside a harsh span is dropped.

    Called per sentence (no flag crosses one), so the pairwise check stays small.
    """
    flags.sort(key=lambda f: (f.severity != HARSH, f.start, -(f.end - f.start)))
    kept: list[Flag] = []
    for flag in flags:
        span = (flag.start, flag.end)
        clash = any(
            _overlaps(span, (k.start, k.end))
            and (k.kind == flag.kind or (k.severity == HARSH and flag.severity == NOTE))
            for k in kept
        )
        if not clash:
            kept.append(flag)
    kept.sort(key=lambda f: (f.start, f.end))
    return kept


def _read(reading: _Reading, coach: _Coach, groups: list[_Group]):
    """Flags and strengths, sentence by sentence."""
    flags: list[Flag] = []
    strengths: list[Strength] = []
    for index in range(len(reading.sentences)):
        hits = list(_hits(reading, index, groups, coach))
        # "You never told me" in a defensive reply is a counter-move, not a fresh complaint.
        outranked = {r.replaces for r, _, _ in hits if r.replaces}
        found = [
            Flag(r.kind, r.severity, s, e, reading.text[s:e], r.why, r.suggestion, r.id)
            for r, s, e in hits
            if r.kind not in outranked
        ]
        found = _deduplicated(found)
        flags.extend(found)
        harsh_spans = [(f.start, f.end) for f in found if f.severity == HARSH]
        good: list[Strength] = []
        for rule, start, end in _hits(reading, index, coach.strength_groups, coach):
            span = (start, end)
            # "Thanks a lot" inside sarcasm is not appreciation.
            if any(_overlaps(span, h) for h in harsh_spans):
                continue
            # A hostile question is not curious, nor a blaming "I feel that you..." an
            # I-statement: in a sentence that attacks, only a named feeling or need counts.
            if harsh_spans and rule.kind not in _STRENGTHS_IN_HARSH:
                continue
            if any(g.kind == rule.kind and _overlaps(span, (g.start, g.end)) for g in good):
                continue
            good.append(
                Strength(rule.kind, start, end, reading.text[start:end], coach.says[rule.kind])
            )
        good.sort(key=lambda g: (g.start, g.end))
        strengths.extend(good)
    return flags, _earned(flags, strengths)


def _earned(flags: list[Flag], strengths: list[Strength]) -> list[Strength]:
    """Drop praise the rest of the text takes back.

    Inside a harsh sentence that is done in `_read` ("I forgot, alright?!" takes no
    responsibility); here, scorn anywhere in a text colours its requests, questions
    and thanks too.
    """
    if not any(f.kind == "contempt" and f.severity == HARSH for f in flags):
        return strengths
    return [s for s in strengths if s.kind not in _TAKEN_BACK_BY_SCORN]


def _score(coach: _Coach, flags: list[Flag], strengths: list[Strength]) -> int:
    """0-100 gentleness: harsh texts stay below the midpoint, gentle ones at or above it."""
    s = coach.scoring
    harsh = [f for f in flags if f.severity == HARSH]
    notes = len(flags) - len(harsh)
    kinds = len({k.kind for k in strengths})
    score = s["base"] + s["per_strength_kind"] * min(kinds, s["max_strength_kinds"])
    score -= s["per_note"] * notes
    if harsh:
        score -= s["first_harsh"] + s["each_further_harsh"] * (len(harsh) - 1)
        return max(0, min(score, s["harsh_ceiling"]))
    ceiling = s["notes_ceiling"] if notes else 100
    return max(s["gentle_floor"], min(score, ceiling))


def analyze(text: str, *, extra: str | None = None, reply_to: str = "") -> Analysis:
    """Read a text and say what may land badly, what is kind, and how gentle it is.

    ``extra`` names an additional rule file under resources/ used by one exercise
    (for example ``"coach/apology.toml"``). ``reply_to`` is what the partner said, when
    the text answers it: then a complaint in the answer is a counter-complaint, which
    is defensiveness, and kinder words start from what the partner said.
    """
    coach = _coach()
    reading = _Reading(text, coach)
    groups = coach.flag_groups + (_extra_groups(extra) if extra else [])
    flags, strengths = _read(reading, coach, groups)
    flags, strengths = _second_opinion(reading, coach, flags, strengths)
    if reply_to.strip():
        flags = _as_reply(reading, flags, strengths, coach)
    flags = [_personal(flag, reading, reply_to) for flag in flags]
    harsh = any(f.severity == HARSH for f in flags)
    return Analysis(text, harsh, _score(coach, flags, strengths), flags, strengths)


# Strengths no attack wears as a disguise, unlike a request or an "I feel that you...".
_GOODWILL = frozenset(
    {"responsibility", "appreciation", "validation", "paraphrase", "repair", "calm_break"}
    | {"feeling", "need"}
)
_PASSAGE_CHARS = 300  # about as long as the passages the learned model was trained on
# How sure the model must be to overrule a milder reading of the rules (a note, an
# exception, goodwill), chosen leave-one-training-set-out (benchmarks/coach_cv.py).
_OVER_MILDER = 0.9


def _passages(reading: _Reading) -> list[tuple[int, int]]:
    """Runs of sentences (first index, last + 1) within one line, up to a passage long."""
    sentences, text = reading.sentences, reading.text
    runs: list[tuple[int, int]] = []
    first = 0
    for index in range(1, len(sentences)):
        too_long = sentences[index].end - sentences[first].start > _PASSAGE_CHARS
        new_line = "\n" in text[sentences[index - 1].end : sentences[index].start]
        if too_long or new_line:
            runs.append((first, index))
            first = index
    if sentences:
        runs.append((first, len(sentences)))
    return runs


def _second_opinion(
    reading: _Reading, coach: _Coach, flags: list[Flag], strengths: list[Strength]
) -> tuple[list[Flag], list[Strength]]:
    """Where no rule found a harsh pattern, ask the learned model (app/practice/learned.py).

    It reads a passage at a time, as it was trained, and points at the words that
    weighed most. Praise in a sentence it flags is taken back as a rule's would be.
    """
    passages = _passages(reading)
    judge = learned.model() if passages else None  # loaded when there is text to read
    if judge is None:
        return flags, strengths
    # Where a rule found a harsh pattern, the rules' reading stands. A milder reading
    # (a softer note, goodwill the rules are sure of, or a rule's exception that reads
    # the words kindly, as in "You never judge me") gives way only when the model is
    # very sure: the rules hear thanks even when it is sarcastic.
    seen = [(f.start, f.end) for f in flags if f.severity == HARSH]
    milder = [(f.start, f.end) for f in flags if f.severity == NOTE] + reading.declined
    milder += [(s.start, s.end) for s in strengths if s.kind in _GOODWILL]
    heard: list[Flag] = []
    for first, last in passages:
        start, end = reading.sentences[first].start, reading.sentences[last - 1].end
        if any(_overlaps((start, end), span) for span in seen):
            continue
        opinion = judge.read(reading.text[start:end])
        if opinion is None:
            continue
        if opinion.confidence < _OVER_MILDER and any(
            _overlaps((start, end), span) for span in milder
        ):
            continue
        s, e = _trimmed(reading.text, start + opinion.start, start + opinion.end)
        if s >= e:  # the words that weighed most were only punctuation
            s, e = _trimmed(reading.text, start, end)
        says = coach.heard.get(opinion.kind)
        # Someone else's words on a line of their own are reported speech here too.
        if says is None or reading.quoted(s):
            continue
        heard.append(
            Flag(opinion.kind, HARSH, s, e, reading.text[s:e], says["why"], says["suggestion"],
                 f"learned.{opinion.kind}")
        )  # fmt: skip
    if not heard:
        return flags, strengths
    attacked = [
        (sentence.start, sentence.end)
        for sentence in reading.sentences
        if any(_overlaps((sentence.start, sentence.end), (f.start, f.end)) for f in heard)
    ]
    kept = [
        s
        for s in strengths
        if s.kind in _STRENGTHS_IN_HARSH
        or not any(_overlaps((s.start, s.end), span) for span in attacked)
    ]
    # A softer note inside words the model found harsh says less than the model's flag.
    flags = [
        f
        for f in flags
        if f.severity == HARSH
        or not any(_overlaps((f.start, f.end), (h.start, h.end)) for h in heard)
    ]
    flags = sorted([*flags, *heard], key=lambda f: (f.start, f.end))
    return flags, _earned(flags, kept)


# A sentence in a reply that tells the partner what they did ("you left the door open").
_YOU_DID = re.compile(
    r"\b(?:you|u) (?:also |too |just |literally |never |always )?(?:[a-z]+ed|left|forgot|did|said|"
    r"were|spent|went|made|broke|took|told|ate|drank|came|got|kept|let|lost|put|ran|sent|"
    r"bought|don'?t|didn'?t|won'?t|can'?t|never|always)\b[^.!?]{0,60}",
    re.IGNORECASE,
)
_LISTENING = frozenset({"paraphrase", "validation", "curious_question", "responsibility"})


def _as_reply(reading: _Reading, flags: list[Flag], strengths: list[Strength], coach: _Coach):
    """In an answer, criticism is a counter-complaint, and so is a bare "you did X too"."""
    says = coach.reply
    out: list[Flag] = []
    for flag in flags:
        if flag.kind == "criticism" and flag.severity == HARSH:
            flag = Flag(
                "defensiveness",
                HARSH,
                flag.start,
                flag.end,
                flag.excerpt,
                says["why"],
                says["suggestion"],
                "reply.cross_complaint",
            )
        out.append(flag)
    for sentence in reading.sentences:
        span = (sentence.start, sentence.end)
        if any(_overlaps(span, (f.start, f.end)) and f.severity == HARSH for f in out):
            continue
        if any(s.kind in _LISTENING and _overlaps(span, (s.start, s.end)) for s in strengths):
            continue
        match = _YOU_DID.search(sentence.text)
        if match is None or reading.quoted(sentence.start + match.start()):
            continue
        start, end = _trimmed(
            reading.text, sentence.start + match.start(), sentence.start + match.end()
        )
        out.append(
            Flag(
                "defensiveness",
                HARSH,
                start,
                end,
                reading.text[start:end],
                says["why"],
                says["suggestion"],
                "reply.cross_complaint",
            )
        )
    out.sort(key=lambda f: (f.start, f.end))
    return out


@lru_cache(maxsize=512)
def _still_harsh(words: str) -> bool:
    """Kinder words made from harsh ones may carry the harshness over; then offer none.

    Only the four harsh patterns are tried, and no strengths: this runs for every
    flag that gets kinder words, so it stays as light as it can.
    """
    coach = _coach()
    reading = _Reading(words, coach)
    groups = [g for g in coach.flag_groups if _is_harsh_group(g)]
    return any(
        rule.severity == HARSH
        for index in range(len(reading.sentences))
        for rule, _, _ in _hits(reading, index, groups, coach)
    )


def _is_harsh_group(group: _Group) -> bool:
    return any(rule.severity == HARSH for rule in group.rules.values())


def _personal(flag: Flag, reading: _Reading, reply_to: str) -> Flag:
    """Give a harsh flag kinder words made from the person's own, where that is possible."""
    if flag.severity != HARSH:
        return flag
    sentence = next((s for s in reading.sentences if s.start <= flag.start < s.end), None)
    if sentence is None:
        return flag
    kinder = kinder_words(flag.kind, sentence.text, reading.text, reply_to)
    example = kinder.words
    # The templates are gentle; only what they borrow from the person can carry harm.
    if not example or any(_still_harsh(piece) for piece in kinder.borrowed if piece):
        return flag
    lead = flag.suggestion.split(":", 1)[0].rstrip(". ") if ":" in flag.suggestion else ""
    suggestion = f'{lead or "Perhaps"}: "{example}"'
    return replace(flag, suggestion=suggestion, example=example)


def warm_up(*extra: str) -> int:
    """Compile every pattern now (e.g. while a view opens) rather than on first use.

    Also how tests prove that every pattern in the resources is valid, since patterns
    are otherwise compiled lazily. Returns how many patterns were compiled.
    """
    coach = _coach()
    groups = coach.flag_groups + coach.strength_groups
    for resource in extra:
        groups = groups + _extra_groups(resource)
    lazies = [coach.negation, coach.request]
    for group in groups:
        lazies += list(group.by_letter.values())
        lazies += [group.anywhere] if group.anywhere else []
        for rule in group.rules.values():
            conditions = (rule.unless, rule.unless_sentence, rule.unless_nearby, rule.if_sentence)
            lazies += [x for x in conditions if x]
    for lazy in lazies:
        lazy.pattern  # noqa: B018 - compiling is the point
    return len(lazies)
