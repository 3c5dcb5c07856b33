"""Shared fixtures: the shared dev data, the coder, record validation."""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data from the repository root, or skip."""
    if not SHARED_DATA.is_dir():
        pytest.skip("shared dev data not found at ../shared/data")
    return SHARED_DATA


@pytest.fixture(scope="session")
def seed_text(shared_data: Path) -> str:
    return (shared_data / "seed" / "article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def coder() -> Any:
    from tacitus.pipeline import default_coder

    return default_coder()


@pytest.fixture(scope="session")
def record_schema() -> dict[str, Any]:
    text = resources.files("tacitus.data.schema").joinpath("article-record.schema.json").read_text()
    return json.loads(text)


def iter_spans(record: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every span-like object in an article record, with a label of where it sits."""

    def spans_of(label: str, obj: Any) -> Iterator[tuple[str, dict[str, Any]]]:
        if isinstance(obj, dict):
            if {"text", "start", "end"} <= obj.keys() and isinstance(obj.get("start"), int):
                if obj.get("precision") != "publication":
                    yield label, obj
            for key, value in obj.items():
                yield from spans_of(f"{label}.{key}", value)
        elif isinstance(obj, list):
            for i, value in enumerate(obj):
                yield from spans_of(f"{label}[{i}]", value)

    yield from spans_of("events", record.get("events", []))
    yield from spans_of("mentions", record.get("mentions", {}))


@pytest.fixture(scope="session")
def check_record(record_schema: dict[str, Any]) -> Any:
    """Validate a record against the JSON Schema and check every span's offsets."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(record_schema)

    def check(record: dict[str, Any]) -> None:
        errors = sorted(validator.iter_errors(record), key=lambda e: list(e.path))
        assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]
        text = record["text"]
        if text is None:
            return
        for label, span in iter_spans(record):
            assert text[span["start"] : span["end"]] == span["text"], label
        for event in record["events"]:
            evidence = event["evidence"]
            assert text[evidence["start"] : evidence["end"]] == evidence["text"]

    return check
