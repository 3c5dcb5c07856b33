"""Date arithmetic for resolving time expressions against a publication date."""

from __future__ import annotations

import datetime as dt
import math
from typing import Literal

Tense = Literal["past", "future"] | None

SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def iso_day(day: dt.date) -> str:
    return day.isoformat()


def iso_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def pick(
    candidates: list[tuple[int, ...]], anchor: tuple[int, ...], tense: Tense, penalty: float = math.inf
) -> tuple[int, ...]:
    """Choose among readings of an underspecified date by tense.

    The nearest reading wins, where one that goes against the tense counts as
    ``penalty`` days further away (infinite: the tense decides outright, so past
    means the latest reading on or before the anchor). Ties go to the past,
    since news mostly reports.
    """
    ordered = sorted(candidates)
    unit = 1 if len(anchor) == 3 else 30 if len(anchor) == 2 else 365

    def cost(c: tuple[int, ...]) -> tuple[float, int]:
        gap = (_ordinal(c) - _ordinal(anchor)) * unit
        against = (tense == "past" and gap > 0) or (tense == "future" and gap < 0)
        return (abs(gap) + (penalty if against else 0), 0 if gap <= 0 else 1)

    return min(ordered, key=cost)


def _ordinal(parts: tuple[int, ...]) -> int:
    if len(parts) == 3:
        day = safe_date(*parts)
        if day is None:
            day = dt.date(parts[0], parts[1], 28)
        return day.toordinal()
    if len(parts) == 2:
        return parts[0] * 12 + parts[1]
    return parts[0]


def month_day(
    published: dt.date, month: int, day: int, tense: Tense, penalty: float = math.inf
) -> dt.date | None:
    """The year for "January 21" read on ``published``."""
    readings = [
        (year, month, day)
        for year in (published.year - 1, published.year, published.year + 1)
        if safe_date(year, month, day) is not None
    ]
    if not readings:
        return None
    year, month, day = pick(readings, (published.year, published.month, published.day), tense, penalty)
    return dt.date(year, month, day)


def month_only(
    published: dt.date, month: int, tense: Tense, penalty: float = math.inf
) -> tuple[int, int]:
    """The year for "in October" read on ``published``."""
    readings = [(year, month) for year in (published.year - 1, published.year, published.year + 1)]
    year, month = pick(readings, (published.year, published.month), tense, penalty)
    return year, month


def weekday(published: dt.date, target: int, relation: str | None, tense: Tense) -> dt.date:
    """Resolve a weekday name (Monday=0) with an optional last/next/this."""
    back = (published.weekday() - target) % 7
    ahead = (target - published.weekday()) % 7
    if relation in ("last", "past", "this past"):
        return published - dt.timedelta(days=back or 7)
    if relation in ("next", "coming", "this coming"):
        return published + dt.timedelta(days=ahead or 7)
    if relation == "this":
        return published - dt.timedelta(days=published.weekday()) + dt.timedelta(days=target)
    if tense == "future":
        return published + dt.timedelta(days=ahead)
    return published - dt.timedelta(days=back)


def season_year(published: dt.date, season: str, relation: str | None, tense: Tense) -> int:
    """The year of "last summer", "this winter", "the spring"."""
    start_month = SEASON_START[season]
    # The season named by its starting year; winter runs December to February.
    current = published.year if published.month >= start_month else published.year - 1
    # ``current`` is the latest season of this name that has started by publication.
    started = (current, start_month)
    in_progress = (published.year, published.month) < add_months(*started, 3)
    if relation in ("this", "current"):
        if in_progress:
            return current
        if tense == "future" or current != published.year:
            return current + 1
        return current
    if relation in ("last", "past", "this past"):
        return current - 1 if in_progress else current
    if relation in ("next", "coming", "this coming"):
        return current + 1
    if tense == "future":
        return current if in_progress else current + 1
    if tense == "past":
        return current
    # Unknown tense: the nearest one.
    ahead = current + 1
    gap_back = (published.year * 12 + published.month) - (current * 12 + start_month)
    gap_ahead = (ahead * 12 + start_month) - (published.year * 12 + published.month)
    return current if gap_back <= gap_ahead + 3 else ahead


def quarter_months(year: int, quarter: int) -> str:
    first = (quarter - 1) * 3 + 1
    return f"{iso_month(year, first)}/{iso_month(year, first + 2)}"


def half_months(year: int, half: int) -> str:
    first = (half - 1) * 6 + 1
    return f"{iso_month(year, first)}/{iso_month(year, first + 5)}"


def quarter_year(published: dt.date, quarter: int, tense: Tense, strict: bool = False) -> int:
    """Quarters without a year are the publication year's.

    Only a parsed past tense moves a quarter still to come back a year; a future
    tense does not move an ended one ahead, since results for a quarter are
    announced after it ends ("will report third-quarter earnings" in October).
    """
    current = (published.month - 1) // 3 + 1
    if strict and tense == "past" and quarter > current:
        return published.year - 1
    return published.year


def weekend(day: dt.date, relation: str | None, tense: Tense) -> tuple[dt.date, dt.date]:
    """Saturday and Sunday of the weekend meant by "last/this/next weekend"."""
    saturday_back = day - dt.timedelta(days=(day.weekday() - 5) % 7)
    if day.weekday() == 6:
        saturday_back = day - dt.timedelta(days=1)
    saturday_ahead = day + dt.timedelta(days=(5 - day.weekday()) % 7)
    if relation == "next":
        saturday = saturday_ahead if day.weekday() < 5 else saturday_ahead + dt.timedelta(days=7)
        if day.weekday() == 6:
            saturday = day + dt.timedelta(days=6)
    elif relation == "last":
        saturday = saturday_back if day.weekday() < 5 else saturday_back - dt.timedelta(days=7)
    elif relation == "this":
        saturday = saturday_ahead if day.weekday() < 5 else saturday_back
    elif tense == "future":
        saturday = saturday_ahead if day.weekday() < 5 else saturday_back
    else:
        saturday = saturday_back
    return saturday, saturday + dt.timedelta(days=1)
