"""``tacitus articles``: list stored articles, or the inputs that failed and why."""

from __future__ import annotations

import argparse

from tacitus.cli.common import add_db_option
from tacitus.cli.output import FORMATS, write_frame


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("articles", help="list stored articles and failed inputs")
    add_db_option(parser)
    parser.add_argument("--failed", action="store_true", help="list the inputs that were not coded, with the reason")
    parser.add_argument("--limit", type=int, default=1000)
    parser.add_argument("--format", choices=FORMATS, default="table")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from tacitus.store.duck import open_store

    frame = open_store(args.db).articles(failed=args.failed, limit=args.limit)
    widths = {"title": 50, "origin": 50, "message": 70, "id": 24}
    write_frame(frame, args.format, widths=widths)
    return 0
