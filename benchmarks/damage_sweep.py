"""1,000 random byte mutations of a small vault: every command answers calmly.

    python benchmarks/damage_sweep.py [--mutations N] [--seed S]

Each round copies a small vault (about 100 pages of journal entries), changes one
byte at a random place to a random value, and runs `tend check`, `tend list`,
`tend search` (plain and JSON) and `tend write` in this process. It prints how each
command ended: exit 0, exit 1 with Tend's own message, or anything else (a
traceback, which must never happen), and whether write ever wrote into a damaged
file. The suite runs the same check over each page once
(tests/vault/test_damage_sweep.py).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import random
import shutil
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402

from app.cli import main as tend  # noqa: E402
from tests.conftest import PASSPHRASE  # noqa: E402
from tests.vault.fastkey import use_fast_kdf  # noqa: E402
from tests.vault.test_damage_sweep import build_small_vault  # noqa: E402

COMMANDS = {
    "check": ["check"],
    "list": ["list"],
    "search": ["search", "garden"],
    "search --json": ["search", "gard*", "--json"],
    "write": ["write"],
}


def run(args: list[str]) -> tuple[str, str]:
    """How a command ended, and what it printed on stderr."""
    out, err = io.StringIO(), io.StringIO()
    old_stdin, sys.stdin = sys.stdin, io.StringIO("A few words for today.")
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = tend(args)
    except BaseException:
        return "TRACEBACK", traceback.format_exc(limit=3)
    finally:
        sys.stdin = old_stdin
    text = err.getvalue()
    if code == 0:
        return "exit 0", text
    first = text.splitlines()[0] if text else ""
    calm = code == 1 and (first.startswith("tend: ") or "is damaged" in first)
    return ("exit 1, plain message" if calm else f"exit {code}, unclear"), text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mutations", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    folder = Path(tempfile.mkdtemp(prefix="tend-damage-"))
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setenv("TEND_PASSPHRASE", PASSPHRASE)
    try:
        pristine = folder / "pristine.db"
        pages = build_small_vault(pristine)
        use_fast_kdf(monkeypatch)
        data_dir = folder / "data"
        data_dir.mkdir()
        vault = data_dir / "tend.db"
        tallies = {name: Counter() for name in COMMANDS}
        wrote_into_damage = 0
        began = time.perf_counter()
        for _ in range(args.mutations):
            for leftover in data_dir.iterdir():
                leftover.unlink()
            shutil.copyfile(pristine, vault)
            data = bytearray(vault.read_bytes())
            where = rng.randrange(len(data))
            data[where] = (data[where] + rng.randrange(1, 256)) % 256  # always a change
            vault.write_bytes(bytes(data))
            for name, command in COMMANDS.items():
                before = vault.read_bytes() if name == "write" else b""
                outcome, _err = run([*command, "--data-dir", str(data_dir)])
                tallies[name][outcome] += 1
                if name == "write" and vault.read_bytes() != before:
                    wrote_into_damage += 1
        took = time.perf_counter() - began
    finally:
        monkeypatch.undo()
        shutil.rmtree(folder, ignore_errors=True)
    print(f"{args.mutations} mutations of a {pages}-page vault in {took:.1f} s\n")
    for name, tally in tallies.items():
        cells = ", ".join(f"{outcome}: {n}" for outcome, n in sorted(tally.items()))
        print(f"  {name:<14} {cells}")
    tracebacks = sum(t["TRACEBACK"] for t in tallies.values())
    print(f"\ntracebacks: {tracebacks}; writes into a damaged vault: {wrote_into_damage}")
    return 0 if tracebacks == 0 and wrote_into_damage == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
