"""Whether a state, capital or city is named as a place, and what place a group is in.

A capital, state or seat of government standing alone after a locative preposition
("in Tokyo", "flew to Beijing") is a place, not an actor; "police in Nairobi" takes
the country of the place it is in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tacitus.mentions.actor_units import Chunk

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["LOCATIVE", "country_from_place", "is_place", "visiting"]

LOCATIVE = frozenset(
    {"in", "at", "near", "inside", "outside", "across", "throughout", "within", "around", "into", "via",
     "through", "beyond", "towards", "toward", "onto", "nearby"}
)
DIRECTIONAL = frozenset({"to", "from"})
MOTION = frozenset(
    {"travel", "fly", "go", "come", "return", "visit", "trip", "arrive", "move", "head", "flee", "journey",
     "relocate", "deport", "evacuate", "drive", "sail", "walk", "march", "escape", "defect", "send",
     "deploy", "transfer", "smuggle", "export", "import", "ship", "migrate", "emigrate", "route", "flight",
     "road", "border", "way", "mile", "kilometre", "kilometer", "km", "depart", "leave", "bring",
     "take", "extradite", "expel", "run"}
)
# Groups found in a country that mostly come from elsewhere: "troops in Mali", "refugees in Jordan",
# "diplomats in Beijing" do not take the country they are in.
VISITING_SECTORS = frozenset({"MIL", "REF", "NGO", "IGO", "SPY"})
VISITORS = frozenset(
    {"diplomat", "ambassador", "envoy", "embassy", "consulate", "consul", "correspondent", "foreigner",
     "tourist", "expatriate", "expat", "visitor", "delegation", "delegate", "mission", "peacekeeper",
     "observer", "monitor", "inspector", "contractor", "mercenary", "migrant", "worker", "investor"}
)
PLACE_VERBS = frozenset({"visit", "tour", "leave", "enter", "reach", "land", "hit", "rock", "strike"})


def is_place(doc: Doc, chunk: Chunk) -> bool:
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


def visiting(doc: Doc, chunk: Chunk) -> bool:
    """Troops, refugees and diplomats in a country are seldom its own."""
    last = doc[chunk.end - 1]
    return chunk.sector in VISITING_SECTORS or (last.lemma_ or last.text).lower().rstrip("s") in VISITORS


def country_from_place(doc: Doc, chunks: list[Chunk], places: list[Chunk]) -> None:
    """ "police in Nairobi", "protesters in Hong Kong": a group takes the country it is in."""
    by_start = {p.start: p for p in places}
    for chunk in chunks:
        if chunk.country or chunk.igo or chunk.person is not None or chunk.sector is None:
            continue
        if any(u.kind in ("new_person", "new_org") for u in chunk.units):
            continue
        if visiting(doc, chunk):
            continue
        i = chunk.end
        if i < len(doc) and doc[i].lower_ in ("in", "from", "across"):
            i += 1
            if i < len(doc) and doc[i].lower_ == "the":
                i += 1
            place = by_start.get(i)
            if place is not None and place.country:
                chunk.country = place.country
