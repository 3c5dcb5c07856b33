"""The example article: the events a user expects, each with its evidence."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.shared_data


@pytest.fixture(scope="module")
def seed_record(coder: Any, seed_text: str) -> dict[str, Any]:
    from tacitus.api import extract

    return extract(seed_text).to_dict()


def _codes(actors: list[dict[str, Any]]) -> set[str]:
    return {a["country"] or a["igo"] for a in actors if a["country"] or a["igo"]}


def _find(record: dict[str, Any], event_type: str, source: str | None, target: str | None = None) -> list[dict[str, Any]]:
    found = []
    for event in record["events"]:
        if event["event_type"] != event_type:
            continue
        sides = _codes(event["source"])
        others = _codes(event["target"]) | sides
        if source and source not in sides:
            continue
        if target and target not in others:
            continue
        found.append(event)
    return found


EXPECTED = [
    ("CONSULT", "USA", "JPN"),
    ("ACCUSE", "JPN", "PRK"),
    ("MOBILIZE", "CHN", None),
    ("MOBILIZE", "RUS", None),
    ("REJECT", "RUS", None),
    ("THREATEN", "RUS", None),
    ("AGREE", "JPN", "USA"),
]


def test_record_is_valid(seed_record: dict[str, Any], check_record: Any) -> None:
    check_record(seed_record)


@pytest.mark.parametrize(("event_type", "source", "target"), EXPECTED)
def test_expected_event(seed_record: dict[str, Any], event_type: str, source: str, target: str | None) -> None:
    assert _find(seed_record, event_type, source, target), (event_type, source, target)


def test_at_least_five_expected_events(seed_record: dict[str, Any]) -> None:
    found = sum(bool(_find(seed_record, *expected)) for expected in EXPECTED)
    assert found >= 5


def test_mobilize_places(seed_record: dict[str, Any]) -> None:
    chinese = _find(seed_record, "MOBILIZE", "CHN")
    assert any(e["location"] and e["location"]["country"] == "TWN" for e in chinese)
    russian = _find(seed_record, "MOBILIZE", "RUS")
    assert any(e["location"] and e["location"]["country"] == "UKR" for e in russian)


def test_threat_is_conditional_and_denial_marks_the_allegation(seed_record: dict[str, Any]) -> None:
    threat = _find(seed_record, "THREATEN", "RUS")[0]
    assert threat["modality"]["hypothetical"]
    assert not threat["modality"]["denied"]
    assert any(e["modality"]["denied"] for e in seed_record["events"])
    rejection = _find(seed_record, "REJECT", "RUS")[0]
    assert rejection["trigger"]["text"] == "denied"


def test_agreement_is_attributed_to_kishida(seed_record: dict[str, Any]) -> None:
    agree = _find(seed_record, "AGREE", "JPN", "USA")[0]
    attribution = agree["attribution"]
    assert attribution["kind"] == "direct"
    assert "Kishida" in attribution["source"]["text"]
    assert "told" in attribution["cue"]["text"]


def test_meeting_dated_to_friday(coder: Any, seed_text: str) -> None:
    from tacitus.api import extract

    record = extract(seed_text, published="2022-01-22").to_dict()
    meeting = _find(record, "CONSULT", "USA", "JPN")[0]
    assert meeting["date"]["value"] == "2022-01-21"
    assert meeting["date"]["text"] == "Friday"


def test_undated_article_leaves_relative_dates_unresolved(seed_record: dict[str, Any]) -> None:
    meeting = _find(seed_record, "CONSULT", "USA", "JPN")[0]
    assert meeting["date"] is None or meeting["date"]["value"] is None
