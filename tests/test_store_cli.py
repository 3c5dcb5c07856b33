"""Ingest, re-ingest, list and extract through the CLI's main(argv), on real sentences."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from tacitus.cli.main import main

REPORTS = [
    {
        "id": "r1",
        "published": "2022-02-25",
        "outlet": "Test Wire",
        "text": (
            "Russian forces attacked Kyiv on Thursday, Ukrainian officials said. "
            "The United States imposed sanctions on Russia's largest banks on Friday."
        ),
    },
    {
        "id": "r2",
        "published": "2023-07-12",
        "text": (
            "NATO leaders met in Vilnius on Tuesday. Turkey agreed to back Sweden's bid to join "
            "the alliance, the secretary general said."
        ),
    },
]


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "reports.jsonl"
    lines = [json.dumps(r) for r in REPORTS] + ["{broken", json.dumps({"text": "   "})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_extract_writes_valid_records_and_reports_failures(
    corpus: Path, capsys: pytest.CaptureFixture[str], check_record: Any, coder: Any
) -> None:
    code, out, err = _run(["extract", str(corpus)], capsys)
    assert code == 1  # some inputs failed
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 4
    for record in records:
        check_record(record)
    assert [bool(r["errors"]) for r in records] == [False, False, True, True]
    assert [r["errors"][0]["code"] for r in records[2:]] == ["bad_json", "empty_text"]
    assert "bad_json" in err and "empty_text" in err
    types = {e["event_type"] for e in records[0]["events"]}
    assert {"ASSAULT", "SANCTION"} <= types


def test_ingest_is_idempotent_and_lists_failures(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], coder: Any
) -> None:
    db = str(tmp_path / "t.duckdb")
    code, _, err = _run(["ingest", str(corpus), "--db", db], capsys)
    assert code == 1
    assert "2 coded" in err and "2 failed" in err
    from tacitus.store.duck import open_store

    store = open_store(db)
    first = store.counts()
    assert first["articles"] == 2 and first["events"] > 0 and first["failures"] == 2
    events_before = store.query("SELECT id FROM events ORDER BY id")["id"].tolist()

    code, _, err = _run(["ingest", str(corpus), "--db", db], capsys)
    assert "2 already stored" in err
    second = store.counts()
    assert second["articles"] == first["articles"] and second["events"] == first["events"]
    assert second["failures"] == first["failures"]
    assert store.query("SELECT id FROM events ORDER BY id")["id"].tolist() == events_before
    runs = store.query("SELECT coder_version, config_hash, status FROM runs")
    assert len(runs) == 2 and set(runs["status"]) == {"done"}
    assert runs["config_hash"].str.len().min() == 16

    code, out, _ = _run(["articles", "--db", db, "--failed", "--format", "csv"], capsys)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert sorted(r["code"] for r in rows) == ["bad_json", "empty_text"]
    assert all(r["origin"].startswith(str(corpus)) for r in rows)

    code, out, _ = _run(["events", "--db", db, "--actor", "RUS", "--format", "jsonl"], capsys)
    events = [json.loads(line) for line in out.splitlines()]
    assert events and all("RUS" in (e["source_codes"] + e["target_codes"]) for e in events)
    code, out, _ = _run(["events", "--db", db, "--type", "sanction", "--format", "csv"], capsys)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and {r["event_type"] for r in rows} == {"SANCTION"}
    assert all("sanctions" in r["evidence_text"] for r in rows)
    code, out, _ = _run(["events", "--db", db, "--since", "2023-01-01"], capsys)
    assert "Vilnius" in out or "Sweden" in out
    assert "Kyiv" not in out


def test_bad_filter_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tacitus.store.duck import open_store

    db = tmp_path / "empty.duckdb"
    open_store(db).write([])
    code, _, err = _run(["events", "--db", str(db), "--type", "BOMBARD"], capsys)
    assert code == 2
    assert "Unknown event type" in err and "ASSAULT" in err


def test_bad_inputs_leave_stored_data_untouched(tmp_path: Path, coder: Any) -> None:
    from tacitus.articles.readers import ReadOptions
    from tacitus.ingest import ingest
    from tacitus.store.duck import open_store

    store = open_store(tmp_path / "s.duckdb")
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps(REPORTS[0]) + "\n", encoding="utf-8")
    ingest([str(good)], store)
    before = store.query("SELECT id, record FROM articles ORDER BY id")
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "blob.txt").write_bytes(bytes(range(256)) * 8)
    (bad / "empty.txt").write_text("")
    (bad / "lines.jsonl").write_text('{"text": 5}\n[1, 2]\n')
    report = ingest([str(bad)], store, options=ReadOptions())
    assert report.failed == 4 and report.coded == 0
    after = store.query("SELECT id, record FROM articles ORDER BY id")
    assert after.equals(before)
    assert store.counts()["failures"] == 4


def test_store_events_returns_a_dataframe(tmp_path: Path, coder: Any) -> None:
    import tacitus

    store = tacitus.open_store(tmp_path / "df.duckdb")
    store.write([tacitus.extract(REPORTS[1]["text"], published="2023-07-12")])
    frame = store.events(event_type="CONSULT")
    assert len(frame) >= 1
    assert {"source_codes", "evidence_text", "confidence"} <= set(frame.columns)


def test_extract_batch_same_events_with_two_processes(coder: Any) -> None:
    import tacitus

    texts = [r["text"] for r in REPORTS] + ["", "Ceci n'est pas un article en anglais du tout, mais il est long."]
    one = list(tacitus.extract_batch(texts, n_process=1))
    two = list(tacitus.extract_batch(texts, n_process=2, batch_size=2))
    assert [type(r).__name__ for r in one] == ["ArticleRecord", "ArticleRecord", "InputError", "InputError"]
    assert [r.to_dict() for r in one] == [r.to_dict() for r in two]
