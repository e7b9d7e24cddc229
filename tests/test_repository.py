"""The repository stays lean: no stray temp files or giant blobs get committed."""

import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 1_000_000  # bytes; screenshots and sounds are well under it


def tracked_files() -> list[Path]:
    try:
        out = subprocess.run(
            ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True, timeout=30
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    return [ROOT / name for name in out.decode().split("\0") if name]


def test_no_tracked_file_is_huge():
    big = [
        str(p.relative_to(ROOT))
        for p in tracked_files()
        if p.is_file() and p.stat().st_size > LIMIT
    ]
    assert big == []
