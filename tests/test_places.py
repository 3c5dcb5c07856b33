"""Toponym detection, resolution and clause attachment on real sentences."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tacitus.mentions.gazetteer import Gazetteer, haversine_km, name_key
from tacitus.mentions.places import find_places, place_for_span

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@pytest.fixture(scope="module")
def nlp() -> Any:
    from tacitus.documents.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


def _places(nlp: Any, text: str, **kw: Any) -> tuple[Any, list[Any]]:
    doc = nlp(text)
    return doc, find_places(doc, **kw)


def _by_text(places: list[Any], text: str) -> Any:
    hits = [p for p in places if p.text == text]
    assert hits, f"{text!r} not among {[p.text for p in places]}"
    return hits[0]


def test_name_key_folds_case_accents_and_dots() -> None:
    assert name_key("São Paulo") == name_key("SAO PAULO") == "sao paulo"
    assert name_key("U.S.") == name_key("US")
    assert name_key("Gilgit-Baltistan") == "gilgit baltistan"


def test_countries_and_aliases_resolve_to_the_country(gaz: Gazetteer) -> None:
    for name, iso3 in [("Taiwan", "TWN"), ("U.S.", "USA"), ("Britain", "GBR"), ("South Korea", "KOR"),
                       ("DPRK", "PRK"), ("Ivory Coast", "CIV")]:
        first = gaz.lookup(name)[0]
        assert (first.country, first.kind) == (iso3, 0), name


def test_seed_sentence_taiwan_airspace_is_the_location(nlp: Any) -> None:
    text = (
        "In recent months, Beijing has increased military exercises near the independent island country, "
        "routinely sending airplanes near Taiwan's airspace."
    )
    doc, places = _places(nlp, text)
    taiwan = _by_text(places, "Taiwan")
    assert taiwan.country == "TWN" and text[taiwan.start : taiwan.end] == "Taiwan"
    assert place_for_span(places, doc, 0, len(text)) in (taiwan, _by_text(places, "Beijing"))
    # The clause of the second verb phrase hangs from "near Taiwan's airspace".
    clause_start = text.index("routinely")
    assert place_for_span(places, doc, clause_start, len(text)) == taiwan


def test_capital_used_as_actor_is_excluded(nlp: Any) -> None:
    text = "In recent months, Beijing has increased military exercises near Taiwan's airspace."
    start = text.index("Beijing")
    _, places = _places(nlp, text, exclude=[(start, start + len("Beijing"))])
    assert [p.text for p in places] == ["Taiwan"]


def test_seas_and_regions(nlp: Any) -> None:
    text = (
        "Japan is concerned about China's increased military presence in South China and the East China Sea, "
        "where Beijing claims a group of unoccupied islets under Tokyo's governance."
    )
    doc, places = _places(nlp, text)
    sea = next(p for p in places if "East China Sea" in p.text)
    assert sea.name == "East China Sea" and sea.lat is not None
    assert doc.text[sea.start : sea.end] == sea.text
    assert _by_text(places, "Tokyo").country == "JPN"


def test_met_in_beijing(nlp: Any) -> None:
    text = "Biden met Xi Jinping in Beijing on Tuesday to discuss trade."
    doc, places = _places(nlp, text)
    beijing = _by_text(places, "Beijing")
    assert beijing.country == "CHN" and beijing.geonameid == 1816670
    assert haversine_km(beijing.lat, beijing.lon, 39.9, 116.4) < 20
    assert place_for_span(places, doc, 0, len(text)) == beijing


def test_paris_france_and_paris_texas_by_context(nlp: Any) -> None:
    _, places = _places(nlp, "Macron returned to Paris after the summit in Brussels.")
    assert _by_text(places, "Paris").country == "FRA"
    _, places = _places(nlp, "The storm flooded streets in Paris, Texas, on Monday, the mayor said.")
    paris = _by_text(places, "Paris")
    assert (paris.country, paris.admin1) == ("USA", "Texas")
    _, places = _places(
        nlp,
        "Texas officials said the tornado hit Dallas before moving northeast. "
        "In Paris, about 25,000 residents lost power.",
    )
    assert _by_text(places, "Paris").admin1 == "Texas"


def test_abbreviated_state_after_city(nlp: Any) -> None:
    _, places = _places(nlp, "The plant in Gainesville, Fla., will close next year.")
    gainesville = _by_text(places, "Gainesville")
    assert gainesville.admin1 == "Florida"


def test_locative_preposition_attaches_on_islands_near_taiwan(nlp: Any) -> None:
    text = "Kishida also indicated that Japan would beef up its defenses on islands near Taiwan."
    doc, places = _places(nlp, text)
    assert place_for_span(places, doc, 0, len(text)) == _by_text(places, "Taiwan")


def test_no_locative_no_location(nlp: Any) -> None:
    text = "Japan criticised China for its statements."
    doc, places = _places(nlp, text)
    assert {p.country for p in places} == {"JPN", "CHN"}
    assert place_for_span(places, doc, 0, len(text)) is None


def test_demonyms_are_places_of_their_own_kind(nlp: Any) -> None:
    text = "Chinese and Russian warships sailed near Japan."
    doc, places = _places(nlp, text)
    assert {(p.text, p.country, p.kind) for p in places} == {
        ("Chinese", "CHN", "demonym"), ("Russian", "RUS", "demonym"), ("Japan", "JPN", "toponym")
    }
    # An adjective is never where the event happened.
    assert place_for_span(places, doc, 0, len(text)).text == "Japan"
    _, places = _places(nlp, text, demonyms=False)
    assert [p.text for p in places] == ["Japan"]


@pytest.mark.shared_data
def test_seed_article_offsets_and_countries(nlp: Any) -> None:
    path = SHARED / "seed" / "article.txt"
    if not path.exists():
        pytest.skip("shared dev data not found at ../shared/data")
    text = path.read_text(encoding="utf-8")
    _doc, places = _places(nlp, text)
    assert all(text[p.start : p.end] == p.text for p in places)
    countries = {p.country for p in places}
    assert {"USA", "JPN", "CHN", "TWN", "RUS", "UKR", "PRK"} <= countries and "KOR" not in countries
    airspace = text.index("Taiwan's airspace")
    assert any(p.start == airspace and p.country == "TWN" for p in places)


def test_cache_path_follows_tacitus_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from tacitus.mentions.gazetteer import index_path

    monkeypatch.setenv("TACITUS_CACHE", str(tmp_path))
    path = index_path()
    assert path.parent == tmp_path and "gnc" in path.name and "pyc" in path.name


def test_in_tokyo_is_the_location_and_dateline_caps(nlp: Any) -> None:
    text = "Protesters gathered in Tokyo on Sunday to oppose the new base."
    doc, places = _places(nlp, text)
    tokyo = place_for_span(places, doc, 0, len(text))
    assert tokyo is not None and tokyo.text == "Tokyo" and tokyo.country == "JPN"
    _, places = _places(nlp, "WASHINGTON (AP) — Senators met on Monday.")
    assert places and places[0].country == "USA"


def test_blank_pipeline_finds_and_attaches_without_a_parse() -> None:
    import spacy

    nlp = spacy.blank("en")
    text = "Troops crossed into the east near Kharkiv."
    doc = nlp(text)
    places = find_places(doc)
    kharkiv = _by_text(places, "Kharkiv")
    assert kharkiv.country == "UKR"
    assert place_for_span(places, doc, 0, len(text)) == kharkiv
    assert find_places(nlp("")) == []


def test_upper_case_dateline_opening_a_sentence_is_a_place(nlp: Any) -> None:
    text = "Officials met on Monday. ALBUQUERQUE, N.M. (AP) - Documents show a state lawmaker resigned."
    _, places = _places(nlp, text)
    p = _by_text(places, "ALBUQUERQUE")
    assert p.country == "USA" and p.admin1 == "New Mexico"


def test_place_split_across_two_entities_is_rejoined(nlp: Any) -> None:
    doc = nlp("ST. LOUIS - Police announced arrests on Tuesday.")
    places = find_places(doc)
    names = {p.name for p in places if p.start == 0}
    assert names == {"St. Louis"}, [(p.text, p.name) for p in places]


def test_state_abbreviation_with_a_dot_is_the_state(nlp: Any) -> None:
    _, places = _places(nlp, "CAMP MURRAY, Wash. - The colonel jokes about his new command.")
    wash = [p for p in places if p.text.startswith("Wash")]
    assert wash and wash[0].admin1 == "Washington" and wash[0].country == "USA"


def test_country_inside_an_organisation_name_is_found(nlp: Any) -> None:
    _, places = _places(nlp, "The animals were flown to Europe by Air Canada Cargo last week.")
    assert _by_text(places, "Canada").country == "CAN"


def test_admin1_aliases_outside_the_us(gaz: Gazetteer) -> None:
    sokoto = [e for e in gaz.lookup("Sokoto State") if e.kind == 1]
    assert sokoto and sokoto[0].country == "NGA"
    # The state's centre, not its capital's coordinates, yet close to the capital.
    assert haversine_km(sokoto[0].lat, sokoto[0].lon, 13.06, 5.24) < 300


def test_street_tagged_as_organisation_is_a_place(nlp: Any) -> None:
    _, places = _places(nlp, "The house stands on Royal Street near the river, where the old market was.")
    assert any(p.text.endswith("Street") for p in places), [p.text for p in places]


def test_acronym_organisation_is_not_a_town(nlp: Any) -> None:
    _, places = _places(nlp, "The UN said on Tuesday that aid convoys had reached the city.")
    assert not [p for p in places if p.text == "UN"], [(p.text, p.country) for p in places]


def test_country_name_used_as_adjective_is_still_the_country(nlp: Any) -> None:
    _, places = _places(nlp, "She spent a year practising at a rural New Zealand hospital with nine beds.")
    assert _by_text(places, "New Zealand").country == "NZL"


def test_dateline_before_a_colon_or_dash(nlp: Any) -> None:
    _, places = _places(nlp, "Graves were desecrated last week. BEIRUT: Unknown assailants removed the doors.")
    assert _by_text(places, "BEIRUT").country == "LBN"
