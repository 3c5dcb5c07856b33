"""Event coding on real news sentences: type, roles, modality and derived codes."""

from __future__ import annotations

from typing import Any

import pytest


def _events(coder: Any, text: str, published: str = "2024-03-01") -> list[dict[str, Any]]:
    from tacitus.api import extract

    return [e.to_dict() for e in extract(text, published=published).events]


def _codes(actors: list[dict[str, Any]]) -> list[str | None]:
    return [a["country"] or a["igo"] for a in actors]


def _one(events: list[dict[str, Any]], event_type: str) -> dict[str, Any]:
    found = [e for e in events if e["event_type"] == event_type]
    assert found, [(e["event_type"], e["trigger"]["text"]) for e in events]
    return found[0]


@pytest.mark.parametrize(
    ("text", "event_type", "source", "target"),
    [
        ("A Ukrainian hospital was attacked by Russian forces on Monday.", "ASSAULT", "RUS", "UKR"),
        ("Chinese Foreign Minister Wang Yi met with Russian Foreign Minister Sergei Lavrov in Beijing on Tuesday.", "CONSULT", "CHN", "RUS"),
        ("Iran accused Israel of attacking its consulate in Damascus.", "ACCUSE", "IRN", "ISR"),
        ("The European Union imposed new sanctions on Belarus on Friday.", "SANCTION", "EU", "BLR"),
        ("Russia's invasion of Ukraine began in February 2022.", "ASSAULT", "RUS", "UKR"),
        ("Japan slammed North Korea's launch of ballistic missiles.", "ACCUSE", "JPN", "PRK"),
        ("Egypt urged Israel to open more crossings into Gaza.", "REQUEST", "EGY", "ISR"),
        ("Poland sent troops to its border with Belarus.", "MOBILIZE", "POL", None),
        ("The United States provided emergency aid to Turkey after the earthquake.", "AID", "USA", "TUR"),
        ("Thousands of protesters rallied against the Serbian government in Belgrade.", "PROTEST", None, "SRB"),
        ("Police in Georgia arrested dozens of opposition supporters.", "COERCE", "GEO", None),
        ("Hamas released four Israeli hostages on Saturday.", "RETREAT", "PSE", "ISR"),
        ("India rejected Pakistan's offer of talks.", "REJECT", "IND", "PAK"),
    ],
)
def test_type_and_roles(coder: Any, text: str, event_type: str, source: str | None, target: str | None) -> None:
    event = _one(_events(coder, text), event_type)
    if source:
        assert source in _codes(event["source"]), event["source"]
    if target:
        assert target in _codes(event["target"]) + _codes(event["source"]), event["target"]


def test_compound_subject_is_one_event_with_both_sides(coder: Any) -> None:
    events = _events(coder, "The United States and Japan agreed to expand their defence cooperation.")
    agree = [e for e in events if e["event_type"] == "AGREE"]
    assert len(agree) == 1
    assert set(_codes(agree[0]["source"])) == {"USA", "JPN"}


def test_coordinated_adjectives_share_the_head_noun(coder: Any) -> None:
    events = _events(coder, "Chinese and Russian warships held joint military drills near Japan on Tuesday.")
    mobilize = _one(events, "MOBILIZE")
    assert [(a["country"], a["sector"]) for a in mobilize["source"]] == [("CHN", "MIL"), ("RUS", "MIL")]
    assert [a["text"] for a in mobilize["source"]] == ["Chinese", "Russian warships"]


def test_talks_between_two_states(coder: Any) -> None:
    event = _one(_events(coder, "Talks between Armenia and Azerbaijan resumed in Washington on Monday."), "CONSULT")
    assert {"ARM", "AZE"} <= set(_codes(event["source"]) + _codes(event["target"]))


def test_negated(coder: Any) -> None:
    event = _one(_events(coder, "Israeli troops did not attack the hospital in Rafah on Tuesday."), "ASSAULT")
    assert event["modality"]["negated"]


def test_future_and_planned(coder: Any) -> None:
    event = _one(_events(coder, "Germany plans to send tanks to Ukraine next month."), "MOBILIZE")
    assert event["modality"]["future"]
    event = _one(_events(coder, "France will host the leaders of Britain and Germany on Friday."), "CONSULT")
    assert event["modality"]["future"]


def test_conditional_threat(coder: Any) -> None:
    event = _one(
        _events(coder, "Iran threatened to close the Strait of Hormuz if new sanctions are imposed."),
        "THREATEN",
    )
    assert event["modality"]["hypothetical"]
    assert _codes(event["source"]) == ["IRN"]


def test_denied_action(coder: Any) -> None:
    events = _events(coder, "Russia denied attacking the aid convoy near Aleppo.")
    assert _one(events, "REJECT")["source"][0]["country"] == "RUS"
    assert _one(events, "ASSAULT")["modality"]["denied"]


def test_alleged_is_claimed(coder: Any) -> None:
    events = _events(coder, "Officials in Seoul said North Korea had allegedly fired two missiles toward Japan.")
    assert any(e["modality"]["claimed"] for e in events)


def test_sentence_without_event(coder: Any) -> None:
    assert _events(coder, "Inflation in the euro area rose to 2.4 percent in March, official figures showed.") == []


def test_natural_disaster_is_not_an_assault(coder: Any) -> None:
    events = _events(coder, "A magnitude 7.8 earthquake struck southern Turkey and northern Syria on Monday.")
    assert not [e for e in events if e["event_type"] == "ASSAULT"]


def test_naming_is_not_a_phone_call(coder: Any) -> None:
    events = _events(coder, "Biden called Russian President Vladimir Putin a war criminal on Wednesday.")
    assert not [e for e in events if e["event_type"] == "CONSULT"]


def test_derived_codes(coder: Any) -> None:
    event = _one(_events(coder, "Russian forces shelled the city of Kharkiv overnight."), "ASSAULT")
    assert event["quad_class"] == 4
    assert event["cameo_root"] in ("18", "19", "20")
    assert -10 <= event["intensity"] <= -9
    assert 0 < event["confidence"] < 1
    consult = _one(_events(coder, "Chinese President Xi Jinping met French President Emmanuel Macron in Paris."), "CONSULT")
    assert consult["quad_class"] == 1 and consult["cameo_root"] == "04" and consult["intensity"] == 1.0


def test_event_ids_are_stable(coder: Any) -> None:
    text = "Turkey agreed to back Sweden's bid to join NATO."
    assert [e["id"] for e in _events(coder, text)] == [e["id"] for e in _events(coder, text)]


def test_date_of_the_clause_not_of_an_embedded_clause(coder: Any) -> None:
    events = _events(coder, "Turkey agreed to back Sweden's bid to join NATO on Monday.", published="2023-07-11")
    assert _one(events, "SUPPORT")["date"]["value"] == "2023-07-10"
    events = _events(
        coder,
        "Biden and Kishida held their first talks on Friday since Kishida took office in October.",
        published="2022-01-22",
    )
    assert _one(events, "CONSULT")["date"]["value"] == "2022-01-21"


def test_withdrawal_from_a_country(coder: Any) -> None:
    events = _events(coder, "The United States completed its military withdrawal from Afghanistan on 30 August.")
    event = _one(events, "RETREAT")
    assert _codes(event["source"]) == ["USA"]
    assert "AFG" not in _codes(event["source"])
