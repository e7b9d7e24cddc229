"""`tend coach`: the coach from the terminal. No Qt, no vault, nothing heavy at import."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any, TextIO

STDIN = "-"


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser(
        "coach",
        parents=[common],
        help="read a message and point at what may land badly, and why",
        description=(
            "Analyse TEXT with Tend's coach. With '-' read one text per line from "
            'standard input; a blank line gives {"text": "", "empty": true, "score": null} '
            "with --json (so output lines stay in step with input lines) and is skipped "
            "without it. Needs no vault and no passphrase."
        ),
    )
    parser.add_argument("--json", action="store_true", help="print JSON (one object per line)")
    parser.add_argument("text", nargs="+", metavar="TEXT", help="the words to read, or '-'")
    parser.set_defaults(run=run_coach)


EMPTY = "Nothing to read: the text is empty."


def _empty_json(text: str) -> dict[str, Any]:
    # No score for no words: a number would claim the coach judged something.
    return {
        "text": text,
        "empty": True,
        "harsh": False,
        "score": None,
        "flags": [],
        "strengths": [],
    }


def _as_json(analysis: Any) -> dict[str, Any]:
    # Spans count Unicode code points, as Python's str does.
    return {
        "text": analysis.text,
        "harsh": analysis.harsh,
        "score": analysis.score,
        "flags": [
            {
                "kind": f.kind,
                "severity": f.severity,
                "start": f.start,
                "end": f.end,
                "excerpt": f.excerpt,
                "why": f.why,
                "suggestion": f.suggestion,
                "example": f.example,
            }
            for f in analysis.flags
        ],
        "strengths": [
            {"kind": s.kind, "start": s.start, "end": s.end, "excerpt": s.excerpt, "says": s.says}
            for s in analysis.strengths
        ],
    }


def _as_text(analysis: Any, out: TextIO) -> None:
    from app.practice.checks import kind_label, summary

    out.write(f"{summary(analysis)}\nGentleness: {analysis.score}/100\n")
    for flag in analysis.flags:
        weight = "may land as" if flag.severity == "harsh" else "a softer note:"
        out.write(f'\n  "{flag.excerpt}" ({weight} {kind_label(flag.kind)})\n')
        # "Try" when the kinder words are built from the person's own, else an example.
        lead = "Try" if flag.example else "For example"
        out.write(f"    Why: {flag.why}\n    {lead}: {flag.suggestion}\n")
    if analysis.strengths:
        out.write("\nWhat is kind here:\n")
        for says in dict.fromkeys(s.says for s in analysis.strengths):
            out.write(f"  - {says}\n")


def run_coach(args: argparse.Namespace) -> int:
    try:
        return _coach(args)
    except BrokenPipeError:
        # The reader stopped early (`| head`): nothing went wrong, so say nothing.
        # Point stdout at nothing, so the final flush at exit cannot fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _coach(args: argparse.Namespace) -> int:
    from app.practice.coach import analyze

    out = sys.stdout
    if args.text == [STDIN]:
        for line in sys.stdin:
            text = line.rstrip("\r\n")
            if not text.strip():
                if args.json:
                    out.write(json.dumps(_empty_json(text)) + "\n")
                continue
            analysis = analyze(text)
            if args.json:
                out.write(json.dumps(_as_json(analysis)) + "\n")
            else:
                _as_text(analysis, out)
                out.write("\n")
        return 0
    text = " ".join(args.text)
    if not text.strip():
        if args.json:
            out.write(json.dumps(_empty_json(text)) + "\n")
        else:
            out.write(EMPTY + "\n")
        return 0
    analysis = analyze(text)
    if args.json:
        out.write(json.dumps(_as_json(analysis)) + "\n")
    else:
        _as_text(analysis, out)
    return 0
