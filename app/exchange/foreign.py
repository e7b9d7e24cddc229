"""Journals from other apps: jrnl's JSON export and Day One's JSON export.

jrnl (``jrnl --export json``) writes ``{"tags": {...}, "entries": [{"title", "body",
"date": "YYYY-MM-DD", "time": "HH:MM", "tags": ["@tag"], "starred"}]}``.
Day One writes ``{"metadata": {...}, "entries": [{"uuid", "creationDate":
"2024-05-01T07:30:00Z", "timeZone": "Europe/Paris", "text", "tags": [...],
"starred"}]}``, usually inside a zip with its photos; either the zip or the JSON in it
can be imported. Day One keeps no title: a first line written as a heading becomes one.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.exchange.bundle import Bundle
from app.exchange.problems import ImportProblem, field_of, load_json
from app.reflect.model import MAX_TITLE_CHARS, Entry, Kind

# Day One escapes Markdown's punctuation in plain text ("Done\\!"); undo that.
_DAYONE_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~])")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")


def _entries_list(doc: Any, app: str) -> list:
    if not isinstance(doc, dict) or not isinstance(doc.get("entries"), list):
        raise ImportProblem(f"This does not look like {app}'s JSON export: it has no entries.")
    return doc["entries"]


def _tags(item: dict, where: str) -> tuple[str, ...]:
    tags = field_of(item, "tags", list, where, [])
    if not all(isinstance(tag, str) for tag in tags):
        raise ImportProblem(f"{where}: tags is not a list of words.")
    return tuple(tags)


def parse_jrnl(data: bytes) -> Bundle:
    entries = []
    for number, item in enumerate(_entries_list(load_json(data), "jrnl"), 1):
        where = f"Entry {number}"
        if not isinstance(item, dict):
            raise ImportProblem(f"{where} is not an object.")
        day_text = field_of(item, "date", str, where)
        time_text = field_of(item, "time", str, where, "00:00")
        try:
            day, clock = date.fromisoformat(day_text), time.fromisoformat(time_text)
        except ValueError:
            raise ImportProblem(f"{where}: its date or time is not one Tend can read.") from None
        moment = datetime.combine(day, clock).astimezone()
        entries.append(
            Entry(
                entry_date=day,
                kind=Kind.REFLECTION,
                title=field_of(item, "title", str, where, ""),
                body=field_of(item, "body", str, where, "").strip("\n"),
                tags=_tags(item, where),
                starred=field_of(item, "starred", bool, where, False),
                created_at=moment,
                updated_at=moment,
            )
        )
    return Bundle(entries=entries)


def _dayone_json(data: bytes) -> bytes:
    """The journal's JSON, also from inside Day One's zip (its first .json file)."""
    if not data.startswith(b"PK"):
        return data
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = sorted(n for n in archive.namelist() if n.lower().endswith(".json"))
            if not names:
                raise ImportProblem("This zip holds no Day One journal (.json) file.")
            return archive.read(names[0])
    except (zipfile.BadZipFile, EOFError):
        raise ImportProblem("This zip file is damaged or cut short.") from None


def _split_title(text: str) -> tuple[str, str]:
    lines = text.split("\n", 1)
    heading = _HEADING.match(lines[0])
    if heading and len(heading.group(1)) <= MAX_TITLE_CHARS:
        return heading.group(1), (lines[1] if len(lines) > 1 else "").strip("\n")
    return "", text.strip("\n")


def _zone(item: dict) -> Any:
    name = item.get("timeZone")
    if isinstance(name, str):
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return None  # the zone of this computer


def parse_dayone(data: bytes) -> Bundle:
    entries = []
    for number, item in enumerate(_entries_list(load_json(_dayone_json(data)), "Day One"), 1):
        where = f"Entry {number}"
        if not isinstance(item, dict):
            raise ImportProblem(f"{where} is not an object.")
        stamp = field_of(item, "creationDate", str, where)
        try:
            created = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
        except ValueError:
            raise ImportProblem(f"{where}: its creationDate is not one Tend can read.") from None
        if created.tzinfo is None:
            created = created.astimezone()
        created = created.astimezone(_zone(item))
        title, body = _split_title(
            _DAYONE_ESCAPE.sub(r"\1", field_of(item, "text", str, where, ""))
        )
        entries.append(
            Entry(
                entry_date=created.date(),
                kind=Kind.REFLECTION,
                title=title,
                body=body,
                tags=_tags(item, where),
                starred=field_of(item, "starred", bool, where, False),
                created_at=created,
                updated_at=created,
            )
        )
    return Bundle(entries=entries)
