"""How the text commits to an event: negated, hypothetical, future, claimed, denied."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tacitus.events.detect import Candidate
from tacitus.records import Modality

if TYPE_CHECKING:
    from spacy.tokens import Token

_FUTURE_AUX = frozenset({"will", "shall", "would", "'ll", "wo"})
_HEDGE_AUX = frozenset({"could", "might", "may"})
# Governing verbs that make their complement planned, intended or expected.
_INTENT_VERBS = frozenset(
    {
        "plan", "intend", "aim", "expect", "prepare", "hope", "want", "vow", "pledge",
        "promise", "threaten", "agree", "decide", "seek", "try", "attempt", "offer",
        "propose", "consider", "mull", "schedule", "set", "wish", "look", "move", "go",
    }
)
_CONDITIONAL_MARKS = frozenset({"if", "unless", "lest", "whether"})
_PREVENT_VERBS = frozenset({"prevent", "avoid", "deter", "avert", "stop", "forestall"})
_CLAIM_VERBS = frozenset(
    {
        "claim", "allege", "suspect", "believe", "see", "fear", "suggest", "speculate",
        "rumor", "rumour", "think", "accuse", "assert", "contend", "insist", "view",
    }
)
_CLAIM_MODIFIERS = frozenset(
    {"alleged", "allegedly", "suspected", "reportedly", "purported", "purportedly", "apparent",
     "apparently", "possible", "potential", "so-called"}
)
_DENY_VERBS = frozenset({"deny", "dismiss", "refute", "reject"})
_NEGATIONS = frozenset({"not", "n't", "never", "no"})
_FAIL_VERBS = frozenset({"fail", "refuse", "decline"})
_FUTURE_NOUN_MODIFIERS = frozenset({"planned", "upcoming", "proposed", "expected", "scheduled"})


def _clause_markers(token: Token) -> tuple[bool, bool, bool]:
    """(negated, future, hedged) read off a verb's own auxiliaries and modifiers."""
    negated = future = hedged = False
    for child in token.children:
        lower = child.lower_
        if child.dep_ == "neg" or (child.dep_ in ("advmod", "det") and lower in _NEGATIONS):
            negated = True
        elif child.dep_ == "aux" and lower in _FUTURE_AUX:
            future = True
        elif child.dep_ == "aux" and lower in _HEDGE_AUX:
            hedged = True
        elif lower == "going" and any(g.lower_ == "to" for g in child.children):
            future = True
    return negated, future, hedged


def _has_condition(token: Token) -> bool:
    for child in token.children:
        if child.dep_ == "advcl" and any(
            g.dep_ == "mark" and g.lower_ in _CONDITIONAL_MARKS for g in child.children
        ):
            return True
        if child.dep_ == "mark" and child.lower_ in _CONDITIONAL_MARKS:
            return True
    return False


def read_modality(candidate: Candidate) -> Modality:
    """The modality of a candidate from its predicate and the clauses that govern it."""
    token = candidate.predicate
    negated, future, hedged = _clause_markers(token)
    hypothetical = hedged or _has_condition(token)
    claimed = False
    denied = False
    for child in token.children:
        if child.lower_ in _CLAIM_MODIFIERS:
            claimed = True
        if candidate.kind == "nominal" and child.lower_ in _FUTURE_NOUN_MODIFIERS:
            future = True
        if child.dep_ == "xcomp":
            # "threatens to take military actions if its demands are not met"
            hypothetical = hypothetical or _has_condition(child)
    if candidate.object_noun is not None:
        for child in candidate.object_noun.children:
            if child.lower_ in _CLAIM_MODIFIERS:
                claimed = True
            if child.lower_ in _FUTURE_NOUN_MODIFIERS:
                future = True

    # Walk up the governing clauses: "plans to attack", "denied attacking", "see it as a prelude
    # to an invasion", "to prevent a Russian invasion".
    current = token
    steps = 0
    while current.head is not current and steps < 6:
        link = current.dep_
        head = current.head
        lemma = head.lemma_.lower()
        steps += 1
        if head.pos_ in ("VERB", "AUX"):
            head_negated, head_future, head_hedged = _clause_markers(head)
            if link in ("xcomp", "ccomp", "advcl", "pcomp", "pobj", "dobj", "conj"):
                if lemma in _DENY_VERBS and link != "conj" and head is not token:
                    denied = True
                elif lemma in _FAIL_VERBS and link == "xcomp":
                    negated = True
                elif lemma in _PREVENT_VERBS:
                    hypothetical = True
                elif lemma in _CLAIM_VERBS and link != "conj":
                    claimed = True
                elif lemma in _INTENT_VERBS and link == "xcomp":
                    future = True
                if link == "conj":
                    negated = negated or head_negated
                    future = future or head_future
                else:
                    future = future or head_future
                hypothetical = hypothetical or head_hedged
                if link == "advcl" and any(
                    c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in current.children
                ):
                    hypothetical = True
            if link in ("relcl", "acl") or head.dep_ == "ROOT":
                if head.dep_ == "ROOT" and lemma in _CLAIM_VERBS and link not in ("nsubj", "conj"):
                    claimed = True
                break
        current = head
    return Modality(
        negated=negated, hypothetical=hypothetical, future=future, claimed=claimed, denied=denied
    )
