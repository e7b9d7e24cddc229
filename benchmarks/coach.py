"""How well and how fast the coach works. Prints figures; asserts nothing.

    python benchmarks/coach.py

Targets (issue 4): on the labelled set at least 90% of harsh sentences flagged, at
most 10% of gentle ones, the right pattern named for at least 80%; `tend coach TEXT`
whole process <= 300 ms; 10,000 sentences in one `tend coach --json -` run <= 3 s.
"""

from __future__ import annotations

import compileall
import importlib.util
import statistics
import subprocess
import sys
import time
import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.practice.coach import HARSH_KINDS, analyze  # noqa: E402

SETS = {
    "labelled set (tuned on)": ROOT / "tests/practice/labelled_sentences.toml",
    "held-out set (its misses guided the practice-fix review)": ROOT
    / "tests/practice/labelled_heldout.toml",
    "fresh set (written after that review, never tuned on)": ROOT
    / "tests/practice/labelled_fresh.toml",
}
ONE_TEXT = "You never listen to me, whatever."
RUNS = 15
SENTENCES = 10_000

# Without the lead's dispatcher (app/cli.py), the same work through app.practice.cli.
_DIRECT = (
    "import argparse, sys\n"
    "from app.practice import cli\n"
    "p = argparse.ArgumentParser(); c = argparse.ArgumentParser(add_help=False)\n"
    "cli.register(p.add_subparsers(), c)\n"
    "a = p.parse_args(['coach'] + sys.argv[1:]); sys.exit(a.run(a))\n"
)


def confusion(name: str, path: Path) -> None:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    harsh, gentle = data["harsh"], data["gentle"]
    caught = named = 0
    per_kind: Counter[str] = Counter()
    per_kind_caught: Counter[str] = Counter()
    per_kind_named: Counter[str] = Counter()
    for item in harsh:
        analysis = analyze(item["text"])
        per_kind[item["kind"]] += 1
        if analysis.harsh:
            caught += 1
            per_kind_caught[item["kind"]] += 1
        if analysis.primary_kind == item["kind"]:
            named += 1
            per_kind_named[item["kind"]] += 1
    false_alarms = sum(analyze(text).harsh for text in gentle)
    print(f"\n{name}: {len(harsh)} harsh + {len(gentle)} gentle = {len(harsh) + len(gentle)}")
    print(f"  {'':>14} {'flagged':>9} {'not':>6}")
    print(f"  {'harsh':>14} {caught:>9} {len(harsh) - caught:>6}")
    print(f"  {'gentle':>14} {false_alarms:>9} {len(gentle) - false_alarms:>6}")
    print(
        f"  harsh flagged {caught / len(harsh):.1%} (target >= 90%), "
        f"gentle flagged {false_alarms / len(gentle):.1%} (target <= 10%), "
        f"right pattern {named / len(harsh):.1%} (target >= 80%)"
    )
    print(f"  {'pattern':>14} {'n':>4} {'flagged':>9} {'named':>7}")
    for kind in HARSH_KINDS:
        n = per_kind[kind]
        flagged, right = per_kind_caught[kind] / n, per_kind_named[kind] / n
        print(f"  {kind:>14} {n:>4} {flagged:>9.0%} {right:>7.0%}")


def _command() -> tuple[list[str], str]:
    if importlib.util.find_spec("app.cli") is not None:
        return [sys.executable, "-m", "app", "coach"], "python -m app coach"
    return [sys.executable, "-c", _DIRECT], "app.practice.cli directly (no dispatcher yet)"


def whole_process() -> None:
    command, label = _command()
    if importlib.util.find_spec("app.cli") is None:
        print("\n`python -m app coach` skipped: app/cli.py (the dispatcher) is not here yet.")
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run([*command, ONE_TEXT], cwd=ROOT, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    print(
        f"\nwhole process, {label}: median {statistics.median(times) * 1000:.0f} ms "
        f"over {RUNS} runs (target <= 300 ms)"
    )


def many_lines() -> None:
    command, label = _command()
    sources = []
    for path in SETS.values():
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        sources += [item["text"] for item in data["harsh"]] + data["gentle"]
    # Distinct lines, so nothing could be served from a cache.
    lines = [f"{sources[i % len(sources)]} ({i})" for i in range(SENTENCES)]
    payload = "\n".join(lines) + "\n"
    start = time.perf_counter()
    done = subprocess.run(
        [*command, "--json", "-"],
        cwd=ROOT,
        input=payload,
        text=True,
        encoding="utf-8",
        capture_output=True,
        check=True,
    )
    elapsed = time.perf_counter() - start
    count = len(done.stdout.splitlines())
    print(
        f"{SENTENCES:,} sentences in one --json - run, {label}: {elapsed:.2f} s "
        f"including process start, {count:,} JSON lines out (target <= 3 s)"
    )


def main() -> None:
    # As an installed wheel's are: without bytecode every run would compile the sources.
    compileall.compile_dir(str(ROOT / "app"), quiet=1)
    for name, path in SETS.items():
        confusion(name, path)
    whole_process()
    many_lines()


if __name__ == "__main__":
    main()
