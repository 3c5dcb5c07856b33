"""The REST API's routes: thin wrappers over :mod:`tacitus.serve.queries`."""

from __future__ import annotations

import functools
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request

from tacitus.query.filters import EventFilter
from tacitus.serve import queries

MAX_PAGE = 500
MAX_TEXT = 200


def event_filter(
    actor: Annotated[str | None, Query(max_length=64, description="country or IGO code, either side")] = None,
    source: Annotated[str | None, Query(max_length=64, description="country or IGO code of the source")] = None,
    target: Annotated[str | None, Query(max_length=64, description="country or IGO code of the target")] = None,
    sector: Annotated[str | None, Query(max_length=16, description="PLOVER sector, either side (GOV, MIL ...)")] = None,
    event_type: Annotated[str | None, Query(alias="type", max_length=32, description="PLOVER event type")] = None,
    mode: Annotated[str | None, Query(max_length=64, description="PLOVER mode")] = None,
    quad_class: Annotated[int | None, Query(ge=1, le=4, description="1-4")] = None,
    modality: Annotated[str | None, Query(max_length=16, description="factual, negated, hypothetical, future, claimed, denied")] = None,
    since: Annotated[str | None, Query(max_length=10, description="event date on or after, YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(max_length=10, description="event date on or before, YYYY-MM-DD")] = None,
    search: Annotated[str | None, Query(max_length=MAX_TEXT, description="text in the evidence sentence")] = None,
    article_id: Annotated[str | None, Query(max_length=128)] = None,
) -> EventFilter:
    """The event filter shared by every event endpoint."""
    return EventFilter(
        actor=actor or None,
        source=source or None,
        target=target or None,
        sector=sector or None,
        event_type=event_type or None,
        mode=mode or None,
        quad_class=quad_class,
        modality=modality or None,
        since=since or None,
        until=until or None,
        text=search or None,
        article_id=article_id or None,
    ).validated()


Filter = Annotated[EventFilter, Depends(event_filter)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"page size, at most {MAX_PAGE}")]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]
Order = Annotated[Literal["asc", "desc"], Query()]
Id = Annotated[str, Path(max_length=128)]


def _read(request: Request, work: Any) -> Any:
    return request.app.state.reader(work)


def build_router() -> APIRouter:
    """Every /api route."""
    router = APIRouter()

    @router.get("/events", summary="Events matching a filter, one page at a time")
    def events(
        request: Request,
        flt: Filter,
        limit: Limit = 50,
        offset: Offset = 0,
        sort: Annotated[str, Query(max_length=16, description="date, published, type, confidence, intensity")] = "date",
        order: Order = "asc",
    ) -> dict[str, Any]:
        page = EventFilter(
            **{f: getattr(flt, f) for f in EventFilter.__dataclass_fields__ if f not in ("limit", "offset", "sort", "descending")},
            limit=limit,
            offset=offset,
            sort=sort,
            descending=order == "desc",
        )
        return _read(request, functools.partial(queries.list_events, flt=page))

    @router.get("/events/{event_id}", summary="One event with its article text and every span")
    def event(request: Request, event_id: Id) -> dict[str, Any]:
        found = _read(request, functools.partial(queries.event_detail, event_id=event_id))
        if found is None:
            raise HTTPException(404, f"No event with id {event_id!r}")
        return found

    @router.get("/articles", summary="Stored articles, one page at a time")
    def articles(
        request: Request,
        search: Annotated[str | None, Query(max_length=MAX_TEXT, description="text in the title or body")] = None,
        since: Annotated[str | None, Query(max_length=10, description="published on or after")] = None,
        until: Annotated[str | None, Query(max_length=10, description="published on or before")] = None,
        limit: Limit = 50,
        offset: Offset = 0,
        sort: Annotated[str, Query(max_length=16, description="published, title, events, ingested")] = "published",
        order: Order = "asc",
    ) -> dict[str, Any]:
        work = functools.partial(
            queries.list_articles,
            search=search or None,
            since=since or None,
            until=until or None,
            sort=sort,
            descending=order == "desc",
            limit=limit,
            offset=offset,
        )
        return _read(request, work)

    @router.get("/articles/{article_id}", summary="One article with its text, events and mentions")
    def article(request: Request, article_id: Id) -> dict[str, Any]:
        found = _read(request, functools.partial(queries.article_detail, article_id=article_id))
        if found is None:
            raise HTTPException(404, f"No article with id {article_id!r}")
        return found

    @router.get("/actors", summary="Actors of the matching events, with counts")
    def actors(
        request: Request,
        flt: Filter,
        by: Annotated[Literal["code", "name", "sector"], Query()] = "code",
        role: Annotated[Literal["any", "source", "target"], Query()] = "any",
        limit: Limit = 100,
    ) -> dict[str, Any]:
        return _read(request, functools.partial(queries.actors, flt=flt, by=by, role=role, limit=limit))

    @router.get("/series", summary="Event counts per day, week, month or year")
    def series(
        request: Request,
        flt: Filter,
        interval: Annotated[Literal["day", "week", "month", "year"], Query()] = "month",
        by: Annotated[Literal["type", "quad_class", "none"], Query()] = "type",
    ) -> dict[str, Any]:
        return _read(request, functools.partial(queries.series, flt=flt, interval=interval, by=by))

    @router.get("/dyads", summary="Source-target actor pairs with counts, for a network")
    def dyads(request: Request, flt: Filter, limit: Limit = 200) -> dict[str, Any]:
        return _read(request, functools.partial(queries.dyads, flt=flt, limit=limit))

    @router.get("/places", summary="Event locations with coordinates and counts, for a map")
    def places(request: Request, flt: Filter, limit: Limit = 500) -> dict[str, Any]:
        return _read(request, functools.partial(queries.places, flt=flt, limit=limit))

    @router.get("/facets", summary="Values present in the store, for filter menus")
    def facets(request: Request) -> dict[str, Any]:
        return _read(request, queries.facets)

    return router
