"""Find and resolve every actor mention in a parsed article.

Resolution runs in three passes over the ``Doc``:

1. a token n-gram lookup marks every knowledge-base phrase (states, demonyms,
   capitals, seats of government, organisations, people, sector agents), and spaCy's
   PERSON and ORG entities add names the base does not know;
2. adjacent units are chunked into one mention ("Japanese Prime Minister Fumio
   Kishida", "Ukraine's parliament", "Chinese coast guard vessels") whose country
   comes from the person's dated role or the modifiers and whose sector comes from
   the role or the head noun;
3. within the article, short names, "the two leaders", "the island", "the country"
   and pronouns are linked to earlier mentions (:mod:`tacitus.mentions.coref`).

Design choices: a capital, state or seat of government standing alone after a
locative preposition ("in Tokyo", "flew to Beijing") is a place, not an actor; a
hyphenated pair ("US-Japan", "Sino-Japanese") gives one mention per country; a group
reference ("the two leaders") gives one ``ActorRef`` per referent, all with the same
span.
"""

from __future__ import annotations

import datetime as dt
import functools
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tacitus.mentions.actor_cities import CityTable
from tacitus.mentions.kb import Entity, KnowledgeBase, load_kb
from tacitus.records import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["ActorResolver", "Chunk", "Unit"]

MODIFIER_KINDS = frozenset({"state", "adjective", "capital", "seat", "org", "city"})
SHOUTED_KINDS = frozenset({"state", "capital", "adjective"})
PLACE_KINDS = frozenset({"state", "capital", "seat", "city"})
LOCATIVE = frozenset(
    {"in", "at", "near", "inside", "outside", "across", "throughout", "within", "around", "into", "via",
     "through", "beyond", "outside", "towards", "toward", "onto", "nearby"}
)
DIRECTIONAL = frozenset({"to", "from"})
MOTION = frozenset(
    {"travel", "fly", "go", "come", "return", "visit", "trip", "arrive", "move", "head", "flee", "journey",
     "relocate", "deport", "evacuate", "drive", "sail", "walk", "march", "escape", "defect", "send",
     "deploy", "transfer", "smuggle", "export", "import", "ship", "migrate", "emigrate", "route", "flight",
     "road", "border", "way", "route", "mile", "kilometre", "kilometer", "km", "depart", "leave", "bring",
     "take", "extradite", "expel", "run"}
)
PLACE_VERBS = frozenset({"visit", "tour", "leave", "enter", "reach", "land", "hit", "rock", "strike"})
FORMER = frozenset({"former", "ex", "ex-", "late", "then", "outgoing", "erstwhile", "retired"})
FUTURE = frozenset({"incoming", "president-elect", "elect", "designate", "would-be"})
ELITE = "ELI"
# Sectors whose former members PLOVER codes as elites (FORMER_MINISTER, RETIRED_GENERAL...).
OFFICE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "SPY", "COP", "ELI"})
HONORIFICS = frozenset({"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Miss", "Sir", "Dame", "Lord", "Lady"})
FILLER = frozenset({"'s", "’s", "'", "-", "–", "of", "the"})
NAME_ENTS = frozenset({"PERSON", "FAC", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT", "LANGUAGE"})
ORG_WORDS: dict[str, str] = {
    "Ministry": "GOV", "Department": "GOV", "Agency": "GOV", "Office": "GOV", "Council": "GOV",
    "Commission": "GOV", "Army": "MIL", "Navy": "MIL", "Force": "MIL", "Forces": "MIL", "Guard": "MIL",
    "Police": "COP", "Court": "JUD", "Tribunal": "JUD", "Parliament": "LEG", "Assembly": "LEG",
    "Senate": "LEG", "Party": "PTY", "University": "EDU", "College": "EDU", "School": "EDU",
    "Bank": "BUS", "Group": "BUS", "Inc": "BUS", "Inc.": "BUS", "Corp": "BUS", "Corp.": "BUS", "Ltd": "BUS",
    "Company": "BUS", "Airlines": "BUS", "Church": "REL", "Union": "LAB", "Front": "REB", "Brigade": "MIL",
    "Brigades": "REB", "Movement": "OPP", "Times": "JRN", "Post": "JRN", "News": "JRN", "Television": "JRN",
    "TV": "JRN", "Radio": "JRN", "Hospital": "MED", "Foundation": "NGO", "Institute": "EDU",
    "Fleet": "MIL", "Corps": "MIL", "Cartel": "CRM", "Airways": "BUS",
}


@dataclass(slots=True)
class Unit:
    """A run of tokens that names something the resolver knows about."""

    start: int  # token index
    end: int  # token index, exclusive
    kind: str  # state, adjective, demonym, capital, seat, org, person, sector, city, new_person, new_org
    entities: list[Entity]
    sector: str | None = None  # for new_org and city units

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
        """The record for this mention; pass ``doc.text`` when making many (it is rebuilt per call)."""
        text = doc.text if text is None else text
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


class ActorResolver:
    """Resolves actor mentions against the knowledge base; build once, use for every article."""

    _default: ActorResolver | None = None
    _lock = threading.Lock()

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._ngrams: dict[tuple[str, ...], list[Entity]] = {}
        self._max_len: dict[str, int] = {}
        self._cities: CityTable | None = None
        self._index()
        self._city_countries()

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

    # -- indexing -----------------------------------------------------------------

    def _index(self) -> None:
        tokenizer = _tokenizer()
        for phrase, entities in self.kb.phrases.items():
            variants = {phrase}
            if phrase.startswith("the "):
                variants.add("The " + phrase[4:])
            for variant in variants:
                if variant.endswith("-") and " " not in variant:
                    key: tuple[str, ...] = (variant[:-1], "-")  # "Sino-" as the pipeline splits it
                else:
                    key = tuple(t.text for t in tokenizer(variant))
                if not key:
                    continue
                bucket = self._ngrams.setdefault(key, [])
                bucket.extend(e for e in entities if e not in bucket)
                self._max_len[key[0]] = max(self._max_len.get(key[0], 0), len(key))

    def _city_countries(self) -> CityTable:
        """Cities and US states, for "Shanghai authorities" and "Oxford University"."""
        if self._cities is None:
            self._cities = CityTable.build()
        return self._cities

    # -- public API ---------------------------------------------------------------

    def lookup(self, name: str, date: dt.date | None = None) -> ActorRef | None:
        """Resolve a bare name ("Kishida", "the Kremlin", "Chinese troops") without a parse."""
        name = name.strip()
        doc = _tokenizer()(name)
        key = tuple(t.text for t in doc)
        when = date or dt.date.today()
        entities = self._ngrams.get(key)
        if entities:
            unit = Unit(0, len(key), _unit_kind(entities), entities)
            chunk = Chunk([unit], 0, len(key))
            if _resolve(chunk, when, doc) or unit.kind == "adjective":
                if unit.kind == "adjective" and unit.entity is not None:
                    chunk.country = unit.entity.country
                return ActorRef(
                    name, 0, len(name), chunk.name, chunk.country, chunk.igo, chunk.sector, chunk.wikidata
                )
        units = self._match(doc, [t.text for t in doc], tagged=False)
        if not units:
            return None
        chunks = _chunk(doc, units, when)
        if not chunks:
            return None
        best = max(chunks, key=lambda c: c.end - c.start)
        start = doc[best.start].idx
        end = doc[best.end - 1].idx + len(doc[best.end - 1].text)
        return ActorRef(
            name[start:end], start, end, best.name, best.country, best.igo, best.sector, best.wikidata
        )

    def find_actors(self, doc: Doc, published: dt.date | None = None) -> list[ActorRef]:
        """Every actor mention in ``doc``, sorted by start; group mentions share a span."""
        from tacitus.mentions.coref import link_article

        when = published or dt.date.today()
        texts = [t.text for t in doc]
        units = self._match(doc, texts, tagged=True)
        units = self._add_entities(doc, units)
        chunks = _chunk(doc, units, when)
        for chunk in chunks:
            chunk.is_place = _is_place(doc, chunk)
        places = [c for c in chunks if c.is_place]
        chunks = [c for c in chunks if not c.is_place]
        _country_from_place(doc, chunks, places)
        # Places are not actors but may be what "the two countries" points back to.
        chunks = link_article(doc, chunks, when, self, places=places)
        refs: list[ActorRef] = []
        text = doc.text
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

    # -- pass 1: units ------------------------------------------------------------

    def _surname_unit(self, doc: Doc, unit: Unit) -> bool:
        return " ".join(doc[i].text for i in range(unit.start, unit.end)) in self.kb.surnames

    def _match(self, doc: Doc, texts: Sequence[str], *, tagged: bool) -> list[Unit]:
        units: list[Unit] = []
        i, n = 0, len(texts)
        max_len = self._max_len
        ngrams = self._ngrams
        while i < n:
            longest = max_len.get(texts[i], 0)
            found = False
            shouted = not longest and len(texts[i]) > 3 and texts[i].isupper() and texts[i].isalpha()
            if shouted:
                # A dateline or headline in capitals ("CANBERRA"): states and capitals only.
                entities = [e for e in ngrams.get((texts[i].title(),), ()) if e.kind in SHOUTED_KINDS]
                if entities:
                    units.append(Unit(i, i + 1, _unit_kind(entities), entities))
                i += 1
                continue
            for size in range(min(longest, n - i), 0, -1):
                entities = ngrams.get(tuple(texts[i : i + size]))
                if entities is None:
                    continue
                phrase = " ".join(texts[i : i + size])
                if phrase in self.kb.surnames and tagged and not _name_like(doc[i]):
                    continue
                units.append(Unit(i, i + size, _unit_kind(entities), entities))
                i += size
                found = True
                break
            if not found:
                i += 1
        return units

    def _new_org(
        self, doc: Doc, start: int, end: int, sector: str | None, *, kind: str = "new_org", country: str | None = None
    ) -> Unit:
        """A name the base lacks; a leading city or US state gives its country ("Oxford University")."""
        if country is None:
            words = [doc[i].text for i in range(start, end)]
            country = self._city_countries().prefix(words)
            if country is None and "of" in words[:-1]:
                country = self._city_countries().prefix(words[words.index("of") + 1 :])
        name = doc[start:end].text
        entities = [Entity(kind, name, country=country, sector=sector)] if country else []
        return Unit(start, end, kind, entities, sector=sector)

    def _add_entities(self, doc: Doc, units: list[Unit]) -> list[Unit]:
        """Let spaCy's named entities override or add to the dictionary units."""
        if not doc.has_annotation("ENT_IOB"):
            return units
        by_token: dict[int, Unit] = {}
        for unit in units:
            for i in range(unit.start, unit.end):
                by_token[i] = unit
        dropped: set[int] = set()
        added: list[Unit] = []
        for ent in doc.ents:
            inside = {id(u): u for i in range(ent.start, ent.end) if (u := by_token.get(i))}
            inner = list(inside.values())
            if ent.label_ in NAME_ENTS:
                covered = {i for u in inner for i in range(u.start, u.end)}
                if all(i in covered or not doc[i].is_alpha for i in range(ent.start, ent.end)):
                    continue  # "Franco-German" is two adjectives, not a name
                for unit in inner:
                    if unit.kind in MODIFIER_KINDS and unit.end - unit.start < len(ent) and unit.kind != "org":
                        dropped.add(id(unit))
                if ent.label_ != "PERSON":
                    continue
                for unit in inner:
                    # "Michael Howard" is not John Howard: a lone surname inside a longer name.
                    if unit.kind == "person" and unit.end - unit.start < len(ent) and self._surname_unit(doc, unit):
                        dropped.add(id(unit))
                kept = [u for u in inner if id(u) not in dropped]
                if any(u.kind == "person" for u in kept):
                    continue
                start = max([ent.start, *(u.end for u in kept if u.start <= ent.start + 1)])
                # Honorifics and titles inside the entity stay titles; the name is the rest.
                while start < ent.end and doc[start].text in HONORIFICS:
                    start += 1
                if start < ent.end and not any(u.start < ent.end and u.end > start for u in kept):
                    added.append(Unit(start, ent.end, "new_person", []))
            elif ent.label_ == "ORG":
                if inner and len(ent) > 1 and all(
                    u.kind == "sector" and ent.start <= u.start and u.end <= ent.end for u in inner
                ) and doc[ent.start].is_title and ent.start not in {u.start for u in inner}:
                    # "Oxford University": a name whose last word is a sector noun.
                    for unit in inner:
                        dropped.add(id(unit))
                    sector = _org_sector(ent) or _sector_of(inner[-1])
                    added.append(self._new_org(doc, ent.start, ent.end, sector))
                elif not inner:
                    code = self._city_countries().city(ent.text) if len(ent) <= 3 else None
                    if code and doc[ent.start].is_title:
                        # spaCy often tags a lone city as an organisation ("Mariupol").
                        added.append(self._new_org(doc, ent.start, ent.end, None, kind="city", country=code))
                    else:
                        added.append(self._new_org(doc, ent.start, ent.end, _org_sector(ent)))
                elif any(u.kind == "capital" for u in inner) and len(ent) > 1:
                    for unit in inner:
                        dropped.add(id(unit))
                    added.append(self._new_org(doc, ent.start, ent.end, _org_sector(ent)))
                elif (rest := _named_after_modifier(doc, ent, inner)) is not None:
                    # "Chile's Defense Department": the country, then a name the base lacks.
                    for unit in inner:
                        if unit.start >= rest:
                            dropped.add(id(unit))
                    sector = _org_sector(ent) or next(
                        (_sector_of(u) for u in reversed(inner) if u.kind == "sector"), None
                    )
                    added.append(self._new_org(doc, rest, ent.end, sector))
            elif ent.label_ == "GPE" and not inner:
                code = self._city_countries().city(ent.text)
                if code:
                    added.append(Unit(ent.start, ent.end, "city", [], sector="GOV"))
                    added[-1].entities = [Entity("city", ent.text, country=code, sector="GOV")]
        for unit in added:
            # spaCy sometimes includes the possessive in a name ("Baghdadi’s").
            while unit.end - unit.start > 1 and doc[unit.end - 1].text in ("'s", "’s", "'"):
                unit.end -= 1
        merged = [u for u in units if id(u) not in dropped] + added
        merged.sort(key=lambda u: (u.start, -u.end))
        out: list[Unit] = []
        for unit in merged:
            if out and unit.start < out[-1].end:
                continue
            out.append(unit)
        return out


# -- pass 2: chunks ---------------------------------------------------------------


def _unit_kind(entities: list[Entity]) -> str:
    kinds = [e.kind for e in entities]
    for kind in ("person", "org", "state", "seat", "capital", "demonym", "adjective", "sector"):
        if kind in kinds:
            return kind
    return kinds[0]


def _chunk(doc: Doc, units: list[Unit], when: dt.date) -> list[Chunk]:
    chunks: list[Chunk] = []
    current: list[Unit] = []
    parsed = _parsed(doc)
    # Sentence of each token, computed once: Token.sent walks the parse on every call.
    sent_of: list[int] = [0] * len(doc)
    if parsed:
        for number, sent in enumerate(doc.sents):
            for i in range(sent.start, sent.end):
                sent_of[i] = number

    def flush() -> None:
        if current:
            chunk = Chunk(list(current), current[0].start, current[-1].end)
            if _resolve(chunk, when, doc):
                chunks.append(chunk)
            current.clear()

    for unit in units:
        if current and _joins(doc, current, unit, sent_of):
            current.append(unit)
        else:
            flush()
            current.append(unit)
    flush()
    _split_hyphen_pairs(doc, chunks, units, when)
    chunks.sort(key=lambda c: c.start)
    return chunks


def _joins(doc: Doc, current: list[Unit], unit: Unit, sent_of: list[int]) -> bool:
    """Whether ``unit`` continues the chunk built so far."""
    last = current[-1]
    gap = [doc[i].text for i in range(last.end, unit.start)]
    if len(gap) > 2:
        return False
    if sent_of[last.end - 1] != sent_of[unit.start]:
        return False
    for i in range(last.end, unit.start):
        token = doc[i]
        if token.text in FILLER or token.text.lower() in FORMER or token.text in HONORIFICS:
            continue
        if token.text[:1].islower() and (token.pos_ == "ADJ" or token.tag_ in ("VBG", "VBN")):
            continue  # "senior", "ruling", "armed"
        return False
    if "of" in gap:
        # "the government of Japan": a sector noun takes its country from what follows.
        return unit.kind in ("state", "org") and all(u.kind == "sector" for u in current)
    has_person = any(u.kind in ("person", "new_person") for u in current)
    if has_person:
        return False
    if unit.kind in ("state", "adjective", "capital", "city", "demonym", "seat"):
        # A second country starts a new mention ("US-Japan", "China and Japan").
        return not any(u.kind in MODIFIER_KINDS or u.kind == "sector" for u in current)
    if unit.kind in ("org", "new_org"):
        return all(u.kind in ("adjective", "state") for u in current) and "-" not in gap
    if unit.kind in ("person", "new_person"):
        return "-" not in gap and "'s" not in gap and "’s" not in gap
    if unit.kind == "sector":
        return "-" not in gap or all(u.kind == "sector" for u in current)
    return False


def _name_like(token: object) -> bool:
    """A token that may be a surname rather than a common word ("Trump" vs "trump")."""
    return bool(token.pos_ == "PROPN" or token.ent_type_ == "PERSON" or token.is_title)  # type: ignore[attr-defined]


def _parsed(doc: Doc) -> bool:
    return doc.has_annotation("DEP") or doc.has_annotation("SENT_START")


def _sector_of(unit: Unit) -> str | None:
    entity = unit.entity
    return entity.sector if entity else unit.sector


def _resolve(chunk: Chunk, when: dt.date, doc: Doc) -> bool:
    """Fill country, sector and name; False when the chunk is not an actor."""
    units = chunk.units
    kinds = [u.kind for u in units]
    modifiers = [u for u in units if u.kind in MODIFIER_KINDS or u.kind == "demonym"]
    sectors = [u for u in units if u.kind == "sector"]
    person = next((u for u in units if u.kind in ("person", "new_person")), None)
    # "former President X", "ex-Tory minister": look two tokens back for "ex" before a hyphen.
    span_words = {doc[i].text.lower() for i in range(max(chunk.start - 2, 0), chunk.end)}
    if chunk.start >= 2 and doc[chunk.start - 1].text != "-":
        span_words.discard(doc[chunk.start - 2].text.lower())
    former = bool(span_words & FORMER)

    for unit in modifiers:
        entity = unit.entity
        if entity is None:
            continue
        if chunk.country is None and chunk.igo is None:
            chunk.country, chunk.igo = entity.country, entity.igo
    if chunk.country is None and chunk.igo is None:
        # "Kano State government": a new name that carries a place.
        named = next((u.entity for u in units if u.kind == "new_org" and u.entity is not None), None)
        if named is not None:
            chunk.country = named.country

    if person is not None and person.kind == "person" and person.entity is not None:
        entity = person.entity
        chunk.person = entity
        chunk.name, chunk.wikidata = entity.name, entity.wikidata
        role, held = entity.role_on(when)
        if role is not None:
            chunk.country, chunk.igo = role.country, role.igo
            titles = [u for u in sectors if u.start < person.start]
            if held and not former:
                chunk.sector = role.sector
            elif titles and not former:
                # "Foreign Minister X": the article's own title outranks a stale end date.
                chunk.sector = _head_sector(titles, modifiers, when)
            elif former or (role.end is not None and role.end <= when):
                # PLOVER codes former presidents, ministers and rulers as elites.
                chunk.sector = ELITE
            else:
                chunk.sector = None
        return True

    if person is not None:
        # A person the base does not know: the title and modifiers describe them.
        chunk.name = " ".join(t for t in _texts(doc, person.start, person.end))
        titles = [u for u in sectors if u.start < person.start]
        if titles:
            sector = _head_sector(titles, modifiers, when)
            chunk.sector = _former(sector) if former else sector
        return True

    if not sectors:
        if kinds == ["adjective"] or all(k == "adjective" for k in kinds):
            return False
        head = units[-1]
        entity = head.entity
        if head.kind == "new_org":
            chunk.name = " ".join(_texts(doc, head.start, head.end))
            chunk.sector = head.sector
            if chunk.country is None and chunk.igo is None and entity is not None:
                chunk.country = entity.country
            return True
        if entity is None:
            return False
        chunk.name, chunk.wikidata = entity.name, entity.wikidata
        chunk.country, chunk.igo = entity.country, entity.igo
        if head.kind == "org":
            chunk.sector = entity.sector_on(when)
            if len(modifiers) > 1 and modifiers[0].entity is not None and entity.country is None:
                chunk.country = modifiers[0].entity.country
        elif head.kind in ("capital", "seat", "city", "demonym"):
            # A city other than the capital does not speak for the government: it stands for
            # its people, as PLOVER codes a bare town.
            chunk.sector = entity.sector if head.kind != "city" else "CVL"
            chunk.is_place_like = head.kind != "demonym"
            chunk.wikidata = None
        else:
            chunk.is_place_like = True
        if len(units) > 1:
            chunk.wikidata = None
        return True

    head = sectors[-1]
    uses = {u.entity.use for u in sectors if u.entity}
    if uses <= {"title", "smod"}:
        return False  # a title with no name after it ("General" in "General Motors")
    if head.entity and head.entity.use in ("weak", "tail", "role") and not modifiers and "smod" not in uses:
        if not (head.entity.use == "tail" and len(sectors) > 1) and not (
            head.entity.use == "weak" and _before_named_place(doc, chunk.end)
        ):
            return False
    sector = _head_sector(sectors, modifiers, when)
    chunk.sector = _former(sector) if former else sector
    if modifiers and modifiers[0].kind == "org" and modifiers[0].entity is not None:
        chunk.name = modifiers[0].entity.name
    return True


def _former(sector: str | None) -> str | None:
    """A former office holder ("former minister", "retired general") is an elite; other groups lose the sector."""
    return ELITE if sector in OFFICE_SECTORS else None


def _head_sector(sectors: list[Unit], modifiers: list[Unit], when: dt.date) -> str | None:
    """The sector of the head noun; generic heads ("spokesman") defer to what precedes them."""
    heads = [u for u in sectors if u.entity is None or u.entity.use != "tail"] or sectors
    head = heads[-1]
    if head.entity is not None and head.entity.use in ("generic", "role"):
        before = [u for u in heads[:-1] if u.entity is not None and u.entity.use not in ("generic", "role")]
        if before:
            return _sector_of(before[-1])
        org = next((m for m in modifiers if m.kind == "org" and m.entity is not None), None)
        if org is not None and org.entity is not None and org.entity.sector_on(when):
            return org.entity.sector_on(when)
    return _sector_of(head)


def _texts(doc: Doc, start: int, end: int) -> list[str]:
    return [doc[i].text for i in range(start, end)]


def _split_hyphen_pairs(doc: Doc, chunks: list[Chunk], units: list[Unit], when: dt.date) -> None:
    """Adjectives in "Sino-Japanese" or "US-Japan" name both countries."""
    covered = {i for c in chunks for i in range(c.start, c.end)}
    for left, right in zip(units, units[1:]):
        if right.start - left.end != 1 or doc[left.end].text not in ("-", "–"):
            if not (left.end == right.start and doc[left.end - 1].text in ("-", "–")):
                continue
        for unit in (left, right):
            if unit.kind in ("adjective", "state") and unit.start not in covered and unit.entity:
                chunk = Chunk([unit], unit.start, unit.end, country=unit.entity.country, name=unit.entity.name)
                chunks.append(chunk)
                covered.update(range(unit.start, unit.end))


def _is_place(doc: Doc, chunk: Chunk) -> bool:
    """A bare state, capital or seat after a locative preposition is a place."""
    if not chunk.is_place_like:
        return False
    i = chunk.start
    if i > 0 and doc[i - 1].lower_ == "the":
        i -= 1
    if i == 0:
        return False
    prev = doc[i - 1]
    if prev.lower_ in LOCATIVE:
        return True
    if prev.lower_ in DIRECTIONAL:
        head = prev.head
        return head.lemma_.lower() in MOTION or head.pos_ == "NOUN" and head.lemma_.lower() in MOTION
    root = doc[chunk.end - 1]
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head  # "across Iraq and Syria"
    if root.dep_ == "dobj" and root.head.lemma_.lower() in PLACE_VERBS:
        return True
    if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE:
        return True
    return False


def _country_from_place(doc: Doc, chunks: list[Chunk], places: list[Chunk]) -> None:
    """ "police in Nairobi", "protesters in Hong Kong": a group takes the country it is in."""
    by_start = {p.start: p for p in places}
    for chunk in chunks:
        if chunk.country or chunk.igo or chunk.person is not None or chunk.sector is None:
            continue
        if any(u.kind in ("new_person", "new_org") for u in chunk.units):
            continue
        i = chunk.end
        if i < len(doc) and doc[i].lower_ in ("in", "from", "across"):
            i += 1
            if i < len(doc) and doc[i].lower_ == "the":
                i += 1
            place = by_start.get(i)
            if place is not None and place.country:
                chunk.country = place.country


def _before_named_place(doc: Doc, i: int) -> bool:
    """ "people in the UK": a weak noun followed by a named place, which gives its country."""
    if i >= len(doc) or doc[i].lower_ not in ("in", "from", "across"):
        return False
    i += 1
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    return i < len(doc) and doc[i].pos_ == "PROPN" and (doc[i].is_title or doc[i].is_upper)


def _named_after_modifier(doc: Doc, ent: object, inner: list[Unit]) -> int | None:
    """Where the name starts in an ORG entity led by a country ("Chile's Defense Department").

    Only when the rest holds sector words at most and a word the base does not know;
    "Russian Defence Ministry" stays a country and a sector noun.
    """
    start, end = ent.start, ent.end  # type: ignore[attr-defined]
    first = inner[0]
    if first.start != start or first.kind not in ("state", "adjective"):
        return None
    rest = first.end
    if rest < end and doc[rest].text in ("'s", "’s"):
        rest += 1
    if rest >= end or any(u.kind != "sector" for u in inner[1:]):
        return None
    covered = {i for u in inner[1:] for i in range(u.start, u.end)}
    if all(i in covered or not doc[i].is_alpha for i in range(rest, end)):
        return None
    return rest


def _org_sector(ent: object) -> str | None:
    words = [t.text for t in ent]  # type: ignore[attr-defined]
    for word in reversed(words):
        if word in ORG_WORDS:
            return ORG_WORDS[word]
    return None


@functools.lru_cache(maxsize=1)
def _tokenizer():  # type: ignore[no-untyped-def]
    """A rule tokenizer that splits phrases the way the English pipeline does."""
    import spacy

    return spacy.blank("en").tokenizer
