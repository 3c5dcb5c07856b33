"""Sentence starts at headline, dateline and paragraph breaks; none inside hard-wrapped prose."""

from __future__ import annotations

import pytest

from tacitus.documents.lines import last_line_ends
from tacitus.documents.nlp import load_nlp


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_nlp()


def test_headline_does_not_run_into_the_first_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Biden and Kishida agree to oppose coercion in Indo-Pacific\n"
        "U.S. President Joe Biden and Japanese Prime Minister Fumio Kishida held a video call on Friday."
    )
    sentences = [s.text.strip() for s in nlp(text).sents]
    assert sentences[0] == "Biden and Kishida agree to oppose coercion in Indo-Pacific"
    assert sentences[1].startswith("U.S. President Joe Biden")


def test_hard_wrapped_sentence_stays_whole(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The foreign ministers of Japan and the United States said on Friday that they\n"
        "would work together to counter coercion in the region."
    )
    assert len(list(nlp(text).sents)) == 1


def test_break_rules() -> None:
    assert last_line_ends("well.", 80, "\n")  # the line ends a sentence
    assert last_line_ends("21", 13, "\n")  # a short dateline: "Tokyo, Jan 21"
    assert last_line_ends("stop", 80, "\n\n")  # a paragraph break
    assert not last_line_ends("they", 80, "\n")  # hard-wrapped prose
