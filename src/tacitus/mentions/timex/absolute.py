"""Rules for dates that carry their own year or need only a year: days, months, years,
decades, centuries, quarters and spelled-out years."""

from __future__ import annotations

import datetime as dt
import re

from tacitus.mentions.timex import calendar as cal
from tacitus.mentions.timex.context import (
    SURE,
    Candidate,
    Context,
    DATE_PREP,
    cap,
    is_count,
    month_number,
    two_digit_year,
)
from tacitus.mentions.timex.lexicon import (
    AMBIGUOUS_MONTHS,
    DAY,
    DECADE_WORDS,
    EDGE,
    MONTH,
    MONTH_FULL,
    ORDINALS,
    WEEKDAY_PREFIX,
    YEAR,
)


# --- absolute and month-day dates -------------------------------------------------------------

_DAY2 = r"(?P<day2>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR_AFTER = r"(?:,?\s+" + YEAR + r"|\s+'(?P<short>\d\d))?"


def resolve_month_day(m: re.Match[str], ctx: Context) -> Candidate | None:
    name = m.group("mon")
    if not cap(name):
        return None
    month = month_number(name)
    day = int(m.group("day"))
    day2 = int(m.group("day2")) if m.groupdict().get("day2") else None
    year: int | None = None
    if m.group("year"):
        year = int(m.group("year"))
    elif m.groupdict().get("short"):
        year = two_digit_year(int(m.group("short")), ctx.published)
    end = m.end()
    if year is None:
        if is_count(ctx, m.start("day"), m.end("day")) and day2 is None:
            # "May 21 people" reads as a count; keep only an unambiguous month name.
            return None
        if ctx.published is None:
            return Candidate(m.start(), end, None, "range" if day2 else "day")
        resolved = cal.month_day(ctx.published, month, day, *ctx.month_penalty(m.start(), end, True))
        if resolved is None:
            return None
        year = resolved.year
        inferred = True
    else:
        inferred = False
    first = cal.safe_date(year, month, day)
    if first is None:
        return None
    if day2 is not None:
        last = cal.safe_date(year, month, day2)
        if last is None or last <= first:
            return None
        return Candidate(m.start(), end, f"{first.isoformat()}/{last.isoformat()}", "range", yearless=inferred)
    return Candidate(m.start(), end, first.isoformat(), "day", yearless=inferred)


MDY = re.compile(
    r"\b" + WEEKDAY_PREFIX + MONTH + r"\s+" + DAY + r"(?:\s*(?:-|–|to|and)\s*" + _DAY2 + r")?"
    r"(?![\d:])" + _YEAR_AFTER + r"(?!\d)",
    re.IGNORECASE,
)
DMY = re.compile(
    r"(?<![\d.,/])\b" + WEEKDAY_PREFIX + r"(?:the\s+)?" + DAY + r"(?:\s*(?:-|–)\s*" + _DAY2 + r")?"
    r"\s+(?:of\s+)?" + MONTH + r"(?:(?<=\.)|\b)" + _YEAR_AFTER + r"(?!\d)",
    re.IGNORECASE,
)


def resolve_month_year(m: re.Match[str], ctx: Context) -> Candidate | None:
    if not cap(m.group("mon")):
        return None
    month = month_number(m.group("mon"))
    return Candidate(m.start(), m.end(), cal.iso_month(int(m.group("year")), month), "month")


MONTH_YEAR = re.compile(
    r"\b" + EDGE + MONTH + r"(?:\s+of|,)?\s+" + YEAR + r"\b(?![-/]\d)", re.IGNORECASE
)


def resolve_month_alone(m: re.Match[str], ctx: Context) -> Candidate | None:
    name = m.group("mon")
    if not cap(name):
        return None
    relation = (m.group("rel") or "").lower().split()
    rel = " ".join(relation) or None
    before = ctx.before(m.start())
    prepped = bool(DATE_PREP.search(before)) or bool(m.group("edge")) or rel is not None
    if name.lower() in AMBIGUOUS_MONTHS and not prepped:
        return None
    if not prepped and re.match(r"\s+[A-Z][a-z]", ctx.after(m.end(), 3)):
        return None  # "June Carter": a name, not a month
    if name.lower() == "may" and re.match(r"\s+(?:be|have|not|also|well|still)\b", ctx.after(m.end())):
        return None
    month = month_number(name)
    if ctx.published is None:
        return Candidate(m.start(), m.end(), None, "month")
    pub = ctx.published
    if rel in ("last", "past", "this past"):
        year = pub.year if month < pub.month else pub.year - 1
    elif rel in ("next", "coming", "this coming"):
        year = pub.year if month > pub.month else pub.year + 1
    elif rel == "this":
        year = pub.year
    else:
        year, _ = cal.month_only(pub, month, *ctx.month_penalty(m.start(), m.end(), False))
    return Candidate(m.start(), m.end(), cal.iso_month(year, month), "month", yearless=rel is None)


MONTH_ALONE = re.compile(
    r"\b" + EDGE + r"(?:(?P<rel>last|next|this\s+past|this\s+coming|this|coming|past)\s+)?"
    + MONTH_FULL + r"(?:(?<=\.)|\b)(?!\s*\d)",
    re.IGNORECASE,
)


def resolve_iso_date(m: re.Match[str], ctx: Context) -> Candidate | None:
    day = cal.safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    if day is None:
        return None
    return Candidate(m.start(), m.end(), day.isoformat(), "day")


ISO_DATE = re.compile(r"(?<![\d/-])(?P<y>1[5-9]\d\d|20\d\d)([-/])(?P<m>\d\d)\2(?P<d>\d\d)(?![\d/-])")


def resolve_numeric_date(m: re.Match[str], ctx: Context) -> Candidate | None:
    first, second = int(m.group("a")), int(m.group("b"))
    raw = m.group("y")
    year = int(raw) if len(raw) == 4 else two_digit_year(int(raw), ctx.published)
    dotted = m.group("sep") == "."
    month, day = (second, first) if dotted or first > 12 else (first, second)
    found = cal.safe_date(year, month, day)
    if found is None:
        return None
    return Candidate(m.start(), m.end(), found.isoformat(), "day")


NUMERIC_DATE = re.compile(
    r"(?<![\d/.,-])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/]|\.\d)"
)


def resolve_iso_week(m: re.Match[str], ctx: Context) -> Candidate | None:
    week = int(m.group("w"))
    year = int(m.group("year"))
    try:
        dt.date.fromisocalendar(year, week, 1)
    except ValueError:
        return None
    return Candidate(m.start(), m.end(), f"{year:04d}-W{week:02d}", "week")


ISO_WEEK = re.compile(
    r"\b(?:" + YEAR + r"-?W(?P<w>\d\d)|[Ww]eek\s+(?P<w2>\d{1,2}),?\s+(?:of\s+)?(?P<year2>1[5-9]\d\d|20\d\d))\b"
)


def resolve_iso_week_any(m: re.Match[str], ctx: Context) -> Candidate | None:
    if m.group("w2"):
        week, year = int(m.group("w2")), int(m.group("year2"))
        try:
            dt.date.fromisocalendar(year, week, 1)
        except ValueError:
            return None
        return Candidate(m.start(), m.end(), f"{year:04d}-W{week:02d}", "week")
    return resolve_iso_week(m, ctx)


# --- years, decades, centuries ------------------------------------------------------------------


def resolve_year(m: re.Match[str], ctx: Context) -> Candidate | None:
    start = m.start("year")
    if not (m.group("fiscal") or m.group("edge") or m.group("the_year")) and is_count(ctx, start, m.end()):
        return None
    return Candidate(m.start(), m.end(), m.group("year"), "year")


YEAR_RULE = re.compile(
    r"(?<![\d.,$€£-])\b" + EDGE + r"(?P<fiscal>(?:fiscal|calendar|FY)\s*)?(?P<the_year>(?:the\s+)?year\s+)?"
    + YEAR + r"\b(?!'?s\b|-\d|/\d|\.\d|,\d{3})",
    re.IGNORECASE,
)


def resolve_year_range(m: re.Match[str], ctx: Context) -> Candidate | None:
    first = int(m.group("year"))
    raw = m.group("y2")
    last = int(raw) if len(raw) == 4 else first // 100 * 100 + int(raw)
    if not first < last <= first + 50:
        return None
    return Candidate(m.start(), m.end(), f"{first}/{last}", "range")


YEAR_RANGE = re.compile(r"(?<![\d.,$-])\b" + YEAR + r"\s*[-–]\s*(?P<y2>\d{4}|\d\d)\b(?!-)")


def resolve_decade(m: re.Match[str], ctx: Context) -> Candidate | None:
    if m.group("dec"):
        start_year = int(m.group("dec"))
    else:
        short = int(m.group("dec2")) if m.group("dec2") else DECADE_WORDS[m.group("decw").lower()]
        if m.group("decw") and not (m.group("the") or m.group("edge")):
            return None
        start_year = two_digit_year(short, ctx.published) // 10 * 10
        if ctx.published and start_year > ctx.published.year:
            start_year -= 100
    return Candidate(m.start(), m.end(), f"{start_year}/{start_year + 9}", "decade")


DECADE = re.compile(
    r"(?<![\d$])\b(?P<the>the\s+)?" + EDGE + r"(?:(?P<dec>1[0-9]\d0|20\d0)'?s\b|'(?P<dec2>\d0)'?s\b"
    r"|(?P<decw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b)",
    re.IGNORECASE,
)


def resolve_century(m: re.Match[str], ctx: Context) -> Candidate | None:
    raw = m.group("ord").lower()
    number = int(re.sub(r"\D", "", raw)) if raw[0].isdigit() else ORDINALS.get(raw)
    if not number or number > 21:
        return None
    first = (number - 1) * 100
    return Candidate(m.start(), m.end(), f"{first:04d}/{first + 99:04d}", "range")


CENTURY = re.compile(
    r"\b(?:the\s+)?" + EDGE + r"(?P<ord>\d{1,2}(?:st|nd|rd|th)|twenty[\s-]first|twentieth"
    r"|nineteenth|eighteenth|seventeenth|sixteenth|fifteenth)[\s-]+century\b",
    re.IGNORECASE,
)

# --- quarters and halves ------------------------------------------------------------------------

_QUARTER_NUMBERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def resolve_quarter(m: re.Match[str], ctx: Context) -> Candidate | None:
    groups = m.groupdict()
    number = _QUARTER_NUMBERS.get((groups.get("ord") or "").lower()) or int(groups.get("q") or 0)
    half = groups.get("half")
    if half:
        number = _QUARTER_NUMBERS[half.lower()]
    year_text = next((groups[g] for g in ("year", "y2", "y3") if groups.get(g)), None)
    if year_text:
        year: int | None = int(year_text)
    elif groups.get("short"):
        year = two_digit_year(int(groups["short"]), ctx.published)
    elif ctx.published is None:
        year = None
    else:
        rel = "last" if groups.get("ago") else (groups.get("rel") or "").lower()
        shift = {"this": 0, "last": -1, "next": 1}.get(rel)
        if shift is not None:
            year = ctx.published.year + shift
        elif half:
            year = ctx.published.year
        else:
            tense, strength = ctx.reading(m.start(), m.end())
            year = cal.quarter_year(ctx.published, number, tense, strength == SURE)
    if half:
        if not m.group("the_half") and not year_text:
            return None
        value = cal.half_months(year, number) if year else None
    else:
        value = cal.quarter_months(year, number) if year else None
    return Candidate(m.start(), m.end(), value, "range")


QUARTER = re.compile(
    r"\b(?:(?:the\s+)?" + YEAR + r"\s+|(?P<rel>this|last|next)\s+year'?s\s+"
    r"|(?:the\s+)?(?P<ago>year[\s-]+(?:ago|earlier))\s+|(?:the|this)\s+(?:current\s+)?)?"
    r"(?:(?:fiscal|calendar)[\s-]+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+"
    r"(?:fiscal[\s-]+)?quarter\b(?:\s+(?:of\s+)?(?:fiscal\s+)?(?P<y2>1[5-9]\d\d|20\d\d)\b)?"
    r"|\bQ(?P<q>[1-4])(?:\s+(?P<y3>1[5-9]\d\d|20\d\d)|\s*'(?P<short>\d\d))?\b"
    r"|\b(?P<the_half>the\s+)?(?P<half>first|second)\s+half\s+of\s+(?:the\s+year\s+)?(?P<y4>1[5-9]\d\d|20\d\d)\b",
    re.IGNORECASE,
)


def resolve_quarter_any(m: re.Match[str], ctx: Context) -> Candidate | None:
    if m.group("q") and not m.group(0).startswith("Q"):
        return None
    if m.group("half"):
        year = int(m.group("y4"))
        number = _QUARTER_NUMBERS[m.group("half").lower()]
        return Candidate(m.start(), m.end(), cal.half_months(year, number), "range")
    return resolve_quarter(m, ctx)


# --- years spelled out, as broadcast transcripts write them ----------------------------------

_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen")  # fmt: skip
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_SMALL = {word: i + 1 for i, word in enumerate(_UNITS)}
_SMALL.update({word: i + 10 for i, word in enumerate(_TEENS)})
_SMALL.update({word: (i + 2) * 10 for i, word in enumerate(_TENS)})
_TWO_DIGITS = (
    r"(?:(?:" + "|".join(_TENS) + r")(?:[\s-]+(?:" + "|".join(_UNITS) + r"))?|" + "|".join(_TEENS)
    + r"|oh[\s-]+(?:" + "|".join(_UNITS) + r"))"
)
SPELLED = (
    r"(?P<sy>(?:eighteen|nineteen|twenty)[\s-]+" + _TWO_DIGITS
    + r"|two\s+thousand(?:(?:\s+and)?[\s-]+(?:" + _TWO_DIGITS + r"|" + "|".join(_UNITS) + r"))?)"
)


def spelled_year(words: str) -> int | None:
    """"nineteen ninety-seven" -> 1997, "two thousand and one" -> 2001."""
    parts = [w for w in re.split(r"[\s-]+", words.lower()) if w not in ("and", "oh")]
    if parts[:2] == ["two", "thousand"]:
        return 2000 + sum(_SMALL[w] for w in parts[2:])
    if not parts or parts[0] not in _SMALL:
        return None
    return _SMALL[parts[0]] * 100 + sum(_SMALL[w] for w in parts[1:])


def resolve_spelled(m: re.Match[str], ctx: Context) -> Candidate | None:
    year = spelled_year(m.group("sy"))
    if year is None:
        return None
    if not (m.group("mon") or m.group("the_year")) and is_count(ctx, m.start("sy"), m.end()):
        return None
    if m.group("mon"):
        if not cap(m.group("mon")):
            return None
        return Candidate(m.start(), m.end(), cal.iso_month(year, month_number(m.group("mon"))), "month")
    return Candidate(m.start(), m.end(), str(year), "year")


SPELLED_YEAR = re.compile(
    r"\b(?:" + MONTH_FULL + r"(?:\s+of|,)?\s+|(?P<the_year>(?:the\s+)?year\s+))?" + SPELLED + r"\b",
    re.IGNORECASE,
)

