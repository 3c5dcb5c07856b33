"""Who speaks for a cue verb: its subject, however the parse hangs it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tacitus.mentions.attribution.lexicon import SAY_LIKE
from tacitus.mentions.attribution.quotes import QuoteIndex
from tacitus.mentions.attribution.spans import in_quote
from tacitus.mentions.attribution.tree import children

if TYPE_CHECKING:
    from spacy.tokens import Token

SUBJECTS = frozenset({"nsubj"})
PASSIVE = frozenset({"nsubjpass", "auxpass"})
# Children that sit inside a verbal cue: "has also said", "did not deny".
CUE_INSIDE = frozenset({"aux", "neg", "advmod", "prt"})


def perfect_s(verb: Token) -> bool:
    """ "he's said he'll fight": the parser reads "'s" (has) as a passive auxiliary."""
    kids = children(verb)
    return any(c.dep_ == "auxpass" and c.lower_ in ("'s", "\u2019s") for c in kids) and not any(
        c.dep_ == "agent" for c in kids
    )


def find_subject(verb: Token, quotes: QuoteIndex, depth: int = 0) -> Token | None:
    """The verb's subject, or the subject it shares with the verb it hangs on."""
    subjects = [c for c in children(verb) if c.dep_ in SUBJECTS]
    if not subjects and perfect_s(verb):
        subjects = [c for c in children(verb) if c.dep_ == "nsubjpass"]
    if len(subjects) == 1:
        return subjects[0]
    if subjects:
        # '"A, B," Mr. Trump said' and "X get nervous, said Christine Link" parse with two
        # subjects: the speaker is the one outside quotations nearest the verb.
        outside = [c for c in subjects if not in_quote(quotes, c)] or subjects
        return min(outside, key=lambda c: abs(c.i - verb.i))
    if depth >= 3:
        return None
    head = verb.head
    if head.i == verb.i:
        return None
    if depth == 0 and verb.tag_ == "VBG" and verb.dep_ == "acl" and verb.doc[verb.i - 1].text == ",":
        # "Carson rejected the notion ..., saying ...": a participle after a comma speaks
        # for the subject of the sentence, however low the parser hung it.
        root = verb.sent.root
        if root.i != verb.i and root.pos_ in ("VERB", "AUX") and verb in root.subtree:
            found = find_subject(root, quotes, depth + 1)
            if found is not None:
                return found
    # "a new poll showing that ...": the noun the participle modifies speaks.
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.pos_ in ("NOUN", "PROPN"):
        return head
    # "... by saying that ...": the subject of the verb the preposition hangs on.
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        return find_subject(head.head, quotes, depth + 1)
    if head.pos_ not in ("VERB", "AUX"):
        return None
    if verb.dep_ in ("xcomp", "ccomp") and any(c.lower_ == "to" and c.dep_ == "aux" for c in children(verb)):
        # "The victory led Priebus to declare ...": the object of the head speaks.
        objects = [c for c in children(head) if c.dep_ in ("dobj", "nsubj") and c.i < verb.i and c.head.i == head.i]
        if objects and objects[-1].dep_ == "dobj":
            return objects[-1]
    # A coordinated or participial verb shares its head's subject:
    # "defended the route and said ...", "..., saying that ...", "declined to comment".
    if (
        verb.dep_ in ("conj", "xcomp")
        or (verb.dep_ == "advcl" and verb.tag_ == "VBG")
        or (verb.dep_ == "advcl" and verb.tag_ == "VB" and any(c.lower_ == "to" for c in children(verb)))
    ):
        if any(c.dep_ in PASSIVE for c in children(head)):
            # "Mr. Trump was forced into damage control and said ...": the passive subject speaks.
            patients = [c for c in children(head) if c.dep_ == "nsubjpass"]
            return patients[0] if patients and verb.dep_ == "conj" else None
        return find_subject(head, quotes, depth + 1)
    return None


def that_said(verb: Token, subject: Token) -> bool:
    """ "That said, ...": a set phrase meaning "even so", not a report."""
    doc = verb.doc
    return (
        subject.lower_ == "that"
        and subject.i == verb.i - 1
        and verb.lower_ == "said"
        and verb.i + 1 < len(doc)
        and doc[verb.i + 1].text == ","
    )


def past_breaks(verb: Token, subject: Token) -> Token | None:
    """The speaker in the verb's own paragraph: the parser may run a title, a dateline and the
    first sentence together ("The Latest ... 9:34 p.m. [break] Donald Trump has delivered")."""
    if subject.i >= verb.i:
        return subject
    doc = verb.doc
    last_break = -1
    for i in range(subject.i + 1, verb.i):
        if doc[i].is_space and "\n" in doc[i].text:
            last_break = i
    if last_break < 0:
        return subject
    lo = last_break + 1
    heads = [
        t for t in doc[lo : verb.i] if not lo <= t.head.i < verb.i and t.pos_ in ("PROPN", "NOUN", "PRON")
    ]
    return heads[-1] if heads else None


def speaker_after_quote(verb: Token, quotes: QuoteIndex) -> Token | None:
    """The head of the words between a closing quotation and ``verb``, if they are a noun phrase."""
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and doc[i].head == verb and doc[i].dep_ in CUE_INSIDE:
        i -= 1
    gap: list[Token] = []
    while i >= 0 and not doc[i].is_punct and not doc[i].is_space and not in_quote(quotes, doc[i]):
        gap.append(doc[i])
        i -= 1
    if not gap or len(gap) > 8 or i < 0 or quotes.ending_before(gap[-1].idx) is None:
        return None
    ids = {t.i for t in gap}
    heads = [t for t in gap if t.head.i not in ids and t.pos_ in ("PROPN", "NOUN", "PRON")]
    return heads[-1] if heads else None


def inverted_speaker(verb: Token, quotes: QuoteIndex) -> Token | None:
    """ '"...," said Richard Trumka': the parser often misses the subject after the verb."""
    if verb.lemma_.lower() not in SAY_LIKE or quotes.ending_before(verb.idx) is None:
        return None
    for child in children(verb):
        if child.i > verb.i and child.dep_ in ("dobj", "attr", "npadvmod", "dative", "appos", "oprd"):
            if child.pos_ in ("PROPN", "NOUN", "PRON"):
                return child
    return None
