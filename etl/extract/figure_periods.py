"""The period a figure describes: the sentence's own time, a running total of the war, the time
of the attack the sentence goes on about, the publication day for an event of that day, or none.

With no time in the sentence the publication day is right only for an event: "seven people were
killed in the shelling". A standing state has no day: troops deployed, people missing, refugees
abroad, prisoners held, or a count the perfect tense makes a running total ("350 civilians have
been killed", "the number of displaced has risen above 100 million"), unless an attack in the
same clause makes it news of the day ("have been killed in a missile strike"). A sentence that
goes on about an attack told just before ("The attack also wounded 89") takes that attack's time.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from etl.extract.figure_words import HARMED
from etl.extract.periods import INVASION_START, Period, resolve_period

_RUNNING_TOTAL = re.compile(r"\b(?:have|has|had)\s+(?:been\s+)?(?:\w+\s+){0,2}?(?:killed|lost|died|"
                            r"sustained|suffered|wounded|injured|detained|captured|taken prisoner|"
                            r"deported|surrendered|fled|displaced|left|forced|caused|driven|uprooted)\b|\b(?:total|overall|cumulative|"
                            r"tally|(?:death|casualty) toll|(?:has|have|had) recorded|resulted in the deaths)\b", re.I)
_WAR_CONTEXT = re.compile(r"\b(?:Russia\w*|Ukrain\w*|Kyiv|Kiev|Kremlin|Moscow|war|invasion|troops|"
                          r"soldiers|servicemen|forces|fighting|occupation|occupiers)\b")
# Categories that count people in a state rather than an event.
_STATES = frozenset({"deployed", "missing"})
# The count's own verb in the perfect ("have been killed", "has deployed", "has risen to"), or a
# state ("remain missing"); a perfect of another verb ("had published a list of 50 killed") is not.
_STATE_TENSE = re.compile(
    r"\b(?:have|has|had|[’']ve)\s+(?:(?:\w+ly|now|already|also|so far|since|reportedly|been)\s+)*"
    r"(?:been|killed|died|lost|wounded|injured|suffered|sustained|fled|left|displaced|evacuated|"
    r"deployed|sent|massed|amassed|mobili[sz]ed|stationed|captured|detained|taken|held|kept|deported|"
    r"abducted|risen|rose|reached|climbed|grown|increased|exceeded|surpassed|topped|recorded|counted|"
    r"registered|documented|verified|confirmed)\b"
    r"|\b(?:are|is|remain|remains|remained|stay|stays)\s+(?:still\s+|now\s+)?(?:missing|injured|"
    r"wounded|held|in captivity|in hospital|hospitali[sz]ed|displaced|abroad|refugees|detained|"
    r"imprisoned|behind bars)\b", re.I)
# An attack: what makes a count in the perfect news of the day, and what a later "The attack also
# wounded 89" goes on about.
_EVENT = re.compile(r"\b(?:attacks?|strikes?|shelling|explosions?|blasts?|bombings?|bombardments?|"
                    r"missiles?|rockets?|raids?|airstrikes?|drones?|crash|fire|ambush|assault|toll|"
                    r"hit|struck|shelled|bombed|attacked|targeted)\b", re.I)
# Where a count's clause ends: another clause, a relative clause, a dash.
_CLAUSE_EDGE = re.compile(r"[;:]|\s[-—–]\s|,\s*(?:which|who|where|while|but|and|as)\b|\bwhen\b|"
                          r",\s*(?:\w+\s+){0,3}of (?:whom|them|which)\b")
# A sentence that goes on about the event just told: "The attack also wounded 89", "In total, ...".
_CONTINUES = re.compile(r"(?:In total|Overall|Altogether|All told|The (?:\w+ )?(?:attacks?|strikes?|"
                        r"shelling|explosions?|blasts?|bombings?|bombardments?|raids?|airstrikes?))\b")
# An attack told before, referred back to inside the sentence: "Moscow blamed Kiev for the attack
# that left 50 prisoners dead" (the July strike the sentence before named).
_THE_ATTACK = re.compile(r"\b(?:the|that|this) (?:\w+ )?(?:attack|strike|shelling|explosion|blast|bombing|"
                         r"bombardment|raid|airstrike)\b", re.I)
# A time given by reference to one told before: "The same month, Shoigu announced ...", "reported at
# the time that ... that day".
_SAME_TIME = re.compile(r"\b(?:the same (?:day|night|week|month)|that (?:day|night|week|month)|at the time)\b",
                        re.I)
_NO_SINGLE_TIME = re.compile(r"\b(?:could|would|might|will|if|each day|every day|per day|a day|"
                             r"daily|a week|per week|a month|per month)\b(?! ago| earlier| later| before| after)", re.I)
_SPAN_COUNTED = re.compile(r"\b(?:over|in|during|within|for) (?:the (?:past|last|previous|preceding)|just|only|"
                           r"barely|less than|under) (?:\w+ )?(?:days?|weeks?|months?)\b", re.I)
# A count of one day or one attack, however large: "nearly 1,000 killed in one day", "1,000 civilians
# killed in an airstrike".
# Attacks in the plural, or shelling, go on for weeks: "10,000 have died in Russian attacks".
_ONE_EVENT = re.compile(r"\b(?:in (?:one|a single) (?:day|night)|(?:deadliest|worst|bloodiest) day|"
                        r"in (?:\w+\s+){0,7}?(?:attack|strike|airstrike|air strike|explosion|blast|bombing|raid|"
                        r"bombardment))\b", re.I)
_TOLL = re.compile(r"\b(?:death|casualty) toll\b", re.I)


def figure_period(sentence: str, published: date | None, start: int, end: int, value: int,
                  category: str, before: Sequence[str] = (), war_start: date | None = None) -> Period | None:
    """The period of the count at `start`..`end` of the sentence; with no time in the sentence,
    the time of the attack it goes on about (`before` are the sentences before it), else the
    publication day for an event. `war_start` is when this war began (2014), where the running
    totals of an article written before the invasion start."""
    if published is None:
        return None
    return _until_published(_period(sentence, published, start, end, value, category, before, war_start),
                            published)


def _until_published(period: Period | None, published: date) -> Period | None:
    """No figure describes a time after its article: a period that would end later ends on the
    publication day, and one that would start later is no period."""
    if period is None or period.end <= published:
        return period
    if period.start > published:
        return None
    return Period(period.start, published, period.cumulative, period.assumed)


def _period(sentence: str, published: date, start: int, end: int, value: int, category: str,
            before: Sequence[str], war_start: date | None) -> Period | None:
    period = resolve_period(sentence, published, start)
    first = INVASION_START if published >= INVASION_START else war_start
    # Thousands killed with no start named are a running total of the war (told in the perfect, or
    # in a sentence about the war), unless a rate or a condition stands next to the count ("could
    # be higher" at the other end of the sentence is no such condition).
    if first is not None and first <= published and value >= 1000 \
            and category in ("killed", "casualties", "injured", "displaced", "captured"):
        clause = _clause(sentence, start, end)
        stock = _stock(sentence, clause, category)
        if (_WAR_CONTEXT.search(sentence) or _standing(sentence, start, end) or _TOLL.search(sentence, *clause)
                or stock) \
                and not _ONE_EVENT.search(sentence, *clause) \
                and (period is None and not _NO_SINGLE_TIME.search(sentence, *clause)
                     # The time a total was announced ("claimed on Wednesday", "said last week that
                     # 43,000 had been killed") is not its period; a span it counts over ("over the
                     # previous two weeks") is.
                     or period is not None and not period.cumulative and not _SPAN_COUNTED.search(sentence)
                     and (_RUNNING_TOTAL.search(sentence) or stock)):
            last = period.end if period and first <= period.end <= published else published
            return Period(first, last, True, assumed=True)
    if period is not None and period.cumulative and _SAME_TIME.search(sentence):
        # "The same month, Shoigu announced that Russia had lost 6,000 troops since ...": the
        # total runs up to when it was announced.
        told = _told_time(before, published)
        if told is not None and period.start <= told.end < period.end:
            return Period(period.start, told.end, True, period.assumed)
    if period is not None:
        return period
    if category in HARMED and (_CONTINUES.match(sentence) or _THE_ATTACK.search(sentence)):
        return _event_time(before, published) or Period(published, published, assumed=True)
    if category in HARMED and _SAME_TIME.search(sentence):
        return _told_time(before, published) or Period(published, published, assumed=True)
    if _NO_SINGLE_TIME.search(sentence, max(0, start - 50), end + 50) or category in _STATES \
            or _standing(sentence, start, end):
        return None
    return Period(published, published, assumed=True)


def _event_time(before: Sequence[str], published: date) -> Period | None:
    """The time of the last attack told in the sentences before."""
    for text in reversed(before[-3:]):
        event = _EVENT.search(text)
        period = resolve_period(text, published, event.start()) if event else None
        if period is not None:
            return period
    return None


def _told_time(before: Sequence[str], published: date) -> Period | None:
    """The time the sentences just before tell their story in, nearest first."""
    for text in reversed(before[-3:]):
        period = resolve_period(text, published, len(text))
        if period is not None:
            return period
    return None


def _clause(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The span of the clause around the count at `start`..`end` (at most 80 characters each way)."""
    lo = max([max(0, start - 80)] + [m.end() for m in _CLAUSE_EDGE.finditer(sentence, max(0, start - 80), start)])
    edge = _CLAUSE_EDGE.search(sentence, end, end + 80)
    return lo, edge.start() if edge else min(len(sentence), end + 80)


# "2.2 million refugees": people who have become refugees, counted since they began to flee.
_REFUGEES = re.compile(r"\brefugees\b", re.I)


def _stock(sentence: str, clause: tuple[int, int], category: str) -> bool:
    """Is the count (whose clause is `clause`) a stock of refugees, which runs up since the flight
    began, rather than a day's crossings or one evacuation?"""
    return category == "displaced" and bool(_REFUGEES.search(sentence, *clause))


def _standing(sentence: str, start: int, end: int) -> bool:
    """Does the count's clause state a standing state or running total rather than an event?"""
    lo, hi = _clause(sentence, start, end)
    return bool(_STATE_TENSE.search(sentence, lo, hi)) and not _EVENT.search(sentence, lo, hi)
