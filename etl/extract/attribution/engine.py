"""Who said what in one unit of narration: the attribution engine's entry point.

`attribute_unit` finds the unit's speech cues (cues.py) and, for each, the speaker phrase
(subjects.py, read by phrases.py and resolved against the article by resolve.py) and the content
(content.py), by the rule of its shape (verb_reports.py, according.py, agents.py). Statements
(etl/extract/statements.py) and figures' reporters (etl/extract/reporters.py) both ask it.
"""
from __future__ import annotations

from datetime import date

from etl.actors import ActorRegistry
from etl.extract.attribution.according import according_report, by_count_report
from etl.extract.attribution.agents import embedded_report, passive_report, quoted_as_report
from etl.extract.attribution.cues import find_cues
from etl.extract.attribution.report import Report
from etl.extract.attribution.resolve import ArticleSpeakers, Resolved
from etl.extract.attribution.subjects import clause_subject
from etl.extract.attribution.units import Unit, mask_quotes
from etl.extract.attribution.verb_reports import verb_report
from etl.extract.attribution.verbs import CITING, COUNT_ONLY, Cue
from etl.extract.quotes import find_quotes


def attribute_unit(unit: Unit, memory: ArticleSpeakers, counts: bool = False) -> tuple[list[Report], bool]:
    """The unit's reports in text order, and whether it holds any speech cue at all. With
    `counts`, reports of counts too ("has recorded 726 deaths"): their rule is "count", and they
    attribute figures but are no statements."""
    cues = find_cues(unit.masked, counts)
    found: list[Report] = []
    limit = 0  # content on the left of a cue starts after the previous attribution
    last_speaker: Resolved | None = None
    last_right: tuple[int, int] | None = None
    # An aside ("which Russia claimed") or a count ("it had recorded 227 deaths") does not end the
    # content of the report around it.
    following: list[Cue | None] = [None] * len(cues)
    for i in range(len(cues) - 2, -1, -1):
        after = cues[i + 1]
        following[i] = following[i + 1] if after.aside or after.word in COUNT_ONLY else after
    for cue, nxt in zip(cues, following):
        result = _attribute(unit, cue, nxt, limit, memory, last_speaker, last_right)
        if not result:
            continue
        if cue.word in COUNT_ONLY:
            for r in result:
                r.rule = "count"  # "the UN has recorded 726 deaths": a figure's source, no statement
        found.extend(result)
        last_speaker = result[-1].speaker
        # Content on the left of a later cue starts after this attribution, and after this
        # report's content when that follows the attribution and ends before the next cue: one
        # clause is reported once ("Though Russia denied X, Y happened, according to the UN").
        limit = max(limit, result[-1].attribution[1], *(
            r.content[1] for r in result
            if r.content[0] >= r.attribution[1] and (nxt is None or r.content[1] <= nxt.start)))
        last_right = result[-1].content if result[-1].content[0] >= result[-1].attribution[1] else None
    return _without_sourcing(found), bool(cues)


def attribute_span(text: str, registry: ActorRegistry, published: date | None) -> list[Report]:
    """The reports of a span of text read on its own (a figure's sentence): speakers as the span
    writes them, a pronoun left as the pronoun."""
    masked = mask_quotes(text, find_quotes(text))
    memory = ArticleSpeakers(masked, registry, published, keep_pronouns=True)
    return attribute_unit(Unit(0, len(text), text, masked), memory, counts=True)[0]


def opening_subject(text: str, registry: ActorRegistry, published: date | None) -> Resolved | None:
    """The subject opening a span read on its own ("Moscow has not updated its figure ...")."""
    masked = mask_quotes(text, find_quotes(text))
    return clause_subject(Unit(0, len(text), text, masked), ArticleSpeakers(masked, registry, published))


def _attribute(unit: Unit, cue: Cue, nxt: Cue | None, limit: int, memory: ArticleSpeakers,
               last_speaker: Resolved | None, last_right: tuple[int, int] | None) -> list[Report] | None:
    if cue.mode == "according":
        return according_report(unit, cue, nxt, limit, memory)
    if cue.mode == "by_count":
        return by_count_report(unit, cue, nxt, limit, memory)
    if cue.mode in ("embedded", "possessor"):
        return embedded_report(unit, cue, nxt, memory)
    if cue.mode == "passive":
        return passive_report(unit, cue, nxt, limit, memory)
    if cue.mode == "quoted_as":
        return quoted_as_report(unit, cue, nxt, limit, memory)
    return verb_report(unit, cue, nxt, limit, memory, last_speaker, last_right)


def _without_sourcing(found: list[Report]) -> list[Report]:
    """'Zelenskyy said he wants a compromise, according to Reuters': the outlet (or anyone) after
    "according to" only sources a report that already has its speaker, so it is no statement."""
    said = [f for f in found if f.cue is not None and f.cue != "according to"]
    return [f for f in found if not _cites_source(f) and (f.cue != "according to" or not any(
        o.content[0] < f.content[1] and f.content[0] < o.content[1] for o in said))]


def _cites_source(found: Report) -> bool:
    """'..., citing local officials': a short object of "citing" names a source, not a claim
    ('citing Kyiv's failure to implement the agreements')."""
    return bool(found.cue and found.cue.split()[-1] in CITING) and len(found.quote.split()) < 5
