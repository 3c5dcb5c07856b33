"""The actors CLI: import, update against a local SPARQL server, lookup."""

from __future__ import annotations

import argparse
import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest

from tacitus.cli.actors import add_parser
from tacitus.mentions.actors import ActorResolver
from tacitus.mentions.kb import IMPORTED_FILE, WIKIDATA_FILE, read_people_rows

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"

# A recorded answer in the shape Wikidata's endpoint gives for LEADERS_SPARQL.
SPARQL_ANSWER = {
    "head": {"vars": ["iso3", "role", "person", "personLabel", "start", "end"]},
    "results": {
        "bindings": [
            {
                "iso3": {"type": "literal", "value": "JPN"},
                "role": {"type": "literal", "value": "head_of_government"},
                "person": {"type": "uri", "value": "http://www.wikidata.org/entity/Q359480"},
                "personLabel": {"type": "literal", "xml:lang": "en", "value": "Fumio Kishida"},
                "start": {"type": "literal", "value": "2021-10-04T00:00:00Z"},
                "end": {"type": "literal", "value": "2024-10-01T00:00:00Z"},
            },
            {
                "iso3": {"type": "literal", "value": "NZL"},
                "role": {"type": "literal", "value": "head_of_government"},
                "person": {"type": "uri", "value": "http://www.wikidata.org/entity/Q7152574"},
                "personLabel": {"type": "literal", "xml:lang": "en", "value": "Christopher Luxon"},
                "start": {"type": "literal", "value": "2023-11-27T00:00:00Z"},
            },
        ]
    },
}


@pytest.fixture()
def parser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> argparse.ArgumentParser:
    monkeypatch.setenv("TACITUS_HOME", str(tmp_path))
    ActorResolver.reset_default()
    root = argparse.ArgumentParser(prog="tacitus")
    add_parser(root.add_subparsers(dest="command"))
    yield root
    ActorResolver.reset_default()


def run(parser: argparse.ArgumentParser, *argv: str) -> int:
    args = parser.parse_args(list(argv))
    return int(args.func(args))


def test_import_wikidata_export(parser: argparse.ArgumentParser, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    csv_file = tmp_path / "roles.csv"
    csv_file.write_text(
        "iso3,country,role,person,person_qid,start,end,party,end_cause\n"
        "NZL,New Zealand,head_of_government,Christopher Luxon,Q7152574,2023-11-27T00:00:00Z,,National,\n",
        encoding="utf-8",
    )
    assert run(parser, "actors", "import", str(csv_file)) == 0
    rows = list(read_people_rows(tmp_path / "kb" / IMPORTED_FILE))
    assert rows[0]["name"] == "Christopher Luxon" and rows[0]["country"] == "NZL"
    assert run(parser, "actors", "lookup", "Christopher Luxon", "--date", "2024-05-01") == 0
    assert "country=NZL" in capsys.readouterr().out


def test_import_joins_known_people_by_spelling_and_qid(parser: argparse.ArgumentParser, tmp_path: Path) -> None:
    """An imported row under another spelling, or another language's label, adds to the known person."""
    import datetime as dt

    csv_file = tmp_path / "roles.csv"
    csv_file.write_text(
        "iso3,country,role,person,person_qid,start,end,party,end_cause\n"
        "BLR,Belarus,head_of_state,Aleksandr Lukashenko,Q2866,1994-07-20T00:00:00Z,,,\n"
        "GBR,Reino Unido,head_of_state,Carlos III do Reino Unido,Q43274,2022-09-08T00:00:00Z,,,\n",
        encoding="utf-8",
    )
    assert run(parser, "actors", "import", str(csv_file)) == 0
    resolver = ActorResolver.default()
    for spelling in ("Aleksandr Lukashenko", "Alexander Lukashenko"):
        actor = resolver.lookup(spelling, dt.date(2022, 1, 1))
        assert actor is not None and (actor.country, actor.sector, actor.wikidata) == ("BLR", "GOV", "Q2866")
    charles = resolver.lookup("Carlos III do Reino Unido", dt.date(2023, 6, 1))
    assert charles is not None and charles.country == "GBR" and charles.wikidata == "Q43274"


def test_import_reign(parser: argparse.ArgumentParser, tmp_path: Path) -> None:
    csv_file = tmp_path / "reign.csv"
    csv_file.write_text(
        "stateabb,ccode,leadid,leader,sdate,smonth,syear,emonth,eyear\n"
        "UKG,200,X1,Attlee,26,7,1945,10,1951\n",
        encoding="utf-8",
    )
    assert run(parser, "actors", "import", str(csv_file)) == 0
    row = next(read_people_rows(tmp_path / "kb" / IMPORTED_FILE))
    assert (row["country"], row["start"], row["end"]) == ("GBR", "1945-07-26", "1951-11-01")


def test_import_rejects_unknown_columns(parser: argparse.ArgumentParser, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    assert run(parser, "actors", "import", str(bad)) == 2


def test_update_from_local_endpoint(parser: argparse.ArgumentParser, tmp_path: Path) -> None:
    body = json.dumps(SPARQL_ANSWER).encode("utf-8")
    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            seen.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        endpoint = f"http://127.0.0.1:{server.server_port}/sparql"
        assert run(parser, "actors", "update", "--endpoint", endpoint) == 0
    finally:
        server.shutdown()
    assert seen and "query=" in seen[0]
    rows = list(read_people_rows(tmp_path / "kb" / WIKIDATA_FILE))
    assert {r["name"] for r in rows} == {"Fumio Kishida", "Christopher Luxon"}
    luxon = ActorResolver.default().lookup("Christopher Luxon")
    assert luxon is not None and luxon.country == "NZL" and luxon.sector == "GOV"


def test_update_unreachable(parser: argparse.ArgumentParser) -> None:
    assert run(parser, "actors", "update", "--endpoint", "http://127.0.0.1:9/sparql", "--timeout", "2") == 1


def test_lookup_dated_roles(parser: argparse.ArgumentParser) -> None:
    import datetime as dt

    resolver = ActorResolver.default()
    assert resolver.lookup("the Pentagon") is not None
    assert resolver.lookup("the Pentagon").sector == "MIL"  # type: ignore[union-attr]
    kishida_2022 = resolver.lookup("Fumio Kishida", dt.date(2022, 6, 1))
    kishida_2025 = resolver.lookup("Fumio Kishida", dt.date(2025, 6, 1))
    assert kishida_2022 is not None and (kishida_2022.country, kishida_2022.sector) == ("JPN", "GOV")
    assert kishida_2025 is not None and (kishida_2025.country, kishida_2025.sector) == ("JPN", "ELI")
    trump = [resolver.lookup("Donald Trump", dt.date(y, 6, 1)) for y in (2018, 2022, 2025)]
    assert [t.sector if t else "missing" for t in trump] == ["GOV", "ELI", "GOV"]


@pytest.mark.shared_data
def test_current_leaders_coverage(parser: argparse.ArgumentParser, capsys: pytest.CaptureFixture[str]) -> None:
    import csv
    import datetime as dt

    path = SHARED / "actors" / "leaders_current.csv"
    if not path.is_file():
        pytest.skip("shared dev data not found at ../shared/data")
    resolver = ActorResolver.default()
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    dated = []
    for row in rows:
        try:
            dated.append((row, dt.date.fromisoformat(row["start"][:10]) + dt.timedelta(days=30)))
        except ValueError:
            continue  # a few source dates are malformed
    rows = [r for r, when in dated if when.year >= 2000]
    resolved = 0
    for row, when in dated:
        if when.year < 2000:
            continue
        actor = resolver.lookup(row["person"], when)
        resolved += bool(actor and actor.country == row["iso3"])
    share = resolved / len(rows)
    with capsys.disabled():
        print(f"\ncurrent heads of state/government resolved: {resolved}/{len(rows)} = {share:.1%}")
    assert share >= 0.3
