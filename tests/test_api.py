"""The REST API over a store coded from the bundled demo reports, as a client sees it."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tacitus.store.duck import Store

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

SRC = Path(__file__).resolve().parents[1] / "src" / "tacitus"
HOSTILE = {
    "id": "hostile-markup",
    "title": "Markup <script>document.title='pwned'</script> in a title",
    "published": "2022-03-04",
    "outlet": "Test <b>outlet</b>",
    "url": "javascript:alert(1)",
    "text": (
        "Russian forces attacked the Ukrainian city of Kharkiv on 3 March 2022 "
        "<img src=x onerror=\"document.title='pwned'\">, Ukrainian officials said. "
        "<script>document.title='pwned'</script> The United Nations condemned Russia for the "
        "attack on Kharkiv."
    ),
}


def _coder_fingerprint() -> str:
    """A hash of the coder's sources and data, so a cached store is rebuilt when they change."""
    digest = hashlib.sha256()
    for path in sorted(SRC.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".tsv", ".jsonl", ".json") and "serve" not in path.parts:
            digest.update(str(path.relative_to(SRC)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def build_demo_store(cache_dir: Path, target: Path) -> Path:
    """The demo reports plus one article full of markup, coded once and cached by coder version."""
    cached = cache_dir / f"demo-{_coder_fingerprint()}.duckdb"
    if not cached.exists():
        from tacitus.ingest import ingest

        reports = Path(str(resources.files("tacitus.data").joinpath("demo/reports.jsonl")))
        hostile = cache_dir / "hostile.jsonl"
        hostile.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
        building = cached.with_suffix(".building")
        building.unlink(missing_ok=True)
        ingest([str(reports), str(hostile)], Store(building), command="test")
        building.rename(cached)
    shutil.copyfile(cached, target)
    return target


@pytest.fixture(scope="module")
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    cache = (
        Path(request.config.cache.mkdir("tacitus-demo-store"))
        if getattr(request.config, "cache", None)
        else tmp_path_factory.mktemp("demo-cache")
    )
    return build_demo_store(cache, tmp_path_factory.mktemp("api") / "demo.duckdb")


def make_client(db: Path) -> TestClient:
    """A client for the app over ``db``; skips when the serve extra is not installed."""
    pytest.importorskip("fastapi")
    pytest.importorskip("httpx")
    from fastapi.testclient import TestClient

    from tacitus.serve import create_app

    return TestClient(create_app(str(db)), base_url="http://127.0.0.1")


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return make_client(db)


@pytest.fixture(scope="module")
def all_events(client: TestClient) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    offset = 0
    while True:
        page = client.get("/api/events", params={"limit": 40, "offset": offset}).json()
        out += page["events"]
        offset += 40
        if offset >= page["total"]:
            return out


def get(client: TestClient, path: str, **params: Any) -> Any:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def error(client: TestClient, path: str, status: int = 400, **params: Any) -> str:
    response = client.get(path, params=params)
    assert response.status_code == status, response.text
    body = response.json()
    assert body["status"] == status and body["error"]
    return body["error"]


# -- events ---------------------------------------------------------------


def test_events_pages_cover_the_store_once(client: TestClient, db: Path, all_events: list[dict[str, Any]]) -> None:
    stored = Store(db).counts()["events"]
    assert len(all_events) == stored > 50
    assert len({e["id"] for e in all_events}) == stored
    first = get(client, "/api/events", limit=10)
    assert first["total"] == stored and len(first["events"]) == 10


def test_events_sort_by_date_descending(client: TestClient) -> None:
    events = get(client, "/api/events", sort="date", order="desc", limit=200)["events"]
    dates = [e["event_date"] or e["published"] for e in events]
    assert dates == sorted(dates, reverse=True)
    by_intensity = get(client, "/api/events", sort="intensity", limit=200)["events"]
    values = [e["intensity"] for e in by_intensity]
    assert values == sorted(values)


def _codes(value: str) -> set[str]:
    return {c for c in (value or "").split(";") if c and c != "---"}


def test_actor_source_and_target_filters(client: TestClient, all_events: list[dict[str, Any]]) -> None:
    actor = get(client, "/api/actors", limit=1)["actors"][0]["actor"]
    either = get(client, "/api/events", actor=actor.lower(), limit=500)
    assert either["total"] > 0
    assert all(actor in _codes(e["source_codes"]) | _codes(e["target_codes"]) for e in either["events"])
    expected = sum(actor in _codes(e["source_codes"]) | _codes(e["target_codes"]) for e in all_events)
    assert either["total"] == expected
    as_source = get(client, "/api/events", source=actor, limit=500)["events"]
    assert as_source and all(actor in _codes(e["source_codes"]) for e in as_source)
    as_target = get(client, "/api/events", target=actor, limit=500)["events"]
    assert all(actor in _codes(e["target_codes"]) for e in as_target)


def test_type_mode_quad_and_sector_filters(client: TestClient, all_events: list[dict[str, Any]]) -> None:
    common_type = max({e["event_type"] for e in all_events}, key=lambda t: sum(e["event_type"] == t for e in all_events))
    typed = get(client, "/api/events", type=common_type.lower(), limit=500)
    assert typed["total"] == sum(e["event_type"] == common_type for e in all_events)
    mode = next(e["mode"] for e in all_events if e["mode"])
    moded = get(client, "/api/events", mode=mode, limit=500)["events"]
    assert moded and all((e["mode"] or "").lower() == mode.lower() for e in moded)
    for quad in (1, 2, 3, 4):
        quads = get(client, "/api/events", quad_class=quad, limit=500)
        assert quads["total"] == sum(e["quad_class"] == quad for e in all_events)
    sector = next(s for e in all_events for s in _codes(e["source_sectors"]))
    sectored = get(client, "/api/events", sector=sector, limit=500)["events"]
    assert sectored and all(
        sector in _codes(e["source_sectors"]) | _codes(e["target_sectors"]) for e in sectored
    )


def test_modality_filters(client: TestClient, all_events: list[dict[str, Any]]) -> None:
    factual = get(client, "/api/events", modality="factual", limit=500)
    assert factual["total"] == sum(e["factual"] for e in all_events) > 0
    assert all(e["modality"] == ["factual"] for e in factual["events"])
    for flag in ("negated", "hypothetical", "future", "claimed", "denied"):
        flagged = get(client, "/api/events", modality=flag, limit=500)
        assert flagged["total"] == sum(bool(e[flag]) for e in all_events)
        assert all(flag in e["modality"] for e in flagged["events"])


def test_date_range_and_text_search(client: TestClient, all_events: list[dict[str, Any]]) -> None:
    ranged = get(client, "/api/events", since="2018-01-01", until="2019-12-31", limit=500)
    inside = [e for e in all_events if "2018-01-01" <= (e["event_date"] or e["published"] or "") <= "2019-12-31"]
    assert ranged["total"] == len(inside) > 0
    word = "attack"
    found = get(client, "/api/events", search=word.upper(), limit=500)["events"]
    assert found and all(word in e["evidence_text"].lower() for e in found)
    assert len(found) == sum(word in e["evidence_text"].lower() for e in all_events)


def test_filters_combine(client: TestClient, all_events: list[dict[str, Any]]) -> None:
    combined = get(client, "/api/events", type="ASSAULT", modality="factual", since="2020-01-01", limit=500)
    expected = [
        e for e in all_events
        if e["event_type"] == "ASSAULT" and e["factual"] and (e["event_date"] or e["published"]) >= "2020-01-01"
    ]
    assert combined["total"] == len(expected)


@pytest.mark.parametrize(
    ("params", "needle"),
    [
        ({"type": "PARTY"}, "Unknown event type"),
        ({"quad_class": "9"}, "quad_class"),
        ({"quad_class": "one"}, "quad_class"),
        ({"modality": "maybe"}, "Unknown modality"),
        ({"since": "2020-02-30"}, "since must be an ISO date"),
        ({"until": "yesterday"}, "until must be an ISO date"),
        ({"limit": "0"}, "limit"),
        ({"limit": "501"}, "limit"),
        ({"offset": "-1"}, "offset"),
        ({"sort": "colour"}, "Unknown sort"),
        ({"order": "sideways"}, "order"),
        ({"country": "RUS"}, "Unknown parameter"),
        ({"search": "x" * 201}, "search"),
    ],
)
def test_bad_event_parameters_get_400_with_a_message(client: TestClient, params: dict[str, str], needle: str) -> None:
    assert needle in error(client, "/api/events", **params)


def test_event_detail_has_article_text_and_every_span(client: TestClient, all_events: list[dict[str, Any]]) -> None:
    rich = next(e for e in all_events if e["location_name"] and _codes(e["source_codes"]))
    detail = get(client, f"/api/events/{rich['id']}")
    text = detail["article"]["text"]
    kinds = {s["kind"] for s in detail["spans"]}
    assert {"evidence", "trigger", "source", "place"} <= kinds
    for span in detail["spans"]:
        assert text[span["start"]:span["end"]] == span["text"] and span["label"]
    trigger = next(s for s in detail["spans"] if s["kind"] == "trigger")
    assert trigger["text"] == rich["trigger_text"]
    record = detail["event"]["record"]
    assert record["id"] == rich["id"] and record["evidence"]["text"] == rich["evidence_text"]
    assert all(s["id"] != rich["id"] for s in detail["siblings"])
    same_article = [e for e in all_events if e["article_id"] == rich["article_id"]]
    assert len(detail["siblings"]) == len(same_article) - 1


def test_unknown_ids_get_404(client: TestClient) -> None:
    assert "No event" in error(client, "/api/events/not-an-event", 404)
    assert "No article" in error(client, "/api/articles/not-an-article", 404)
    error(client, "/api/nothing-here", 404)


# -- articles -------------------------------------------------------------


def test_articles_list_search_and_detail(client: TestClient, db: Path, all_events: list[dict[str, Any]]) -> None:
    listed = get(client, "/api/articles", limit=500)
    assert listed["total"] == Store(db).counts()["articles"] == len(listed["articles"])
    searched = get(client, "/api/articles", search="kharkiv")["articles"]
    assert "hostile-markup" in {a["external_id"] for a in searched}
    assert all("kharkiv" in (get(client, f"/api/articles/{a['id']}")["text"] + a["title"]).lower() for a in searched)
    article = max(listed["articles"], key=lambda a: a["n_events"])
    detail = get(client, f"/api/articles/{article['id']}")
    assert detail["text"] and len(detail["events"]) == article["n_events"]
    assert {e["article_id"] for e in detail["events"]} == {article["id"]}
    for event in detail["events"]:
        for span in event["spans"]:
            assert detail["text"][span["start"]:span["end"]] == span["text"]
    assert set(detail["mentions"]) == {"actors", "places", "times", "attributions"}
    newest = get(client, "/api/articles", sort="published", order="desc", limit=5)["articles"]
    assert [a["published"] for a in newest] == sorted((a["published"] for a in newest), reverse=True)
    assert "Unknown sort" in error(client, "/api/articles", sort="length")


def hostile_id(client: TestClient) -> str:
    found = get(client, "/api/articles", search="onerror")["articles"]
    return next(a["id"] for a in found if a["external_id"] == HOSTILE["id"])


def test_markup_in_articles_is_returned_verbatim(client: TestClient) -> None:
    detail = get(client, f"/api/articles/{hostile_id(client)}")
    assert detail["text"] == HOSTILE["text"] and detail["title"] == HOSTILE["title"]


# -- aggregates -----------------------------------------------------------


def test_actor_counts_agree_with_event_filters(client: TestClient) -> None:
    actors = get(client, "/api/actors", limit=5)["actors"]
    assert actors == sorted(actors, key=lambda a: (-a["events"], a["actor"]))
    for actor in actors[:3]:
        assert get(client, "/api/events", actor=actor["actor"], limit=1)["total"] == actor["events"]
        assert get(client, "/api/events", source=actor["actor"], limit=1)["total"] == actor["as_source"]
    by_sector = get(client, "/api/actors", by="sector", role="source")["actors"]
    assert by_sector and all(a["as_source"] == a["events"] for a in by_sector)
    names = get(client, "/api/actors", by="name", type="ASSAULT")["actors"]
    assert names and all(a["events"] >= 1 for a in names)
    assert "by" in error(client, "/api/actors", by="shoe size")


def test_series_counts_every_dated_event(client: TestClient, all_events: list[dict[str, Any]]) -> None:
    for interval in ("day", "week", "month", "year"):
        data = get(client, "/api/series", interval=interval, by="type")
        assert data["total"] == sum(1 for e in all_events if e["event_date"] or e["published"])
        assert all(len(s["counts"]) == len(data["buckets"]) for s in data["series"])
        assert data["buckets"] == sorted(data["buckets"])
    monthly = get(client, "/api/series", interval="month", by="quad_class", type="ASSAULT")
    assert {s["key"] for s in monthly["series"]} <= {1, 2, 3, 4}
    assert monthly["total"] == get(client, "/api/events", type="ASSAULT", limit=1)["total"]
    months = monthly["buckets"]
    assert all(b.endswith("-01") for b in months)
    assert len(months) == len(set(months))
    single = get(client, "/api/series", interval="year", by="none")
    assert [s["key"] for s in single["series"]] == ["events"]
    assert "interval" in error(client, "/api/series", interval="fortnight")


def test_dyads_match_source_target_filters(client: TestClient) -> None:
    data = get(client, "/api/dyads", limit=10)
    assert data["links"] and data["nodes"]
    node_ids = {n["id"] for n in data["nodes"]}
    for link in data["links"][:5]:
        assert {link["source"], link["target"]} <= node_ids
        total = get(client, "/api/events", source=link["source"], target=link["target"], limit=1)["total"]
        assert total == link["events"] == sum(link["quad_classes"].values())
    assert get(client, "/api/dyads", type="CONSULT", quad_class=4)["links"] == []


def test_places_have_coordinates_and_cover_located_events(client: TestClient, all_events: list[dict[str, Any]]) -> None:
    data = get(client, "/api/places")
    assert data["places"]
    for place in data["places"]:
        assert -90 <= place["lat"] <= 90 and -180 <= place["lon"] <= 180
        assert sum(place["types"].values()) == place["events"]
        assert place["sample"] and all(e["event_type"] in place["types"] for e in place["sample"])
    assert sum(p["events"] for p in data["places"]) + data["unlocated"] == len(all_events)


def test_facets_describe_the_store(client: TestClient, all_events: list[dict[str, Any]]) -> None:
    facets = get(client, "/api/facets")
    assert facets["counts"]["events"] == len(all_events)
    assert sum(t["count"] for t in facets["event_types"]) == len(all_events)
    assert len(facets["all_event_types"]) == 16 and "factual" in facets["modalities"]
    assert facets["date_min"] <= facets["date_max"]


# -- the server as a whole -------------------------------------------------


def test_openapi_describes_every_endpoint(client: TestClient) -> None:
    paths = get(client, "/api/openapi.json")["paths"]
    for path in ("/api/events", "/api/events/{event_id}", "/api/articles", "/api/articles/{article_id}",
                 "/api/actors", "/api/series", "/api/dyads", "/api/places", "/api/facets"):
        assert path in paths
    assert client.get("/api/docs").status_code == 200


def test_ui_and_static_files_are_served_with_a_strict_policy(client: TestClient) -> None:
    index = client.get("/")
    assert index.status_code == 200 and "/static/app.js" in index.text
    assert client.head("/").status_code == 200
    policy = index.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "http" not in policy
    for asset in ("/static/app.js", "/static/app.css", "/static/vendor/chart.umd.min.js",
                  "/static/vendor/leaflet.js", "/static/vendor/countries-110m.json"):
        assert client.get(asset).status_code == 200, asset
    assert "//" not in index.text.replace("http://www.w3.org", "")  # nothing from other hosts


def test_other_hosts_and_oversized_requests_are_refused(client: TestClient) -> None:
    assert client.get("/api/facets", headers={"host": "attacker.example"}).status_code == 400
    assert client.get("/api/events", params={"search": "a" * 5000}).status_code == 414
    big = client.request("GET", "/api/facets", content=b"x" * 20000)
    assert big.status_code == 413
    assert client.post("/api/events").status_code == 405


def test_missing_store_is_a_clear_503(tmp_path: Path) -> None:
    absent = make_client(tmp_path / "none.duckdb")
    response = absent.get("/api/events")
    assert response.status_code == 503 and "tacitus ingest" in response.json()["error"]


# -- serving while ingesting ------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def live_server(db: Path) -> Iterator[str]:
    """``tacitus serve`` over ``db`` in its own process; yields its base URL once it answers."""
    import httpx

    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "tacitus.cli.main", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/api/facets", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"tacitus serve did not start: {process.stderr.read() if process.stderr else ''}")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture()
def server(db: Path, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """``tacitus serve`` in its own process over a copy of the demo store."""
    pytest.importorskip("httpx")
    pytest.importorskip("fastapi")
    pytest.importorskip("uvicorn")

    path = tmp_path / "live.duckdb"
    shutil.copyfile(db, path)
    with live_server(path) as base:
        yield base, path


def test_ingest_into_the_served_file_while_serving(server: tuple[str, Path], tmp_path: Path) -> None:
    import httpx

    from tacitus.ingest import ingest

    base, path = server
    before = httpx.get(base + "/api/facets").json()["counts"]
    new = tmp_path / "new.jsonl"
    reports = [
        {"id": f"live-{i}", "published": "2024-05-0" + str(i + 1), "title": f"Live report {i}",
         "text": f"Indian troops shelled Pakistani army posts near Kashmir on {i + 1} May 2024, "
                 "officials said. Pakistan condemned India for the attack."}
        for i in range(3)
    ]
    new.write_text("".join(json.dumps(r) + "\n" for r in reports), encoding="utf-8")
    statuses: list[int] = []
    stop = threading.Event()

    def poll() -> None:
        with httpx.Client(base_url=base, timeout=30) as http:
            while not stop.is_set():
                statuses.append(http.get("/api/events", params={"limit": 5}).status_code)

    reader = threading.Thread(target=poll)
    reader.start()
    try:
        report = ingest([str(new)], Store(path, lock_timeout=30), batch_size=1, command="live")
    finally:
        stop.set()
        reader.join()
    assert report.articles_added == 3 and report.events_added > 0
    assert statuses and set(statuses) == {200}
    after = httpx.get(base + "/api/facets").json()["counts"]
    assert after["articles"] == before["articles"] + 3
    assert after["events"] == before["events"] + report.events_added
    live = httpx.get(base + "/api/articles", params={"search": "Kashmir"}).json()["articles"]
    assert {"live-0", "live-1", "live-2"} <= {a["external_id"] for a in live}
