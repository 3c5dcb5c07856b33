"""The ``tacitus`` command: one error boundary over one module per command."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from tacitus.errors import TacitusError
from tacitus.version import __version__

# Each module exposes add_parser(subparsers) and sets ``func`` on its parser(s).
COMMANDS: tuple[str, ...] = (
    "demo",
    "extract",
    "ingest",
    "events",
    "articles",
    "actors",
    "serve",
    "export",
    "train",
)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every installed command."""
    parser = argparse.ArgumentParser(
        prog="tacitus",
        description="Evidence-linked PLOVER event data from news articles.",
    )
    parser.add_argument("--version", action="version", version=f"tacitus {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"tacitus.cli.{name}")
        except ModuleNotFoundError as e:
            if e.name != f"tacitus.cli.{name}":
                raise
            continue
        module.add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command and turn errors into exit codes: 0 ok, 1 some inputs failed, 2 error."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args))
    except TacitusError as e:
        print(f"tacitus: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("tacitus: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
