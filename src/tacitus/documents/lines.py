"""Sentence starts at line breaks that end a headline, a dateline or a paragraph.

spaCy's small parser reads across a newline, so a headline runs into the first sentence
("Biden meets Kishida\\nWASHINGTON (AP) — The two leaders met...") and a paragraph's last
sentence into the next one. This component marks the token after such a break as a sentence
start before the parser runs; the parser keeps the marks. A newline inside a hard-wrapped
sentence (a long line that ends mid-sentence) is left alone.
"""

from __future__ import annotations

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
    text = doc.text
    for token in doc:
        if "\n" not in token.text or not token.is_space or token.i + 1 >= len(doc):
            continue
        following = doc[token.i + 1]
        if following.is_space or token.i == 0:
            continue
        if ends_unit(text, token.idx, token.text):
            following.is_sent_start = True
            # Given a start, the parser tends to cut again after the first word ("U.S. | President
            # Joe Biden..."): a line's first word is not a sentence of its own.
            if token.i + 2 < len(doc) and not doc[token.i + 2].is_space and not following.is_punct:
                doc[token.i + 2].is_sent_start = False
    return doc


def ends_unit(text: str, start: int, space: str) -> bool:
    """Whether the line break in ``space`` (at ``start`` in ``text``) ends a sentence-like unit."""
    if space.count("\n") >= 2:
        return True
    line_start = text.rfind("\n", 0, start) + 1
    line = text[line_start:start].rstrip()
    if not line:
        return True
    return line[-1] in FINAL or len(line) < SHORT_LINE
