"""Journal entries: what one is, the kinds, and the rules a saved entry keeps.

Pure Python: no Qt, no SQL. The store persists these dataclasses; views edit them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from enum import StrEnum

from app.validation import Invalid


class Kind(StrEnum):
    REFLECTION = "reflection"
    CHECK_IN = "check_in"
    GRATITUDE = "gratitude"
    SETBACK = "setback"
    UNSENT_LETTER = "unsent_letter"
    SHARED_MOMENT = "shared_moment"
    BOUNDARY = "boundary"


@dataclass(frozen=True)
class KindInfo:
    """How a kind of entry looks and how it shapes the editor."""

    kind: Kind
    label: str
    icon: str  # a name under resources/icons/, chosen by the view task
    blurb: str  # one line under the kind picker
    placeholder: str  # what an empty body says
    prompt_sets: tuple[str, ...]  # prompt sets offered first for this kind
    shows_setback: bool = False  # the structured "what happened / learned / next" fields
    shows_mood: bool = True  # mood and closeness sliders
    start_with_template: bool = False  # a new entry opens with its set's questions


KINDS: dict[Kind, KindInfo] = {
    info.kind: info
    for info in (
        KindInfo(
            Kind.REFLECTION,
            "Reflection",
            "reflection",
            "Look inward at something on your mind.",
            "What is on your mind? There is no wrong way to begin.",
            ("after-conflict", "emotional-awareness", "triggers"),
        ),
        KindInfo(
            Kind.CHECK_IN,
            "Daily check-in",
            "check-in",
            "A few honest lines about today.",
            "How are you, really, today?",
            ("daily-check-in",),
            start_with_template=True,
        ),
        KindInfo(
            Kind.GRATITUDE,
            "Gratitude",
            "gratitude",
            "Notice something you value in your partner or your life together.",
            "What did you notice and appreciate today?",
            ("appreciation",),
        ),
        KindInfo(
            Kind.SETBACK,
            "Setback",
            "setback",
            "A hard moment, written as learning rather than failure.",
            "Anything else you want to remember about this moment.",
            ("setbacks", "after-conflict"),
            shows_setback=True,
        ),
        KindInfo(
            Kind.UNSENT_LETTER,
            "Unsent letter",
            "letter",
            "Words for forgiveness, or things not yet sayable. Only you will read them.",
            "Dear…",
            ("forgiveness",),
            shows_mood=False,
        ),
        KindInfo(
            Kind.SHARED_MOMENT,
            "Shared moment",
            "shared-moment",
            "Something you did or felt together.",
            "What did you share, and what made it matter?",
            ("shared-goals", "appreciation"),
        ),
        KindInfo(
            Kind.BOUNDARY,
            "Boundary note",
            "boundary",
            "What you need, what you can offer, and how you might say it.",
            "What do you need space for, and how could you ask for it kindly?",
            ("boundaries",),
        ),
    )
}


class SetbackPattern(StrEnum):
    """The patterns that tend to show up in a hard moment (the four horsemen and kin)."""

    CRITICISM = "criticism"
    CONTEMPT = "contempt"
    DEFENSIVENESS = "defensiveness"
    STONEWALLING = "stonewalling"
    WITHDRAWING = "withdrawing"
    OTHER = "other"


PATTERN_LABELS: dict[SetbackPattern, str] = {
    SetbackPattern.CRITICISM: "Criticism",
    SetbackPattern.CONTEMPT: "Contempt",
    SetbackPattern.DEFENSIVENESS: "Defensiveness",
    SetbackPattern.STONEWALLING: "Stonewalling",
    SetbackPattern.WITHDRAWING: "Withdrawing",
    SetbackPattern.OTHER: "Something else",
}

# A gentle pointer shown beside the pattern picker; never a verdict on the person.
PATTERN_HINTS: dict[SetbackPattern, str] = {
    SetbackPattern.CRITICISM: (
        "A complaint about a moment can slip into a judgement of a person. "
        "Next time you might try naming the moment and what you need."
    ),
    SetbackPattern.CONTEMPT: (
        "Mockery or eye-rolling often grows from long-held hurt. "
        "Remembering what you value in each other is a gentle antidote."
    ),
    SetbackPattern.DEFENSIVENESS: (
        "Protecting yourself is natural. Owning even a small part of "
        "what happened can soften the whole conversation."
    ),
    SetbackPattern.STONEWALLING: (
        "Going quiet often means you are flooded. Saying you need a break, "
        "and when you will come back, keeps the door open."
    ),
    SetbackPattern.WITHDRAWING: (
        "Stepping back can protect you and still leave your partner alone. "
        "A small sign that you will return can help you both."
    ),
    SetbackPattern.OTHER: "Whatever showed up, noticing it is the first step.",
}


@dataclass(frozen=True)
class Setback:
    """Learning from a hard moment, and later how the two of you repaired it."""

    pattern: SetbackPattern | None = None
    what_happened: str = ""
    what_i_learned: str = ""
    what_next: str = ""
    repaired_on: date | None = None
    how_repaired: str = ""

    @property
    def is_empty(self) -> bool:
        return self == Setback()


@dataclass(frozen=True)
class Entry:
    """One journal entry. ``id`` is None until the store saves it."""

    entry_date: date
    kind: Kind = Kind.REFLECTION
    title: str = ""
    body: str = ""  # Markdown
    mood: int | None = None  # 1 (very low) .. 5 (very good)
    closeness: int | None = None  # 1 (far apart) .. 5 (very close)
    feelings: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    starred: bool = False
    shareable: bool = False  # private unless the person says otherwise
    prompt_id: str | None = None
    setback: Setback | None = None
    id: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @property
    def display_title(self) -> str:
        return display_title(self.title, self.body, self.kind)

    @property
    def info(self) -> KindInfo:
        return KINDS[self.kind]


def new_entry(today: date, kind: Kind = Kind.REFLECTION, **fields: object) -> Entry:
    """A fresh draft dated today; setbacks start with their empty learning fields."""
    setback = Setback() if kind is Kind.SETBACK else None
    return Entry(entry_date=today, kind=kind, setback=setback, **fields)  # type: ignore[arg-type]


# -- display -------------------------------------------------------------------------

TITLE_PREVIEW_CHARS = 80
_MARKDOWN_LEAD = re.compile(
    r"^\s{0,3}(?:#{1,6}(?:\s+|$)|>\s*|[-*+]\s+(?:\[[ xX]\]\s+)?|\d+[.)]\s+)+"
)


def first_line(body: str) -> str:
    """The first line with words in it, without its Markdown heading or list marker."""
    for line in body.splitlines():
        text = _MARKDOWN_LEAD.sub("", line).strip().strip("*_`").strip()
        if text:
            return text
    return ""


def shorten(text: str, limit: int = TITLE_PREVIEW_CHARS) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-") + "…"


def display_title(title: str, body: str, kind: Kind = Kind.REFLECTION) -> str:
    """What the list shows: the title, else the first line, else the kind's name."""
    text = title.strip() or first_line(body)
    if not text:
        return f"Untitled {KINDS[kind].label.lower()}"
    return shorten(" ".join(text.split()))


# -- validation ----------------------------------------------------------------------

EARLIEST_DATE = date(1900, 1, 1)
FUTURE_DAYS_ALLOWED = 366
MAX_TITLE_CHARS = 300
# The largest entry: two million characters, about 2 MB of plain text or a thousand
# pages. Far beyond any journal entry, yet small enough that the editor opens it in
# well under a second; a 50 MB paste once froze the window for most of a minute.
MAX_BODY_CHARS = 2_000_000
MAX_TAG_CHARS = 40
MAX_TAGS = 30


class InvalidEntry(Invalid):
    """A journal entry that cannot be saved as it is: the shared ``Invalid(field,
    message)``, named for Reflect so its callers say what they expect."""


def check_scale(value: object, field: str, label: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise InvalidEntry(field, f"{label} is a number from 1 to 5, or left empty.")
    return value


def check_date(value: date, field: str, today: date, label: str) -> date:
    latest = today + timedelta(days=FUTURE_DAYS_ALLOWED)
    if not isinstance(value, date) or isinstance(value, datetime):
        raise InvalidEntry(field, f"{label} needs to be a calendar date.")
    if value < EARLIEST_DATE:
        raise InvalidEntry(field, f"{label} is too far in the past: choose 1900 or later.")
    if value > latest:
        raise InvalidEntry(
            field, f"{label} is more than a year ahead: choose {latest.isoformat()} or earlier."
        )
    return value


_YYYY_MM_DD = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def parse_date(text: str, field: str = "entry_date", label: str = "The date") -> date:
    """A date typed by a person (YYYY-MM-DD), with a message that says how to fix it.

    Only that form: Python also reads 20260105 and week dates, which the message
    does not promise and a person may not have meant.
    """
    try:
        if not _YYYY_MM_DD.fullmatch(text.strip()):
            raise ValueError
        return date.fromisoformat(text.strip())
    except (ValueError, AttributeError):
        raise InvalidEntry(
            field, f"{label} is not a date Tend can read: use YYYY-MM-DD, for example 2026-01-15."
        ) from None


_TAG_JUNK = re.compile(r"[^\w\-]+")


def normalise_tag(text: str) -> str:
    """'#Old Wounds ' -> 'old-wounds': lower case, no spaces, no stray punctuation."""
    tag = unicodedata.normalize("NFC", text).strip().lstrip("#").casefold()
    tag = "-".join(tag.split())
    tag = _TAG_JUNK.sub("", tag).strip("-_")
    tag = re.sub(r"-{2,}", "-", tag)
    if len(tag) > MAX_TAG_CHARS:  # refused like a long title, never cut without a word
        raise InvalidEntry("tags", f"A tag can be up to {MAX_TAG_CHARS} characters long.")
    return tag


def normalise_tags(tags: object) -> tuple[str, ...]:
    """Accepts a list or a comma/space separated string; keeps first-seen order."""
    items = re.split(r"[,\s]+", tags) if isinstance(tags, str) else list(tags or ())  # type: ignore[call-overload]
    seen: dict[str, None] = {}
    for item in items:
        tag = normalise_tag(str(item))
        if tag:
            seen.setdefault(tag, None)
    if len(seen) > MAX_TAGS:
        raise InvalidEntry("tags", f"An entry can carry up to {MAX_TAGS} tags.")
    return tuple(seen)


def normalise_feelings(feelings: object) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for item in feelings or ():  # type: ignore[attr-defined]
        feeling = " ".join(str(item).casefold().split())
        if feeling:
            seen.setdefault(feeling, None)
    return tuple(seen)


def without_nul(text: str) -> str:
    """NUL characters are removed: they mean nothing in prose, cut text short in C
    programs and show as nothing or garbage on a terminal."""
    return text.replace("\x00", "")


def validate(entry: Entry, today: date) -> Entry:
    """The entry as it will be saved, or InvalidEntry saying which field to fix and how.

    Messages never quote what the person wrote.
    """
    try:
        kind = Kind(entry.kind)
    except ValueError:
        raise InvalidEntry("kind", "That kind of entry is not one Tend knows.") from None
    check_date(entry.entry_date, "entry_date", today, "The entry date")
    check_scale(entry.mood, "mood", "Mood")
    check_scale(entry.closeness, "closeness", "Closeness")
    if len(entry.body) > MAX_BODY_CHARS:
        raise InvalidEntry(
            "body",
            f"An entry can hold up to {MAX_BODY_CHARS:,} characters; this one is longer. "
            "You could split it over several entries.",
        )
    title = " ".join(without_nul(entry.title).split())
    if len(title) > MAX_TITLE_CHARS:
        raise InvalidEntry("title", f"A title can be up to {MAX_TITLE_CHARS} characters long.")
    setback = entry.setback
    if setback is not None:
        pattern = setback.pattern
        if pattern is not None:
            try:
                pattern = SetbackPattern(pattern)
            except ValueError:
                raise InvalidEntry("pattern", "That pattern is not one Tend knows.") from None
        if setback.repaired_on is not None:
            check_date(setback.repaired_on, "repaired_on", today, "The repair date")
            if setback.repaired_on < entry.entry_date:
                raise InvalidEntry(
                    "repaired_on", "The repair date comes before the setback itself."
                )
        setback = replace(
            setback,
            pattern=pattern,
            what_happened=without_nul(setback.what_happened),
            what_i_learned=without_nul(setback.what_i_learned),
            what_next=without_nul(setback.what_next),
            how_repaired=without_nul(setback.how_repaired),
        )
    return replace(
        entry,
        kind=kind,
        title=title,
        body=without_nul(entry.body),
        tags=normalise_tags(entry.tags),
        feelings=normalise_feelings(entry.feelings),
        setback=setback,
    )


# -- feelings ------------------------------------------------------------------------


# -- finding entries -------------------------------------------------------------------


@dataclass(frozen=True)
class EntryFilter:
    """What the list and search narrow down to; empty fields mean "any"."""

    kinds: frozenset[Kind] = frozenset()
    tags: tuple[str, ...] = ()  # every one of them
    feelings: tuple[str, ...] = ()  # every one of them
    mood_min: int | None = None
    mood_max: int | None = None
    starred_only: bool = False
    shareable_only: bool = False
    date_from: date | None = None
    date_to: date | None = None

    @property
    def is_empty(self) -> bool:
        return self == EntryFilter()


@dataclass(frozen=True)
class EntryRow:
    """The light row the list shows: no body, so a window of rows stays small."""

    id: int
    entry_date: date
    title: str  # the display title: the title, or the first line of the body
    kind: Kind
    mood: int | None
    tags: tuple[str, ...]
    starred: bool


@dataclass(frozen=True)
class MonthGroup:
    """One month's block in the newest-first list: where it starts and how long it is."""

    year: int
    month: int
    count: int
    offset: int  # index of its first row in the list

    @property
    def label(self) -> str:
        return date(self.year, self.month, 1).strftime("%B %Y")
