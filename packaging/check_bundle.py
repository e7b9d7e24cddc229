"""Prove a built bundle works without Python installed: run it headless and time it.

Run from the project root after `make package`:
    python packaging/check_bundle.py [build/dist/tend/tend]

It creates a vault in a temporary folder with a passphrase file, checks it, asks the
coach about one line, and prints the bundle's size and start-up time beside the
virtual environment's. Exit 0 when every step worked.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BUNDLE = ROOT / "build" / "dist" / "tend" / "tend"


def run(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("TEND_PASSPHRASE", None)
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120, **kwargs)


def median_start(command: list[str], rounds: int = 5) -> float:
    run(command)  # a warm round: the first start reads files from disk
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run(command)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def check(bundle: Path) -> list[str]:
    problems = []
    version = run([str(bundle), "--version"])
    if version.returncode != 0 or "tend" not in version.stdout.lower():
        problems.append(f"--version exited {version.returncode}")
    with tempfile.TemporaryDirectory() as tmp:
        secret = Path(tmp) / "passphrase"
        secret.write_text("a bundle check passphrase\n", encoding="utf-8")
        data = Path(tmp) / "data"
        common = ["--data-dir", str(data), "--passphrase-file", str(secret)]
        for step in (["init", *common], ["check", *common]):
            result = run([str(bundle), *step])
            if result.returncode != 0:
                problems.append(f"{step[0]} exited {result.returncode}: {result.stderr.strip()}")
    coach = run([str(bundle), "coach", "--json", "You never listen to me."])
    if coach.returncode != 0 or '"harsh": true' not in coach.stdout:
        problems.append(f"coach exited {coach.returncode} or found nothing harsh")
    return problems


def main(argv: list[str]) -> int:
    bundle = Path(argv[1]) if len(argv) > 1 else DEFAULT_BUNDLE
    if not bundle.is_file():
        print(f"No bundle at {bundle}; run `make package` first.", file=sys.stderr)
        return 1
    problems = check(bundle)
    for problem in problems:
        print(f"FAILED: {problem}", file=sys.stderr)
    size_mb = folder_size(bundle.parent) / 1e6
    bundle_s = median_start([str(bundle), "--version"])
    venv_tend = shutil.which("tend", path=str(Path(sys.executable).parent))
    line = f"bundle: {size_mb:.0f} MB; `tend --version` median {bundle_s * 1000:.0f} ms"
    if venv_tend:
        venv_s = median_start([venv_tend, "--version"])
        line += f" (virtual environment: {venv_s * 1000:.0f} ms)"
    print(line)
    print("bundle check: ok" if not problems else "bundle check: FAILED")
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
