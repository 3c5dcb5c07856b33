"""The Dask runner codes a corpus into exactly the rows that local processes produce."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from tacitus.ingest import ingest
from tacitus.pipeline import CoderConfig
from tacitus.records import InputError
from tacitus.runners.dask import DaskOptions
from tacitus.runners.progress import ProgressBar, count_inputs
from tacitus.store import shards
from tacitus.store.duck import Store

DEMO = Path(__file__).resolve().parents[1] / "src" / "tacitus" / "data" / "demo" / "reports.jsonl"
# The default settings: the event classifier takes part whenever its model is installed.
CONFIG = CoderConfig()

# Columns that say when or in which run a row was written, not what was coded.
RUN_COLUMNS = {"run_id", "ingested_at", "failed_at"}
KEYS = {
    "articles": ["id"],
    "events": ["id"],
    "event_actors": ["event_id", "role", "position"],
    "failures": ["id"],
}


def table(store: Store, name: str) -> pd.DataFrame:
    frame = store.query(f"SELECT * FROM {name}")
    frame = frame.drop(columns=[c for c in frame.columns if c in RUN_COLUMNS])
    return frame.sort_values(KEYS[name]).reset_index(drop=True)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Ten demo reports, a duplicate of one of them, and three lines that must be rejected."""
    lines = DEMO.read_text(encoding="utf-8").splitlines()[:10]
    lines += [
        lines[3],
        '{"title": "no text here"}',
        '{"text": 42}',
        "not json at all",
    ]
    path = tmp_path_factory.mktemp("corpus") / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def local_store(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = Store(tmp_path_factory.mktemp("local") / "local.duckdb")
    report = ingest([str(corpus)], store, config=CONFIG, batch_size=4)
    assert report.coded == 11 and report.failed == 3
    return store


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """One local cluster (one worker process) for the module, so the pipeline loads once."""
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def dask_run(
    corpus: Path, scheduler: str, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Store, object]:
    store = Store(tmp_path_factory.mktemp("dask") / "dask.duckdb")
    report = ingest(
        [str(corpus)], store, config=CONFIG, dask=DaskOptions(scheduler, partition_size=3)
    )
    return store, report


def test_dask_reports_every_input(dask_run: tuple[Store, object]) -> None:
    store, report = dask_run
    assert report.inputs == 14
    assert report.coded == 11  # the duplicate is coded again and stored once
    assert report.failed == 3
    assert {e.code for e in report.errors} == {"missing_text", "bad_field", "bad_json"}
    assert store.counts()["articles"] == 10
    assert report.articles_added == 10
    assert report.events_added == store.counts()["events"] > 0
    # Every shard was merged and removed.
    assert shards.pending_shards(shards.shard_dir_for(store.path)) == []


@pytest.mark.parametrize("name", ["articles", "events", "event_actors", "failures"])
def test_dask_and_local_store_the_same_rows(
    name: str, local_store: Store, dask_run: tuple[Store, object]
) -> None:
    dask_store, _ = dask_run
    pd.testing.assert_frame_equal(table(local_store, name), table(dask_store, name))


def test_dask_rerun_adds_nothing(
    corpus: Path, scheduler: str, dask_run: tuple[Store, object]
) -> None:
    store, _ = dask_run
    before = {n: table(store, n) for n in KEYS}
    report = ingest([str(corpus)], store, config=CONFIG, dask=DaskOptions(scheduler))
    assert report.skipped == 11 and report.coded == 0  # both copies of the duplicate are known
    assert report.articles_added == 0 and report.events_added == 0
    for name, frame in before.items():
        pd.testing.assert_frame_equal(frame, table(store, name))


def test_leftover_shard_is_merged_once(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.duckdb")
    errors = [InputError("bad_json", "the line is not a valid JSON object", f"x.jsonl:{n}") for n in (1, 2)]
    encoded = shards.encode_tables(shards.table_rows(errors, run_id="r1"))
    shard_dir = shards.shard_dir_for(store.path)
    shard = shards.write_shard(shard_dir, "r1-000000", encoded)
    assert shard.is_dir() and not list(shard_dir.glob(".tmp-*"))
    assert shards.pending_shards(shard_dir) == [shard]
    for _ in range(2):  # merging twice changes nothing
        assert shards.merge_shard(store, shard) == (0, 0)
        assert store.counts()["failures"] == 2


def test_progress_bar_line_and_quiet_off_terminal(tmp_path: Path) -> None:
    bar = ProgressBar(total=200, stream=io.StringIO(), enabled=True)
    text = bar.line(50, 3, now=bar.started + 10)
    assert "50/200" in text and "5.0/s" in text and "errors 3" in text and "ETA 30s" in text
    quiet = io.StringIO()  # not a terminal
    bar = ProgressBar(total=10, stream=quiet)
    assert not bar.enabled

    class Report:
        skipped, coded, failed = 1, 2, 3

    bar.update(Report())
    bar.close(Report())
    assert quiet.getvalue() == ""
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps({"text": str(n)}) + "\n" for n in range(7)))
    assert count_inputs([str(path), str(DEMO)]) == 7 + 25
    assert count_inputs(["-"]) is None
