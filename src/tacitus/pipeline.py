"""Wire the stages in order: article -> doc -> mentions -> events -> article record."""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import functools
import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tacitus.articles.checks import REASONS, text_sha256
from tacitus.records import (
    Article,
    ArticleRecord,
    Attribution,
    CoderInfo,
    Event,
    InputError,
    Mentions,
    TimeRef,
)
from tacitus.version import __version__

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from tacitus.events.detect import Candidate


@dataclass(frozen=True, slots=True)
class CoderConfig:
    """Settings that change what the coder produces; their hash travels with every record."""

    model: str | None = None  # spaCy pipeline package; None picks the installed default
    classifier: bool = True  # use the trained event-type classifier when its model is installed
    batch_size: int = 64
    components: tuple[str, ...] = (
        "tacitus.ActorResolver.v1",
        "tacitus.TimeTagger.v1",
        "tacitus.Geoparser.v1",
        "tacitus.Attribution.v1",
        "tacitus.EventCoder.v1",
    )

    def hash(self) -> str:
        """A short hash of the settings that change output (not batch size)."""
        data = dataclasses.asdict(self)
        data.pop("batch_size")
        blob = json.dumps(data, sort_keys=True).encode()
        return hashlib.sha256(blob).hexdigest()[:16]


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


class Coder:
    """The whole pipeline, loaded once per process."""

    def __init__(self, config: CoderConfig | None = None) -> None:
        from tacitus.documents.nlp import load_nlp
        from tacitus.mentions.actors import ActorResolver
        from tacitus.mentions.gazetteer import Gazetteer

        self.config = config or CoderConfig()
        self.nlp: Language = load_nlp(self.config.model)
        self.resolver = ActorResolver.default()
        self.gazetteer = Gazetteer.default()
        self.classifier = self._load_classifier() if self.config.classifier else None
        self.info = CoderInfo(version=__version__, config_hash=self.config.hash())

    @staticmethod
    def _load_classifier() -> Any:
        from tacitus.errors import ModelNotFound
        from tacitus.events.classifier import EventClassifier

        try:
            return EventClassifier.default()
        except ModelNotFound:
            return None

    # -- one article -------------------------------------------------------

    def code_doc(self, article: Article, doc: Doc) -> ArticleRecord:
        """Code one parsed article."""
        found = self.find_mentions(article, doc)
        predictions = self.classify([found])[0]
        return self.assemble(found, predictions)

    def find_mentions(self, article: Article, doc: Doc) -> Found:
        """Actors, times, places and attributions of one parsed article."""
        from tacitus.events.detect import find_candidates
        from tacitus.events.lexicon import load_lexicon
        from tacitus.mentions.attributions import find_attributions
        from tacitus.mentions.places import find_places, mark_seats_of_government
        from tacitus.mentions.times import find_times

        published = _parse_date(article.published)
        actors = self.resolver.find_actors(doc, published)
        times = find_times(article.text, published, doc=doc)
        places = mark_seats_of_government(
            find_places(doc, gazetteer=self.gazetteer), actors, self.gazetteer
        )
        attributions = [self._with_speaker(a, actors) for a in find_attributions(doc)]
        mentions = Mentions(
            actors=tuple(actors),
            places=tuple(places),
            times=tuple(times),
            attributions=tuple(attributions),
        )
        candidates = tuple(find_candidates(doc, load_lexicon()))
        return Found(
            article=article, doc=doc, published=published, mentions=mentions, candidates=candidates
        )

    def classify(self, batch: Sequence[Found]) -> list[list[Any] | None]:
        """Event-type predictions for candidate sentences, batched across articles.

        A candidate sentence names an actor and has a trigger, or names two actors (a dyad the
        lexicon may have missed). Other sentences cannot hold a codable event, so the
        classifier never sees them.
        """
        if self.classifier is None:
            return [None] * len(batch)
        wanted: list[tuple[int, int, str]] = []
        for i, found in enumerate(batch):
            starts = sorted(a.start for a in found.mentions.actors)
            triggered = {c.sent_index for c in found.candidates}
            for j, sent in enumerate(found.doc.sents):
                named = bisect.bisect_left(starts, sent.end_char) - bisect.bisect_left(
                    starts, sent.start_char
                )
                if named >= 2 or (named == 1 and j in triggered):
                    wanted.append((i, j, sent.text))
        results: list[list[Any] | None] = [
            [None] * sum(1 for _ in found.doc.sents) for found in batch
        ]
        if wanted:
            # Small batches of length-sorted sentences pad least; measured fastest on CPU.
            predictions = self.classifier.predict([text for _, _, text in wanted], batch_size=8)
            for (i, j, _), prediction in zip(wanted, predictions, strict=True):
                results[i][j] = prediction  # type: ignore[index]
        return results

    def assemble(self, found: Found, predictions: Sequence[Any] | None) -> ArticleRecord:
        """Events from the mentions and predictions, and the finished record."""
        from tacitus.events.coder import Attachers, Context, code_events
        from tacitus.mentions.attributions import attribution_for_span
        from tacitus.mentions.places import place_for_span
        from tacitus.mentions.times import attach_time

        article, doc, mentions = found.article, found.doc, found.mentions
        publication = (
            TimeRef(
                text="", start=0, end=0, value=found.published.isoformat(), precision="publication"
            )
            if found.published
            else None
        )
        outlet = Attribution(
            kind="article", source=None, cue=None, content=None, name=article.outlet
        )
        events = code_events(
            doc,
            Context(
                article_id=article.id,
                actors=mentions.actors,
                times=mentions.times,
                places=mentions.places,
                attributions=mentions.attributions,
                publication=publication,
                article_attribution=outlet,
            ),
            attachers=Attachers(
                time=attach_time, place=place_for_span, attribution=attribution_for_span
            ),
            predictions=predictions,
            candidates=found.candidates,
        )
        return self._record(article, events=tuple(events), mentions=mentions, errors=())

    @staticmethod
    def _with_speaker(attribution: Attribution, actors: Sequence[Any]) -> Attribution:
        if attribution.source is None or attribution.speaker is not None:
            return attribution
        inside = [
            a for a in actors if a.start < attribution.source.end and a.end > attribution.source.start
        ]
        if not inside:
            return attribution
        return dataclasses.replace(attribution, speaker=inside[-1])

    def failed(self, article: Article, error: InputError) -> ArticleRecord:
        """A record for an article that could not be coded."""
        return self._record(article, events=(), mentions=Mentions(), errors=(error,))

    def _record(
        self,
        article: Article,
        *,
        events: tuple[Event, ...],
        mentions: Mentions,
        errors: tuple[InputError, ...],
    ) -> ArticleRecord:
        return ArticleRecord(
            id=article.id,
            title=article.title,
            published=article.published,
            outlet=article.outlet,
            url=article.url,
            text=article.text,
            text_sha256=text_sha256(article.text),
            events=events,
            mentions=mentions,
            errors=errors,
            coder=self.info,
            origin=article.origin,
            external_id=article.external_id,
        )

    # -- many articles -----------------------------------------------------

    def code(self, articles: Iterable[Article]) -> Iterator[ArticleRecord]:
        """Code articles in order, parsing them in batches with ``nlp.pipe``."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= self.config.batch_size:
                yield from self._code_batch(batch)
                batch = []
        if batch:
            yield from self._code_batch(batch)

    def _code_batch(self, batch: Sequence[Article]) -> Iterator[ArticleRecord]:
        try:
            docs = list(self.nlp.pipe([a.text for a in batch], batch_size=self.config.batch_size))
        except Exception:  # one bad text must not sink its batch: parse one by one
            docs = []
            for article in batch:
                try:
                    docs.append(self.nlp(article.text))
                except Exception as e:  # noqa: BLE001 - reported as the article's error
                    docs.append(_ParseFailure(e))
        results: list[ArticleRecord | Found] = []
        for article, doc in zip(batch, docs, strict=True):
            if isinstance(doc, _ParseFailure):
                results.append(self.failed(article, _coding_error(article, doc.error)))
                continue
            try:
                results.append(self.find_mentions(article, doc))
            except Exception as e:  # noqa: BLE001 - a coder bug on one article is reported, not fatal
                results.append(self.failed(article, _coding_error(article, e)))
        found = [r for r in results if isinstance(r, Found)]
        predictions = iter(self.classify(found))
        for result in results:
            if isinstance(result, ArticleRecord):
                yield result
                continue
            try:
                yield self.assemble(result, next(predictions))
            except Exception as e:  # noqa: BLE001 - a coder bug on one article is reported, not fatal
                yield self.failed(result.article, _coding_error(result.article, e))


@dataclass(frozen=True, slots=True)
class Found:
    """One parsed article with its mentions, waiting for its events."""

    article: Article
    doc: Doc
    published: dt.date | None
    mentions: Mentions
    candidates: tuple[Candidate, ...]  # event triggers, found once for the classifier and the coder


@dataclass(frozen=True, slots=True)
class _ParseFailure:
    error: Exception


def _coding_error(article: Article, error: Exception) -> InputError:
    return InputError(
        code="coding_failed",
        message=f"{REASONS['coding_failed']}: {type(error).__name__}: {error}",
        input=article.origin,
    )


@functools.lru_cache(maxsize=2)
def default_coder(config: CoderConfig | None = None) -> Coder:
    """One coder per process and configuration."""
    return Coder(config)
