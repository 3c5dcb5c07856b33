"""Whether the clause around a time expression looks back or ahead.

With a spaCy ``Doc`` the governing verb and its auxiliaries decide; without
one, the nearest tense marker in the sentence does.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tacitus.mentions.timex.calendar import Tense

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

FUTURE_AUX = frozenset({"will", "wo", "'ll", "ll", "shall", "would", "'d", "gon", "going"})
PAST_AUX = frozenset({"was", "were", "had", "has", "have", "'ve", "did"})
PRESENT_BE = frozenset({"is", "are", "am", "'s", "'re"})
# Verbs whose infinitive complement lies ahead of them.
PLANNING = frozenset(
    {
        "plan", "expect", "schedule", "set", "due", "intend", "aim", "hope", "want", "seek",
        "prepare", "promise", "vow", "pledge", "threaten", "propose", "likely", "poise",
        "slate", "going", "agree", "decide", "arrange", "wish",
    }
)  # fmt: skip

_FUTURE_WORDS = (
    r"will|won't|wo n't|'ll|shall|would|going\s+to|plans?\s+to|planning|planned\s+to"
    r"|scheduled|expected|set\s+to|due|to\s+be\s+held|upcoming|is\s+to|are\s+to"
    r"|slated|intends?\s+to|aims?\s+to|effective|expires?|payable"
)
_IRREGULAR_PAST = (
    "took|said|met|held|rose|fell|began|came|went|made|told|gave|won|lost|left|sent|saw|spoke|wrote"
    "|struck|fought|led|paid|sold|bought|brought|thought|became|ran|shot|broke|chose|drove|flew|grew"
    "|knew|threw|stood|kept|felt|found|heard|meant|spent|stole|swore|taught|woke|got|sought|fled"
    "|withdrew|overtook|undertook|forbade|sank|sang|swam|tore|wore|bore|hid|bit|dug|hung|lit|rode"
    "|shook|slid|split|spread|sprang|stuck|stung|swung|wound|won|beat|bet|cut|hit|quit|shut"
)
_PAST_WORDS = r"was|were|had|has\s+been|have\s+been|did|ago|\w{2,}ed|" + _IRREGULAR_PAST
_MARKER = re.compile(rf"\b(?:(?P<fut>{_FUTURE_WORDS})|(?P<past>{_PAST_WORDS}))\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?][\"')\]]?\s+(?=[\"'(\[]?[A-Z0-9])|\n")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Rough sentence limits around ``[start, end)`` for texts without a parse."""
    left = 0
    for match in _SENTENCE_END.finditer(text, max(0, start - 400), start):
        left = match.end()
    right_match = _SENTENCE_END.search(text, end)
    right = right_match.start() + 1 if right_match else len(text)
    return left, right


# Within this many characters, and with no clause punctuation between, a marker is taken to
# govern the expression; further away it only tips the balance.
STRONG_GAP = 50
_CLAUSE_BREAK = re.compile(r"[,;:()\"“”]|\b(?:and|but|which|who|that|after|before|while|following)\b")


_MODAL = re.compile(r"will|won't|wo n't|'ll|shall|going\s+to", re.IGNORECASE)
WEAK, CLOSE, SURE = 0, 1, 2


def tense_from_text(text: str, start: int, end: int) -> tuple[Tense, int]:
    """The tense of the marker nearest the expression in its sentence, and how sure it is.

    ``SURE``: a future modal in the same clause close by; ``CLOSE``: any marker so;
    ``WEAK``: a marker further off or across clause punctuation.
    """
    left, right = sentence_bounds(text, start, end)
    left, right = max(left, start - 160), min(right, end + 160)
    best: tuple[int, re.Match[str]] | None = None
    for match in _MARKER.finditer(text, left, right):
        if start <= match.start() < end:
            continue
        before = match.end() <= start
        gap = start - match.end() if before else match.start() - end
        # Markers before the expression usually govern it; give them a small edge.
        weighted = gap if before else gap + 5
        if best is None or weighted < best[0]:
            best = (weighted, match)
    if best is None:
        return None, WEAK
    marker = best[1]
    tense: Tense = "future" if marker.group("fut") else "past"
    word = marker.group(0)
    if tense == "past" and word.lower() not in _PAST_FINITE:
        # "will be held", "is to be signed": a participle under a modal points ahead.
        lead = _MODAL_BE.search(text, max(left, marker.start() - 30), marker.start())
        if lead is not None:
            tense, word = "future", lead.group("modal")
    gap_start, gap_end = (marker.end(), start) if marker.end() <= start else (end, marker.start())
    if gap_end - gap_start > STRONG_GAP or _CLAUSE_BREAK.search(text, gap_start, gap_end):
        return tense, WEAK
    return tense, SURE if _MODAL.fullmatch(word) else CLOSE


_PAST_FINITE = frozenset({"was", "were", "had", "did", "ago"})
_MODAL_BE = re.compile(
    r"\b(?P<modal>will|would|'ll|shall|to)\s+(?:not\s+)?(?:be|have\s+been)\s+$", re.IGNORECASE
)


# "said on Friday", "told reporters Tuesday": a report dated in the past, whatever the parse
# attaches the time to.
_REPORTED = re.compile(
    r"\b(?:said|told\s+(?:\w+\s+){0,3}?|announced|reported|added|stated|confirmed|denied|claimed"
    r"|warned|wrote|tweeted|posted)\s+(?:on\s+|late\s+|early\s+)?$",
    re.IGNORECASE,
)


def reported_past(text: str, start: int) -> bool:
    """True when a past reporting verb sits right before the expression."""
    return bool(_REPORTED.search(text, max(0, start - 40), start))


def tense_from_doc(doc: Doc, start: int, end: int) -> Tense:
    """The tense of the verb that governs the tokens in ``[start, end)``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span.root
    verb = _governing_verb(token)
    if verb is None:
        verb = span.sent.root
    return _verb_tense(verb, depth=0)


def _governing_verb(token: Token) -> Token | None:
    current = token
    for _ in range(12):
        if current.pos_ in ("VERB", "AUX") or current.tag_.startswith("VB") or current.tag_ == "MD":
            return current
        if current.head is current:
            return None
        current = current.head
    return None


def _verb_tense(verb: Token, depth: int) -> Tense:
    auxes = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    words = {child.lower_ for child in auxes}
    if verb.tag_ == "MD":
        words.add(verb.lower_)
    if words & FUTURE_AUX:
        return "future"
    has_to = any(child.lower_ == "to" for child in auxes)
    if has_to and verb.tag_ == "VB" and depth < 3 and verb.head is not verb:
        governor = verb.head
        if governor.lemma_.lower() in PLANNING:
            return "future"
        return _verb_tense(governor, depth + 1)
    if verb.lemma_.lower() in PLANNING and (words & PRESENT_BE or verb.tag_ == "VBN"):
        return "future"  # "is expected on Friday", "the meeting, scheduled for Friday"
    if verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN":
        if words & PAST_AUX:
            return "past"
        if words & PRESENT_BE:
            return None
        if not words and verb.dep_ in ("acl", "amod", "relcl", "ROOT"):
            return "past"
        return None
    if verb.tag_ == "VBG":
        if words & PRESENT_BE:
            return "future"
        if words & {"was", "were"}:
            return "past"
        if depth < 3 and verb.head is not verb and verb.dep_ in ("xcomp", "advcl", "conj", "acl"):
            return _verb_tense(verb.head, depth + 1)
        return None
    if verb.tag_ in ("VBZ", "VBP") and verb.lemma_ == "be":
        for child in verb.children:
            if child.dep_ in ("acomp", "attr") and child.lemma_.lower() in PLANNING:
                return "future"
    if verb.dep_ == "conj" and depth < 3 and verb.head is not verb:
        return _verb_tense(verb.head, depth + 1)
    return None
