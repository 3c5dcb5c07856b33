"""Main text and metadata of an HTML page, extracted with trafilatura."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from tacitus.articles.checks import REASONS, decode, parse_published
from tacitus.errors import InputRejected
from tacitus.records import Article

if TYPE_CHECKING:
    from tacitus.articles.readers import ReadOptions

# trafilatura logs its own warnings for every odd page; the reason reaches the user through
# the rejection instead.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

# Pages whose extracted text is shorter than this are navigation, not articles.
MIN_WORDS = 15


def _decode_html(data: bytes, origin: str | None) -> str:
    try:
        return decode(data, origin=origin)
    except InputRejected as e:
        if e.code != "undecodable":
            raise
    # Pages often declare a legacy charset; let trafilatura's detector have a go.
    from trafilatura.utils import decode_file

    text = decode_file(data)
    if not isinstance(text, str):
        raise InputRejected("undecodable", REASONS["undecodable"], input=origin)
    return text


def extract_html(data: bytes, *, origin: str | None, options: ReadOptions) -> Article:
    """The article in an HTML page: main text, title, date, site name and URL."""
    import trafilatura

    from tacitus.articles.readers import make_article

    html = _decode_html(data, origin)
    try:
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False
        )
    except (RecursionError, ValueError, TypeError, AttributeError) as e:
        raise InputRejected(
            "no_main_text", f"{REASONS['no_main_text']} ({type(e).__name__})", input=origin
        ) from e
    if doc is None:
        raise InputRejected("no_main_text", REASONS["no_main_text"], input=origin)
    meta = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = meta.get("text") or ""
    if len(text.split()) < MIN_WORDS:
        raise InputRejected(
            "no_main_text",
            f"{REASONS['no_main_text']} (found {len(text.split())} words, need {MIN_WORDS})",
            input=origin,
        )
    try:
        published = parse_published(meta.get("date"), origin=origin)
    except InputRejected:
        published = None
    return make_article(
        text,
        origin=origin,
        options=options,
        title=meta.get("title") or None,
        published=published,
        outlet=meta.get("sitename") or meta.get("hostname") or None,
        url=meta.get("url") or None,
    )
