"""One flipped byte in each page of a small vault: every command answers calmly.

`tend list`, `tend search`, `tend check` and `tend write` run in this process on a
copy of the vault with one byte changed, page by page. None may raise (a traceback),
each says one plain line when it cannot help, check always finds the damage, and
write never writes into a damaged file. The 1,000-mutation run is in
benchmarks/damage_sweep.py.
"""

from __future__ import annotations

import io
import random
import shutil
from datetime import date, timedelta
from pathlib import Path

from app.cli import main
from app.clock import ManualClock
from app.reflect.model import Kind, new_entry
from app.reflect.store import ReflectStore
from app.vault import Vault
from tests.conftest import PASSPHRASE
from tests.vault.fastkey import use_fast_kdf

WORDS = [
    "gentle",
    "evening",
    "walk",
    "listened",
    "quietly",
    "apology",
    "garden",
    "patience",
    "kettle",
    "morning",
]


def build_small_vault(path: Path) -> int:
    """About a hundred pages of entries; returns how many pages the file has."""
    rng = random.Random(7)
    clock = ManualClock()
    with Vault.create(path, PASSPHRASE) as vault:
        entries = [
            new_entry(
                date(2025, 1, 1) + timedelta(days=i),
                Kind.REFLECTION,
                title=f"Day {i}",
                body=" ".join(rng.choice(WORDS) for _ in range(180)),
                tags=("home",) if i % 3 else (),
            )
            for i in range(110)
        ]
        ReflectStore(vault, clock).create_many(entries)
    return path.stat().st_size // 4096


def run(args: list[str], capsys, stdin: str = "") -> tuple[int, str, str]:
    import sys

    old = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        code = main(args)
    finally:
        sys.stdin = old
    out, err = capsys.readouterr()
    return code, out, err


def calm(code: int, err: str) -> bool:
    """Exit 0, or exit 1 with a short message of Tend's own (never a driver's words),
    quoting neither the journal nor the passphrase."""
    words = set(err.casefold().split())
    if PASSPHRASE in err or words & set(WORDS) or "Traceback" in err:
        return False
    if code == 0:
        return True
    lines = [line for line in err.splitlines() if line.strip()]
    return code == 1 and 1 <= len(lines) <= 3 and lines[0].startswith("tend: ")


def test_a_flipped_byte_in_any_page_gets_calm_messages_and_no_write(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("TEND_PASSPHRASE", PASSPHRASE)
    pristine = tmp_path / "pristine.db"
    pages = build_small_vault(pristine)
    assert 60 <= pages <= 160
    use_fast_kdf(monkeypatch)
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    vault_path = data_dir / "tend.db"
    rng = random.Random(2026)
    tally = {"check found it": 0, "write refused": 0, "list ok": 0, "search ok": 0}
    for page in range(pages):
        for leftover in data_dir.iterdir():
            leftover.unlink()
        shutil.copyfile(pristine, vault_path)
        data = bytearray(vault_path.read_bytes())
        data[page * 4096 + rng.randrange(4096)] ^= 1 << rng.randrange(8)
        vault_path.write_bytes(bytes(data))
        where = ["--data-dir", str(data_dir)]

        code, _out, err = run(["check", *where], capsys)
        assert code == 1, (page, err)
        assert "is damaged" in err or calm(code, err), (page, err)
        assert PASSPHRASE not in err
        assert not set(err.casefold().split()) & set(WORDS), (page, err)
        assert "Traceback" not in err
        tally["check found it"] += 1

        for command in (["list"], ["search", "garden"], ["search", "gard*", "--json"]):
            code, _out, err = run([*command, *where], capsys)
            assert calm(code, err), (page, command, err)
            tally["list ok" if command == ["list"] else "search ok"] += code == 0

        before = vault_path.read_bytes()
        code, out, err = run(["write", *where], capsys, stdin="A few words for today.")
        assert code == 1, (page, out, err)
        assert calm(code, err), (page, out, err)
        assert "Saved" not in out
        assert vault_path.read_bytes() == before, page
        tally["write refused"] += 1
    assert tally["check found it"] == tally["write refused"] == pages
