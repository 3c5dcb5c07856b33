"""Actor resolver behaviour: offsets, ordering, places, dated sectors, loading."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from pathlib import Path

import pytest
import spacy

from tacitus.mentions.actors import ActorResolver
from tacitus.mentions.kb import load_kb

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
FIXTURE_PEOPLE = Path(__file__).parent / "data" / "people_fixture.tsv"


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from tacitus.documents.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="module")
def resolver(tmp_path_factory: pytest.TempPathFactory) -> ActorResolver:
    import os

    os.environ["TACITUS_HOME"] = str(tmp_path_factory.mktemp("home"))
    return ActorResolver.from_files([FIXTURE_PEOPLE])


def test_blank_pipeline_still_finds_dictionary_actors(resolver: ActorResolver) -> None:
    doc = spacy.blank("en")("The Kremlin rejected the offer, while Chinese troops stayed put.")
    found = {(a.text, a.country, a.sector) for a in resolver.find_actors(doc, dt.date(2023, 1, 1))}
    assert ("The Kremlin", "RUS", "GOV") in found
    assert ("Chinese troops", "CHN", "MIL") in found


def test_dated_group_sector(resolver: ActorResolver) -> None:
    before = resolver.lookup("the Taliban", dt.date(2020, 1, 1))
    after = resolver.lookup("the Taliban", dt.date(2022, 1, 1))
    assert before is not None and before.sector == "REB"
    assert after is not None and after.sector == "GOV"


def test_lookup_unknown_name(resolver: ActorResolver) -> None:
    assert resolver.lookup("Qwxzy Plorp") is None


def test_lookup_bare_phrases(resolver: ActorResolver) -> None:
    when = dt.date(2022, 11, 1)

    def sector(name: str) -> str | None:
        actor = resolver.lookup(name, when)
        return actor.sector if actor else None

    # A phrase given as an actor resolves nouns that running text only takes after a country.
    assert sector("students") == "EDU"
    assert sector("authorities") == "GOV"
    # Vague nouns and pronouns are someone unknown; a time word is junk, as PLOVER codes them.
    assert sector("two men") == "UNK"
    assert sector("He") == "UNK"
    assert sector("yesterday") == "JNK"
    assert sector("Congressional group") == "LEG"


def test_lookup_town(resolver: ActorResolver) -> None:
    town = resolver.lookup("Bakhmut", dt.date(2022, 11, 1))
    assert town is not None and (town.country, town.sector) == ("UKR", "CVL")
    assert resolver.lookup("Qwxzy", dt.date(2022, 11, 1)) is None


def test_default_is_cached() -> None:
    assert ActorResolver.default() is ActorResolver.default()


def test_people_file_is_read(tmp_path: Path) -> None:
    people = tmp_path / "people.tsv"
    people.write_text(
        "name\taliases\tcountry\trole\tsector\tstart\tend\twikidata\n"
        "Ana Example\tA. Example\tCHL\tforeign_minister\tGOV\t2020-01-01\t2021-01-01\t\n",
        encoding="utf-8",
    )
    kb = load_kb([people])
    person = kb.phrases["A. Example"][0]
    role, held = person.role_on(dt.date(2020, 6, 1))
    assert role is not None and held and role.country == "CHL"
    role, held = person.role_on(dt.date(2021, 1, 1))  # the end date is the first day out of office
    assert role is not None and not held


def test_place_after_preposition(resolver: ActorResolver, nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Beijing said it would retaliate. Officials met in Beijing on Monday.")
    actors = resolver.find_actors(doc, dt.date(2023, 1, 1))
    beijing = [a for a in actors if a.text == "Beijing"]
    assert len(beijing) == 1 and beijing[0].start == 0 and beijing[0].sector == "GOV"


@pytest.mark.shared_data
def test_offsets_and_order_on_news(resolver: ActorResolver, nlp) -> None:  # type: ignore[no-untyped-def]
    path = SHARED / "news" / "bbc_politics.jsonl"
    if not path.is_file():
        pytest.skip("shared dev data not found at ../shared/data")
    texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8")][:5]
    total = 0
    for doc in nlp.pipe(texts):
        actors = resolver.find_actors(doc, dt.date(2005, 3, 1))
        total += len(actors)
        for a in actors:
            assert doc.text[a.start : a.end] == a.text
        for left, right in itertools.pairwise(actors):
            same_group = (left.start, left.end) == (right.start, right.end)
            assert same_group or left.end <= right.start
    assert total > 30


def _found(resolver: ActorResolver, nlp, text: str, date: dt.date) -> list[tuple[str, str | None, str | None]]:  # type: ignore[no-untyped-def]
    return [(a.text, a.country, a.sector) for a in resolver.find_actors(nlp(text), date)]


def test_they_after_compound_leaders(resolver: ActorResolver, nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("President Joe Biden and Prime Minister Fumio Kishida met at the White House on Friday. "
            "Japan's Prime Minister said they also agreed to deepen cooperation on chips.")
    found = _found(resolver, nlp, text, dt.date(2023, 1, 13))
    assert ("they", "USA", "GOV") in found and ("they", "JPN", "GOV") in found


def test_their_after_compound_states(resolver: ActorResolver, nlp) -> None:  # type: ignore[no-untyped-def]
    found = _found(resolver, nlp, "The US and Japan agreed to strengthen their alliance.", dt.date(2023, 1, 13))
    assert {c for t, c, _ in found if t == "their"} == {"USA", "JPN"}


def test_they_after_plural_group(resolver: ActorResolver, nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Chinese troops crossed the border on Monday. They were pushed back by Indian soldiers."
    assert ("They", "CHN", "MIL") in _found(resolver, nlp, text, dt.date(2020, 6, 16))


def test_they_without_clear_antecedent(resolver: ActorResolver, nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Joe Biden met Fumio Kishida in Tokyo. They discussed trade."
    assert not [t for t, _, _ in _found(resolver, nlp, text, dt.date(2023, 5, 1)) if t == "They"]


SECTORS = frozenset({
    "GOV", "MIL", "COP", "SPY", "LEG", "JUD", "REB", "PRM", "UAF", "OPP", "PTY", "CVL", "REF", "SOC", "NGO",
    "ELI", "EDU", "JRN", "BUS", "LAB", "AGR", "MED", "HLH", "REL", "CRM", "ENV", "PRE", "UNK",
})


def test_officials_rows_are_well_formed() -> None:
    import csv

    import pycountry

    path = Path(__file__).resolve().parents[1] / "src" / "tacitus" / "data" / "kb" / "officials.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader((line for line in handle if not line.startswith("#")), delimiter="\t",
                               quoting=csv.QUOTE_NONE))
    assert rows[0] == ["name", "aliases", "country", "role", "sector", "start", "end", "wikidata"]
    for fields in rows[1:]:
        assert len(fields) == 8, fields
        name, _, country, role, sector, start, end, _ = fields
        assert name and role and sector in SECTORS, fields
        assert not country or country.startswith("igo:") or country in {"XKX", "TWN", "PSE"} or (
            pycountry.countries.get(alpha_3=country) is not None
        ), fields
        if start and end:
            assert dt.date.fromisoformat(start) <= dt.date.fromisoformat(end), fields


def test_sector_agents_use_known_codes() -> None:
    kb = load_kb()
    for entities in kb.phrases.values():
        for entity in entities:
            if entity.kind == "sector":
                assert entity.sector in SECTORS, entity
