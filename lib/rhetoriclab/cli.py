"""The ``rhetoriclab`` command line: one subcommand per module in :mod:`rhetoriclab.commands`."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from rhetoriclab import __version__

#: Subcommand modules, in the order ``--help`` lists them. Each defines ``register(subparsers)``.
COMMANDS = ("load", "quotes", "stances", "run", "evaluate", "bench")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rhetoriclab",
        description="Load articles, find who said what, code stances, and chart rhetoric over time.",
    )
    parser.add_argument("--version", action="version", version=f"rhetoriclab {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"rhetoriclab.commands.{name}")
        except ModuleNotFoundError as e:
            if e.name != f"rhetoriclab.commands.{name}":
                raise
            continue
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        status = int(args.func(args) or 0)
        sys.stdout.flush()
        return status
    except BrokenPipeError:  # e.g. `rhetoriclab quotes ... | head`
        _silence_stdout()
        return 0
    except (FileNotFoundError, ValueError, RuntimeError) as e:
        print(f"rhetoriclab {args.command}: error: {e}", file=sys.stderr)
        return 1
    except OSError as e:  # standard output cannot be written, e.g. `> /dev/full`
        _silence_stdout()
        where = e.filename or "standard output"
        print(f"rhetoriclab {args.command}: error: cannot write {where}: {e.strerror or e}", file=sys.stderr)
        return 1


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so the interpreter's final flush of what could not be written
    does not end in a second error."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # stdout replaced by an object without a file descriptor
        pass


if __name__ == "__main__":
    raise SystemExit(main())
