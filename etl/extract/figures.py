"""Reported figures: counts of people killed, injured, captured, displaced or deployed.

An article's sentences go through figure_grammar.py (which counts are figures, of what and of
whom); counts in questions, scenarios and war games, and counts said to be possible or planned,
are dropped; each figure then gets its reporter (reporters.py), period (figure_periods.py),
conflict (figure_conflicts.py), side (sides.py) and place (places.py), and the article keeps each
(value, category) once.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import cache, partial

from etl.actors import ActorRegistry
from etl.extract.conflicts import NONE, THIS_WAR, ConflictRegistry
from etl.extract.figure_conflicts import OTHER, ArticleConflicts, figure_conflict
from etl.extract.figure_grammar import find_figures
from etl.extract.figure_periods import figure_period
from etl.extract.periods import Period
from etl.extract.figure_words import HARMED, SCENARIO, SIMULATION
from etl.extract.places import article_side, location
from etl.extract.reporters import figure_reporter
from etl.extract.sentences import Sentence
from etl.extract.sides import figure_side
from etl.model import Article, Figure, Statement


_QUESTION = re.compile(r"\?[\"'”’)\]]*\s*$")
# Whose people a figure counts when nothing else says: for this war, the side whose places the
# article names most; for a count of no conflict, nobody knows; another conflict's people are
# neither Ukraine's nor Russia's unless the text says so.
_DEFAULT_SIDE = {NONE: "unknown"}


def extract_figures(article: Article, sentences: list[Sentence], statements: list[Statement],
                    actors: ActorRegistry, conflicts: ConflictRegistry | None = None) -> list[Figure]:
    """The article's reported figures in text order, each (value, category) once.

    The first mention is kept; a later mention of the same figure only fills in the reporter,
    place or period the first did not give (a lede often repeats a figure the body attributes).
    `conflicts` defaults to the registry in data/conflicts.csv.
    """
    # The conflicts the article names, found when its first figure needs them: most articles
    # have none.
    conflicts = conflicts or ConflictRegistry.load()
    scope = cache(partial(ArticleConflicts, article.title, article.text, conflicts))
    out: list[Figure] = []
    index: dict[tuple[int, str, bool], int] = {}
    parts: set[int] = set()  # kept figures that were named as part of another
    # (sentence index, reporter, side) of the last people harmed: the same source going on about
    # them a sentence or two later ("seven people are missing") speaks of the same side.
    harmed: tuple[int, str, str] | None = None
    @cache
    def article_default(on: date | None = None) -> str:
        """The side whose places the article names most, held as on day `on`: a pass over the
        article, made only for a figure that nothing else gives a side."""
        return article_side(article.text, on) or "unknown"

    carried = None  # the last figure of the sentence before
    for i, sentence in enumerate(sentences):
        text = sentence.text
        found = find_figures(text, carried)
        carried = found[-1] if found else None
        if found and (_QUESTION.search(text) or SCENARIO.search(text) or any(
                SIMULATION.search(s.text) for s in sentences[max(0, i - 2):i + 2])):
            # A question asks about a count ("Letting Russians kill 200 or 300 children?"); a
            # scenario or war game imagines one.
            found = [f for f in found if f.category == "deployed"]
        before = [s.text for s in sentences[max(0, i - 3):i]] if found else []
        for f in found:
            number_text = text[f.number.start:f.number.end]
            reporter = figure_reporter(sentence, statements, number_text, sentences[max(0, i - 3):i],
                                       article, actors, after=sentences[i + 1:i + 3])
            group = f.group or "people"
            if group == "people" and _called_civilians(text, f.number.start):
                group = "civilians"
            period = figure_period(text, article.published, f.number.start, f.number.end,
                                   f.number.value, f.category, before, conflicts.this_war.start)
            if f.mood:
                continue
            conflict = figure_conflict(scope(), sentence, f.number.start, f.number.value, period,
                                       f.category, sentences[max(0, i - 2):i], article.published)
            if period is not None and period.assumed and conflict != THIS_WAR and (
                    period.cumulative or conflict == OTHER or scope().ended_before(conflict, article.published)):
                # This war's span, or the publication day, guessed for a count of another war or of the past.
                period = None
            reporter_actor = actors.lookup(reporter.name, on=article.published) if reporter else None
            figure = Figure(
                figure_id="",
                article_id=article.article_id,
                published=article.published,
                value=f.number.value,
                value_high=f.number.value_high,
                qualifier=f.number.qualifier,
                category=f.category,
                group=group,
                side=figure_side(text, f.number.start, category=f.category, group=group, stated=f.side,
                                 reporter=reporter.name if reporter else None,
                                 reporter_actor=reporter_actor, before=before,
                                 default=partial(article_default, _event_day(period, f.category))
                                 if conflict == THIS_WAR else partial(_DEFAULT_SIDE.get, conflict, "other"),
                                 recent=_same_story(harmed, i, reporter.name if reporter else None),
                                 on=_event_day(period, f.category)),
                period_start=period.start if period else None,
                period_end=period.end if period else None,
                cumulative=bool(period and period.cumulative),
                reported_by=reporter.name if reporter else None,
                location=location(text, f.number.start, f.number.end),
                sentence=text,
                reported_by_actor=reporter.actor if reporter else None,
                conflict=conflict,
                rule=f.rule,
            )
            if f.category in HARMED and figure.reported_by:
                harmed = (i, figure.reported_by, figure.side)
            key = (f.number.value, f.category, f.number.vague)
            if key in index:
                kept = index[key]
                if kept in parts and not f.part:
                    # Said on its own, a figure says plainly whose people it counts.
                    out[kept] = replace(out[kept], group=figure.group, side=figure.side)
                    parts.discard(kept)
                out[kept] = _fill_in(out[kept], figure)
                continue
            if f.part:
                parts.add(len(out))
            index[key] = len(out)
            out.append(replace(figure, figure_id=f"{article.article_id}:f{len(out) + 1}"))
    return out


_CIVILIANS = re.compile(r"\bcivilians?\b", re.I)
# What parts two clauses: the people of one are not called civilians by the other (a colon
# goes on about the same people: "the deadliest month for civilians: 589 people were killed").
_CLAUSE_BREAK = re.compile(r";|,\s*(?:and|but|while|whereas|which|who)\b|\s[-—–]\s")


def _called_civilians(text: str, at: int) -> bool:
    """Does the sentence call the people of the count at `at` civilians, in the count's own clause
    ("seven people were killed, all of them civilians")?"""
    return any(not _CLAUSE_BREAK.search(text, *sorted((m.start(), at))) for m in _CIVILIANS.finditer(text))


def _event_day(period: Period | None, category: str) -> date | None:
    """The day of a single harmful event, on which the places named with it are taken as held
    (people hurt in occupied Kherson in September 2022 were hurt by Ukraine's fire, so are
    Russia's side in these reports); None for running totals, the displaced and the captured
    (Azovstal's defenders are Ukraine's), which are placed on the map as it stood before the
    invasion."""
    if period is None or period.cumulative or category not in HARMED or (period.end - period.start).days > 7:
        return None
    return period.end


def _same_story(harmed: tuple[int, str, str] | None, i: int, reporter: str | None) -> str | None:
    """The side of the people harmed just before, when the same source reports again."""
    if harmed is None or reporter is None or i - harmed[0] > 2:
        return None
    return harmed[2] if harmed[1].split()[-1].lower() == reporter.split()[-1].lower() else None


def _fill_in(kept: Figure, later: Figure) -> Figure:
    changes = {}
    if kept.reported_by is None and later.reported_by:
        changes.update(reported_by=later.reported_by, reported_by_actor=later.reported_by_actor)
    if kept.location is None and later.location:
        changes["location"] = later.location
    if kept.period_start is None and later.period_start:
        changes.update(period_start=later.period_start, period_end=later.period_end,
                       cumulative=later.cumulative)
    return replace(kept, **changes) if changes else kept
