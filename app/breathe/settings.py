"""The settings Breathe keeps in the vault, each declared once with its default. No Qt.

The keys are the ones earlier versions wrote, so a vault keeps your choices.
"""

from __future__ import annotations

from app.vault import Setting

# The pattern and length you chose last; requests from elsewhere do not change them.
PATTERN = Setting("breathe.pattern", "box")
# "5" for five minutes, "minutes:7" or "cycles:12" for a number you typed.
LENGTH = Setting("breathe.length", "5")
REDUCED_MOTION = Setting("breathe.reduced_motion", False)
SOUND = Setting("breathe.sound", False)
# How many "I'm flooded" breaks were taken: each ends with the next reopening phrase.
FLOODED_TURNS = Setting("breathe.flooded_turns", 0)
