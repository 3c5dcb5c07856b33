"""Sentence starts at line breaks that end a headline, a dateline or a paragraph.

spaCy's small parser reads across a newline, so a headline runs into the first sentence
("Biden meets Kishida\\nWASHINGTON (AP) — The two leaders met...") and a paragraph's last
sentence into the next one. This component marks the token after such a break as a sentence
start before the parser runs; the parser keeps the marks. A newline inside a hard-wrapped
sentence (a long line that ends mid-sentence) is left alone.
"""

from __future__ import annotations

import numpy
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "tacitus_line_breaks"
# A line ending in one of these ends its sentence.
FINAL = frozenset({".", "!", "?", ":", ";", '"', "\u201d", "\u2019", "'"})
# A line shorter than this that does not end a sentence is a headline, a dateline or a byline,
# not a line of hard-wrapped prose.
SHORT_LINE = 60


@Language.component(COMPONENT)
def mark_line_breaks(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on the first word after a line break that ends a unit of text."""
    # Only whitespace tokens hold line breaks; ``doc.text`` and visiting every token would cost
    # more than the rest of this component.
    line_start = 0  # character offset where the current line begins
    for i in numpy.flatnonzero(doc.to_array(IS_SPACE)).tolist():
        space = doc[i]
        if "\n" not in space.text:
            continue
        last = i - 1
        while last >= 0 and doc[last].is_space:
            last -= 1
        if last >= 0 and i + 1 < len(doc) and not doc[i + 1].is_space and last_line_ends(
            doc[last].text, space.idx - line_start, space.text
        ):
            doc[i + 1].is_sent_start = True
            # Given a start, the parser tends to cut again after the first word ("U.S. | President
            # Joe Biden..."): a line's first word is not a sentence of its own.
            if i + 2 < len(doc) and not doc[i + 2].is_space and not doc[i + 1].is_punct:
                doc[i + 2].is_sent_start = False
        line_start = space.idx + len(space.text)
    return doc


def last_line_ends(last_word: str, line_length: int, space: str) -> bool:
    """Whether a line ending in ``last_word``, ``line_length`` characters long and followed by the
    whitespace ``space``, ends a sentence-like unit."""
    if space.count("\n") >= 2:
        return True
    return last_word[-1] in FINAL or line_length < SHORT_LINE
