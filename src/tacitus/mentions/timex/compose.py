"""Turn overlapping candidates into one reading per stretch of text, and build ranges."""

from __future__ import annotations

import bisect
import datetime as dt
import re

from tacitus.mentions.timex.rules import Candidate

_SINCE = re.compile(r"\b(?:[Ss]ince|[Ee]ver\s+since)\s+$")
_FROM = re.compile(r"\b(?:[Ff]rom|[Bb]etween)\s+$")
_JOIN_AFTER_FROM = re.compile(r"^\s*(?:-|–|—|to|until|till|through|and)\s*$")
_JOIN_BARE = re.compile(r"^\s*(?:-|–|—|through|until|till)\s*$")


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
            if joined:
                start = opener.start() if opener else current.start
                value = None
                if current.value and following.value:
                    head, tail = first_part(current.value), last_part(following.value)
                    if head[:4].isdigit() and tail[:4].isdigit() and head > tail and len(head) > 4:
                        # "from January to March 2021": the first end takes the second's year.
                        head = tail[:4] + head[4:]
                    value = f"{head}/{tail}"
                merged.append(Candidate(start, following.end, value, "range", current.rank))
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
