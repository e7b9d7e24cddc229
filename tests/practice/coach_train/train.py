"""Train the coach's second opinion (app/practice/learned.py) and write its files.

    .venv/bin/pip install scikit-learn   # only this script needs it
    .venv/bin/python tests/practice/coach_train/train.py

Reads the sentences in this folder (a.toml ... x.toml, written for training, blind to
the coach and to the evaluation sets) and the development half of the evaluation set
(../coach_eval/dev.toml). The held-out sets (the test half, second.toml and third.toml) are never
learned from: their texts are read only so that a training line saying exactly the
same is left out. Writes
resources/coach/model.json (classes, bias, threshold, and a fingerprint of what it was
trained on) and resources/coach/model.weights (signed bytes, one row of 2**BITS weights
per class, each row times its scale in model.json).

THRESHOLD and C were chosen on the development half, with a model trained on this
folder alone (see README.md here for the figures).
"""

from __future__ import annotations

import base64
import hashlib
import json
import sys
import tomllib
from array import array
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from app.practice.learned import GENTLE, bucket, features, tokens  # noqa: E402

BITS = 16
C = 1.0
THRESHOLD = 0.6


# The coach's earlier labelled sets, written by this project while tuning the rules.
# labelled_fresh.toml stays out: it is one more set the model has never seen.
EARLIER = ("labelled_sentences.toml", "labelled_heldout.toml", "labelled_probes.toml")


def sources(*, with_dev: bool = True) -> list[Path]:
    paths = [*sorted(HERE.glob("*.toml")), *(HERE.parent / name for name in EARLIER)]
    return [*paths, HERE.parent / "coach_eval" / "dev.toml"] if with_dev else paths


HELD_OUT = ("test.toml", "second.toml", "third.toml")


def same_words(text: str) -> str:
    """A text's words alone: "Fine." and "fine" say the same."""
    return " ".join(t.word for t in tokens(text) if t.word[0].isalnum())


def held_out() -> set[str]:
    """The held-out sets' texts, read for one thing only: a training line that happens
    to say the same words (a short "k", say) is left out, so they stay unseen."""
    texts = set()
    for name in HELD_OUT:
        data = tomllib.loads((HERE.parent / "coach_eval" / name).read_text("utf-8"))
        texts |= {same_words(item["text"]) for item in data["item"]}
    return texts


def training_items(paths: list[Path] | None = None) -> list[dict]:
    unseen = held_out()
    chosen = sources() if paths is None else paths
    return [i for i in load(chosen) if same_words(i["text"]) not in unseen]


def fingerprint(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def load(paths: list[Path]) -> list[dict]:
    """Items as {text, kind}; kind is "" for gentle. Reads both of the folder's layouts."""
    items = []
    for path in paths:
        data = tomllib.loads(path.read_text("utf-8"))
        items += [{"text": i["text"], "kind": i["kind"]} for i in data.get("item", [])]
        items += [{"text": i["text"], "kind": i["kind"]} for i in data.get("harsh", [])]
        items += [{"text": text, "kind": ""} for text in data.get("gentle", [])]
    return items


def fit(items: list[dict], *, c: float = C, threshold: float = THRESHOLD) -> tuple[dict, array]:
    """The model's description and weights, learned from `items` (needs scikit-learn)."""
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    rows, labels = [], []
    known = bytearray(1 << (BITS - 3))  # a bit per bucket: the words met here
    for item in items:
        found = features(tokens(item["text"]))
        rows.append(sorted({bucket(f, BITS) for f in found}))
        labels.append(item["kind"] or GENTLE)
        for name in found:
            if name.startswith("w:"):
                at = bucket(name, BITS)
                known[at >> 3] |= 1 << (at & 7)
    pointers = [0]
    for row in rows:
        pointers.append(pointers[-1] + len(row))
    columns = [b for row in rows for b in row]
    matrix = csr_matrix(([1.0] * len(columns), columns, pointers), shape=(len(rows), 1 << BITS))
    fitted = LogisticRegression(C=c, max_iter=5000).fit(matrix, labels)
    # Each class's row as whole numbers from -127 to 127 times a scale: a byte a weight.
    scales = [max(abs(float(w)) for w in row) / 127 or 1.0 for row in fitted.coef_]
    weights = array(
        "b",
        (
            round(float(w) / scale)
            for row, scale in zip(fitted.coef_, scales, strict=True)
            for w in row
        ),
    )
    meta = {
        "about": "Tend's coach: a linear model over hashed features; see app/practice/learned.py",
        "classes": [str(name) for name in fitted.classes_],
        "bias": [round(float(b), 6) for b in fitted.intercept_],
        "scales": [round(scale, 9) for scale in scales],
        "bits": BITS,
        "threshold": threshold,
        "known_words": base64.b64encode(bytes(known)).decode("ascii"),
        "items": len(items),
    }
    return meta, weights


def main() -> None:
    paths = sources()
    items = training_items()
    meta, weights = fit(items)
    meta["trained_on"] = fingerprint(paths)
    out = ROOT / "resources" / "coach"
    (out / "model.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    (out / "model.weights").write_bytes(weights.tobytes())
    print(f"trained on {len(items)} items from {len(paths)} files; classes {meta['classes']}")


if __name__ == "__main__":
    main()
