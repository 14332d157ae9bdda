"""Who said what in one unit of narration: the attribution engine's entry point.

`attribute_unit` finds the unit's speech cues (cues.py) and, for each, the speaker phrase
(subjects.py, read by phrases.py and resolved against the article by resolve.py) and the content
(content.py), by the rule of its shape (verb_reports.py, according.py, agents.py). Statements
(etl/extract/statements.py) and figures' reporters (etl/extract/reporters.py) both ask it.
"""
from __future__ import annotations

from etl.extract.attribution.according import according_report
from etl.extract.attribution.agents import embedded_report, passive_report, quoted_as_report
from etl.extract.attribution.cues import find_cues
from etl.extract.attribution.report import Report
from etl.extract.attribution.resolve import ArticleSpeakers, Resolved
from etl.extract.attribution.units import Unit
from etl.extract.attribution.verb_reports import verb_report
from etl.extract.attribution.verbs import CITING, Cue


def attribute_unit(unit: Unit, memory: ArticleSpeakers) -> tuple[list[Report], bool]:
    """The unit's reports in text order, and whether it holds any speech cue at all."""
    cues = find_cues(unit.masked)
    found: list[Report] = []
    limit = 0  # content on the left of a cue starts after the previous attribution
    last_speaker: Resolved | None = None
    last_right: tuple[int, int] | None = None
    # An aside ("which Russia claimed") does not end the content of the report around it.
    following: list[Cue | None] = [None] * len(cues)
    for i in range(len(cues) - 2, -1, -1):
        after = cues[i + 1]
        following[i] = after if not after.aside else following[i + 1]
    for cue, nxt in zip(cues, following):
        result = _attribute(unit, cue, nxt, limit, memory, last_speaker, last_right)
        if not result:
            continue
        found.extend(result)
        last_speaker = result[-1].speaker
        limit = max(limit, result[-1].attribution[1])
        last_right = result[-1].content if result[-1].content[0] >= result[-1].attribution[1] else None
    return _without_sourcing(found), bool(cues)


def _attribute(unit: Unit, cue: Cue, nxt: Cue | None, limit: int, memory: ArticleSpeakers,
               last_speaker: Resolved | None, last_right: tuple[int, int] | None) -> list[Report] | None:
    if cue.mode == "according":
        return according_report(unit, cue, nxt, limit, memory)
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
