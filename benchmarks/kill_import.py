"""kill -9 at 200 random moments during bulk imports (the suite runs 30).

    python benchmarks/kill_import.py [RUNS]

Each run imports rounds of entries in a separate process, one transaction per round,
kills it with SIGKILL after a random line of its report, and checks that both
integrity checks are clean, each round is all or nothing and no committed round is
lost. Prints how many runs passed; exits 1 at the first failure, naming its seed.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.paths import Paths  # noqa: E402
from app.vault import Vault  # noqa: E402
from tests.conftest import PASSPHRASE  # noqa: E402
from tests.exchange.test_kill import check_import_kill  # noqa: E402


def main(runs: int = 200) -> int:
    started = time.perf_counter()
    for seed in range(runs):
        with tempfile.TemporaryDirectory() as folder:
            paths = Paths(Path(folder) / "data")
            paths.ensure_data_dir()
            Vault.create(paths.vault, PASSPHRASE).close()
            try:
                check_import_kill(paths, 1000 + seed)
            except AssertionError as exc:
                print(f"run {seed + 1} (seed {1000 + seed}) failed: {exc}")
                return 1
    took = time.perf_counter() - started
    print(f"{runs} kills during bulk imports: all clean ({took:.0f} s, {took / runs:.2f} s each)")
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 200))
