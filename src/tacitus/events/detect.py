"""Find event candidates in a parsed document: verb, light-verb and nominal triggers."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tacitus.events.lexicon import LIGHT, Entry, Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Verbs used as adjectives ("alleged missiles", "the disputed region") are not events.
_ADJECTIVAL_DEPS = frozenset({"amod", "compound", "nmod"})
_OBJECT_DEPS = ("dobj", "obj", "attr", "nsubjpass")
_PARTICLE_DEPS = frozenset({"prt", "prep", "advmod"})


@dataclass(frozen=True, slots=True)
class Candidate:
    """A trigger in a sentence, before roles and modality are read."""

    sent_index: int
    sent: Span
    predicate: Token  # the token whose arguments carry the roles
    trigger_start: int  # character offsets of the trigger text
    trigger_end: int
    event_type: str
    mode: str | None
    kind: str  # verb, light or nominal
    object_noun: Token | None = None  # the event noun of a light verb


def _phrasal_entry(token: Token, lexicon: Lexicon) -> tuple[Entry, Token] | None:
    for child in token.children:
        if child.dep_ in _PARTICLE_DEPS and child.i > token.i:
            entry = lexicon.phrasal.get((token.lemma_.lower(), child.lower_))
            if entry is not None:
                return entry, child
    return None


def _light_object(token: Token) -> Token | None:
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)
    for child in token.children:
        if child.dep_ in ("dobj", "obj") or (passive and child.dep_ == "nsubjpass"):
            return child
    return None


def _verb_candidate(
    token: Token, sent: Span, index: int, lexicon: Lexicon, used: set[int]
) -> Candidate | None:
    lemma = token.lemma_.lower()
    phrasal = _phrasal_entry(token, lexicon)
    end_token = token
    if phrasal is not None:
        entry, end_token = phrasal
        if end_token.i != token.i + 1:
            end_token = token
    else:
        entry = lexicon.verbs.get(lemma)  # type: ignore[assignment]
        if entry is None:
            return None
    if entry.event_type != LIGHT:
        return Candidate(
            index,
            sent,
            token,
            token.idx,
            end_token.idx + len(end_token.text),
            entry.event_type,
            entry.mode,
            "verb",
        )
    noun = _light_object(token)
    noun_entry = lexicon.nouns.get(noun.lemma_.lower()) if noun is not None else None
    if noun is None or noun_entry is None:
        if entry.fallback and noun is not None:
            return Candidate(
                index, sent, token, token.idx, token.idx + len(token.text), entry.fallback, None, "verb"
            )
        return None
    used.add(noun.i)
    # An event noun is the trigger ("held talks"); for material nouns the verb is ("sent troops").
    trigger = noun if noun.lemma_.lower() in lexicon.nominal else token
    return Candidate(
        index,
        sent,
        token,
        trigger.idx,
        trigger.idx + len(trigger.text),
        noun_entry.event_type,
        noun_entry.mode,
        "light",
        noun,
    )


def find_candidates(doc: Doc, lexicon: Lexicon) -> Iterator[Candidate]:
    """Every trigger in the document, in text order within each sentence."""
    for index, sent in enumerate(doc.sents):
        used: set[int] = set()
        verbal: list[Candidate] = []
        for token in sent:
            if token.pos_ == "VERB" and token.dep_ not in _ADJECTIVAL_DEPS:
                candidate = _verb_candidate(token, sent, index, lexicon, used)
                if candidate is not None:
                    verbal.append(candidate)
        yield from verbal
        for token in sent:
            if (
                token.pos_ in ("NOUN", "PROPN")
                and token.i not in used
                and token.dep_ != "compound"
                and token.lemma_.lower() in lexicon.nominal
            ):
                entry = lexicon.nouns[token.lemma_.lower()]
                yield Candidate(
                    index,
                    sent,
                    token,
                    token.idx,
                    token.idx + len(token.text),
                    entry.event_type,
                    entry.mode,
                    "nominal",
                )
