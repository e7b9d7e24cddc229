"""Where Tend's files live. The one module that knows; nothing is created at import."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

VAULT_FILE = "tend.db"
CONFIG_FILE = "config.json"
BACKUPS_DIR = "backups"


@dataclass(frozen=True)
class Paths:
    data_dir: Path

    @classmethod
    def default(cls) -> Paths:
        # Imported here so `tend --version` and friends pay nothing for it.
        from platformdirs import user_data_dir

        return cls(Path(user_data_dir("Tend", appauthor=False, roaming=True)))

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None) -> Paths:
        return cls(Path(data_dir).expanduser().absolute()) if data_dir else cls.default()

    @property
    def vault(self) -> Path:
        return self.data_dir / VAULT_FILE

    @property
    def config(self) -> Path:
        return self.data_dir / CONFIG_FILE

    @property
    def backups(self) -> Path:
        """Encrypted copies of the vault, each openable with the passphrase of its day."""
        return self.data_dir / BACKUPS_DIR

    def ensure_backups_dir(self) -> Path:
        """Create the backups folder inside the data folder, private to this user (0700)."""
        self.ensure_data_dir()
        if not self.backups.is_dir():
            self.backups.mkdir(mode=0o700)
            os.chmod(self.backups, 0o700)  # mkdir's mode is filtered by the umask
        return self.backups

    def ensure_data_dir(self) -> Path:
        """Create the data folder, private to this user (0700).

        A folder that exists already is left as it is: it may be one the person chose.
        """
        if not self.data_dir.is_dir():
            self.data_dir.parent.mkdir(parents=True, exist_ok=True)
            self.data_dir.mkdir(mode=0o700)
            os.chmod(self.data_dir, 0o700)  # mkdir's mode is filtered by the umask
        return self.data_dir
