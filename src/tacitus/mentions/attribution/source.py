"""The extent of a speaker's words in the text, as PolNeAR marks sources."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tacitus.documents.nlp import doc_text
from tacitus.mentions.attribution.lexicon import SAY_LIKE
from tacitus.mentions.attribution.spans import (
    after_breaks,
    contiguous_around,
    trim_tokens,
)
from tacitus.mentions.attribution.tree import children
from tacitus.records import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

RELATIVE_DEPS = frozenset({"relcl", "acl"})


def source_span(
    doc: Doc, subject: Token, verb: Token, cue_tokens: list[Token], content: Span
) -> Span | None:
    """The speaker's whole noun phrase around ``subject``: appositions, descriptive relative
    clauses and participles kept; speech clauses, dates, focus adverbs, cue and content left out."""
    cue_ids = {t.i for t in cue_tokens}
    skip: set[int] = set()
    for child in children(subject):
        # "Trump, who leads in delegates, said": the relative clause is not the source.
        if child.dep_ in RELATIVE_DEPS and child.i > subject.i and not _descriptive_relative(child):
            skip.update(t.i for t in child.subtree)
        elif _circumstance(child, subject):
            skip.update(t.i for t in child.subtree)
    tokens = [t for t in subject.subtree if t.i not in skip and t.i not in cue_ids]
    # "The non - profit is seeking": the parser may split one phrase into several subjects.
    tokens += [
        t
        for c in children(verb)
        if c.dep_ == subject.dep_ and c.i != subject.i and c.i < subject.i and c.head.i == subject.head.i
        for t in c.subtree
    ]
    if not (content.start <= subject.idx < content.end):
        # A source inside its content ("The bill, she said, is ...") keeps its words.
        tokens = [t for t in tokens if not (content.start <= t.idx < content.end)] or [subject]
    tokens = after_breaks(contiguous_around(tokens, subject), subject)
    span = trim_tokens(doc, tokens, keep_quotes=False)
    if span is None:
        return None
    text = doc_text(doc)
    start = span[0]
    while start < span[1] - 1 and (text[start] in "-\u2013\u2014" or text[start].isspace()):
        start += 1  # "-Philip Bump explains": a list dash glued to the name
    span = (start, span[1])
    if "," in text[span[0] : span[1]] and text[span[1] : span[1] + 1] == ",":
        # PolNeAR closes an apposition with its comma: "Paul Huntley, a Sanders delegate,".
        span = (span[0], span[1] + 1)
    return Span(doc_text(doc)[span[0] : span[1]], span[0], span[1])


_FOCUS = frozenset({"even", "only", "just", "also", "ultimately", "now", "then", "still"})
_FLOATING = frozenset({"both", "all", "each", "too"})


def _circumstance(child: Token, subject: Token) -> bool:
    """Words the parser hangs on the speaker that are not part of its name: "Even Republicans",
    "Sanders and Clinton both", "The campaign on Monday"."""
    if child.i < subject.i:
        return child.dep_ == "advmod" and child.lower_ in _FOCUS and child.i == subject.left_edge.i
    if child.lower_ in _FLOATING and child.i == subject.right_edge.i:
        return True
    if child.dep_ == "prep" and child.lower_ in ("on", "in", "at", "during", "this", "last"):
        objects = [c for c in children(child) if c.dep_ == "pobj"]
        return bool(objects) and objects[0].ent_type_ in ("DATE", "TIME")
    return child.dep_ == "npadvmod" and child.ent_type_ in ("DATE", "TIME")


def _descriptive_relative(clause: Token) -> bool:
    """Whether a clause after the speaker belongs to the source, as PolNeAR marks it (train counts):
    "officials who spoke with The Post", "Jason Furman, who leads the council,", "a poll
    released Sunday" do; "Podesta, who said ..." (speech of its own) and "X, saying ..." do not."""
    if any(t.pos_ == "VERB" and t.lemma_.lower() in SAY_LIKE for t in clause.subtree):
        return False
    left = clause.left_edge
    comma = left.i > 0 and left.doc[left.i - 1].text == ","
    if clause.dep_ == "acl":
        return clause.tag_ == "VBN" and not comma
    if clause.dep_ != "relcl":
        return False
    return not comma or left.lower_ in ("who", "whose")
