"""Which conflict the people a figure counts belong to: this war, another one, or none.

Decided from the figure's own sentence, then the two sentences before, then the article, with
the registry in data/conflicts.csv (conflicts.py):
  1. a period before this war began (the figure's own, or, when its sentence has neither a time
     nor a conflict, the time of the sentence before) puts the figure in the conflict of that
     time the text names, else in `other`;
  2. a count dated before the invasion in a sentence that names neither war nor Ukraine, nor do
     the two before it, is `none` (a crackdown, a detention, a migration of its own); a cause that
     belongs to no conflict (the pandemic, a flood, a fire, a crash, a shooting) makes it `none`,
     unless the sentence also names the means of war ("a missile hit the covid hospital"); so does a
     worldwide count, whatever else the sentence names; arrests at protests are this war's only
     when the protests are about it, or in Russia or Ukraine after the invasion;
  3. a conflict the sentence names by name ("the Second World War"), else by a place ("Aleppo"),
     the one nearest the count winning; names in comparisons ("the worst since World War II",
     "more than in Afghanistan") do not count;
  4. the conflict the nearest of the two sentences before names, for a story that goes on ("In
     Syria, ... The campaign also displaced 2 million"), this war if it is among them;
  5. the article's: the conflict it names most (names weigh more than places) if it names it more
     than twice as much as this war, else this war; for an article that names none, this war if
     it speaks of war at all, else `none`; and `none` for a figure with no word of this war within
     a few paragraphs (a news roundup's other story).
Two checks come last: a count told in the present or the perfect is not of a conflict that ended
years before, whatever the sentences before or the article say ("they have killed 300
children"); a count larger than Ukraine's population is never this war's; nor is a count of killed
larger than all this war can have killed by its day (war_scale.py).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from datetime import date

from etl.extract.conflicts import NONE, THIS_WAR, ConflictRegistry, Mention
from etl.extract.periods import INVASION_START, Period, resolve_period
from etl.extract.sentences import Sentence
from etl.extract.war_scale import beyond_this_war

OTHER = "other"
# More people than lived in Ukraine before the war (about 44 million, 2021): no count of this war
# is that large; such counts are of the world ("84 million forcibly displaced") or of bigger wars.
MOST_PEOPLE = 44_000_000
# The means of war: any of these makes the harm the war's, whatever other cause the sentence names.
_COMBAT = re.compile(
    r"\b(?:war(?! on (?:terror\w*|drugs))|wartime|invasion|invaders|troops|soldiers|military|recruits|"
    r"missiles?|shelling|shells|airstrikes?|drones?|artillery|bombs?|bombing|bombardments?|"
    r"explosions?|blasts?|army|(?<!security )forces|mobili[sz]\w*|front ?lines?|combat|fighting|"
    r"occup\w*|offensive|rockets?)\b", re.I)
# What makes harm the war's whatever other cause the sentence names: the means of attack, not the
# mere presence of soldiers ("two soldiers died in a car crash", "a military plane crashed").
_MEANS_OF_WAR = re.compile(
    r"\b(?:war(?! on (?:terror\w*|drugs))|wartime|invasion|invaders|missiles?|shelling|shells|"
    r"airstrikes?|air strikes?|missile strikes?|drones?|artillery|bombs?|bombing|bombardments?|"
    r"explosions?|blasts?|"
    r"mobili[sz]\w*|front ?lines?|combat|fighting|occup\w*|offensive|rockets?|shot down)\b", re.I)
# "Before the war" names the war only to set a time apart from it.
_PEACETIME = re.compile(r"\b(?:before|prior to) the (?:\w+ )?(?:war|invasion)\b|\bpre-?war\b|"
                        r"\bpeacetime\b", re.I)
_PROTEST = re.compile(r"\b(?:protests?|protesters?|protestors?|demonstrators?|demonstrations?|unrest|"
                      r"riots?|rioters|rioting|crackdown)\b", re.I)
# What can happen to people at protests; fleeing a country or being drafted is not done at one.
_HURT_AT_PROTESTS = frozenset({"killed", "injured", "casualties", "captured"})
_WAR_NAMED = re.compile(r"\b(?:[Aa]nti-?war|(?<![Ww]orld )war|invasion|mobili[sz]\w*|call-up|conscription|"
                        r"draft|Ukrain\w*)\b")
_WAR_PLACE = re.compile(r"\b(?:Russia\w*|Moscow|St\.? Petersburg|Putin|Kremlin|OVD-Info)\b")
# A conflict named to compare or to date something else: "the worst since World War II", "more
# than in Afghanistan", "like Aleppo".
_COMPARISON = re.compile(
    r"(?:\b(?:than|like|unlike|compared (?:to|with)|as many as|as much as)\b[^,;:.()]{0,60}"
    r"|\b(?:since|as in|reminiscent of|recall\w*|evok\w*|echo\w*|equivalent of|worse|worst|largest|"
    r"biggest|deadliest|bloodiest|heaviest|greatest)\s+(?:(?:the|a|an|in|of|end|start|beginning|"
    r"days|times?|era|during|at|those|that|for|any|anything|seen|conflict|war)\s+){0,5})$", re.I)
# A sentence that goes on about the one before: it opens with a pronoun, or says "also".
_GOES_ON = re.compile(r"\W*(?:(?:They|He|She|It|His|Her|Their|Its|These|Those)\b|(?:\w+\s+){0,3}also\b)")
_CLAUSE_BREAK = re.compile(r"[;:]|\s[-—–]\s|,\s*(?:while|but|and|as|which|who|whereas)\b")
# The present, or a perfect that reaches it: no count of a war long over is told this way.
_NOW = re.compile(r"\b(?:have|has|are|is|[’']ve|[’']re)\s+(?:\w+\s+)?(?:been\s+)?\w+(?:ed|ing|en)\b", re.I)
# A conflict in the name of a place or a day of memory: "the Babyn Yar Holocaust Memorial".
_MEMORIAL = re.compile(r"\s+(?:[Mm]emorial|[Mm]useum|[Mm]onument|[Rr]emembrance|anniversary|[Dd]ay\b|"
                       r"[Vv]eterans?|survivors?)")


# Words of this war (its sides, means, places): a figure with none of them within _NEARBY
# characters is not taken to be this war's on the article's word alone.
_WAR_WORDS = re.compile(r"\b(?:Russia\w*|Ukrain\w*|Kyiv|Kiev|Moscow|Kremlin|Putin|Zelensk\w*|war|invasion|troops|"
                        r"soldiers|military|missiles?|shelling|strikes?|attacks?|forces|army|front ?lines?|"
                        r"occup\w*|Donbas\w*|Crimea\w*|tanks?|trench(?:es)?)\b")
_NEARBY = 1500


class ArticleConflicts:
    """The conflicts an article names, found once; figure_conflict asks it about one figure."""

    def __init__(self, title: str, text: str, registry: ConflictRegistry):
        self.registry = registry
        self.text = text
        self.title = title
        self.mentions = [m for m in registry.find(text) if not _compared(text, m)]
        self._starts = [m.start for m in self.mentions]
        self.default = self._article_default(title, text)

    def _article_default(self, title: str, text: str) -> str:
        weights: Counter[str] = Counter()
        for m in [*self.mentions, *self.registry.find(title)]:
            if m.conflict.slug not in (NONE, OTHER):
                weights[m.conflict.slug] += 3 if m.strong else 1
        if not weights:
            # An article that names no conflict but speaks of war is taken to speak of this one,
            # the war the tool follows; one that does neither counts accidents, crimes, disasters.
            return THIS_WAR if _COMBAT.search(_PEACETIME.sub("", f"{title}\n{text}")) else NONE
        other = max((s for s in weights if s != THIS_WAR), key=lambda s: (weights[s], s), default=None)
        # Another conflict is the article's subject only when it is named well over twice as much:
        # news of this war often recalls the last world war.
        return other if other and weights[other] > 2 * weights[THIS_WAR] else THIS_WAR

    def ended_before(self, slug: str, published: date | None) -> bool:
        """Did the conflict `slug` end more than a year before the article was published?"""
        conflict = next((c for c in self.registry.conflicts if c.slug == slug), None)
        return bool(conflict and conflict.end and published and (published - conflict.end).days > 365)

    def war_nearby(self, start: int, end: int) -> bool:
        """Does the text within a few paragraphs of text[start:end] speak of this war at all? The
        title counts as the paragraphs before the first."""
        return bool(_WAR_WORDS.search(self.text, max(0, start - _NEARBY), end + _NEARBY)
                    or start < _NEARBY and _WAR_WORDS.search(self.title))

    def within(self, start: int, end: int) -> list[Mention]:
        lo, hi = bisect_left(self._starts, start), bisect_left(self._starts, end)
        return self.mentions[lo:hi]


def _compared(text: str, m: Mention) -> bool:
    return bool(_COMPARISON.search(text, max(0, m.start - 60), m.start)
                or _MEMORIAL.match(text, m.end))


def figure_conflict(context: ArticleConflicts, sentence: Sentence, at: int, value: int,
                    period: Period | None, category: str, before: Sequence[Sentence],
                    published: date | None) -> str:
    """The conflict slug of the count `value` at offset `at` of `sentence` (offsets within the
    sentence), whose period is `period`; `before` are the sentences just before it."""
    slug = _conflict(context, sentence, at, period, category, before, published)
    if slug == THIS_WAR and value > MOST_PEOPLE:
        return NONE
    day = period.end if period is not None and not period.assumed else published
    # Larger than all this war has killed by then: a count of a bigger war the text recalls.
    return OTHER if slug == THIS_WAR and beyond_this_war(value, category, day) else slug


def _conflict(context: ArticleConflicts, sentence: Sentence, at: int, period: Period | None,
              category: str, before: Sequence[Sentence], published: date | None) -> str:
    here = context.within(sentence.start, sentence.end)
    pos = sentence.start + at
    previous = before[-1] if before else None
    if period is not None and period.assumed:
        period = None  # a guess, not a date the text gives
    if period is None and not here:
        period = _story_time(before, published)
    if period is not None and period.start.year < context.registry.this_war.start.year:
        return _past(context, here, pos, period)
    text = sentence.text
    if period is not None and period.end < INVASION_START and not any(
            _COMBAT.search(s.text) or any(m.conflict.slug == THIS_WAR and (m.strong or s is sentence)
                                          for m in context.within(s.start, s.end))
            for s in (sentence, *before)):
        return NONE  # before the invasion, with neither war nor Ukraine in sight: a crackdown, a
        # detention, a migration of its own (a place named sentences before, "the grand prince of
        # Kiev", does not make a crackdown in Moscow part of the war)
    if any(m.conflict.kind == "world" and _same_clause(text, pos - sentence.start, m.start - sentence.start)
           for m in here):
        return NONE  # "84 million people are now forcibly displaced worldwide"
    wars = [m for m in here if m.conflict.slug != NONE]
    causes = [m for m in here if m.conflict.kind == "cause"]
    at_war = bool(_MEANS_OF_WAR.search(_PEACETIME.sub("", text))) or any(
        m.conflict.slug == THIS_WAR for m in wars)
    if causes and not at_war:
        return NONE
    protest = category in _HURT_AT_PROTESTS and _PROTEST.search(text) and not _COMBAT.search(text)
    if protest and not (category == "captured" and _about_the_war(
            text, previous.text if previous else "", published)):
        other = [m for m in wars if m.conflict.slug != THIS_WAR]
        return _nearest(other, pos).conflict.slug if other else NONE
    named = [m for m in wars if m.strong]
    if not named and period is not None:
        # A place belongs to a conflict of its time; a conflict named by name needs no date
        # ("massacred 100,000 Poles during World War Two", said on Monday).
        wars = [m for m in wars if m.conflict.overlaps(period.start, period.end)]
    if not named and wars and period is None and before and not _NOW.search(text) and _GOES_ON.match(text):
        # Only a place of this war in a sentence of the past with no time of its own that goes on
        # from the one before ("They", "also"), which names a war long over: the story of that war
        # ("... during World War II. They also carried out a massacre of Poles in western Ukraine,
        # killing 44,000").
        told = [m for m in context.within(before[-1].start, before[-1].end)
                if m.strong and m.conflict.slug != THIS_WAR and context.ended_before(m.conflict.slug, published)]
        if told and all(m.conflict.slug == THIS_WAR for m in wars):
            return _nearest(told, pos).conflict.slug
    named = named or wars
    if named:
        return _nearest(named, pos).conflict.slug
    slug = _told_before(context, before, period, pos, text) or context.default
    if _NOW.search(text) and context.ended_before(slug, published):
        return THIS_WAR  # "they have already killed over 300 children", after a paragraph on 1945
    if slug == THIS_WAR and not context.war_nearby(sentence.start, sentence.end):
        # The article's war, with no word of it within paragraphs: a news roundup's other story
        # ("a Michigan family of four disappeared", "migrants moved out of El Paso").
        return NONE
    return slug


def _told_before(context: ArticleConflicts, before: Sequence[Sentence], period: Period | None,
                 pos: int, text: str) -> str | None:
    """The conflict the nearest of the sentences before names, for a story that goes on; no
    conflict when it names only a cause of no conflict and neither it nor the count's sentence
    `text` speaks of war."""
    for earlier in reversed(before):
        mentions = context.within(earlier.start, earlier.end)
        told = [m for m in mentions if m.conflict.slug != NONE]
        if period is not None:
            told = [m for m in told if m.conflict.overlaps(period.start, period.end)]
        told = [m for m in told if m.strong] or told
        if any(m.conflict.slug == THIS_WAR for m in told):
            return THIS_WAR  # a sentence that compares this war with another speaks of this one
        if told:
            return _nearest(told, pos).conflict.slug
        if any(m.conflict.kind == "cause" for m in mentions) and not (
                _COMBAT.search(earlier.text) or _WAR_WORDS.search(earlier.text) or _WAR_WORDS.search(text)):
            return NONE  # "Trump supporters stormed the Capitol ... More than 750 people have been arrested"
    return None


def _same_clause(text: str, a: int, b: int) -> bool:
    lo, hi = min(a, b), max(a, b)
    return hi - lo <= 120 and not _CLAUSE_BREAK.search(text, lo, hi)


def _story_time(before: Sequence[Sentence], published: date | None) -> Period | None:
    """The time a story is told in, as the sentence just before gives it ("a mass murder by the
    Nazis in September 1941. ... up to 30,000 people were shot"), outside its relative clauses."""
    if published is None or not before:
        return None
    return resolve_period(before[-1].text, published)


def _about_the_war(text: str, previous: str, published: date | None) -> bool:
    """Were the people arrested at protests against this war? The text or the sentence before
    names the war, or, once the invasion began, protests in Russia or Ukraine."""
    if any(_WAR_NAMED.search(t) for t in (text, previous)):
        return True
    return published is not None and published >= INVASION_START and any(
        _WAR_PLACE.search(t) for t in (text, previous))


def _past(context: ArticleConflicts, here: list[Mention], pos: int, period: Period) -> str:
    """A count dated before this war: the conflict of its time named in the sentence, else within a
    few paragraphs of it (a retrospective of 25 years names Iraq far from its hurricane), else a
    cause of no conflict, else `other`."""
    for mentions in (here, context.within(max(0, pos - _NEARBY), pos + _NEARBY)):
        fitting = [m for m in mentions if m.conflict.slug not in (NONE, THIS_WAR)
                   and m.conflict.overlaps(period.start, period.end)]
        if fitting:
            return _nearest(fitting, pos).conflict.slug
    return NONE if any(m.conflict.slug == NONE for m in here) else OTHER


def _nearest(mentions: list[Mention], pos: int) -> Mention:
    return min(mentions, key=lambda m: m.start - pos if m.start >= pos else (pos - m.end) * 1.5)
