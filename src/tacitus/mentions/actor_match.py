"""Pass 1 of actor resolution: the phrases of the knowledge base and spaCy's names in a text.

A token n-gram lookup marks every knowledge-base phrase (states, demonyms, capitals,
seats of government, organisations, people, sector agents); spaCy's PERSON and ORG
entities add names the base does not know, and a city or US state leading a new
name gives it a country ("Oxford University").
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tacitus.mentions.actor_chunks import MODIFIER_KINDS, sector_of, unit_kind
from tacitus.mentions.actor_cities import CityTable
from tacitus.mentions.actor_units import HONORIFICS, Unit
from tacitus.mentions.kb import Entity, KnowledgeBase

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["PhraseIndex", "phrase_tokenizer"]

SHOUTED_KINDS = frozenset({"state", "capital", "adjective"})
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
    "Air": "BUS", "Service": "GOV", "Services": "GOV", "Committee": "GOV", "Authority": "GOV", "Bureau": "GOV",
    "Directorate": "GOV", "Embassy": "GOV", "Consulate": "GOV", "Guards": "MIL", "Rifles": "MIL",
    "Regiment": "MIL", "Battalion": "MIL", "Legion": "MIL", "Militia": "PRM", "Gendarmerie": "COP",
    "Prison": "COP", "Congress": "PTY", "Alliance": "PTY", "Bloc": "PTY", "League": "PTY",
    "Association": "SOC", "Society": "SOC", "Federation": "LAB", "Academy": "EDU", "Mosque": "REL",
    "Temple": "REL", "Cathedral": "REL", "Diocese": "REL", "Energy": "BUS", "Oil": "BUS", "Petroleum": "BUS",
    "Motors": "BUS", "Holdings": "BUS", "Telecom": "BUS", "Steel": "BUS", "Mining": "BUS", "Herald": "JRN",
    "Tribune": "JRN", "Journal": "JRN", "Gazette": "JRN", "Daily": "JRN", "Broadcasting": "JRN",
}


class PhraseIndex:
    """Knowledge-base phrases keyed by their tokens, and the matcher over a parsed text."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._ngrams: dict[tuple[str, ...], list[Entity]] = {}
        self._max_len: dict[str, int] = {}
        self._cities: CityTable | None = None
        self._index()
        self._city_countries()

    def get(self, key: tuple[str, ...]) -> list[Entity] | None:
        """The entities a token sequence names exactly."""
        return self._ngrams.get(key)

    def _index(self) -> None:
        tokenizer = phrase_tokenizer()
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

    def place_country(self, name: str) -> str | None:
        """The country of a city or US state named ``name``."""
        return self._city_countries().place(name)

    def _surname_unit(self, doc: Doc, unit: Unit) -> bool:
        return " ".join(doc[i].text for i in range(unit.start, unit.end)) in self.kb.surnames

    def _reaches_past(self, texts: Sequence[str], start: int, end: int) -> bool:
        """Whether a known phrase starting at ``start`` runs beyond ``end``."""
        longest = min(self._max_len.get(texts[start], 0), len(texts) - start) if start < len(texts) else 0
        return any(
            tuple(texts[start : start + size]) in self._ngrams for size in range(longest, end - start, -1)
        )

    def match(self, doc: Doc, texts: Sequence[str], *, tagged: bool) -> list[Unit]:
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
                    units.append(Unit(i, i + 1, unit_kind(entities), entities))
                i += 1
                continue
            for size in range(min(longest, n - i), 0, -1):
                entities = ngrams.get(tuple(texts[i : i + size]))
                if entities is None:
                    continue
                phrase = " ".join(texts[i : i + size])
                if phrase in self.kb.surnames and tagged and (not _name_like(doc[i]) or _place_like(doc[i])):
                    continue
                if (
                    phrase in self.kb.surnames and not _after_title(units, i) and not any(e.noted for e in entities)
                    and _word_of_other_name(texts, i, i + size)
                ):
                    continue  # "Good Friday", "West African", "the West": not a lesser official's surname
                if size > 1 and self._reaches_past(texts, i + 1, i + size):
                    break  # "the Kingdom of Thailand": "Kingdom of Thailand", not "the Kingdom"
                units.append(Unit(i, i + size, unit_kind(entities), entities, by_surname=phrase in self.kb.surnames))
                i += size
                found = True
                break
            if not found:
                i += 1
        return units

    def add_places_before_agents(self, doc: Doc, units: list[Unit], *, tagged: bool) -> list[Unit]:
        """ "Dehli police": a town the parser did not tag, just before a sector noun, gives its country."""
        out: list[Unit] = []
        last_end = 0
        for unit in units:
            entity = unit.entity
            if (
                unit.kind == "sector" and entity is not None and entity.use not in ("title", "smod", "tail")
                and unit.start > last_end
            ):
                for size in (2, 1):
                    start = unit.start - size
                    if start < last_end:
                        continue
                    tokens = [doc[i] for i in range(start, unit.start)]
                    if not all(t.is_alpha and t.is_title for t in tokens):
                        continue
                    if tagged and not all(t.pos_ in ("PROPN", "NOUN", "ADJ", "X") for t in tokens):
                        continue
                    if any(t.is_stop for t in tokens):
                        continue  # "Most people" is not the Czech town of Most
                    code = self._city_countries().city(" ".join(t.text for t in tokens))
                    if code:
                        name = " ".join(t.text for t in tokens)
                        out.append(Unit(start, unit.start, "city", [Entity("city", name, country=code, sector="GOV")],
                                        sector="GOV"))
                        break
            out.append(unit)
            last_end = unit.end
        return out

    def _state_prefix(self, words: list[str]) -> str | None:
        """The country of a state or demonym at the start of ``words``."""
        for size in range(min(4, len(words)), 0, -1):
            for entity in self._ngrams.get(tuple(words[:size]), ()):
                if entity.kind in ("state", "adjective") and entity.country:
                    return entity.country
        return None

    def _new_org(
        self, doc: Doc, start: int, end: int, sector: str | None, *, kind: str = "new_org", country: str | None = None
    ) -> Unit:
        """A name the base lacks; a leading city or US state gives its country ("Oxford University")."""
        if country is None:
            words = [doc[i].text for i in range(start, end)]
            if "of" in words[:-1]:
                # "Central Bank of Nigeria": the state after "of" outranks a town named "Central".
                rest = words[words.index("of") + 1 :]
                if rest and rest[0] in ("the", "The"):
                    rest = rest[1:]
                country = self._state_prefix(rest) or self._city_countries().prefix(rest)
            if country is None:
                country = self._city_countries().prefix(words)
        name = doc[start:end].text
        entities = [Entity(kind, name, country=country, sector=sector)] if country else []
        return Unit(start, end, kind, entities, sector=sector)

    def add_entities(self, doc: Doc, units: list[Unit]) -> list[Unit]:
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
                    # "the Good Friday Agreement": a surname inside another kind of name is a word of it.
                    dropped.update(id(u) for u in inner if u.by_surname and u.end - u.start < len(ent))
                    continue
                # "Michael Howard" is not John Howard: a lone surname inside a longer name.
                surnames = [
                    u for u in inner if u.kind == "person" and u.end - u.start < len(ent) and self._surname_unit(doc, u)
                ]
                dropped.update(id(u) for u in surnames)
                kept = [u for u in inner if id(u) not in dropped]
                if any(u.kind == "person" for u in kept):
                    continue
                start = max([ent.start, *(u.end for u in kept if u.start <= ent.start + 1)])
                # Honorifics and titles inside the entity stay titles; the name is the rest.
                while start < ent.end and doc[start].text in HONORIFICS:
                    start += 1
                if start < ent.end and not any(u.start < ent.end and u.end > start for u in kept):
                    # "Philip Edward Davis": a given name of one of the surname's owners names that owner.
                    last = next((u for u in surnames if u.end == ent.end), None)
                    fitting = [e for e in last.entities if doc[start].text in e.given_names] if last else []
                    added.append(
                        Unit(start, ent.end, "person", fitting, by_surname=True)
                        if fitting else Unit(start, ent.end, "new_person", [])
                    )
            elif ent.label_ == "ORG":
                if inner and len(ent) > 1 and all(
                    u.kind == "sector" and ent.start <= u.start and u.end <= ent.end for u in inner
                ) and doc[ent.start].is_title and ent.start not in {u.start for u in inner}:
                    # "Oxford University": a name whose last word is a sector noun.
                    for unit in inner:
                        dropped.add(id(unit))
                    sector = _org_sector(ent) or sector_of(inner[-1])
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
                elif (
                    len(ent) > 1 and all(u.kind in ("state", "adjective") for u in inner)
                    and (first := ent.start + (doc[ent.start].lower_ == "the")) < ent.end
                    and doc[first].is_title and (inner[0].start > first or inner[-1].end < ent.end)
                    and _org_sector(ent) is not None
                ):
                    # "Air India", "the Kenya Wildlife Service": a name that carries its state.
                    for unit in inner:
                        dropped.add(id(unit))
                    country = inner[0].entity.country if inner[0].entity is not None else None
                    added.append(self._new_org(doc, first, ent.end, _org_sector(ent), country=country))
                elif (rest := _named_after_modifier(doc, ent, inner)) is not None:
                    # "Chile's Defense Department": the country, then a name the base lacks.
                    for unit in inner:
                        if unit.start >= rest:
                            dropped.add(id(unit))
                    sector = _org_sector(ent) or next(
                        (sector_of(u) for u in reversed(inner) if u.kind == "sector"), None
                    )
                    added.append(self._new_org(doc, rest, ent.end, sector))
            elif ent.label_ == "GPE" and not inner:
                code = self._city_countries().place(ent.text)
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


def _after_title(units: list[Unit], i: int) -> bool:
    """Whether a title or other agent noun ends just before token ``i`` ("Governor Shumkov")."""
    return bool(units) and units[-1].end == i and units[-1].kind == "sector"


def _word_of_other_name(texts: Sequence[str], start: int, end: int) -> bool:
    """Whether the words at ``start:end`` read as part of another name: capitalised words follow
    ("Good Friday", "West African") or an article comes before ("the West")."""
    after = texts[end] if end < len(texts) else ""
    return (after[:1].isupper() and after.isalpha()) or (start > 0 and texts[start - 1].lower() == "the")


def _place_like(token: object) -> bool:
    """A surname the parser tagged as a place ("police in Lagos" is not Ricardo Lagos)."""
    return token.ent_type_ in ("GPE", "LOC", "FAC")  # type: ignore[attr-defined]


def _name_like(token: object) -> bool:
    """A token that may be a surname rather than a common word ("Trump" vs "trump")."""
    return bool(token.pos_ == "PROPN" or token.ent_type_ == "PERSON" or token.is_title)  # type: ignore[attr-defined]


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
    if "Police" in words:
        return "COP"  # "Nigeria Police Force", "Police Service"
    for word in reversed(words):
        if word in ORG_WORDS:
            return ORG_WORDS[word]
    return None


@functools.lru_cache(maxsize=1)
def phrase_tokenizer():  # type: ignore[no-untyped-def]
    """A rule tokenizer that splits phrases the way the English pipeline does."""
    import spacy

    return spacy.blank("en").tokenizer
