"""The library's entry points: code one text or many."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from tacitus.articles.checks import article_id, parse_published
from tacitus.articles.readers import ReadOptions, article_from_object, make_article
from tacitus.errors import InputRejected
from tacitus.pipeline import CoderConfig, default_coder
from tacitus.records import Article, ArticleRecord, InputError
from tacitus.runners.local import code_stream


def extract(
    text: str,
    *,
    published: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    config: CoderConfig | None = None,
) -> ArticleRecord:
    """Code one article text and return its record.

    Raises :class:`tacitus.errors.InputRejected` when the text cannot be coded
    (empty, not English, too large ...).
    """
    article = make_article(
        text,
        origin=None,
        options=ReadOptions(),
        title=title,
        published=parse_published(published, origin=None),
        outlet=outlet,
        url=url,
    )
    return next(default_coder(config).code([article]))


def _as_item(obj: str | Mapping[str, Any] | Article, number: int) -> Article | InputError:
    if isinstance(obj, Article):
        return obj
    origin = f"<batch>:{number}"
    try:
        if isinstance(obj, str):
            return make_article(obj, origin=origin, options=ReadOptions())
        return article_from_object(dict(obj), origin=origin, options=ReadOptions())
    except InputRejected as e:
        return InputError(e.code, e.message, origin)


def extract_batch(
    texts: Iterable[str | Mapping[str, Any] | Article],
    *,
    n_process: int = 1,
    batch_size: int = 64,
    config: CoderConfig | None = None,
) -> Iterator[ArticleRecord | InputError]:
    """Code many articles (texts, dicts with ``text`` and metadata, or Articles), in order.

    Texts are parsed with spaCy's ``nlp.pipe`` in batches of ``batch_size``; ``n_process``
    worker processes each load the pipeline once. Inputs that cannot be coded come back as
    :class:`InputError` in their place.
    """
    items = (_as_item(obj, number) for number, obj in enumerate(texts, start=1))
    yield from code_stream(
        items, config=config, workers=n_process, chunk_size=max(1, batch_size // 2)
    )


__all__ = ["article_id", "extract", "extract_batch"]
