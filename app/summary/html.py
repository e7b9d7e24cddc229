"""The summary as HTML for a QTextDocument. Qt-free, so it is tested as plain text.

Every piece of the person's text goes through `esc`, and each paragraph carries the
direction of its own first strong letter, so Arabic or Hebrew lines read right to left
beside English ones. Colours are fixed, the light theme's, whatever the screen shows.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from html import escape

from app.summary.model import SECTION_TITLES, Chart, Section, Summary
from app.summary.period import MONTHS, day_text

CHART_URL = "tend-summary:chart"
INK = "#23302e"
SOFT = "#5b6b68"
ACCENT = "#2f7a6d"
PAPER_TINT = "#eef5f3"
RULE = "#c9d8d4"
MOOD_COLOUR = "#2f7a6d"
CLOSENESS_COLOUR = "#c0793a"

# Marks a paragraph that belongs with the one after it (a heading's date line, a label):
# ui/render.py moves such a run to the next page rather than leave it alone at a bottom.
KEEP = "-qt-user-state:1"

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

STYLE = f"""
body {{ color: {INK}; font-size: 10.5pt; }}
h1 {{ font-size: 21pt; font-weight: 600; color: {ACCENT}; margin: 0; }}
h2 {{ font-size: 14pt; font-weight: 600; color: {ACCENT}; margin-top: 20px; margin-bottom: 6px; }}
h3 {{ font-size: 11.5pt; font-weight: 600; margin-top: 14px; margin-bottom: 2px; }}
p {{ margin-top: 0; margin-bottom: 6px; }}
.period {{ font-size: 13pt; color: {INK}; margin-top: 4px; }}
.meta {{ color: {SOFT}; font-size: 9pt; margin-bottom: 4px; }}
.label {{ color: {SOFT}; font-size: 9pt; font-weight: 600; margin-top: 6px; margin-bottom: 1px; }}
.empty {{ color: {SOFT}; font-style: italic; }}
.number {{ font-size: 18pt; font-weight: 600; color: {ACCENT}; }}
.caption {{ color: {SOFT}; font-size: 9pt; }}
"""


def esc(text: str) -> str:
    return escape(text, quote=True)


def direction(text: str) -> str:
    """'rtl' when the first letter that has a direction reads right to left, else 'ltr'."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"


def para(text: str, css_class: str = "", *, keep: bool = False) -> str:
    """One paragraph of the person's words, line breaks kept, its own direction."""
    cls = f' class="{css_class}"' if css_class else ""
    cls += f' style="{KEEP}"' if keep else ""
    body = "<br/>".join(esc(line) for line in text.split("\n"))
    align = ' align="right"' if direction(text) == "rtl" else ""
    return f'<p dir="{direction(text)}"{align}{cls}>{body}</p>'


def meta(text: str) -> str:
    """A small line that introduces what follows (a date, a label); kept with it."""
    return f'<p class="meta" style="{KEEP}">{esc(text)}</p>'


def label(text: str) -> str:
    return f'<p class="label" style="{KEEP}">{esc(text)}</p>'


def paragraphs(text: str) -> str:
    """Text split at blank lines, each part a paragraph with its own direction."""
    parts = [part.strip("\n") for part in text.replace("\r\n", "\n").split("\n\n")]
    return "".join(para(part) for part in parts if part.strip())


def heading(level: int, text: str) -> str:
    dir_ = direction(text)
    align = ' align="right"' if dir_ == "rtl" else ""
    return f'<h{level} dir="{dir_}"{align}>{esc(text)}</h{level}>'


def long_day(day: date) -> str:
    return f"{WEEKDAYS[day.weekday()]} {day_text(day)}"


def short_day(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1][:3]}"


def summary_html(summary: Summary, chart_width: int = 640) -> str:
    parts = [
        f"<html><head><style>{STYLE}</style></head><body>",
        "<h1>Reflection summary</h1>",
        f'<p class="period">{esc(summary.period)}</p>',
        f'<p class="meta">Made on {esc(day_text(summary.made_on))} with Tend, '
        "from what you chose to include.</p>",
    ]
    for section in summary.sections:
        parts.append(f"<h2>{esc(SECTION_TITLES[section])}</h2>")
        writer = _SECTION_WRITERS[section]
        parts.append(_chart(summary, chart_width) if section is Section.CHART else writer(summary))
    if not summary.sections:
        parts.append('<p class="empty">Every section is switched off.</p>')
    parts.append("</body></html>")
    return "".join(parts)


def _numbers(summary: Summary) -> str:
    n = summary.numbers
    cells = [
        (str(n.entries), "journal entries" if n.entries != 1 else "journal entry"),
        (str(n.attempts), "practice attempts" if n.attempts != 1 else "practice attempt"),
        (str(n.breath_minutes), "minutes of breathing" if n.breath_minutes != 1 else "minute"),
        (str(n.longest_streak), "longest run of days"),
    ]
    row = "".join(
        f'<td width="25%" bgcolor="{PAPER_TINT}" align="center">'
        f'<p class="number" align="center">{esc(value)}</p>'
        f'<p class="caption" align="center">{esc(label)}</p></td>'
        for value, label in cells
    )
    table = f'<table width="100%" cellspacing="6" cellpadding="8" border="0"><tr>{row}</tr></table>'
    extra = []
    if n.entries:
        extra.append(f"You wrote on {n.days_written} of the {summary.span.days} days")
    if n.breath_sessions:
        extra.append(
            f"breathed in {n.breath_sessions} session{'s' if n.breath_sessions != 1 else ''}"
        )
    if n.streak and summary.span.last == summary.made_on:
        extra.append(f"your current run is {n.streak} day{'s' if n.streak != 1 else ''}")
    line = f'<p class="caption">{esc("; ".join(extra))}.</p>' if extra else ""
    return table + line


def _chart(summary: Summary, width: int = 640) -> str:
    chart: Chart = summary.chart
    if not any(p.mood is not None or p.closeness is not None for p in chart.points):
        return '<p class="empty">No mood or closeness was recorded in this period.</p>'
    grain = "each week's average" if chart.grain == "week" else "each day's average"
    facts = []
    if chart.mood_average is not None:
        facts.append(f"mood {chart.mood_average:.1f}")
    if chart.closeness_average is not None:
        facts.append(f"closeness {chart.closeness_average:.1f}")
    return (
        f'<p><img src="{CHART_URL}" width="{width}" /></p>'
        f'<p class="caption"><span style="color:{MOOD_COLOUR}">■</span> Mood &nbsp; '
        f'<span style="color:{CLOSENESS_COLOUR}">■</span> Closeness &nbsp;·&nbsp; '
        f"{esc(grain)}, from 1 (low) to 5 (high). "
        f"Over the period: {esc(' and '.join(facts))}.</p>"
    )


def _entries(summary: Summary) -> str:
    if not summary.entries:
        return '<p class="empty">No entries are chosen for this summary.</p>'
    out = []
    for block in summary.entries:
        # An untitled entry shows its first line as its title: say the kind instead.
        untitled = block.body.startswith(block.title.rstrip("…").strip())
        out.append(heading(3, block.kind if untitled else block.title))
        out.append(
            meta(long_day(block.day) if untitled else f"{long_day(block.day)} · {block.kind}")
        )
        out.append(paragraphs(block.body))
        if block.feelings:
            out.append(para("Feelings: " + ", ".join(block.feelings), "meta"))
    return "".join(out)


def _setbacks(summary: Summary) -> str:
    if not summary.setbacks:
        return '<p class="empty">No setbacks are chosen for this summary.</p>'
    out = []
    for block in summary.setbacks:
        out.append(heading(3, block.title or "A hard moment"))
        line = long_day(block.day)
        if block.pattern:
            line += f" · what showed up: {block.pattern.lower()}"
        out.append(meta(line))
        for name, text in (
            ("What happened", block.what_happened),
            ("What I learned", block.what_i_learned),
            ("What I will try next time", block.what_next),
        ):
            if text:
                out.append(label(name) + paragraphs(text))
        if block.repaired_on is not None:
            out.append(label(f"Repaired on {day_text(block.repaired_on)}"))
            if block.how_repaired:
                out.append(paragraphs(block.how_repaired))
        elif block.how_repaired:
            out.append(label("How we repaired it") + paragraphs(block.how_repaired))
        else:
            out.append('<p class="meta">Not repaired yet, and that is all right.</p>')
    return "".join(out)


def _practice(summary: Summary) -> str:
    if not summary.attempts:
        return '<p class="empty">No favourite practice attempts are chosen for this summary.</p>'
    out = []
    for block in summary.attempts:
        out.append(f"<h3>{esc(block.exercise)}</h3>")
        out.append(meta(long_day(block.day)))
        if block.before:
            out.append(label(block.before_label) + para(block.before))
        out.append(label(block.after_label) + paragraphs(block.after))
    return "".join(out)


def _goals(summary: Summary) -> str:
    if not summary.goals:
        return '<p class="empty">No goals to show for this period.</p>'
    out = []
    for goal in summary.goals:
        out.append(heading(3, goal.title + (" (reached)" if goal.done else "")))
        if not goal.checkins:
            out.append('<p class="meta">No check-ins in this period.</p>')
        for day, note in goal.checkins:
            text = note.strip()
            out.append(label(long_day(day)))
            out.append(paragraphs(text) if text else '<p class="meta">Checked in.</p>')
    return "".join(out)


def _milestones(summary: Summary) -> str:
    if not summary.milestones:
        return '<p class="empty">No milestones were reached in this period, and that is fine.</p>'
    rows = "".join(
        f'<tr><td width="22%"><p class="meta">{esc(day_text(day))}</p></td>'
        f"<td>{para(text)}</td></tr>"
        for day, text in summary.milestones
    )
    return f'<table width="100%" cellspacing="0" cellpadding="3">{rows}</table>'


_SECTION_WRITERS = {
    Section.NUMBERS: _numbers,
    Section.CHART: _chart,
    Section.ENTRIES: _entries,
    Section.SETBACKS: _setbacks,
    Section.PRACTICE: _practice,
    Section.GOALS: _goals,
    Section.MILESTONES: _milestones,
}
