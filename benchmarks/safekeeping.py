"""Backup, restore, export and import on a vault of 10,000 entries.

    python benchmarks/safekeeping.py [ENTRIES]

Targets: a daily backup of 10k entries well under 5 s (it runs off the GUI thread, so
it never delays typing; the figure says how long a lock may wait for it); an import of
10k entries under 10 s.
"""

from __future__ import annotations

import json
import sys
import tempfile
import threading
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.clock import Clock  # noqa: E402
from app.exchange.export import export_json, export_markdown  # noqa: E402
from app.exchange.foreign import parse_jrnl  # noqa: E402
from app.exchange.importer import import_bundle, read_file  # noqa: E402
from app.paths import Paths  # noqa: E402
from app.reflect.model import new_entry  # noqa: E402
from app.reflect.store import ReflectStore  # noqa: E402
from app.vault import Vault  # noqa: E402
from app.vault.backup import backup_into_folder, prepare_restore, verify  # noqa: E402

PASSPHRASE = "a benchmark passphrase"
WORDS = "we talked slowly tonight and I listened before answering, which felt new "


def timed(label: str, fn):
    started = time.perf_counter()
    result = fn()
    took = time.perf_counter() - started
    print(f"{label:<44} {took * 1000:8.0f} ms")
    return result, took


def longest_pause_during_backup(vault: Vault, paths: Paths) -> float:
    """The GUI thread's view of a backup on a worker: the longest gap between 2 ms ticks.

    Typing is delayed only if this thread cannot run; the worker's SQL releases the GIL.
    """
    finished = threading.Event()

    def work() -> None:
        try:
            backup_into_folder(vault, paths, datetime.now() + timedelta(days=1), 10)
        finally:
            finished.set()

    worker = threading.Thread(target=work)
    longest, last = 0.0, time.perf_counter()
    worker.start()
    while not finished.is_set():
        time.sleep(0.002)
        now = time.perf_counter()
        longest, last = max(longest, now - last), now
    worker.join()
    return longest


def main(count: int = 10_000) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        paths = Paths(root / "data")
        paths.ensure_data_dir()
        vault = Vault.create(paths.vault, PASSPHRASE)
        ReflectStore(vault).create_many(
            new_entry(date(2020, 1, 1) + timedelta(days=i % 2000), body=WORDS * 8 + str(i))
            for i in range(count)
        )
        size = paths.vault.stat().st_size / 1e6
        print(f"vault: {count} entries, {size:.1f} MB")
        made, _ = timed(
            "backup (copy + verify + rename)",
            lambda: backup_into_folder(vault, paths, datetime.now(), 10),
        )
        timed("verify a backup (both integrity checks)", lambda: verify(made, PASSPHRASE))
        pause = longest_pause_during_backup(vault, paths)
        print(f"{'longest GUI-thread pause during a backup':<44} {pause * 1000:8.0f} ms")
        out = root / "export.json"
        timed("export JSON", lambda: export_json(vault, out, datetime.now().astimezone()))
        timed("export Markdown", lambda: export_markdown(vault, root / "md"))
        vault.close()
        prepared, _ = timed(
            "restore: check and stage", lambda: prepare_restore(paths, made, PASSPHRASE)
        )
        timed("restore: swap in", lambda: prepared.commit(datetime.now()))

        empty = Vault.create(root / "other" / "tend.db", PASSPHRASE)
        bundle = read_file(out, "tend")
        _, took = timed(
            f"import {count} entries (Tend JSON)", lambda: import_bundle(empty, bundle, Clock())
        )
        print(f"{'import speed':<44} {count / took:8.0f} entries/s")
        timed(
            "import the same file again (all skipped)",
            lambda: import_bundle(empty, bundle, Clock()),
        )
        empty.close()

        jrnl = {
            "entries": [
                {
                    "title": f"Day {i}.",
                    "body": WORDS * 8,
                    "date": (date(2020, 1, 1) + timedelta(days=i % 2000)).isoformat(),
                    "time": "21:00",
                    "tags": ["@us"],
                    "starred": False,
                }
                for i in range(count)
            ]
        }
        other = Vault.create(root / "third" / "tend.db", PASSPHRASE)
        data = json.dumps(jrnl).encode()
        _, took = timed(
            f"import {count} entries (jrnl JSON)",
            lambda: import_bundle(other, parse_jrnl(data), Clock()),
        )
        print(f"{'import speed':<44} {count / took:8.0f} entries/s")
        other.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
