"""Find and resolve every actor mention in a parsed article.

Resolution runs in three passes over the ``Doc``:

1. a token n-gram lookup marks every knowledge-base phrase (states, demonyms,
   capitals, seats of government, organisations, people, sector agents), and spaCy's
   PERSON and ORG entities add names the base does not know
   (:mod:`tacitus.mentions.actor_match`);
2. adjacent units are chunked into one mention ("Japanese Prime Minister Fumio
   Kishida", "Ukraine's parliament", "Chinese coast guard vessels") whose country
   comes from the person's dated role or the modifiers and whose sector comes from
   the role or the head noun (:mod:`tacitus.mentions.actor_chunks`); states and
   capitals named as places are set aside (:mod:`tacitus.mentions.actor_places`);
3. within the article, short names, "the two leaders", "the island", "the country"
   and pronouns (they/them/their included) are linked to earlier mentions (:mod:`tacitus.mentions.coref`).

Design choices: a capital, state or seat of government standing alone after a
locative preposition ("in Tokyo", "flew to Beijing") is a place, not an actor; a
former office holder is an elite (ELI), keeping the country; a
hyphenated pair ("US-Japan", "Sino-Japanese") gives one mention per country; a group
reference ("the two leaders") gives one ``ActorRef`` per referent, all with the same
span. A surname several people in the base share names the one in office on the
article's date, or no one; a lesser official's surname names them only after a title
(see the knowledge base's PEOPLE.md). A group named with the place it is of or in ("the mayor of
Kharkiv", "police in Lagos") takes that place's country, unless it is the kind of group that is
mostly from elsewhere (troops, refugees, diplomats). A plural demonym ("Palestinians") gives a
country and no sector. ``lookup`` reads its phrase as an actor: nouns that running
text only takes after a country ("students") stand alone, vague nouns and pronouns are
unknown (UNK), a town gives its country, and a time word or a natural hazard is junk (JNK).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from tacitus.documents.nlp import doc_text
from tacitus.mentions.actor_chunks import chunk_units, resolve_chunk, unit_kind
from tacitus.mentions.actor_match import PhraseIndex, phrase_tokenizer
from tacitus.mentions.actor_places import country_from_place, is_place, visiting
from tacitus.mentions.actor_units import Chunk, Unit
from tacitus.mentions.kb import KnowledgeBase, load_kb
from tacitus.records import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["ActorResolver", "Chunk", "Unit"]

# A bare pronoun is someone unknown (UNK); a bare time word is not an actor at all (JNK, as
# PLOVER marks junk), which tells a caller of ``lookup`` the phrase was read and rejected.
PRONOUNS = frozenset({"he", "she", "him", "her", "they", "them", "we", "us", "i", "you", "someone", "somebody"})
TIME_WORDS = frozenset({
    "yesterday", "today", "tomorrow", "tonight", "now", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "week", "weekend", "month", "year", "morning", "evening", "night",
})


# Natural hazards do things in the news ("the earthquake killed 40") but are not actors: junk too.
HAZARDS = frozenset({
    "earthquake", "quake", "flood", "floods", "flash flood", "wildfire", "wildfires", "bushfire", "typhoon",
    "hurricane", "cyclone", "tornado", "tsunami", "drought", "landslide", "mudslide", "avalanche",
    "heatwave", "heat wave", "cold wave", "blizzard", "sandstorm", "storm", "tropical storm", "storm surge",
    "volcano", "volcanic eruption", "eruption", "natural disaster", "tidal wave", "sinkhole",
})
MIN_TOWN = 1000  # smaller places share their names with too many people and things


def _not_named(name: str) -> ActorRef | None:
    """What a phrase with no known actor in it is: an unknown person, a town, junk, or nothing."""
    words = name.lower().split()
    if len(words) == 1 and words[0] in PRONOUNS:
        return ActorRef(name, 0, len(name), None, None, None, "UNK", None)
    if words and all(w[:1].isupper() for w in name.split()) and len(words) <= 3:
        town = _town(name)
        if town is not None:
            return town
    if words and all(w in TIME_WORDS or w in ("last", "next", "this", "on") for w in words) and words[-1] in TIME_WORDS:
        return ActorRef(name, 0, len(name), None, None, None, "JNK", None)
    if words and " ".join(w for w in words if w not in ("a", "an", "the")) in HAZARDS:
        return ActorRef(name, 0, len(name), None, None, None, "JNK", None)
    return None


def _town(name: str) -> ActorRef | None:
    """A town or province named alone stands for its people (CVL), as PLOVER codes a bare place."""
    from tacitus.mentions.gazetteer import ADMIN1, CITY, Gazetteer, name_key

    # The place's own name only, not one of its alternates: "He" is an alternate name of a town.
    key = name_key(name)
    entries = [
        e for e in Gazetteer.default().lookup(name)
        if e.country and e.kind in (CITY, ADMIN1) and e.population >= MIN_TOWN and name_key(e.name) == key
    ]
    if not entries:
        return None
    best = max(entries, key=lambda e: e.population)
    return ActorRef(name, 0, len(name), best.name, best.country, None, "CVL" if best.kind == CITY else None, None)


class ActorResolver:
    """Resolves actor mentions against the knowledge base; build once, use for every article."""

    _default: ActorResolver | None = None
    _lock = threading.Lock()

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.index = PhraseIndex(kb)

    @classmethod
    def default(cls) -> ActorResolver:
        """The resolver over the shipped and user knowledge base, built once per process."""
        with cls._lock:
            if cls._default is None:
                cls._default = cls(load_kb())
            return cls._default

    @classmethod
    def from_files(cls, extra_people: Iterable[Path] = ()) -> ActorResolver:
        """A fresh resolver that also reads the given people files."""
        return cls(load_kb(extra_people))

    @classmethod
    def reset_default(cls) -> None:
        """Forget the cached default (after an import or update)."""
        with cls._lock:
            cls._default = None

    def lookup(self, name: str, date: dt.date | None = None) -> ActorRef | None:
        """Resolve a bare name ("Kishida", "the Kremlin", "Chinese troops") without a parse."""
        name = name.strip()
        doc = phrase_tokenizer()(name)
        key = tuple(t.text for t in doc)
        when = date or dt.date.today()
        entities = self.index.get(key)
        if entities:
            unit = Unit(0, len(key), unit_kind(entities), entities)
            chunk = Chunk([unit], 0, len(key))
            if resolve_chunk(chunk, when, doc, bare=True) or unit.kind == "adjective":
                if unit.kind == "adjective" and unit.entity is not None:
                    chunk.country = unit.entity.country
                return ActorRef(
                    name, 0, len(name), chunk.name, chunk.country, chunk.igo, chunk.sector, chunk.wikidata
                )
        units = self.index.match(doc, [t.text for t in doc], tagged=False)
        units = self.index.add_places_before_agents(doc, units, tagged=False)
        if not units:
            return _not_named(name)
        chunks = chunk_units(doc, units, when, bare=True)
        if not chunks:
            return _not_named(name)
        best = max(chunks, key=lambda c: c.end - c.start)
        if best.country is None and best.igo is None and best.sector is not None:
            best.country = self._country_after(doc, best)
        start = doc[best.start].idx
        end = doc[best.end - 1].idx + len(doc[best.end - 1].text)
        return ActorRef(
            name[start:end], start, end, best.name, best.country, best.igo, best.sector, best.wikidata
        )

    def _country_after(self, doc: Doc, chunk: Chunk) -> str | None:
        """ "lawmakers in Venezuela", "residents of Kharkiv": the country of the place after the phrase."""
        i = chunk.end
        if i >= len(doc) or doc[i].lower_ not in ("in", "of", "from", "across"):
            return None
        if doc[i].lower_ != "of" and visiting(doc, chunk):
            return None
        words = [t.text for t in doc[i + 1 :]]
        if words[:1] in (["the"], ["The"]):
            words = words[1:]
        if not words:
            return None
        known = [e for e in self.index.get(tuple(words)) or () if e.kind in ("state", "capital") and e.country]
        if known:
            return known[0].country
        return self.index.place_country(" ".join(words))

    def find_actors(self, doc: Doc, published: dt.date | None = None) -> list[ActorRef]:
        """Every actor mention in ``doc``, sorted by start; group mentions share a span."""
        from tacitus.mentions.coref import link_article

        when = published or dt.date.today()
        texts = [t.text for t in doc]
        units = self.index.match(doc, texts, tagged=True)
        units = self.index.add_entities(doc, units)
        units = self.index.add_places_before_agents(doc, units, tagged=True)
        chunks = chunk_units(doc, units, when)
        for chunk in chunks:
            chunk.is_place = is_place(doc, chunk)
        places = [c for c in chunks if c.is_place]
        chunks = [c for c in chunks if not c.is_place]
        country_from_place(doc, chunks, places)
        # Places are not actors but may be what "the two countries" points back to.
        chunks = link_article(doc, chunks, when, self, places=places)
        refs: list[ActorRef] = []
        text = doc_text(doc)
        for chunk in chunks:
            if chunk.referents:
                for referent in chunk.referents:
                    ref = chunk.ref(doc, text)
                    refs.append(
                        ActorRef(ref.text, ref.start, ref.end, referent.name, referent.country, referent.igo,
                                 referent.sector, referent.wikidata)
                    )
            else:
                refs.append(chunk.ref(doc, text))
        refs.sort(key=lambda r: (r.start, r.end))
        return refs
