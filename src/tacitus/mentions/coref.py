"""Link later mentions in an article to the actors named earlier.

Handles short names after a full name ("Kishida", "Mr Kishida"), group references
("the two leaders", "both countries"), "the island", "the country", the pronouns
it/its/he/she/his/her when one earlier actor in the same or previous sentence is the
clear antecedent, and they/them/their when a compound or plural actor is the subject
there. Anything less clear is left unresolved rather than guessed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tacitus.mentions.actor_places import LOCATIVE
from tacitus.mentions.actor_units import HONORIFICS, Chunk, Unit

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from tacitus.mentions.actors import ActorResolver

__all__ = ["link_article"]

ISLAND_STATES = frozenset(
    {"TWN", "CUB", "CYP", "LKA", "MDG", "MLT", "JAM", "HTI", "DOM", "ISL", "IRL", "SGP", "MUS", "FJI", "BHR",
     "TLS", "PNG", "NZL", "JPN", "PHL", "IDN", "HKG", "BRB", "TTO", "MDV", "SYC", "COM", "CPV", "STP", "WSM",
     "TON", "VUT", "SLB", "BHS"}
)
COUNTRY_NOUNS = frozenset({"country", "nation", "kingdom", "republic"})
GROUP_NUMBERS = {"two": 2, "both": 2, "three": 3, "all": 0}
PEOPLE_NOUNS = frozenset({"leaders", "presidents", "ministers", "men", "heads", "premiers", "leader"})
STATE_NOUNS = frozenset({"countries", "nations", "sides", "governments", "states", "neighbours", "neighbors"})
IT_PRONOUNS = frozenset({"it", "its"})
PERSON_PRONOUNS = frozenset({"he", "she", "his", "her", "him"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
# Pronouns that name a group of their own ("those that are left see if they can...").
GROUP_PRONOUNS = frozenset({"those", "these", "some", "many", "others", "most", "everyone", "everybody", "all", "few"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "poss"})


def link_article(
    doc: Doc,
    chunks: list[Chunk],
    when: dt.date,
    resolver: ActorResolver,
    *,
    places: Sequence[Chunk] = (),
) -> list[Chunk]:
    """Resolve short names and add coreferent mentions; returns chunks sorted by start.

    ``places`` are states named as places ("in Syria"): never returned, but "the
    country" and "the two countries" may point back to them.
    """
    people: dict[str, Chunk] = {}
    _link_names(doc, chunks, people)
    taken = {i for c in [*chunks, *places] for i in range(c.start, c.end)}
    added: list[Chunk] = []
    if doc.has_annotation("DEP"):
        added = _link_references(doc, chunks, taken, places)
    return sorted([*chunks, *added], key=lambda c: (c.start, c.end))


def _link_names(doc: Doc, chunks: list[Chunk], people: dict[str, Chunk]) -> None:
    """Give a bare surname the identity of the full name seen earlier in the article."""
    for chunk in chunks:
        person = next((u for u in chunk.units if u.kind in ("person", "new_person")), None)
        if person is None and len(chunk.units) == 1 and chunk.units[0].kind == "new_org":
            # spaCy often tags a bare surname as an organisation ("Mr Campbell").
            unit = chunk.units[0]
            if unit.end - unit.start == 1 and doc[unit.start].text in people:
                person = unit
        if person is None:
            continue
        words = [doc[i].text for i in range(person.start, person.end)]
        if person.kind == "person" or len(words) >= 2:
            if len(words) >= 2:
                people.setdefault(words[-1], chunk)
                people.setdefault(" ".join(words), chunk)
            continue
        key = " ".join(words)
        earlier = people.get(key) or (people.get(words[-1]) if len(words) == 1 else None)
        if earlier is None:
            if len(words) >= 2:
                people.setdefault(words[-1], chunk)
            continue
        chunk.name, chunk.wikidata = earlier.name, earlier.wikidata
        chunk.person = earlier.person
        chunk.country, chunk.igo = earlier.country, earlier.igo
        if not any(u.kind == "sector" for u in chunk.units):
            chunk.sector = earlier.sector
        # "Mr Kishida": the honorific belongs to the mention.
        if chunk.start > 0 and doc[chunk.start - 1].text in HONORIFICS:
            chunk.start -= 1


def _link_references(doc: Doc, chunks: list[Chunk], taken: set[int], places: Sequence[Chunk]) -> list[Chunk]:
    added: list[Chunk] = []
    place_ids = {id(p) for p in places}
    ordered = sorted([*chunks, *places], key=lambda c: c.start)
    triggers = GROUP_NUMBERS.keys() | IT_PRONOUNS | PERSON_PRONOUNS | PLURAL_PRONOUNS | {"the"}
    compounds = _compounds(doc, [c for c in ordered if id(c) not in place_ids])
    for sent in doc.sents:
        for token in sent:
            if token.i in taken or token.lower_ not in triggers:
                continue
            actors = [c for c in ordered if id(c) not in place_ids]
            chunk = (
                _group(doc, token, ordered)
                or _definite(doc, token, ordered)
                or _pronoun(doc, token, actors)
                or _plural(doc, token, actors, compounds, added)
            )
            if chunk is None or any(i in taken for i in range(chunk.start, chunk.end)):
                continue
            added.append(chunk)
            taken.update(range(chunk.start, chunk.end))
            if not chunk.referents:
                ordered.append(chunk)
                ordered.sort(key=lambda c: c.start)
    return added


def _before(ordered: list[Chunk], index: int) -> list[Chunk]:
    return [c for c in ordered if c.end <= index]


def _is_state(chunk: Chunk) -> bool:
    return chunk.country is not None and chunk.person is None and not any(
        u.kind in ("sector", "new_person", "person", "org") for u in chunk.units
    )


def _is_leader(chunk: Chunk) -> bool:
    return any(u.kind in ("person", "new_person") for u in chunk.units) or chunk.person is not None


def _copy(chunk: Chunk, start: int, end: int, *, sector: str | None = None, keep_sector: bool = True) -> Chunk:
    return Chunk(
        units=[Unit(start, end, "reference", [])],
        start=start,
        end=end,
        country=chunk.country,
        igo=chunk.igo,
        sector=chunk.sector if keep_sector else sector,
        name=chunk.name,
        wikidata=chunk.wikidata,
        person=chunk.person,
    )


def _distinct(chunks: list[Chunk], key: str) -> list[Chunk]:
    seen: dict[str, Chunk] = {}
    for chunk in reversed(chunks):
        ident = chunk.name if key == "name" else chunk.country
        if ident and ident not in seen:
            seen[ident] = chunk
    return list(seen.values())


def _group(doc: Doc, token: Token, ordered: list[Chunk]) -> Chunk | None:
    """ "the two leaders", "both countries": one referent per earlier actor."""
    if token.lower_ not in GROUP_NUMBERS:
        return None
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if nxt is None:
        return None
    noun = nxt.lower_
    start = token.i - 1 if token.i > 0 and doc[token.i - 1].lower_ == "the" else token.i
    if token.lower_ == "both" and start != token.i:
        return None
    earlier = _before(ordered, token.i)
    if noun in PEOPLE_NOUNS and noun != "leader":
        referents = _distinct([c for c in earlier if _is_leader(c)], "name")[:2]
    elif noun in STATE_NOUNS:
        referents = _distinct([c for c in earlier if _is_state(c) or _is_seat(c)], "country")[:2]
    else:
        return None
    if len(referents) < 2:
        return None
    group = Chunk([Unit(start, nxt.i + 1, "reference", [])], start, nxt.i + 1)
    group.referents = [_copy(r, start, nxt.i + 1) for r in reversed(referents)]
    return group


def _definite(doc: Doc, token: Token, ordered: list[Chunk]) -> Chunk | None:
    """ "the island", "the country" after a state was named."""
    if token.lower_ != "the" or token.i + 1 >= len(doc):
        return None
    noun = doc[token.i + 1]
    if noun.lower_ not in COUNTRY_NOUNS and noun.lower_ != "island":
        return None
    if token.i + 2 < len(doc) and doc[token.i + 2].pos_ in ("NOUN", "PROPN"):
        return None  # "the country's" is fine, "the island nation Fiji" names itself
    if token.i > 0 and doc[token.i - 1].lower_ in LOCATIVE:
        return None
    earlier = [c for c in _before(ordered, token.i) if _is_state(c) or c.referents == [] and c.country and _is_state(c)]
    if noun.lower_ == "island":
        earlier = [c for c in earlier if c.country in ISLAND_STATES]
    if not earlier:
        return None
    # A subject named as an actor beats a later place ("Iran fired drones at Israel. The country said").
    subjects = [c for c in earlier if not c.is_place and doc[c.end - 1].dep_ in ("nsubj", "nsubjpass")]
    antecedent = subjects[-1] if subjects else earlier[-1]
    if doc[antecedent.start].sent.start < token.sent.start and _sentence_gap(doc, antecedent, token) > 3:
        return None
    return _copy(antecedent, token.i, noun.i + 1)


def _sentence_gap(doc: Doc, chunk: Chunk, token: Token) -> int:
    starts = [s.start for s in doc.sents]
    first = doc[chunk.start].sent.start
    return sum(1 for s in starts if first < s <= token.sent.start)


def _pronoun(doc: Doc, token: Token, ordered: list[Chunk]) -> Chunk | None:
    """it/its after a state or organisation, he/she after a person, in the same or previous sentence."""
    word = token.lower_
    if word not in IT_PRONOUNS and word not in PERSON_PRONOUNS:
        return None
    if token.dep_ not in SUBJECT_DEPS and not (word in ("him", "her") and token.dep_ in ("dobj", "pobj")):
        return None
    if word == "it" and _expletive(token):
        return None
    sent = token.sent
    window_start = sent.start
    if sent.start > 0:
        window_start = doc[sent.start - 1].sent.start
    candidates = [c for c in _before(ordered, token.i) if c.start >= window_start and not c.referents]
    if word in IT_PRONOUNS:
        candidates = [c for c in candidates if (c.country or c.igo) and not _is_leader(c)
                      and (_is_state(c) or _is_igo(c) or _is_seat(c))]
        if not candidates:
            return None
        subjects = [c for c in candidates if doc[c.end - 1].dep_ in ("nsubj", "nsubjpass")]
        antecedent = (subjects or candidates)[-1]
        if len({c.country or c.igo for c in candidates}) > 1 and not subjects:
            return None
    else:
        candidates = [c for c in candidates if _is_leader(c)]
        names = {c.name for c in candidates}
        if not candidates or len(names) > 1:
            return None
        antecedent = candidates[-1]
    return _copy(antecedent, token.i, token.i + 1)


def _is_igo(chunk: Chunk) -> bool:
    return chunk.igo is not None and len(chunk.units) == 1 and chunk.units[0].kind == "org"


def _is_seat(chunk: Chunk) -> bool:
    return any(u.kind in ("seat", "capital") for u in chunk.units)


def _expletive(token: Token) -> bool:
    """ "it is expected that ...", "it was raining": no antecedent."""
    head = token.head
    if head.lemma_ in ("be", "seem", "appear", "rain", "take", "remain") and any(
        c.dep_ in ("ccomp", "xcomp", "acomp", "attr") for c in head.children
    ):
        return True
    return False


def _head(doc: Doc, chunk: Chunk) -> Token:
    """The token of ``chunk`` whose syntactic head lies outside it."""
    for i in range(chunk.start, chunk.end):
        head = doc[i].head.i
        if head < chunk.start or head >= chunk.end or head == i:
            return doc[i]
    return doc[chunk.end - 1]


def _compounds(doc: Doc, actors: Sequence[Chunk]) -> list[list[Chunk]]:
    """Actors joined by a conjunction ("Biden and Kishida", "the US and Japan"), in order."""
    by_token = {i: c for c in actors for i in range(c.start, c.end)}
    parent: dict[int, Chunk] = {}
    for chunk in actors:
        head = _head(doc, chunk)
        if head.dep_ == "conj" and (first := by_token.get(head.head.i)) is not None and first is not chunk:
            parent[id(chunk)] = parent.get(id(first), first)
    groups: dict[int, list[Chunk]] = {}
    for chunk in actors:
        root = parent.get(id(chunk))
        if root is not None:
            groups.setdefault(id(root), [root]).append(chunk)
    return sorted(groups.values(), key=lambda g: g[0].start)


def _plural(
    doc: Doc, token: Token, actors: Sequence[Chunk], compounds: list[list[Chunk]], added: Sequence[Chunk]
) -> Chunk | None:
    """they/them/their after a compound or plural actor that is the subject in the same or previous sentence.

    Candidates: compound actors ("Biden and Kishida"), group references ("the two
    leaders") and plural actor nouns ("Chinese troops"). Only subjects count, and the
    latest wins; a pronoun with no subject antecedent nearby stays unresolved.
    """
    word = token.lower_
    if word not in PLURAL_PRONOUNS:
        return None
    if not (
        (word == "they" and token.dep_ in ("nsubj", "nsubjpass"))
        or (word == "their" and token.dep_ == "poss")
        or (word == "them" and token.dep_ in ("dobj", "pobj", "dative"))
    ):
        return None
    sent = token.sent
    window_start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start

    def in_window(chunk: Chunk) -> bool:
        return window_start <= chunk.start and chunk.end <= token.i

    def subject(chunk: Chunk) -> bool:
        return _head(doc, chunk).dep_ in ("nsubj", "nsubjpass")

    candidates: list[tuple[int, list[Chunk]]] = []
    grouped = {id(c) for g in compounds for c in g}
    for group in compounds:
        if in_window(group[0]) and group[-1].end <= token.i and subject(group[0]):
            candidates.append((group[0].start, group))
    for chunk in added:
        if chunk.referents and in_window(chunk) and subject(chunk):
            candidates.append((chunk.start, chunk.referents))
    for chunk in actors:
        if (id(chunk) not in grouped and not chunk.referents and in_window(chunk) and subject(chunk)
                and _head(doc, chunk).tag_ in PLURAL_TAGS and (chunk.country or chunk.igo or chunk.sector)):
            candidates.append((chunk.start, [chunk]))
    if not candidates:
        return None
    _, referents = max(candidates, key=lambda c: c[0])
    if _plural_between(doc, max(r.end for r in referents), token, actors):
        return None
    if word != "they" and not _clause_subject_fits(token, referents):
        return None
    if len(referents) == 1:
        return _copy(referents[0], token.i, token.i + 1)
    group = Chunk([Unit(token.i, token.i + 1, "reference", [])], token.i, token.i + 1)
    group.referents = [_copy(r, token.i, token.i + 1) for r in referents]
    return group


def _plural_between(doc: Doc, start: int, token: Token, actors: Sequence[Chunk]) -> bool:
    """A plural noun that is not an actor stands between antecedent and pronoun and may be meant.

    "ministers would consult on proposals that could see fathers take their leave":
    a plural subject, a plural proper noun, or an object in the pronoun's own sentence
    ("have yet to say where the tax cuts ... they") makes the pronoun unclear.
    """
    inside = {i for c in actors for i in range(c.start, c.end)}
    sent_start = token.sent.start
    for i in range(start, token.i):
        other = doc[i]
        if i in inside or other.tag_ not in PLURAL_TAGS:
            continue
        if other.dep_ in ("nsubj", "nsubjpass", "dative") or other.tag_ == "NNPS":
            return True
        if i >= sent_start and other.dep_ in ("dobj", "pobj", "conj", "appos"):
            return True
    # "69% of over-55s say they vote": a subject of the pronoun's sentence that is no actor.
    return any(
        doc[i].dep_ in ("nsubj", "nsubjpass") and i not in inside
        and (doc[i].pos_ in ("NOUN", "PROPN", "NUM") or doc[i].lower_ in GROUP_PRONOUNS)
        for i in range(max(start, sent_start), token.i)
    )


def _clause_subject_fits(token: Token, referents: Sequence[Chunk]) -> bool:
    """them/their: the subject of the pronoun's clause is the antecedent or another pronoun.

    "The government may try and deport some of them": the clause has its own subject,
    so "them" is someone else.
    """
    node = token
    while node.head.i != node.i:
        node = node.head
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != token.i]
        if subjects:
            subject = subjects[0]
            if subject.lower_ in PLURAL_PRONOUNS or subject.lower_ == "we":
                return True
            return any(r.start <= subject.i < r.end for r in referents) or any(
                r.start <= t.i < r.end for r in referents for t in subject.conjuncts
            )
    return True
