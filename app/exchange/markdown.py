"""The Markdown export: one file per journal entry, with a small front-matter header.

Files are named by date, number and kind only (2026-01-15-0003-reflection.md), never by
title, so a file listing or a search index shows no words the person wrote.
"""

from __future__ import annotations

import json
from typing import Any

from app.reflect.model import Entry


def _value(value: Any) -> str:
    # JSON's strings, lists, numbers, true/false and null are all valid YAML.
    return json.dumps(value, ensure_ascii=False)


def front_matter(entry: Entry) -> list[str]:
    lines = [
        "---",
        f"date: {entry.entry_date.isoformat()}",
        f"kind: {entry.kind.value}",
        f"title: {_value(entry.title)}",
        f"mood: {_value(entry.mood)}",
        f"closeness: {_value(entry.closeness)}",
        f"feelings: {_value(list(entry.feelings))}",
        f"tags: {_value(list(entry.tags))}",
        f"starred: {_value(entry.starred)}",
        f"shareable: {_value(entry.shareable)}",
    ]
    setback = entry.setback
    if setback is not None:
        lines += [
            "setback:",
            f"  pattern: {_value(setback.pattern.value if setback.pattern else None)}",
            f"  what_happened: {_value(setback.what_happened)}",
            f"  what_i_learned: {_value(setback.what_i_learned)}",
            f"  what_next: {_value(setback.what_next)}",
            "  repaired_on: "
            + _value(setback.repaired_on.isoformat() if setback.repaired_on else None),
            f"  how_repaired: {_value(setback.how_repaired)}",
        ]
    lines.append("---")
    return lines


def entry_markdown(entry: Entry) -> str:
    lines = front_matter(entry)
    lines.append("")
    heading = " ".join(entry.title.split())
    if heading:
        lines += [f"# {heading}", ""]
    body = entry.body.rstrip("\n")
    if body:
        lines.append(body)
    return "\n".join(lines) + "\n"


def file_name(entry: Entry, number: int) -> str:
    return f"{entry.entry_date.isoformat()}-{number:04d}-{entry.kind.value.replace('_', '-')}.md"
