"""Rules for expressions read against the publication date: seasons, weekdays,
"yesterday", "last month", "two weeks ago", "in recent months" and holidays."""

from __future__ import annotations

import datetime as dt
import re

from tacitus.mentions.timex import calendar as cal
from tacitus.mentions.timex.context import (
    Candidate,
    Context,
    cap,
)
from tacitus.mentions.timex.lexicon import (
    EDGE,
    NUMBER,
    NUMBERS,
    PART,
    SEASONS,
    WEEKDAY,
    WEEKDAYS,
    YEAR,
)


# --- seasons ------------------------------------------------------------------------------------


def resolve_season(m: re.Match[str], ctx: Context) -> Candidate | None:
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
    if word == "fall" and re.match(r"\s+of\s+(?!(?:1[5-9]|20)\d\d\b)", ctx.after(m.end(), 12)):
        return None  # "the fall of Kabul"
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


def resolve_relative_day(m: re.Match[str], ctx: Context) -> Candidate | None:
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


# "Good Friday Agreement", "Black Monday", "Super Tuesday": names, not days.
_NAMED_DAY = re.compile(r"\b(?:Good|Black|Bloody|Super|Ash|Holy|Palm|Cyber|Maundy|Shrove|Giving)\s+$")


def resolve_weekday(m: re.Match[str], ctx: Context) -> Candidate | None:
    name = m.group("wd")
    if not cap(name):
        return None
    if not m.group("rel") and _NAMED_DAY.search(ctx.before(m.start(), 12)):
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

_SHIFT = {"this": 0, "current": 0, "the current": 0, "the": 0,
          "last": -1, "past": -1, "this past": -1, "previous": -1, "the previous": -1, "the past": -1,
          "the last": -1, "the latest": -1, "the most recent": -1,
          "next": 1, "coming": 1, "the coming": 1, "this coming": 1}  # fmt: skip


def resolve_period(m: re.Match[str], ctx: Context) -> Candidate | None:
    rel = " ".join(m.group("rel").lower().split())
    unit = m.group("unit").lower()
    if rel == "the" and not (m.group("pre") or m.group("edge")) and unit != "weekend":
        return None
    if rel in ("the latest", "the most recent") and unit != "quarter":
        return None
    if rel in ("the past", "the last") and unit in ("week", "month", "year"):
        # "in the past week" is the seven days before publication, not the previous calendar week.
        if ctx.published is None:
            return Candidate(m.start(), m.end(), None, "range")
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


def resolve_ago(m: re.Match[str], ctx: Context) -> Candidate | None:
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


def resolve_recent(m: re.Match[str], ctx: Context) -> Candidate | None:
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


def resolve_holiday(m: re.Match[str], ctx: Context) -> Candidate | None:
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


HOLIDAY = re.compile(
    r"\b(?P<h>Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s\s+(?:Day|Eve)|Halloween|Valentine['’]s\s+Day)"
    r"(?:,?\s+" + YEAR + r")?\b"
)

