"""Throughput of local processes (1, 2 workers) against Dask (1, 2 workers) on the same corpus.

Usage: .venv/bin/python benchmarks/scale.py [NEWS_JSONL] [--articles N] [--chunk N] [--no-classifier]

Every configuration codes the same articles (the first N of NEWS_JSONL, default
../shared/data/news/bbc_politics.jsonl) in chunks/partitions of the same size.
Timing starts once every worker has loaded the pipeline and coded one warm-up
chunk (the first parse in a process is slower), and ends when the last
partition is turned into store rows in the client: local processes return article
records that the client flattens into rows (as ``Store.write`` does), Dask workers
flatten them and return each partition's rows as Parquet (what ``--dask`` merges).
Pipeline loading and cluster start-up are not timed; they are paid once per worker.
Local workers are spawned processes, as ``tacitus ingest --workers N`` runs them.
"""

from __future__ import annotations

import argparse
import itertools
import multiprocessing
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

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


def _timed(run: Callable[[], int]) -> tuple[float, int]:
    started = time.perf_counter()
    done = run()
    return time.perf_counter() - started, done


def bench_local(chunks: list[list[Article]], config: CoderConfig, workers: int) -> float:
    if workers == 1:
        coder = default_coder(config)
        local.code_items(coder, chunks[0])  # warm-up, not timed
        seconds, _ = _timed(lambda: sum(_rows(local.code_items(coder, c)) for c in chunks))
        return seconds
    # spawned, as ``tacitus ingest --workers N`` starts them: a forked worker would share the
    # pipeline the parent loaded for local-1, which no real run has.
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers, initializer=local._init, initargs=(config, local.worker_threads(workers))) as pool:
        seen: set[int] = set()
        while len(seen) < workers:  # every worker has loaded the pipeline and coded a chunk
            seen.update(pool.map(_warm, [chunks[0]] * workers, chunksize=1))
        seconds, _ = _timed(lambda: sum(_rows(r) for r in pool.imap(local._code_chunk, chunks)))
    return seconds


def bench_dask(client: object, chunks: list[list[Article]], config: CoderConfig) -> float:
    from tacitus.runners.dask import code_partitions

    def run() -> int:
        results = code_partitions(client, iter(chunks), config=config, run_id="bench", in_flight=4)  # type: ignore[arg-type]
        return sum(r.coded + len(r.errors) for r in results)

    seconds, _ = _timed(run)
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("news", nargs="?", type=Path, default=DEFAULT_NEWS)
    parser.add_argument("--articles", type=int, default=96)
    parser.add_argument("--chunk", type=int, default=8, help="articles per chunk/partition")
    parser.add_argument("--no-classifier", action="store_true")
    args = parser.parse_args()
    if not args.news.exists():
        print(f"news data not found at {args.news}", file=sys.stderr)
        return 2
    from tacitus.runners.dask import _plugin, open_client

    config = CoderConfig(classifier=not args.no_classifier)
    articles = [a for a in itertools.islice(read_inputs([str(args.news)]), args.articles) if isinstance(a, Article)]
    words = sum(len(a.text.split()) for a in articles)
    chunks = [articles[i : i + args.chunk] for i in range(0, len(articles), args.chunk)]
    print(f"corpus: {len(articles)} articles, {words:,} words from {args.news.name}; "
          f"chunk/partition size {args.chunk}; classifier {'off' if args.no_classifier else 'on'}; "
          f"{os.cpu_count()} CPU cores, load average {os.getloadavg()[0]:.1f} at start")
    rates: dict[str, float] = {}
    for workers in (1, 2):
        rates[f"local-{workers}"] = len(articles) / bench_local(chunks, config, workers)
        print(f"  local-{workers}: {rates[f'local-{workers}']:6.2f} articles/s", flush=True)
    client, cluster = open_client("local", workers=2)  # as ``--dask local --dask-workers 2``
    with cluster, client:
        # loads the pipeline on both workers, each with its share of the cores for the classifier
        client.register_plugin(_plugin(config, local.worker_threads(2)))
        client.run(_warm_dask, chunks[0], config)  # and codes a chunk on each, not timed
        rates["dask-2"] = len(articles) / bench_dask(client, chunks, config)
        print(f"  dask-2:  {rates['dask-2']:6.2f} articles/s", flush=True)
        cluster.scale(1)
        while len(client.scheduler_info()["workers"]) > 1:
            time.sleep(0.2)
        # the remaining worker keeps the one classifier thread it was given as one of two
        rates["dask-1"] = len(articles) / bench_dask(client, chunks, config)
        print(f"  dask-1:  {rates['dask-1']:6.2f} articles/s", flush=True)
    print(f"ratios: dask-2/local-2 {rates['dask-2'] / rates['local-2']:.2f}, "
          f"dask-1/local-1 {rates['dask-1'] / rates['local-1']:.2f}, "
          f"local-2/local-1 {rates['local-2'] / rates['local-1']:.2f}, "
          f"dask-2/dask-1 {rates['dask-2'] / rates['dask-1']:.2f}; "
          f"load average {os.getloadavg()[0]:.1f} at end")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
