"""`tend coach`: the coach from the terminal. No Qt, no vault, nothing heavy at import."""

from __future__ import annotations

import argparse
import codecs
import json
import os
import sys
from collections.abc import Iterator
from typing import IO, Any, TextIO

STDIN = "-"
# A batch this big is shared among the processor's cores; smaller ones are read here.
_SHARED_FROM = 200


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


def _answer(line: str, as_json: bool) -> str:
    """What one input line gives: a JSON line, or the readable report and a blank line."""
    from io import StringIO

    from app.practice.coach import analyze

    text = line.rstrip("\r")
    if not text.strip():
        return json.dumps(_empty_json(text)) + "\n" if as_json else ""
    analysis = analyze(text)
    if as_json:
        return json.dumps(_as_json(analysis)) + "\n"
    report = StringIO()
    _as_text(analysis, report)
    return report.getvalue() + "\n"


def _answer_json(line: str) -> str:
    return _answer(line, True)


def _answer_text(line: str) -> str:
    return _answer(line, False)


def _batches(stream: IO[bytes]) -> Iterator[list[str]]:
    """Whole lines as they arrive: each batch is what one read found waiting, so a
    program that writes a line and waits for its answer gets it at once."""
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    pending = ""
    while chunk := stream.read1(1 << 16):
        *lines, pending = (pending + decoder.decode(chunk)).split("\n")
        if lines:
            yield lines
    pending += decoder.decode(b"", final=True)
    if pending:
        yield [pending]


class _Cores:
    """Worker processes for big batches (10,000 lines of a file, say), made at the
    first one. Forked, so they start with the coach already loaded; where forking is
    not to be had, or there is one core, every line is read here."""

    def __init__(self) -> None:
        self._pool = None
        self._failed = False

    def map(self, answer, lines: list[str]) -> list[str]:
        if len(lines) >= _SHARED_FROM and not self._failed and self._pool is None:
            self._pool = self._start()
        if len(lines) < _SHARED_FROM or self._pool is None:
            return [answer(line) for line in lines]
        return self._pool.map(answer, lines, chunksize=64)

    def _start(self):
        import multiprocessing

        usable = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
        cores = min(len(usable) if usable else os.cpu_count() or 1, 4)
        if cores < 2 or "fork" not in multiprocessing.get_all_start_methods():
            self._failed = True
            return None
        from app.practice.coach import warm_up

        warm_up()  # compiled once, here, and inherited by every worker
        try:
            return multiprocessing.get_context("fork").Pool(cores, initializer=_worker_setup)
        except OSError:  # no processes to be had (a limit, say): read every line here
            self._failed = True
            return None

    def close(self, *, finished: bool) -> None:
        """Wait for the workers after the last batch; stop them at once otherwise."""
        if self._pool is not None:
            if finished:
                self._pool.close()
            else:
                self._pool.terminate()
            self._pool.join()


def _worker_setup() -> None:
    # Ctrl+C reaches the whole process group: the workers leave it to the main process,
    # which stops them, rather than dying mid-task and leaving it waiting for answers.
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _read_lines(args: argparse.Namespace, out: TextIO) -> int:
    answer = _answer_json if args.json else _answer_text
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None or not hasattr(stream, "read1"):  # a text stream (tests, embedding)
        for line in sys.stdin:
            out.write(answer(line.rstrip("\n")))
        return 0
    cores = _Cores()
    finished = False
    try:
        for lines in _batches(stream):
            out.writelines(cores.map(answer, lines))
            out.flush()
        finished = True
    finally:
        cores.close(finished=finished)
    return 0


def _coach(args: argparse.Namespace) -> int:
    from app.practice.coach import analyze

    out = sys.stdout
    if args.text == [STDIN]:
        return _read_lines(args, out)
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
