"""Run `tend` commands on a vault in a cramped place, inside a private mount namespace.

    unshare -m python tests/vault/cramped_driver.py readonly|full VAULT WORKDIR

Copies VAULT into WORKDIR mounted read-only (a bind mount) or as a tiny tmpfs filled
to the last byte, runs list, search, check and write there, and prints one JSON
object: each command's exit code and stderr, and the files left in the folder.
Only root can mount; the mounts vanish with this process's namespace.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def mount(*args: str) -> None:
    subprocess.run(["mount", *args], check=True)


def fill(folder: Path) -> None:
    """Write until the disk says it is full."""
    f = (folder / "filler").open("wb", buffering=0)
    try:
        while True:
            f.write(b"\0" * 512)
    except OSError:
        pass
    finally:
        f.close()


def tend(folder: Path, *args: str, stdin: str = "") -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "app", *args, "--data-dir", str(folder)],
        cwd=ROOT, input=stdin, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    return {"code": done.returncode, "out": done.stdout, "err": done.stderr}


def main() -> int:
    how, vault, work = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    if how == "readonly":
        shutil.copyfile(vault, work / "tend.db")
        mount("--bind", str(work), str(work))
        mount("-o", "remount,bind,ro", str(work))
    else:
        mount("-t", "tmpfs", "-o", "size=1m", "none", str(work))
        shutil.copyfile(vault, work / "tend.db")
        fill(work)
    results = {
        "list": tend(work, "list"),
        "search": tend(work, "search", "river"),
        "check": tend(work, "check"),
        "files_after_reading": sorted(os.listdir(work)),
        "write": tend(work, "write", stdin="More words for the evening."),
        "files": sorted(os.listdir(work)),
    }
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
