"""The temporal tagger on real news sentences, with fixed publication dates."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tacitus.mentions.times import attach_time, find_times
from tacitus.records import TimeRef

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
PUBLISHED = dt.date(2022, 1, 21)  # a Friday


def values(text: str, published: dt.date | None = PUBLISHED, **kwargs: object) -> dict[str, str | None]:
    return {ref.text: ref.value for ref in find_times(text, published, **kwargs)}  # type: ignore[arg-type]


def only(text: str, published: dt.date | None = PUBLISHED, **kwargs: object) -> TimeRef:
    refs = find_times(text, published, **kwargs)  # type: ignore[arg-type]
    assert len(refs) == 1, refs
    return refs[0]


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from tacitus.documents.nlp import load_nlp

    return load_nlp()


# --- the seed article -------------------------------------------------------------------------


@pytest.mark.shared_data
def test_seed_article_dates() -> None:
    path = DATA / "seed" / "article.txt"
    if not path.exists():
        pytest.skip("shared dev data not found at ../shared/data")
    text = path.read_text(encoding="utf-8")
    refs = find_times(text, dt.date(2022, 1, 22))
    for ref in refs:
        assert text[ref.start : ref.end] == ref.text
    by_text = {ref.text: ref for ref in refs}
    assert by_text["Friday"].value == "2022-01-21"
    assert by_text["Friday"].precision == "day"
    assert by_text["this week"].value == "2022-W03"
    assert by_text["2022"].value == "2022"
    assert by_text["recent months"].value == "2021-10/2022-01-22"
    octobers = [ref for ref in refs if ref.text == "October"]
    assert [ref.value for ref in octobers] == ["2021-10", "2021-10"]
    assert not any("minutes" in ref.text for ref in refs)


@pytest.mark.shared_data
def test_seed_article_with_parse(nlp) -> None:  # type: ignore[no-untyped-def]
    path = DATA / "seed" / "article.txt"
    if not path.exists():
        pytest.skip("shared dev data not found at ../shared/data")
    text = path.read_text(encoding="utf-8")
    refs = find_times(text, dt.date(2022, 1, 22), doc=nlp(text))
    by_text = {ref.text: ref.value for ref in refs}
    assert by_text["Friday"] == "2022-01-21"
    assert [ref.value for ref in refs if ref.text == "October"][0] == "2021-10"


def test_seed_sentences() -> None:
    sentence = (
        "United States President Joe Biden and Japanese Prime Minister Fumio Kishida held their "
        "first formal meeting on Friday that touched fresh concerns on North Korea's nuclear program."
    )
    ref = only(sentence, dt.date(2022, 1, 22))
    assert (ref.text, ref.value, ref.precision) == ("Friday", "2022-01-21", "day")
    assert sentence[ref.start : ref.end] == "Friday"
    ref = only(
        "The virtual meeting was the first substantial talk between the two leaders since Kishida "
        "took office in October.",
        dt.date(2022, 1, 22),
    )
    assert (ref.text, ref.value, ref.precision) == ("October", "2021-10", "month")


# --- absolute dates -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected_text", "expected"),
    [
        ("The ministers met in Brussels on Jan. 21, 2022, to discuss sanctions.", "Jan. 21, 2022", "2022-01-21"),
        ("The accord was signed on 21 January 2022 in Geneva.", "21 January 2022", "2022-01-21"),
        ("Talks resumed on January 19 after a two-week pause.", "January 19", "2022-01-19"),
        ("The decree, dated 2022-01-18, was published by the ministry.", "2022-01-18", "2022-01-18"),
        ("Police said the protest began on 1/17/2022 in the capital.", "1/17/2022", "2022-01-17"),
        ("The summit opens on Friday, March 4, 2022, in Warsaw.", "Friday, March 4, 2022", "2022-03-04"),
        ("Elections were last held in November 2020.", "November 2020", "2020-11"),
        ("The border was closed on the 3rd of January.", "the 3rd of January", "2022-01-03"),
        ("Fighting broke out in 2014 and never fully stopped.", "2014", "2014"),
        ("Figures for 2022-W02 showed a sharp rise in arrests.", "2022-W02", "2022-W02"),
        ("The 1994 genocide left deep scars on the country.", "1994", "1994"),
    ],
)
def test_absolute_dates(sentence: str, expected_text: str, expected: str) -> None:
    found = values(sentence)
    assert found.get(expected_text) == expected, found


def test_month_day_without_year_stays_in_the_publication_year() -> None:
    # News writes "Dec. 7" for the coming December 7 even in a past-tense sentence.
    ref = only("The regulator said the rules take effect Dec. 7.", dt.date(1989, 10, 30))
    assert ref.value == "1989-12-07"
    ref = only("Troops crossed the border on Dec. 28, officials said.", dt.date(2022, 1, 5))
    assert ref.value == "2021-12-28"


def test_day_ranges_and_from_to() -> None:
    ref = only("Delegates will gather in Vienna on January 24-26 for the next round.")
    assert (ref.value, ref.precision) == ("2022-01-24/2022-01-26", "range")
    ref = only("The ceasefire held from January to March 2021, monitors said.")
    assert (ref.value, ref.precision) == ("2021-01/2021-03", "range")
    ref = only("The party ruled between 2009 and 2012.")
    assert ref.value == "2009/2012"


# --- relative days and weekdays -----------------------------------------------------------------


def test_yesterday_today_tonight() -> None:
    found = values(
        "The president spoke yesterday and will address parliament tonight, after a cabinet "
        "meeting this morning; the vote is tomorrow."
    )
    assert found == {
        "yesterday": "2022-01-20",
        "tonight": "2022-01-21",
        "this morning": "2022-01-21",
        "tomorrow": "2022-01-22",
    }


def test_weekdays_with_and_without_modifiers() -> None:
    published = dt.date(2022, 1, 19)  # a Wednesday
    assert only("Rebels shelled the town on Monday.", published).value == "2022-01-17"
    assert only("Rebels shelled the town last Wednesday.", published).value == "2022-01-12"
    assert only("The envoy arrives next Tuesday.", published).value == "2022-01-25"
    assert only("The two leaders will meet on Friday.", published).value == "2022-01-21"
    assert only("The two leaders met on Friday.", published).value == "2022-01-14"
    ref = only("Protesters clashed with police on Tuesday night in the capital.", published)
    assert (ref.text, ref.value) == ("Tuesday night", "2022-01-18")
    assert only("Sunday's election drew a record turnout.", published).value == "2022-01-16"


def test_weekday_tense_from_parse(nlp) -> None:  # type: ignore[no-untyped-def]
    published = dt.date(2022, 1, 19)
    # The report is dated, not what it announces, however the parse attaches "on Friday".
    text = "The ministry said on Friday it will send more troops to the border."
    assert only(text, published, doc=nlp(text)).value == "2022-01-14"
    text = "The vote, scheduled for Friday, could topple the government."
    assert only(text, published, doc=nlp(text)).value == "2022-01-21"
    text = "The president is meeting his counterpart on Thursday."
    assert only(text, published, doc=nlp(text)).value == "2022-01-20"
    text = "Foreign ministers are expected to sign the agreement on Friday in Geneva."
    assert only(text, published, doc=nlp(text)).value == "2022-01-21"
    text = "Foreign ministers signed the agreement on Friday in Geneva."
    assert only(text, published, doc=nlp(text)).value == "2022-01-14"


# --- months, seasons and periods ----------------------------------------------------------------


def test_month_year_from_tense() -> None:
    assert only("Prices rose sharply in October, the central bank said.").value == "2021-10"
    assert only("The talks will resume in October.").value == "2022-10"
    assert only("The vote will be held in December.").value == "2022-12"
    assert only("The vote was held in December.").value == "2021-12"


def test_month_year_from_parse(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "In March, the opposition won a majority in parliament."
    assert only(text, doc=nlp(text)).value == "2021-03"
    text = "Kishida said Japan would revise its security strategy in October."
    assert only(text, doc=nlp(text)).value == "2022-10"


def test_seasons() -> None:
    assert only("The offensive stalled last summer.").value == "2021-SU"
    assert only("The army plans a new offensive this spring.").value == "2022-SP"
    assert only("Drought hit the region in the summer of 2020.").value == "2020-SU"
    ref = only("Lawmakers will return in the fall.")
    assert (ref.text, ref.value, ref.precision) == ("the fall", "2022-FA", "season")


def test_relative_periods() -> None:
    found = values(
        "Officials said last month that the mission would end next year; earlier this month "
        "they added troops, and this week they signed a new deal."
    )
    assert found == {
        "last month": "2021-12",
        "next year": "2023",
        "earlier this month": "2022-01",
        "this week": "2022-W03",
    }
    ref = only("The ceasefire collapsed two weeks ago.")
    assert (ref.value, ref.precision) == ("2022-W01", "week")
    assert only("The company was founded 25 years ago.").value == "1997"


def test_rolling_periods_end_at_publication() -> None:
    ref = only("At least two children have died in the camp in the past week.")
    assert (ref.text, ref.value, ref.precision) == ("the past week", "2022-01-14/2022-01-21", "range")
    assert only("Prices rose 40% over the last year.").value == "2021-01-21/2022-01-21"
    assert only("The previous year had been calm.").value == "2021"


def test_weekends() -> None:
    monday = dt.date(2022, 1, 24)
    ref = only("Protesters gathered in the capital over the weekend.", monday)
    assert (ref.text, ref.value, ref.precision) == ("the weekend", "2022-01-22/2022-01-23", "range")
    assert only("The talks resume next weekend.", monday).value == "2022-01-29/2022-01-30"


def test_capitalised_programme_names_are_not_days() -> None:
    assert find_times("He told BBC Radio 4's Today programme that the plan had failed.", PUBLISHED) == []
    assert only("Today, the army shelled the port.").value == "2022-01-21"


def test_since_and_recent_ranges() -> None:
    ref = only("Inflation has doubled since October.")
    assert (ref.text, ref.value, ref.precision) == ("since October", "2021-10/2022-01-21", "range")
    ref = only("Attacks have risen in recent months.")
    assert (ref.text, ref.value, ref.precision) == ("recent months", "2021-10/2022-01-21", "range")
    assert only("The group has been banned since 2019.").value == "2019/2022-01-21"


def test_decades_centuries_quarters() -> None:
    found = values("The conflict dates back to the 1990s and the late 1970s, not the 20th century.")
    assert found["the 1990s"] == "1990/1999"
    assert found["the late 1970s"] == "1970/1979"
    assert found["the 20th century"] == "1900/1999"
    assert only("Growth slowed in the third quarter of 2021.").value == "2021-07/2021-09"
    ref = only("Net income rose in the fourth quarter.", dt.date(2022, 2, 10))
    assert ref.value == "2022-10/2022-12" or ref.value == "2021-10/2021-12"
    assert only("Third-quarter profit fell 5%.", dt.date(1989, 10, 26)).value == "1989-07/1989-09"


# --- what is not a date --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The talk, which lasted around 80 minutes, touched on missiles.",
        "He served as governor for three years before the coup.",
        "Russia had positioned around 100,000 troops near Ukraine's border.",
        "More than 2000 people fled the fighting.",
        "Russia may invade if talks fail.",
        "Thousands march through the capital every week.",
        "The government approved a five-year plan for the region.",
        "Turnout reached 1995 voters in the district.",
        "Unionists say the Good Friday Agreement must be protected.",
        "Refugees have streamed out since the fall of Kabul.",
        "Theresa May spoke to the president by phone.",
    ],
)
def test_durations_and_numbers_are_not_dates(sentence: str) -> None:
    assert find_times(sentence, PUBLISHED) == []


def test_unknown_publication_date() -> None:
    refs = find_times("Ministers met on Friday and will meet again on March 3, 2022, and in the 1990s.", None)
    found = {ref.text: (ref.value, ref.precision) for ref in refs}
    assert found["Friday"] == (None, "day")
    assert found["March 3, 2022"] == ("2022-03-03", "day")
    assert found["the 1990s"] == ("1990/1999", "decade")
    assert only("Violence has surged since 2019.", None).value == "2019/.."


def test_publication_datetime_is_accepted() -> None:
    assert only("The vote took place yesterday.", dt.datetime(2022, 1, 21, 9, 30)).value == "2022-01-20"


# --- attaching a time to a clause ---------------------------------------------------------------


def test_attach_time_prefers_day_precision_inside_the_span() -> None:
    text = "In 2021 the two sides fought, and on Tuesday they signed a truce. Talks continue next week."
    refs = find_times(text, PUBLISHED)
    first_sentence_end = text.index(".") + 1
    chosen = attach_time(refs, 0, first_sentence_end)
    assert chosen is not None and chosen.text == "Tuesday"
    second = attach_time(refs, first_sentence_end, len(text))
    assert second is not None and second.text == "next week"
    assert attach_time(refs, text.index("they"), text.index("truce")) is None


def test_attach_time_breaks_ties_by_distance() -> None:
    text = "On Monday rebels attacked a convoy and on Tuesday troops retook the town."
    refs = find_times(text, PUBLISHED)
    chosen = attach_time(refs, 0, len(text), anchor=text.index("retook"))
    assert chosen is not None and chosen.text == "Tuesday"


# --- whole articles -----------------------------------------------------------------------------


@pytest.mark.shared_data
def test_offsets_hold_on_real_articles() -> None:
    path = DATA / "news" / "guardian_sample.jsonl"
    if not path.exists():
        pytest.skip("shared dev data not found at ../shared/data")
    with path.open(encoding="utf-8") as lines:
        articles = [json.loads(line) for _, line in zip(range(40), lines, strict=False)]
    total = 0
    for article in articles:
        text = article["text"]
        published = dt.date.fromisoformat(article["published"][:10]) if article.get("published") else None
        refs = find_times(text, published)
        total += len(refs)
        previous_end = -1
        for ref in refs:
            assert text[ref.start : ref.end] == ref.text
            assert ref.start >= previous_end
            previous_end = ref.end
            assert ref.precision in {"day", "week", "month", "season", "year", "decade", "range"}
    assert total > 40


# --- robustness ---------------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "on Friday", "since October", "Jan. 21, 2022", "21 January", "the 1990s", "last week",
        "two weeks ago", "from", "to", "between", "and", "2019-2021", "1/21/2022", "May", "may",
        "the third quarter", "this spring", "tonight", "Tuesday night", "80 minutes", "2000 troops",
        "next", "last", "the", "of", "2022-W03", ",", ".", " ", "-", "since", "year", "s", "'",
    ]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=14), st.sampled_from([PUBLISHED, None, dt.date(2020, 12, 31)]))
def test_any_text_gives_ordered_exact_spans(pieces: list[str], published: dt.date | None) -> None:
    text = " ".join(pieces)
    refs = find_times(text, published)
    end = -1
    for ref in refs:
        assert text[ref.start : ref.end] == ref.text
        assert ref.start >= end
        end = ref.end
        if published is None and ref.value is not None:
            assert ".." in ref.value or "-" in ref.value or ref.value[:4].isdigit()


def test_doc_of_another_text_is_ignored(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Something else entirely.")
    ref = only("The ministers met on Friday.", dt.date(2022, 1, 19), doc=doc)
    assert ref.value == "2022-01-14"


@pytest.mark.shared_data
def test_timebank_floor() -> None:
    """Pinned floors for the TimeBank benchmark (regex tense); raise them, never lower them."""
    import importlib.util

    path = DATA / "timebank" / "timebank.jsonl"
    if not path.exists():
        pytest.skip("shared dev data not found at ../shared/data")
    script = Path(__file__).resolve().parents[1] / "benchmarks" / "timebank.py"
    spec = importlib.util.spec_from_file_location("timebank_benchmark", script)
    assert spec is not None and spec.loader is not None
    benchmark = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(benchmark)
    with path.open(encoding="utf-8") as lines:
        docs = [json.loads(line) for line in lines]
    result = benchmark.score(docs, use_spacy=False, show_errors=False)
    assert result["value_accuracy"] >= 0.86
    assert result["recall"] >= 0.80
    assert result["precision"] >= 0.97
