"""Marked titles and snippets for search hits, at a bounded cost however long the entry.

FTS5's snippet() weighs every match in a column against every other, so its time
grows with the square of the matches in one entry (12 s for a 1 MB entry). The index
still decides which entries match and how they rank; here the words are marked in
Python, in at most SCAN_CHARS characters from the start of a column, read with
substr(): a first match further in than that leaves the snippet showing the entry's
opening words, unmarked.

The matching mirrors the index's tokenizer (unicode61, remove_diacritics 2, letters,
numbers and symbols as word characters): case and accents are ignored, a term
matches whole words, a prefix term (calm*) the start of words, and a phrase its
words in order with only separators between them.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from app.reflect.query import ELLIPSIS, OPERATORS, Span

SCAN_CHARS = 256 * 1024  # how far into a column a match is looked for
BEFORE_CHARS = 60  # context shown before the first match
SNIPPET_CHARS = 220  # about twenty words

_FTS_TERM = re.compile(r'"((?:[^"]|"")*)"(\*?)|(\S+)')
_WORD_EDGE_BEFORE = r"(?<![^\W_])"
_WORD_EDGE_AFTER = r"(?![^\W_])"
_SEPARATORS = r"[\W_]+"


@functools.cache
def _variants() -> dict[str, str]:
    """Each plain lower-case letter, with every accented form folding onto it."""
    forms: dict[str, set[str]] = {}
    ranges = (range(0x00C0, 0x0250), range(0x1E00, 0x1F00))
    for code in (c for r in ranges for c in r):
        ch = chr(code)
        base = unicodedata.normalize("NFKD", ch)[:1].lower()
        if base.isascii() and base.isalpha():
            forms.setdefault(base, {base, base.upper()}).update({ch, ch.lower(), ch.upper()})
    return {
        base: "[" + "".join(sorted(re.escape(c) for c in chars if len(c) == 1)) + "]"
        for base, chars in forms.items()
    }


def fold(text: str) -> str:
    """Lower case, accents removed: how the index sees a word."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _word_pattern(word: str) -> str:
    variants = _variants()
    return "".join(variants.get(ch, re.escape(ch)) for ch in fold(word))


def _term_pattern(phrase: str, prefix: bool) -> str | None:
    words = re.findall(r"[^\W_]+|[^\w\s]", phrase)
    words = [w for w in words if w.isalnum() or unicodedata.category(w[0]) == "So"]
    if not words:
        return None
    body = _SEPARATORS.join(_word_pattern(w) for w in words)
    tail = r"[^\W_]*" if prefix else _WORD_EDGE_AFTER
    return _WORD_EDGE_BEFORE + body + tail


def terms_of(expression: str) -> list[tuple[str, bool]]:
    """The (phrase, is_prefix) terms of an FTS5 expression from query.to_fts_query,
    leaving out operators and the term after NOT (it is what did not match)."""
    terms: list[tuple[str, bool]] = []
    skip = False
    for match in _FTS_TERM.finditer(expression):
        quoted, star, bare = match.groups()
        if bare is not None:
            if bare in OPERATORS:
                skip = bare == "NOT"
                continue
            phrase, prefix = bare.rstrip("*"), bare.endswith("*")
        else:
            phrase, prefix = quoted.replace('""', '"'), bool(star)
        if not skip:
            terms.append((phrase, prefix))
        skip = False
    return terms


class Marker:
    """Finds a query's words in text; built once per search."""

    def __init__(self, terms: Iterable[tuple[str, bool]]) -> None:
        patterns = [p for p in (_term_pattern(t, prefix) for t, prefix in terms) if p]
        self._pattern = re.compile("|".join(patterns), re.IGNORECASE) if patterns else None

    @classmethod
    def for_expression(cls, expression: str) -> Marker:
        return cls(terms_of(expression))

    def _matches(self, text: str, start: int = 0, end: int | None = None) -> list[re.Match]:
        if self._pattern is None:
            return []
        stop = len(text) if end is None else end
        return [m for m in self._pattern.finditer(text, start, stop) if m.end() > m.start()]

    def mark(self, text: str) -> tuple[Span, ...]:
        """All of ``text`` (a title), its matching words marked."""
        return _spans(text, self._matches(text[:SCAN_CHARS]), 0, len(text))

    def first_match(self, text: str) -> re.Match | None:
        if self._pattern is None:
            return None
        found = self._pattern.search(text, 0, min(len(text), SCAN_CHARS))
        return found

    def snippet(self, text: str, found: re.Match | None, whole: bool) -> tuple[Span, ...]:
        """About twenty words around the first match (or the opening words), on one line.

        ``whole``: ``text`` is the entire column, so no ellipsis is owed at its end.
        """
        if found is None:
            start = 0
        else:
            start = max(0, found.start() - BEFORE_CHARS)
            if start:  # begin at a word
                space = text.find(" ", start, found.start())
                start = space + 1 if space >= 0 else start
        end = min(len(text), start + SNIPPET_CHARS)
        if end < len(text):  # end at a word
            space = text.rfind(" ", start, end)
            end = space if space > (found.end() if found else start) else end
        spans = _spans(text, self._matches(text, start, end), start, end)
        lead = (Span(ELLIPSIS, False),) if start else ()
        trail = (Span(ELLIPSIS, False),) if end < len(text) or not whole else ()
        return _one_line(lead + spans + trail)


def _spans(text: str, matches: list[re.Match], start: int, end: int) -> tuple[Span, ...]:
    out: list[Span] = []
    at = start
    for m in matches:
        if m.start() < at or m.end() > end:
            continue
        if m.start() > at:
            out.append(Span(text[at : m.start()], False))
        out.append(Span(m.group(0), True))
        at = m.end()
    if at < end:
        out.append(Span(text[at:end], False))
    return tuple(out)


def _one_line(parts: tuple[Span, ...]) -> tuple[Span, ...]:
    """A snippet is read as one line: line breaks and indents fold into single spaces."""
    out: list[Span] = []
    for i, part in enumerate(parts):
        text = re.sub(r"\s+", " ", part.text)
        if i == 0:
            text = text.lstrip()
        if i == len(parts) - 1:
            text = text.rstrip()
        if not text:
            continue
        if out and out[-1].is_match == part.is_match:
            out[-1] = Span(out[-1].text + text, part.is_match)
        else:
            out.append(Span(text, part.is_match))
    return tuple(out)
