"""Read articles from text, HTML and JSON Lines files, directories and stdin.

Readers stream: they yield one :class:`Article` or one :class:`InputError` per
input article, so a broken input never stops the batch and nothing is lost.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from tacitus.articles.checks import (
    DEFAULT_MAX_CHARS,
    REASONS,
    article_id,
    check_text,
    decode,
    parse_published,
)
from tacitus.errors import InputRejected
from tacitus.records import Article, InputError

TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSON_SUFFIXES = (".jsonl", ".ndjson", ".json")
KNOWN_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSON_SUFFIXES

Item = Article | InputError


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How inputs are read."""

    published: str | None = None  # publication date for inputs that lack one
    max_chars: int = DEFAULT_MAX_CHARS
    outlet: str | None = None


def _error(e: InputRejected) -> InputError:
    return InputError(code=e.code, message=e.message, input=e.input)


def make_article(
    text: str,
    *,
    origin: str | None,
    options: ReadOptions,
    title: str | None = None,
    published: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    external_id: str | None = None,
) -> Article:
    """Check a text and wrap it with its metadata; raises InputRejected."""
    text = check_text(text, origin=origin, max_chars=options.max_chars)
    return Article(
        id=article_id(text),
        text=text,
        title=title,
        published=published or options.published,
        outlet=outlet or options.outlet,
        url=url,
        origin=origin,
        external_id=external_id,
    )


def _split_title(text: str) -> tuple[str | None, str]:
    """Take a short first line without final punctuation as the title."""
    first, sep, rest = text.lstrip("\ufeff").partition("\n")
    line = first.strip()
    if (
        sep
        and rest.strip()
        and 0 < len(line) <= 200
        and line[-1] not in ".!?\"'”:;,"
        and len(line.split()) <= 25
    ):
        return line, rest.lstrip("\n")
    return None, text


def read_text_file(path: Path, options: ReadOptions) -> Iterator[Item]:
    """A plain-text article; its first line is the title when it looks like one."""
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > options.max_chars * 4 + 1024:
            raise InputRejected(
                "too_large",
                f"{REASONS['too_large']}: file is {size:,} bytes (limit {options.max_chars:,} "
                "characters; raise --max-chars to code it)",
                input=origin,
            )
        text = decode(path.read_bytes(), origin=origin)
        title, body = _split_title(text)
        yield make_article(body, origin=origin, options=options, title=title)
    except InputRejected as e:
        yield _error(e)
    except OSError as e:
        yield InputError("unreadable", f"{REASONS['unreadable']}: {e.strerror}", origin)


def read_html_file(path: Path, options: ReadOptions) -> Iterator[Item]:
    """The main text and metadata of an HTML page, extracted with trafilatura."""
    from tacitus.articles.html import extract_html

    origin = str(path)
    try:
        size = path.stat().st_size
        if size > options.max_chars * 8 + 1024:
            raise InputRejected(
                "too_large", f"{REASONS['too_large']}: HTML file is {size:,} bytes", input=origin
            )
        yield extract_html(path.read_bytes(), origin=origin, options=options)
    except InputRejected as e:
        yield _error(e)
    except OSError as e:
        yield InputError("unreadable", f"{REASONS['unreadable']}: {e.strerror}", origin)


def article_from_object(obj: Any, *, origin: str, options: ReadOptions) -> Article:
    """An article from a JSON object with ``text`` and optional metadata; raises InputRejected."""
    if not isinstance(obj, dict):
        raise InputRejected(
            "bad_json", f"expected a JSON object, got {type(obj).__name__}", input=origin
        )
    if "text" not in obj or obj["text"] is None:
        raise InputRejected("missing_text", REASONS["missing_text"], input=origin)
    text = obj["text"]
    if not isinstance(text, str):
        raise InputRejected(
            "bad_field", f"'text' must be a string, got {type(text).__name__}", input=origin
        )
    fields: dict[str, str | None] = {}
    for key in ("id", "title", "outlet", "url"):
        value = obj.get(key)
        if value is not None and not isinstance(value, (str, int)):
            raise InputRejected(
                "bad_field", f"'{key}' must be a string, got {type(value).__name__}", input=origin
            )
        fields[key] = str(value) if value is not None else None
    return make_article(
        text,
        origin=origin,
        options=options,
        title=fields["title"],
        published=parse_published(obj.get("published"), origin=origin),
        outlet=fields["outlet"],
        url=fields["url"],
        external_id=fields["id"],
    )


def read_json_lines(lines: Iterable[bytes], name: str, options: ReadOptions) -> Iterator[Item]:
    """One article per JSON line; a bad line becomes an error and the rest go on."""
    for number, raw in enumerate(lines, start=1):
        origin = f"{name}:{number}"
        if not raw.strip():
            continue
        try:
            line = decode(raw, origin=origin)
            try:
                obj = json.loads(line)
            except (json.JSONDecodeError, RecursionError) as e:
                raise InputRejected("bad_json", f"{REASONS['bad_json']}: {e}", input=origin) from e
            yield article_from_object(obj, origin=origin, options=options)
        except InputRejected as e:
            yield _error(e)


def read_json_file(path: Path, options: ReadOptions) -> Iterator[Item]:
    """A ``.json`` file holding one object or a list of objects; ``.jsonl`` is read line by line."""
    origin = str(path)
    try:
        if path.suffix.lower() != ".json":
            with path.open("rb") as handle:
                yield from read_json_lines(handle, origin, options)
            return
        data = path.read_bytes()
        text = decode(data, origin=origin)
        try:
            obj = json.loads(text)
        except json.JSONDecodeError:
            # Many ".json" dumps are really JSON Lines.
            yield from read_json_lines(data.splitlines(), origin, options)
            return
        except RecursionError as e:
            raise InputRejected("bad_json", f"{REASONS['bad_json']}: nested too deep", input=origin) from e
        objects = obj if isinstance(obj, list) else [obj]
        for index, item in enumerate(objects):
            item_origin = f"{origin}[{index}]" if isinstance(obj, list) else origin
            try:
                yield article_from_object(item, origin=item_origin, options=options)
            except InputRejected as e:
                yield _error(e)
    except InputRejected as e:
        yield _error(e)
    except OSError as e:
        yield InputError("unreadable", f"{REASONS['unreadable']}: {e.strerror}", origin)


def read_file(path: Path, options: ReadOptions) -> Iterator[Item]:
    """Dispatch on the file suffix; unknown suffixes are read as plain text."""
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        yield from read_html_file(path, options)
    elif suffix in JSON_SUFFIXES:
        yield from read_json_file(path, options)
    else:
        yield from read_text_file(path, options)


def _walk(directory: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def read_inputs(
    paths: Iterable[str | Path],
    options: ReadOptions | None = None,
    *,
    stdin: IO[bytes] | None = None,
) -> Iterator[Item]:
    """Stream articles (or errors) from files, directories (recursive) and ``-`` (JSONL on stdin)."""
    options = options or ReadOptions()
    for raw in paths:
        if str(raw) == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from read_json_lines(stream, "-", options)
            continue
        path = Path(raw)
        if path.is_dir():
            for file in _walk(path):
                if file.suffix.lower() in KNOWN_SUFFIXES:
                    yield from read_file(file, options)
                else:
                    yield InputError(
                        "unsupported_type",
                        f"{REASONS['unsupported_type']} ({file.suffix or 'no suffix'}); "
                        f"use one of {', '.join(KNOWN_SUFFIXES)}",
                        str(file),
                    )
        elif path.exists():
            yield from read_file(path, options)
        else:
            yield InputError("unreadable", f"{REASONS['unreadable']}: no such file", str(path))
