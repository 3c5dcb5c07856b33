"""``tacitus events``: list stored events with their evidence sentence."""

from __future__ import annotations

import argparse

from tacitus.cli.common import add_db_option, add_filter_options, event_filter
from tacitus.cli.output import FORMATS, write_frame
from tacitus.query.filters import MODALITY_FLAGS

TABLE_COLUMNS = {
    "event_date": 10,
    "event_type": 9,
    "source_codes": 10,
    "target_codes": 10,
    "trigger_text": 14,
    "modality": 12,
    "confidence": 5,
    "evidence_text": 70,
}


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("events", help="list stored events with their evidence")
    add_db_option(parser)
    add_filter_options(parser)
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument("--offset", type=int, default=0)
    parser.add_argument("--format", choices=FORMATS, default="table")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from tacitus.store.duck import open_store

    flt = event_filter(args, limit=args.limit, offset=args.offset)
    frame = open_store(args.db).events(flt)
    if args.format == "table":
        frame["modality"] = frame.apply(
            lambda row: ",".join(f for f in MODALITY_FLAGS if row[f]) or "factual", axis=1
        )
        frame["event_date"] = frame["date_value"].fillna("")
        write_frame(frame[list(TABLE_COLUMNS)], "table", widths=TABLE_COLUMNS)
    else:
        write_frame(frame, args.format)
    return 0
