"""`tend summary` and `tend worksheet`: PDFs from the terminal.

Qt is imported only inside these two commands, once the arguments are sound, and runs on
the offscreen platform: no window, no display needed. The PDF is rendered in memory and
written to the chosen path in one go, so a failure leaves no half-written file.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

USAGE = 2


class _Usage(Exception):
    """A mistake in what was typed: exit 2."""


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    summary = commands.add_parser(
        "summary",
        parents=[common],
        help="save a reflection summary of a period as a PDF",
        description=(
            "Save a reflection summary of the days from --from to --to (both included) as a "
            "PDF. Only entries and favourite practice attempts you marked shareable are "
            "included, unless you add --include-private."
        ),
    )
    summary.add_argument("--from", dest="first", required=True, metavar="DATE")
    summary.add_argument("--to", dest="last", required=True, metavar="DATE")
    summary.add_argument("--output", required=True, metavar="FILE.pdf")
    summary.add_argument(
        "--include-private",
        action="store_true",
        help="include every entry and favourite practice attempt, private ones too",
    )
    _shared_options(summary)
    summary.set_defaults(run=run_summary)

    from app.summary.worksheets import WORKSHEETS

    worksheet = commands.add_parser(
        "worksheet",
        parents=[common],
        help="save a blank worksheet to print",
        description="Save a one-page blank worksheet as a PDF. Needs no vault.",
    )
    worksheet.add_argument("name", metavar="NAME", help=f"one of: {', '.join(WORKSHEETS)}")
    worksheet.add_argument("--output", required=True, metavar="FILE.pdf")
    _shared_options(worksheet)
    worksheet.set_defaults(run=run_worksheet)


def _shared_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")
    parser.add_argument(
        "--paper", choices=("a4", "letter"), help="paper size (default: from your region)"
    )


def _day(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise _Usage(
            f"{option} {text!r} is not a date Tend can read: use YYYY-MM-DD, "
            "for example 2026-03-01."
        ) from None


def _check_output(path: Path, force: bool) -> None:
    """Refuse early, before the vault is opened or anything rendered."""
    from app.summary.output import OutputError

    if path.is_dir():
        raise OutputError(f"{path} is a folder; give a file name, for example summary.pdf.")
    if not path.parent.is_dir():
        raise OutputError(f"The folder {path.parent} does not exist.")
    if path.exists() and not force:
        raise OutputError(f"{path} already exists; choose another name, or use --force.")


def _fail(message: str, code: int) -> int:
    print(f"tend: {message}", file=sys.stderr)
    return code


def run_summary(args: argparse.Namespace) -> int:
    from app.activity import DayRange
    from app.summary.output import OutputError

    try:
        first, last = _day(args.first, "--from"), _day(args.last, "--to")
        if last < first:
            raise _Usage("The --to date comes before the --from date.")
    except _Usage as exc:
        return _fail(str(exc), USAGE)
    output = Path(args.output).expanduser()
    try:
        _check_output(output, args.force)
        span = DayRange(first, last)
        data = _summary_pdf(args, span)
        from app.summary.output import write_document

        write_document(output, data, force=args.force)
    except OutputError as exc:
        return _fail(str(exc), 1)
    print(f"Saved the summary of {_period(span)} to {output}.")
    return 0


def _period(span) -> str:
    from app.summary.period import period_text

    return period_text(span)


def _summary_pdf(args: argparse.Namespace, span) -> bytes:
    from app.cli_support import open_vault
    from app.clock import Clock
    from app.summary.gather import gather
    from app.summary.model import build, default_choices, everything_chosen

    with open_vault(args, read_only=True) as vault:
        source = gather(vault, span, all_words=args.include_private)
    choose = everything_chosen if args.include_private else default_choices
    summary = build(source, choose(source), Clock().today())
    _start_qt()
    from app.summary.ui.render import summary_pdf

    return summary_pdf(summary, args.paper)


def run_worksheet(args: argparse.Namespace) -> int:
    from app.summary.output import OutputError, write_document
    from app.summary.worksheets import WORKSHEETS, find

    sheet = find(args.name)
    if sheet is None:
        return _fail(
            f"There is no worksheet called {args.name!r}. Try: {', '.join(WORKSHEETS)}.", 2
        )
    output = Path(args.output).expanduser()
    try:
        _check_output(output, args.force)
        _start_qt()
        from app.summary.ui.render import worksheet_pdf

        write_document(output, worksheet_pdf(sheet, args.paper), force=args.force)
    except OutputError as exc:
        return _fail(str(exc), 1)
    print(f"Saved the worksheet “{sheet.title}” to {output}.")
    return 0


def _start_qt() -> None:
    from app.summary.ui.render import start_offscreen

    start_offscreen()
