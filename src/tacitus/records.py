"""Records that cross stage boundaries.

Every record is a frozen dataclass with ``to_dict()``; every span carries
character offsets into the article text such that ``text[start:end]`` equals
the quoted text.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

EVENT_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the article text."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An actor as the text names it and as the knowledge base resolves it."""

    text: str
    start: int
    end: int
    name: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-3
    igo: str | None = None  # short code: UN, NATO, EU ...
    sector: str | None = None  # PLOVER sector code: GOV, MIL, ...
    wikidata: str | None = None  # QID

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def code(self) -> str | None:
        """The actor's main code: its country, else its IGO."""
        return self.country or self.igo


@dataclass(frozen=True, slots=True)
class Place:
    """A place mention resolved against the gazetteer.

    ``kind`` is "toponym" (a place name), "demonym" (an adjective or people noun
    such as "Japanese", resolved to its country or region) or "approximate" (a
    local name the gazetteer lacks, placed at the town named beside it or the
    article's main town, with ``name`` and ``geonameid`` null) or "metonym" (a
    town or site named for its government, "Beijing said", "the Kremlin": the
    actor list holds the government, and no event happens there).
    """

    text: str
    start: int
    end: int
    name: str | None = None
    geonameid: int | None = None
    country: str | None = None  # ISO 3166-1 alpha-3
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    kind: str = "toponym"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class TimeRef:
    """A time expression and its ISO 8601 value resolved against the publication date.

    ``value`` is YYYY-MM-DD, YYYY-MM, YYYY, YYYY-Www or ``START/END`` for a range;
    ``precision`` is one of day, week, month, season, year, decade, range, publication.
    """

    text: str
    start: int
    end: int
    value: str | None
    precision: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who says what: a quote, indirect speech or a source attribution."""

    kind: str  # direct, indirect, source; "article" when only the outlet asserts an event
    source: Span | None
    cue: Span | None
    content: Span | None
    speaker: ActorRef | None = None
    name: str | None = None  # who asserts it by name: the outlet for "article"

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "name": self.name,
            "source": self.source.to_dict() if self.source else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "content": self.content.to_dict() if self.content else None,
            "speaker": self.speaker.to_dict() if self.speaker else None,
        }


@dataclass(frozen=True, slots=True)
class Modality:
    """How the text commits to an event."""

    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    claimed: bool = False
    denied: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def factual(self) -> bool:
        """True when the text reports the event as having happened."""
        return not (self.negated or self.hypothetical or self.future or self.claimed or self.denied)


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence that supports an event."""

    sentence: int  # index of the sentence in the article
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event with every field pointing into the article text."""

    id: str
    event_type: str
    mode: str | None
    source: tuple[ActorRef, ...]
    target: tuple[ActorRef, ...]
    trigger: Span
    evidence: Evidence
    date: TimeRef | None = None
    location: Place | None = None
    attribution: Attribution | None = None
    modality: Modality = field(default_factory=Modality)
    quad_class: int | None = None
    cameo_root: str | None = None
    intensity: float | None = None
    confidence: float = 0.5

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "event_type": self.event_type,
            "mode": self.mode,
            "source": [a.to_dict() for a in self.source],
            "target": [a.to_dict() for a in self.target],
            "trigger": self.trigger.to_dict(),
            "evidence": self.evidence.to_dict(),
            "date": self.date.to_dict() if self.date else None,
            "location": self.location.to_dict() if self.location else None,
            "attribution": self.attribution.to_dict() if self.attribution else None,
            "modality": self.modality.to_dict(),
            "quad_class": self.quad_class,
            "cameo_root": self.cameo_root,
            "intensity": self.intensity,
            "confidence": self.confidence,
        }


@dataclass(frozen=True, slots=True)
class Mentions:
    """Everything the article names, whether or not it takes part in an event."""

    actors: tuple[ActorRef, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[TimeRef, ...] = ()
    attributions: tuple[Attribution, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "actors": [a.to_dict() for a in self.actors],
            "places": [p.to_dict() for p in self.places],
            "times": [t.to_dict() for t in self.times],
            "attributions": [a.to_dict() for a in self.attributions],
        }


@dataclass(frozen=True, slots=True)
class InputError:
    """Why an input was not coded (or was coded only in part)."""

    code: str  # a stable machine-readable reason, e.g. "empty_text"
    message: str
    input: str | None = None  # file path, "path:line", or "-"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class CoderInfo:
    """Which coder produced a record."""

    version: str
    config_hash: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Article:
    """An input article before coding: text and metadata."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD
    outlet: str | None = None
    url: str | None = None
    origin: str | None = None  # where it came from: path, path:line, "-"
    external_id: str | None = None  # the id the input gave, if any


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """The coded article: what Tacitus emits for each input article."""

    id: str
    title: str | None
    published: str | None
    outlet: str | None
    url: str | None
    text: str
    text_sha256: str
    events: tuple[Event, ...]
    mentions: Mentions
    errors: tuple[InputError, ...]
    coder: CoderInfo
    origin: str | None = None
    external_id: str | None = None

    @property
    def ok(self) -> bool:
        """True when the article was coded (it may still have no events)."""
        return not self.errors

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "published": self.published,
            "outlet": self.outlet,
            "url": self.url,
            "origin": self.origin,
            "external_id": self.external_id,
            "text": self.text,
            "text_sha256": self.text_sha256,
            "events": [e.to_dict() for e in self.events],
            "mentions": self.mentions.to_dict(),
            "errors": [e.to_dict() for e in self.errors],
            "coder": self.coder.to_dict(),
        }
