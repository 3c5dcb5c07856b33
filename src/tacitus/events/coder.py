"""Sentences and mentions to events: type, mode, dyad, modality, date, place, attribution."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tacitus.documents.nlp import doc_text
from tacitus.events import codes
from tacitus.events.detect import Candidate, find_candidates
from tacitus.events.lexicon import Lexicon, load_lexicon
from tacitus.events.modality import read_modality
from tacitus.events.roles import RECIPROCAL, ActorIndex, read_roles
from tacitus.records import (
    ActorRef,
    Attribution,
    Event,
    Evidence,
    Modality,
    Place,
    Span,
    TimeRef,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from tacitus.events.classifier import TypePrediction

# Words that point back to events reported before: "Russia denied such allegations".
_DENIAL_OBJECTS = frozenset(
    {"allegation", "claim", "accusation", "report", "charge", "suggestion", "assertion", "it", "this"}
)
_TOGETHER = frozenset({"together", "jointly", "mutually", "bilateral", "bilaterally", "each"})


@dataclass(frozen=True, slots=True)
class Context:
    """What the event coder needs beyond the parse."""

    article_id: str
    actors: Sequence[ActorRef]
    times: Sequence[TimeRef] = ()
    places: Sequence[Place] = ()
    attributions: Sequence[Attribution] = ()
    publication: TimeRef | None = None  # the publication date as a fallback event date
    article_attribution: Attribution | None = None  # the outlet, when nothing else asserts it


PlaceFinder = Callable[[Sequence[Place], "Doc", int, int], Place | None]
TimeFinder = Callable[[Sequence[TimeRef], int, int], TimeRef | None]
AttributionFinder = Callable[[Sequence[Attribution], int, int], Attribution | None]


@dataclass(frozen=True, slots=True)
class Attachers:
    """How events find their date, place and attribution among the article's mentions."""

    time: TimeFinder | None = None
    place: PlaceFinder | None = None
    attribution: AttributionFinder | None = None


def event_id(article_id: str, event_type: str, start: int, end: int) -> str:
    """Stable id from the article, the trigger position and the type."""
    key = f"{article_id}:{start}:{end}:{event_type}"
    return "e" + hashlib.sha256(key.encode()).hexdigest()[:23]


def _clause_bounds(candidate: Candidate) -> tuple[int, int]:
    token = candidate.predicate
    left = token.left_edge
    right = token.right_edge
    return left.idx, right.idx + len(right.text)


def _confidence(
    candidate: Candidate, source: list[ActorRef], target: list[ActorRef], prediction: TypePrediction | None
) -> float:
    """The classifier's calibrated probability that the sentence reports this type of event.

    Without a prediction (classifier off, or a sentence it did not score) a prior by the kind
    of trigger and the completeness of the dyad stands in.
    """
    if prediction is not None:
        return round(min(max(prediction.probs.get(candidate.event_type, 0.0), 0.01), 0.99), 3)
    base = {"verb": 0.62, "light": 0.6, "nominal": 0.45, "model": 0.5}[candidate.kind]
    if source and (target or candidate.event_type in RECIPROCAL):
        base += 0.1
    return round(base, 3)


def _speaker_actor(attribution: Attribution | None, index: ActorIndex) -> list[ActorRef]:
    if attribution is None:
        return []
    if attribution.speaker is not None:
        return [attribution.speaker]
    if attribution.source is not None:
        found = index.covering(attribution.source.start, attribution.source.end)
        return found[-1:] if found else []
    return []


_FORCE_SECTORS = frozenset({"MIL", "COP", "REB", "SPY"})
_PRONOUNS = frozenset({"it", "its", "they", "their", "them", "he", "his", "she", "her", "itself"})
# Verbs whose object must be a party for the verb to be an event: "met the leader", not
# "met its demands"; "visited Tokyo" reads its place as the host.
_PARTY_OBJECT_VERBS = frozenset({"meet", "target"})


_SUBCLAUSE_DEPS = frozenset({"advcl", "relcl", "acl", "ccomp", "csubj"})


def _outside_subclauses(times: Sequence[TimeRef], candidate: Candidate) -> list[TimeRef]:
    """Times not inside another finite clause of the sentence ("since Kishida took office in October")."""
    if not times:
        return []
    predicate = candidate.predicate
    sent = candidate.sent
    ranges = []
    for token in sent:
        if (
            token.dep_ in _SUBCLAUSE_DEPS
            and token.pos_ in ("VERB", "AUX")
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
            and token.i != predicate.i
            and not any(t.i == token.i for t in predicate.ancestors)
        ):
            ranges.append((token.left_edge.idx, token.right_edge.idx + len(token.right_edge.text)))
    return [
        t
        for t in times
        if not any(lo <= t.start and t.end <= hi and not lo <= predicate.idx < hi for lo, hi in ranges)
    ]


def _clean_target(
    event_type: str, source: list[ActorRef], target: list[ActorRef]
) -> list[ActorRef]:
    """Drop targets that are the source's own forces or a pronoun for the source itself."""
    source_codes = {a.code for a in source if a.code}
    kept = []
    for actor in target:
        own_force = (
            event_type == "MOBILIZE" and actor.code is None and actor.sector in _FORCE_SECTORS
        )
        self_pronoun = actor.text.lower() in _PRONOUNS and actor.code in source_codes
        if not own_force and not self_pronoun:
            kept.append(actor)
    return kept


_NAMING_DEPS = frozenset({"oprd", "xcomp", "ccomp", "attr", "acomp"})
# Verbs that are events only with a party as their object: "warned North Korea", not
# "warned that much work remained".
_NEEDS_TARGET_VERBS = frozenset({"warn", "call", "phone", "telephone"})


def _object_is_not_a_party(candidate: Candidate, index: ActorIndex) -> bool:
    """True for readings that are not events: "met its demands", "called it a stab in the back"."""
    predicate = candidate.predicate
    lemma = predicate.lemma_.lower()
    if candidate.kind not in ("verb", "model"):
        return False
    children = list(predicate.children)
    if lemma in _PARTY_OBJECT_VERBS or lemma in _NEEDS_TARGET_VERBS:
        for child in children:
            if child.dep_ in ("dobj", "obj", "nsubjpass") and index.at_token(child) is None:
                return True
    if lemma in _NEEDS_TARGET_VERBS:
        if any(c.dep_ in _NAMING_DEPS for c in children) or predicate.dep_ in ("acl", "relcl"):
            return True
        if not any(c.dep_ in ("dobj", "obj") for c in children):
            return True
    # An explicit subject that is no actor ("the earthquake struck", "the exchange came") is
    # not a political agent.
    subject = next((c for c in children if c.dep_ == "nsubj"), None)
    if (
        subject is not None
        and subject.pos_ not in ("PRON",)
        and index.at_token(subject) is None
        and not index.covering(subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge.text))
    ):
        return True
    return False


def _partner(events: Sequence[Event], actor: ActorRef) -> ActorRef | None:
    """The other side of the latest reciprocal event this actor took part in."""
    for event in reversed(events):
        if event.event_type not in RECIPROCAL:
            continue
        sides = [*event.source, *event.target]
        codes_ = {a.code for a in sides}
        if actor.code in codes_ and len(codes_) > 1:
            return next(a for a in sides if a.code != actor.code)
    return None


def code_events(
    doc: Doc,
    context: Context,
    *,
    attachers: Attachers = Attachers(),
    predictions: Sequence[TypePrediction | None] | None = None,
    lexicon: Lexicon | None = None,
    candidates: Sequence[Candidate] | None = None,
) -> list[Event]:
    """All events in a parsed article, in text order."""
    lexicon = lexicon or load_lexicon()
    index = ActorIndex(context.actors)
    sentences = list(doc.sents)
    events: list[Event] = []
    seen: set[tuple[int, int]] = set()
    candidates = list(find_candidates(doc, lexicon) if candidates is None else candidates)
    if predictions:
        candidates = _apply_predictions(candidates, sentences, predictions)
    # A place inside a longer actor name ("the Organization for Security and Co-operation
    # in Europe") is part of the name, not where the event happened.
    locatable = [
        p for p in context.places
        if not any(a.start <= p.start and p.end <= a.end and a.end - a.start > p.end - p.start for a in context.actors)
    ]
    for candidate in candidates:
        source, target = read_roles(candidate, index)
        clause_start, clause_end = _clause_bounds(candidate)
        attribution = None
        if attachers.attribution is not None:
            attribution = attachers.attribution(
                context.attributions, candidate.trigger_start, candidate.trigger_end
            )
        if not source:
            # First-person and missing subjects inside a quote belong to its speaker.
            subject_pronoun = any(
                c.dep_ == "nsubj" and c.lower_ in ("we", "i") for c in candidate.predicate.children
            )
            if attribution is not None and attribution.kind == "direct" and (
                subject_pronoun or candidate.kind != "nominal"
            ):
                source = _speaker_actor(attribution, index)
        target = _clean_target(candidate.event_type, source, target)
        if _object_is_not_a_party(candidate, index):
            continue
        if not source and not target and events and candidate.kind == "nominal":
            # "see it as a prelude to an invasion": an unattributed event noun that is claimed or
            # hypothetical refers back to the latest event of the sentence before.
            recent = [e for e in events if candidate.sent_index - e.evidence.sentence <= 1]
            conflict = [e for e in recent if e.quad_class in (3, 4)]
            previous = (conflict or recent or [None])[-1]
            modality_now = read_modality(candidate)
            if previous is not None and (modality_now.claimed or modality_now.hypothetical):
                source, target = list(previous.source), list(previous.target)
        if not source and not target:
            continue
        if (
            candidate.event_type in RECIPROCAL
            and len(source) == 1
            and not target
            and (
                any(t.lower_ in _TOGETHER for t in candidate.predicate.subtree)
                or any(
                    c.dep_ == "nsubj" and c.lower_ in ("we", "they")
                    for c in candidate.predicate.children
                )
            )
        ):
            other = _partner(events, source[0])
            if other is not None:
                source = [source[0], other]
        key = (candidate.trigger_start, candidate.trigger_end)
        if key in seen:
            continue
        seen.add(key)
        sent = candidate.sent
        prediction = predictions[candidate.sent_index] if predictions else None
        modality = read_modality(candidate)
        date = None
        if attachers.time is not None:
            own_times = _outside_subclauses(context.times, candidate)
            date = attachers.time(own_times, clause_start, clause_end) or attachers.time(
                own_times, sent.start_char, sent.end_char
            )
        date = date or context.publication
        location = None
        if attachers.place is not None:
            location = attachers.place(locatable, doc, clause_start, clause_end)
        events.append(
            Event(
                id=event_id(context.article_id, candidate.event_type, *key),
                event_type=candidate.event_type,
                mode=candidate.mode,
                source=tuple(source),
                target=tuple(target),
                trigger=Span(doc_text(doc)[key[0] : key[1]], key[0], key[1]),
                evidence=Evidence(candidate.sent_index, sent.start_char, sent.end_char, sent.text),
                date=date,
                location=location,
                attribution=attribution or context.article_attribution,
                modality=modality,
                quad_class=codes.quad_class(candidate.event_type),
                cameo_root=codes.cameo_root(candidate.event_type, candidate.mode),
                intensity=codes.intensity(candidate.event_type, candidate.mode),
                confidence=_confidence(candidate, source, target, prediction),
            )
        )
    return _link_denials(doc, events, sentences)


# The classifier relabels the main trigger of a sentence when it is confident of another type
# and finds the lexicon's type unlikely; it adds an event at the main verb of a sentence with
# no trigger only when it is more confident still.
RELABEL_MIN = 0.6
RELABEL_LEXICON_MAX = 0.1
MODEL_EVENT_MIN = 0.8


# Triggers whose type depends on what the sentence is about; the classifier may override them.
# Clear verbs ("imposed sanctions", "slammed", "attacked") keep the lexicon's type.
_AMBIGUOUS_TRIGGERS = frozenset(
    {
        "call", "hold", "fire", "strike", "claim", "back", "press", "free", "return", "share",
        "restore", "ease", "lift", "target", "charge", "block", "mass", "station", "position",
        "arm", "deliver", "supply", "provide", "offer", "accept", "settle", "seek", "demand",
        "promise", "pledge", "vow", "warn", "suspend", "freeze", "withdraw", "release", "move", "fight", "clash", "welcome", "recognize", "recognise",
        "support", "ask", "request", "invite", "talk", "discuss", "meet",
    }
)


def _ambiguous(candidate: Candidate) -> bool:
    return candidate.kind == "verb" and candidate.predicate.lemma_.lower() in _AMBIGUOUS_TRIGGERS


def _depth(token: Token) -> int:
    depth = 0
    while token.head is not token and depth < 50:
        token = token.head
        depth += 1
    return depth


def _apply_predictions(
    candidates: list[Candidate],
    sentences: list[SpacySpan],
    predictions: Sequence[TypePrediction | None],
) -> list[Candidate]:
    """Let the sentence classifier correct or complete the lexicon's candidates."""
    by_sentence: dict[int, list[Candidate]] = {}
    for candidate in candidates:
        by_sentence.setdefault(candidate.sent_index, []).append(candidate)
    result: list[Candidate] = []
    for index, sent in enumerate(sentences):
        found = by_sentence.get(index, [])
        prediction = predictions[index] if index < len(predictions) else None
        if prediction is None:
            result.extend(found)
            continue
        best = prediction.event_type
        if found and best not in {c.event_type for c in found} and prediction.probability >= RELABEL_MIN:
            main = min(
                (c for c in found if c.kind != "nominal"),
                key=lambda c: _depth(c.predicate),
                default=None,
            )
            if (
                main is not None
                and _ambiguous(main)
                and prediction.probs.get(main.event_type, 0.0) <= RELABEL_LEXICON_MAX
            ):
                found = [
                    dataclasses.replace(c, event_type=best, mode=prediction.mode, kind="model")
                    if c is main
                    else c
                    for c in found
                ]
        elif not found and prediction.probability >= MODEL_EVENT_MIN:
            root = sent.root
            if root.pos_ in ("VERB", "AUX"):
                found = [
                    Candidate(
                        index,
                        sent,
                        root,
                        root.idx,
                        root.idx + len(root.text),
                        best,
                        prediction.mode,
                        "model",
                    )
                ]
        result.extend(
            dataclasses.replace(c, mode=prediction.mode)
            if c.mode is None and c.event_type == best and prediction.mode
            else c
            for c in found
        )
    return result


def _link_denials(doc: Doc, events: list[Event], sentences: list[SpacySpan]) -> list[Event]:
    """Mark as denied the claimed events that a later "X denied such allegations" refers to."""
    result = list(events)
    for position, event in enumerate(events):
        if event.event_type != "REJECT":
            continue
        sent = sentences[event.evidence.sentence]
        trigger = next((t for t in sent if t.idx == event.trigger.start), None)
        if trigger is None or trigger.lemma_.lower() != "deny" or not any(
            c.dep_ in ("dobj", "obj") and c.lemma_.lower() in _DENIAL_OBJECTS for c in trigger.children
        ):
            continue
        deniers = {a.code for a in event.source}
        first_sentence = max(0, event.evidence.sentence - 2)
        for earlier_pos in range(position):
            earlier = result[earlier_pos]
            if earlier.evidence.sentence < first_sentence or earlier.id == event.id:
                continue
            by_denier = bool(deniers & {a.code for a in earlier.source})
            if earlier.modality.claimed and (by_denier or not earlier.source):
                result[earlier_pos] = dataclasses.replace(
                    earlier, modality=dataclasses.replace(earlier.modality, denied=True)
                )
    return result


__all__ = ["Attachers", "Context", "code_events", "event_id", "Modality"]
