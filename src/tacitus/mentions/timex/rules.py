"""The rule table and the scan that proposes time expressions.

Every rule pairs one compiled regex with a function that turns a match into a
:class:`Candidate` (or rejects it). Rules overlap freely; ``compose`` keeps the
longest reading.
"""

from __future__ import annotations

import re

from tacitus.mentions.timex.absolute import (
    CENTURY,
    DECADE,
    DMY,
    ISO_DATE,
    ISO_WEEK,
    MDY,
    MONTH_ALONE,
    MONTH_YEAR,
    NUMERIC_DATE,
    QUARTER,
    SPELLED_YEAR,
    YEAR_RANGE,
    YEAR_RULE,
    resolve_century,
    resolve_decade,
    resolve_iso_date,
    resolve_iso_week_any,
    resolve_month_alone,
    resolve_month_day,
    resolve_month_year,
    resolve_numeric_date,
    resolve_quarter_any,
    resolve_spelled,
    resolve_year,
    resolve_year_range,
)
from tacitus.mentions.timex.context import Candidate, Context, Resolver
from tacitus.mentions.timex.lexicon import MONTHS
from tacitus.mentions.timex.relative import (
    AGO,
    HOLIDAY,
    PERIOD,
    RECENT,
    RELATIVE_DAY,
    SEASON,
    WEEKDAY_RULE,
    resolve_ago,
    resolve_holiday,
    resolve_period,
    resolve_recent,
    resolve_relative_day,
    resolve_season,
    resolve_weekday,
)

__all__ = ["RULES", "Candidate", "Context", "propose", "windows"]

# Each rule runs only near words that every expression it accepts contains: Python's
# regex engine tries a pattern at every position, so scanning whole articles with twenty
# patterns would cost more than the rest of the tagger together.
_MONTH_WORDS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_YEARS = ("<year>",)
RULES: tuple[tuple[re.Pattern[str], Resolver, tuple[str, ...]], ...] = (
    (ISO_DATE, resolve_iso_date, _YEARS),
    (NUMERIC_DATE, resolve_numeric_date, ("<numeric>",)),
    (ISO_WEEK, resolve_iso_week_any, _YEARS),
    (MDY, resolve_month_day, _MONTH_WORDS),
    (DMY, resolve_month_day, _MONTH_WORDS),
    (MONTH_YEAR, resolve_month_year, _MONTH_WORDS),
    (DECADE, resolve_decade, ("0s", "0's", "ties")),
    (CENTURY, resolve_century, ("centur",)),
    (QUARTER, resolve_quarter_any, ("quarter", "half", "q1", "q2", "q3", "q4")),
    (YEAR_RANGE, resolve_year_range, _YEARS),
    (YEAR_RULE, resolve_year, _YEARS),
    (SEASON, resolve_season, ("spring", "summer", "autumn", "fall", "winter")),
    (MONTH_ALONE, resolve_month_alone, _MONTH_WORDS),
    (RELATIVE_DAY, resolve_relative_day, ("today", "tonight", "tomorrow", "yesterday", "night", "morning",
                                   "afternoon", "evening")),
    (WEEKDAY_RULE, resolve_weekday, ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                              "sunday")),
    (PERIOD, resolve_period, ("week", "month", "quarter", "year", "decade")),
    (AGO, resolve_ago, ("ago", "earlier", "from now", "hence")),
    (RECENT, resolve_recent, ("recent", "few", "several", "couple")),
    (HOLIDAY, resolve_holiday, ("christmas", "new year", "halloween", "valentine")),
    (SPELLED_YEAR, resolve_spelled, ("eighteen", "nineteen", "twenty", "thousand")),
)  # fmt: skip

# How far an expression reaches before and after the word that triggers its rule.
REACH_BEFORE = 50
REACH_AFTER = 40
# Patterns that begin with a character class let the engine skip ahead quickly.
_TRIGGER_PATTERNS = {"<year>": re.compile(r"[12][0-9][0-9][0-9]"), "<numeric>": re.compile(r"[0-9][/.][0-9]")}
_MONTH_TOKEN = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*")


def _positions(lowered: str, word: str) -> list[int]:
    if word in _TRIGGER_PATTERNS:
        return [match.start() for match in _TRIGGER_PATTERNS[word].finditer(lowered)]
    found: list[int] = []
    month = word in _MONTH_WORDS
    index = lowered.find(word)
    while index != -1:
        if not month or _is_month_token(lowered, index):
            found.append(index)
        index = lowered.find(word, index + len(word))
    return found


def _is_month_token(lowered: str, index: int) -> bool:
    """Skip "market", "decline", "mayor": only whole month names and abbreviations count."""
    if index and lowered[index - 1].isalpha():
        return False
    token = _MONTH_TOKEN.match(lowered, index)
    return token is not None and token.group(0) in MONTHS


def windows(positions: list[int], length: int) -> list[tuple[int, int]]:
    """Merged stretches around trigger positions, in order."""
    spans: list[tuple[int, int]] = []
    for position in sorted(positions):
        start, end = max(0, position - REACH_BEFORE), min(length, position + REACH_AFTER)
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], end))
        else:
            spans.append((start, end))
    return spans


def propose(ctx: Context) -> list[Candidate]:
    """Every candidate expression any rule finds in the text."""
    lowered = ctx.text.lower()
    cache: dict[str, list[int]] = {}
    found: list[Candidate] = []
    for rank, (pattern, resolve, words) in enumerate(RULES):
        positions: list[int] = []
        for word in words:
            if word not in cache:
                cache[word] = _positions(lowered, word)
            positions.extend(cache[word])
        for start, end in windows(positions, len(ctx.text)):
            for match in pattern.finditer(ctx.text, start, end):
                candidate = resolve(match, ctx)
                if candidate is not None and candidate.end > candidate.start:
                    candidate.rank = rank
                    found.append(candidate)
    return found

