"""Place kinds (toponym, demonym, approximate, metonym) on real sentences, and what events may use."""

from __future__ import annotations

from typing import Any

import pytest

from tacitus.mentions.gazetteer import Gazetteer, haversine_km
from tacitus.mentions.places import find_places, place_for_span


@pytest.fixture(scope="module")
def nlp() -> Any:
    from tacitus.documents.nlp import load_nlp

    return load_nlp()


def _by_text(places: list[Any], text: str) -> Any:
    hits = [p for p in places if p.text == text]
    assert hits, f"{text!r} not among {[p.text for p in places]}"
    return hits[0]


def test_local_names_are_placed_at_the_main_town(nlp: Any) -> None:
    text = (
        "NEW ORLEANS (AP) - The parade left the Faubourg Marigny and rolled down Royal Street "
        "before ending near the river in New Orleans."
    )
    places = find_places(nlp(text))
    town = _by_text(places, "New Orleans")
    assert (town.kind, town.admin1) == ("toponym", "Louisiana")
    for name in ("Faubourg Marigny", "Royal Street"):
        p = _by_text(places, name)
        assert p.kind == "approximate" and p.name is None and p.geonameid is None
        assert (p.country, p.admin1, p.lat, p.lon) == (town.country, town.admin1, town.lat, town.lon)
        assert text[p.start : p.end] == p.text


def test_without_approximation_local_names_have_no_coordinates(nlp: Any) -> None:
    places = find_places(nlp("The parade rolled down Royal Street in New Orleans."), approximate=False)
    street = _by_text(places, "Royal Street")
    assert street.kind == "toponym" and street.lat is None and street.country is None


def test_demonyms_are_their_country_but_never_the_location(nlp: Any) -> None:
    text = "Japanese and Chinese diplomats met in Hanoi on Monday."
    doc = nlp(text)
    places = find_places(doc)
    assert {(p.text, p.kind, p.country) for p in places} >= {
        ("Japanese", "demonym", "JPN"), ("Chinese", "demonym", "CHN"), ("Hanoi", "toponym", "VNM")
    }
    location = place_for_span(places, doc, 0, len(text))
    assert location is not None and location.text == "Hanoi"


def test_an_approximate_place_is_not_an_event_location(nlp: Any) -> None:
    text = "NEW ORLEANS - Protesters marched along Royal Street on Saturday."
    doc = nlp(text)
    places = find_places(doc)
    assert _by_text(places, "Royal Street").kind == "approximate"
    assert place_for_span(places, doc, text.index("Protesters"), len(text)) is None


def test_a_hospital_filed_as_an_organisation_sits_in_its_town(nlp: Any) -> None:
    places = find_places(nlp("He was pronounced dead at Northwestern Memorial Hospital in Chicago, police said."))
    hospital = _by_text(places, "Northwestern Memorial Hospital")
    chicago = _by_text(places, "Chicago")
    assert hospital.kind == "approximate" and chicago.kind == "toponym"
    assert haversine_km(hospital.lat, hospital.lon, chicago.lat, chicago.lon) < 1


def test_a_police_department_names_its_town(nlp: Any) -> None:
    places = find_places(nlp("Officers from the Beverly Hills Police Department arrested two men on Tuesday."))
    town = _by_text(places, "Beverly Hills")
    assert (town.kind, town.country, town.admin1) == ("toponym", "USA", "California")


def test_adjective_inside_an_organisation_name(nlp: Any) -> None:
    places = find_places(nlp("Athletes trained under the Philippine Sports Commission last year."))
    assert _by_text(places, "Philippine").country == "PHL"


def test_ocean_points_are_geonames_points() -> None:
    gaz = Gazetteer.default()
    pacific = gaz.lookup("Pacific Ocean")[0]
    assert pacific.geonameid == 2363254
    assert haversine_km(pacific.lat, pacific.lon, 3.51, -132.19) < 20


def test_pipeline_keeps_places_that_are_also_actors(coder: Any, check_record: Any) -> None:
    from tacitus.api import extract

    text = "Beijing said on Tuesday that Chinese warships would hold drills near Taiwan."
    record = extract(text).to_dict()
    check_record(record)
    places = {p["text"]: p for p in record["mentions"]["places"]}
    assert places["Beijing"]["kind"] == "metonym" and places["Beijing"]["country"] == "CHN"
    assert places["Chinese"]["kind"] == "demonym"
    for event in record["events"]:
        assert event["location"] is None or event["location"]["kind"] == "toponym"


def test_legislator_party_and_state_tags(nlp: Any) -> None:
    places = find_places(nlp("Rep. James Clyburn, D-S.C., and Sen. Lindsey Graham (R-SC) backed the bill."))
    assert [(p.text, p.admin1) for p in places] == [("S.C.", "South Carolina"), ("SC", "South Carolina")]


def test_washington_state_is_the_state(nlp: Any) -> None:
    text = "Washington state troopers closed the highway; later, Washington said the road would reopen."
    places = find_places(nlp(text))
    assert [(p.text, p.admin1) for p in places if p.text == "Washington"] == [
        ("Washington", "Washington"), ("Washington", "Washington")
    ]


def test_place_inside_an_actor_name_is_not_the_location(coder: Any) -> None:
    from tacitus.api import extract

    text = (
        "The document was signed by representatives of Ukraine, Russia and the Organization for "
        "Security and Co-operation in Europe on Thursday."
    )
    record = extract(text).to_dict()
    assert any(p["text"] == "Europe" for p in record["mentions"]["places"])
    assert record["events"]
    assert all((e["location"] or {}).get("text") != "Europe" for e in record["events"])


def test_a_capital_named_for_its_government_is_a_metonym_not_a_location() -> None:
    import tacitus

    text = (
        "Beijing condemned the drills on Monday, and the Kremlin rejected the claim. "
        "Later, Xi Jinping met Vladimir Putin in Beijing. China said the talks went well."
    )
    record = tacitus.extract(text, published="2023-03-21")
    actors = {(a.text, a.country, a.sector) for a in record.mentions.actors}
    assert {("Beijing", "CHN", "GOV"), ("the Kremlin", "RUS", "GOV")} <= actors
    kinds = [(p.text, p.kind) for p in record.mentions.places]
    assert kinds.count(("Beijing", "metonym")) == 1  # the one that condemned
    assert kinds.count(("Beijing", "toponym")) == 1  # where they met
    assert ("Kremlin", "metonym") in kinds
    assert ("China", "toponym") in kinds  # a country named as an actor is still a place
    for event in record.events:
        assert event.location is None or event.location.kind == "toponym"
