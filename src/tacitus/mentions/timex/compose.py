"""Turn overlapping candidates into one reading per stretch of text, and build ranges."""

from __future__ import annotations

import bisect
import datetime as dt
import re

from tacitus.mentions.timex.context import Candidate

_SINCE = re.compile(r"\b(?:[Ss]ince|[Ee]ver\s+since)\s+$")
_FROM = re.compile(r"\b(?:[Ff]rom|[Bb]etween)\s+$")
_JOIN_AFTER_FROM = re.compile(r"^\s*(?:-|–|—|to|until|till|through|and)\s*$")
_JOIN_BARE = re.compile(r"^\s*(?:-|–|through|until|till)\s*$")


def select(candidates: list[Candidate]) -> list[Candidate]:
    """Keep the longest non-overlapping candidates; earlier rules win ties."""
    ordered = sorted(candidates, key=lambda c: (-(c.end - c.start), c.rank, c.start))
    starts: list[int] = []
    taken: list[Candidate] = []  # kept in text order, parallel to ``starts``
    for candidate in ordered:
        index = bisect.bisect_left(starts, candidate.start)
        if index > 0 and taken[index - 1].end > candidate.start:
            continue
        if index < len(taken) and taken[index].start < candidate.end:
            continue
        starts.insert(index, candidate.start)
        taken.insert(index, candidate)
    return taken


def first_part(value: str) -> str:
    return value.split("/", 1)[0]


def last_part(value: str) -> str:
    return value.rsplit("/", 1)[-1]


def ranges(text: str, found: list[Candidate], published: dt.date | None) -> list[Candidate]:
    """Merge "from X to Y", "between X and Y", "X-Y" pairs and widen "since X" to X/publication."""
    merged: list[Candidate] = []
    index = 0
    while index < len(found):
        current = found[index]
        following = found[index + 1] if index + 1 < len(found) else None
        if following is not None:
            gap = text[current.end : following.start]
            opener = _FROM.search(text, max(0, current.start - 10), current.start)
            joined = (opener and _JOIN_AFTER_FROM.match(gap)) or _JOIN_BARE.match(gap)
            merged_value = _join(current, following) if joined else None
            if joined and (merged_value is not None or not (current.value and following.value)):
                start = opener.start() if opener else current.start
                merged.append(Candidate(start, following.end, merged_value, "range", current.rank))
                index += 2
                continue
        since = _SINCE.search(text, max(0, current.start - 14), current.start)
        if since:
            value = None
            if current.value:
                end = published.isoformat() if published else ".."
                value = f"{first_part(current.value)}/{end}"
            merged.append(Candidate(since.start(), current.end, value, "range", current.rank))
        else:
            merged.append(current)
        index += 1
    return merged


def _join(first: Candidate, second: Candidate) -> str | None:
    """The range from ``first`` to ``second``, or None when they do not make one."""
    if not (first.value and second.value):
        return None
    head, tail = first_part(first.value), last_part(second.value)
    if first.yearless and tail[:4].isdigit() and head[:4] != tail[:4]:
        # "from January to March 2021": the first end takes the second's year, or the one
        # before when it would otherwise come after the end ("from December to February 2022").
        head = tail[:4] + head[4:]
        if head[:7] > tail[:7]:
            head = f"{int(tail[:4]) - 1:04d}" + head[4:]
    if head[:10] > tail[:10] and not tail.startswith(head[:4]):
        return None
    return f"{head}/{tail}"
