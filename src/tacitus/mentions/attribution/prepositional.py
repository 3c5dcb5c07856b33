"""Attributions without a speech verb: "according to X", "as per X", "X: headline"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tacitus.mentions.attribution.quotes import QuoteIndex
from tacitus.mentions.attribution.spans import contiguous_around, fit_quotes, token_span, trim_tokens
from tacitus.mentions.attribution.tree import children, doc_text
from tacitus.records import Attribution, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


# --- "according to X", "as per X" -----------------------------------------------


def prepositional(doc: Doc, first: Token, prep: Token, quotes: QuoteIndex) -> Attribution | None:
    objects = [c for c in children(prep) if c.dep_ == "pobj"]
    if not objects:
        # The parser sometimes hangs the object on the first word instead.
        objects = [c for c in children(first) if c.dep_ == "pobj"]
    if not objects:
        nxt = prep.i + 1
        if nxt < len(doc) and doc[nxt].pos_ in ("PROPN", "NOUN", "PRON", "DET", "ADJ", "NUM"):
            objects = [doc[nxt]]
    if not objects:
        return None
    obj = objects[0]
    src_tokens = [t for t in obj.subtree if t.i > prep.i]
    src = trim_tokens(doc, contiguous_around(src_tokens, obj), keep_quotes=False)
    if src is None:
        return None
    phrase = {t.i for t in first.subtree} | {t.i for t in prep.subtree} | {first.i, prep.i}
    phrase |= set(range(first.i, src_tokens[-1].i + 1 if src_tokens else prep.i + 1))
    sent = first.sent
    rest = [t for t in sent if t.i not in phrase]
    content = trim_tokens(doc, rest) if rest else None
    if content is None:
        return None
    content = fit_quotes(doc, content, quotes)
    cue = token_span(doc, [first, prep])
    return Attribution(
        kind="source",
        source=Span(doc_text(doc)[src[0] : src[1]], src[0], src[1]),
        cue=cue,
        content=Span(doc_text(doc)[content[0] : content[1]], content[0], content[1]),
    )


# --- "Kishida: Japan will ..." headlines ----------------------------------------------

_NOT_SPEAKERS = frozenset({"the latest", "update", "watch", "breaking", "exclusive", "live", "video", "analysis"})


def headline(doc: Doc, tokens: list[Token]) -> Attribution | None:
    """A title line that puts the speaker before a colon: "Graham: Trump Is Destroying the GOP"."""
    text = doc_text(doc)
    line_end = text.find("\n")
    line_end = len(text) if line_end < 0 else line_end
    colon = text.find(": ", 0, line_end)
    if colon <= 0 or line_end > 300:
        return None
    prefix = text[:colon].strip()
    if not prefix or len(prefix.split()) > 5 or prefix.lower() in _NOT_SPEAKERS:
        return None
    head_tokens = [t for t in tokens if t.idx < colon and not t.is_space]
    if not any(t.ent_type_ in ("PERSON", "ORG") for t in head_tokens):
        return None
    start = text.index(prefix)
    rest = text[colon + 1 : line_end]
    c_start = colon + 1 + (len(rest) - len(rest.lstrip()))
    c_end = line_end
    while c_end > c_start and (text[c_end - 1].isspace() or text[c_end - 1] == "."):
        c_end -= 1
    if c_end <= c_start:
        return None
    return Attribution(
        kind="indirect",  # titles paraphrase more often than they quote
        source=Span(prefix, start, start + len(prefix)),
        cue=Span(":", colon, colon + 1),
        content=Span(text[c_start:c_end], c_start, c_end),
    )
