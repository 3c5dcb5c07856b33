"""Patterns that propose time expressions, each with a resolver.

Every rule pairs one compiled regex with a function that turns a match into a
:class:`Candidate` (or rejects it). Rules overlap freely; ``compose`` keeps the
longest reading.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tacitus.mentions.timex import calendar as cal
from tacitus.mentions.timex.lexicon import (
    AMBIGUOUS_MONTHS,
    DAY,
    DECADE_WORDS,
    EDGE,
    MONTH,
    MONTH_FULL,
    MONTHS,
    NUMBER,
    NUMBERS,
    ORDINALS,
    PART,
    SEASONS,
    WEEKDAY,
    WEEKDAY_PREFIX,
    WEEKDAYS,
    YEAR,
)

if TYPE_CHECKING:
    from tacitus.mentions.timex.calendar import Tense


@dataclass(slots=True)
class Candidate:
    """A proposed time expression: ``text[start:end]`` with its resolved value."""

    start: int
    end: int
    value: str | None
    precision: str
    rank: int = 0  # rule order, breaks ties between equally long readings
    yearless: bool = False  # the year was inferred, so a range's other end may supply it


class Context:
    """What resolvers need: the text, the publication date and a tense oracle."""

    def __init__(
        self, text: str, published: dt.date | None, tense: Callable[[int, int], tuple[Tense, int]]
    ):
        self.text = text
        self.published = published
        self._tense = tense
        self._cache: dict[tuple[int, int], tuple[Tense, int]] = {}

    def reading(self, start: int, end: int) -> tuple[Tense, int]:
        """The clause's tense and the strength of the evidence (see ``tense.WEAK`` and up)."""
        key = (start, end)
        if key not in self._cache:
            before = self.text[max(0, start - 8) : start].lower()
            if _SINCE.search(before):
                self._cache[key] = ("past", SURE)
            else:
                self._cache[key] = self._tense(start, end)
        return self._cache[key]

    def month_penalty(self, start: int, end: int, with_day: bool) -> tuple[Tense, float]:
        """Tense and the cost (days) of a reading against it, for dates without a year."""
        tense, strength = self.reading(start, end)
        table = DAY_PENALTY if with_day else MONTH_PENALTY
        return tense, table[strength]

    def tense(self, start: int, end: int) -> Tense:
        return self.reading(start, end)[0]

    def before(self, start: int, chars: int = 25) -> str:
        return self.text[max(0, start - chars) : start]

    def after(self, end: int, chars: int = 25) -> str:
        return self.text[end : end + chars]


_SINCE = re.compile(r"\bsince\s+$")
WEAK, CLOSE, SURE = 0, 1, 2
# A reading against the clause's tense counts as this many days further from publication.
# News writes "Dec. 7" for this year's December 7 whatever the verb, so a day-month date
# never follows tense outright; a bare month does once the parse or a modal says so.
MONTH_PENALTY = {WEAK: 100.0, CLOSE: 250.0, SURE: math.inf}
DAY_PENALTY = {WEAK: 60.0, CLOSE: 150.0, SURE: 150.0}
Resolver = Callable[[re.Match[str], Context], Candidate | None]

# Words before a month or season name that make it a date ("in May", "since March").
_DATE_PREP = re.compile(
    r"\b(?:in|since|until|till|by|from|through|during|before|after|of|last|next|this|early|late"
    r"|mid|end|beginning|start|between|and|to|on|that|for|around|as\s+of)\s+$",
    re.IGNORECASE,
)
# A number right before or after a year candidate that makes it a count, not a year.
_COUNT_BEFORE = re.compile(
    r"(?:[$€£#¥]|\d[.,]?|\b(?:about|around|nearly|almost|some|approximately|over|under|than|least"
    r"|only|just|roughly|No\.|no\.|number|top|page|flight|Flight|route|Route|Room|room|channel"
    r"|model|Model|version|Version|of\s+the|exactly|up\s+to|all|estimated|total\s+of)\s*)$"
)
_COUNT_AFTER = re.compile(
    r"^(?:\s*(?:%|percent\b|per\s+cent\b|pc\b|[,.]\d|\d|-year|-strong|-member|-page|-mile|-meter"
    r"|-metre|-foot|-pound|-ton|-square)|\s+(?:people|persons|troops|soldiers|workers|jobs|cases"
    r"|deaths|dead|dollars|euros|pounds|yen|yuan|rupees|units|shares|points|times|members|votes|acres"
    r"|tons|tonnes|km|kilometers|kilometres|miles|meters|metres|feet|barrels|cars|vehicles|homes"
    r"|houses|residents|refugees|migrants|employees|students|children|civilians|police|officers"
    r"|fighters|militants|protesters|protestors|delegates|seats|staff|prisoners|patients|birds"
    r"|voters|ballots|animals|tanks|aircraft|planes|missiles|rockets|ships|boats|families|families|individuals"
    r"|others|more|of\s+(?:them|the|their|his|her)|or\s+so|to\s+\d)\b)",
    re.IGNORECASE,
)


def _cap(word: str) -> bool:
    return word[:1].isupper()


def _month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _two_digit_year(short: int, published: dt.date | None) -> int:
    pivot = (published.year % 100 + 10) if published else 30
    return 2000 + short if short <= pivot else 1900 + short


def _is_count(ctx: Context, start: int, end: int) -> bool:
    return bool(_COUNT_BEFORE.search(ctx.before(start)) or _COUNT_AFTER.search(ctx.after(end, 40)))


# --- absolute and month-day dates -------------------------------------------------------------

_DAY2 = r"(?P<day2>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR_AFTER = r"(?:,?\s+" + YEAR + r"|\s+'(?P<short>\d\d))?"


def _month_day(m: re.Match[str], ctx: Context) -> Candidate | None:
    name = m.group("mon")
    if not _cap(name):
        return None
    month = _month_number(name)
    day = int(m.group("day"))
    day2 = int(m.group("day2")) if m.groupdict().get("day2") else None
    year: int | None = None
    if m.group("year"):
        year = int(m.group("year"))
    elif m.groupdict().get("short"):
        year = _two_digit_year(int(m.group("short")), ctx.published)
    end = m.end()
    if year is None:
        if _is_count(ctx, m.start("day"), m.end("day")) and day2 is None:
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


def _month_year(m: re.Match[str], ctx: Context) -> Candidate | None:
    if not _cap(m.group("mon")):
        return None
    month = _month_number(m.group("mon"))
    return Candidate(m.start(), m.end(), cal.iso_month(int(m.group("year")), month), "month")


MONTH_YEAR = re.compile(
    r"\b" + EDGE + MONTH + r"(?:\s+of|,)?\s+" + YEAR + r"\b(?![-/]\d)", re.IGNORECASE
)


def _month_alone(m: re.Match[str], ctx: Context) -> Candidate | None:
    name = m.group("mon")
    if not _cap(name):
        return None
    relation = (m.group("rel") or "").lower().split()
    rel = " ".join(relation) or None
    before = ctx.before(m.start())
    prepped = bool(_DATE_PREP.search(before)) or bool(m.group("edge")) or rel is not None
    if name.lower() in AMBIGUOUS_MONTHS and not prepped:
        return None
    if not prepped and re.match(r"\s+[A-Z][a-z]", ctx.after(m.end(), 3)):
        return None  # "June Carter": a name, not a month
    if name.lower() == "may" and re.match(r"\s+(?:be|have|not|also|well|still)\b", ctx.after(m.end())):
        return None
    month = _month_number(name)
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


def _iso_date(m: re.Match[str], ctx: Context) -> Candidate | None:
    day = cal.safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    if day is None:
        return None
    return Candidate(m.start(), m.end(), day.isoformat(), "day")


ISO_DATE = re.compile(r"(?<![\d/-])(?P<y>1[5-9]\d\d|20\d\d)([-/])(?P<m>\d\d)\2(?P<d>\d\d)(?![\d/-])")


def _numeric_date(m: re.Match[str], ctx: Context) -> Candidate | None:
    first, second = int(m.group("a")), int(m.group("b"))
    raw = m.group("y")
    year = int(raw) if len(raw) == 4 else _two_digit_year(int(raw), ctx.published)
    dotted = m.group("sep") == "."
    month, day = (second, first) if dotted or first > 12 else (first, second)
    found = cal.safe_date(year, month, day)
    if found is None:
        return None
    return Candidate(m.start(), m.end(), found.isoformat(), "day")


NUMERIC_DATE = re.compile(
    r"(?<![\d/.,-])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/]|\.\d)"
)


def _iso_week(m: re.Match[str], ctx: Context) -> Candidate | None:
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


def _iso_week_any(m: re.Match[str], ctx: Context) -> Candidate | None:
    if m.group("w2"):
        week, year = int(m.group("w2")), int(m.group("year2"))
        try:
            dt.date.fromisocalendar(year, week, 1)
        except ValueError:
            return None
        return Candidate(m.start(), m.end(), f"{year:04d}-W{week:02d}", "week")
    return _iso_week(m, ctx)


# --- years, decades, centuries ------------------------------------------------------------------


def _year(m: re.Match[str], ctx: Context) -> Candidate | None:
    start = m.start("year")
    if not (m.group("fiscal") or m.group("edge") or m.group("the_year")) and _is_count(ctx, start, m.end()):
        return None
    return Candidate(m.start(), m.end(), m.group("year"), "year")


YEAR_RULE = re.compile(
    r"(?<![\d.,$€£-])\b" + EDGE + r"(?P<fiscal>(?:fiscal|calendar|FY)\s*)?(?P<the_year>(?:the\s+)?year\s+)?"
    + YEAR + r"\b(?!'?s\b|-\d|/\d|\.\d|,\d{3})",
    re.IGNORECASE,
)


def _year_range(m: re.Match[str], ctx: Context) -> Candidate | None:
    first = int(m.group("year"))
    raw = m.group("y2")
    last = int(raw) if len(raw) == 4 else first // 100 * 100 + int(raw)
    if not first < last <= first + 50:
        return None
    return Candidate(m.start(), m.end(), f"{first}/{last}", "range")


YEAR_RANGE = re.compile(r"(?<![\d.,$-])\b" + YEAR + r"\s*[-–]\s*(?P<y2>\d{4}|\d\d)\b(?!-)")


def _decade(m: re.Match[str], ctx: Context) -> Candidate | None:
    if m.group("dec"):
        start_year = int(m.group("dec"))
    else:
        short = int(m.group("dec2")) if m.group("dec2") else DECADE_WORDS[m.group("decw").lower()]
        if m.group("decw") and not (m.group("the") or m.group("edge")):
            return None
        start_year = _two_digit_year(short, ctx.published) // 10 * 10
        if ctx.published and start_year > ctx.published.year:
            start_year -= 100
    return Candidate(m.start(), m.end(), f"{start_year}/{start_year + 9}", "decade")


DECADE = re.compile(
    r"(?<![\d$])\b(?P<the>the\s+)?" + EDGE + r"(?:(?P<dec>1[0-9]\d0|20\d0)'?s\b|'(?P<dec2>\d0)'?s\b"
    r"|(?P<decw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b)",
    re.IGNORECASE,
)


def _century(m: re.Match[str], ctx: Context) -> Candidate | None:
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


def _quarter(m: re.Match[str], ctx: Context) -> Candidate | None:
    groups = m.groupdict()
    number = _QUARTER_NUMBERS.get((groups.get("ord") or "").lower()) or int(groups.get("q") or 0)
    half = groups.get("half")
    if half:
        number = _QUARTER_NUMBERS[half.lower()]
    year_text = next((groups[g] for g in ("year", "y2", "y3") if groups.get(g)), None)
    if year_text:
        year: int | None = int(year_text)
    elif groups.get("short"):
        year = _two_digit_year(int(groups["short"]), ctx.published)
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


def _quarter_any(m: re.Match[str], ctx: Context) -> Candidate | None:
    if m.group("q") and not m.group(0).startswith("Q"):
        return None
    if m.group("half"):
        year = int(m.group("y4"))
        number = _QUARTER_NUMBERS[m.group("half").lower()]
        return Candidate(m.start(), m.end(), cal.half_months(year, number), "range")
    return _quarter(m, ctx)


# --- seasons ------------------------------------------------------------------------------------


def _season(m: re.Match[str], ctx: Context) -> Candidate | None:
    word = m.group("season").lower()
    season = SEASONS[word]
    rel_raw = (m.group("rel") or "").lower()
    rel = " ".join(rel_raw.split()) or None
    start = m.start("core")
    if m.group("year") or m.group("y2"):
        year = int(m.group("year") or m.group("y2"))
        return Candidate(start, m.end(), f"{year}-{season}", "season")
    prep = (m.group("prep") or "").lower()
    if rel is None and not m.group("edge"):
        if word == "fall" or not prep:
            return None
    if rel == "the" and word == "fall" and not prep:
        return None
    if ctx.published is None:
        return Candidate(start, m.end(), None, "season")
    tense = ctx.tense(start, m.end())
    year = cal.season_year(ctx.published, season, None if rel == "the" else rel, tense)
    return Candidate(start, m.end(), f"{year}-{season}", "season")


SEASON = re.compile(
    r"\b(?:(?P<prep>in|during|since|until|till|by|over|through)\s+)?(?P<core>" + EDGE
    + r"(?:(?P<rel>this\s+past|this\s+coming|this|last|next|past|coming|the)\s+)?"
    r"(?:(?:early|late|mid)[\s-]+)?(?:(?P<y2>1[5-9]\d\d|20\d\d)\s+)?(?P<season>spring|summer|autumn|fall|winter)"
    r"(?:\s+(?:of\s+)?" + YEAR + r")?)\b(?!-)",
    re.IGNORECASE,
)

# --- days relative to publication ---------------------------------------------------------------

_DAY_OFFSETS = {
    "the day before yesterday": -2, "the day after tomorrow": 2, "yesterday": -1, "today": 0,
    "tomorrow": 1, "tonight": 0, "last night": -1, "this": 0,
}  # fmt: skip


def _relative_day(m: re.Match[str], ctx: Context) -> Candidate | None:
    key = " ".join(m.group("w").lower().split())
    if key == "this" and not m.group("part"):
        return None
    if m.group("w")[:1].isupper() and not _SENTENCE_START.search(ctx.before(m.start(), 4)):
        return None  # "BBC Radio 4's Today programme", "The Tonight Show"
    if ctx.published is None:
        return Candidate(m.start(), m.end(), None, "day")
    day = ctx.published + dt.timedelta(days=_DAY_OFFSETS[key])
    return Candidate(m.start(), m.end(), day.isoformat(), "day")


_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“‘'(\n]\s*|^\s+)$")
RELATIVE_DAY = re.compile(
    r"\b(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tomorrow"
    r"|tonight|last\s+night|this)(?:'s)?(?:\s+" + PART + r")?\b",
    re.IGNORECASE,
)


def _weekday(m: re.Match[str], ctx: Context) -> Candidate | None:
    name = m.group("wd")
    if not _cap(name):
        return None
    rel = " ".join((m.group("rel") or "").lower().split()) or None
    if ctx.published is None:
        return Candidate(m.start(), m.end(), None, "day")
    tense = ctx.tense(m.start(), m.end())
    day = cal.weekday(ctx.published, WEEKDAYS[name.lower()], rel, tense)
    return Candidate(m.start(), m.end(), day.isoformat(), "day")


WEEKDAY_RULE = re.compile(
    r"\b(?:(?:early|late)\s+)?(?:(?P<rel>last|next|this\s+past|this\s+coming|this|coming|past)\s+)?"
    + WEEKDAY + r"(?:(?:'s)?\s+" + PART + r"\b)?\b",
    re.IGNORECASE,
)

# --- weeks, months and years relative to publication -------------------------------------------

_SHIFT = {"this": 0, "current": 0, "the current": 0, "last": -1, "past": -1, "this past": -1,
          "previous": -1, "the previous": -1, "the past": -1, "the last": -1, "the latest": -1, "the most recent": -1,
          "next": 1, "coming": 1, "the coming": 1, "this coming": 1, "the": 0}  # fmt: skip


def _period(m: re.Match[str], ctx: Context) -> Candidate | None:
    rel = " ".join(m.group("rel").lower().split())
    unit = m.group("unit").lower()
    if rel == "the" and not (m.group("pre") or m.group("edge")) and unit != "weekend":
        return None
    if rel in ("the latest", "the most recent") and unit != "quarter":
        return None
    if rel in ("the past", "the last") and unit in ("week", "month", "year") and ctx.published:
        # "in the past week" is the seven days before publication, not the previous calendar week.
        pub = ctx.published
        if unit == "week":
            since = pub - dt.timedelta(days=7)
        elif unit == "month":
            year, month = cal.add_months(pub.year, pub.month, -1)
            since = cal.safe_date(year, month, min(pub.day, 28)) or pub
        else:
            since = cal.safe_date(pub.year - 1, pub.month, min(pub.day, 28)) or pub
        return Candidate(m.start(), m.end(), f"{since.isoformat()}/{pub.isoformat()}", "range")
    if ctx.published is None:
        return Candidate(m.start(), m.end(), None, _UNIT_PRECISION[unit])
    pub = ctx.published
    shift = _SHIFT[rel]
    if unit == "week":
        value = cal.iso_week(pub + dt.timedelta(days=7 * shift))
    elif unit == "weekend":
        relation = None if rel == "the" else {-1: "last", 1: "next", 0: "this"}[shift]
        saturday, sunday = cal.weekend(pub, relation, ctx.tense(m.start(), m.end()))
        value = f"{saturday.isoformat()}/{sunday.isoformat()}"
    elif unit == "month":
        value = cal.iso_month(*cal.add_months(pub.year, pub.month, shift))
    elif unit == "quarter":
        year, month = cal.add_months(pub.year, pub.month, 3 * shift)
        value = cal.quarter_months(year, (month - 1) // 3 + 1)
    elif unit == "decade":
        first = pub.year // 10 * 10 + 10 * shift
        value = f"{first}/{first + 9}"
    else:
        value = str(pub.year + shift)
    return Candidate(m.start(), m.end(), value, _UNIT_PRECISION[unit])


_UNIT_PRECISION = {"week": "week", "weekend": "range", "month": "month", "quarter": "range",
                   "year": "year", "decade": "decade"}  # fmt: skip

PERIOD = re.compile(
    r"\b(?:(?P<pre>earlier|later|early|late)\s+(?:in\s+)?)?(?:(?P<edge>(?:the\s+)?(?:end|beginning|start|middle)"
    r"\s+of)\s+)?(?P<rel>this\s+past|this\s+coming|the\s+coming|the\s+current|the\s+previous|the\s+past"
    r"|the\s+last|the\s+latest|the\s+most\s+recent|this|last|next|current|the)\s+"
    r"(?:(?:fiscal|calendar)\s+)?(?P<unit>weekend|week|month|quarter|year|decade)\b(?!-)",
    re.IGNORECASE,
)


def _ago(m: re.Match[str], ctx: Context) -> Candidate | None:
    raw = " ".join(m.group("n").lower().split())
    count = int(raw) if raw.isdigit() else NUMBERS.get(raw)
    unit = m.group("unit").lower()
    direction = m.group("dir").lower()
    if count is None or count > 200:
        return None
    if direction != "ago" and not direction.startswith("from") and unit != "year":
        return None
    sign = 1 if direction.startswith("from") or direction == "hence" else -1
    precision = {"day": "day", "week": "week", "month": "month", "year": "year", "decade": "year"}[unit]
    if ctx.published is None:
        return Candidate(m.start(), m.end(), None, precision)
    pub = ctx.published
    if unit == "day":
        value = (pub + dt.timedelta(days=sign * count)).isoformat()
    elif unit == "week":
        value = cal.iso_week(pub + dt.timedelta(days=sign * 7 * count))
    elif unit == "month":
        value = cal.iso_month(*cal.add_months(pub.year, pub.month, sign * count))
    else:
        value = str(pub.year + sign * count * (10 if unit == "decade" else 1))
    return Candidate(m.start(), m.end(), value, precision)


AGO = re.compile(
    r"\b(?:(?:about|around|nearly|almost|some|roughly|more\s+than|less\s+than|just|only|over)\s+)?"
    + NUMBER + r"[\s-]+(?P<unit>day|week|month|year|decade)s?\s+(?P<dir>ago|earlier|from\s+now|hence)\b",
    re.IGNORECASE,
)


def _recent(m: re.Match[str], ctx: Context) -> Candidate | None:
    unit = m.group("unit").lower().rstrip("s")
    if ctx.published is None:
        return Candidate(m.start(), m.end(), None, "range")
    pub = ctx.published
    if unit == "day":
        start = (pub - dt.timedelta(days=7)).isoformat()
    elif unit == "week":
        start = (pub - dt.timedelta(days=28)).isoformat()
    elif unit == "month":
        start = cal.iso_month(*cal.add_months(pub.year, pub.month, -3))
    elif unit == "year":
        start = str(pub.year - 3)
    else:
        start = str(pub.year - 20)
    return Candidate(m.start(), m.end(), f"{start}/{pub.isoformat()}", "range")


RECENT = re.compile(
    r"\b(?:recent|the\s+(?:past|last)\s+(?:few|several|couple\s+of))\s+(?P<unit>days|weeks|months|years|decades)\b",
    re.IGNORECASE,
)

_HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
             "new year's day": (1, 1), "new year's eve": (12, 31), "halloween": (10, 31),
             "valentine's day": (2, 14)}  # fmt: skip


def _holiday(m: re.Match[str], ctx: Context) -> Candidate | None:
    name = " ".join(m.group("h").lower().replace("’", "'").split())
    month, day = _HOLIDAYS[name]
    if m.group("year"):
        found = cal.safe_date(int(m.group("year")), month, day)
    elif ctx.published is None:
        return Candidate(m.start(), m.end(), None, "day")
    else:
        found = cal.month_day(ctx.published, month, day, *ctx.month_penalty(m.start(), m.end(), True))
    if found is None:
        return None
    return Candidate(m.start(), m.end(), found.isoformat(), "day")


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


def _spelled(m: re.Match[str], ctx: Context) -> Candidate | None:
    year = spelled_year(m.group("sy"))
    if year is None:
        return None
    if not (m.group("mon") or m.group("the_year")) and _is_count(ctx, m.start("sy"), m.end()):
        return None
    if m.group("mon"):
        if not _cap(m.group("mon")):
            return None
        return Candidate(m.start(), m.end(), cal.iso_month(year, _month_number(m.group("mon"))), "month")
    return Candidate(m.start(), m.end(), str(year), "year")


SPELLED_YEAR = re.compile(
    r"\b(?:" + MONTH_FULL + r"(?:\s+of|,)?\s+|(?P<the_year>(?:the\s+)?year\s+))?" + SPELLED + r"\b",
    re.IGNORECASE,
)

HOLIDAY = re.compile(
    r"\b(?P<h>Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s\s+(?:Day|Eve)|Halloween|Valentine['’]s\s+Day)"
    r"(?:,?\s+" + YEAR + r")?\b"
)

# Each rule runs only near words that every expression it accepts contains: Python's
# regex engine tries a pattern at every position, so scanning whole articles with twenty
# patterns would cost more than the rest of the tagger together.
_MONTH_WORDS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_YEARS = ("<year>",)
RULES: tuple[tuple[re.Pattern[str], Resolver, tuple[str, ...]], ...] = (
    (ISO_DATE, _iso_date, _YEARS),
    (NUMERIC_DATE, _numeric_date, ("<numeric>",)),
    (ISO_WEEK, _iso_week_any, _YEARS),
    (MDY, _month_day, _MONTH_WORDS),
    (DMY, _month_day, _MONTH_WORDS),
    (MONTH_YEAR, _month_year, _MONTH_WORDS),
    (DECADE, _decade, ("0s", "0's", "ties")),
    (CENTURY, _century, ("centur",)),
    (QUARTER, _quarter_any, ("quarter", "half", "q1", "q2", "q3", "q4")),
    (YEAR_RANGE, _year_range, _YEARS),
    (YEAR_RULE, _year, _YEARS),
    (SEASON, _season, ("spring", "summer", "autumn", "fall", "winter")),
    (MONTH_ALONE, _month_alone, _MONTH_WORDS),
    (RELATIVE_DAY, _relative_day, ("today", "tonight", "tomorrow", "yesterday", "night", "morning",
                                   "afternoon", "evening")),
    (WEEKDAY_RULE, _weekday, ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                              "sunday")),
    (PERIOD, _period, ("week", "month", "quarter", "year", "decade")),
    (AGO, _ago, ("ago", "earlier", "from now", "hence")),
    (RECENT, _recent, ("recent", "few", "several", "couple")),
    (HOLIDAY, _holiday, ("christmas", "new year", "halloween", "valentine")),
    (SPELLED_YEAR, _spelled, ("eighteen", "nineteen", "twenty", "thousand")),
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
