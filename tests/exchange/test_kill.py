"""kill -9 at random moments during bulk imports and backups, in a separate process.

After each kill: both integrity checks are clean, every import transaction is all or
nothing, nothing that was reported committed is lost, the vault a backup was reading
is untouched, and no half backup is offered for restore. The moment of each kill is a
random line of the driver's report (seeded, so a failure can be replayed); nothing
waits on time. benchmarks/kill_import.py runs 200 of these.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from app.exchange.bundle import entries_oldest_first
from app.paths import Paths
from app.reflect.model import new_entry
from app.reflect.store import ReflectStore
from app.vault import Vault
from app.vault.backup import PARTIAL_PREFIX, list_backups, verify
from tests.conftest import PASSPHRASE

DRIVER = Path(__file__).with_name("kill_driver.py")
ROUNDS, PER_ROUND = 3, 250  # 250 entries make two chunks: a kill can land between them
IMPORT_RUNS = 30
BACKUP_RUNS = 6


def start(*args: str) -> subprocess.Popen:
    env = {**os.environ, "TEND_TEST_PASSPHRASE": PASSPHRASE}
    return subprocess.Popen(
        [sys.executable, str(DRIVER), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def kill_after(proc: subprocess.Popen, lines_to_read: int) -> list[str]:
    """Read that many report lines (or to the end), then SIGKILL: no flush, no close."""
    seen = []
    while len(seen) < lines_to_read:
        line = proc.stdout.readline()
        if not line:
            break
        seen.append(line.strip())
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stdout.close()
    proc.stderr.close()
    return seen


def check_import_kill(paths: Paths, seed: int) -> None:
    rng = random.Random(seed)
    lines_per_round = 5  # begin, two chunks, the final report, committed
    proc = start("import", str(paths.data_dir), str(ROUNDS), str(PER_ROUND))
    seen = kill_after(proc, rng.randrange(1, ROUNDS * lines_per_round + 1))
    committed = sum(1 for line in seen if line.startswith("committed"))
    with Vault.open(paths.vault, PASSPHRASE) as vault:
        assert vault.integrity_problems() == [], f"seed {seed}"
        rounds = Counter(e.body.split(" item ")[0] for e in entries_oldest_first(vault))
        total = ReflectStore(vault).count()
    # Each round is all or nothing; every committed round is there.
    assert set(rounds.values()) <= {PER_ROUND}, f"seed {seed}: {rounds}"
    assert total % PER_ROUND == 0
    assert committed * PER_ROUND <= total <= (committed + 1) * PER_ROUND, f"seed {seed}"


@pytest.fixture
def empty_vault(paths) -> Paths:
    paths.ensure_data_dir()
    Vault.create(paths.vault, PASSPHRASE).close()
    return paths


@pytest.mark.parametrize("seed", range(IMPORT_RUNS))
def test_kill_during_bulk_import(empty_vault, seed):
    check_import_kill(empty_vault, seed)


@pytest.fixture(scope="module")
def big_vault(tmp_path_factory) -> Path:
    """A closed vault big enough that a backup takes many steps."""
    path = tmp_path_factory.mktemp("big") / "tend.db"
    with Vault.create(path, PASSPHRASE) as vault:
        ReflectStore(vault).create_many(
            new_entry(_day(i), body="quiet words " * 60) for i in range(1500)
        )
    return path


def _day(i: int):
    from datetime import date, timedelta

    return date(2025, 1, 1) + timedelta(days=i % 365)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("seed", range(BACKUP_RUNS))
def test_kill_during_backup(big_vault, paths, seed):
    paths.ensure_data_dir()
    shutil.copyfile(big_vault, paths.vault)  # a closed file: copying it is safe
    before = digest(paths.vault)
    proc = start("backup", str(paths.data_dir))
    rng = random.Random(seed)
    seen = kill_after(proc, rng.randrange(1, 12))
    assert seen, proc.returncode
    assert digest(paths.vault) == before
    offered = list_backups(paths.backups)
    for info in offered:  # only a finished, verified backup may ever be listed
        assert verify(info.path, PASSPHRASE) > 0
    if "done" not in seen:
        leftovers = [p for p in paths.backups.glob("*") if not p.name.startswith(PARTIAL_PREFIX)]
        assert len(leftovers) == len(offered)
    with Vault.open(paths.vault, PASSPHRASE) as vault:
        assert vault.integrity_problems() == []
        assert ReflectStore(vault).count() == 1500
