"""One shape for "this cannot be saved as it is", shared by every area. No Qt.

A model or store raises ``Invalid(field, message)``: ``field`` names what to fix (so a
view can point at it) and ``message`` says why, for a person, never quoting their words.
"""

from __future__ import annotations


class Invalid(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message
