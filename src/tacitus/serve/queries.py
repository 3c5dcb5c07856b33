"""Read queries behind the REST API: lists, details and aggregates over one connection.

Every function takes an open (read-only) DuckDB connection and builds SQL only
from fixed fragments and parameters; user values never enter the SQL text.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from typing import TYPE_CHECKING, Any

from tacitus.errors import QueryError
from tacitus.query.filters import (
    EVENT_COLUMNS,
    MODALITIES,
    MODALITY_FLAGS,
    EventFilter,
    count_sql,
    events_sql,
    where_clause,
)
from tacitus.records import EVENT_TYPES

if TYPE_CHECKING:
    import duckdb

QUAD_LABELS = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
INTERVALS = ("day", "week", "month", "year")
SERIES_BY = ("type", "quad_class", "none")
ACTORS_BY = ("code", "name", "sector")
ROLES = ("any", "source", "target")
MAX_BUCKETS = 5000
EVENT_DATE = "coalesce(e.event_date, e.published)"
ARTICLE_SORTS = {
    "published": "published {dir} NULLS LAST, id",
    "title": "title {dir} NULLS LAST, id",
    "events": "n_events {dir}, id",
    "ingested": "ingested_at {dir}, id",
}


def _clean(value: Any) -> Any:
    """JSON-friendly scalars: NaN becomes None, dates become ISO strings."""
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    """Run a query and return its rows as dicts of JSON-friendly values."""
    cursor = con.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [{n: _clean(v) for n, v in zip(names, row, strict=True)} for row in cursor.fetchall()]


def scalar(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> Any:
    """The first column of the first row, or None."""
    row = con.execute(sql, params).fetchone()
    return _clean(row[0]) if row else None


def _with_modality(event: dict[str, Any]) -> dict[str, Any]:
    event["modality"] = [f for f in MODALITY_FLAGS if event.get(f)] or ["factual"]
    return event


def list_events(con: duckdb.DuckDBPyConnection, flt: EventFilter) -> dict[str, Any]:
    """One page of events and the total that match the filter."""
    flt = flt.validated()
    sql, params = events_sql(flt)
    items = [_with_modality(r) for r in rows(con, sql, params)]
    total_sql, total_params = count_sql(flt)
    total = scalar(con, total_sql, total_params) or 0
    return {"total": total, "limit": flt.limit, "offset": flt.offset, "events": items}


def _span(kind: str, span: dict[str, Any] | None, label: str, text: str) -> dict[str, Any] | None:
    """A span for the UI, or None when absent or not pointing into ``text``."""
    if not span or span.get("start") is None or span.get("end") is None:
        return None
    start, end = int(span["start"]), int(span["end"])
    if not 0 <= start < end <= len(text):
        return None
    return {"kind": kind, "start": start, "end": end, "text": text[start:end], "label": label}


def _actor_label(role: str, actor: dict[str, Any]) -> str:
    codes = " ".join(c for c in (actor.get("country") or actor.get("igo"), actor.get("sector")) if c)
    name = actor.get("name") or actor.get("text")
    return f"{role}: {name}" + (f" ({codes})" if codes else "")


def event_spans(record: dict[str, Any], text: str) -> list[dict[str, Any]]:
    """Every span of an event record, labelled, in text order."""
    spans: list[dict[str, Any] | None] = [
        _span("evidence", record.get("evidence"), "evidence sentence", text),
        _span("trigger", record.get("trigger"), f"trigger: {record.get('event_type')}", text),
    ]
    for role in ("source", "target"):
        for actor in record.get(role) or []:
            spans.append(_span(role, actor, _actor_label(role, actor), text))
    date = record.get("date")
    if date:
        spans.append(_span("date", date, f"date: {date.get('value')} ({date.get('precision')})", text))
    place = record.get("location")
    if place:
        where = ", ".join(str(p) for p in (place.get("name"), place.get("country")) if p)
        spans.append(_span("place", place, f"place: {where}", text))
    attribution = record.get("attribution") or {}
    kind = attribution.get("kind")
    spans.append(_span("attribution_source", attribution.get("source"), f"said by ({kind})", text))
    spans.append(_span("attribution_cue", attribution.get("cue"), "attribution cue", text))
    spans.append(_span("attribution_content", attribution.get("content"), "reported content", text))
    found = [s for s in spans if s is not None]
    return sorted(found, key=lambda s: (s["start"], -s["end"]))


def event_detail(con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    """An event with its full record, its article text, every span and its sibling events."""
    found = rows(con, f"SELECT {EVENT_COLUMNS}, e.record FROM events e WHERE e.id = ?", [event_id])
    if not found:
        return None
    event = _with_modality(found[0])
    record = json.loads(event.pop("record") or "{}")
    event["record"] = record
    articles = rows(
        con,
        "SELECT id, title, published, outlet, url, origin, text FROM articles WHERE id = ?",
        [event["article_id"]],
    )
    article = articles[0] if articles else None
    text = article["text"] if article and article.get("text") else ""
    siblings = rows(
        con,
        "SELECT id, event_type, trigger_text, source_codes, target_codes, trigger_start "
        "FROM events WHERE article_id = ? AND id <> ? ORDER BY trigger_start, id",
        [event["article_id"], event_id],
    )
    return {
        "event": event,
        "article": article,
        "spans": event_spans(record, text),
        "siblings": siblings,
    }


def list_articles(
    con: duckdb.DuckDBPyConnection,
    *,
    search: str | None,
    since: str | None,
    until: str | None,
    sort: str,
    descending: bool,
    limit: int,
    offset: int,
) -> dict[str, Any]:
    """One page of stored articles, optionally searched by title or text."""
    if sort not in ARTICLE_SORTS:
        raise QueryError(f"Unknown sort {sort!r}; use one of {', '.join(ARTICLE_SORTS)}")
    flt = EventFilter(since=since, until=until).validated()  # reuses the date checks
    parts, params = [], []
    if search:
        parts.append("(title ILIKE ? OR text ILIKE ?)")
        params += [f"%{search}%", f"%{search}%"]
    if flt.since:
        parts.append("published >= ?")
        params.append(flt.since)
    if flt.until:
        parts.append("published <= ?")
        params.append(flt.until)
    where = " WHERE " + " AND ".join(parts) if parts else ""
    order = ARTICLE_SORTS[sort].format(dir="DESC" if descending else "ASC")
    items = rows(
        con,
        "SELECT id, external_id, title, published, outlet, url, origin, n_events, ingested_at "
        f"FROM articles{where} ORDER BY {order} LIMIT ? OFFSET ?",
        params + [limit, offset],
    )
    total = scalar(con, f"SELECT count(*) FROM articles{where}", params) or 0
    return {"total": total, "limit": limit, "offset": offset, "articles": items}


def article_detail(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    """An article with its text, its events (with spans) and everything it mentions."""
    found = rows(
        con,
        "SELECT id, title, published, outlet, url, origin, external_id, text, text_sha256, "
        "n_events, coder_version, config_hash, run_id, ingested_at, record FROM articles WHERE id = ?",
        [article_id],
    )
    if not found:
        return None
    article = found[0]
    record = json.loads(article.pop("record") or "{}")
    text = article.get("text") or ""
    events = rows(
        con,
        f"SELECT {EVENT_COLUMNS}, e.record FROM events e WHERE e.article_id = ? "
        "ORDER BY e.trigger_start, e.id",
        [article_id],
    )
    for event in events:
        event_record = json.loads(event.pop("record") or "{}")
        _with_modality(event)
        event["spans"] = event_spans(event_record, text)
    article["events"] = events
    article["mentions"] = record.get("mentions", {})
    article["errors"] = record.get("errors", [])
    return article


def _filtered_ids(flt: EventFilter) -> tuple[str, list[Any]]:
    """A CTE body selecting the ids (and a few columns) of the events a filter matches."""
    where, params = where_clause(flt)
    return (
        f"SELECT e.id, e.event_type, e.quad_class, e.intensity FROM events e{where}",
        params,
    )


def actors(
    con: duckdb.DuckDBPyConnection, flt: EventFilter, *, by: str, role: str, limit: int
) -> dict[str, Any]:
    """Actors of the matching events with how many events they take part in, by role."""
    if by not in ACTORS_BY:
        raise QueryError(f"Unknown by {by!r}; use one of {', '.join(ACTORS_BY)}")
    if role not in ROLES:
        raise QueryError(f"Unknown role {role!r}; use one of {', '.join(ROLES)}")
    key = {
        "code": "coalesce(a.country, a.igo)",
        "name": "coalesce(a.name, a.text)",
        "sector": "a.sector",
    }[by]
    cte, params = _filtered_ids(flt)
    role_sql = "" if role == "any" else " AND a.role = ?"
    items = rows(
        con,
        f"WITH ev AS ({cte}) SELECT {key} AS actor, count(DISTINCT a.event_id) AS events, "
        "count(DISTINCT CASE WHEN a.role = 'source' THEN a.event_id END) AS as_source, "
        "count(DISTINCT CASE WHEN a.role = 'target' THEN a.event_id END) AS as_target, "
        "list(DISTINCT coalesce(a.name, a.text)) AS names, "
        "list(DISTINCT coalesce(a.country, a.igo)) AS codes "
        f"FROM event_actors a JOIN ev ON a.event_id = ev.id WHERE {key} IS NOT NULL{role_sql} "
        "GROUP BY 1 ORDER BY events DESC, actor LIMIT ?",
        params + ([role] if role != "any" else []) + [limit],
    )
    for item in items:
        item["names"] = sorted(n for n in item["names"] or [] if n)[:8]
        item["codes"] = sorted(c for c in item["codes"] or [] if c)
    return {"by": by, "role": role, "actors": items}


def _buckets(first: dt.date, last: dt.date, interval: str) -> list[dt.date]:
    """Every bucket start from ``first`` to ``last`` (both already truncated)."""
    out: list[dt.date] = []
    current = first
    while current <= last:
        out.append(current)
        if len(out) > MAX_BUCKETS:
            raise QueryError(
                f"More than {MAX_BUCKETS} {interval} buckets; use a coarser interval or a date range"
            )
        if interval == "day":
            current += dt.timedelta(days=1)
        elif interval == "week":
            current += dt.timedelta(days=7)
        elif interval == "month":
            current = dt.date(current.year + current.month // 12, current.month % 12 + 1, 1)
        else:
            current = dt.date(current.year + 1, 1, 1)
    return out


def series(
    con: duckdb.DuckDBPyConnection, flt: EventFilter, *, interval: str, by: str
) -> dict[str, Any]:
    """Event counts per day/week/month/year, one series per event type or quad class."""
    if interval not in INTERVALS:
        raise QueryError(f"Unknown interval {interval!r}; use one of {', '.join(INTERVALS)}")
    if by not in SERIES_BY:
        raise QueryError(f"Unknown by {by!r}; use one of {', '.join(SERIES_BY)}")
    key = {"type": "e.event_type", "quad_class": "e.quad_class", "none": "'events'"}[by]
    where, params = where_clause(flt)
    dated = f"{EVENT_DATE} IS NOT NULL"
    where = f"{where} AND {dated}" if where else f" WHERE {dated}"
    # interval is one of INTERVALS, so it is safe to place in the SQL text.
    counts = con.execute(
        f"SELECT CAST(date_trunc('{interval}', {EVENT_DATE}) AS DATE) AS bucket, {key} AS key, "
        f"count(*) FROM events e{where} GROUP BY 1, 2 ORDER BY 1, 2",
        params,
    ).fetchall()
    if not counts:
        return {"interval": interval, "by": by, "buckets": [], "series": [], "total": 0}
    buckets = _buckets(min(c[0] for c in counts), max(c[0] for c in counts), interval)
    index = {b: i for i, b in enumerate(buckets)}
    keys = sorted({c[1] for c in counts}, key=_series_order)
    values = {k: [0] * len(buckets) for k in keys}
    for bucket, key_value, n in counts:
        values[key_value][index[bucket]] = int(n)
    out = []
    for k in keys:
        label = QUAD_LABELS.get(k, str(k)) if by == "quad_class" else str(k)
        out.append({"key": k, "label": label, "total": sum(values[k]), "counts": values[k]})
    return {
        "interval": interval,
        "by": by,
        "buckets": [b.isoformat() for b in buckets],
        "series": out,
        "total": sum(s["total"] for s in out),
    }


def _series_order(key: Any) -> tuple[int, str]:
    if isinstance(key, str) and key in EVENT_TYPES:
        return (EVENT_TYPES.index(key), key)
    return (99, str(key))


def dyads(con: duckdb.DuckDBPyConnection, flt: EventFilter, *, limit: int) -> dict[str, Any]:
    """Source-target pairs of actor codes with event counts, as network nodes and links."""
    cte, params = _filtered_ids(flt)
    links = rows(
        con,
        f"WITH ev AS ({cte}) SELECT coalesce(s.country, s.igo) AS source, "
        "coalesce(t.country, t.igo) AS target, count(DISTINCT ev.id) AS events, "
        "count(DISTINCT CASE WHEN ev.quad_class = 1 THEN ev.id END) AS q1, "
        "count(DISTINCT CASE WHEN ev.quad_class = 2 THEN ev.id END) AS q2, "
        "count(DISTINCT CASE WHEN ev.quad_class = 3 THEN ev.id END) AS q3, "
        "count(DISTINCT CASE WHEN ev.quad_class = 4 THEN ev.id END) AS q4, "
        "avg(ev.intensity) AS intensity "
        "FROM ev JOIN event_actors s ON s.event_id = ev.id AND s.role = 'source' "
        "JOIN event_actors t ON t.event_id = ev.id AND t.role = 'target' "
        "WHERE coalesce(s.country, s.igo) IS NOT NULL AND coalesce(t.country, t.igo) IS NOT NULL "
        "GROUP BY 1, 2 ORDER BY events DESC, source, target LIMIT ?",
        params + [limit],
    )
    nodes: dict[str, dict[str, Any]] = {}
    for link in links:
        link["quad_classes"] = {str(q): link.pop(f"q{q}") for q in (1, 2, 3, 4)}
        if link["intensity"] is not None:
            link["intensity"] = round(float(link["intensity"]), 2)
        for end, field in ((link["source"], "as_source"), (link["target"], "as_target")):
            node = nodes.setdefault(end, {"id": end, "as_source": 0, "as_target": 0})
            node[field] += link["events"]
    for node in nodes.values():
        node["events"] = node["as_source"] + node["as_target"]
    ordered = sorted(nodes.values(), key=lambda n: (-n["events"], n["id"]))
    return {"nodes": ordered, "links": links}


def places(con: duckdb.DuckDBPyConnection, flt: EventFilter, *, limit: int) -> dict[str, Any]:
    """Locations of the matching events with coordinates, counts and event types."""
    cte, params = _filtered_ids(flt)
    items = rows(
        con,
        f"WITH ev AS ({cte}) SELECT e.location_name AS name, e.location_country AS country, "
        "e.location_lat AS lat, e.location_lon AS lon, count(*) AS events, "
        "list(e.event_type) AS types, "
        "list({'id': e.id, 'event_type': e.event_type, 'trigger': e.trigger_text} ORDER BY e.id) AS sample "
        "FROM events e JOIN ev ON ev.id = e.id "
        "WHERE e.location_lat IS NOT NULL AND e.location_lon IS NOT NULL "
        "GROUP BY 1, 2, 3, 4 ORDER BY events DESC, name LIMIT ?",
        params + [limit],
    )
    for item in items:
        types: dict[str, int] = {}
        for t in item["types"] or []:
            types[t] = types.get(t, 0) + 1
        item["types"] = dict(sorted(types.items(), key=lambda kv: (-kv[1], kv[0])))
        item["sample"] = (item["sample"] or [])[:20]
    unlocated = scalar(
        con,
        f"WITH ev AS ({cte}) SELECT count(*) FROM events e JOIN ev ON ev.id = e.id "
        "WHERE e.location_lat IS NULL OR e.location_lon IS NULL",
        params,
    )
    return {"places": items, "unlocated": unlocated or 0}


def facets(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """Values present in the store, for filter menus, and the store's size."""

    def counted(sql: str) -> list[dict[str, Any]]:
        return [{"value": _clean(v), "count": int(n)} for v, n in con.execute(sql).fetchall()]

    dates = con.execute(f"SELECT min({EVENT_DATE}), max({EVENT_DATE}) FROM events e").fetchone()
    return {
        "counts": {
            t: int(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0])  # type: ignore[index]
            for t in ("articles", "events", "failures")
        },
        "event_types": counted(
            "SELECT event_type, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1"
        ),
        "all_event_types": list(EVENT_TYPES),
        "modes": counted(
            "SELECT lower(mode), count(*) FROM events WHERE mode IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1"
        ),
        "sectors": counted(
            "SELECT sector, count(DISTINCT event_id) FROM event_actors WHERE sector IS NOT NULL "
            "GROUP BY 1 ORDER BY 2 DESC, 1"
        ),
        "actors": counted(
            "SELECT coalesce(country, igo), count(DISTINCT event_id) FROM event_actors "
            "WHERE coalesce(country, igo) IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1"
        ),
        "quad_classes": [{"value": q, "label": label} for q, label in QUAD_LABELS.items()],
        "modalities": list(MODALITIES),
        "date_min": _clean(dates[0]) if dates else None,
        "date_max": _clean(dates[1]) if dates else None,
    }

