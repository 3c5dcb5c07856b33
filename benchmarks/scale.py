"""Throughput of local processes (1, 2 workers) against Dask (1, 2 workers) on the same corpus.

Usage: .venv/bin/python benchmarks/scale.py [NEWS_JSONL] [--articles N] [--chunk N] [--rounds N]
                                            [--no-classifier]

Every configuration codes the same articles (the first N of NEWS_JSONL, default
../shared/data/news/bbc_politics.jsonl) in chunks/partitions of the same size.
Local workers are spawned processes, as ``tacitus ingest --workers N`` starts
them; Dask workers are a LocalCluster, as ``--dask local`` starts it. Pipeline
loading and cluster start-up are not timed: every worker has loaded the
pipeline and coded a warm-up chunk (the first parse in a process is slower)
before timing starts. A run ends when the last partition is turned into store
rows in the client: local processes return article records that the client
flattens into rows (as ``Store.write`` does), Dask workers flatten them and
return each partition's rows as Parquet (what ``--dask`` merges).

A shared machine's speed drifts by tens of percent within minutes, so the
configurations being compared take turns: each round codes the corpus once
with local processes and once with Dask (the order alternates), with both kept
running. Each round's rates and ratio are printed; the summary is the median
over rounds. The single Dask worker keeps the one classifier thread it was
given as one of two workers; local-1 uses the default (one per core).
"""

from __future__ import annotations

import argparse
import itertools
import multiprocessing
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tacitus.articles.readers import read_inputs
from tacitus.pipeline import CoderConfig, default_coder
from tacitus.records import Article, ArticleRecord, InputError
from tacitus.runners import local
from tacitus.store import shards

DEFAULT_NEWS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "news" / "bbc_politics.jsonl"


def _warm(chunk: list[Article]) -> int:
    """Code one chunk (the first parse in a process is slower) and say which process did it."""
    time.sleep(0.5)
    local._code_chunk(chunk)
    return os.getpid()


def _warm_dask(chunk: list[Article], config: CoderConfig) -> None:
    local.code_items(default_coder(config), chunk)


def _rows(results: list[ArticleRecord | InputError]) -> int:
    """Turn results into store rows, as ``Store.write`` does in the client in local mode."""
    shards.table_rows(results, run_id="bench")
    return len(results)


def _rate(articles: int, run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return articles / (time.perf_counter() - started)


def _local_pool(chunks: list[list[Article]], config: CoderConfig, workers: int) -> Any:
    context = multiprocessing.get_context("spawn")
    pool = context.Pool(workers, initializer=local._init, initargs=(config, local.worker_threads(workers)))
    seen: set[int] = set()
    while len(seen) < workers:  # every worker has loaded the pipeline and coded a chunk
        seen.update(pool.map(_warm, [chunks[0]] * workers, chunksize=1))
    return pool


def _run_dask(client: Any, chunks: list[list[Article]], config: CoderConfig) -> int:
    from tacitus.runners.dask import code_partitions

    results = code_partitions(client, iter(chunks), config=config, run_id="bench", in_flight=4)
    return sum(r.coded + len(r.errors) for r in results)


def _rounds(label: str, rounds: int, runs: dict[str, Callable[[], float]]) -> dict[str, float]:
    """Time the configurations in ``runs`` in turns; print each round; return median rates."""
    (a, run_a), (b, run_b) = runs.items()
    rates: dict[str, list[float]] = {a: [], b: []}
    for number in range(rounds):
        order = [(a, run_a), (b, run_b)] if number % 2 == 0 else [(b, run_b), (a, run_a)]
        for name, run in order:
            rates[name].append(run())
        print(f"  {label} round {number + 1}: {a} {rates[a][-1]:5.2f}, {b} {rates[b][-1]:5.2f} articles/s, "
              f"ratio {rates[b][-1] / rates[a][-1]:.2f}", flush=True)
    ratios = [y / x for x, y in zip(rates[a], rates[b], strict=True)]
    medians = {name: statistics.median(values) for name, values in rates.items()}
    medians[f"{b}/{a}"] = statistics.median(ratios)
    return medians


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("news", nargs="?", type=Path, default=DEFAULT_NEWS)
    parser.add_argument("--articles", type=int, default=96)
    parser.add_argument("--chunk", type=int, default=8, help="articles per chunk/partition")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-classifier", action="store_true")
    args = parser.parse_args()
    if not args.news.exists():
        print(f"news data not found at {args.news}", file=sys.stderr)
        return 2
    from tacitus.runners.dask import _plugin, open_client

    config = CoderConfig(classifier=not args.no_classifier)
    articles = [a for a in itertools.islice(read_inputs([str(args.news)]), args.articles) if isinstance(a, Article)]
    n = len(articles)
    words = sum(len(a.text.split()) for a in articles)
    chunks = [articles[i : i + args.chunk] for i in range(0, n, args.chunk)]
    print(f"corpus: {n} articles, {words:,} words from {args.news.name}; "
          f"chunk/partition size {args.chunk}; classifier {'off' if args.no_classifier else 'on'}; "
          f"{os.cpu_count()} CPU cores, load average {os.getloadavg()[0]:.1f} at start")

    coder = default_coder(config)
    local.code_items(coder, chunks[0])  # warm-up of local-1, not timed
    pool = _local_pool(chunks, config, 2)
    client, cluster = open_client("local", workers=2)  # as ``--dask local --dask-workers 2``
    with pool, cluster, client:
        # loads the pipeline on both workers, each with its share of the cores for the classifier
        client.register_plugin(_plugin(config, local.worker_threads(2)))
        client.run(_warm_dask, chunks[0], config)  # and codes a chunk on each, not timed
        two = _rounds("2 workers", args.rounds, {
            "local-2": lambda: _rate(n, lambda: sum(_rows(r) for r in pool.imap(local._code_chunk, chunks))),
            "dask-2": lambda: _rate(n, lambda: _run_dask(client, chunks, config)),
        })
        pool.terminate()
        cluster.scale(1)
        while len(client.scheduler_info()["workers"]) > 1:
            time.sleep(0.2)
        one = _rounds("1 worker", args.rounds, {
            "local-1": lambda: _rate(n, lambda: sum(_rows(local.code_items(coder, c)) for c in chunks)),
            "dask-1": lambda: _rate(n, lambda: _run_dask(client, chunks, config)),
        })
    print("median articles/s: " + ", ".join(
        f"{k} {v:.2f}" for k, v in {**one, **two}.items() if "/" not in k))
    print(f"ratios (median over rounds): dask-2/local-2 {two['dask-2/local-2']:.2f}, "
          f"dask-1/local-1 {one['dask-1/local-1']:.2f}; "
          f"local-2/local-1 {two['local-2'] / one['local-1']:.2f}, dask-2/dask-1 {two['dask-2'] / one['dask-1']:.2f}; "
          f"load average {os.getloadavg()[0]:.1f} at end")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
