"""A separate process for the kill tests: bulk imports, or a backup, reporting each step.

    python tests/exchange/kill_driver.py import DATA_DIR ROUNDS PER_ROUND
    python tests/exchange/kill_driver.py backup DATA_DIR

The passphrase comes from TEND_TEST_PASSPHRASE. Each import round is one transaction of
PER_ROUND entries whose bodies say "round R item I"; the driver prints "begin R", a
line per chunk written, and "committed R" once the round is on disk. A backup prints a
line per step of pages copied and "done" at the end. The tests kill it with SIGKILL
after a random line and then look at what is left.
"""

from __future__ import annotations

import os
import sys
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from app.clock import ManualClock  # noqa: E402
from app.exchange.bundle import Bundle  # noqa: E402
from app.exchange.importer import import_bundle  # noqa: E402
from app.paths import Paths  # noqa: E402
from app.reflect.model import new_entry  # noqa: E402
from app.vault import Vault  # noqa: E402
from app.vault.backup import backup_into_folder  # noqa: E402

CHUNK_LINES = "chunk"


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def body(round_number: int, item: int) -> str:
    return f"round {round_number} item {item}"


def run_import(paths: Paths, rounds: int, per_round: int) -> None:
    clock = ManualClock(datetime(2026, 2, 1, 10, 0).astimezone())
    with Vault.open(paths.vault, os.environ["TEND_TEST_PASSPHRASE"]) as vault:
        for number in range(rounds):
            bundle = Bundle(
                entries=[
                    new_entry(date(2026, 1, 1 + item % 28), body=body(number, item))
                    for item in range(per_round)
                ]
            )
            say(f"begin {number}")
            import_bundle(
                vault, bundle, clock, progress=lambda done, total: say(f"{CHUNK_LINES} {done}")
            )
            say(f"committed {number}")


def run_backup(paths: Paths) -> None:
    with Vault.open(paths.vault, os.environ["TEND_TEST_PASSPHRASE"]) as vault:
        say("open")
        backup_into_folder(
            vault,
            paths,
            datetime(2026, 2, 1, 10, 0),
            keep=10,
            progress=lambda done, total: say(f"pages {done} {total}"),
        )
        say("done")


if __name__ == "__main__":
    mode, data_dir, *rest = sys.argv[1:]
    if mode == "import":
        run_import(Paths(Path(data_dir)), int(rest[0]), int(rest[1]))
    else:
        run_backup(Paths(Path(data_dir)))
