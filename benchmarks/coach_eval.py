"""The coach on the hand-written evaluation set (issue 11). Prints figures; asserts nothing.

    python benchmarks/coach_eval.py tests/practice/coach_eval/test.toml
    python benchmarks/coach_eval.py tests/practice/coach_eval/dev.toml --misses

Prints harsh recall, the share of gentle lines flagged, how often the pattern named
(the primary kind) is right among the harsh lines flagged, and each pattern's recall.
`--misses` lists the lines the coach got wrong; it refuses to do so for the held-out sets
(the test half, second.toml and third.toml),
whose sentences nobody tuning the coach should read.

Targets on the test half: harsh recall >= 0.92, gentle flagged <= 0.05, pattern named
right >= 0.85 of the flagged, each pattern's recall >= 0.80.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.practice.coach import HARSH_KINDS, analyze  # noqa: E402

# Held-out sets: figures only, never their sentences.
HELD_OUT = ("test.toml", "second.toml", "third.toml")


def figures(items: list[dict]) -> dict:
    harsh = [i for i in items if i["label"] == "harsh"]
    gentle = [i for i in items if i["label"] == "gentle"]
    per_kind: Counter[str] = Counter(i["kind"] for i in harsh)
    caught_kind: Counter[str] = Counter()
    caught = named = gentle_flagged = 0
    misses = []
    for item in harsh:
        analysis = analyze(item["text"])
        if analysis.harsh:
            caught += 1
            caught_kind[item["kind"]] += 1
            if analysis.primary_kind == item["kind"]:
                named += 1
            else:
                misses.append(("named " + str(analysis.primary_kind), item))
        else:
            misses.append(("missed", item))
    for item in gentle:
        if analyze(item["text"]).harsh:
            gentle_flagged += 1
            misses.append(("gentle flagged", item))
    return {
        "harsh": len(harsh),
        "gentle": len(gentle),
        "recall": caught / len(harsh),
        "gentle_flagged": gentle_flagged / len(gentle),
        "named_right": named / caught if caught else 0.0,
        "per_kind": {k: (caught_kind[k], per_kind[k]) for k in HARSH_KINDS},
        "misses": misses,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--misses", action="store_true", help="list wrong answers (dev only)")
    args = parser.parse_args()
    if args.misses and args.file.name in HELD_OUT:
        print("--misses is for the development half only", file=sys.stderr)
        return 2
    items = tomllib.loads(args.file.read_text(encoding="utf-8"))["item"]
    f = figures(items)
    print(f"{args.file}: {f['harsh']} harsh + {f['gentle']} gentle")
    print(f"  harsh recall            {f['recall']:.3f}  (target >= 0.92)")
    print(f"  gentle flagged          {f['gentle_flagged']:.3f}  (target <= 0.05)")
    print(f"  pattern named right     {f['named_right']:.3f}  of flagged harsh (target >= 0.85)")
    for kind, (hit, n) in f["per_kind"].items():
        print(f"  recall {kind:<16} {hit / n:.3f}  ({hit}/{n}, target >= 0.80)")
    if args.misses:
        for why, item in f["misses"]:
            print(f"  [{why}] ({item['kind'] or 'gentle'}) {item['text']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
