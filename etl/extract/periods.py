"""Resolve time expressions in a sentence against the article's publication date.

"July" in an article of 2025-09-04 is 2025-07-01..2025-07-31; "on Tuesday" is the Tuesday before
publication (or the publication day itself when that is a Tuesday); "since the invasion began" is a
running total from 2022-02-24; "over the past day" is the day before publication to publication;
"from 2014 to 2016" is 2014-01-01..2016-12-31. A rate ("each day") has no period.
Explicit dates without a year take the latest such date not after publication, unless the wording
looks ahead ("by the end of the year"). Only `parse_date` uses dateparser (one reused parser).
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
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}

# Capitalised month names only: "may" is a verb far more often than a month.
_MONTH_WORD = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|Mar\.|April|Apr\.|May|June|Jun\.|July|"
               r"Jul\.|Aug(?:ust|\.)?|Sep(?:tember|t\.|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|"
               r"Dec(?:ember|\.)?)")
_DAY_OF_MONTH = re.compile(
    # "August 6 and 9, 1945": the first of a list of days, with the year written after the last.
    rf"\b(?:(?P<m1>{_MONTH_WORD})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b"
    rf"(?:(?:\s*[,&]\s*|\s+and\s+|\s*[-–]\s*)\d{{1,2}}(?:st|nd|rd|th)?\b(?=(?:\s*[,&]\s*|\s+and\s+|\s*[-–]\s*)\d|,?\s+(?:19|20)\d\d\b))*"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"\s+(?:of\s+)?(?P<m2>{_MONTH_WORD})(?![\w]))(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?"
    # "In December 5 people died": a count, not a day.
    r"(?!(?:,\d{3})*\s+(?:people|persons|civilians|soldiers|troops|children|more|were|have|had|of)\b)"
)
# "between September 6 and 10", "from 6 to 10 September", "September 6-10": a span of days ("and"
# only after "between").
_DAY_SPAN = re.compile(
    rf"\b(?:(?P<between>(?i:between|from))\s+)?(?:(?P<m1>{_MONTH_WORD})\s+(?P<a1>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"\s*(?P<j1>and|to|until|through|[-–])\s*(?:(?P<m2>{_MONTH_WORD})\s+)?(?P<b1>\d{{1,2}})(?:st|nd|rd|th)?\b"
    rf"|(?P<a2>\d{{1,2}})(?:st|nd|rd|th)?\s*(?P<j2>and|to|until|through|[-–])\s*(?P<b2>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"\s+(?:of\s+)?(?P<m3>{_MONTH_WORD})(?![\w]))(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?"
    r"(?!(?:,\d{3})*\s+(?:people|persons|civilians|soldiers|troops|children|more|were|have|had|of)\b)")
_MONTH = re.compile(
    rf"\b(?:(?P<mod>early|mid|late|the end of|the beginning of|the start of)[- ](?:in\s+)?)?"
    rf"(?P<m>{_MONTH_WORD})(?![\w])(?:\s+(?:of\s+)?(?P<y>(?:19|20)\d\d)\b)?"
)
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b(?:'s|’s)?", re.I)
_WEEKDAY_SPAN = re.compile(
    r"\b(" + "|".join(WEEKDAYS) + r")\s+(?:night|evening)?\s*(?:into|to|and|through)\s+("
    + "|".join(WEEKDAYS) + r")\b", re.I)
_RELATIVE_DAY = re.compile(
    r"\b(yesterday|today|overnight|last night|this morning|this evening|tonight|earlier today|"
    r"(?:over|in|during) the (?:past|last) (?:day|24 hours|twenty-four hours)|in 24 hours|"
    r"(?:a|one) day (?:earlier|before|after|ago)|the day before|"
    r"(?:over|in|during) the (?:past|last) (?:week|seven days)|last week|this week|(?:a|one) week (?:ago|earlier|after|before)|"
    r"last month|this month|(?:over|in|during) the (?:past|last) month|last year|this year|"
    r"by the end of (?:the|this) year|by (?:the )?year'?s? end)\b", re.I)
_SINCE_INVASION = re.compile(
    r"\bsince (?:the (?:start|beginning|outbreak|onset) of (?:the |Russia's |Russia’s |Moscow's |the Russian )?"
    # "since the start of Russian President Vladimir Putin's military invasion"
    r"(?:[A-Z][\w.]*(?:['’]s)? ){0,4}"
    r"(?:full-scale |Russian |military |special military )?(?:war|invasion|conflict|campaign|operation|"
    r"offensive|hostilities|aggression)|the (?:full-scale |Russian )?(?:war|invasion) (?:began|started|broke out)|"
    r"(?:Russia|Moscow|Putin|Russian forces|Russian troops) (?:invaded|launched|attacked|began)|"
    r"Feb(?:ruary|\.)? 24|24 Feb(?:ruary|\.)?|February 24th)"
    r"|\b(?:so far|to date|thus far|since then|since the war|since the invasion|"
    r"(?:in|during|over) (?:the )?(?:\w+|\d+) (?:days|weeks|months) of (?:the )?(?:war|fighting|invasion|conflict)|"
    r"(?:in|during|over) the (?:first |early |initial )?(?:days|weeks|months) (?:after|since|following) "
    r"(?:the|Russia's|Russia’s|Moscow's|Moscow’s) (?:full-scale )?invasion)\b",
    re.I,
)
_SINCE_DATE = re.compile(rf"\b[Ss]ince\s+(?:the (?:start|beginning) of\s+|(?:early|mid|late)[- ])?"
                         rf"(?=(?:{_MONTH_WORD}|\d{{1,2}}\s|(?:19|20)\d\d))")
# "Since Russia invaded Ukraine on 24 February", "in the invasion that began on Feb. 24": a
# running total from the date the clause names.
_SINCE_CLAUSE = re.compile(
    r"\b(?:[Ss]ince|(?:war|invasion|conflict|offensive|operation|hostilities|fighting)\b[^.;:]{0,40}?"
    r"\b(?:that|which) (?:began|started|broke out))(?:\s+(?!since\b)[\w’'.-]+){0,8}?\s+(?:on|in)\s+"
    rf"(?=(?:{_MONTH_WORD}|\d{{1,2}}\s+{_MONTH_WORD}))")
# "as of March 28", "by mid-March": a running total up to that date.
_AS_OF_DATE = re.compile(r"\b(?:[Aa]s (?:of|at)|[Bb]y|[Uu]ntil|[Tt]hrough)\s+(?:(?:early|mid|late)[- ]|the (?:end|middle) of\s+)?"
                         rf"(?=(?:{_MONTH_WORD}|\d{{1,2}}\s+{_MONTH_WORD}))")
# "in the early 1930s", "the 1990s": a decade, or a third of one.
_DECADE = re.compile(r"\b(?:the\s+)?(?:(?P<part>early|mid|late)[- ])?(?P<d>(?:19|20)\d)0s\b", re.I)
_YEARS_AGO = re.compile(r"\b(\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
                        r"thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred) years ago\b", re.I)
_SINCE_WHEN = re.compile(rf"\b[Ss]ince\s+(?:(?:early|mid|late)[- ])?(?P<m>{_MONTH_WORD})\b[^,;]*,\s*when\b")
_SINCE_NEW_YEAR = re.compile(r"\b[Ss]ince the (?:start|beginning) of (?:the|this) year\b")
_SUPERLATIVE = re.compile(
    r"\b(?:deadliest|worst|largest|biggest|highest|heaviest|most|first time|first|lowest|bloodiest|"
    r"longest|strongest)\b[^.;:]{0,60}$", re.I)
_YEAR_RANGE = re.compile(r"\b(?i:from|between)\s+((?:19|20)\d\d)\s+(?:to|and|until|through)\s+((?:19|20)\d\d)\b"
                         r"|\b((?:19|20)\d\d)\s*[-–]\s*((?:19|20)?\d\d)\b")
_YEAR = re.compile(r"\b(?i:in|during|since|throughout)\s+((?:19|20)\d\d)\b(?!\s*[-–])")
_AS_OF = re.compile(rf"\b(?:[Aa]s of|[Aa]s at|by)\s+(?:{_MONTH_WORD}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH_WORD})")
_RATE = re.compile(r"\b(?:each|every|per|a) (?:day|week|month|night|year)\b|\b(?:daily|annually)\b|"
                   r"\bin (?:one|a single) (?:day|night)\b", re.I)
_COUNT_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
_SPAN_BACK = re.compile(
    r"\b(?:over|in|during|for|within) (?:the (?:course of (?:the )?|past |last |previous |intervening )?|"
    # "In just two weeks, Ukraine has lost ...": the span without "the"
    r"(?:just|only|barely|less than|under) )"
    r"(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) "
    r"(?P<u>days|weeks|months|years)\b"
    r"|\b(?:over|in|during|for|within) the (?:past|last|previous) (?P<century>century)\b", re.I)
_UNIT_DAYS = {"days": 1, "weeks": 7, "months": 30, "years": 365}
_YEAR_AT = re.compile(r"((?:19|20)\d\d)\b")
# "May" is a month after these words, and usually the verb elsewhere.
_MAY_AS_MONTH = re.compile(r"\b(?:in|of|since|during|early|mid|late|until|by|from|last|this)[- ]$")
_RELATIVE_CLAUSE = re.compile(r",\s*(?:which|who|where)\b")
# A date after "next" looks ahead; "by March" in news counts up to a March that has passed.
_FUTURE_LEFT = re.compile(r"\b(?:next|coming)\s+(?:the end of\s+)?$", re.I)
_AGO_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
              "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40,
              "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a hundred": 100}


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    cumulative: bool = False
    # Taken for want of a time in the text (the publication day of an event, the war so far),
    # rather than read from it.
    assumed: bool = False


@dataclass(frozen=True)
class TimeMention:
    """A time expression found in a sentence, with its span and what it resolves to."""

    start: int
    end: int
    period: Period | None
    # "since" (a running total), "asof" (a total dated by "since March, when"), "rate", "point"
    # (a day, month, year or range), or "ignored" ("the worst since May": no period at all).
    kind: str


def weekday_before(published: date, weekday: int) -> date:
    """The most recent `weekday` (0 = Monday) on or before the publication day.

    News reports "on Tuesday" about the past; a Tuesday article's "on Tuesday" is that same day.
    """
    delta = (published.weekday() - weekday) % 7
    return published - timedelta(days=delta)


def month_period(year: int, month: int) -> Period:
    return Period(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))


def _month_number(word: str) -> int:
    key = word.lower().rstrip(".")
    return _MONTH_ABBR["sept" if key.startswith("sept") else key[:3]]


def _year_for(published: date, month: int, day: int, future: bool) -> int:
    """The year of a month/day written without one: the latest not after publication (or the
    next on or after it, for wording that looks ahead)."""
    if future:
        return published.year if (month, day) >= (published.month, published.day) else published.year + 1
    return published.year if (month, day) <= (published.month, published.day) else published.year - 1


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _relative(word: str, published: date) -> Period:
    w = " ".join(word.lower().split())
    day = timedelta(days=1)
    if w in ("yesterday", "last night", "the day before") or re.match(r"(?:a|one) day", w):
        return Period(published - day, published - day)
    if w == "overnight" or "24 hours" in w or "twenty-four" in w or w.endswith("past day") \
            or w.endswith("last day"):
        return Period(published - day, published)
    if "week" in w or "seven days" in w:
        if w.startswith(("a week", "one week")):
            return Period(published - 7 * day, published - 7 * day)
        if w == "this week":
            return Period(published - timedelta(days=published.weekday()), published)
        if w == "last week":
            monday = published - timedelta(days=published.weekday() + 7)
            return Period(monday, monday + 6 * day)
        return Period(published - 7 * day, published)
    if w == "last month":
        first = published.replace(day=1) - day
        return month_period(first.year, first.month)
    if "month" in w:
        return Period(published.replace(day=1), published) if w == "this month" \
            else Period(published - timedelta(days=30), published)
    if w == "last year":
        return Period(date(published.year - 1, 1, 1), date(published.year - 1, 12, 31))
    if w == "this year":
        return Period(date(published.year, 1, 1), published)
    if "end" in w:
        return Period(published, date(published.year, 12, 31))
    return Period(published, published)


def find_times(sentence: str, published: date) -> list[TimeMention]:
    """Every time expression in `sentence`, resolved against `published`, in text order."""
    out: list[TimeMention] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, period: Period | None, kind: str) -> None:
        if any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        out.append(TimeMention(start, end, period, kind))

    for m in _SINCE_WHEN.finditer(sentence):
        # "has not updated its figure since March, when it said ..." dates the figure to March.
        month = _month_number(m.group("m"))
        p = month_period(_year_for(published, month, 1, False), month)
        add(m.start(), m.end(), Period(p.start, p.end, True), "asof")
    for m in _SINCE_CLAUSE.finditer(sentence):
        first = _point_after(sentence, m.end(), published)
        if first is not None and first[1].start <= published and not _SUPERLATIVE.search(
                sentence, 0, m.start()):
            add(m.start(), first[0], Period(first[1].start, published, True), "since")
    for m in _AS_OF_DATE.finditer(sentence):
        first = _point_after(sentence, m.end(), published, nearest=True)
        if first is not None:
            add(m.start(), first[0], Period(first[1].start, _month_end(first[1].start, sentence,
                                                                       m.end()), True), "asof")
    for m in _DECADE.finditer(sentence):
        first = int(m.group("d")) * 10
        lo, hi = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}.get((m.group("part") or "").lower(), (0, 9))
        if first + lo <= published.year:
            add(m.start(), m.end(), Period(date(first + lo, 1, 1), date(first + hi, 12, 31)), "point")
    for m in _YEARS_AGO.finditer(sentence):
        n = m.group(1).lower()
        year = published.year - (int(n) if n.isdigit() else _AGO_WORDS[n])
        if year >= 1:
            add(m.start(), m.end(), Period(date(year, 1, 1), date(year, 12, 31)), "point")
    for m in _SINCE_INVASION.finditer(sentence):
        if _SUPERLATIVE.search(sentence, 0, m.start()) and m.group(0).lower().startswith("since"):
            add(m.start(), m.end(), None, "ignored")
            continue
        start = INVASION_START if published >= INVASION_START else None
        add(m.start(), m.end(), Period(start, published, True) if start else None, "since")
    for m in _SINCE_DATE.finditer(sentence):
        first = _point_after(sentence, m.end(), published)
        if first is not None and _SUPERLATIVE.search(sentence, 0, m.start()):
            # "the deadliest month since May 2022" compares; it does not date the figure.
            add(m.start(), first[0], None, "ignored")
            continue
        if first is not None and first[1].start <= published:
            add(m.start(), first[0], Period(first[1].start, published, True), "since")
    for m in _SINCE_NEW_YEAR.finditer(sentence):
        add(m.start(), m.end(), Period(date(published.year, 1, 1), published, True), "since")
    for m in _YEAR_RANGE.finditer(sentence):
        a, b = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        if len(b) == 2:
            b = a[:2] + b  # "1932-33"
        if int(a) <= int(b):  # "from 2020 to 2014" is garbled, not a period
            add(m.start(), m.end(), Period(date(int(a), 1, 1), date(int(b), 12, 31)), "point")
    for m in _WEEKDAY_SPAN.finditer(sentence):
        first = weekday_before(published, WEEKDAYS.index(m.group(1).lower()))
        last = weekday_before(published, WEEKDAYS.index(m.group(2).lower()))
        if last < first:
            first -= timedelta(days=7)
        add(m.start(), m.end(), Period(first, last), "point")
    for m in _DAY_SPAN.finditer(sentence):
        if (m.group("j1") or m.group("j2")) == "and" and not m.group("between"):
            continue  # "August 6 and 9, 1945": two days, not the days between
        first_month = _month_number(m.group("m1") or m.group("m3"))
        last_month = _month_number(m.group("m2") or m.group("m1") or m.group("m3"))
        a, b = int(m.group("a1") or m.group("a2")), int(m.group("b1") or m.group("b2"))
        year = int(m.group("y")) if m.group("y") else _year_for(published, last_month, b, False)
        first, last = _safe_date(year, first_month, a), _safe_date(year, last_month, b)
        if first and last and first <= last:
            add(m.start(), m.end(), Period(first, last), "point")
    for m in _DAY_OF_MONTH.finditer(sentence):
        month = _month_number(m.group("m1") or m.group("m2"))
        day = int(m.group("d1") or m.group("d2"))
        future = bool(_FUTURE_LEFT.search(sentence, max(0, m.start() - 20), m.start()))
        year = int(m.group("y")) if m.group("y") else _year_for(published, month, day, future)
        d = _safe_date(year, month, day)
        if d:
            add(m.start(), m.end(), Period(d, d), "point")
    for m in _MONTH.finditer(sentence):
        if m.group("m") == "May" and not m.group("y") and not _MAY_AS_MONTH.search(
                sentence, max(0, m.start() - 8), m.start()):
            continue
        month = _month_number(m.group("m"))
        future = bool(_FUTURE_LEFT.search(sentence, max(0, m.start() - 20), m.start()))
        year = int(m.group("y")) if m.group("y") else _year_for(published, month, 1, future)
        add(m.start(), m.end(), month_period(year, month), "point")
    for m in _WEEKDAY.finditer(sentence):
        d = weekday_before(published, WEEKDAYS.index(m.group(1).lower()))
        add(m.start(), m.end(), Period(d, d), "point")
    for m in _RELATIVE_DAY.finditer(sentence):
        add(m.start(), m.end(), _relative(m.group(1), published), "point")
    for m in _RATE.finditer(sentence):
        add(m.start(), m.end(), None, "rate")
    for m in _SPAN_BACK.finditer(sentence):
        # "over the course of eight years" is a total over the span up to publication.
        if m.group("century"):
            add(m.start(), m.end(), Period(date(published.year - 100, 1, 1), published, True), "since")
            continue
        n = m.group("n").lower()
        count = int(n) if n.isdigit() else _COUNT_WORDS[n]
        unit = m.group("u").lower()
        start = published - timedelta(days=count * _UNIT_DAYS[unit])
        long_span = unit in ("months", "years")
        add(m.start(), m.end(), Period(start, published, long_span), "since" if long_span else "point")
    for m in _YEAR.finditer(sentence):
        y = int(m.group(1))
        if y <= published.year:
            add(m.start(), m.end(), Period(date(y, 1, 1), min(date(y, 12, 31), published)), "point")
    out.sort(key=lambda t: t.start)
    return out


def _point_after(sentence: str, pos: int, published: date,
                 nearest: bool = False) -> tuple[int, Period] | None:
    """The date, month or year written at `pos` ("since May 2022", "since 2014"). A date without
    its year is the latest not after publication, or with `nearest` the one nearest to it ("by
    mid-March" in May is this past March; "by December" in August is this coming December)."""
    for m in (_DAY_OF_MONTH.match(sentence, pos), _MONTH.match(sentence, pos)):
        if m:
            month = _month_number(m.group("m1") or m.group("m2")) if "m1" in m.groupdict() \
                else _month_number(m.group("m"))
            day = int(m.group("d1") or m.group("d2")) if "d1" in m.groupdict() else 1
            year = int(m.group("y")) if m.group("y") else _year_for(published, month, day, False)
            if nearest and not m.group("y"):
                year = min((year, year + 1), key=lambda y: abs(((_safe_date(y, month, min(day, 28))
                                                                  or published) - published).days))
            d = _safe_date(year, month, day)
            return (m.end(), Period(d, d)) if d else None
    m = _YEAR_AT.match(sentence, pos)
    if m:
        return m.end(), Period(date(int(m.group(1)), 1, 1), date(int(m.group(1)), 1, 1))
    return None


def _month_end(start: date, sentence: str, pos: int) -> date:
    """The last day "as of" reaches: the day written, or the month's end for a month alone."""
    if _DAY_OF_MONTH.match(sentence, pos):
        return start
    return month_period(start.year, start.month).end


def as_of(sentence: str, published: date) -> date | None:
    """The end date of a running total ("as of Aug. 21"), when the sentence gives one."""
    m = _AS_OF.search(sentence)
    if not m:
        return None
    days = [t for t in find_times(m.group(0), published) if t.period]
    return days[0].period.end if days else None


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
        if word in ("yesterday", "last night"):
            return published - timedelta(days=1)
        if word in ("today", "earlier today", "this morning", "this evening", "tonight"):
            return published
    return None


def resolve_period(sentence: str, published: date | None, at: int | None = None) -> Period | None:
    """The period a figure in `sentence` describes, or None when the sentence gives no time.

    A running total ("since the invasion began", "so far") wins over the day it was announced;
    otherwise the time expression nearest to character offset `at` (the figure) is taken.
    A rate ("each day") next to the figure means the figure has no single period.
    """
    if published is None:
        return None
    pos = at if at is not None else 0
    times = [t for t in find_times(sentence, published)
             if t.kind != "ignored" and not _in_other_relative_clause(sentence, t, pos)
             and not (at is not None and t.start > pos and _NEXT_CLAUSE.search(sentence, max(0, t.start - 20), t.start))]
    if not times:
        return None
    running = [t for t in times if t.kind in ("since", "asof")]
    if running:
        chosen = min(running, key=lambda t: (t.kind != "asof", t.period is None))
        if chosen.period is None:
            return None
        if chosen.kind == "asof":
            since_invasion = published >= INVASION_START and chosen.period.end >= INVASION_START
            return Period(INVASION_START if since_invasion else chosen.period.start,
                          chosen.period.end, True)
        end = as_of(sentence, published) or _announced_on(sentence, times, chosen) or chosen.period.end
        return Period(chosen.period.start, end, True)
    nearest = min(times, key=lambda t: min(abs(t.start - pos), abs(t.end - pos)))
    return _day_within_week(times, nearest) or nearest.period


# "said on June 7", "announced in September", "in an update last month": when a running total was
# given, which is where it ends.
_ANNOUNCED_BEFORE = re.compile(r"\b(?:said|says|announced|reported|stated|claimed|told|added|estimated|"
                               r"update|report|statement|briefing)\s+(?:\w+\s+){0,2}$", re.I)


def _announced_on(sentence: str, times: list[TimeMention], total: TimeMention) -> date | None:
    """The day a running total was announced, when the sentence dates its announcement."""
    for t in times:
        if t.kind == "point" and t.period is not None and total.period.start <= t.period.end < total.period.end \
                and _ANNOUNCED_BEFORE.search(sentence, max(0, t.start - 30), t.start):
            return t.period.end
    return None


# "... 80,000 killed and wounded among its forces and in June Zelensky acknowledged ...": a time
# opening the clause after the figure's dates that clause, not the figure.
_NEXT_CLAUSE = re.compile(r"\b(?:and|but|while|whereas)\s+(?:(?:in|on|at|by|since|during|early|late|mid|then)\s+)?$")


def _day_within_week(times: list[TimeMention], week: TimeMention) -> Period | None:
    """ "last week's attack on Vinnitsa on July 14": the day the sentence names inside the week."""
    span = week.period
    if span is None or not 1 <= (span.end - span.start).days <= 7:
        return None
    days = [t.period for t in times if t.start > week.end and t.period is not None
            and t.period.start == t.period.end and span.start <= t.period.start <= span.end]
    return days[0] if days else None


def _in_other_relative_clause(sentence: str, t: TimeMention, pos: int) -> bool:
    """ "Donetsk, which has been held by separatists since 2014, ..." dates the holding, not a
    figure outside that clause."""
    left = sentence.rfind(",", 0, t.start)
    right = sentence.find(",", t.end)
    right = len(sentence) if right < 0 else right
    inside = left < pos < right
    return not inside and left >= 0 and bool(_RELATIVE_CLAUSE.match(sentence, left))


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
