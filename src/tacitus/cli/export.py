"""``tacitus export``: write stored events as JSON Lines, CSV, Parquet, PLOVER JSON or GDELT TSV."""

from __future__ import annotations

import argparse
import sys

from tacitus.cli.common import add_db_option, add_filter_options, event_filter
from tacitus.query.export import FORMATS


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "export",
        help="export events: article records, flat CSV/Parquet, PLOVER JSON, GDELT-style TSV",
    )
    add_db_option(parser)
    parser.add_argument(
        "--format",
        choices=FORMATS,
        required=True,
        help="jsonl: article records; csv/parquet: one row per event; plover: PLOVER JSON records; "
        "gdelt: GDELT 2.0 event columns, tab-separated",
    )
    parser.add_argument("-o", "--output", default="-", help="output file (default stdout; parquet needs a file)")
    parser.add_argument("--no-header", action="store_true", help="csv/gdelt: leave out the header row (GDELT's own files have none)")
    add_filter_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from tacitus.query.export import export
    from tacitus.store.duck import open_store

    flt = event_filter(args)
    written = export(open_store(args.db), args.format, args.output, flt, header=not args.no_header)
    what = "article records" if args.format == "jsonl" else "events"
    where = "stdout" if args.output == "-" else args.output
    print(f"tacitus: wrote {written} {what} to {where} ({args.format})", file=sys.stderr)
    return 0
