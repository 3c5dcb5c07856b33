"""'"...," said Richard L. Trumka, president of the A.F.L.-C.I.O.': the speaker after the verb.

The parser often hangs the name after an inverted speech verb somewhere else in the
sentence, so the speaker is read off the words themselves: the noun phrase right
after the verb, with the apposition that follows it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tacitus.documents.nlp import doc_text
from tacitus.mentions.attribution.quotes import Quote, QuoteIndex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Parts of speech a name or a description is made of ("the top Republican in the House").
_PHRASE = frozenset({"PROPN", "NOUN", "DET", "ADJ", "NUM", "PRON", "PART", "CCONJ"})
_OF = frozenset({"of", "for", "at", "in", "to", "on", "with"})
_HEADS = frozenset({"PROPN", "NOUN", "PRON"})


def quote_then_verb(verb: Token, quotes: QuoteIndex) -> Quote | None:
    """The quotation that ends right before ``verb`` ('"...," said'), if any."""
    doc = verb.doc
    if verb.i + 1 >= len(doc) or verb.i == 0 or verb.tag_ == "VBG":
        return None
    if not (doc[verb.i - 1].is_punct or doc[verb.i - 1].is_space):
        return None
    return quotes.ending_before(verb.idx)


def speaker_after(doc: Doc, verb: Token) -> tuple[Token, tuple[int, int]] | None:
    """The head word and character extent of the noun phrase after ``verb``."""
    end = verb.sent.end
    first = _phrase(doc, verb.i + 1, end, allow_prep=False)
    if not first:
        return None
    ids = {t.i for t in first}
    heads = [t for t in first if t.pos_ in _HEADS and t.head.i not in ids] or [
        t for t in first if t.pos_ in _HEADS
    ]
    if not heads:
        return None
    last = first[-1].i
    # ", president of the A.F.L.-C.I.O." or ", a spokesman for the campaign": the apposition.
    nxt = last + 1
    if nxt + 1 < end and doc[nxt].text == "," and doc[nxt + 1].pos_ in ("DET", "NOUN", "ADJ", "PROPN", "NUM"):
        appos = _phrase(doc, nxt + 1, end, allow_prep=True)
        if appos and any(t.pos_ in ("NOUN", "PROPN") for t in appos):
            last = appos[-1].i
    text = doc_text(doc)
    start = first[0].idx
    stop = doc[last].idx + len(doc[last].text)
    if "," in text[start:stop] and last + 2 < end and doc[last + 1].text == ",":
        stop = doc[last + 1].idx + 1  # PolNeAR closes an apposition with its comma
    return heads[0], (start, stop)


def _phrase(doc: Doc, start: int, end: int, *, allow_prep: bool) -> list[Token]:
    out: list[Token] = []
    j = start
    while j < end:
        t = doc[j]
        if t.tag_ in ("WP", "WDT", "WP$"):
            break  # "who ...": a clause of its own
        if t.pos_ in _PHRASE or (t.pos_ == "PUNCT" and t.text not in ",.;:!?\"'()\u201c\u201d\u2014" and out):
            # "A.F.L.-C.I.O." is tagged as punctuation; a closing mark is not.
            if t.pos_ == "CCONJ" and not out:
                break
            out.append(t)
        elif t.pos_ == "ADP" and t.lower_ in _OF and out and (allow_prep or t.lower_ == "of"):
            out.append(t)
        else:
            break
        j += 1
    while out and (out[-1].pos_ in ("CCONJ", "ADP", "DET", "PART") or out[-1].is_punct):
        out.pop()
    return out
