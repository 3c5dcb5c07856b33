"""Place mentions: find place names in a parsed article and resolve them.

Detection takes spaCy's GPE/LOC/FAC entities (rejoining a place the model split
in two), towns, streets and buildings that the model filed as ORG, PERSON,
NORP, EVENT or PRODUCT, places inside organisation names ("the Beverly Hills
Police Department"), upper-case datelines, and capitalised token runs that the
gazetteer knows. Resolution scores each candidate by feature type, population,
capital status and the article's other places (their countries and admin1
areas, "Paris, Texas" and "Washington state"), so one article settles on one
reading of an ambiguous name.

Each place has a kind: "toponym" (a resolved or unresolved place name),
"demonym" ("Chinese" resolved to China) or "approximate" (a local name the
gazetteer lacks, given the coordinates of the town beside it or of the
article's main town). Event locations use toponyms only.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tacitus.mentions.gazetteer import (
    ABBREV,
    ADMIN1,
    CAPITAL,
    CITY,
    COUNTRY,
    DEMONYMS,
    REGION,
    Gazetteer,
    name_key,
)
from tacitus.records import ActorRef, Place

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Place.kind values.
TOPONYM, DEMONYM, APPROXIMATE, METONYM = "toponym", "demonym", "approximate", "metonym"
_SEAT_SECTORS = frozenset({"GOV", "MIL"})

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Entities whose words are not toponyms even when the gazetteer knows them ("Jackson", "New York Times").
BLOCKING_LABELS = frozenset(
    {"PERSON", "ORG", "NORP", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT", "LANGUAGE", "DATE", "TIME", "MONEY"}
)
LOCATIVE_PREPS = frozenset(
    {"in", "near", "at", "on", "outside", "across", "inside", "off", "around", "throughout", "within",
     "over", "along", "beyond", "into", "nearby"}
)
# Entities whose words may hold an adjective of place ("8,000 Egyptian pounds").
_DEMONYM_HOSTS = frozenset({"LAW", "MONEY", "WORK_OF_ART", "PRODUCT"})
_MERGEABLE = frozenset({"GPE", "LOC", "FAC", "ORG", "PERSON", "NORP"})
_PLACE_PREPS = LOCATIVE_PREPS | {"from", "to", "of", "via", "between"}
_JOINERS = frozenset({"of", "de", "del", "la", "le", "upon", "on", "du", "des", "al", "el"})
_LEADING_DROP = frozenset({"the", "northern", "southern", "eastern", "western", "central", "north", "south",
                           "east", "west", "northeast", "northwest", "southeast", "southwest", "downtown",
                           "rural", "greater", "metro", "upstate", "coastal"})
# Abbreviated titles and company suffixes that never stand alone for a place.
_TITLES = frozenset({"Rep.", "Sen.", "Gov.", "Gen.", "Lt.", "Col.", "Sgt.", "Capt.", "Cpl.", "Adm.", "Dr.", "Mr.",
                     "Mrs.", "Ms.", "Prof.", "Rev.", "Inc.", "Co.", "Corp.", "Ltd.", "Jr.", "Sr.", "No.", "St.",
                     "Mt.", "Ft.", "Pres.", "Sec.", "Supt.", "Det.", "Insp.", "Hon."})
_MAX_TOKENS = 5
_DATELINE_NEXT = frozenset({",", ":", "-", "\u2013", "\u2014", "(", "--"})
_MAX_CANDIDATES = 60

# Scoring weights, tuned on GeoWebNews (even half) and LGL.
_ADMIN1_BASE = 7.0
_KIND_BASE = {COUNTRY: 9.0, ADMIN1: _ADMIN1_BASE, REGION: 10.0, CITY: 0.0}
_CAPITAL_BONUS = 4.0
_COUNTRY_CONTEXT = 2.5
_ADMIN1_CONTEXT = 3.0
# Votes for a country that make a country name its state of that name ("Georgia" in US news).
_STATE_OVER_COUNTRY = 1.5
_PAIR_BONUS = 10.0
_POP_WEIGHT = 1.0
_CITY_ADMIN1_VOTE = 1.0
_AMBIGUOUS_VOTE = 0.5  # an ambiguous town's vote for its country and state, against 1 for a sure name
_ALTNAME_PENALTY = 2.0
_GAZ_MIN_POPULATION = 5000
_GAZ_MIN_POPULATION_ONE_WORD = 50000
_ORG_MIN_POPULATION = 20000
_ORG_CITY_MIN_POPULATION = 100000
_PERSON_MIN_POPULATION = 5000
_PERSON_ALONE_MIN_POPULATION = 200000
_NORP_MIN_POPULATION = 20000
_AFTER_PREP_MIN_POPULATION = 1000
# How much the other names in a town's state and country count towards the main town.
_FOCUS_ADMIN1 = 0.5
_FOCUS_COUNTRY = 0.25
_STRAY_SITE_MAX_POPULATION = 20000
_STRAY_TOWN_MAX_POPULATION = 10000
_LOCAL_GAP = 3  # tokens between an unknown name and a town that places it
_THOROUGHFARES = frozenset({"street", "avenue", "road", "boulevard", "lane", "drive", "estate", "plaza",
                            "square", "racecourse", "stadium", "castle", "park", "place", "fields", "tower",
                            "inn", "gateway", "gardens", "heights", "quarter", "bridge", "court"})
# First words of streets and places named in other languages or by feature: "Rue d'Enghein", "Lake Manassas".
_PLACE_OPENERS = frozenset({"rue", "faubourg", "via", "calle", "avenida", "piazza", "lake", "mount", "fort", "camp",
                            "port", "cape", "isle", "barangay", "palais", "palazzo", "chateau", "château"})
_INTO_PREPS = frozenset({"in", "into", "near", "outside", "inside"})
# Head nouns of buildings and sites: an organisation named so is usually also a place
# ("Altnagelvin Hospital", "New Bilibid Prison", "Stonewall Golf Club").
_FACILITIES = frozenset({"hospital", "centre", "center", "church", "cathedral", "mosque", "temple", "chapel",
                         "prison", "jail", "hall", "college", "university", "school", "academy", "campus",
                         "library", "plantation", "cottage", "club", "complex", "mall", "airport", "station",
                         "stadium", "arena", "hotel", "inn", "tower", "museum", "cemetery", "market", "port",
                         "harbour", "harbor", "base", "camp", "village", "house", "area", "gateway"})
# Words after a town's name that make an organisation its local body ("Dublin Mayor").
_LOCAL_BODIES = frozenset({"police", "fire", "sheriff", "sheriff's", "council", "city", "mayor", "district",
                           "board", "schools", "times", "herald", "gazette", "tribune", "journal", "chamber",
                           "clerk", "prosecutor", "commissioners", "circuit", "municipal", "township", "village",
                           "borough", "town", "library", "transit", "housing", "parks", "courthouse"})
_LOCAL_BODY_MIN_POPULATION = 1000
# "University of Perpetual Help": an institution named "X of Y" is a site too.
_INSTITUTIONS = frozenset({"university", "college", "school", "academy", "hospital", "museum", "church", "cathedral"})
# Site words that are rarely also surnames, for names the model took for people.
_PERSON_SITES = frozenset({"campus", "hospital", "centre", "center", "prison", "college", "university", "school",
                           "academy", "library", "plantation", "stadium", "arena", "airport", "museum", "cemetery",
                           "mall", "complex", "gateway"})
_SITE_WORDS = _THOROUGHFARES | _FACILITIES | {"river", "lake", "beach", "valley", "island", "junction", "bay"}
_STREET_WORDS = frozenset({"street", "st", "st.", "avenue", "ave", "ave.", "road", "rd", "boulevard", "lane",
                           "drive", "way", "centre", "center", "college", "chapel", "castle", "hall", "building",
                           "tower", "plaza", "stadium", "arena", "school", "academy", "hotel", "mall"})
# Generic words that never stand alone for a place inside a longer name ("Third Street").
_GENERIC = frozenset({"street", "avenue", "road", "square", "park", "airport", "hall", "city", "market",
                      "wing", "house", "station", "bridge", "center", "centre", "county", "river", "lake",
                      "hospital", "university", "college", "school", "church", "island", "beach", "valley"})


@dataclass(slots=True)
class _Mention:
    start: int  # char offsets
    end: int
    text: str
    source: str  # ner, gaz, demonym
    candidates: tuple[int, ...]
    first_token: int
    last_token: int
    partner: _Mention | None = None  # "Paris, Texas": Texas for Paris
    key: str = ""  # normalised name, for the variant-name penalty
    choice: int | None = None
    state: bool = False  # "Washington state": the name is a state's


def find_places(
    doc: Doc,
    *,
    exclude: Sequence[tuple[int, int]] = (),
    gazetteer: Gazetteer | None = None,
    demonyms: bool = True,
    approximate: bool = True,
) -> list[Place]:
    """Place mentions in ``doc``, resolved, in text order.

    ``exclude`` holds char spans already taken; mentions overlapping them are
    skipped. With ``demonyms``, adjectives and people nouns such as "Chinese"
    are returned too, resolved to their country (``kind`` "demonym"). With
    ``approximate``, names the gazetteer lacks ("Frenchmen Street") get the
    country, admin1 and coordinates of the article's main town, with no name or
    geonameid to show that they are an estimate (``kind`` "approximate").
    """
    gaz = gazetteer or Gazetteer.default()
    mentions = _detect(doc, gaz, exclude, demonyms)
    _link_pairs(doc, mentions, gaz)
    _resolve(mentions, gaz)
    focus = _focus(mentions, gaz) if approximate else None
    if focus is not None:
        _drop_stray_sites(mentions, gaz, focus)
    local = _local_towns(mentions, gaz) if focus is not None else {}
    places = []
    for k, m in enumerate(mentions):
        if m.choice is None:
            if focus is None:
                places.append(Place(text=m.text, start=m.start, end=m.end))
            else:
                f = gaz.entry(local.get(k, focus))
                places.append(
                    Place(text=m.text, start=m.start, end=m.end, country=f.country, admin1=f.admin1,
                          lat=f.lat, lon=f.lon, kind=APPROXIMATE)
                )
            continue
        e = gaz.entry(m.choice)
        places.append(
            Place(
                text=m.text, start=m.start, end=m.end, name=e.name, geonameid=e.geonameid,
                country=e.country, admin1=e.admin1, lat=e.lat, lon=e.lon,
                kind=DEMONYM if m.source == "demonym" else TOPONYM,
            )
        )
    return places


def _drop_stray_sites(mentions: list[_Mention], gaz: Gazetteer, focus: int) -> None:
    """Names that matched only a hamlet far from the article are unknown local
    names instead: a site ("Washington Square" in a New Orleans story read as a
    Pennsylvania village) or a village abroad that nothing else points to."""
    country, admin1 = gaz.country_of[focus], gaz.columns["admin1"][focus]
    named: dict[str | None, set[str]] = defaultdict(set)  # the different names read in each country
    for m in mentions:
        if m.choice is not None:
            named[gaz.country_of[m.choice]].add(name_key(m.text))
    for m in mentions:
        c = m.choice
        if c is None or gaz.kind[c] != CITY or gaz.population[c] >= _STRAY_SITE_MAX_POPULATION:
            continue
        last = m.text.rsplit(None, 1)[-1].lower()
        if last == m.text.lower() or last not in _SITE_WORDS:
            # A village abroad that nothing else in the article points to ("Heathrow" read as
            # a Florida village in a London story).
            if (
                gaz.population[c] < _STRAY_TOWN_MAX_POPULATION
                and gaz.country_of[c] != country
                and len(named[gaz.country_of[c]]) <= 1
            ):
                m.choice = None
            continue
        other_admin1 = admin1 is not None and gaz.columns["admin1"][c] not in (None, admin1)
        if gaz.country_of[c] != country or other_admin1:
            m.choice = None


def _local_towns(mentions: list[_Mention], gaz: Gazetteer) -> dict[int, int]:
    """For each unresolved mention, a resolved town named right beside it
    ("the Bambino Gesu Hospital in Rome", "Derry's Altnagelvin Hospital")."""
    out: dict[int, int] = {}
    for k, m in enumerate(mentions):
        if m.choice is not None:
            continue
        near = [
            (gap, o.choice) for o in mentions
            if o.choice is not None and o.source != "demonym" and gaz.kind[o.choice] == CITY
            and 0 < (gap := max(o.first_token - m.last_token, m.first_token - o.last_token)) <= _LOCAL_GAP
        ]
        if near:
            out[k] = min(near)[1]
    return out


def _focus(mentions: list[_Mention], gaz: Gazetteer) -> int | None:
    """The article's main town: the resolved city named most often, counting the
    other names in its state and country for it ("Gainesville" among Virginia
    towns beats a house model named after an English village). When the
    article's main country has no town: its most-named state, else its capital,
    else the country."""
    countries: dict[str, float] = defaultdict(float)
    admin1s: dict[tuple[str | None, str], float] = defaultdict(float)
    cities: dict[int, int] = defaultdict(int)
    areas: dict[int, int] = defaultdict(int)
    admin1 = gaz.columns["admin1"]
    for m in mentions:
        c = m.choice
        if c is None:
            continue
        country = gaz.country_of[c]
        if country:
            countries[country] += 0.5 if m.source == "demonym" else 1.0
        if admin1[c]:
            admin1s[(country, admin1[c])] += 1.0
        if gaz.kind[c] == CITY:
            cities[c] += 1
        elif country and m.source != "demonym":
            areas[c] += 1
    if not countries:
        return None

    def city_score(c: int) -> tuple[float, int]:
        country = gaz.country_of[c]
        # The other names in the town's state: the town's own mentions are counted once.
        own = admin1s.get((country, admin1[c]), 0.0) - cities[c] if admin1[c] else 0.0
        return cities[c] + _FOCUS_ADMIN1 * own + _FOCUS_COUNTRY * countries.get(country or "", 0.0), gaz.population[c]

    top = max(countries.values())
    best = max(cities, key=city_score) if cities else None
    if best is not None and countries.get(gaz.country_of[best] or "", 0.0) * 2 >= top:
        return best
    # No town in the main country: its most-named state or region, else its capital
    # (national news names the capital's institutions most), else the country itself.
    main = max(countries, key=lambda k: countries[k])
    inside = [a for a in areas if gaz.country_of[a] == main and gaz.kind[a] != COUNTRY]
    if inside:
        return max(inside, key=lambda a: areas[a])
    return gaz.capital_entry.get(main, gaz.country_entry.get(main, best))


def mark_seats_of_government(
    places: Sequence[Place], actors: Sequence[ActorRef], gazetteer: Gazetteer
) -> list[Place]:
    """``places`` with the towns and sites that a government or military actor mention
    names ("Beijing said", "the Kremlin denied", "the Pentagon") marked "metonym": the
    mention is that actor, not a place where anything happens. A country named as an
    actor ("China said") stays a toponym, and so does a capital the actor resolver left
    alone ("met Xi Jinping in Beijing")."""
    seats = set()
    for actor in actors:
        if actor.country and actor.sector in _SEAT_SECTORS:
            start = actor.start + 4 if actor.text[:4].lower() == "the " else actor.start
            seats.add((start, actor.end))
    marked = []
    for place in places:
        if place.kind == TOPONYM and (place.start, place.end) in seats:
            home = gazetteer.country(place.country) if place.country else None
            if home is None or home.geonameid != place.geonameid:
                place = dataclasses.replace(place, kind=METONYM)
        marked.append(place)
    return marked


def place_for_span(places: Sequence[Place], doc: Doc, start: int, end: int) -> Place | None:
    """The place a clause spanning [start, end) happens at: a toponym (never a
    demonym or approximate place) inside it governed by a locative preposition
    ("in Tokyo", "near Taiwan's airspace")."""
    parsed = doc.has_annotation("DEP")
    named = [(e.start_char, e.end_char) for e in doc.ents if e.label_ not in PLACE_LABELS]
    for place in places:
        # "Japanese" or a street placed at the main town is not where an event happened.
        if place.kind != TOPONYM or place.start < start or place.end > end:
            continue
        if any(s <= place.start and place.end <= e and e - s > place.end - place.start for s, e in named):
            continue  # "Europe" in "the Organization for Security and Co-operation in Europe"
        token = _token_at(doc, place.start)
        if token is None:
            continue
        if parsed and _locative(token, start, end):
            return place
        if not parsed and _after_locative(token, start):
            return place
    return None


def _after_locative(token: Token, start: int) -> bool:
    """Without a parse: a locative preposition just before the name ("in the Gaza Strip")."""
    i = token.i - 1
    while i >= 0 and token.doc[i].lower_ == "the":
        i -= 1
    return i >= 0 and token.doc[i].idx >= start and token.doc[i].lower_ in LOCATIVE_PREPS


# --- detection ---------------------------------------------------------------


class _Tokens:
    """Per-token columns read once from the Doc: Token objects cost microseconds each."""

    __slots__ = ("doc", "idx", "n", "propn", "sent_start", "stop", "upper", "words")

    def __init__(self, doc: Doc) -> None:
        from spacy.attrs import IDX, IS_STOP, ORTH, POS, SENT_START
        from spacy.symbols import PROPN

        self.doc = doc
        arr = doc.to_array([ORTH, IDX, POS, IS_STOP, SENT_START])
        strings = doc.vocab.strings
        self.words: list[str] = [strings[int(o)] for o in arr[:, 0]]
        self.upper = [w[:1].isupper() for w in self.words]
        self.idx: list[int] = arr[:, 1].tolist()
        self.propn = [p == PROPN for p in arr[:, 2].tolist()]
        self.stop = [bool(x) for x in arr[:, 3].tolist()]
        self.sent_start = [x == 1 for x in arr[:, 4].tolist()]
        self.n = len(self.words)

    def mention(self, first: int, last: int, gaz: Gazetteer, source: str, name: str | None = None) -> _Mention:
        """Tokens [first, last) as a mention; candidates for ``name`` or the tokens' own text."""
        start = self.idx[first]
        end = self.idx[last - 1] + len(self.words[last - 1])
        text = self.doc[first:last].text if last - first > 1 else self.words[first]
        key = name if name is not None else text
        cands = gaz.candidates(key)
        if not cands and key.isupper() and len(key) > 3:
            cands = gaz.candidates(key.title())  # datelines: "WASHINGTON"
        return _Mention(start, end, text, source, cands[:_MAX_CANDIDATES], first, last - 1)


def _detect(doc: Doc, gaz: Gazetteer, exclude: Sequence[tuple[int, int]], demonyms: bool) -> list[_Mention]:
    toks = _Tokens(doc)
    mentions: list[_Mention] = []
    taken = [False] * toks.n  # inside any entity
    people: set[str] = set()  # surnames of people named in full: "Narendra Modi"
    entities = _merged_entities(doc, toks, gaz)
    for start, end, label in entities:
        if label == "PERSON" and end - start > 1 and toks.upper[end - 1]:
            people.add(toks.words[end - 1])
    deferred: list[tuple[int, int]] = []  # names taken for people or organisations, settled below
    known: set[str] = set()  # names the model tagged as places
    for start, end, label in entities:
        if label in PLACE_LABELS:
            m = _from_entity(toks, start, end, gaz, demonyms)
            if m is not None:
                mentions.append(m)
                if m.candidates and m.source == "ner":
                    known.add(name_key(m.text))
        elif label in ("ORG", "PERSON", "EVENT", "PRODUCT"):
            # The small model often tags "Zimbabwe", "EU" or "Gainesville" as ORG or PERSON.
            m = _misfiled(toks, start, end, label, gaz, demonyms)
            if m is not None:
                mentions.append(m)
                for i in range(start, end):
                    taken[i] = True
                continue
            found = len(mentions)
            if demonyms and label != "PERSON":
                mentions.extend(_embedded_demonyms(toks, start, end, gaz))
            elif demonyms and (dem := _demonym(toks, start, end, gaz)) is not None:
                mentions.append(dem)  # "Saint Lucian" taken for a name
            if len(mentions) == found:
                deferred.append((start, end))
        elif label in _DEMONYM_HOSTS:
            # "the Ukrainian Law on Prevention of Corruption", "8,000 Egyptian pounds".
            found = len(mentions)
            if demonyms:
                mentions.extend(_embedded_demonyms(toks, start, end, gaz))
            if len(mentions) == found and label != "MONEY":
                deferred.append((start, end))
        elif label == "NORP" and (m := _norp_place(toks, start, end, gaz)) is not None:
            # "Sochi" or "Greer" tagged as a nationality.
            mentions.append(m)
        elif demonyms and label == "NORP":
            m = _demonym(toks, start, end, gaz)
            if m is not None:
                mentions.append(m)
            elif end - start > 1:
                # "Russian-European", "Austro-Hungarian", "Bosnian Serb": each part alone.
                for i in range(start, end):
                    part = _demonym(toks, i, i + 1, gaz) if toks.upper[i] else None
                    if part is not None:
                        mentions.append(part)
        if label in PLACE_LABELS or label in BLOCKING_LABELS:
            for i in range(start, end):
                taken[i] = True
    mentions.extend(_scan(toks, gaz, taken, demonyms))
    if deferred and known:
        mentions.extend(_settle_deferred(toks, gaz, deferred, known, people))
    if people:
        # "Modi" or "Villanueva" alone, where the article names the person in full.
        mentions = [m for m in mentions if not _person_word(m, people, gaz)]
    for m in mentions:
        k = m.last_token + 1
        m.state = _party_tag(toks, m.first_token) or (
            k < toks.n and toks.words[k] in ("state", "State") and (k + 1 >= toks.n or not toks.upper[k + 1])
        )
    if exclude:
        mentions = [m for m in mentions if not any(m.start < e and s < m.end for s, e in exclude)]
    mentions.sort(key=lambda m: m.start)
    return mentions


def _settle_deferred(
    toks: _Tokens, gaz: Gazetteer, deferred: list[tuple[int, int]], known: set[str], people: set[str]
) -> list[_Mention]:
    """One reading per name: "Gainesville" taken for a person, or opening "Dublin
    Recreation Services" or "Anderson County Sheriff", where the article also tags
    it as a place."""
    found = []
    words = toks.words
    for start, end in deferred:
        while start < end and words[start].lower() == "the":
            start += 1
        while end > start and words[end - 1] in ("'s", "\u2019s"):
            end -= 1
        for stop in (end, *range(min(end - 1, start + 3), start, -1)):
            if stop <= start or (stop - start == 1 and words[start] in people) or not toks.upper[stop - 1]:
                continue
            text = toks.doc[start:stop].text
            if name_key(text) in known and not (text.isupper() and len(text) <= 4):
                found.append(toks.mention(start, stop, gaz, "ner"))
                break
    return found


def _person_word(m: _Mention, people: set[str], gaz: Gazetteer) -> bool:
    if m.source == "demonym" or m.first_token != m.last_token or m.text not in people:
        return False
    return all(gaz.kind[c] == CITY for c in m.candidates)


def _merged_entities(doc: Doc, toks: _Tokens, gaz: Gazetteer) -> list[tuple[int, int, str]]:
    """Entities as (start, end, label) token spans, with a place that the model
    split or cut short made whole: "Boa" GPE + "Vista" ORG, "ST" + "." + "LOUIS"."""
    ents = [(e.start, e.end, e.label_) for e in doc.ents]
    out: list[tuple[int, int, str]] = []
    k = 0
    while k < len(ents):
        start, end, label = ents[k]
        nxt = ents[k + 1] if k + 1 < len(ents) else None
        if label in PLACE_LABELS or (
            label in _MERGEABLE and nxt is not None and nxt[2] in PLACE_LABELS and nxt[0] - end <= 1
        ):
            for j in range(min(toks.n, start + _MAX_TOKENS), end, -1):
                if not toks.upper[j - 1] or any(
                    not (toks.upper[t] or toks.words[t] == ".") for t in range(end, j)
                ):
                    continue
                name = doc[start:j].text
                cands = gaz.candidates(name) or (gaz.candidates(name.title()) if name.isupper() else ())
                if any(gaz.kind[c] != CITY or gaz.population[c] >= _GAZ_MIN_POPULATION for c in cands):
                    end, label = j, "GPE"
                    break
        out.append((start, end, label))
        k += 1
        while k < len(ents) and ents[k][0] < end:
            k += 1
    return out


def _inside_org(toks: _Tokens, first: int, last: int, gaz: Gazetteer, demonyms: bool) -> _Mention | None:
    """The place an organisation's name opens or ends with: "Zimbabwe Electoral
    Commission", "Toronto Maple Leafs", "University of Louisville"."""
    words = toks.words

    def size_ok(a: int, b: int) -> bool:
        return b - a > 1 or words[a][:1].isupper() and not toks.stop[a]

    spans = [(first, first + size) for size in range(min(3, last - first - 1), 0, -1)]
    for k in range(first + 1, last - 1):
        if words[k] == "of":
            spans.append((k + 1, last))
    spans.append((last - 1, last))  # "Small Business BC"
    # Any inner run: "Air Canada Cargo", "the Smart Dubai Office".
    for size in range(min(3, last - first - 2), 0, -1):
        spans.extend((a, a + size) for a in range(first + 1, last - size))
    for a, b in spans:
        if not toks.upper[a] or not toks.upper[b - 1]:
            continue
        sub = toks.mention(a, b, gaz, "ner")
        pool = [c for c in sub.candidates if not gaz.flags[c] & ABBREV]
        if any(gaz.kind[c] in (COUNTRY, ADMIN1, REGION) for c in pool):
            return sub
        if b - a > 1 and words[b - 1] in ("County", "Parish") and pool:
            return sub  # "the Licking County Genealogy Society"
        if pool and max(gaz.population[c] for c in pool) >= _ORG_CITY_MIN_POPULATION and (
            a == first or size_ok(a, b)
        ):
            return sub
        if demonyms and a == first:
            dem = _demonym(toks, a, b, gaz)
            if dem is not None:
                return dem
    return None


def _local_body(toks: _Tokens, first: int, last: int, gaz: Gazetteer) -> _Mention | None:
    """The town or county a local body is named after: "the Beverly Hills Police
    Department", "Laurel County Clerk Dean Johnson", "the Suffolk Times"."""
    words = toks.words
    for size in range(min(3, last - first - 1), 0, -1):
        b = first + size
        if words[b].lower() not in _LOCAL_BODIES or not toks.upper[b - 1]:
            continue
        sub = toks.mention(first, b, gaz, "ner")
        pool = [c for c in sub.candidates if not gaz.flags[c] & ABBREV]
        if pool and max(gaz.population[c] for c in pool) >= _LOCAL_BODY_MIN_POPULATION:
            return sub
        if not pool and size > 1 and words[b - 1] in ("County", "Parish"):
            return sub  # a county the gazetteer lacks: placed at the main town
    return None


def _misfiled(
    toks: _Tokens, first: int, last: int, label: str, gaz: Gazetteer, demonyms: bool
) -> _Mention | None:
    words = toks.words
    while first < last and words[first].lower() == "the":
        first += 1
    while last > first and words[last - 1].lower() in ("'s", "\u2019s", "'"):
        last -= 1
    if first >= last:
        return None
    m = toks.mention(first, last, gaz, "ner")
    pool = [c for c in m.candidates if not gaz.flags[c] & ABBREV]
    if not pool and last - first > 1 and label != "EVENT" and (
        words[last - 1].lower() in _THOROUGHFARES or words[first].lower() in _PLACE_OPENERS
    ):
        # "Royal Street" tagged ORG, "Elysian Fields Avenue" or "Rue d'Enghein" tagged PERSON:
        # a place the gazetteer lacks.
        m.candidates = ()
        return m
    if (
        not pool and label == "PERSON" and first > 0 and words[first - 1].lower() in _INTO_PREPS
        and (last >= toks.n or words[last] not in ("'s", "\u2019s"))
    ):
        # "made its way into Anfield", "in Madinaty": people are rarely "in" someone.
        m.candidates = ()
        return m
    if not pool and label in ("ORG", "PERSON") and (body := _local_body(toks, first, last, gaz)) is not None:
        return body
    if not pool and label == "ORG":
        inner = _inside_org(toks, first, last, gaz, demonyms)
        if inner is None and last - first > 1 and (
            words[last - 1].lower() in _FACILITIES
            or any(words[k].lower() in _INSTITUTIONS and words[k + 1] == "of" for k in range(first, last - 1))
        ):
            # A building the gazetteer lacks ("New Bilibid Prison", "Guildhall School of Music"):
            # placed at the main town.
            m.candidates = ()
            return m
        return inner
    if not pool and label == "PERSON" and last - first > 1 and words[last - 1].lower() in _PERSON_SITES:
        m.candidates = ()  # "Health and Wellbeing Campus" read as a name
        return m
    if not pool:
        return None
    if any(gaz.kind[c] in (COUNTRY, ADMIN1, REGION) for c in pool):
        return m
    if label == "ORG":
        key = name_key(m.text)
        pool = [c for c in pool if name_key(gaz.columns["name"][c]) == key]
        if not pool:
            return None  # an organisation that matches only a town's variant name: "Hamas" is not Hamm
    pop = max(gaz.population[c] for c in pool)
    if m.text.isupper() and len(m.text) <= 4:
        return None  # "UN", "PAN": acronyms that match a town's name
    if label == "ORG" and pop >= _ORG_MIN_POPULATION:
        return m
    # A "PERSON" city name counts only after a locative or motion preposition ("in Matias Romero").
    if label == "PERSON" and first > 0 and pop >= _PERSON_MIN_POPULATION and words[first - 1].lower() in _PLACE_PREPS:
        return m
    # A lone big-city name is rarely a person's name ("Owerri", "Abuja").
    if label == "PERSON" and last - first == 1 and pop >= _PERSON_ALONE_MIN_POPULATION:
        return m
    return None


def _from_entity(toks: _Tokens, first: int, last: int, gaz: Gazetteer, demonyms: bool) -> _Mention | None:
    words = toks.words
    while first < last and (words[first].lower() == "the" or not words[first][:1].isalnum()):
        first += 1
    while last > first and (words[last - 1].lower() in ("'s", "\u2019s", "'") or not words[last - 1][:1].isalnum()):
        last -= 1
    if first >= last:
        return None
    joined = " ".join(words[first:last])
    if _is_demonym(joined) and not _names_area(joined, gaz):
        return _demonym(toks, first, last, gaz) if demonyms else None
    m = toks.mention(first, last, gaz, "ner")
    if m.candidates:
        return m
    # "northern Syria", "South China": the span keeps the qualifier, the name drops it.
    core = first
    while core < last - 1 and words[core].lower() in _LEADING_DROP:
        core += 1
    if core > first:
        sub = toks.mention(core, last, gaz, "ner")
        if sub.candidates:
            m.candidates = sub.candidates
            return m
    # Streets and buildings ("Hampton Avenue", "Rogers Centre") are named after people, not towns.
    if words[last - 1].lower() in _STREET_WORDS:
        return m
    # A longer entity ("Old Town Manassas", "Orange County Fire Authority"): its longest known part.
    for size in range(min(last - first - 1, _MAX_TOKENS), 0, -1):
        for i in range(first, last - size + 1):
            if not toks.upper[i] or not toks.upper[i + size - 1]:
                continue
            if size == 1 and words[i].lower() in _GENERIC:
                continue
            sub = toks.mention(i, i + size, gaz, "ner")
            if sub.candidates and _plausible_alone(sub, gaz, toks):
                return sub
    return m


def _scan(toks: _Tokens, gaz: Gazetteer, taken: list[bool], demonyms: bool) -> list[_Mention]:
    """Capitalised runs outside entities that the gazetteer knows."""
    found: list[_Mention] = []
    words, upper, n = toks.words, toks.upper, toks.n
    i = 0
    while i < n:
        if taken[i] or not upper[i]:
            i += 1
            continue
        # The run of capitalised words (and joiners such as "of") starting here.
        run = i + 1
        while run < n and run - i < _MAX_TOKENS and not taken[run] and (upper[run] or words[run] in _JOINERS):
            run += 1
        hit = None
        for j in range(run - 1, i - 1, -1):
            if not upper[j]:
                continue
            name = " ".join(words[i : j + 1])
            if name_key(name) not in gaz.names and not (name.isupper() and len(name) > 3):
                continue
            m = toks.mention(i, j + 1, gaz, "gaz", name)
            if m.candidates and all(gaz.kind[c] == CITY for c in m.candidates):
                # Outside the model's entities a town counts by its own name, not a variant
                # ("Day" is not Dayton, "Act" not Waco).
                key = name_key(name)
                m.candidates = tuple(c for c in m.candidates if name_key(gaz.columns["name"][c]) == key)
            if m.candidates and _plausible_alone(m, gaz, toks):
                hit = m
                break
        if hit is None and demonyms:
            hit = _demonym(toks, i, i + 1, gaz)
        if hit is not None:
            found.append(hit)
            i = hit.last_token + 1
        else:
            i += 1
    return found


def _plausible_alone(m: _Mention, gaz: Gazetteer, toks: _Tokens) -> bool:
    """Whether a gazetteer hit outside NER is likely a place, not a common word or name."""
    if _party_tag(toks, m.first_token) and any(gaz.kind[c] == ADMIN1 for c in m.candidates):
        return True  # "Clyburn, D-S.C."
    if m.first_token == m.last_token and toks.words[m.first_token] in _TITLES:
        return False  # "Rep.", "Inc." match towns' variant names
    good = [c for c in m.candidates if not gaz.flags[c] & ABBREV]
    if not good:
        # "Va." and "CA" count only right after "City, ".
        return m.first_token >= 2 and toks.words[m.first_token - 1] == ","
    best_kind = min(gaz.kind[c] for c in good)
    best_pop = max(gaz.population[c] for c in good)
    after_prep = m.first_token > 0 and toks.words[m.first_token - 1].lower() in _PLACE_PREPS
    if after_prep and best_kind == CITY and not toks.words[m.first_token].isupper():
        # "in Dewsbury": a preposition of place vouches for a small town.
        return best_pop >= _AFTER_PREP_MIN_POPULATION and not toks.stop[m.first_token]
    if m.last_token == m.first_token and _dateline(toks, m.first_token) and (
        toks.sent_start[m.first_token] or m.first_token == 0
    ):
        return best_kind != CITY or best_pop >= _GAZ_MIN_POPULATION
    if m.last_token == m.first_token:
        i = m.first_token
        if toks.stop[i] or not toks.propn[i] or len(toks.words[i]) < 3:
            return False
        if toks.sent_start[i] and best_kind == CITY and not _dateline(toks, i):
            return False
        if best_kind == CITY and best_pop < _GAZ_MIN_POPULATION_ONE_WORD:
            return False
        if toks.words[i].isupper() and len(toks.words[i]) <= 4 and best_kind == CITY:
            return False  # acronyms: "AMLO", "SEO"
    if best_kind == CITY:
        return best_pop >= _GAZ_MIN_POPULATION
    return True


def _norp_place(toks: _Tokens, first: int, last: int, gaz: Gazetteer) -> _Mention | None:
    text = " ".join(toks.words[first:last])
    if _is_demonym(text) or not text[:1].isupper():
        return None
    m = toks.mention(first, last, gaz, "ner")
    pool = [c for c in m.candidates if not gaz.flags[c] & ABBREV]
    if any(gaz.kind[c] != CITY or gaz.population[c] >= _NORP_MIN_POPULATION for c in pool):
        return m
    return None


def _names_area(text: str, gaz: Gazetteer) -> bool:
    """Whether ``text`` is itself a country's or region's name ("New Zealand", "Pacific")."""
    key = name_key(text)
    return any(gaz.kind[c] != CITY and name_key(gaz.columns["name"][c]) == key for c in gaz.candidates(text))


def _party_tag(toks: _Tokens, i: int) -> bool:
    """A US legislator's party and state: the "S.C." of "D-S.C." or "R-Texas"."""
    return i >= 2 and toks.words[i - 1] == "-" and toks.words[i - 2] in ("D", "R", "I")


def _dateline(toks: _Tokens, i: int) -> bool:
    """An upper-case town opening a sentence before a comma or dash: "ALBUQUERQUE, N.M."."""
    word = toks.words[i]
    return word.isupper() and len(word) > 3 and i + 1 < toks.n and toks.words[i + 1] in _DATELINE_NEXT


def _embedded_demonyms(toks: _Tokens, first: int, last: int, gaz: Gazetteer) -> list[_Mention]:
    """Adjectives inside a longer name: "Philippine" in "the Philippine Sports Commission"."""
    found: list[_Mention] = []
    i = first
    while i < last:
        hit = None
        if toks.upper[i]:
            if i + 1 < last and toks.upper[i + 1]:
                hit = _demonym(toks, i, i + 2, gaz)  # "South African", "Costa Rican"
            hit = hit or _demonym(toks, i, i + 1, gaz)
        if hit is not None:
            found.append(hit)
            i = hit.last_token + 1
        else:
            i += 1
    return found


def _is_demonym(text: str) -> bool:
    """ "Chinese", "Israelis": a demonym, singular or plural."""
    return text in DEMONYMS or text.removesuffix("s") in DEMONYMS


def _demonym(toks: _Tokens, first: int, last: int, gaz: Gazetteer) -> _Mention | None:
    text = " ".join(toks.words[first:last])
    target = DEMONYMS.get(text) or DEMONYMS.get(text.removesuffix("s"))
    if target is None:
        return None
    if len(target) == 3 and target.isupper():
        idx = gaz.country_entry.get(target)
        cands: tuple[int, ...] = (idx,) if idx is not None else ()
    else:
        cands = tuple(c for c in gaz.candidates(target) if gaz.kind[c] == REGION)[:1]
    if not cands:
        return None
    m = toks.mention(first, last, gaz, "demonym", "")
    m.candidates = cands
    return m


# --- resolution --------------------------------------------------------------


def _link_pairs(doc: Doc, mentions: list[_Mention], gaz: Gazetteer) -> None:
    """'Paris, Texas' and 'Springfield, Ill.': the second names the first's area."""
    for a, b in itertools.pairwise(mentions):
        if b.first_token != a.last_token + 2 or doc[a.last_token + 1].text != "," or not b.candidates:
            continue
        if any(gaz.kind[c] in (COUNTRY, ADMIN1) for c in b.candidates):
            a.partner = b


def _score(c: int, m: _Mention, gaz: Gazetteer, countries: dict[str, float], admin1s: dict[str, float]) -> float:
    kind = gaz.kind[c]
    score = _KIND_BASE[kind] if kind != ADMIN1 else _ADMIN1_BASE
    variant = bool(m.key) and name_key(gaz.columns["name"][c]) != m.key
    if variant:
        score -= _ALTNAME_PENALTY  # "Florida" as a variant name of a Californian town
    if kind == CITY:
        score += _POP_WEIGHT * math.log10(gaz.population[c] + 1)
        if gaz.flags[c] & CAPITAL and not variant:  # "Victoria" is not Hong Kong
            score += _CAPITAL_BONUS
    country = gaz.country_of[c]
    if country is not None:
        score += _COUNTRY_CONTEXT * min(2.0, countries.get(country, 0.0))
    admin1 = gaz.columns["admin1"][c]
    if admin1 is not None and kind != ADMIN1:
        score += _ADMIN1_CONTEXT * min(1.0, admin1s.get(admin1, 0.0))
    if m.partner is not None and m.partner.choice is not None:
        p = m.partner.choice
        same_state = gaz.kind[p] == ADMIN1 and admin1 == gaz.columns["admin1"][p]
        if country == gaz.country_of[p] and (same_state or gaz.kind[p] == COUNTRY):
            score += _PAIR_BONUS
    return score


def _resolve(mentions: list[_Mention], gaz: Gazetteer) -> None:
    tails = {id(m.partner) for m in mentions if m.partner is not None}
    # Abbreviations ("Va.", "CA") stand for states only as the second half of a pair.
    pools = []
    for m in mentions:
        abbrev = tuple(c for c in m.candidates if gaz.flags[c] & ABBREV)
        plain = tuple(c for c in m.candidates if not gaz.flags[c] & ABBREV)
        # "N.M." and "D.C." are unambiguous anywhere; "Ind." and "CA" only after "City, ".
        dotted = m.text.count(".") >= 2 or (m.text.endswith(".") and len(m.text) > 3)
        pool = abbrev if (id(m) in tails or dotted or m.state) and abbrev else plain
        if m.state:
            pool = tuple(c for c in pool if gaz.kind[c] == ADMIN1) or pool
        pools.append(pool)
    keys = [name_key(m.text) for m in mentions]
    for m, key in zip(mentions, keys):
        if m.source != "demonym":
            m.key = key
    admin1 = gaz.columns["admin1"]

    # Pass 1: no context.
    for m, pool in zip(mentions, pools):
        m.choice = _pick(m, pool, gaz, {}, {})
    # Later passes: the other names' countries and admin1 areas vote.
    for _ in range(2):
        countries: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        admin1s: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        for m, pool, key in zip(mentions, pools, keys):
            if m.choice is None:
                continue
            # An ambiguous city name is weaker evidence than a country, state or unique name.
            w = 1.0 if len(pool) <= 1 or gaz.kind[m.choice] != CITY else _AMBIGUOUS_VOTE
            c = gaz.country_of[m.choice]
            if c:
                countries[key][c] = max(countries[key][c], w)
            a = admin1[m.choice]
            if a:
                # A city says less about the state of the article's other towns than a state name does.
                wa = w * _CITY_ADMIN1_VOTE if gaz.kind[m.choice] == CITY else w
                admin1s[key][a] = max(admin1s[key][a], wa)
        total_c: dict[str, float] = defaultdict(float)
        total_a: dict[str, float] = defaultdict(float)
        for votes, total in ((countries, total_c), (admin1s, total_a)):
            for per_key in votes.values():
                for name, w in per_key.items():
                    total[name] += w
        # Pair tails first, so heads see their partner's settled choice.
        order = sorted(range(len(mentions)), key=lambda k: id(mentions[k]) not in tails)
        for k in order:
            m, key = mentions[k], keys[k]
            ctx_c = {c: v - countries[key].get(c, 0.0) for c, v in total_c.items()}
            ctx_a = {a: v - admin1s[key].get(a, 0.0) for a, v in total_a.items()}
            m.choice = _pick(m, pools[k], gaz, ctx_c, ctx_a)
    # One reading per name: "Washington state" or "Paris, Texas" settles the bare "Washington" and "Paris".
    settled: dict[str, int] = {}
    for m, key in zip(mentions, keys):
        if m.choice is not None and (m.state or (m.partner is not None and m.partner.choice is not None)):
            settled.setdefault(key, m.choice)
    if settled:
        for m, pool, key in zip(mentions, pools, keys):
            c = settled.get(key)
            if c is not None and c in pool:
                m.choice = c


def _pick(
    m: _Mention, pool: tuple[int, ...], gaz: Gazetteer, countries: dict[str, float], admin1s: dict[str, float]
) -> int | None:
    if not pool:
        return None
    if m.partner is None:
        for c in pool:
            # A country name is the country, unless the article clearly sits in another
            # country that has a state of that name ("Georgia" in US local news).
            if gaz.kind[c] == COUNTRY and not any(
                gaz.kind[o] == ADMIN1 and countries.get(gaz.country_of[o] or "", 0.0) >= _STATE_OVER_COUNTRY
                and countries.get(gaz.country_of[c] or "", 0.0) < 1.0
                for o in pool
            ):
                return c
    return max(pool, key=lambda c: _score(c, m, gaz, countries, admin1s))


# --- attachment --------------------------------------------------------------


def _token_at(doc: Doc, char: int) -> Token | None:
    for tok in doc:
        if tok.idx <= char < tok.idx + len(tok.text):
            return tok
    return None


_CHAIN_DEPS = frozenset({"compound", "poss", "amod", "nmod", "appos", "conj", "pobj", "npadvmod", "dobj"})


def _locative(token: Token, start: int, end: int) -> bool:
    """Whether ``token`` hangs from a locative preposition within [start, end)."""
    cur = token
    for _ in range(6):
        head = cur.head
        if head is cur:
            return False
        if cur.dep_ == "pobj" and head.dep_ in ("prep", "advmod", "ROOT", "pcomp") or (
            cur.dep_ == "pobj" and head.pos_ == "ADP"
        ):
            if start <= head.idx < end:
                if head.lower_ in LOCATIVE_PREPS:
                    return True
                if head.lower_ != "of":
                    return False
            else:
                return False
        elif cur.dep_ not in _CHAIN_DEPS and cur.dep_ != "prep":
            return False
        cur = head
    return False
