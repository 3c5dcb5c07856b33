"""Code a stream of inputs in this process or in a pool of local worker processes.

Every worker loads the pipeline once and codes chunks of articles; results come
back in input order, so the output of a run does not depend on the number of workers.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
from collections.abc import Iterable, Iterator
from typing import Any

from tacitus.pipeline import Coder, CoderConfig, default_coder
from tacitus.records import Article, ArticleRecord, InputError

Item = Article | InputError
Result = ArticleRecord | InputError

_worker_coder: Coder | None = None


def worker_threads(workers: int) -> int:
    """Classifier threads for each of ``workers`` processes sharing this machine."""
    return max(1, (os.cpu_count() or 1) // max(1, workers))


def _init(config: CoderConfig, classifier_threads: int | None = None) -> None:
    global _worker_coder
    if classifier_threads is not None:
        from tacitus.events.classifier import THREADS_ENV

        os.environ[THREADS_ENV] = str(classifier_threads)
    _worker_coder = Coder(config)


def _code_chunk(chunk: list[Item]) -> list[Result]:
    assert _worker_coder is not None
    return code_items(_worker_coder, chunk)


def code_items(coder: Coder, items: Iterable[Item]) -> list[Result]:
    """Code the articles among ``items`` and pass errors through, keeping their order."""
    items = list(items)
    articles = [item for item in items if isinstance(item, Article)]
    coded = iter(coder.code(articles))
    return [next(coded) if isinstance(item, Article) else item for item in items]


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def code_stream(
    items: Iterable[Item],
    *,
    config: CoderConfig | None = None,
    workers: int = 1,
    chunk_size: int = 32,
) -> Iterator[Result]:
    """Code a stream of articles (and pass input errors through) with ``workers`` processes."""
    config = config or CoderConfig()
    if workers <= 1:
        coder = default_coder(config)
        for chunk in _chunks(items, chunk_size):
            yield from code_items(coder, chunk)
        return
    # spawn: a forked onnxruntime or spaCy state from the parent is not safe to reuse.
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers, initializer=_init, initargs=(config, worker_threads(workers))) as pool:
        # imap keeps input order and pulls the input lazily, a few chunks ahead.
        results: Iterator[Any] = pool.imap(_code_chunk, _chunks(items, chunk_size))
        for chunk_results in results:
            yield from chunk_results
