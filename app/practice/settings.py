"""The settings Practise keeps in the vault, each declared once with its default."""

from __future__ import annotations

from app.practice.model import ExerciseKind
from app.vault import Setting

# The exercise on screen when Practise was last left, opened again next time.
CURRENT_EXERCISE = Setting("practice.current", ExerciseKind.STARTUP.value)
