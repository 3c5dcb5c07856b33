"""Character spans from parse tokens: trimming, quotation fitting, contiguity."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from tacitus.documents.nlp import doc_text
from tacitus.mentions.attribution.quotes import QuoteIndex
from tacitus.records import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_EDGE_PUNCT = frozenset(",.;:!?-\u2013\u2014()[]")
QUOTE_CHARS = frozenset("\"'\u201c\u201d\u2018\u2019`\u00ab\u00bb")
_DASHES = frozenset({"-", "--", "\u2013", "\u2014"})


def fit_quotes(doc: Doc, span: tuple[int, int], quotes: QuoteIndex) -> tuple[int, int]:
    """Widen a content span to the quotation marks that enclose it."""
    start, end = span
    text = doc_text(doc)
    for q in quotes.overlapping(start, end):
        if q.start < start and text[q.start : start].strip(" \t\n\"'\u201c\u201d`\u00ab") == "":
            start = q.start
        if q.start < end < q.end and text[end : q.end].strip(" \t\n.,!?;:\"'\u201c\u201d\u00bb") == "":
            end = q.end
        # A clause that opens or closes a quotation speaks for all of it ('"A. B," she said').
        if q.start < start < q.end and end == q.end:
            start = q.start
        elif start == q.start and start < end < q.end:
            end = q.end
    return start, end


def after_breaks(tokens: list[Token], anchor: Token) -> list[Token]:
    """Drop what precedes a paragraph break or a dateline dash before the anchor ("MACAU (Reuters) - X")."""
    cut = -1
    for t in tokens:
        if t.i < anchor.i and (("\n" in t.text and t.is_space) or (t.text in _DASHES and _spaced(t))):
            cut = t.i
    return [t for t in tokens if t.i > cut] or [anchor]


def _spaced(dash: Token) -> bool:
    """A dash set off by spaces: a dateline or an aside, not a hyphen inside a word ("front-runner")."""
    text = doc_text(dash.doc)
    before = text[dash.idx - 1 : dash.idx]
    after = text[dash.idx + len(dash.text) : dash.idx + len(dash.text) + 1]
    return dash.text != "-" or before.isspace() or after.isspace() or not before or not after


def contiguous_around(tokens: list[Token], anchor: Token) -> list[Token]:
    ids = {t.i for t in tokens}
    lo = hi = anchor.i
    while lo - 1 in ids:
        lo -= 1
    while hi + 1 in ids:
        hi += 1
    return [t for t in tokens if lo <= t.i <= hi]


def in_quote(quotes: QuoteIndex, tok: Token) -> bool:
    # Words inside a quotation belong to the quoted speaker's content.
    return quotes.containing(tok.idx, tok.idx + len(tok.text)) is not None


def token_span(doc: Doc, tokens: Sequence[Token]) -> Span:
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return Span(doc_text(doc)[start:end], start, end)


def _paired_quote(toks: list[Token], at: int) -> bool:
    """Whether the quotation mark ``toks[at]`` is answered by another one inside ``toks``."""
    if not set(toks[at].text) <= QUOTE_CHARS or toks[at].text in ("'", "\u2019"):
        return False
    others = [t for j, t in enumerate(toks) if j != at and t.text and set(t.text) <= QUOTE_CHARS]
    return any(t.text not in ("'", "\u2019") for t in others)


def trim_tokens(doc: Doc, tokens: Iterable[Token], *, keep_quotes: bool = True) -> tuple[int, int] | None:
    """Character extent of ``tokens`` without edge punctuation or whitespace."""
    toks = sorted(set(tokens), key=lambda t: t.i)
    drop = _EDGE_PUNCT if keep_quotes else _EDGE_PUNCT | QUOTE_CHARS
    while toks and (toks[0].is_space or (toks[0].is_punct and set(toks[0].text) <= drop)):
        if not keep_quotes and _paired_quote(toks, 0):
            break  # '"Broad City" star': a quotation inside the phrase keeps its marks
        toks.pop(0)
    while toks and (toks[-1].is_space or (toks[-1].is_punct and set(toks[-1].text) <= drop)):
        if toks[-1].text == ")" and any(t.text == "(" for t in toks):
            break  # "Sen. Bernie Sanders (I-Vt.)": a closing bracket that closes something stays
        if not keep_quotes and _paired_quote(toks, len(toks) - 1):
            break
        toks.pop()
    if not toks:
        return None
    start = toks[0].idx
    end = toks[-1].idx + len(toks[-1].text)
    text = doc_text(doc)
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return (start, end) if end > start else None
