"""``tacitus events``: list stored events with their evidence sentence."""

from __future__ import annotations

import argparse

from tacitus.cli.common import add_db_option
from tacitus.cli.output import FORMATS, write_frame

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
MODALITY_FLAGS = ("negated", "hypothetical", "future", "claimed", "denied")


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("events", help="list stored events with their evidence")
    add_db_option(parser)
    parser.add_argument("--actor", help="country or IGO code on either side (USA, NATO ...)")
    parser.add_argument("--source", help="country or IGO code of the source")
    parser.add_argument("--target", help="country or IGO code of the target")
    parser.add_argument("--sector", help="PLOVER sector on either side (GOV, MIL ...)")
    parser.add_argument("--type", dest="event_type", help="PLOVER event type (ASSAULT ...)")
    parser.add_argument("--mode", help="PLOVER mode")
    parser.add_argument("--quad-class", type=int, choices=(1, 2, 3, 4))
    parser.add_argument(
        "--modality",
        choices=("factual",) + MODALITY_FLAGS,
        help="only events with this modality (factual = none of the others)",
    )
    parser.add_argument("--since", metavar="DATE", help="event date on or after (YYYY-MM-DD)")
    parser.add_argument("--until", metavar="DATE", help="event date on or before (YYYY-MM-DD)")
    parser.add_argument("--search", dest="text", help="text in the evidence sentence")
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument("--offset", type=int, default=0)
    parser.add_argument("--format", choices=FORMATS, default="table")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from tacitus.query.filters import EventFilter
    from tacitus.store.duck import open_store

    flt = EventFilter(
        actor=args.actor,
        source=args.source,
        target=args.target,
        sector=args.sector,
        event_type=args.event_type,
        mode=args.mode,
        quad_class=args.quad_class,
        modality=args.modality,
        since=args.since,
        until=args.until,
        text=args.text,
        limit=args.limit,
        offset=args.offset,
    )
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
