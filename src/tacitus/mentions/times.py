"""Time expressions in article text, resolved against the publication date.

Values are ISO 8601:

- ``YYYY-MM-DD`` day ("Jan. 21, 2022", "yesterday", "Tuesday night", "three days ago"),
- ``YYYY-Www`` week ("this week", "two weeks ago", "2022-W03"),
- ``YYYY-MM`` month ("in October", "last month", "earlier this month"),
- ``YYYY-SP|SU|FA|WI`` season ("last summer"; a winter is named by the year it starts),
- ``YYYY`` year ("in 2022", "next year", "five years ago"),
- ``START/END`` with precision ``decade`` for decades ("the 1990s" -> ``1990/1999``),
- ``START/END`` with precision ``range`` for everything else that spans units:
  quarters and halves as months ("the third quarter of 2021" -> ``2021-07/2021-09``),
  centuries as years, weekends as days, "since October" -> ``2021-10/2022-01-21``,
  "from January to March 2021", "in the past week" (the seven days up to
  publication), "in recent months" (three months back to publication).
  An open end is ``..`` when the publication date is unknown ("since 2019" -> ``2019/..``).

Expressions that need the publication date keep their span but get
``value=None`` when it is unknown. Tense decides between readings: "on Friday"
is the latest Friday on or before publication unless its clause is about the
future; a bare month is the nearest one in the direction the clause points
("in October" read on 2022-01-21 is 2021-10 in a past clause, 2022-10 in a
future one); a month and day without a year stays near publication whatever the
verb, as news style omits the year only for the current one. The tense comes
from the spaCy parse when one is given, else from the nearest tense word
(will, would, was, -ed ...) in the sentence. Durations ("for three years", "80
minutes") and counts ("2000 people") are not tagged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING

from tacitus.documents.nlp import doc_text
from tacitus.mentions.timex import compose, rules, tense
from tacitus.records import TimeRef

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["PRECISION_ORDER", "attach_time", "find_times"]

# Finest first: the order in which attach_time prefers a precision.
PRECISION_ORDER: tuple[str, ...] = ("day", "week", "month", "season", "range", "year", "decade")


def _tense_oracle(text: str, doc: Doc | None, start: int, end: int) -> tuple[tense.Tense, int]:
    """The clause's tense and how sure it is: the parse is sure, nearby words less so."""
    if tense.reported_past(text, start):
        return "past", tense.SURE
    if doc is not None:
        found = tense.tense_from_doc(doc, start, end)
        if found is not None:
            return found, tense.SURE
    return tense.tense_from_text(text, start, end)


def find_times(text: str, published: dt.date | None, *, doc: Doc | None = None) -> list[TimeRef]:
    """Every time expression in ``text`` with its span, ISO value and precision."""
    if isinstance(published, dt.datetime):
        published = published.date()
    if doc is not None and doc_text(doc) != text:
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
