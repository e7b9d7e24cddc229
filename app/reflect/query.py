"""From what a person types in the search box to a safe FTS5 query, and back to spans.

Supported: words (all must appear), prefixes (``calm*``), ``"exact phrases"`` and
the operators ``OR``, ``AND`` and ``NOT`` written in capitals between two terms.
Anything else (an unbalanced quote, a lone operator, stray parentheses or colons)
is searched as plain words. Every term reaches FTS5 as a quoted string, so no user
text is ever parsed as FTS5 syntax and building the query never raises.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from app.reflect.model import EntryRow

MAX_TERMS = 32
MAX_QUERY_CHARS = 1000
OPERATORS = ("AND", "OR", "NOT")

# Private-use characters: they never appear in what people type, so they can mark
# matches in a snippet without any HTML, and the view escapes everything else.
MATCH_START = "\ue000"
MATCH_END = "\ue001"
ELLIPSIS = "…"

_PIECES = re.compile(r'"([^"]*)"|(\S+)')


def _has_word(text: str) -> bool:
    """A letter, a digit, or a symbol such as an emoji (the index keeps those as words;
    a lone modifier such as ^ or a skin tone is not enough on its own)."""
    return any(ch.isalnum() or unicodedata.category(ch) == "So" for ch in text)


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _plain_terms(text: str) -> list[str]:
    """Every whitespace-separated piece with a letter or digit in it, quoted."""
    words = text.replace('"', " ").split()
    return [_quoted(w.rstrip("*")) for w in words if _has_word(w)]


def _structured_terms(text: str) -> list[str] | None:
    """Terms and operators, or None when the text is not well formed."""
    if text.count('"') % 2:
        return None
    out: list[str] = []
    for match in _PIECES.finditer(text):
        phrase, bare = match.group(1), match.group(2)
        if phrase is not None:
            if _has_word(phrase):
                out.append(_quoted(" ".join(phrase.split())))
            continue
        if bare in OPERATORS:
            out.append(bare)
            continue
        if '"' in bare:  # a quote glued to a word, e.g. say"hello": not well formed
            return None
        prefix = bare.endswith("*")
        word = bare.rstrip("*")
        if not _has_word(word):
            continue  # lone punctuation such as "*" or "(" says nothing to search for
        out.append(_quoted(word) + ("*" if prefix else ""))
    return out


def _operators_well_placed(terms: list[str]) -> bool:
    for i, term in enumerate(terms):
        if term in OPERATORS:
            before = terms[i - 1] if i else None
            after = terms[i + 1] if i + 1 < len(terms) else None
            if before is None or after is None or before in OPERATORS or after in OPERATORS:
                return False
    return True


def to_fts_query(text: str) -> str | None:
    """A safe FTS5 MATCH expression for ``text``, or None when nothing is searchable."""
    text = (text or "")[:MAX_QUERY_CHARS]
    terms = _structured_terms(text)
    if terms is None or not _operators_well_placed(terms):
        terms = _plain_terms(text)
    words = [t for t in terms if t not in OPERATORS]
    if not words:
        return None
    if len(words) > MAX_TERMS:
        terms = _plain_terms(text)[:MAX_TERMS]
    # AND is FTS5's default between terms; writing it out changes nothing.
    return " ".join(t for t in terms if t != "AND")


def plain_fallback(text: str) -> str | None:
    """The plainest reading of ``text``: every piece a quoted word, no operators."""
    terms = _plain_terms((text or "")[:MAX_QUERY_CHARS])[:MAX_TERMS]
    return " ".join(terms) or None


# -- marked snippets -------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    text: str
    is_match: bool


def strip_marks(text: str) -> str:
    """Remove the marker characters, should a person ever have typed one."""
    return text.replace(MATCH_START, "").replace(MATCH_END, "")


def spans(marked: str) -> tuple[Span, ...]:
    """Split text from FTS5 snippet()/highlight() into plain and matching spans."""
    out: list[Span] = []
    inside = False
    buf: list[str] = []

    def flush() -> None:
        if buf:
            out.append(Span("".join(buf), inside))
            buf.clear()

    for ch in marked or "":
        if ch == MATCH_START:
            flush()
            inside = True
        elif ch == MATCH_END:
            flush()
            inside = False
        else:
            buf.append(ch)
    flush()
    # Adjacent spans of the same sort (e.g. two marked words) read better as one.
    merged: list[Span] = []
    for span in out:
        if merged and merged[-1].is_match == span.is_match:
            merged[-1] = Span(merged[-1].text + span.text, span.is_match)
        else:
            merged.append(span)
    return tuple(merged)


def spans_text(parts: tuple[Span, ...]) -> str:
    return "".join(p.text for p in parts)


@dataclass(frozen=True)
class SearchHit:
    """One ranked result: the list row, and title and snippet split into spans to mark."""

    row: EntryRow
    title: tuple[Span, ...]
    snippet: tuple[Span, ...]
