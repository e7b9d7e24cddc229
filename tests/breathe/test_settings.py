"""Breathe's settings: the keys earlier versions wrote, read back with their defaults."""

from __future__ import annotations

from app.breathe import settings
from app.vault import Settings


def test_keys_stay_as_earlier_versions_wrote_them():
    assert {
        s.key: s.default
        for s in (
            settings.PATTERN,
            settings.LENGTH,
            settings.REDUCED_MOTION,
            settings.SOUND,
            settings.FLOODED_TURNS,
        )
    } == {
        "breathe.pattern": "box",
        "breathe.length": "5",
        "breathe.reduced_motion": False,
        "breathe.sound": False,
        "breathe.flooded_turns": 0,
    }


def test_a_vault_from_an_earlier_version_keeps_its_choices(vault):
    stored = Settings(vault)
    stored.set("breathe.pattern", "4-7-8")
    stored.set("breathe.length", "cycles:12")
    stored.set("breathe.sound", True)
    stored.set("breathe.flooded_turns", 3)
    assert stored.read(settings.PATTERN) == "4-7-8"
    assert stored.read(settings.LENGTH) == "cycles:12"
    assert stored.read(settings.SOUND) is True
    assert stored.read(settings.REDUCED_MOTION) is False  # never set: the default
    assert stored.read(settings.FLOODED_TURNS) == 3
