"""Flatten article records into the store's table rows."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from typing import Any

from tacitus.records import ActorRef, ArticleRecord, Event, InputError


def _date(value: str | None) -> dt.date | None:
    """The first day an ISO value (day, month, year, week, range) can mean, or None."""
    if not value:
        return None
    head = value.split("/")[0]
    try:
        if len(head) == 10:
            return dt.date.fromisoformat(head)
        if "-W" in head:
            year, week = head.split("-W")
            return dt.date.fromisocalendar(int(year), int(week[:2]), 1)
        if len(head) == 7 and head[4] == "-" and head[5:].isdigit():
            return dt.date(int(head[:4]), int(head[5:]), 1)
        if len(head) >= 4 and head[:4].isdigit():
            return dt.date(int(head[:4]), 1, 1)
    except ValueError:
        return None
    return None


def _codes(actors: Sequence[ActorRef]) -> str:
    return ";".join(a.code or "---" for a in actors)


def _sectors(actors: Sequence[ActorRef]) -> str:
    return ";".join(a.sector or "---" for a in actors)


def event_row(event: Event, record: ArticleRecord, run_id: str | None) -> dict[str, Any]:
    """One row of the ``events`` table."""
    loc = event.location
    attribution = event.attribution
    event_date = _date(event.date.value) if event.date else None
    return {
        "id": event.id,
        "article_id": record.id,
        "event_type": event.event_type,
        "mode": event.mode,
        "source_codes": _codes(event.source),
        "target_codes": _codes(event.target),
        "source_text": "; ".join(a.text for a in event.source),
        "target_text": "; ".join(a.text for a in event.target),
        "source_sectors": _sectors(event.source),
        "target_sectors": _sectors(event.target),
        "trigger_text": event.trigger.text,
        "trigger_start": event.trigger.start,
        "trigger_end": event.trigger.end,
        "sentence_index": event.evidence.sentence,
        "evidence_start": event.evidence.start,
        "evidence_end": event.evidence.end,
        "evidence_text": event.evidence.text,
        "date_value": event.date.value if event.date else None,
        "date_precision": event.date.precision if event.date else None,
        "event_date": event_date,
        "location_name": loc.name if loc else None,
        "location_country": loc.country if loc else None,
        "location_geonameid": loc.geonameid if loc else None,
        "location_lat": loc.lat if loc else None,
        "location_lon": loc.lon if loc else None,
        "attribution_source": (
            attribution.source.text if attribution and attribution.source else None
        ),
        "attribution_kind": attribution.kind if attribution else None,
        "negated": event.modality.negated,
        "hypothetical": event.modality.hypothetical,
        "future": event.modality.future,
        "claimed": event.modality.claimed,
        "denied": event.modality.denied,
        "factual": event.modality.factual,
        "quad_class": event.quad_class,
        "cameo_root": event.cameo_root,
        "intensity": event.intensity,
        "confidence": event.confidence,
        "published": _date(record.published),
        "outlet": record.outlet,
        "url": record.url,
        "run_id": run_id,
        "record": json.dumps(event.to_dict(), ensure_ascii=False),
    }


def actor_rows(event: Event) -> list[dict[str, Any]]:
    """Rows of the ``event_actors`` table for one event."""
    rows = []
    for role, actors in (("source", event.source), ("target", event.target)):
        for position, actor in enumerate(actors):
            rows.append(
                {
                    "event_id": event.id,
                    "role": role,
                    "position": position,
                    "text": actor.text,
                    "start_char": actor.start,
                    "end_char": actor.end,
                    "name": actor.name,
                    "country": actor.country,
                    "igo": actor.igo,
                    "sector": actor.sector,
                    "wikidata": actor.wikidata,
                }
            )
    return rows


def record_rows(
    records: Sequence[ArticleRecord], *, run_id: str | None
) -> dict[str, list[dict[str, Any]]]:
    """Rows for ``articles``, ``events`` and ``event_actors`` from coded records."""
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    articles, events, actors = [], [], []
    for record in records:
        articles.append(
            {
                "id": record.id,
                "title": record.title,
                "published": _date(record.published),
                "outlet": record.outlet,
                "url": record.url,
                "origin": record.origin,
                "external_id": record.external_id,
                "text": record.text,
                "text_sha256": record.text_sha256,
                "n_events": len(record.events),
                "coder_version": record.coder.version,
                "config_hash": record.coder.config_hash,
                "run_id": run_id,
                "ingested_at": now,
                "record": json.dumps(record.to_dict(), ensure_ascii=False),
            }
        )
        for event in record.events:
            events.append(event_row(event, record, run_id))
            actors.extend(actor_rows(event))
    return {"articles": articles, "events": events, "event_actors": actors}


def failure_rows(
    failed: Sequence[ArticleRecord], errors: Sequence[InputError], *, run_id: str | None
) -> list[dict[str, Any]]:
    """Rows of the ``failures`` table: rejected articles and inputs that never became articles."""
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    pairs: list[tuple[str | None, InputError]] = [(None, e) for e in errors]
    for record in failed:
        pairs.extend((record.id, e) for e in record.errors)
    rows = []
    for article_id, error in pairs:
        key = f"{error.input}\x00{article_id}\x00{error.code}"
        rows.append(
            {
                "id": hashlib.sha256(key.encode()).hexdigest()[:24],
                "origin": error.input,
                "article_id": article_id,
                "code": error.code,
                "message": error.message,
                "run_id": run_id,
                "failed_at": now,
            }
        )
    return rows
