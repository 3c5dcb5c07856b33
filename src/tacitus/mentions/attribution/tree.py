"""Per-document tables that make repeated parse lookups cheap.

``Token.children`` scans the token's whole subtree span on each call, and extraction asks
it many times. (The document text is cached by :func:`tacitus.documents.nlp.doc_text`.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tacitus.documents.nlp import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Keyed by ``id(doc)`` and reset for each document, so at most one document's
# table is held; a lookup for any other document falls back to spaCy.
_KIDS: dict[int, list[list[Token]]] = {}


def index_doc(doc: Doc) -> list[Token]:
    """Build the tables for ``doc``; returns its tokens as a list."""
    _KIDS.clear()
    from spacy.attrs import HEAD

    tokens = list(doc)
    kids: list[list[Token]] = [[] for _ in tokens]
    # HEAD is stored relative to the token: 0 for a root.
    for i, rel in enumerate(doc.to_array(HEAD).tolist()):
        if rel:
            kids[i + _signed(rel)].append(tokens[i])
    doc_text(doc)  # computed once here, read by every attribution step
    _KIDS[id(doc)] = kids
    return tokens


def children(tok: Token) -> list[Token]:
    """The token's syntactic children in text order."""
    kids = _KIDS.get(id(tok.doc))
    return kids[tok.i] if kids is not None and tok.i < len(kids) else list(tok.children)


def _signed(value: int) -> int:
    # ``to_array`` returns uint64, so negative offsets arrive wrapped around.
    return value - (1 << 64) if value >= (1 << 63) else value
