"""Options and output helpers shared by the commands."""

from __future__ import annotations

import argparse
import sys

from tacitus.articles.checks import DEFAULT_MAX_CHARS
from tacitus.articles.readers import ReadOptions
from tacitus.records import InputError
from tacitus.store.duck import DEFAULT_DB


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
