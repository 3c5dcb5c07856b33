"""``tacitus extract``: code articles and write one article record per line, without storing."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from typing import IO

from tacitus.cli.common import add_input_options, read_options, report_error
from tacitus.pipeline import CoderConfig
from tacitus.records import ArticleRecord, InputError


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("extract", help="code articles to JSON Lines article records")
    add_input_options(parser)
    parser.add_argument("-o", "--output", default="-", help="output file (default stdout)")
    parser.set_defaults(func=run)


def error_record(error: InputError, config: CoderConfig) -> dict[str, object]:
    """An article record for an input that never became an article: every key, no content."""
    from tacitus.records import Mentions
    from tacitus.version import __version__

    return {
        "id": None,
        "title": None,
        "published": None,
        "outlet": None,
        "url": None,
        "origin": error.input,
        "external_id": None,
        "text": None,
        "text_sha256": None,
        "events": [],
        "mentions": Mentions().to_dict(),
        "errors": [error.to_dict()],
        "coder": {"version": __version__, "config_hash": config.hash()},
    }


def run(args: argparse.Namespace) -> int:
    from tacitus.articles.readers import read_inputs
    from tacitus.runners.local import code_stream

    config = CoderConfig(classifier=not args.no_classifier)
    failed = 0
    with contextlib.ExitStack() as stack:
        out: IO[str] = (
            sys.stdout
            if args.output == "-"
            else stack.enter_context(open(args.output, "w", encoding="utf-8"))
        )
        items = read_inputs(args.paths, read_options(args))
        for result in code_stream(items, config=config, workers=args.workers):
            if isinstance(result, ArticleRecord):
                data = result.to_dict()
                for error in result.errors:
                    report_error(error)
                failed += bool(result.errors)
            else:
                data = error_record(result, config)
                report_error(result)
                failed += 1
            out.write(json.dumps(data, ensure_ascii=False) + "\n")
    return 1 if failed else 0
