"""`tend`: with no command it opens the window; subcommands work headless, without Qt."""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence
from types import SimpleNamespace
from typing import TYPE_CHECKING

from app import __version__

if TYPE_CHECKING:
    import argparse

# argparse and the terminal helpers are imported by the commands that use them: `tend`
# alone opens the window, and its first dialog does not wait for them.

# Areas that add headless subcommands: each module has register(commands, common).
AREA_COMMANDS = (
    "app.reflect.cli",
    "app.practice.cli",
    "app.progress.cli",
    "app.summary.cli",
    "app.exchange.cli",
)


def _run_init(args: argparse.Namespace) -> int:
    from app.cli_support import UserError, confirm_weak, paths_of, read_passphrase
    from app.vault import Vault

    paths = paths_of(args)
    if paths.vault.exists():
        raise UserError(f"A vault already exists at {paths.vault}; Tend will not overwrite it.")
    passphrase = read_passphrase(args, confirm=True)
    confirm_weak(passphrase, args)
    paths.ensure_data_dir()
    Vault.create(paths.vault, passphrase).close()
    print(f"Created a new vault at {paths.vault}.")
    print("Keep your passphrase safe: nobody, not even Tend, can recover it.")
    return 0


DAMAGED_HINT = (
    "Tend will not write to it. Your newest good backup can take its place "
    "(tend restore FILE); this file has not been changed."
)


def _run_check(args: argparse.Namespace) -> int:
    from app.cli_support import open_vault

    with open_vault(args, read_only=True) as vault:
        problems = vault.integrity_problems()
    if problems:
        print(f"The vault at {vault.path} is damaged:", file=sys.stderr)
        for line in problems:
            print(f"  {line}", file=sys.stderr)
        print(DAMAGED_HINT, file=sys.stderr)
        return 1
    print(f"The vault at {vault.path} is sound: encryption and structure check out.")
    return 0


def _run_demo(args: argparse.Namespace) -> int:
    from app.cli_support import BadValue, UserError, paths_of, read_passphrase
    from app.clock import Clock
    from app.demo import create_demo, make_passphrase

    if getattr(args, "data_dir", None) is None:
        raise UserError(
            "Give --data-dir DIR: the demo makes a new vault there, apart from your own."
        )
    paths = paths_of(args)
    if paths.vault.exists():
        raise UserError(
            f"A vault already exists at {paths.vault}; the demo only makes new ones "
            "and will not touch it."
        )
    if not 1 <= args.years <= 10:
        raise BadValue("--years is a whole number from 1 to 10.")
    passphrase = read_passphrase(args) if args.passphrase_file else make_passphrase()
    print(f"Writing {args.years} sample year(s) of Tend into {paths.vault}...", file=sys.stderr)
    counts = create_demo(paths.vault, passphrase, Clock().today(), years=args.years)
    print(f"Created a demo vault at {paths.vault}.")
    print(
        f"It holds {counts.entries} journal entries ({counts.setbacks} setbacks), "
        f"{counts.attempts} practice attempts, {counts.sessions} breathing sessions "
        f"and {counts.goals} goals with {counts.check_ins} check-ins, all made up."
    )
    if not args.passphrase_file:
        print(f"Passphrase: {passphrase}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="tend",
        description="Tend, a private companion for your relationship. "
        "With no command, opens the window.",
        epilog="For scripts, the passphrase may come from --passphrase-file FILE or the "
        "TEND_PASSPHRASE environment variable; otherwise Tend asks without echo.",
    )
    parser.add_argument("--version", action="version", version=f"tend {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="where the vault lives")

    # Shared by every subcommand; SUPPRESS keeps a top-level --data-dir from being reset.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS)
    common.add_argument(
        "--passphrase-file", metavar="FILE", help="read the passphrase from FILE (for scripts)"
    )

    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    init = commands.add_parser("init", parents=[common], help="create a new vault")
    init.set_defaults(run=_run_init)
    check = commands.add_parser(
        "check", parents=[common], help="check the vault's encryption and structure"
    )
    check.set_defaults(run=_run_check)
    demo = commands.add_parser(
        "demo",
        parents=[common],
        help="make a new vault filled with a sample year, to try Tend",
        description="Create a NEW vault in --data-dir filled with a made-up, kind year of "
        "use in every area. Prints the passphrase unless --passphrase-file gives one. "
        "Never touches an existing vault.",
    )
    demo.add_argument("--years", type=int, default=1, help="how many years (1 to 10)")
    demo.set_defaults(run=_run_demo)
    for name in AREA_COMMANDS:
        importlib.import_module(name).register(commands, common)
    return parser


def _open_window(args: argparse.Namespace | SimpleNamespace) -> int:
    from app import system_libs

    env = os.environ
    if system_libs.no_display(env):
        print(f"tend: {system_libs.NO_DISPLAY}", file=sys.stderr)
        return 1
    # X11's platform plugin aborts the process when a library is missing, so look
    # first; any other missing library of Qt's shows up as an ImportError just below.
    missing = system_libs.missing_packages(env) if system_libs.uses_x11(env) else []
    if not missing:
        try:
            from app.shell.app import run_app
        except ImportError:
            missing = system_libs.missing_packages(env)
            if not missing:
                raise
    if missing:
        print(f"tend: {system_libs.advice(missing)}", file=sys.stderr)
        return 1
    from app.paths import Paths

    return run_app(Paths.resolve(getattr(args, "data_dir", None)))


def window_only(argv: Sequence[str]) -> SimpleNamespace | None:
    """`tend` or `tend --data-dir DIR`: the window, read without loading every command's
    module, so the first dialog appears sooner. None for anything else."""
    match list(argv):
        case []:
            return SimpleNamespace(data_dir=None)
        case ["--data-dir", folder] if not folder.startswith("-"):
            return SimpleNamespace(data_dir=folder)
        case [option] if option.startswith("--data-dir=") and len(option) > len("--data-dir="):
            return SimpleNamespace(data_dir=option.partition("=")[2])
    return None


def main(argv: Sequence[str] | None = None) -> int:
    from app.hardening import disable_core_dumps

    disable_core_dumps()
    argv = sys.argv[1:] if argv is None else argv
    args = window_only(argv) or build_parser().parse_args(argv)
    run = getattr(args, "run", None)
    if run is None:
        return _open_window(args)
    from app.cli_support import UserError
    from app.vault import VaultError

    try:
        return run(args)
    except (UserError, VaultError) as exc:
        print(f"tend: {exc}", file=sys.stderr)
        return getattr(exc, "code", 1)
    except BrokenPipeError:  # the reader stopped early (`| head`): nothing went wrong
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:  # a folder that is a file, a disk that is full, no permission
        where = f" {exc.filename}" if exc.filename else ""
        print(f"tend: cannot use{where}: {exc.strerror or 'input/output error'}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
