"""``tacitus demo``: code the bundled example reports into a store and summarise them."""

from __future__ import annotations

import argparse
import sys
from importlib import resources
from pathlib import Path

from tacitus.cli.output import write_frame

DEMO_DB = "tacitus-demo.duckdb"


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("demo", help="code the bundled example reports and summarise them")
    parser.add_argument("--db", default=DEMO_DB, help=f"store file to create (default ./{DEMO_DB})")
    parser.add_argument("--workers", type=int, default=1)
    parser.set_defaults(func=run)


def demo_reports() -> Path:
    """Path of the bundled demo reports (JSON Lines)."""
    return Path(str(resources.files("tacitus.data").joinpath("demo/reports.jsonl")))


def run(args: argparse.Namespace) -> int:
    from tacitus.ingest import ingest
    from tacitus.store.duck import open_store

    store = open_store(args.db)
    print(f"Coding the bundled reports ({demo_reports()}) into {args.db} ...", file=sys.stderr)
    report = ingest([str(demo_reports())], store, workers=args.workers, command="demo")
    counts = store.counts()
    print(
        f"\n{counts['articles']} articles, {counts['events']} events in {args.db} "
        f"(this run: +{report.articles_added} articles, {report.skipped} already stored, "
        f"{report.failed} failed)\n"
    )
    print("Events by type:")
    by_type = store.query(
        "SELECT event_type, count(*) AS events, CAST(sum(CASE WHEN factual THEN 1 ELSE 0 END) AS INTEGER) AS factual "
        "FROM events GROUP BY event_type ORDER BY events DESC"
    )
    write_frame(by_type, "table")
    print("\nTop dyads (source -> target):")
    dyads = store.query(
        "SELECT source_codes AS source, target_codes AS target, count(*) AS events FROM events "
        "WHERE regexp_matches(source_codes, '[A-Z]{2}') AND regexp_matches(target_codes, '[A-Z]{2}') "
        "GROUP BY 1, 2 ORDER BY events DESC, 1, 2 LIMIT 10"
    )
    write_frame(dyads, "table")
    print("\nA few events with their evidence:")
    sample = store.query(
        "SELECT event_type, source_codes AS source, target_codes AS target, date_value AS date, "
        "evidence_text AS evidence FROM events WHERE factual AND regexp_matches(source_codes, '[A-Z]{2}') "
        "AND regexp_matches(target_codes, '[A-Z]{2}') "
        "ORDER BY confidence DESC, id LIMIT 6"
    )
    write_frame(sample, "table", widths={"evidence": 80, "date": 10})
    print(
        "\nQuery it:\n"
        f"  tacitus events --db {args.db} --type ASSAULT\n"
        f"  tacitus events --db {args.db} --actor RUS --format csv\n"
        f"  tacitus articles --db {args.db}\n"
        f"  python -c \"import duckdb; print(duckdb.connect('{args.db}', read_only=True)"
        ".sql('SELECT event_type, count(*) FROM events GROUP BY 1'))\"\n"
        "Browse it in the web app:\n"
        f"  tacitus serve --db {args.db}   (then open http://127.0.0.1:8000/)"
    )
    return 0 if report.ok else 1
