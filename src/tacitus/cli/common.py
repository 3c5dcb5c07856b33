"""Options and output helpers shared by the commands."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from tacitus.articles.checks import DEFAULT_MAX_CHARS
from tacitus.articles.readers import ReadOptions
from tacitus.records import InputError
from tacitus.query.filters import MODALITIES
from tacitus.store.duck import DEFAULT_DB

if TYPE_CHECKING:
    from tacitus.query.filters import EventFilter


def add_input_options(parser: argparse.ArgumentParser) -> None:
    """Inputs and how to read them."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files, directories or - for JSONL on stdin")
    parser.add_argument("--published", metavar="DATE", help="publication date (YYYY-MM-DD) for inputs that lack one")
    parser.add_argument("--outlet", help="outlet name for inputs that lack one")
    parser.add_argument(
        "--max-chars", type=int, default=DEFAULT_MAX_CHARS, help="reject texts longer than this (default 2,000,000)"
    )
    parser.add_argument("--workers", type=int, default=1, help="local worker processes (default 1)")
    parser.add_argument("--no-classifier", action="store_true", help="code with the lexicon only")


def read_options(args: argparse.Namespace) -> ReadOptions:
    """ReadOptions from the parsed arguments."""
    from tacitus.articles.checks import parse_published

    return ReadOptions(
        published=parse_published(args.published, origin="--published"),
        max_chars=args.max_chars,
        outlet=args.outlet,
    )


def add_db_option(parser: argparse.ArgumentParser) -> None:
    """The store file."""
    parser.add_argument("--db", default=DEFAULT_DB, help=f"DuckDB store file (default ./{DEFAULT_DB})")


def report_error(error: InputError) -> None:
    """One line on stderr for an input that was not coded."""
    print(f"tacitus: skipped {error.input or '-'}: [{error.code}] {error.message}", file=sys.stderr)



def add_filter_options(parser: argparse.ArgumentParser) -> None:
    """The event filters shared by ``tacitus events`` and ``tacitus export``."""
    parser.add_argument("--actor", help="country or IGO code on either side (USA, NATO ...)")
    parser.add_argument("--source", help="country or IGO code of the source")
    parser.add_argument("--target", help="country or IGO code of the target")
    parser.add_argument("--sector", help="PLOVER sector on either side (GOV, MIL ...)")
    parser.add_argument("--type", dest="event_type", help="PLOVER event type (ASSAULT ...)")
    parser.add_argument("--mode", help="PLOVER mode")
    parser.add_argument("--quad-class", type=int, choices=(1, 2, 3, 4))
    parser.add_argument(
        "--modality",
        choices=MODALITIES,
        help="only events with this modality (factual = none of the others)",
    )
    parser.add_argument("--since", metavar="DATE", help="event date on or after (YYYY-MM-DD)")
    parser.add_argument("--until", metavar="DATE", help="event date on or before (YYYY-MM-DD)")
    parser.add_argument("--search", dest="text", help="text in the evidence sentence")


def event_filter(args: argparse.Namespace, **paging: Any) -> EventFilter:
    """The EventFilter that the options of add_filter_options describe."""
    from tacitus.query.filters import EventFilter

    return EventFilter(
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
        **paging,
    )
