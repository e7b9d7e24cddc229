"""From what a person types to a safe FTS5 query, and marked snippets to spans."""

from __future__ import annotations

import pytest

from app.reflect.query import (
    MATCH_END,
    MATCH_START,
    Span,
    plain_fallback,
    spans,
    spans_text,
    to_fts_query,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("calm", '"calm"'),
        ("calm evening", '"calm" "evening"'),
        ("defens*", '"defens"*'),
        ('"gentle start"', '"gentle start"'),
        ('"gentle   start" tea', '"gentle start" "tea"'),
        ("tea OR coffee", '"tea" OR "coffee"'),
        ("tea AND coffee", '"tea" "coffee"'),
        ("tea NOT coffee", '"tea" NOT "coffee"'),
        ("near and not", '"near" "and" "not"'),
        ("NEAR(a b)", '"NEAR(a" "b)"'),
        ("title:secret", '"title:secret"'),
        ("café", '"café"'),
        ("今日 静か", '"今日" "静か"'),
    ],
)
def test_supported_syntax(text, expected):
    assert to_fts_query(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"unbalanced quote', '"unbalanced" "quote"'),
        ("OR", '"OR"'),
        ("tea OR", '"tea" "OR"'),
        ("NOT tea", '"NOT" "tea"'),
        ("tea AND OR coffee", '"tea" "AND" "OR" "coffee"'),
        ('say"hello', '"say" "hello"'),
    ],
)
def test_bad_syntax_becomes_plain_words(text, expected):
    assert to_fts_query(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "*", "()", '""', "- : ^", None])
def test_nothing_searchable_gives_none(text):
    assert to_fts_query(text) is None


@pytest.mark.parametrize(
    "text",
    ['"', '""""', 'a"b"c"', "((((", "**a**", "\x00", "a" * 5000, "x " * 500, "OR OR OR"],
)
def test_never_raises(text):
    result = to_fts_query(text)
    assert result is None or result.count('"') % 2 == 0
    plain_fallback(text)


def test_terms_are_capped():
    assert to_fts_query("w " * 100).count('"') == 2 * 32


def test_spans_split_marked_text():
    marked = f"we had {MATCH_START}tea{MATCH_END} and {MATCH_START}talked{MATCH_END}."
    assert spans(marked) == (
        Span("we had ", False),
        Span("tea", True),
        Span(" and ", False),
        Span("talked", True),
        Span(".", False),
    )
    assert spans_text(spans(marked)) == "we had tea and talked."


def test_markup_in_text_stays_plain_text():
    marked = f"<b>{MATCH_START}&amp;{MATCH_END}</b>"
    assert spans(marked) == (Span("<b>", False), Span("&amp;", True), Span("</b>", False))


def test_empty_snippet_has_no_spans():
    assert spans("") == ()


def test_an_emoji_is_a_word_to_search_for():
    assert to_fts_query("🙂") == '"🙂"'
