"""Code inputs and store them: the library side of ``tacitus ingest``.

Articles already in the store are skipped before coding, and every batch is
written in one transaction, so a run that is killed and started again ends with
exactly the articles and events of an uninterrupted run.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tacitus.articles.readers import Item, ReadOptions, read_inputs
from tacitus.pipeline import CoderConfig
from tacitus.records import Article, ArticleRecord, InputError
from tacitus.runners.local import code_stream
from tacitus.store.duck import Store
from tacitus.version import __version__

if TYPE_CHECKING:
    from tacitus.runners.dask import DaskOptions


@dataclass(slots=True)
class IngestReport:
    """What one ingest run did."""

    run_id: str = ""
    inputs: int = 0
    coded: int = 0
    skipped: int = 0  # already stored
    failed: int = 0
    articles_added: int = 0
    events_added: int = 0
    resumed_from: list[str] = field(default_factory=list)  # unfinished earlier runs
    recovered_shards: int = 0  # coded partitions of a killed Dask run, merged on restart
    errors: list[InputError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every input was coded or already stored."""
        return self.failed == 0


Progress = Callable[[IngestReport], None]


def _batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _new_only(store: Store, items: Iterable[Item], report: IngestReport) -> Iterator[Item]:
    """Drop articles the store already holds, looking them up a batch at a time."""
    for batch in _batches(items, 256):
        known = store.known_ids([i.id for i in batch if isinstance(i, Article)])
        for item in batch:
            report.inputs += 1
            if isinstance(item, Article) and item.id in known:
                report.skipped += 1
                continue
            yield item


def ingest(
    paths: Iterable[str],
    store: Store,
    *,
    options: ReadOptions | None = None,
    config: CoderConfig | None = None,
    workers: int = 1,
    batch_size: int = 256,
    command: str = "ingest",
    progress: Progress | None = None,
    dask: DaskOptions | None = None,
    keep_errors: int = 10_000,
) -> IngestReport:
    """Read, code and store every input under ``paths``; returns what happened.

    With ``dask`` the articles are coded on a Dask cluster (see :mod:`tacitus.runners.dask`).
    At most ``keep_errors`` errors are kept in the report; ``failed`` counts them all.
    """
    if dask is not None:
        from tacitus.runners.dask import ingest_dask

        return ingest_dask(
            paths, store, options=options, config=config, dask=dask, command=command,
            progress=progress, keep_errors=keep_errors,
        )
    config = config or CoderConfig()
    report = IngestReport()
    report.resumed_from = store.unfinished_runs(command)
    report.run_id = store.start_run(
        coder_version=__version__, config_hash=config.hash(), command=command
    )
    items = _new_only(store, read_inputs(paths, options), report)
    results = code_stream(items, config=config, workers=workers)
    status = "failed"
    try:
        for batch in _batches(results, batch_size):
            records = [r for r in batch if isinstance(r, ArticleRecord)]
            errors = [r for r in batch if isinstance(r, InputError)]
            added_articles, added_events = store.write(records, run_id=report.run_id, failures=errors)
            report.articles_added += added_articles
            report.events_added += added_events
            report.coded += sum(1 for r in records if r.ok)
            bad = errors + [e for r in records for e in r.errors]
            report.failed += len(bad)
            report.errors.extend(bad[: max(0, keep_errors - len(report.errors))])
            if progress is not None:
                progress(report)
        status = "done"
    finally:
        store.finish_run(
            report.run_id,
            inputs=report.inputs,
            coded=report.coded,
            failed=report.failed,
            status=status,
        )
    return report
