"""The coach on the development half of the hand-written evaluation set (issue 11).

Only dev.toml is read here. test.toml is the held-out half: it is measured by
benchmarks/coach_eval.py and never by the suite, so nothing is ever tuned toward it.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from app.practice.coach import HARSH_KINDS, analyze

DEV = Path(__file__).parent / "coach_eval" / "dev.toml"


@pytest.fixture(scope="module")
def results():
    items = tomllib.loads(DEV.read_text(encoding="utf-8"))["item"]
    return [(item, analyze(item["text"])) for item in items]


def test_the_dev_half_is_well_formed(results):
    kinds = {item["kind"] for item, _ in results if item["label"] == "harsh"}
    assert kinds == set(HARSH_KINDS)
    assert all(item["label"] in ("harsh", "gentle") for item, _ in results)


def test_harsh_lines_are_heard_and_named(results):
    harsh = [(item, a) for item, a in results if item["label"] == "harsh"]
    flagged = [(item, a) for item, a in harsh if a.harsh]
    assert len(flagged) / len(harsh) >= 0.92
    named = sum(a.primary_kind == item["kind"] for item, a in flagged)
    assert named / len(flagged) >= 0.85


def test_gentle_lines_are_rarely_flagged(results):
    gentle = [a for item, a in results if item["label"] == "gentle"]
    assert sum(a.harsh for a in gentle) / len(gentle) <= 0.05


@pytest.mark.parametrize("kind", HARSH_KINDS)
def test_each_pattern_is_caught(results, kind):
    of_kind = [a for item, a in results if item["kind"] == kind]
    assert sum(a.harsh for a in of_kind) / len(of_kind) >= 0.80


def test_kinder_words_built_from_a_harsh_line_are_gentle(results):
    examples = [f.example for _, a in results for f in a.harsh_flags if f.example]
    assert len(examples) >= 20
    assert not any(analyze(words).harsh for words in examples)
