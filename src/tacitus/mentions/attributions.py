"""On whose word: quotes, indirect speech and source attributions with spans.

``find_attributions`` reads the spaCy dependency parse. A cue is a verb that the
cue model (learned from PolNeAR train, see ``benchmarks/polnear_cues.py``) accepts,
"according to" / "as per", "In a new poll," opening a sentence, or the colon of a
"Speaker: words" title or transcript line.

Span conventions (those of PolNeAR):
  source   the speaker's whole noun phrase, appositions included ("Paul Huntley, a
           Sanders delegate,"), and descriptive relative clauses and participles too
           ("Jason Furman, who leads the council,", "a poll released Sunday"); a clause
           that reports speech of its own, dates, focus adverbs ("even") and datelines
           are left out; a relative pronoun stays as written ("who"); for "X was
           criticized by Y" and "X, first reported by Y," it is Y; after a quotation
           ('"...," said Richard Trumka, president of the AFL-CIO') it is the phrase
           after the verb.
  cue      the verb with its auxiliaries, negation and adverbs ("has also said"), a
           bound preposition ("called for"), the channel ("said in a statement",
           "posted on Twitter") and, for "tell", the addressee ("told members of
           the media").
  content  the complement clause, "that" included, or the whole quotation with its
           marks, carried on over the quotations that follow it unclaimed; for
           "according to X" the rest of the sentence; for a cue set off by commas
           ("The bill, she said, is ...", "..., police said") the clause around it.
Words inside a quotation are never cues: they are the quoted speaker's content.
Offsets are character offsets into ``doc.text``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from tacitus.mentions.attribution.cuemodel import load_cue_judge
from tacitus.mentions.attribution.extract import extract
from tacitus.records import Attribution

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["attribution_for_span", "find_attributions"]


def find_attributions(doc: Doc) -> list[Attribution]:
    """Every direct quote, indirect speech and source attribution in ``doc``, in text order.

    ``speaker`` is left ``None``: resolving the source to an actor is the caller's job.
    """
    return extract(doc, load_cue_judge())


def attribution_for_span(attributions: Sequence[Attribution], start: int, end: int) -> Attribution | None:
    """The innermost attribution whose content contains ``[start, end)``, else ``None``."""
    best: Attribution | None = None
    for att in attributions:
        content = att.content
        if content is None or not (content.start <= start and end <= content.end):
            continue
        if best is None or best.content is None or (content.end - content.start) < (
            best.content.end - best.content.start
        ):
            best = att
    return best
