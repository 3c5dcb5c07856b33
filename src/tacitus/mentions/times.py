"""Time expressions in article text, resolved against the publication date.

Values are ISO 8601: ``YYYY-MM-DD`` (day), ``YYYY-Www`` (week), ``YYYY-MM``
(month), ``YYYY-SP|SU|FA|WI`` (season), ``YYYY`` (year), ``START/END`` for
decades (``1990/1999``, precision ``decade``) and for every other range
(precision ``range``): quarters and halves as months (``2022-01/2022-03``),
centuries as years, weekends as days, "since October" as
``2021-10/2022-01-21`` (an open end is ``..`` when the publication date is
unknown), "in recent months" as three months back to publication.

Expressions that need the publication date (weekdays, "last month", "January 21")
keep their span but get ``value=None`` when it is unknown. Tense decides
between readings: "on Friday" is the latest Friday on or before publication
unless its clause is about the future; "in October" is the nearest October in
the direction the clause points. Durations ("for three years", "80 minutes")
are not tagged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING

from tacitus.mentions.timex import compose, rules, tense
from tacitus.records import TimeRef

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["PRECISION_ORDER", "attach_time", "find_times"]

# Finest first: the order in which attach_time prefers a precision.
PRECISION_ORDER: tuple[str, ...] = ("day", "week", "month", "season", "range", "year", "decade")


def _tense_oracle(text: str, doc: Doc | None, start: int, end: int) -> tuple[tense.Tense, int]:
    """The clause's tense and how sure it is: the parse is sure, nearby words less so."""
    if doc is not None:
        found = tense.tense_from_doc(doc, start, end)
        if found is not None:
            return found, tense.SURE
    return tense.tense_from_text(text, start, end)


def find_times(text: str, published: dt.date | None, *, doc: Doc | None = None) -> list[TimeRef]:
    """Every time expression in ``text`` with its span, ISO value and precision."""
    if isinstance(published, dt.datetime):
        published = published.date()
    if doc is not None and doc.text != text:
        doc = None  # offsets would not line up
    ctx = rules.Context(text, published, partial(_tense_oracle, text, doc))
    chosen = compose.select(rules.propose(ctx))
    chosen = compose.ranges(text, chosen, published)
    return [
        TimeRef(text=text[c.start : c.end], start=c.start, end=c.end, value=c.value, precision=c.precision)
        for c in chosen
    ]


def attach_time(
    times: Sequence[TimeRef], start: int, end: int, *, anchor: int | None = None
) -> TimeRef | None:
    """The time expression inside ``[start, end)`` best suited to date what is said there.

    Resolved values beat unresolved ones, finer precision beats coarser, and among
    equals the one nearest ``anchor`` (default: the middle of the stretch) wins.
    """
    point = anchor if anchor is not None else (start + end) // 2
    inside = [time for time in times if time.start >= start and time.end <= end]
    if not inside:
        return None

    def key(time: TimeRef) -> tuple[int, int, int]:
        rank = PRECISION_ORDER.index(time.precision) if time.precision in PRECISION_ORDER else len(PRECISION_ORDER)
        distance = 0 if time.start <= point < time.end else min(abs(time.start - point), abs(time.end - point))
        return (time.value is None, rank, distance)

    return min(inside, key=key)
