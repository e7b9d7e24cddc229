"""`tend coach` from the terminal: text and JSON, one line or many, nothing heavy imported."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import select
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from app.practice import cli

ROOT = Path(__file__).resolve().parents[2]


def _parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="tend")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir")
    common.add_argument("--passphrase-file")
    cli.register(parser.add_subparsers(dest="command"), common)
    return parser.parse_args(["coach", *argv])


def test_readable_output(capsys):
    args = _parse("You never listen.", "Whatever.")
    assert args.run(args) == 0
    out = capsys.readouterr().out
    assert "Some of this may land as criticism and stonewalling." in out
    assert '"You never listen" (may land as criticism)' in out
    assert "Why: " in out
    assert "Try: " in out


def test_json_for_one_text_joins_the_words(capsys):
    args = _parse("--json", "You", "never", "listen")
    assert args.run(args) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["text"] == "You never listen"
    assert result["harsh"] is True
    assert 0 <= result["score"] < 50
    flag = result["flags"][0]
    assert {"kind", "start", "end", "excerpt", "why", "suggestion"} <= set(flag)
    assert result["text"][flag["start"] : flag["end"]] == flag["excerpt"]


def test_json_lines_from_stdin(capsys, monkeypatch):
    lines = ["You never listen.", "", "I miss you. Could we walk tonight?", "Ты 😢 你好"]
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(lines) + "\n"))
    args = _parse("--json", "-")
    assert args.run(args) == 0
    results = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["text"] for r in results] == lines
    assert [r["harsh"] for r in results] == [True, False, False, False]


def test_no_vault_and_no_passphrase_are_needed(capsys, tmp_path):
    args = _parse("--data-dir", str(tmp_path / "nowhere"), "--json", "hello")
    assert args.run(args) == 0
    assert json.loads(capsys.readouterr().out)["harsh"] is False
    assert not (tmp_path / "nowhere").exists()


def test_text_is_required():
    with pytest.raises(SystemExit):
        _parse("--json")


def test_a_real_process_imports_neither_qt_nor_the_database():
    script = (
        "import argparse, json, sys\n"
        "from app.practice import cli\n"
        "p = argparse.ArgumentParser(); c = argparse.ArgumentParser(add_help=False)\n"
        "cli.register(p.add_subparsers(), c)\n"
        "a = p.parse_args(['coach', '--json', '-']); code = a.run(a)\n"
        "heavy = [m for m in ('PySide6', 'sqlcipher3', 'app.vault') if m in sys.modules]\n"
        "print(json.dumps({'code': code, 'heavy': heavy}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        input="You never listen.\nI love you.\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=30,
        check=True,
    )
    *results, report = done.stdout.splitlines()
    assert [json.loads(r)["harsh"] for r in results] == [True, False]
    assert json.loads(report) == {"code": 0, "heavy": []}


def test_a_reader_that_stops_early_gets_no_error():
    # `tend coach --json - < big.txt | head -1`: the pipe closes and that is fine.
    process = subprocess.Popen(
        [sys.executable, "-m", "app", "coach", "--json", "-"],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    process.stdout.close()  # the reader is gone before the first line is written
    _, err = process.communicate(b"You never listen to me.\n" * 20_000, timeout=60)
    assert err == b""
    assert process.returncode == 0


def test_an_empty_text_gets_a_plain_message_and_no_score(capsys):
    args = _parse("   ")
    assert args.run(args) == 0
    out = capsys.readouterr().out
    assert out == "Nothing to read: the text is empty.\n"
    args = _parse("--json", "")
    assert args.run(args) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["empty"] is True
    assert data["score"] is None


def test_blank_lines_are_reported_as_empty_and_stay_in_step(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("You never listen.\n\n   \nThanks, love.\n"))
    args = _parse("--json", "-")
    assert args.run(args) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line.get("empty", False) for line in lines] == [False, True, True, False]
    assert lines[1]["score"] is None
    assert lines[1]["flags"] == []
    assert lines[0]["harsh"]
    assert not lines[3]["harsh"]


def test_a_big_batch_shared_among_cores_answers_every_line_in_order():
    from app.practice.coach import analyze

    sample = ["You never listen to me.", "", "I miss you. Could we walk tonight? ✓"]
    lines = [f"{sample[i % 3]} ({i})" if i % 3 != 1 else "" for i in range(600)]
    payload = ("\r\n".join(lines) + "\n").encode() + b"caf\xc3 ok\n"  # CRLF, a bad byte
    done = subprocess.run(
        [sys.executable, "-m", "app", "coach", "--json", "-"],
        cwd=ROOT, input=payload, capture_output=True, timeout=120, check=True,
    )  # fmt: skip
    results = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert [r["text"] for r in results] == [*lines, "caf\ufffd ok"]
    for line, result in zip(lines, results, strict=False):
        if line:
            assert result["score"] == analyze(line).score
        else:
            assert result["empty"] is True


def test_a_program_that_waits_for_each_answer_gets_it_before_writing_more():
    with subprocess.Popen(
        [sys.executable, "-m", "app", "coach", "--json", "-"],
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    ) as process:  # fmt: skip
        try:
            for text in ("You never listen.", "Thank you for dinner."):
                process.stdin.write(text.encode() + b"\n")
                process.stdin.flush()
                # Fails, rather than hangs, if the answer waited for more input.
                ready, _, _ = select.select([process.stdout], [], [], 30)
                assert ready, "no answer to a single line"
                answer = json.loads(process.stdout.readline())
                assert answer["text"] == text
        finally:
            process.stdin.close()
            process.wait(timeout=60)
    assert process.returncode == 0


def test_ctrl_c_during_a_big_batch_stops_every_process():
    """Ctrl+C reaches the workers too; the run must still end, not wait forever."""
    lines = "".join(f"You never listen to me about the bins ({i}).\n" for i in range(60_000))
    answered = threading.Event()
    with subprocess.Popen(
        [sys.executable, "-m", "app", "coach", "--json", "-"],
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        start_new_session=True,
    ) as process:  # fmt: skip

        def feed() -> None:
            with contextlib.suppress(BrokenPipeError, ValueError):
                process.stdin.write(lines.encode())
                process.stdin.close()

        def drain() -> None:  # read every answer, as a terminal would, so no write blocks
            for _ in process.stdout:
                answered.set()

        threading.Thread(target=feed, daemon=True).start()
        threading.Thread(target=drain, daemon=True).start()
        try:
            # The first batch is answered, so more batches are being read.
            assert answered.wait(timeout=60), "no batch was answered"
            os.killpg(process.pid, signal.SIGINT)  # as a terminal's Ctrl+C does
            process.wait(timeout=30)
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
    assert process.returncode in (1, 130, -signal.SIGINT)
