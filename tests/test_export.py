"""Exports of a store coded from the demo reports, read back with the tools analysts use."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from tacitus.cli.main import main
from tacitus.errors import ConfigError, QueryError
from tacitus.query.export import GDELT_COLUMNS, export
from tacitus.query.filters import EventFilter
from tacitus.records import EVENT_TYPES
from tacitus.store.duck import Store

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_api import build_demo_store  # noqa: E402  (the same cached demo store)


@pytest.fixture(scope="module")
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    cache = (
        Path(request.config.cache.mkdir("tacitus-demo-store"))
        if getattr(request.config, "cache", None)
        else tmp_path_factory.mktemp("demo-cache")
    )
    return build_demo_store(cache, tmp_path_factory.mktemp("export") / "demo.duckdb")


@pytest.fixture(scope="module")
def store(db: Path) -> Store:
    return Store(db)


def matching_ids(store: Store, **filters: Any) -> set[str]:
    return set(store.events(EventFilter(limit=10_000, **filters))["id"])


def article_texts(store: Store) -> dict[str, str]:
    frame = store.query("SELECT id, text FROM articles")
    return dict(zip(frame["id"], frame["text"], strict=True))


def test_store_events_is_a_dataframe(store: Store) -> None:
    frame = store.events(event_type="ASSAULT", limit=500)
    assert len(frame) > 0 and set(frame["event_type"]) == {"ASSAULT"}


def test_jsonl_writes_every_article_record(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "articles.jsonl"
    written = export(store, "jsonl", out)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert written == len(records) == store.counts()["articles"]
    for record in records:
        assert {"id", "text", "events", "mentions", "errors", "coder"} <= set(record)
        for event in record["events"]:
            trigger = event["trigger"]
            assert record["text"][trigger["start"]:trigger["end"]] == trigger["text"]


def test_jsonl_with_a_filter_keeps_articles_with_a_match(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "assault.jsonl"
    export(store, "jsonl", out, EventFilter(event_type="ASSAULT"))
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    expected = set(store.events(EventFilter(event_type="ASSAULT", limit=10_000))["article_id"])
    assert {r["id"] for r in records} == expected
    assert all(any(e["event_type"] == "ASSAULT" for e in r["events"]) for r in records)


def test_csv_is_one_flat_row_per_matching_event(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    written = export(store, "csv", out, EventFilter(actor="USA"))
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert written == len(rows) and {r["id"] for r in rows} == matching_ids(store, actor="USA")
    texts = article_texts(store)
    for row in rows:
        assert "USA" in row["source_codes"].split(";") + row["target_codes"].split(";")
        start, end = int(row["trigger_start"]), int(row["trigger_end"])
        assert texts[row["article_id"]][start:end] == row["trigger_text"]
        assert len(row["source_names"].split(";")) == len(row["source_codes"].split(";")) or not row["source_codes"]
    everything = tmp_path / "all.csv"
    assert export(store, "csv", everything) == store.counts()["events"]


def test_parquet_reads_back_with_types_in_pandas_and_duckdb(store: Store, tmp_path: Path) -> None:
    import duckdb
    import pandas as pd

    out = tmp_path / "events.parquet"
    written = export(store, "parquet", out, EventFilter(since="2018-01-01"))
    frame = pd.read_parquet(out)
    assert written == len(frame) and set(frame["id"]) == matching_ids(store, since="2018-01-01")
    assert pd.api.types.is_integer_dtype(frame["quad_class"])
    assert pd.api.types.is_float_dtype(frame["intensity"])
    assert pd.api.types.is_bool_dtype(frame["factual"])
    count = duckdb.sql(f"SELECT count(*) FROM read_parquet('{out}') WHERE event_date >= DATE '2018-01-01'")
    assert count.fetchall()[0][0] == written


def test_plover_records(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.plover.jsonl"
    written = export(store, "plover", out)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert written == len(records) == store.counts()["events"]
    texts = article_texts(store)
    for record in records:
        assert {"id", "date", "source", "event"} <= set(record)
        assert len(record["event"]) == 1 and record["event"][0] in EVENT_TYPES
        assert record["quad_code"] in (1, 2, 3, 4)
        for actor in record["source"] + record["recipient"]:
            assert actor["actor_text"]
        text = texts[record["tacitus"]["article_id"]]
        info = record["text_info"]
        assert text[info["start"]:info["end"]] == record["event_text"][0]
        trigger = record["tacitus"]["trigger"]
        assert text[trigger["start"]:trigger["end"]] == trigger["text"]
        if "event_loc" in record:
            loc = record["event_loc"]
            assert len(loc.get("cc3", "XXX")) == 3 and len(loc.get("country_code", "XX")) == 2
            assert ("country_code" in loc) <= ("cc3" in loc)
            assert -90 <= loc.get("latitude", 0) <= 90 and loc.get("name")
    located = [r for r in records if "event_loc" in r]
    assert located


def test_gdelt_tsv_has_gdelt_columns(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    written = export(store, "gdelt", out)
    lines = out.read_text(encoding="utf-8").splitlines()
    header, rows = lines[0].split("\t"), [line.split("\t") for line in lines[1:]]
    assert header == list(GDELT_COLUMNS) and len(header) == 61
    assert written == len(rows) == store.counts()["events"]
    flat = store.events(EventFilter(limit=10_000)).set_index("id")
    for row in rows:
        values = dict(zip(header, row, strict=True))
        event = flat.loc[values["GLOBALEVENTID"]]
        assert values["QuadClass"] == str(event["quad_class"])
        assert values["EventRootCode"] == event["cameo_root"]
        assert float(values["GoldsteinScale"]) == event["intensity"]
        if values["SQLDATE"]:
            assert len(values["SQLDATE"]) == 8 and values["SQLDATE"].startswith(values["Year"])
        if values["ActionGeo_Lat"]:
            assert values["ActionGeo_Type"] in ("1", "3", "4")
            assert len(values["ActionGeo_CountryCode"]) == 2
    russia = [dict(zip(header, r, strict=True)) for r in rows]
    assert any(v["ActionGeo_CountryCode"] == "RS" for v in russia if "RUS" in v["ActionGeo_FullName"])
    bare = tmp_path / "bare.tsv"
    export(store, "gdelt", bare, EventFilter(event_type="ASSAULT"), header=False)
    assert all(len(line.split("\t")) == 61 for line in bare.read_text(encoding="utf-8").splitlines())
    assert len(bare.read_text(encoding="utf-8").splitlines()) == len(matching_ids(store, event_type="ASSAULT"))


def test_bad_exports_fail_with_a_message(store: Store, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="Unknown export format"):
        export(store, "xlsx", tmp_path / "x")
    with pytest.raises(ConfigError, match="stdout"):
        export(store, "parquet", "-")
    with pytest.raises(QueryError, match="since"):
        export(store, "csv", tmp_path / "x.csv", EventFilter(since="last week"))


def test_export_command(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cli.csv"
    assert main(["export", "--db", str(db), "--format", "csv", "--type", "assault", "-o", str(out)]) == 0
    assert "wrote" in capsys.readouterr().err
    with out.open(encoding="utf-8", newline="") as f:
        assert {r["event_type"] for r in csv.DictReader(f)} == {"ASSAULT"}
    assert main(["export", "--db", str(db), "--format", "plover", "--quad-class", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(json.loads(line)["quad_code"] == 1 for line in lines)
    assert main(["export", "--db", str(db), "--format", "parquet"]) == 2
    assert main(["export", "--db", str(db), "--format", "csv", "--since", "2020-99-01"]) == 2
    assert "since must be an ISO date" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["export", "--db", str(db), "--format", "xml"])
