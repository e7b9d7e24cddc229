"""`tend write`, `tend search` and `tend list`: Reflect from the terminal, without Qt.

What a person wrote goes to stdout only, because showing it is what they asked for;
messages on stderr never quote it. Heavy modules are imported when a command runs,
so `tend --help` stays quick.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO

from app.reflect.model import MAX_BODY_CHARS

SEARCH_DEFAULT_LIMIT = 20
SEARCH_MAX_LIMIT = 1000

# Friendly spellings for --kind, beside the ids themselves.
KIND_ALIASES = {
    "check-in": "check_in",
    "checkin": "check_in",
    "daily": "check_in",
    "appreciation": "gratitude",
    "letter": "unsent_letter",
    "unsent-letter": "unsent_letter",
    "moment": "shared_moment",
    "shared-moment": "shared_moment",
    "boundary-note": "boundary",
}


class UserError(Exception):
    """Something the person can fix; the message is printed as it is. Exit 1."""

    code = 1


class BadValue(UserError):
    """A value given on the command line that Tend cannot use (a kind, a mood, a date,
    a limit): a usage mistake, so exit 2 like argparse's own, as the README says."""

    code = 2


def _kind_names() -> str:
    from app.reflect.model import KINDS

    return ", ".join(k.value.replace("_", "-") for k in KINDS)


def register(commands, common: argparse.ArgumentParser) -> None:
    write = commands.add_parser(
        "write",
        parents=[common],
        help="add a journal entry",
        description="Add a journal entry. Leave TEXT out and Tend reads the entry from "
        "standard input: type it on the terminal and press Ctrl+D on a new line to finish, "
        "or pipe it in (tend write < note.txt). Words given as TEXT can be seen by other "
        "users of this computer in the process list, so standard input is the private way. "
        f"An entry holds up to {MAX_BODY_CHARS:,} characters.",
    )
    write.add_argument(
        "--kind",
        default="reflection",
        metavar="K",
        help=f"kind of entry: {_kind_names()} (default: reflection)",
    )
    write.add_argument("--mood", metavar="N", help="mood from 1 (very low) to 5 (very good)")
    write.add_argument(
        "--tag", action="append", default=[], metavar="T", help="a tag; repeat for more"
    )
    write.add_argument("--title", default="", help="a title (otherwise the first line is shown)")
    write.add_argument("--date", metavar="DATE", help="entry date, YYYY-MM-DD (default: today)")
    write.add_argument(
        "text", nargs="*", metavar="TEXT", help="what to write (others can see it: prefer stdin)"
    )
    write.set_defaults(run=run_write)

    search = commands.add_parser(
        "search",
        parents=[common],
        help="search your journal",
        description='Search your journal: words, prefixes (calm*) and "exact phrases".',
    )
    search.add_argument("query", nargs="+", metavar="QUERY")
    search.add_argument(
        "--limit", metavar="N", default=str(SEARCH_DEFAULT_LIMIT), help="at most N results"
    )
    search.add_argument("--json", action="store_true", help="print JSON")
    search.set_defaults(run=run_search)

    listing = commands.add_parser(
        "list", parents=[common], help="list journal entries, newest first"
    )
    listing.add_argument("--from", dest="date_from", metavar="DATE", help="from this date on")
    listing.add_argument("--to", dest="date_to", metavar="DATE", help="up to this date")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(run=run_list)


# -- parsing what was typed ------------------------------------------------------------


def parse_kind(text: str):
    from app.reflect.model import Kind

    key = text.strip().lower().replace(" ", "-")
    key = KIND_ALIASES.get(key, key.replace("-", "_"))
    try:
        return Kind(key)
    except ValueError:
        raise BadValue(f"Tend knows these kinds of entry: {_kind_names()}.") from None


def parse_scale(text: str | None, label: str) -> int | None:
    if text is None:
        return None
    try:
        value = int(text.strip())
    except ValueError:
        value = 0
    if not 1 <= value <= 5:
        raise BadValue(f"{label} is a whole number from 1 to 5.")
    return value


def parse_day(text: str | None, label: str):
    if text is None:
        return None
    from app.reflect.model import InvalidEntry, parse_date

    try:
        return parse_date(text, label=label)
    except InvalidEntry as exc:
        raise BadValue(exc.message) from None


NOT_UTF8 = (
    "Part of this text is not UTF-8, which Tend needs, so nothing was saved or "
    "searched. Convert it first, for example with: iconv -t UTF-8"
)


VISIBLE_TEXT = (
    "Note: words given on the command line can be seen by other users of this computer "
    "while Tend runs (in the process list), and may stay in your shell's history. Next "
    "time, leave them out and type the entry after `tend write`, ending with Ctrl+D."
)


def check_utf8(*texts: str) -> None:
    """Refuse text that is not valid UTF-8 (bytes Python kept as lone surrogates)."""
    for text in texts:
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise UserError(NOT_UTF8) from None


def _fail(exc: UserError) -> int:
    print(f"tend: {exc}", file=sys.stderr)
    return exc.code


# -- write -----------------------------------------------------------------------------


def run_write(args: argparse.Namespace) -> int:
    try:
        return _write(args)
    except UserError as exc:
        return _fail(exc)


def _write(args: argparse.Namespace) -> int:
    from app.cli_support import open_for_writing
    from app.clock import Clock
    from app.reflect.model import InvalidEntry, new_entry
    from app.reflect.store import ReflectStore

    kind = parse_kind(args.kind)
    mood = parse_scale(args.mood, "Mood")
    clock = Clock()
    day = parse_day(args.date, "The date") or clock.today()
    if args.text:
        print(VISIBLE_TEXT, file=sys.stderr)
    text = " ".join(args.text) if args.text else _read_stdin()
    check_utf8(text, args.title, *args.tag)
    if not text.strip() and not args.title.strip():
        raise UserError("There is nothing to write: give some text, or pipe it in.")
    if len(text) > MAX_BODY_CHARS:
        raise UserError(
            f"That text is longer than {MAX_BODY_CHARS:,} characters, the most one entry "
            "holds, so nothing was saved. You could split it over several entries."
        )
    entry = new_entry(day, kind, title=args.title, body=text, mood=mood, tags=tuple(args.tag))
    with open_for_writing(args) as vault:
        try:
            saved = ReflectStore(vault, clock).create(entry)
        except InvalidEntry as exc:  # a value given on the command line: a usage mistake
            raise BadValue(exc.message) from None
    print(f"Saved entry {saved.id} for {saved.entry_date.isoformat()}.")
    return 0


def _read_stdin() -> str:
    stdin = sys.stdin
    if stdin is None:
        return ""
    if stdin.isatty():
        print("Write your entry, then press Ctrl+D on a new line.", file=sys.stderr)
    try:
        return stdin.read()
    except UnicodeDecodeError:
        raise UserError(NOT_UTF8) from None


# -- search ----------------------------------------------------------------------------


def run_search(args: argparse.Namespace) -> int:
    try:
        return _search(args)
    except UserError as exc:
        return _fail(exc)


def _search(args: argparse.Namespace) -> int:
    from app.cli_support import open_for_reading
    from app.reflect.store import ReflectStore

    try:
        limit = int(str(args.limit).strip())
    except ValueError:
        limit = 0
    if not 1 <= limit <= SEARCH_MAX_LIMIT:
        raise BadValue(f"--limit is a whole number from 1 to {SEARCH_MAX_LIMIT}.")
    text = " ".join(args.query)
    check_utf8(text)
    with open_for_reading(args) as vault:
        hits = ReflectStore(vault).search(text, limit=limit)
    out = sys.stdout
    if args.json:
        json.dump([_hit_json(hit) for hit in hits], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    if not hits:
        print("No entries match.", file=sys.stderr)
        return 0
    bold = out.isatty()
    for hit in hits:
        out.write(f"{hit.row.entry_date.isoformat()}  {_marked(hit.title, bold)}\n")
        out.write(f"    {_marked(hit.snippet, bold)}\n")
    return 0


def _marked(parts, bold: bool) -> str:
    from app.cli_support import for_terminal

    if not bold:
        return "".join(for_terminal(p.text) for p in parts)
    return "".join(
        f"\x1b[1m{for_terminal(p.text)}\x1b[0m" if p.is_match else for_terminal(p.text)
        for p in parts
    )


def _hit_json(hit) -> dict:
    return {
        **_row_json(hit.row),
        "title": "".join(p.text for p in hit.title),
        "snippet": "".join(p.text for p in hit.snippet),
        "matches": [p.text for p in hit.snippet if p.is_match],
    }


# -- list ------------------------------------------------------------------------------


def run_list(args: argparse.Namespace) -> int:
    try:
        return _list(args)
    except UserError as exc:
        return _fail(exc)


def _list(args: argparse.Namespace) -> int:
    from app.cli_support import for_terminal, open_for_reading
    from app.reflect.model import KINDS, EntryFilter
    from app.reflect.store import ReflectStore

    date_from = parse_day(args.date_from, "The --from date")
    date_to = parse_day(args.date_to, "The --to date")
    if date_from and date_to and date_from > date_to:
        raise BadValue("The --from date comes after the --to date.")
    flt = EntryFilter(date_from=date_from, date_to=date_to)
    out: TextIO = sys.stdout
    with open_for_reading(args) as vault:
        rows = ReflectStore(vault).iter_rows(flt)
        if args.json:
            _write_json_array(out, (_row_json(row) for row in rows))
            return 0
        count = 0
        for row in rows:
            star = "*" if row.starred else " "
            mood = f"mood {row.mood}" if row.mood else ""
            tags = " ".join(f"#{t}" for t in row.tags)
            label = KINDS[row.kind].label
            line = f"{row.entry_date.isoformat()} {star} {label:<15} {for_terminal(row.title)}"
            extras = for_terminal("  ".join(x for x in (mood, tags) if x))
            out.write(f"{line}  [{extras}]\n" if extras else f"{line}\n")
            count += 1
    if count == 0:
        print("No entries in that range.", file=sys.stderr)
    return 0


def _row_json(row) -> dict:
    return {
        "id": row.id,
        "date": row.entry_date.isoformat(),
        "kind": row.kind.value,
        "title": row.title,
        "mood": row.mood,
        "tags": list(row.tags),
        "starred": row.starred,
    }


def _write_json_array(out: TextIO, items) -> None:
    """Stream a JSON list, so a long journal is never held in memory at once."""
    out.write("[")
    empty = True
    for item in items:
        out.write("\n  " if empty else ",\n  ")
        out.write(json.dumps(item, ensure_ascii=False))
        empty = False
    out.write("]\n" if empty else "\n]\n")
