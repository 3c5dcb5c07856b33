"""Code a stream of inputs on a Dask cluster and merge the results into the store.

Inputs are read lazily on the client and cut into partitions; a bounded number
of partitions is in flight at any time, so memory does not grow with the corpus.
Each worker process loads the pipeline once (a worker plugin warms a per-process
cache keyed by the coder configuration) and sends back a partition's store rows
as Parquet. The client writes every partition as a shard next to the store
(atomically) and merges it in one transaction. A shard left behind by a killed
run is merged when the same store is ingested into again.
"""

from __future__ import annotations

import collections
import logging
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tacitus.pipeline import CoderConfig, default_coder
from tacitus.records import InputError
from tacitus.runners.local import Item, code_items, worker_threads
from tacitus.store import shards

if TYPE_CHECKING:
    from distributed import Client

    from tacitus.articles.readers import ReadOptions
    from tacitus.ingest import IngestReport, Progress
    from tacitus.store.duck import Store

DEFAULT_PARTITION_SIZE = 64


@dataclass(frozen=True, slots=True)
class DaskOptions:
    """Where and how to run on Dask."""

    address: str = "local"  # "local" starts a LocalCluster; anything else is a scheduler address
    partition_size: int = DEFAULT_PARTITION_SIZE
    workers: int | None = None  # size of a local cluster; None means one worker per CPU core
    in_flight: int | None = None  # partitions submitted ahead; None means two per worker


@dataclass(slots=True)
class PartitionResult:
    """What a worker sends back for one partition: Parquet bytes per table and a summary."""

    tables: dict[str, bytes]
    coded: int = 0
    errors: list[InputError] = field(default_factory=list)


def code_partition(items: list[Item], config: CoderConfig, run_id: str) -> PartitionResult:
    """Code one partition on a worker (the pipeline is loaded once per worker process)."""
    results = code_items(default_coder(config), items)
    errors: list[InputError] = []
    coded = 0
    for result in results:
        if isinstance(result, InputError):
            errors.append(result)
        elif result.ok:
            coded += 1
        else:
            errors.extend(result.errors)
    tables = shards.encode_tables(shards.table_rows(results, run_id=run_id))
    return PartitionResult(tables=tables, coded=coded, errors=errors)


class _CoderPlugin:
    """Loads the pipeline when a worker starts, so the first partition does not pay for it."""

    name = "tacitus-coder"

    def __init__(self, config: CoderConfig, classifier_threads: int | None = None) -> None:
        self.config = config
        self.classifier_threads = classifier_threads

    def setup(self, worker: Any) -> None:
        from tacitus.events.classifier import THREADS_ENV

        # The classifier gets the worker's share of the cores: given for a local cluster, else
        # one thread per task thread of the worker.
        threads = self.classifier_threads or max(1, int(worker.state.nthreads))
        os.environ[THREADS_ENV] = str(threads)
        default_coder(self.config)

    def teardown(self, worker: Any) -> None:
        return None


def open_client(address: str = "local", *, workers: int | None = None) -> tuple[Client, Any]:
    """A client on ``address``, or on a new LocalCluster sized to the machine; (client, cluster)."""
    import dask.config
    from distributed import Client, LocalCluster

    if address != "local":
        return Client(address), None
    n_workers = workers or os.cpu_count() or 1
    # Workers inherit this process's environment, as local worker processes do. Dask's
    # default pre-spawn settings (a low malloc trim threshold, one BLAS thread) halved the
    # speed of the spaCy parse in a worker when measured with benchmarks/scale.py. The
    # statistical profiler samples the task thread's stack every few milliseconds; coding
    # is pure Python, so it is switched off. A worker is sent its next partition only when
    # it is free (worker saturation 1.0): a partition queued behind a slow one on a busy
    # worker would leave the other idle at the end of a run.
    settings = {
        "distributed.nanny.pre-spawn-environ": {},
        "distributed.worker.profile.enabled": False,
        "distributed.scheduler.worker-saturation": 1.0,
    }
    with dask.config.set(settings):
        cluster = LocalCluster(
            n_workers=n_workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
    return Client(cluster), cluster


def _plugin(config: CoderConfig, classifier_threads: int | None = None) -> Any:
    from distributed.diagnostics.plugin import WorkerPlugin

    class CoderPlugin(_CoderPlugin, WorkerPlugin):
        pass

    return CoderPlugin(config, classifier_threads)


def code_partitions(
    client: Client,
    partitions: Iterable[list[Item]],
    *,
    config: CoderConfig,
    run_id: str,
    in_flight: int,
) -> Iterator[PartitionResult]:
    """Submit partitions with at most ``in_flight`` outstanding; yield results in input order."""
    pending: collections.deque[Any] = collections.deque()
    for partition in partitions:
        pending.append(client.submit(code_partition, partition, config, run_id, pure=False))
        if len(pending) >= in_flight:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def _n_workers(client: Client) -> int:
    return max(1, len(client.scheduler_info(n_workers=-1).get("workers", {})))


def ingest_dask(
    paths: Iterable[str],
    store: Store,
    *,
    options: ReadOptions | None = None,
    config: CoderConfig | None = None,
    dask: DaskOptions | None = None,
    command: str = "ingest",
    progress: Progress | None = None,
    keep_errors: int = 10_000,
) -> IngestReport:
    """Like :func:`tacitus.ingest.ingest`, coding on a Dask cluster through Parquet shards."""
    from tacitus.articles.readers import read_inputs
    from tacitus.ingest import IngestReport, _batches, _new_only
    from tacitus.version import __version__

    config = config or CoderConfig()
    dask = dask or DaskOptions()
    report = IngestReport()
    report.resumed_from = store.unfinished_runs(command)
    if store.path == ":memory:":
        shard_dir = Path(tempfile.mkdtemp(prefix="tacitus-shards-"))
    else:
        shard_dir = shards.shard_dir_for(store.path)

    def merge(shard: Path) -> None:
        articles, events = shards.merge_shard(store, shard)
        report.articles_added += articles
        report.events_added += events
        shards.remove_shard(shard)

    # Partitions coded by a killed run but never merged are complete: merge them first.
    leftovers = shards.pending_shards(shard_dir, clean=True)
    report.recovered_shards = len(leftovers)
    for shard in leftovers:
        merge(shard)
    report.run_id = store.start_run(
        coder_version=__version__, config_hash=config.hash(), command=command
    )
    status = "failed"
    client: Client | None = None
    cluster: Any = None
    try:
        client, cluster = open_client(dask.address, workers=dask.workers)
        threads = worker_threads(_n_workers(client)) if cluster is not None else None
        client.register_plugin(_plugin(config, threads))
        in_flight = dask.in_flight or 2 * _n_workers(client)
        items = _new_only(store, read_inputs(paths, options), report)
        results = code_partitions(
            client,
            _batches(items, dask.partition_size),
            config=config,
            run_id=report.run_id,
            in_flight=in_flight,
        )
        for number, result in enumerate(results):
            if result.tables:
                merge(shards.write_shard(shard_dir, f"{report.run_id}-{number:06d}", result.tables))
            report.coded += result.coded
            report.failed += len(result.errors)
            room = max(0, keep_errors - len(report.errors))
            report.errors.extend(result.errors[:room])
            if progress is not None:
                progress(report)
        status = "done"
    finally:
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
        store.finish_run(
            report.run_id,
            inputs=report.inputs,
            coded=report.coded,
            failed=report.failed,
            status=status,
        )
        if status == "done" and store.path == ":memory:":
            shard_dir.rmdir()
    return report


__all__ = [
    "DEFAULT_PARTITION_SIZE",
    "DaskOptions",
    "PartitionResult",
    "code_partition",
    "code_partitions",
    "ingest_dask",
    "open_client",
]
