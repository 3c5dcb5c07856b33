"""What every rule shares: the candidate record, the resolving context and small tests."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tacitus.mentions.timex.lexicon import MONTHS
from tacitus.mentions.timex.tense import CLOSE, SURE, WEAK

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
        """The clause's tense and the strength of the evidence (``WEAK``, ``CLOSE`` or ``SURE``)."""
        key = (start, end)
        if key not in self._cache:
            before = self.text[max(0, start - 8) : start].lower()
            if SINCE_BEFORE.search(before):
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
        """The clause's tense alone."""
        return self.reading(start, end)[0]

    def before(self, start: int, chars: int = 25) -> str:
        """The text just before ``start``."""
        return self.text[max(0, start - chars) : start]

    def after(self, end: int, chars: int = 25) -> str:
        """The text just after ``end``."""
        return self.text[end : end + chars]


SINCE_BEFORE = re.compile(r"\bsince\s+$")
# A reading against the clause's tense counts as this many days further from publication.
# News writes "Dec. 7" for this year's December 7 whatever the verb, so a day-month date
# never follows tense outright; a bare month does once the parse or a modal says so.
MONTH_PENALTY = {WEAK: 100.0, CLOSE: 250.0, SURE: math.inf}
DAY_PENALTY = {WEAK: 60.0, CLOSE: 150.0, SURE: 150.0}
Resolver = Callable[[re.Match[str], Context], "Candidate | None"]

# Words before a month or season name that make it a date ("in May", "since March").
DATE_PREP = re.compile(
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
    r"|voters|ballots|animals|tanks|aircraft|planes|missiles|rockets|ships|boats|families|individuals"
    r"|others|more|of\s+(?:them|the|their|his|her)|or\s+so|to\s+\d)\b)",
    re.IGNORECASE,
)


def cap(word: str) -> bool:
    """Month and weekday names count only when capitalised ("may" is a verb)."""
    return word[:1].isupper()


def month_number(name: str) -> int:
    """1-12 for a month name or abbreviation."""
    return MONTHS[name.lower().rstrip(".")]


def two_digit_year(short: int, published: dt.date | None) -> int:
    """'98 -> 1998, '21 -> 2021: up to ten years past publication counts as this century."""
    pivot = (published.year % 100 + 10) if published else 30
    return 2000 + short if short <= pivot else 1900 + short


def is_count(ctx: Context, start: int, end: int) -> bool:
    """True when the number in ``[start, end)`` reads as a quantity ("2000 troops")."""
    return bool(_COUNT_BEFORE.search(ctx.before(start)) or _COUNT_AFTER.search(ctx.after(end, 40)))


