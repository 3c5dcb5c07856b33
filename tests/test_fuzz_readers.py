"""Fuzz the readers: whatever the bytes, a reader yields articles or input errors and never raises."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tacitus.articles.checks import REASONS, article_id
from tacitus.articles.readers import ReadOptions, read_inputs, read_json_lines
from tacitus.records import Article, InputError

pytestmark = pytest.mark.slow

# Bounded: a few hundred examples per property, no per-example deadline (HTML extraction varies).
FUZZ = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
OPTIONS = ReadOptions(max_chars=20_000)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=200),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
article_like = st.fixed_dictionaries(
    {},
    optional={
        "text": json_values | st.text(max_size=400),
        "id": json_values,
        "title": json_values,
        "published": json_values | st.sampled_from(["2020-01-02", "2020-01-02T10:00:00Z", "x"]),
        "outlet": json_values,
        "url": json_values,
    },
)


def check_item(item: object) -> None:
    assert isinstance(item, (Article, InputError))
    if isinstance(item, Article):
        assert item.text.strip() and "\x00" not in item.text
        assert len(item.text) <= OPTIONS.max_chars
        assert item.id == article_id(item.text)
    else:
        assert item.code in REASONS and item.message


@FUZZ
@given(st.lists(st.binary(max_size=300), max_size=12))
def test_json_lines_from_any_bytes(lines: list[bytes]) -> None:
    raw = [line.replace(b"\n", b" ") + b"\n" for line in lines]
    items = list(read_json_lines(raw, "fuzz.jsonl", OPTIONS))
    assert len(items) == sum(1 for line in raw if line.strip())  # one item per non-blank line
    for item in items:
        check_item(item)


@FUZZ
@given(st.lists(article_like, min_size=1, max_size=8))
def test_json_lines_from_objects_with_any_field_types(objects: list[dict[str, object]]) -> None:
    raw = [json.dumps(o).encode() + b"\n" for o in objects]
    items = list(read_json_lines(raw, "fuzz.jsonl", OPTIONS))
    assert len(items) == len(objects)
    for obj, item in zip(objects, items, strict=True):
        check_item(item)
        if isinstance(item, Article):
            assert item.text == obj["text"]


@FUZZ
@given(
    data=st.binary(max_size=4000) | st.text(max_size=2000).map(lambda t: t.encode("utf-8", "surrogatepass")),
    suffix=st.sampled_from([".txt", ".jsonl", ".json", ".html", ".md", ".xyz"]),
)
def test_files_of_any_bytes(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(data)
        items = list(read_inputs([str(path)], OPTIONS))
        if suffix not in (".jsonl", ".json"):
            assert len(items) == 1  # a file is one input
        for item in items:
            check_item(item)
