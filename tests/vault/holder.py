"""Another process using the vault, as a long import or a second Tend would.

python tests/vault/holder.py VAULT hold        (passphrase in TEND_TEST_PASSPHRASE)
    takes the write lock (BEGIN IMMEDIATE), prints "holding", and waits for a line
    on stdin; then commits, prints "released" and waits for stdin to close.
python tests/vault/holder.py VAULT rekey NEW
    changes the passphrase to NEW, prints "rekeyed" and exits.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.vault import Vault


def main() -> int:
    path, action = Path(sys.argv[1]), sys.argv[2]
    passphrase = os.environ["TEND_TEST_PASSPHRASE"]
    with Vault.open(path, passphrase) as vault:
        if action == "rekey":
            vault.change_passphrase(passphrase, sys.argv[3])
            print("rekeyed", flush=True)
            return 0
        conn = getattr(vault.connection, "raw", vault.connection)  # the driver's own
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO settings(key, value) VALUES ('holder', '1')")
        print("holding", flush=True)
        sys.stdin.readline()
        conn.execute("COMMIT")
        print("released", flush=True)
        sys.stdin.read()
    return 0


if __name__ == "__main__":
    sys.exit(main())
