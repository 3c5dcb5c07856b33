"""``tacitus actors``: import dated roles, refresh leaders from Wikidata, look up a name."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from tacitus.errors import KnowledgeBaseError
from tacitus.mentions.kb import (
    DEFAULT_ENDPOINT,
    IMPORTED_FILE,
    WIKIDATA_FILE,
    fetch_wikidata_leaders,
    read_roles_csv,
    user_kb_dir,
    write_people,
)



def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``actors`` and its subcommands."""
    parser = subparsers.add_parser("actors", help="the actor knowledge base")
    commands = parser.add_subparsers(dest="actors_command", required=True)

    imp = commands.add_parser("import", help="load a CSV of dated roles (Wikidata export or REIGN)")
    imp.add_argument("file", type=Path)
    imp.set_defaults(func=run_import)

    upd = commands.add_parser("update", help="refresh heads of state and government from Wikidata")
    upd.add_argument("--endpoint", default=DEFAULT_ENDPOINT, help="SPARQL endpoint URL")
    upd.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for the endpoint")
    upd.set_defaults(func=run_update)

    look = commands.add_parser("lookup", help="show how a name resolves")
    look.add_argument("name")
    look.add_argument("--date", type=dt.date.fromisoformat, default=None, help="YYYY-MM-DD (default today)")
    look.set_defaults(func=run_lookup)


def run_import(args: argparse.Namespace) -> int:
    try:
        rows = read_roles_csv(args.file)
    except KnowledgeBaseError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    target = user_kb_dir() / IMPORTED_FILE
    added = write_people(target, rows, merge=True)
    print(f"imported {len(rows)} roles from {args.file} ({added} new) into {target}")
    return 0


def run_update(args: argparse.Namespace) -> int:
    try:
        rows = fetch_wikidata_leaders(args.endpoint, timeout=args.timeout)
    except KnowledgeBaseError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    target = user_kb_dir() / WIKIDATA_FILE
    write_people(target, rows, merge=False)
    print(f"wrote {len(rows)} roles from {args.endpoint} into {target}")
    return 0


def run_lookup(args: argparse.Namespace) -> int:
    from tacitus.mentions.actors import ActorResolver

    actor = ActorResolver.default().lookup(args.name, args.date)
    if actor is None:
        print(f"{args.name}: not found")
        return 1
    fields = [
        f"name={actor.name}",
        f"country={actor.country}",
        f"igo={actor.igo}",
        f"sector={actor.sector}",
        f"wikidata={actor.wikidata}",
    ]
    print(f"{actor.text}: " + " ".join(fields))
    return 0
