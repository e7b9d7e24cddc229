"""`tend backup`, `tend restore`, `tend export` and `tend import`, headless, without Qt.

Progress goes to stderr as one line rewritten in place; messages never quote what a
person wrote.
"""

from __future__ import annotations

import argparse
import sys
import threading

EXPORT_WARNING = (
    "tend: note: this export is plain text; anyone who can open it can read every word. "
    "Keep it private and delete it when done."
)


def register(commands, common: argparse.ArgumentParser) -> None:
    backup = commands.add_parser(
        "backup",
        parents=[common],
        help="make an encrypted backup of the vault",
        description="Make an encrypted backup of the vault, into the backups folder beside "
        "it or to FILE. It opens with the passphrase your vault has today.",
    )
    backup.add_argument("--output", metavar="FILE", help="where to write the backup")
    backup.set_defaults(run=run_backup)

    restore = commands.add_parser(
        "restore",
        parents=[common],
        help="replace the vault with a backup (the current one is kept)",
        description="Check a backup, keep the current vault in the backups folder, then "
        "put the backup in its place. Give the passphrase the backup was made with.",
    )
    restore.add_argument("file", metavar="FILE", nargs="?", help="the backup to restore")
    restore.add_argument("--list", action="store_true", help="list the backups, newest first")
    restore.set_defaults(run=run_restore)

    export = commands.add_parser(
        "export",
        parents=[common],
        help="export everything you wrote, as plain text",
        description="Export as a folder of Markdown files (md) or one JSON file (json). "
        "The export is NOT encrypted.",
    )
    export.add_argument("--format", required=True, choices=("md", "json"))
    export.add_argument("--output", required=True, metavar="PATH")
    export.set_defaults(run=run_export)

    importing = commands.add_parser(
        "import",
        parents=[common],
        help="import a Tend, jrnl or Day One JSON export",
        description="Import entries from Tend's JSON export, jrnl's (jrnl --export json) or "
        "Day One's (the .json or the .zip). Entries already in the vault are skipped.",
    )
    importing.add_argument("--format", required=True, choices=("tend", "jrnl", "dayone"))
    importing.add_argument("file", metavar="FILE")
    importing.set_defaults(run=run_import)


class ProgressLine:
    """'Backing up… 42%' on a terminal, rewritten in place; silent when piped."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.shown = -1
        self.tty = sys.stderr.isatty()

    def __call__(self, done: int, total: int) -> None:
        if not self.tty:
            return
        percent = 100 if total <= 0 else min(100, done * 100 // total)
        if percent != self.shown:
            self.shown = percent
            sys.stderr.write(f"\r{self.label}… {percent}%")
            sys.stderr.flush()

    def finish(self) -> None:
        if self.tty and self.shown >= 0:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def run_backup(args: argparse.Namespace) -> int:
    from pathlib import Path

    from app.cli_support import UserError, open_vault, paths_of
    from app.clock import Clock
    from app.vault import Settings
    from app.vault.backup import BACKUPS_KEPT, backup_into_folder, make_backup

    paths = paths_of(args)
    line = ProgressLine("Backing up")
    with open_vault(args) as vault:
        try:
            if args.output:
                target = Path(args.output).expanduser()
                if target.exists():
                    raise UserError(f"{target} exists already; Tend will not overwrite it.")
                made = make_backup(vault, target, progress=line)
            else:
                keep = Settings(vault).read(BACKUPS_KEPT)
                made = backup_into_folder(vault, paths, Clock().now(), keep, progress=line)
        finally:
            line.finish()
    print(f"Backed up to {made}.")
    print("It opens with the passphrase your vault has today.")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from datetime import datetime
    from pathlib import Path

    from app.cli_support import UserError, paths_of, read_passphrase
    from app.vault.backup import list_backups, prepare_restore

    paths = paths_of(args)
    if args.list or not args.file:
        backups = list_backups(paths.backups)
        if not backups:
            print("There are no backups in the backups folder yet.", file=sys.stderr)
            return 0 if args.list else 2
        for info in backups:
            print(f"{info.path}  {info.label}")
        return 0
    source = Path(args.file).expanduser()
    if not source.is_file():
        raise UserError(f"There is no backup file at {source}.")
    passphrase = read_passphrase(args)
    prepared = prepare_restore(paths, source, passphrase)
    try:
        kept = prepared.commit(datetime.now())
    except BaseException:
        prepared.discard()
        raise
    print("Restored your vault from the backup.")
    if kept is not None:
        print(f"Your previous vault is kept as {kept}.")
    print("It opens with the passphrase the backup was made with.")
    return 0


def run_export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from app.cli_support import UserError, open_vault
    from app.clock import Clock
    from app.exchange.export import export_json, export_markdown

    target = Path(args.output).expanduser()
    if args.format == "json" and target.exists():
        raise UserError(f"{target} exists already; Tend will not overwrite it.")
    print(EXPORT_WARNING, file=sys.stderr)
    line = ProgressLine("Exporting")
    with open_vault(args, read_only=True) as vault:
        try:
            if args.format == "json":
                count = export_json(vault, target, Clock().now(), progress=line)
                what = "items"
            else:
                count = export_markdown(vault, target, progress=line)
                what = "entries"
        finally:
            line.finish()
    print(f"Exported {count} {what} to {target}.")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from app.cli_support import UserError, open_vault
    from app.exchange.importer import import_bundle, read_file
    from app.exchange.problems import ImportProblem

    source = Path(args.file).expanduser()
    if not source.exists():
        raise UserError(f"There is no file at {source}.")
    try:
        bundle = read_file(source, args.format)
    except ImportProblem as exc:
        raise UserError(exc.message) from None
    line = ProgressLine("Importing")
    with open_vault(args) as vault:
        try:
            report = import_bundle(vault, bundle, progress=line, cancel=threading.Event())
        except ImportProblem as exc:
            raise UserError(exc.message) from None
        finally:
            line.finish()
    print(report.summary())
    return 0
