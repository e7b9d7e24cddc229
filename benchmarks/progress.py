"""Progress: how fast the metrics answer on five years of daily use in every area.

Run from the project root:  python benchmarks/progress.py

The vault is made by the demo generator (app.demo) with ``every_day=True``: at least
one journal entry, one practice attempt and one breathing session every day for five
years, plus goals with check-ins.

Targets (on a modest laptop):
  - every metric for "all time", read from the vault and computed: <= 200 ms;
  - the Today card's streak and newest milestone: <= 20 ms. The milestones reached
    are worked out from the whole history once a day (or when today's records
    change) and kept in a setting; that first look is printed too.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.demo import create_demo
from app.progress.gather import gather, today_glance
from app.progress.model import build_report
from app.vault import Vault

TODAY = date(2026, 12, 1)
PASSPHRASE = "benchmark passphrase"


def best_of(runs: int, job) -> float:
    """The fastest of several runs, in seconds: the least disturbed measurement."""
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        job()
        timings.append(time.perf_counter() - start)
    return min(timings)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "tend.db"
        start = time.perf_counter()
        counts = create_demo(path, PASSPHRASE, TODAY, years=5, every_day=True)
        made = time.perf_counter() - start
        print(f"five years made in {made:.1f} s: {counts}")
        with Vault.open(path, PASSPHRASE) as vault:
            data = gather(vault)
            read = best_of(5, lambda: gather(vault))
            compute = best_of(5, lambda: build_report(data, "all", TODAY))
            whole = best_of(5, lambda: build_report(gather(vault), "all", TODAY))
            first = time.perf_counter()
            today_glance(vault, TODAY)  # the day's first look: whole history, then kept
            cold = time.perf_counter() - first
            glance = best_of(10, lambda: today_glance(vault, TODAY))
        print(f"read through the ports:       {read * 1000:7.1f} ms")
        print(f"compute every metric (all):   {compute * 1000:7.1f} ms")
        print(f"all time, read + compute:     {whole * 1000:7.1f} ms  (target <= 200 ms)")
        print(f"Today card, streak+milestone: {glance * 1000:7.1f} ms  (target <= 20 ms)")
        print(f"  ... the day's first look (whole history, then kept): {cold * 1000:.1f} ms")


if __name__ == "__main__":
    main()
