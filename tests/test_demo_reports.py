"""Checks the shipped demo corpus: format, provenance, coverage, and agreement with its README."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

DEMO_DIR = Path(__file__).resolve().parents[1] / "src" / "tacitus" / "data" / "demo"
REPORTS = DEMO_DIR / "reports.jsonl"
README = DEMO_DIR / "README.md"

CLOSING = "This report was written for the Tacitus project in its own words."
PLOVER_TYPES = frozenset(
    {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    }
)
FIELDS = {"id", "title", "published", "outlet", "url", "text", "note", "expected_types"}
ID_PATTERN = re.compile(r"^demo-(\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*$")
# Day-month-year dates as the reports write them, e.g. "16 September 2014".
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
TEXT_DATE = re.compile(rf"\b(\d{{1,2}}) ({MONTHS}) (\d{{4}})\b")


@pytest.fixture(scope="module")
def reports() -> list[dict[str, Any]]:
    lines = REPORTS.read_text(encoding="utf-8").splitlines()
    assert lines, "reports.jsonl is empty"
    parsed = []
    for number, line in enumerate(lines, start=1):
        assert line.strip(), f"blank line {number} in reports.jsonl"
        record = json.loads(line)
        assert isinstance(record, dict), f"line {number} is not a JSON object"
        parsed.append(record)
    return parsed


def test_at_least_fourteen_reports(reports: list[dict[str, Any]]) -> None:
    assert len(reports) >= 14


def test_every_record_has_exactly_the_fields(reports: list[dict[str, Any]]) -> None:
    for record in reports:
        assert set(record) == FIELDS, record.get("id")
        assert record["outlet"] == "Tacitus demo"
        assert record["url"] is None
        for key in ("id", "title", "text", "note"):
            assert isinstance(record[key], str) and record[key].strip(), (record["id"], key)


def test_ids_unique_numbered_in_order(reports: list[dict[str, Any]]) -> None:
    ids = [record["id"] for record in reports]
    assert len(ids) == len(set(ids))
    numbers = []
    for record_id in ids:
        match = ID_PATTERN.match(record_id)
        assert match, record_id
        numbers.append(int(match.group(1)))
    assert numbers == list(range(1, len(ids) + 1))


def test_published_is_a_valid_date_in_range_and_in_order(reports: list[dict[str, Any]]) -> None:
    dates = [dt.date.fromisoformat(record["published"]) for record in reports]
    assert all(dt.date(2014, 1, 1) <= day <= dt.date(2025, 12, 31) for day in dates)
    assert dates == sorted(dates)
    assert len({day.year for day in dates}) >= 8, "reports should spread across the years"


def test_published_is_the_event_day_or_the_day_after(reports: list[dict[str, Any]]) -> None:
    for record in reports:
        published = dt.date.fromisoformat(record["published"])
        event = _note_date(record["note"])
        assert event <= published <= event + dt.timedelta(days=1), record["id"]


def test_event_date_is_written_in_the_text(reports: list[dict[str, Any]]) -> None:
    for record in reports:
        event = _note_date(record["note"])
        written = {_parse_text_date(*m.groups()) for m in TEXT_DATE.finditer(record["text"])}
        assert event in written, record["id"]


def test_no_date_in_text_is_after_publication(reports: list[dict[str, Any]]) -> None:
    for record in reports:
        published = dt.date.fromisoformat(record["published"])
        for match in TEXT_DATE.finditer(record["text"]):
            assert _parse_text_date(*match.groups()) <= published, (record["id"], match.group(0))


def test_texts_are_report_length(reports: list[dict[str, Any]]) -> None:
    for record in reports:
        words = len(record["text"].split())
        assert 80 <= words <= 260, (record["id"], words)


def test_text_starts_with_the_report_not_the_title(reports: list[dict[str, Any]]) -> None:
    for record in reports:
        assert not record["text"].startswith(record["title"]), record["id"]
        assert "\n" not in record["text"], record["id"]


def test_each_text_says_it_was_written_for_the_project(reports: list[dict[str, Any]]) -> None:
    for record in reports:
        assert record["text"].endswith(" " + CLOSING), record["id"]
        assert record["text"].count(CLOSING) == 1, record["id"]
        assert record["note"].startswith("Written for the Tacitus project in its own words"), record["id"]


def test_expected_types_are_plover_and_cover_at_least_twelve(reports: list[dict[str, Any]]) -> None:
    covered: set[str] = set()
    for record in reports:
        types = record["expected_types"]
        assert isinstance(types, list) and types, record["id"]
        assert len(types) == len(set(types)), record["id"]
        assert set(types) <= PLOVER_TYPES, (record["id"], set(types) - PLOVER_TYPES)
        covered.update(types)
    assert len(covered) >= 12, sorted(PLOVER_TYPES - covered)


def test_main_types_vary(reports: list[dict[str, Any]]) -> None:
    main_types = {record["expected_types"][0] for record in reports}
    assert len(main_types) >= 12


def test_readme_lists_every_report_with_its_date_and_types(reports: list[dict[str, Any]]) -> None:
    rows = {}
    for line in README.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if cells and cells[0].startswith("`demo-"):
            rows[cells[0].strip("`")] = cells
    assert set(rows) == {record["id"] for record in reports}
    for record in reports:
        cells = rows[record["id"]]
        assert record["title"] == cells[1], record["id"]
        assert record["published"] in cells, record["id"]
        assert ", ".join(record["expected_types"]) == cells[-1], record["id"]
    assert f"holds {len(reports)} short" in README.read_text(encoding="utf-8")


def _note_date(note: str) -> dt.date:
    match = re.search(r"\(([^()]*)\)\.$", note)
    assert match, f"note does not end with '(<event date>).': {note!r}"
    day = TEXT_DATE.fullmatch(match.group(1))
    assert day, f"event date in note is not 'D Month YYYY': {match.group(1)!r}"
    return _parse_text_date(*day.groups())


def _parse_text_date(day: str, month: str, year: str) -> dt.date:
    return dt.datetime.strptime(f"{day} {month} {year}", "%d %B %Y").date()
