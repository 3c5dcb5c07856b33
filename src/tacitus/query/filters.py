"""Typed event filters turned into parameterised SQL."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from tacitus.errors import QueryError
from tacitus.records import EVENT_TYPES

MAX_LIMIT = 10_000
MODALITY_FLAGS = ("negated", "hypothetical", "future", "claimed", "denied")
MODALITIES = ("factual",) + MODALITY_FLAGS
SORTS = {
    "date": "coalesce(e.event_date, e.published) {dir} NULLS LAST, e.id",
    "published": "e.published {dir} NULLS LAST, e.id",
    "type": "e.event_type {dir}, e.id",
    "confidence": "e.confidence {dir}, e.id",
    "intensity": "e.intensity {dir}, e.id",
}

EVENT_COLUMNS = (
    "e.id, e.article_id, e.event_type, e.mode, e.source_codes, e.source_sectors, e.source_text, "
    "e.target_codes, e.target_sectors, e.target_text, e.trigger_text, e.date_value, "
    "e.date_precision, e.event_date, e.location_name, e.location_country, e.location_lat, "
    "e.location_lon, e.attribution_source, e.negated, e.hypothetical, e.future, e.claimed, "
    "e.denied, e.factual, e.quad_class, e.cameo_root, e.intensity, e.confidence, e.published, "
    "e.outlet, e.url, e.evidence_text"
)


def _parse_date(value: str | dt.date | None, name: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError as e:
        raise QueryError(f"{name} must be an ISO date (YYYY-MM-DD), got {value!r}") from e


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to return. Every field is optional; set fields combine with AND."""

    actor: str | None = None  # country or IGO code, on either side
    source: str | None = None  # country or IGO code of the source
    target: str | None = None  # country or IGO code of the target
    sector: str | None = None  # PLOVER sector on either side
    event_type: str | None = None
    mode: str | None = None
    quad_class: int | None = None
    modality: str | None = None  # one of MODALITIES
    since: dt.date | str | None = None
    until: dt.date | str | None = None
    text: str | None = None  # case-insensitive search in the evidence sentence
    article_id: str | None = None
    limit: int = 100
    offset: int = 0
    sort: str = "date"
    descending: bool = False

    def validated(self) -> EventFilter:
        """A copy with normalised values; raises QueryError on a bad value."""
        event_type = self.event_type.upper() if self.event_type else None
        if event_type and event_type not in EVENT_TYPES:
            raise QueryError(
                f"Unknown event type {self.event_type!r}; use one of {', '.join(EVENT_TYPES)}"
            )
        if self.modality and self.modality not in MODALITIES:
            raise QueryError(
                f"Unknown modality {self.modality!r}; use one of {', '.join(MODALITIES)}"
            )
        if self.quad_class is not None and self.quad_class not in (1, 2, 3, 4):
            raise QueryError(f"quad_class must be 1, 2, 3 or 4, got {self.quad_class!r}")
        if self.sort not in SORTS:
            raise QueryError(f"Unknown sort {self.sort!r}; use one of {', '.join(SORTS)}")
        if not 0 < self.limit <= MAX_LIMIT:
            raise QueryError(f"limit must be between 1 and {MAX_LIMIT}, got {self.limit}")
        if self.offset < 0:
            raise QueryError(f"offset must be >= 0, got {self.offset}")
        return dataclasses.replace(
            self,
            event_type=event_type,
            actor=self.actor.upper() if self.actor else None,
            source=self.source.upper() if self.source else None,
            target=self.target.upper() if self.target else None,
            sector=self.sector.upper() if self.sector else None,
            mode=self.mode.lower() if self.mode else None,
            since=_parse_date(self.since, "since"),
            until=_parse_date(self.until, "until"),
        )


def where_clause(flt: EventFilter) -> tuple[str, list[Any]]:
    """The WHERE clause (starting with ' WHERE' or empty) and its parameters."""
    flt = flt.validated()
    parts: list[str] = []
    params: list[Any] = []

    def actor_part(code: str, role: str | None) -> None:
        role_sql = " AND a.role = ?" if role else ""
        parts.append(
            "EXISTS (SELECT 1 FROM event_actors a WHERE a.event_id = e.id"
            f"{role_sql} AND (a.country = ? OR a.igo = ?))"
        )
        params.extend(([role] if role else []) + [code, code])

    if flt.actor:
        actor_part(flt.actor, None)
    if flt.source:
        actor_part(flt.source, "source")
    if flt.target:
        actor_part(flt.target, "target")
    if flt.sector:
        parts.append(
            "EXISTS (SELECT 1 FROM event_actors a WHERE a.event_id = e.id AND a.sector = ?)"
        )
        params.append(flt.sector)
    if flt.event_type:
        parts.append("e.event_type = ?")
        params.append(flt.event_type)
    if flt.mode:
        parts.append("lower(e.mode) = ?")
        params.append(flt.mode)
    if flt.quad_class is not None:
        parts.append("e.quad_class = ?")
        params.append(flt.quad_class)
    if flt.modality:
        parts.append(f"e.{flt.modality}")  # validated against MODALITIES
    if flt.since:
        parts.append("coalesce(e.event_date, e.published) >= ?")
        params.append(flt.since)
    if flt.until:
        parts.append("coalesce(e.event_date, e.published) <= ?")
        params.append(flt.until)
    if flt.text:
        parts.append("e.evidence_text ILIKE ?")
        params.append(f"%{flt.text}%")
    if flt.article_id:
        parts.append("e.article_id = ?")
        params.append(flt.article_id)
    return (" WHERE " + " AND ".join(parts) if parts else ""), params


def events_sql(flt: EventFilter, *, columns: str = EVENT_COLUMNS) -> tuple[str, list[Any]]:
    """SELECT statement and parameters for a filtered, sorted, paginated event list."""
    flt = flt.validated()
    where, params = where_clause(flt)
    order = SORTS[flt.sort].format(dir="DESC" if flt.descending else "ASC")
    sql = f"SELECT {columns} FROM events e{where} ORDER BY {order} LIMIT ? OFFSET ?"
    return sql, params + [flt.limit, flt.offset]


def count_sql(flt: EventFilter) -> tuple[str, list[Any]]:
    """SELECT count(*) for a filter."""
    where, params = where_clause(flt)
    return f"SELECT count(*) FROM events e{where}", params
