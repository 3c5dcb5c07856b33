"""Quote and source attribution on real news sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tacitus.documents.nlp import load_nlp
from tacitus.mentions.attribution.quotes import find_quotes
from tacitus.mentions.attributions import attribution_for_span, find_attributions
from tacitus.records import Attribution

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_nlp()


def _find(nlp, text: str) -> list[Attribution]:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    atts = find_attributions(doc)
    for att in atts:
        assert att.kind in {"direct", "indirect", "source"}
        assert att.speaker is None
        for span in (att.source, att.cue, att.content):
            if span is not None:
                assert text[span.start : span.end] == span.text
    return atts


def _by_source(atts: list[Attribution], source: str) -> Attribution:
    hits = [a for a in atts if a.source is not None and a.source.text == source]
    assert hits, f"no attribution with source {source!r} in {[a.source.text for a in atts if a.source]}"
    return hits[0]


@pytest.fixture(scope="module")
def seed(nlp):  # type: ignore[no-untyped-def]
    path = SHARED / "seed" / "article.txt"
    if not path.exists():
        pytest.skip("shared dev data not found at ../shared/data")
    text = path.read_text(encoding="utf-8")
    return text, _find(nlp, text)


@pytest.mark.shared_data
def test_seed_according_to_al_jazeera(seed) -> None:  # type: ignore[no-untyped-def]
    text, atts = seed
    hits = [a for a in atts if a.source and a.source.text == "Al Jazeera"]
    assert len(hits) == 2
    first = min(hits, key=lambda a: a.source.start)  # type: ignore[union-attr]
    assert first.kind == "source"
    assert first.cue is not None and first.cue.text == "According to"
    assert first.content is not None and first.content.text.startswith("the US and Japan are re-evaluating")


@pytest.mark.shared_data
def test_seed_as_per_outlets(seed) -> None:  # type: ignore[no-untyped-def]
    _, atts = seed
    for outlet in ("AP News", "Reuters"):
        att = _by_source(atts, outlet)
        assert att.kind == "source"
        assert att.cue is not None and att.cue.text == "as per"


@pytest.mark.shared_data
def test_seed_direct_quote_told_members_of_the_media(seed) -> None:  # type: ignore[no-untyped-def]
    _, atts = seed
    att = [a for a in atts if a.cue and a.cue.text.startswith("told")][0]
    assert att.kind == "direct"
    assert att.source is not None and att.source.text == "Kishida"
    assert att.cue is not None and att.cue.text == "told members of the media"
    assert att.content is not None
    assert att.content.text.startswith('"We agreed to work together')
    assert att.content.text.endswith('Indo-Pacific,"')


@pytest.mark.shared_data
def test_seed_biden_posted_on_twitter(seed) -> None:  # type: ignore[no-untyped-def]
    _, atts = seed
    att = [a for a in atts if a.cue and a.cue.text == "posted on Twitter"][0]
    assert att.kind == "direct"
    assert att.source is not None and att.source.text == "Biden"
    assert att.content is not None and att.content.text.startswith('"It was an honor')


@pytest.mark.shared_data
def test_seed_white_house_officials_announced(seed) -> None:  # type: ignore[no-untyped-def]
    _, atts = seed
    att = _by_source(atts, "White House officials")
    assert att.kind == "indirect"
    assert att.cue is not None and att.cue.text == "announced"
    assert att.content is not None and att.content.text.startswith("that the Biden- Kishida meeting")


@pytest.mark.shared_data
def test_seed_reported_speech_sits_inside_the_outlet_attribution(seed) -> None:  # type: ignore[no-untyped-def]
    text, atts = seed
    start = text.index("they also agreed to organize")
    inner = attribution_for_span(atts, start, start + len("they also agreed"))
    assert inner is not None and inner.source is not None
    # The innermost attribution is the Prime Minister's words, not Reuters' report.
    assert inner.source.text in {"Japan's Prime Minister", "they"}
    outer = attribution_for_span(atts, text.index("Japan's Prime Minister said"), text.index("Japan's Prime Minister said") + 5)
    assert outer is not None and outer.source is not None and outer.source.text == "Reuters"


def test_indirect_speech_with_said(nlp) -> None:  # type: ignore[no-untyped-def]
    atts = _find(nlp, "Kishida said Japan would cooperate with the US to prevent a Russian invasion of Ukraine.")
    att = _by_source(atts, "Kishida")
    assert att.kind == "indirect"
    assert att.cue is not None and att.cue.text == "said"
    assert att.content is not None and att.content.text == (
        "Japan would cooperate with the US to prevent a Russian invasion of Ukraine"
    )


def test_ministry_said_in_a_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Beijing will take resolute countermeasures if the sale goes ahead, the ministry said in a statement."
    att = _by_source(_find(nlp, text), "the ministry")
    assert att.cue is not None and att.cue.text == "said in a statement"
    assert att.content is not None and att.content.text.startswith("Beijing will take resolute countermeasures")


def test_outlet_reported_is_a_source_attribution(nlp) -> None:  # type: ignore[no-untyped-def]
    atts = _find(nlp, "Reuters reported that the talks in Geneva had stalled over sanctions relief.")
    att = _by_source(atts, "Reuters")
    assert att.kind == "source"
    assert att.content is not None and att.content.text.startswith("that the talks in Geneva had stalled")


def test_state_media_said(nlp) -> None:  # type: ignore[no-untyped-def]
    atts = _find(nlp, "State media said the military drills around the island would continue through Sunday.")
    att = _by_source(atts, "State media")
    assert att.kind == "source"


def test_straight_quote_before_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = '"We will not back down in the face of threats," Foreign Minister Wang Yi told reporters in Beijing.'
    att = _by_source(_find(nlp, text), "Foreign Minister Wang Yi")
    assert att.kind == "direct"
    assert att.content is not None and att.content.text == '"We will not back down in the face of threats,"'


def test_curly_quote_after_said(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Zelensky said: \u201cUkraine will never recognise the annexation of its territory.\u201d"
    att = _by_source(_find(nlp, text), "Zelensky")
    assert att.kind == "direct"
    assert att.content is not None
    assert att.content.text == "\u201cUkraine will never recognise the annexation of its territory.\u201d"


def test_quote_across_sentence_ends(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "\u201cThe talks were constructive. We agreed to meet again next month in Seoul,\u201d "
        "the South Korean envoy told reporters."
    )
    att = _by_source(_find(nlp, text), "the South Korean envoy")
    assert att.content is not None
    assert att.content.start == 0 and att.content.text.endswith("Seoul,\u201d")


def test_words_inside_a_quote_are_not_attributions(nlp) -> None:  # type: ignore[no-untyped-def]
    text = '"I think they will agree to a ceasefire soon," the mediator said on Tuesday.'
    atts = _find(nlp, text)
    assert [a.source.text for a in atts if a.source] == ["the mediator"]


def test_denial_is_an_attribution(nlp) -> None:  # type: ignore[no-untyped-def]
    atts = _find(nlp, "Though Russia denied such allegations, it threatens to take unspecified military actions.")
    att = _by_source(atts, "Russia")
    assert att.cue is not None and att.cue.text == "denied"
    assert att.content is not None and att.content.text == "such allegations"


def test_according_to_at_the_end(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "At least 40 people were killed in the strike on the market, according to local health officials."
    att = _by_source(_find(nlp, text), "local health officials")
    assert att.kind == "source"
    assert att.content is not None
    assert att.content.text == "At least 40 people were killed in the strike on the market"


def test_attribution_for_span_outside_every_content(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The summit opened in Jakarta. Officials said the agenda was long."
    atts = _find(nlp, text)
    assert attribution_for_span(atts, 0, 10) is None
    start = text.index("the agenda")
    found = attribution_for_span(atts, start, start + 10)
    assert found is not None and found.source is not None and found.source.text == "Officials"


def test_parenthetical_said_reports_its_host_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The golf industry, she said, is doing much better than it has since 2009."
    att = _by_source(_find(nlp, text), "she")
    assert att.cue is not None and att.cue.text == "said"
    assert att.content is not None and att.content.text.startswith("The golf industry")


def test_as_outlet_noted_reports_the_main_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "As The Atlantic recently noted, trust in government is collapsing around the world."
    att = _by_source(_find(nlp, text), "The Atlantic")
    assert att.content is not None and att.content.text.startswith("trust in government is collapsing")


def test_whole_name_before_the_verb_after_a_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    text = '"His strategy, his media campaign, it\'s all a show," Freddy Ortega said.'
    att = _by_source(_find(nlp, text), "Freddy Ortega")
    assert att.kind == "direct"
    assert att.content is not None and att.content.text.startswith('"His strategy')


def test_inverted_speaker_after_an_unquoted_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Voters in Ohio get nervous about trade, said Christine Link, "
        "executive director of the American Civil Liberties Union in Ohio."
    )
    att = _by_source(
        _find(nlp, text), "Christine Link, executive director of the American Civil Liberties Union in Ohio"
    )
    assert att.content is not None and att.content.text == "Voters in Ohio get nervous about trade"


def test_inverted_speaker_with_apposition_after_a_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    text = '"We will win this state," said Richard L. Trumka, president of the A.F.L.-C.I.O. He spoke in Ohio.'
    att = _by_source(_find(nlp, text), "Richard L. Trumka, president of the A.F.L.-C.I.O.")
    assert att.kind == "direct"
    assert att.content is not None and att.content.text == '"We will win this state,"'


def test_hyphenated_words_stay_in_the_source(nlp) -> None:  # type: ignore[no-untyped-def]
    atts = _find(nlp, "The Democratic front-runner said the plan would cost too much.")
    _by_source(atts, "The Democratic front-runner")


def test_descriptive_relative_clause_stays_in_the_source(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Jason Furman, who leads the Council of Economic Advisers, said the figures were encouraging."
    _by_source(_find(nlp, text), "Jason Furman, who leads the Council of Economic Advisers,")


def test_relative_clause_that_speaks_is_its_own_attribution(nlp) -> None:  # type: ignore[no-untyped-def]
    atts = _find(nlp, "Podesta, who said the project was vetted, declined to comment further.")
    inner = _by_source(atts, "who")
    assert inner.content is not None and inner.content.text == "the project was vetted"
    _by_source(atts, "Podesta")


def test_poll_with_participle_and_in_a_poll(nlp) -> None:  # type: ignore[no-untyped-def]
    atts = _find(nlp, "A national poll released Sunday shows Clinton ahead by four points.")
    assert _by_source(atts, "A national poll released Sunday").kind == "source"
    text = "In a new Washington Post-ABC News poll, Clinton led Trump by six points among likely voters."
    att = _by_source(_find(nlp, text), "a new Washington Post-ABC News poll")
    assert att.content is not None and att.content.text.startswith("Clinton led Trump")


def test_clause_hung_on_in_a_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "April Mellody, a spokeswoman for the convention, said in a statement "
        "that the security team would work with the police."
    )
    att = _by_source(_find(nlp, text), "April Mellody, a spokeswoman for the convention,")
    assert att.cue is not None and att.cue.text == "said in a statement"
    assert att.content is not None and att.content.text == "that the security team would work with the police"


def test_speaker_in_the_verbs_own_paragraph(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Latest on the campaign:\n\n9:34 p.m.\n\nDonald Trump has said that he will win New York."
    att = _by_source(_find(nlp, text), "Donald Trump")
    assert att.cue is not None and att.cue.text == "has said"


def test_transcript_speaker_lines(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The interview went on for an hour.\n\n"
        "TAPPER: Do you think the party will unite behind you?\n\nTRUMP: I think it will."
    )
    atts = _find(nlp, text)
    assert _by_source(atts, "TAPPER").cue.text == ":"  # type: ignore[union-attr]
    trump = _by_source(atts, "TRUMP")
    assert trump.content is not None and trump.content.text == "I think it will."


def test_first_reported_by_outlet(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Starr's remarks, first reported by The New York Times on Tuesday, suggested some regret."
    att = _by_source(_find(nlp, text), "The New York Times")
    assert att.cue is not None and att.cue.text == "first reported"
    assert att.content is not None and att.content.text == "Starr's remarks"


def test_that_said_is_not_a_report(nlp) -> None:  # type: ignore[no-untyped-def]
    atts = _find(nlp, "That said, Cruz cannot realistically get enough delegates to win the nomination outright.")
    assert not [a for a in atts if a.source is not None and a.source.text == "That"]


def test_opening_mark_typed_as_closer(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "\u201cApparently not,\u201c he said. \u201cA leopard doesn\u2019t change its spots.\u201d"
    att = _by_source(_find(nlp, text), "he")
    assert att.kind == "direct"
    assert att.content is not None and att.content.text.startswith("\u201cApparently not,\u201c")


def test_clause_before_comma_speaker_said(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "As Trump prepared to speak in Wisconsin on Tuesday, a girl outside the venue was "
        "pepper-sprayed by a bystander, police said."
    )
    att = _by_source(_find(nlp, text), "police")
    assert att.content is not None and att.content.text.startswith("As Trump prepared to speak")
    assert att.content.text.endswith("by a bystander")


def test_quote_pairing() -> None:
    text = 'He said "yes" and \u201cno\u201d.\n"An open quote runs to the paragraph end\nNext.'
    quotes = [(q.start, q.end, q.closed) for q in find_quotes(text)]
    assert [text[s:e] for s, e, _ in quotes] == ['"yes"', "\u201cno\u201d", '"An open quote runs to the paragraph end']
    assert [c for _, _, c in quotes] == [True, True, False]


@pytest.mark.shared_data
def test_polnear_train_sample_source_f1(nlp) -> None:  # type: ignore[no-untyped-def]
    path = SHARED / "polnear" / "train.jsonl"
    if not path.exists():
        pytest.skip("shared dev data not found at ../shared/data")
    with path.open(encoding="utf-8") as fh:
        records = [json.loads(next(fh)) for _ in range(6)]
    tp = n_pred = n_gold = 0
    for rec in records:
        atts = find_attributions(nlp(rec["text"]))
        gold = [(a["source"]["start"], a["source"]["end"]) for a in rec["attributions"] if a["source"]]
        pred = [(a.source.start, a.source.end) for a in atts if a.source]
        n_pred += len(pred)
        n_gold += len(gold)
        tp += sum(1 for p in set(pred) if any(p[0] < g[1] and g[0] < p[1] for g in gold))
    precision, recall = tp / n_pred, tp / n_gold
    # Floors well under the benchmark figures: this guards against breakage, not drift.
    assert precision >= 0.6 and recall >= 0.45
