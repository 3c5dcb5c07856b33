"""Checks that decide whether a text can be coded, with stable reason codes."""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from tacitus.errors import InputRejected

DEFAULT_MAX_CHARS = 2_000_000

# Stable reason codes, documented in docs/article-record.md.
REASONS: dict[str, str] = {
    "binary": "the input looks like a binary file, not text",
    "undecodable": "the bytes are not valid UTF-8 text",
    "empty_text": "the text is empty or whitespace only",
    "too_large": "the text is over the size limit",
    "not_english": "the text does not look like English",
    "no_main_text": "no main article text could be extracted from the HTML",
    "bad_json": "the line is not a valid JSON object",
    "bad_field": "a field has the wrong type or format",
    "missing_text": "the object has no 'text' field",
    "unreadable": "the file cannot be read",
    "unsupported_type": "the file type is not one Tacitus reads",
    "coding_failed": "the coder failed on this article",
}

_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to in a is that for on with as was by at it from he his said be are has "
    "have an not this were but had they which or its their been who will would after also "
    "than more over into about".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def article_id(text: str) -> str:
    """Stable article id: a hash of the text, so the same text always gets the same id."""
    return "a" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:23]


def text_sha256(text: str) -> str:
    """SHA-256 of the UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def decode(data: bytes, *, origin: str | None) -> str:
    """Decode input bytes as UTF-8 text or raise InputRejected (binary, undecodable)."""
    head = data[:8192]
    if b"\x00" in head or (head and len(_CONTROL.findall(head.decode("latin-1"))) > len(head) // 20):
        raise InputRejected("binary", f"{REASONS['binary']} (NUL or control bytes)", input=origin)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputRejected(
            "undecodable",
            f"{REASONS['undecodable']}: invalid byte at offset {e.start}; "
            "convert the file to UTF-8",
            input=origin,
        ) from e
    return text


def check_text(text: str, *, origin: str | None, max_chars: int = DEFAULT_MAX_CHARS) -> str:
    """Return the text if it can be coded, else raise InputRejected."""
    if not text or not text.strip():
        raise InputRejected("empty_text", REASONS["empty_text"], input=origin)
    if len(text) > max_chars:
        raise InputRejected(
            "too_large",
            f"{REASONS['too_large']}: {len(text):,} characters > {max_chars:,} "
            "(raise --max-chars to code it)",
            input=origin,
        )
    if "\x00" in text:
        raise InputRejected("binary", f"{REASONS['binary']} (NUL characters)", input=origin)
    if not looks_english(text):
        raise InputRejected("not_english", REASONS["not_english"], input=origin)
    return text


def looks_english(text: str) -> bool:
    """A cheap language check on the first few thousand characters.

    Latin-script English prose has a high share of function words; other languages
    and other scripts do not. Very short texts pass when they are mostly ASCII letters.
    """
    sample = text[:5000]
    words = _WORD.findall(sample)
    if not words:
        return False
    ascii_words = sum(1 for w in words if w.isascii())
    if ascii_words < 0.7 * len(words):
        return False
    if len(words) < 12:
        return True
    function = sum(1 for w in words if w.lower() in _ENGLISH_FUNCTION_WORDS)
    return function >= 0.08 * len(words)


def parse_published(value: object, *, origin: str | None) -> str | None:
    """Normalise a publication date to YYYY-MM-DD, or raise InputRejected."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputRejected(
            "bad_field", f"'published' must be an ISO date string, got {value!r}", input=origin
        )
    head = value.strip()[:10]
    try:
        return dt.date.fromisoformat(head).isoformat()
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date().isoformat()
    except ValueError as e:
        raise InputRejected(
            "bad_field",
            f"'published' must be an ISO date (YYYY-MM-DD), got {value!r}",
            input=origin,
        ) from e
