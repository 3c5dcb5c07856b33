"""The records actor resolution builds: units (known phrases) and chunks (mentions)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tacitus.documents.nlp import doc_text
from tacitus.mentions.kb import Entity
from tacitus.records import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["HONORIFICS", "Chunk", "Unit"]

HONORIFICS = frozenset({"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Miss", "Sir", "Dame", "Lord", "Lady"})


@dataclass(slots=True)
class Unit:
    """A run of tokens that names something the resolver knows about."""

    start: int  # token index
    end: int  # token index, exclusive
    kind: str  # state, adjective, demonym, capital, seat, org, person, sector, city, new_person, new_org
    entities: list[Entity]
    sector: str | None = None  # for new_org and city units
    by_surname: bool = False  # a person named by a bare surname ("Smith")

    @property
    def entity(self) -> Entity | None:
        return self.entities[0] if self.entities else None


@dataclass(slots=True)
class Chunk:
    """Adjacent units read as one actor mention."""

    units: list[Unit]
    start: int = 0
    end: int = 0
    country: str | None = None
    igo: str | None = None
    sector: str | None = None
    name: str | None = None
    wikidata: str | None = None
    person: Entity | None = None
    is_place_like: bool = False
    is_place: bool = False  # named as a place: an antecedent for "the country", never an actor
    referents: list[Chunk] = field(default_factory=list)  # for group mentions

    def ref(self, doc: Doc, text: str | None = None) -> ActorRef:
        """The record for this mention."""
        text = doc_text(doc) if text is None else text
        start_char = doc[self.start].idx
        last = doc[self.end - 1]
        end_char = last.idx + len(last.text)
        return ActorRef(
            text=text[start_char:end_char],
            start=start_char,
            end=end_char,
            name=self.name,
            country=self.country,
            igo=self.igo,
            sector=self.sector,
            wikidata=self.wikidata,
        )
