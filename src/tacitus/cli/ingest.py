"""``tacitus ingest``: code articles and store them in the DuckDB store."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from tacitus.cli.common import add_db_option, add_input_options, read_options, report_error
from tacitus.pipeline import CoderConfig

if TYPE_CHECKING:
    from tacitus.store.duck import Store


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("ingest", help="code articles and store them")
    add_input_options(parser)
    add_db_option(parser)
    parser.add_argument("--batch-size", type=int, default=256, help="articles per write (default 256)")
    parser.add_argument(
        "--dask",
        metavar="local|ADDRESS",
        help="code on Dask: 'local' starts a cluster on this machine, or give a scheduler address",
    )
    parser.add_argument(
        "--partition-size", type=int, default=64, help="articles per Dask partition (default 64)"
    )
    parser.add_argument(
        "--dask-workers",
        type=int,
        help="workers of a --dask local cluster (default one per CPU core)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from tacitus.ingest import ingest
    from tacitus.runners.progress import ProgressBar, count_inputs
    from tacitus.store.duck import open_store

    store = open_store(args.db)
    command = "ingest " + " ".join(args.paths)
    _say_resume(store, command)
    dask = None
    if args.dask:
        from tacitus.runners.dask import DaskOptions

        dask = DaskOptions(
            address=args.dask, partition_size=args.partition_size, workers=args.dask_workers
        )
    bar = ProgressBar()
    if bar.enabled:
        bar.total = count_inputs(args.paths)
    try:
        report = ingest(
            args.paths,
            store,
            options=read_options(args),
            config=CoderConfig(classifier=not args.no_classifier),
            workers=args.workers,
            batch_size=args.batch_size,
            command=command,
            progress=bar.update,
            dask=dask,
        )
    finally:
        bar.close()
    if report.recovered_shards:
        print(
            f"merged {report.recovered_shards} coded partition(s) left by an interrupted run",
            file=sys.stderr,
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


def _say_resume(store: Store, command: str) -> None:
    """Before a run, say which interrupted run it resumes and from how many stored articles."""
    from tacitus.store.shards import pending_shards, shard_dir_for

    unfinished = store.unfinished_runs(command)
    if not unfinished:
        return
    stored = store.counts()["articles"]
    shards = len(pending_shards(shard_dir_for(store.path))) if store.path != ":memory:" else 0
    extra = f" and {shards} coded partition(s) not yet merged" if shards else ""
    print(
        f"resuming interrupted run {unfinished[-1]}: {stored:,} article(s) already stored{extra}; "
        "only the rest is coded",
        file=sys.stderr,
    )
