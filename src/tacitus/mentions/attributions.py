"""On whose word: quotes, indirect speech and source attributions with spans.

``find_attributions`` reads the spaCy dependency parse: a cue (a verb of saying
or reporting from the cue lexicon, or "according to" / "as per"), its subject
as the source, and its complement clause or the adjacent quotation as the
content. Offsets are character offsets into ``doc.text``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from tacitus.mentions.attribution.extract import extract
from tacitus.mentions.attribution.cuemodel import load_cue_judge
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
