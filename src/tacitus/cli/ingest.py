"""``tacitus ingest``: code articles and store them in the DuckDB store."""

from __future__ import annotations

import argparse
import sys

from tacitus.cli.common import add_db_option, add_input_options, read_options, report_error
from tacitus.pipeline import CoderConfig


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("ingest", help="code articles and store them")
    add_input_options(parser)
    add_db_option(parser)
    parser.add_argument("--batch-size", type=int, default=256, help="articles per write (default 256)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from tacitus.ingest import ingest
    from tacitus.store.duck import open_store

    store = open_store(args.db)
    report = ingest(
        args.paths,
        store,
        options=read_options(args),
        config=CoderConfig(classifier=not args.no_classifier),
        workers=args.workers,
        batch_size=args.batch_size,
        command="ingest " + " ".join(args.paths),
    )
    if report.resumed_from:
        print(
            f"resuming after interrupted run(s) {', '.join(report.resumed_from)}: "
            f"{report.skipped} article(s) already stored are skipped",
            file=sys.stderr,
        )
    for error in report.errors:
        report_error(error)
    print(
        f"run {report.run_id}: {report.inputs} input(s), {report.coded} coded, "
        f"{report.skipped} already stored, {report.failed} failed; "
        f"+{report.articles_added} article(s), +{report.events_added} event(s) in {args.db}",
        file=sys.stderr,
    )
    return 0 if report.ok else 1
