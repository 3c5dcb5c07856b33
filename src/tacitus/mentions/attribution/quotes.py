"""Quotation regions in raw text: where quoted speech starts and ends."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

# Straight double quotes and doubled apostrophes (a convention of some wire copy)
# open and close alike; curly quotes say which side they are on.
_MARKS = re.compile(r"''|``|[\"\u201c\u201d\u201e\u00ab\u00bb]")
_OPENERS = frozenset({"\u201c", "\u201e", "\u00ab", "``"})
_CLOSERS = frozenset({"\u201d", "\u00bb"})


@dataclass(frozen=True, slots=True)
class Quote:
    """One quotation, marks included: ``text[start:end]``."""

    start: int
    end: int
    closed: bool  # False when the paragraph ended before a closing mark


class QuoteIndex:
    """Quotation regions of one text, searchable by offset."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.quotes: list[Quote] = find_quotes(text)
        self._starts = [q.start for q in self.quotes]

    def containing(self, start: int, end: int) -> Quote | None:
        """The quotation whose inside covers [start, end), if any."""
        i = bisect.bisect_right(self._starts, start) - 1
        if i >= 0:
            q = self.quotes[i]
            if q.start <= start and end <= q.end:
                return q
        return None

    def overlapping(self, start: int, end: int) -> list[Quote]:
        """Quotations that share at least one character with [start, end)."""
        i = max(bisect.bisect_right(self._starts, start) - 1, 0)
        out: list[Quote] = []
        for q in self.quotes[i:]:
            if q.start >= end:
                break
            if q.end > start:
                out.append(q)
        return out

    def starting_after(self, offset: int, *, gap: str = " \t\n\u00a0:,\u2014-") -> Quote | None:
        """The quotation that opens right after ``offset``, allowing only ``gap`` chars between."""
        i = bisect.bisect_left(self._starts, offset)
        if i < len(self.quotes):
            q = self.quotes[i]
            if all(c in gap for c in self.text[offset : q.start]):
                return q
        return None

    def ending_before(self, offset: int, *, gap: str = " \t\n\u00a0,\u2014-") -> Quote | None:
        """The quotation that closes right before ``offset``, allowing only ``gap`` chars between."""
        i = bisect.bisect_right(self._starts, offset) - 1
        while i >= 0:
            q = self.quotes[i]
            if q.end <= offset:
                if all(c in gap for c in self.text[q.end : offset]):
                    return q
                return None
            i -= 1
        return None


def find_quotes(text: str) -> list[Quote]:
    """Pair quotation marks paragraph by paragraph.

    A quotation left open at a paragraph break ends there: news style reopens a
    long quotation at each new paragraph without closing the previous one.
    """
    quotes: list[Quote] = []
    for para in re.finditer(r"[^\n]+", text):
        open_at: int | None = None
        for m in _MARKS.finditer(para.group()):
            mark = m.group()
            at = para.start() + m.start()
            if open_at is None:
                if mark in _CLOSERS:
                    continue  # a stray closer: nothing to close
                open_at = at
            else:
                if mark in _OPENERS and not _closes(text, at, at + len(mark)):
                    open_at = at  # a stray opener: restart from the newer one
                    continue
                quotes.append(Quote(open_at, para.start() + m.end(), True))
                open_at = None
        if open_at is not None and para.end() - open_at > 1:
            quotes.append(Quote(open_at, _rstrip_end(text, open_at, para.end()), False))
    return quotes


def _closes(text: str, start: int, end: int) -> bool:
    """An opening mark typed where a closing one belongs: '\u201cApparently not,\u201c he said'."""
    before = text[start - 1 : start]
    after = text[end : end + 1]
    return bool(before) and not before.isspace() and (not after or after.isspace() or after in ".,;:!?")


def _rstrip_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
