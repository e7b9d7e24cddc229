"""The coach, rules and learned model together, on training sets it was not trained on.

    .venv/bin/python benchmarks/coach_cv.py            # needs scikit-learn, like train.py
    .venv/bin/python benchmarks/coach_cv.py --threshold 0.5 0.6

Leave-one-set-out: for each file in tests/practice/coach_train/, a model is trained on
every other training source and the whole coach (`analyze`) reads the file left out,
less its lines that say the same words as a line trained on or a held-out line.
Each file was written blind by a different writer with its own emphasis, so this is the
figure to tune the coach's settings on; the held-out evaluation sets stay unread.
Prints the same figures as coach_eval.py, per file and pooled.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.practice import coach, learned  # noqa: E402

TRAINING = ROOT / "tests" / "practice" / "coach_train"


def _trainer():
    spec = importlib.util.spec_from_file_location("coach_trainer", TRAINING / "train.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(items: list[dict]) -> Counter:
    tally: Counter = Counter()
    for item in items:
        analysis = coach.analyze(item["text"])
        if item["kind"]:
            tally["harsh"] += 1
            tally[f"n:{item['kind']}"] += 1
            if analysis.harsh:
                tally["caught"] += 1
                tally[f"c:{item['kind']}"] += 1
                tally["named"] += analysis.primary_kind == item["kind"]
        else:
            tally["gentle"] += 1
            tally["flagged"] += analysis.harsh
    return tally


def line(name: str, t: Counter) -> str:
    kinds = " ".join(
        f"{k[:4]} {t[f'c:{k}'] / t[f'n:{k}']:.2f}" for k in coach.HARSH_KINDS if t[f"n:{k}"]
    )
    recall, flagged = t["caught"] / max(t["harsh"], 1), t["flagged"] / max(t["gentle"], 1)
    named = t["named"] / max(t["caught"], 1)
    return f"{name:>14}  recall {recall:.3f}  gentle {flagged:.3f}  named {named:.3f}  {kinds}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, nargs="+", default=None)
    parser.add_argument("--c", type=float, default=None, help="regularisation (train.py's C)")
    parser.add_argument(
        "--over-milder", type=float, default=None, help="coach._OVER_MILDER to try instead"
    )
    args = parser.parse_args()
    train = _trainer()
    if args.over_milder is not None:
        coach._OVER_MILDER = args.over_milder
    unseen = train.held_out()
    folds = sorted(TRAINING.glob("*.toml"))
    thresholds = args.threshold or [train.THRESHOLD]
    pooled = {t: Counter() for t in thresholds}
    for fold in folds:
        rest = [p for p in train.sources() if p != fold]
        items = train.training_items(rest)
        meta, weights = train.fit(items, c=args.c or train.C)
        judge = learned.Model(meta, weights)
        learned.model = lambda judge=judge: judge  # the coach asks for it by this name
        # A line that says what a trained-on or held-out line says is not a fair test.
        seen = unseen | {train.same_words(i["text"]) for i in items}
        left_out = [i for i in train.load([fold]) if train.same_words(i["text"]) not in seen]
        for threshold in thresholds:
            judge.threshold = threshold
            tally = score(left_out)
            pooled[threshold] += tally
            print(line(f"{fold.name} {threshold}", tally), flush=True)
    for threshold, tally in pooled.items():
        print(line(f"pooled {threshold}", tally))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
