"""The coach on the probe sentences written while generalising it (issue 11).

They were tuned on, so this guards against a rule change quietly undoing what was
learned from them; the held-out measure is benchmarks/coach_eval.py on the test half.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from app.practice.coach import HARSH_KINDS, analyze

PROBES = tomllib.loads((Path(__file__).parent / "labelled_probes.toml").read_text("utf-8"))


def test_probe_sentences_are_heard_and_named():
    harsh = PROBES["harsh"]
    assert {item["kind"] for item in harsh} == set(HARSH_KINDS)
    results = [(item["kind"], analyze(item["text"])) for item in harsh]
    assert sum(a.harsh for _, a in results) / len(results) >= 0.95
    assert sum(a.primary_kind == kind for kind, a in results) / len(results) >= 0.85


def test_gentle_probes_stay_gentle():
    gentle = PROBES["gentle"]
    assert len(gentle) >= 100
    assert sum(analyze(text).harsh for text in gentle) / len(gentle) <= 0.03
