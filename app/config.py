"""The one plaintext file: small, and holding nothing private about the user.

It keeps only things needed before the vault is unlocked: the window geometry, the
last open area and the colour scheme, so the unlock dialog looks like the rest of the app.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

THEMES = ("system", "light", "dark")


@dataclass
class Config:
    theme: str = "system"
    window_geometry: str = ""  # base64 of QWidget.saveGeometry(); no user text
    last_area: str = ""  # the sidebar key open at lock or close ("reflect"), never content

    @classmethod
    def load(cls, path: Path) -> Config:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()  # missing or unreadable: defaults are always safe
        if not isinstance(raw, dict):
            return cls()
        known = {f.name for f in fields(cls)}
        config = cls(**{k: v for k, v in raw.items() if k in known and isinstance(v, str)})
        if config.theme not in THEMES:
            config.theme = "system"
        return config

    def save(self, path: Path) -> None:
        """Write atomically (temp file in the same folder, then rename), mode 0600."""
        tmp = path.with_name(path.name + ".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(asdict(self), out, indent=2)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
