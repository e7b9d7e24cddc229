"""Blank worksheets to print: what each page says and which boxes it has. Qt-free.

A worksheet is a title, a few warm lines of introduction, and boxes to write in. Each box
has a prompt and a share of the page's height; `ui/render.py` draws them on one page.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Box:
    prompt: str
    hint: str = ""
    weight: float = 1.0  # share of the page's free height
    column: int = 0  # 0 for full width; 1 or 2 for the left or right half of a row
    ticks: tuple[str, ...] = ()  # a checklist instead of writing lines


@dataclass(frozen=True)
class Worksheet:
    name: str  # as typed on the command line
    title: str
    intro: str
    boxes: tuple[Box, ...]
    closing: str = ""


WORKSHEETS: dict[str, Worksheet] = {
    sheet.name: sheet
    for sheet in (
        Worksheet(
            "gentle-start-up",
            "A gentle start-up",
            "Before you raise something hard, shape it here. Speak about one moment and "
            "about yourself, and end with something your partner can say yes to. "
            "It is fine to cross out and try again.",
            (
                Box("When…", "the moment itself, as a camera would have seen it", 1.0),
                Box("I feel…", "one or two feelings, in your own words", 0.8),
                Box("because I need…", "what matters to you underneath the feeling", 0.9),
                Box("Would you be willing to…?", "one small, clear thing to say yes to", 1.0),
                Box("Said all together, out loud", "read it back: does it sound like you?", 1.2),
            ),
            "A calm start makes a calm middle far more likely.",
        ),
        Worksheet(
            "active-listening",
            "Active listening, for two",
            "Take turns. One of you speaks about one thing for a few minutes; the other "
            "listens to understand rather than to answer, then says back what they heard. "
            "Swap when the speaker feels understood.",
            (
                Box("Speaker: what I want you to understand", "", 1.3, column=1),
                Box("Listener: what I heard you say", "in your own words, no advice", 1.3, 2),
                Box("Speaker: what I feel about it", "", 1.0, column=1),
                Box("Listener: the feeling I think is there", "ask: did I get that?", 1.0, 2),
                Box("Speaker: what I need", "", 1.0, column=1),
                Box("Listener: what I could offer", "only once the speaker feels heard", 1.0, 2),
            ),
            "You do not have to agree to understand. Understanding comes first.",
        ),
        Worksheet(
            "repair-checklist",
            "A repair checklist",
            "After a hard moment, a repair does not need to be perfect, only sincere. "
            "Tick what you have tried, and notice what helped.",
            (
                Box(
                    "Calming down first",
                    "",
                    1.0,
                    ticks=(
                        "I noticed when I was flooded and asked for a break",
                        "I said when I would come back, and I came back",
                        "I breathed slowly or walked until my body settled",
                    ),
                ),
                Box(
                    "Reaching back",
                    "",
                    1.0,
                    ticks=(
                        "I said sorry for my part, without a 'but'",
                        "I asked how it felt for them, and listened",
                        "I used a softer word, a touch or a little humour",
                        "I named one thing I value in them",
                    ),
                ),
                Box(
                    "Moving on together",
                    "",
                    1.0,
                    ticks=(
                        "We agreed on one small thing to do differently",
                        "We checked in again a day or two later",
                    ),
                ),
                Box("What helped most this time", "", 1.2),
            ),
            "Every repair you try teaches you both that you can find your way back.",
        ),
        Worksheet(
            "owning-my-part",
            "Owning my part",
            "Taking responsibility for even a small part of what happened can soften the "
            "whole conversation. This is not about blame; it is about what is yours to change.",
            (
                Box("What happened", "briefly, as a camera would have seen it", 1.0),
                Box("The part that was mine", "what I said, did, or left unsaid", 1.1),
                Box("How it may have felt for my partner", "", 1.0),
                Box("What I want to say to them", "I'm sorry that I…", 1.1),
                Box("What I will try next time", "one small, real step", 1.0),
            ),
            "Owning your part is an act of strength, and of care.",
        ),
    )
}


def find(name: str) -> Worksheet | None:
    key = name.strip().lower().replace("_", "-").replace(" ", "-")
    return WORKSHEETS.get(key)
