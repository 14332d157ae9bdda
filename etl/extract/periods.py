"""Resolve time expressions in a sentence against the article's publication date.

"July" in an article of 2025-09-04 is 2025-07-01..2025-07-31; "on Tuesday" is the Tuesday before
publication; "since the invasion began" is a running total from 2022-02-24.
Month and explicit dates go through one reused dateparser parser (English only).
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

INVASION_START = date(2022, 2, 24)

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")

_WEEKDAY = re.compile(r"\b(?:on |last |this |late |early )?(" + "|".join(WEEKDAYS) + r")\b", re.I)
_MONTH = re.compile(
    r"\b(?:in |during |since |throughout |of )?(?:early |mid-|late |the month of )?("
    + "|".join(m.capitalize() for m in MONTHS) + r")(?:\s+(\d{4}))?\b(?!\s+\d{1,2}\b)"
)
_RELATIVE_DAY = re.compile(r"\b(yesterday|today|overnight|last night|this morning|tonight)\b", re.I)
_SINCE_INVASION = re.compile(
    r"\bsince (?:the (?:start|beginning|outbreak) of (?:the|Russia's|the Russian) (?:full-scale )?"
    r"(?:war|invasion|conflict)|the (?:full-scale |Russian )?invasion (?:began|started)|"
    r"(?:Russia|Moscow) (?:invaded|launched)|February 24|Feb\. 24|24 February)",
    re.I,
)


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    cumulative: bool = False


def weekday_before(published: date, weekday: int) -> date:
    """The most recent `weekday` (0 = Monday) on or before the day before publication.

    News reports "on Tuesday" about the past; a weekday equal to the publication day's is taken
    as that same day (same-day reporting) only by callers that want it.
    """
    delta = (published.weekday() - weekday) % 7
    return published - timedelta(days=delta)


def month_period(year: int, month: int) -> Period:
    return Period(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))


def _month_before(published: date, month: int, year: int | None) -> Period:
    if year is None:
        year = published.year if month <= published.month else published.year - 1
    return month_period(year, month)


def statement_day(sentence: str, published: date | None) -> date | None:
    """The day a statement was made, when the sentence names one ("on Wednesday", "yesterday")."""
    if published is None:
        return None
    m = _WEEKDAY.search(sentence)
    if m:
        return weekday_before(published, WEEKDAYS.index(m.group(1).lower()))
    m = _RELATIVE_DAY.search(sentence)
    if m:
        word = m.group(1).lower()
        return published - timedelta(days=1) if word in ("yesterday", "last night") else published
    return None


def resolve_period(sentence: str, published: date | None) -> Period | None:
    """The period a figure in `sentence` describes, or None when the sentence gives no time."""
    if published is None:
        return None
    if _SINCE_INVASION.search(sentence):
        return Period(INVASION_START, published, cumulative=True)
    day = statement_day(sentence, published)
    if day is not None:
        return Period(day, day)
    m = _MONTH.search(sentence)
    if m:
        year = int(m.group(2)) if m.group(2) else None
        return _month_before(published, MONTHS.index(m.group(1).lower()) + 1, year)
    return None


@lru_cache(maxsize=1)
def _parser():
    import dateparser.date

    return dateparser.date.DateDataParser(languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"})


@lru_cache(maxsize=65536)
def parse_date(text: str) -> date | None:
    """An explicit date written any usual way ("2025.09.04", "4 September 2025", "Sep 4, 2025")."""
    text = text.strip()
    m = re.fullmatch(r"(\d{4})[./-](\d{1,2})[./-](\d{1,2})", text)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    parsed = _parser().get_date_data(text)
    return parsed.date_obj.date() if parsed and parsed.date_obj else None

