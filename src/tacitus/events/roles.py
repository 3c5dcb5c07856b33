"""Source and target of a candidate, read from the dependency parse."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tacitus.events.detect import Candidate
from tacitus.records import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Token

RECIPROCAL = frozenset({"CONSULT", "AGREE", "COOPERATE"})
_SUBJECT_DEPS = frozenset({"nsubj", "csubj", "expl"})
_PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
_OBJECT_DEPS = frozenset({"dobj", "obj", "dative", "iobj"})
# Prepositions that introduce the target of a verb or an event noun.
_TARGET_PREPS = frozenset(
    {"with", "against", "to", "toward", "towards", "on", "at", "into", "upon", "over", "for"}
)
_NOMINAL_TARGET_PREPS = frozenset({"of", "on", "against", "with", "into", "to", "toward", "towards"})
# Per type, the prepositions whose objects are targets; others ("near", "in") give places.
TARGET_PREPS: dict[str, frozenset[str]] = {
    "CONSULT": frozenset({"with", "to"}),
    "AGREE": frozenset({"with", "to"}),
    "COOPERATE": frozenset({"with"}),
    "SUPPORT": frozenset({"for", "to"}),
    "AID": frozenset({"to", "for"}),
    "MOBILIZE": frozenset({"against", "toward", "towards"}),
    "ASSAULT": frozenset({"on", "against", "at", "into", "upon"}),
    "COERCE": frozenset({"on", "against", "upon"}),
    "SANCTION": frozenset({"on", "against", "upon"}),
    "THREATEN": frozenset({"against", "with"}),
    "REQUEST": frozenset({"to", "from", "on"}),
    "ACCUSE": frozenset({"at", "against"}),
    "PROTEST": frozenset({"against", "outside", "at"}),
    "REJECT": frozenset({"from"}),
}
# Clause links through which a verb without a subject takes its governor's subject.
_INHERIT_DEPS = frozenset({"xcomp", "conj", "advcl", "ccomp", "pcomp"})
_NP_LEFT_DEPS = frozenset({"compound", "amod", "poss", "nmod", "det", "nummod", "quantmod", "case"})


class ActorIndex:
    """Look up actor mentions by character position."""

    def __init__(self, actors: Sequence[ActorRef]) -> None:
        self.actors = sorted(actors, key=lambda a: a.start)
        self._starts = [a.start for a in self.actors]

    def covering(self, start: int, end: int) -> list[ActorRef]:
        """Actors overlapping [start, end), in text order."""
        i = bisect.bisect_left(self._starts, end)
        found = []
        for actor in self.actors[:i]:
            if actor.end > start:
                found.append(actor)
        return found

    def at_token(self, token: Token) -> ActorRef | None:
        """The actor whose span covers a token."""
        hits = self.covering(token.idx, token.idx + len(token.text))
        return hits[0] if hits else None


def _core_span(token: Token) -> tuple[int, int]:
    """Characters of a noun phrase's head and its left modifiers (not its relative clauses)."""
    start = token
    for child in token.lefts:
        if child.dep_ in _NP_LEFT_DEPS or child.dep_ == "poss":
            start = child.left_edge if child.left_edge.i < start.i else start
    return start.idx, token.idx + len(token.text)


def actors_of(token: Token | None, index: ActorIndex, *, loose: bool = False) -> list[ActorRef]:
    """The actors an argument token names, following coordination ("X and Y").

    ``loose`` also looks inside the whole phrase ("officials from Japan"); it suits subjects,
    whose phrases rarely hold a second party.
    """
    if token is None:
        return []
    heads = [token, *token.conjuncts]
    found: list[ActorRef] = []
    for head in heads:
        direct = index.at_token(head)
        if direct is not None:
            found.extend(sorted([direct, *_shared_head_actors(head, index)], key=lambda a: a.start))
            continue
        core = index.covering(*_core_span(head))
        if core:
            found.append(core[-1])
            continue
        if loose and head.i == token.i:
            subtree = index.covering(head.left_edge.idx, head.right_edge.idx + len(head.right_edge.text))
            if subtree:
                found.append(subtree[0])
    unique: dict[tuple[int, int], ActorRef] = {}
    for actor in found:
        unique.setdefault((actor.start, actor.end), actor)
    return list(unique.values())


def _shared_head_actors(head: Token, index: ActorIndex) -> list[ActorRef]:
    """ "Russian and Belarusian soldiers": actors named by coordinated modifiers of one head noun."""
    found = []
    for child in head.lefts:
        if child.dep_ in ("amod", "compound", "nmod"):
            for token in (child, *child.conjuncts):
                actor = index.at_token(token)
                if actor is not None:
                    found.append(actor)
    return found


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass", "csubjpass") for c in verb.children)


def _subject(verb: Token, depth: int = 0) -> Token | None:
    for child in verb.children:
        if child.dep_ in _SUBJECT_DEPS:
            return child
    if depth < 4:
        if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return verb.head
        if verb.dep_ in _INHERIT_DEPS and verb.head is not verb:
            head = verb.head
            if head.pos_ in ("VERB", "AUX"):
                passive_subject = next(
                    (c for c in head.children if c.dep_ in _PASSIVE_SUBJECT_DEPS), None
                )
                return _subject(head, depth + 1) or passive_subject
    return None


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _prep_objects(token: Token, preps: frozenset[str]) -> list[Token]:
    objects = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            objects.extend(g for g in child.children if g.dep_ == "pobj")
    return objects


def verb_roles(candidate: Candidate, index: ActorIndex) -> tuple[list[ActorRef], list[ActorRef]]:
    """Source and target of a verbal or light-verb event."""
    verb = candidate.predicate
    if _is_passive(verb):
        source = actors_of(_agent(verb), index, loose=True)
        patient = next((c for c in verb.children if c.dep_ in _PASSIVE_SUBJECT_DEPS), None)
        if candidate.kind == "light" and patient is candidate.object_noun:
            target = _first_actors(_prep_objects(patient, _TARGET_PREPS), index) if patient else []
        else:
            target = actors_of(patient, index)
        if not source and verb.dep_ in ("acl", "relcl"):
            target = target or actors_of(verb.head, index)
        return source, target
    source = actors_of(_subject(verb), index, loose=True)
    preps = TARGET_PREPS.get(candidate.event_type, _TARGET_PREPS)
    target: list[ActorRef] = []
    for child in verb.children:
        if child.dep_ in _OBJECT_DEPS and child is not candidate.object_noun:
            target = actors_of(child, index)
            if target:
                break
    if not target and candidate.object_noun is not None:
        target = _first_actors(_prep_objects(candidate.object_noun, preps), index)
    if not target:
        target = _first_actors(_prep_objects(verb, preps), index)
    if not target:
        for child in verb.children:
            if child.dep_ in ("dobj", "obj") and child is not candidate.object_noun:
                target = _first_actors(_prep_objects(child, frozenset({"of"})), index)
    return source, target


def _first_actors(tokens: list[Token], index: ActorIndex) -> list[ActorRef]:
    for token in tokens:
        found = actors_of(token, index)
        if found:
            return found
    return []


def nominal_roles(candidate: Candidate, index: ActorIndex) -> tuple[list[ActorRef], list[ActorRef]]:
    """Source and target of an event noun: "Russia's invasion of Ukraine", "talks between X and Y"."""
    noun = candidate.predicate
    source: list[ActorRef] = []
    target: list[ActorRef] = []
    for child in noun.children:
        if child.dep_ == "poss" or (child.dep_ in ("amod", "compound", "nmod") and child.i < noun.i):
            found = actors_of(child, index)
            if found and not source:
                source = found
    by = _prep_objects(noun, frozenset({"by"}))
    if by:
        by_actors = _first_actors(by, index)
        if by_actors:
            if source and not target:
                target = source
            source = by_actors
    between = _prep_objects(noun, frozenset({"between", "among", "amongst"}))
    if between:
        source = source + _first_actors(between, index)
    if not target:
        target = _first_actors(_prep_objects(noun, _NOMINAL_TARGET_PREPS), index)
    if not source and not target and noun.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass"):
        # "Kishida said the meeting with Biden ..." reads the speaker elsewhere; here only
        # the noun's own arguments count.
        return [], []
    return source, target


def read_roles(candidate: Candidate, index: ActorIndex) -> tuple[list[ActorRef], list[ActorRef]]:
    """Source and target actors of a candidate; reciprocal events keep both sides in ``source``."""
    if candidate.kind == "nominal":
        source, target = nominal_roles(candidate, index)
    else:
        source, target = verb_roles(candidate, index)
    target_keys = {(a.start, a.end) for a in source}
    target = [a for a in target if (a.start, a.end) not in target_keys]
    if candidate.event_type in RECIPROCAL and not source and len(target) > 1:
        source, target = target, []
    return source, target
