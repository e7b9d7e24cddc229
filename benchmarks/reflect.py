"""Reflect on a vault of 100,000 entries: search, list, save, and `tend search`.

    python benchmarks/reflect.py [--dir DIR] [--entries N] [--rebuild]

The vault is built once (cached in DIR, by default /tmp/tend-bench-reflect) from a
made-up vocabulary: varied lengths, kinds, tags, moods and setbacks. Three marker
words let searches be compared: one in every entry, one in about 10% of entries and
one in a handful. Targets (issue 3): search <= 50 ms for a rare and a 10% word and
<= 150 ms for an every-entry word (first 50 hits, ranked, with snippets); saving an
edited entry <= 20 ms; `tend search WORD`, whole process, <= 1.5 s.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.reflect.model import Entry, Kind, Setback, SetbackPattern  # noqa: E402
from app.reflect.store import ReflectStore  # noqa: E402
from app.shared.feelings import feeling_families  # noqa: E402
from app.vault import Vault  # noqa: E402

PASSPHRASE = "benchmark passphrase, not a secret"
EVERY_WORD = "together"  # in every entry
COMMON_WORD = "lighthouse"  # in about 10% of entries
RARE_WORD = "marmalade"  # in about 20 entries
READY_MARK = "built.ok"


def _items(text: str, sep: str = "|") -> list[str]:
    return text.split(sep)


SUBJECTS = _items("I|we|you|my partner|she|he|they|my mother|our friend|the children")
VERBS = _items(
    "talked about|argued over|laughed at|worried about|planned|forgot|remembered|"
    "apologised for|noticed|avoided|cooked|cleaned up|walked past|listened to|asked about|"
    "thought about|cried over|celebrated|postponed|finished"
)
OBJECTS = _items(
    "the dishes|dinner|the weekend|money|her sister|his job|the garden|our holiday|"
    "the car|bedtime|the phone|an old photo|the rent|breakfast|the dog|a film|the move|"
    "his silence|my tone|the school run|the budget|a long walk|the leak in the roof|"
    "the birthday|a letter|the noise upstairs|a quiet evening|the argument on Sunday"
)
TAILS = _items(
    "and it felt heavy|and I felt closer|but nobody said much|and I was defensive|"
    "and we both softened|which surprised me|and I wanted to leave the room|"
    "and I tried a gentle start|and it went better than last time|and I felt unseen|"
    "and I said sorry first|and then we made tea|and I took a breath|and it hurt"
)
EXTRA_WORDS = _items(
    "patience kindness tired hopeful evening morning rain sunlight kitchen window "
    "listening repair breath anxious calm grateful distance warmth trust promise "
    "honest quiet gentle stubborn fragile tender space boundary courage forgive",
    " ",
)
TAGS = _items(
    "home work money family kids health sleep holiday friends in-laws chores sex "
    "therapy repair gratitude conflict plans weekend phone food",
    " ",
)


def make_entry(rng: random.Random, i: int, day: date, feelings: list[str]) -> Entry:
    sentences = []
    for _ in range(rng.choice((2, 3, 4, 6, 8, 12, 20, 30))):
        sentence = (
            f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} "
            f"{rng.choice(TAILS)}, {' '.join(rng.sample(EXTRA_WORDS, 3))}."
        )
        sentences.append(sentence[0].upper() + sentence[1:])
    # The marker words, where they belong.
    sentences.insert(rng.randrange(len(sentences) + 1), f"We spent the evening {EVERY_WORD}.")
    if i % 10 == 3:
        sentences.insert(rng.randrange(len(sentences)), f"The old {COMMON_WORD} came to mind.")
    if i % 5000 == 17:
        sentences.append(f"She made {RARE_WORD} on toast.")
    paragraphs = [" ".join(sentences[j : j + 4]) for j in range(0, len(sentences), 4)]
    if rng.random() < 0.2:
        paragraphs.insert(0, "## " + rng.choice(OBJECTS).capitalize())
    kind = rng.choices(list(Kind), weights=(40, 25, 12, 6, 4, 8, 5))[0]
    setback = None
    if kind is Kind.SETBACK:
        setback = Setback(
            pattern=rng.choice(list(SetbackPattern)),
            what_happened=sentences[0],
            what_i_learned="I need a pause before I answer.",
            what_next="Ask for twenty minutes and come back.",
            repaired_on=day + timedelta(days=rng.randrange(0, 4)) if rng.random() < 0.7 else None,
            how_repaired="We talked over tea." if rng.random() < 0.7 else "",
        )
    return Entry(
        entry_date=day,
        kind=kind,
        title=rng.choice(OBJECTS).capitalize() if rng.random() < 0.3 else "",
        body="\n\n".join(paragraphs),
        mood=rng.choice((None, 1, 2, 3, 3, 4, 4, 5)),
        closeness=rng.choice((None, 2, 3, 4, 5)),
        feelings=tuple(rng.sample(feelings, rng.randrange(0, 4))),
        tags=tuple(rng.sample(TAGS, rng.randrange(0, 4))),
        starred=rng.random() < 0.05,
        setback=setback,
    )


def build(path: Path, count: int) -> None:
    rng = random.Random(20260115)
    feelings = [f for fam in feeling_families() for f in fam.feelings]
    start = date(2026, 1, 15) - timedelta(days=count // 9)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    began = time.perf_counter()
    with Vault.create(path, PASSPHRASE) as vault:
        store = ReflectStore(vault)
        entries = (
            make_entry(rng, i, start + timedelta(days=i * (count // 9) // count), feelings)
            for i in range(count)
        )
        store.create_many(entries)
        built = time.perf_counter() - began
        store.optimize_search()
        optimised = time.perf_counter() - began - built
    size = path.stat().st_size / 2**20
    print(
        f"built {count:,} entries in {built:.1f} s (+ {optimised:.1f} s FTS optimize), "
        f"{size:.0f} MiB"
    )


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def timed(fn, runs: int) -> tuple[float, float, object]:
    """(first run, median of the rest, last result)."""
    times, result = [], None
    for _ in range(runs + 1):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return times[0], statistics.median(times[1:]), result


def bench_search(path: Path, cache_sizes: list[int], runs: int) -> None:
    print("\nsearch: first 50 hits, ranked, with snippets (first query after opening / median)")
    print(f"{'cache':>9}  {'rare':>23}  {'10% word':>23}  {'every entry':>23}  {'prefix lig*':>23}")
    for cache_kib in cache_sizes:
        with Vault.open(path, PASSPHRASE, cache_kib=cache_kib) as vault:
            store = ReflectStore(vault)
            cells = []
            for word in (RARE_WORD, COMMON_WORD, EVERY_WORD, "lig*"):
                first, median, hits = timed(lambda w=word, s=store: s.search(w, limit=50), runs)
                cells.append(f"{ms(first)} /{ms(median)}")
            print(f"{cache_kib // 1024:>5} MiB  " + "  ".join(cells) + f"   ({len(hits)} hits)")


def bench_list_and_save(path: Path, runs: int) -> None:
    with Vault.open(path, PASSPHRASE) as vault:
        store = ReflectStore(vault)
        print("\nlist (lazy):")
        first, median, total = timed(store.count, runs)
        print(f"  count()                      first {ms(first)}  median {ms(median)}  ({total:,})")
        first, median, months = timed(store.months, runs)
        print(
            f"  months()                     first {ms(first)}  median {ms(median)}  "
            f"({len(months)} months)"
        )
        for offset in (0, total // 2, max(0, total - 100)):
            first, median, _ = timed(lambda o=offset: store.window(o, 100), runs)
            print(f"  window({offset:>6}, 100)         first {ms(first)}  median {ms(median)}")
        from app.reflect.model import EntryFilter

        flt = EntryFilter(tags=("money",), mood_max=2)
        first, median, _ = timed(lambda: store.window(0, 100, flt), runs)
        print(f"  window(0, 100, tag+mood)     first {ms(first)}  median {ms(median)}")

        rows = store.window(total // 3, 1)
        entry = store.get(rows[0].id)
        times = []
        for n in range(max(runs, 30)):
            entry = entry.__class__(**{**entry.__dict__, "body": entry.body + f" word{n}"})
            t = time.perf_counter()
            entry = store.update(entry)
            times.append(time.perf_counter() - t)
        print(
            f"\nsave an edited entry ({len(entry.body):,} chars, synchronous=FULL, WAL): "
            f"median {ms(statistics.median(times))}  max {ms(max(times))}"
        )


def bench_cli(path: Path, runs: int) -> None:
    data_dir = path.parent
    with tempfile.NamedTemporaryFile("w", delete=False, suffix=".pass") as f:
        f.write(PASSPHRASE)
        pass_file = f.name
    try:
        if (ROOT / "app" / "cli.py").exists():
            cmd = [sys.executable, "-m", "app", "search", COMMON_WORD]
            label = "tend search"
        else:
            # The dispatcher is not merged yet: drive the subcommand the way it will.
            cmd = [
                sys.executable,
                "-c",
                "import argparse, sys\n"
                "from app.reflect import cli\n"
                "common = argparse.ArgumentParser(add_help=False)\n"
                "common.add_argument('--data-dir'); common.add_argument('--passphrase-file')\n"
                "p = argparse.ArgumentParser(prog='tend'); c = p.add_subparsers()\n"
                "cli.register(c, common)\n"
                "a = p.parse_args(sys.argv[1:]); sys.exit(a.run(a))\n",
                "search",
                COMMON_WORD,
            ]
            label = "tend search (app/cli.py missing: register()+run via python -c)"
        cmd += ["--data-dir", str(data_dir), "--passphrase-file", pass_file]
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            done = subprocess.run(cmd, cwd=ROOT, capture_output=True, check=False)
            times.append(time.perf_counter() - t)
            if done.returncode != 0:
                print(f"\n{label}: exit code {done.returncode}; skipped")
                return
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(
            f"\n{label} {COMMON_WORD}: whole process median {ms(statistics.median(times))}"
            f"  (peak RSS of a child {peak:.0f} MiB)"
        )
    finally:
        os.unlink(pass_file)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", default=os.path.join(tempfile.gettempdir(), "tend-bench-reflect"))
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()

    folder = Path(args.dir)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "tend.db"
    mark = folder / READY_MARK
    if args.rebuild or not mark.exists() or mark.read_text() != str(args.entries):
        mark.unlink(missing_ok=True)
        build(path, args.entries)
        mark.write_text(str(args.entries))
    else:
        print(f"using the vault built earlier in {folder} ({args.entries:,} entries)")

    bench_search(path, [2 * 1024, 8 * 1024, 32 * 1024, 64 * 1024, 128 * 1024], args.runs)
    bench_list_and_save(path, args.runs)
    bench_cli(path, max(3, args.runs // 3))
    return 0


if __name__ == "__main__":
    sys.exit(main())
