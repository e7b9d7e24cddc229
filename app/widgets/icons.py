"""The one way Qt code loads an icon from resources/icons/."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from app import resources


def icon(name: str) -> QIcon:
    """``name`` is a path under resources/icons/, such as "lock.svg" or "kinds/gratitude.svg"."""
    return QIcon(str(resources.path(f"icons/{name}")))
