"""Pass 2 of actor resolution: adjacent units read as one mention, and what it resolves to.

"Japanese Prime Minister Fumio Kishida", "Ukraine's parliament" and "Chinese coast
guard vessels" are each one chunk; its country comes from the person's dated role or
the modifiers, its sector from the role or the head noun. A hyphenated pair
("US-Japan", "Sino-Japanese") gives one mention per country. Former office holders
("former minister", a leader whose term has ended) are elites (ELI), as PLOVER codes them.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import TYPE_CHECKING

from tacitus.mentions.actor_units import HONORIFICS, Chunk, Unit
from tacitus.mentions.kb import Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["MODIFIER_KINDS", "chunk_units", "resolve_chunk", "sector_of", "unit_kind"]

MODIFIER_KINDS = frozenset({"state", "adjective", "capital", "seat", "org", "city"})
FORMER = frozenset({"former", "ex", "ex-", "late", "then", "outgoing", "erstwhile", "retired", "ousted", "deposed", "exiled"})
FUTURE = frozenset({"incoming", "president-elect", "elect", "designate", "would-be"})
ELITE = "ELI"
# Sectors whose former members PLOVER codes as elites (FORMER_MINISTER, RETIRED_GENERAL...).
OFFICE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "SPY", "COP", "ELI"})
FILLER = frozenset({"'s", "’s", "'", "-", "–", "of", "the"})
# Titles that, before a name the base lacks and with no country in sight, are American usage:
# British and other secretaries carry a portfolio ("Defence Secretary"), senators elsewhere a country.
US_TITLES = frozenset({
    "secretary", "deputy secretary", "under secretary", "undersecretary", "assistant secretary",
    "senator", "sen.", "rep.", "congressman", "congresswoman", "speaker of the house",
})
# Nouns that say nothing of who someone is: alone, PLOVER codes them as unknown (UNK).
VAGUE = frozenset({"man", "men", "person", "persons", "individual", "individuals", "occupier", "occupiers",
                   "group", "groups", "member", "members"})
UNKNOWN = "UNK"
# Armed groups that are not a state's forces: their commanders and soldiers are theirs.
IRREGULAR = frozenset({"REB", "PRM", "UAF", "CRM"})


def unit_kind(entities: list[Entity]) -> str:
    kinds = [e.kind for e in entities]
    for kind in ("person", "org", "state", "seat", "capital", "demonym", "adjective", "sector"):
        if kind in kinds:
            return kind
    return kinds[0]


def chunk_units(doc: Doc, units: list[Unit], when: dt.date, *, bare: bool = False) -> list[Chunk]:
    """Adjacent units joined into resolved mentions; ``bare`` for a phrase known to name an actor."""
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
            if resolve_chunk(chunk, when, doc, bare=bare):
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
    _share_head_nouns(doc, chunks, units)
    _person_possessives(doc, chunks)
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
        if (
            unit.kind == "sector" and token.text[:1].islower() and token.pos_ == "NOUN"
            and token.dep_ in ("compound", "amod", "nmod") and token.head.i >= unit.start
        ):
            continue  # "Russian occupation forces", "Iranian oil tanker"
        return False
    if "of" in gap:
        # "the government of Japan": a sector noun takes its country from what follows;
        # so does a government body ("Ministry of Defence of Ukraine").
        if unit.kind == "state" and len(current) == 1 and current[0].kind == "new_org":
            return True  # "Communist Party of Vietnam"
        if unit.kind == "state" and len(current) == 1 and current[0].kind == "org":
            return current[0].entity is not None and current[0].entity.use == "agency"
        # "the mayor of Kharkiv", "the governor of Texas": a town or capital gives its country too.
        return unit.kind in ("state", "org", "city", "capital") and all(u.kind == "sector" for u in current)
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


def _person_possessives(doc: Doc, chunks: list[Chunk]) -> None:
    """ "Putin's government", "Erdogan's party": a body named after its leader is in the leader's country."""
    for before, after in itertools.pairwise(chunks):
        if (
            before.person is not None and before.country and after.country is None and after.igo is None
            and after.person is None and after.sector is not None and after.start == before.end + 1
            and doc[before.end].text in ("'s", "’s")
        ):
            after.country = before.country


def _parsed(doc: Doc) -> bool:
    return doc.has_annotation("DEP") or doc.has_annotation("SENT_START")


def sector_of(unit: Unit) -> str | None:
    entity = unit.entity
    return entity.sector if entity else unit.sector


def resolve_chunk(chunk: Chunk, when: dt.date, doc: Doc, *, bare: bool = False) -> bool:
    """Fill country, sector and name; False when the chunk is not an actor.

    ``bare``: the phrase is given as an actor ("students", "Labour leader"), so nouns that
    need a country in running text stand alone.
    """
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
        if entity is None or _backed(doc, unit):
            continue
        if chunk.country is None and chunk.igo is None:
            chunk.country, chunk.igo = entity.country, entity.igo
    if chunk.country is None and chunk.igo is None:
        # "Kano State government": a new name that carries a place.
        named = next((u.entity for u in units if u.kind == "new_org" and u.entity is not None), None)
        if named is not None:
            chunk.country = named.country

    candidates = person.entities if person is not None else []
    given_at = _given_name_at(doc, chunk, person) if person is not None and person.by_surname else None
    by_given = [e for e in candidates if doc[given_at].text in e.given_names] if given_at is not None else []
    if by_given:
        # "Philip Edward Davis": the given name picks among the surname's owners. A given name
        # that fits none of them may be another spelling ("Oljas" for "Olzhas"): the surname rules apply.
        candidates = by_given
    else:
        given_at = None
    titled = person is not None and any(u.start < person.start for u in sectors)
    if given_at is None and person is not None and person.by_surname and not titled:
        # A bare surname names only people the news calls by surname alone ("Smith" is not the
        # premier of Alberta); lesser officials need a title before it, but one in office on the
        # date still makes the surname ambiguous ("Khan" while Sadiq Khan is mayor).
        noted = [e for e in candidates if e.noted]
        others_in_office = any(e.role_on(when)[1] for e in candidates if e not in noted)
        candidates = [] if others_in_office else noted
    known = _person_on(candidates, when) if person is not None and person.kind == "person" else None
    if known is not None and given_at is not None and chunk.start == person.start:
        chunk.start = given_at
    elif known is not None and person is not None and person.by_surname and not _surname_fits(
        known, when, [u for u in sectors if u.start < person.start], modifiers, doc
    ):
        known = None
    if person is not None and known is not None:
        entity = known
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
                chunk.sector = _head_sector(titles, modifiers, when, doc)
            elif former:
                chunk.sector = ELITE
            elif role.end is not None and role.end <= when:
                # PLOVER codes former presidents, ministers and rulers as elites; an activist,
                # a journalist or a rebel commander whose listed post has ended keeps that sector.
                chunk.sector = role.sector if role.sector not in OFFICE_SECTORS and role.sector else ELITE
            else:
                chunk.sector = None
        return True

    if person is not None:
        # A person the base does not know: the title and modifiers describe them.
        chunk.name = " ".join(t for t in token_texts(doc, person.start, person.end))
        titles = [u for u in sectors if u.start < person.start]
        if titles:
            sector = _head_sector(titles, modifiers, when, doc)
            chunk.sector = _former(sector) if former else sector
            if chunk.country is None and chunk.igo is None:
                title = " ".join(token_texts(doc, titles[0].start, titles[-1].end)).lower()
                if title in US_TITLES:
                    chunk.country = "USA"
        return True

    if not sectors:
        if kinds == ["adjective"] or all(k == "adjective" for k in kinds):
            return False
        head = units[-1]
        entity = head.entity
        if head.kind == "state" and len(units) == 2 and units[0].kind in ("org", "new_org"):
            # "Ministry of Defence of Ukraine", "Communist Party of Vietnam": the body, in the state named after it.
            body = units[0]
            chunk.country = entity.country if entity else None
            if body.kind == "new_org":
                chunk.name, chunk.sector = " ".join(token_texts(doc, body.start, body.end)), body.sector
            elif body.entity is not None:
                chunk.name, chunk.sector = body.entity.name, body.entity.sector_on(when)
            return True
        if head.kind == "new_org":
            chunk.name = " ".join(token_texts(doc, head.start, head.end))
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
            # A region ("Abkhazia", "the West Bank") named after "in" is a place, as a state would be.
            chunk.is_place_like = entity.use == "region" and len(units) == 1
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
    needs_modifier = head.entity is not None and head.entity.use in ("weak", "tail", "role")
    if (
        needs_modifier and not modifiers and "smod" not in uses
        and not (bare and head.entity.use != "tail")
        and not (head.entity.use == "tail" and len(sectors) > 1)
        and not (head.entity.use == "weak" and _before_named_place(doc, chunk.end))
    ):
        return False
    sector = _head_sector(sectors, modifiers, when, doc)
    if bare and not modifiers and len(sectors) == 1 and doc[head.end - 1].lower_ in VAGUE:
        sector = UNKNOWN  # "two men", "occupiers"
    chunk.sector = _former(sector) if former else sector
    if modifiers and modifiers[0].kind == "org" and modifiers[0].entity is not None:
        chunk.name = modifiers[0].entity.name
    return True


def _surname_fits(person: Entity, when: dt.date, titles: list[Unit], modifiers: list[Unit], doc: Doc) -> bool:
    """Whether a bare surname may name ``person``: "Lieutenant General Smith" is not a former
    defence minister Smith, and a bare "Smith" names only an office holder or a former head."""
    role, held = person.role_on(when)
    if role is None:
        return False
    if titles:
        title_sector = _head_sector(titles, modifiers, when, doc)
        return title_sector is None or role.sector is None or title_sector == role.sector
    return held or any(r.role in ("head_of_state", "head_of_government") for r in person.roles)


def _given_name_at(doc: Doc, chunk: Chunk, person: Unit) -> int | None:
    """Where the given names before a surname start ("Philip Edward" before "Davis"), if any.

    Only capitalised words that are not part of the chunk's other units count; in a parsed
    document they must be proper nouns, so "Yesterday Davis said" has none.
    """
    covered = {i for u in chunk.units if u is not person for i in range(u.start, u.end)}
    tagged = doc.has_annotation("TAG")
    i = person.start - 1
    while (
        i >= 0 and i not in covered and doc[i].is_alpha and doc[i].is_title
        and doc[i].text not in HONORIFICS and (not tagged or doc[i].pos_ == "PROPN")
    ):
        i -= 1
    return i + 1 if i + 1 < person.start else None


def _person_on(entities: list[Entity], when: dt.date) -> Entity | None:
    """The person a name means on ``when``: the only one, or the only one then in office."""
    people = [e for e in entities if e.kind == "person"]
    if len(people) <= 1:
        return people[0] if people else None
    active = [e for e in people if e.role_on(when)[1]]
    return active[0] if len(active) == 1 else None


def _backed(doc: Doc, unit: Unit) -> bool:
    """ "pro-Russian separatists": a group that supports a state is not that state's."""
    i = unit.start
    return i >= 2 and doc[i - 1].text in ("-", "–") and doc[i - 2].lower_ == "pro"


def _former(sector: str | None) -> str | None:
    """A former office holder ("former minister", "retired general") is an elite; other groups lose the sector."""
    return ELITE if sector in OFFICE_SECTORS else None


def _head_sector(sectors: list[Unit], modifiers: list[Unit], when: dt.date, doc: Doc | None = None) -> str | None:
    """The sector of the head noun; generic heads ("spokesman") defer to what precedes them."""
    heads = [u for u in sectors if u.entity is None or u.entity.use != "tail"] or sectors
    head = heads[-1]
    if sector_of(head) in ("CVL", "SOC") and any(
        u.entity is not None and u.entity.use == "smod" and u.entity.sector == "OPP" for u in heads[:-1]
    ):
        return "OPP"  # "anti-government protesters", "pro-democracy activists"
    if sector_of(head) == "MIL" and heads[:-1] and sector_of(heads[-2]) in IRREGULAR:
        return sector_of(heads[-2])  # "rebel commander", "militia soldiers"
    if head.entity is not None and head.entity.use in ("generic", "role"):
        before = [u for u in heads[:-1] if u.entity is not None and u.entity.use not in ("generic", "role")]
        if before:
            return sector_of(before[-1])
        org = next((m for m in modifiers if m.kind == "org" and m.entity is not None), None)
        if org is not None and org.entity is not None and (
            org.entity.sector_on(when) or (org.entity.igo and doc is not None and _body(doc, head))
        ):
            return org.entity.sector_on(when)  # "the UN refugee office" is the UN's, no sector of its own
    return sector_of(head)


BODIES = frozenset({"office", "agency", "council", "commission", "committee", "bureau", "service", "unit"})


def _body(doc: Doc, unit: Unit) -> bool:
    """A body of an organisation ("agency", "office"), not one of its people ("leaders")."""
    word = doc[unit.end - 1].lower_
    return word in BODIES or word.endswith("s") and word[:-1] in BODIES or word.endswith("ies") and word[:-3] + "y" in BODIES


def token_texts(doc: Doc, start: int, end: int) -> list[str]:
    return [doc[i].text for i in range(start, end)]


def _split_hyphen_pairs(doc: Doc, chunks: list[Chunk], units: list[Unit], when: dt.date) -> None:
    """Adjectives in "Sino-Japanese" or "US-Japan" name both countries."""
    covered = {i for c in chunks for i in range(c.start, c.end)}
    for left, right in itertools.pairwise(units):
        spaced = right.start - left.end == 1 and doc[left.end].text in ("-", "–")
        if not spaced and not (left.end == right.start and doc[left.end - 1].text in ("-", "–")):
            continue
        for unit in (left, right):
            if unit.kind in ("adjective", "state") and unit.start not in covered and unit.entity:
                chunk = Chunk([unit], unit.start, unit.end, country=unit.entity.country, name=unit.entity.name)
                chunks.append(chunk)
                covered.update(range(unit.start, unit.end))


# Words that join coordinated modifiers: "Russian and Belarusian", "US, British and French".
COORDINATORS = frozenset({",", "and", "or", "&"})


def _share_head_nouns(doc: Doc, chunks: list[Chunk], units: list[Unit]) -> None:
    """ "Russian and Belarusian soldiers": each coordinated adjective names its own actor with the
    shared head noun's sector; the mention is the adjective alone, since the head is shared."""
    by_start = {c.start: c for c in chunks}
    sharing: set[int] = set()  # chunks this pass made: "US, British and French warplanes" chains
    for left, right in reversed(list(itertools.pairwise(units))):
        shared = by_start.get(right.start)
        gap = [doc[i].lower_ for i in range(left.end, right.start)]
        if (
            shared is None or shared.sector is None or not gap or not set(gap) <= COORDINATORS
            or left.kind not in ("adjective", "state") or left.entity is None
            or right.kind not in ("adjective", "state")
            or not (id(shared) in sharing or any(u.kind == "sector" for u in shared.units))
            or shared.person is not None or any(u.kind in ("person", "new_person") for u in shared.units)
        ):
            continue
        alone = by_start.get(left.start)
        if alone is not None and alone.units == [left] and alone.sector is None:
            alone.sector = shared.sector  # "US, British and French warplanes": "US" read as a state
            sharing.add(id(alone))
            continue
        if any(c.start <= left.start < c.end for c in chunks):
            continue
        chunk = Chunk([left], left.start, left.end, country=left.entity.country, igo=left.entity.igo,
                      sector=shared.sector, name=left.entity.name)
        chunks.append(chunk)
        by_start[left.start] = chunk
        sharing.add(id(chunk))


def _before_named_place(doc: Doc, i: int) -> bool:
    """ "people in the UK": a weak noun followed by a named place, which gives its country."""
    if i >= len(doc) or doc[i].lower_ not in ("in", "from", "across"):
        return False
    i += 1
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    return i < len(doc) and doc[i].pos_ == "PROPN" and (doc[i].is_title or doc[i].is_upper)
