"""``tacitus export``: write stored events as JSON Lines, CSV, Parquet, PLOVER JSON or GDELT TSV."""

from __future__ import annotations

import argparse
import sys

from tacitus.cli.common import add_db_option
from tacitus.cli.events import MODALITY_FLAGS
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
    parser.add_argument("--actor", help="country or IGO code on either side (USA, NATO ...)")
    parser.add_argument("--source", help="country or IGO code of the source")
    parser.add_argument("--target", help="country or IGO code of the target")
    parser.add_argument("--sector", help="PLOVER sector on either side (GOV, MIL ...)")
    parser.add_argument("--type", dest="event_type", help="PLOVER event type (ASSAULT ...)")
    parser.add_argument("--mode", help="PLOVER mode")
    parser.add_argument("--quad-class", type=int, choices=(1, 2, 3, 4))
    parser.add_argument("--modality", choices=("factual",) + MODALITY_FLAGS)
    parser.add_argument("--since", metavar="DATE", help="event date on or after (YYYY-MM-DD)")
    parser.add_argument("--until", metavar="DATE", help="event date on or before (YYYY-MM-DD)")
    parser.add_argument("--search", dest="text", help="text in the evidence sentence")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from tacitus.query.export import export
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
    )
    written = export(open_store(args.db), args.format, args.output, flt, header=not args.no_header)
    what = "article records" if args.format == "jsonl" else "events"
    where = "stdout" if args.output == "-" else args.output
    print(f"tacitus: wrote {written} {what} to {where} ({args.format})", file=sys.stderr)
    return 0
