"""Attributions without a speech verb: "according to X", "as per X", "X: headline"."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tacitus.documents.nlp import doc_text
from tacitus.mentions.attribution.quotes import QuoteIndex
from tacitus.mentions.attribution.spans import (
    contiguous_around,
    fit_quotes,
    token_span,
    trim_tokens,
)
from tacitus.mentions.attribution.tree import children
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

_NOT_SPEAKERS = frozenset(
    {"the latest", "update", "watch", "breaking", "exclusive", "live", "video", "analysis", "fix is in", "full text",
     "boom", "wow", "revealed", "look", "busted", "byline", "bombshell", "just leaked", "just in", "paid notice",
     "delegate update", "news guide", "opinion", "editorial", "correction", "photos", "report"}
)


def _shouts_kicker(prefix: str) -> bool:
    """ "BREAKING NEWS:", "FIX IS IN:": a shouted kicker of several words, not a speaker."""
    return len(prefix.split()) > 1 and prefix.isupper()


def headline(doc: Doc, tokens: list[Token]) -> Attribution | None:
    """A title line that puts the speaker before a colon: "Graham: Trump Is Destroying the GOP"."""
    text = doc_text(doc)
    line_end = text.find("\n")
    line_end = len(text) if line_end < 0 else line_end
    colon = text.find(": ", 0, line_end)
    if colon <= 0 or line_end > 300:
        return None
    prefix = text[:colon].strip()
    start = text.index(prefix) if prefix else 0
    # "EXCLUSIVE \u2013 Roger Stone: ...": the speaker after a kicker; "Clinton to Planned
    # Parenthood: ...": the speaker before the addressee.
    kicker = re.search(r"\s[-\u2013\u2014]\s", prefix)
    if kicker:
        start += kicker.end()
        prefix = prefix[kicker.end() :]
    addressee = re.search(r"\s(?:to|on|at)\s", prefix)
    if addressee:
        prefix = prefix[: addressee.start()]
    if not prefix or len(prefix.split()) > 5 or prefix.lower() in _NOT_SPEAKERS or _shouts_kicker(prefix):
        return None
    head_tokens = [t for t in tokens if start <= t.idx < start + len(prefix) and not t.is_space]
    if any(t.pos_ in ("VERB", "AUX") for t in head_tokens):
        return None  # "Carly Fiorina Endorses Ted Cruz: ...": a headline of its own, not a speaker
    capitalized = all(w[:1].isupper() for w in prefix.split()) and not any(c.isdigit() for c in prefix)
    if not (capitalized or any(t.ent_type_ in ("PERSON", "ORG", "NORP") for t in head_tokens)):
        return None
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


# --- "TAPPER: ...", "Q: ...", " - Carl Bialik: \u201c...\u201d" in the body ------------------

_NAME_WORD = r"[A-Z][\w.'\u2019-]*"
_LINE_SPEAKER = re.compile(
    rf"(?m)(?:^|\s[-\u2013\u2014]\s?|\sfrom\s)({_NAME_WORD}(?:[ \t]+(?:{_NAME_WORD}|and|of|de)){{0,4}}):[ \t\u00a0]+(?=\S)"
)
_NOT_LINE_SPEAKERS = frozenset(
    """update updated watch read related note editor's breaking exclusive live video photo photos
    source sources correction clarification warning disclaimer advertisement more also see
    tags topics filed full text abstract email stat q a""".split()
)
QUOTE_MARKS = frozenset("\"\u201c\u2018'")


def speaker_lines(doc: Doc, tokens: list[Token], quotes: QuoteIndex) -> list[Attribution]:
    """Lines that open with a speaker and a colon: interview transcripts and quoted asides."""
    text = doc_text(doc)
    first_line = text.find("\n")
    out: list[Attribution] = []
    for m in _LINE_SPEAKER.finditer(text):
        start, end = m.span(1)
        if start < first_line or first_line < 0:
            continue  # the title line is ``headline``'s
        prefix = m.group(1)
        words = prefix.split()
        if words[0].lower().replace("\u2019", "'") in _NOT_LINE_SPEAKERS or any(c.isdigit() for c in prefix):
            continue
        if not text[m.end()].isalpha() and text[m.end()] not in QUOTE_MARKS:
            continue  # "Clinton: 2,316." is a tally, not a remark
        letters = [c for c in prefix if c.isalpha()]
        shouting = len(letters) >= 2 and all(c.isupper() for c in letters)
        if not (shouting or _names_someone(doc, start, end)):
            continue
        colon = end
        c_start = m.end()
        line_end = text.find("\n", c_start)
        line_end = len(text) if line_end < 0 else line_end
        quote = quotes.starting_after(c_start, gap="")
        c_end = quote.end if quote is not None and quote.end <= line_end else line_end
        while c_end > c_start and text[c_end - 1].isspace():
            c_end -= 1
        if c_end <= c_start:
            continue
        out.append(
            Attribution(
                kind="direct" if quote is not None else "indirect",
                source=Span(prefix, start, end),
                cue=Span(":", colon, colon + 1),
                content=Span(text[c_start:c_end], c_start, c_end),
            )
        )
    return out


def _names_someone(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.ent_type_ in ("PERSON", "ORG", "NORP") for t in span)
