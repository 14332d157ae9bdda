"""Reports whose speaker is not the subject of the speech verb.

- `passive-agent`: the agent of a passive reports the "as" complement ('condemned as illegal by
  Ukraine'), the clause ('300 people were said by Zelenskiy to be sheltering ...') or the subject
  ('the death of a teacher was reported by officials');
- `aside`: a relative clause with its own subject reports up to its end ('the barrage, which
  Russia claimed targeted only energy sites, was ...');
- `caused-to`: an object made to speak reports the rest of the clause ('led Zelenskyy to call for
  ...');
- `possessor`: the possessor of a noun of saying reports its that-clause ("Russia's explanation
  that ...");
- `quoted-as`: the subject of "was quoted as saying" reports what follows (or precedes) it.
"""
from __future__ import annotations

from etl.extract.attribution.adverbials import skip_adverbials
from etl.extract.attribution.content import content_end, left_content
from etl.extract.attribution.cues import ASIDE_END, SUBJECT_REPORTED, THAT_OPENING, TRAILING_AUX
from etl.extract.attribution.phrases import split_mention
from etl.extract.attribution.report import Report, cue_text, make_report
from etl.extract.attribution.resolve import ArticleSpeakers, Resolved
from etl.extract.attribution.units import Unit, count_words
from etl.extract.attribution.verb_reports import with_content
from etl.extract.attribution.verbs import Cue


def _speaker_at(unit: Unit, cue: Cue, memory: ArticleSpeakers) -> tuple[Resolved | None, str | None]:
    """The resolved speaker written at `cue.speaker_span`, and the kind of phrase it was."""
    a, b = cue.speaker_span
    mention = split_mention(unit.masked[a:b], memory.registry)
    if mention is None:
        return None, None
    return memory.resolve(mention, unit.start + cue.start), mention.kind


def passive_report(unit: Unit, cue: Cue, nxt: Cue | None, limit: int,
                   memory: ArticleSpeakers) -> list[Report] | None:
    """The agent reports the "as" complement ('condemned as illegal by Ukraine') or the whole
    clause ('300 people were said by Zelenskiy to be sheltering ...')."""
    masked = unit.masked
    b = cue.speaker_span[1]
    who, _ = _speaker_at(unit, cue, memory)
    if who is None or who.kind == "pronoun":
        return None
    said = cue_text(masked, cue)
    start, end = cue.content_span
    if start < end:
        return [make_report(unit, who, (start, end), said, (cue.start, b), "passive-agent")]
    left = left_content(unit, limit, cue.start)
    if left is None:
        return None
    if cue.content_span == SUBJECT_REPORTED:
        left = (left[0], left[0] + len(TRAILING_AUX.sub("", masked[left[0]:left[1]])))
        if count_words(masked[left[0]:left[1]]) < 3:
            return None  # "It was reported by ...", "The attack was confirmed by ..."
        return [make_report(unit, who, left, said, (cue.start, b), "passive-agent")]
    return [make_report(unit, who, (left[0], content_end(masked, b, nxt)), said, (cue.start, b),
                        "passive-agent")]


def embedded_report(unit: Unit, cue: Cue, nxt: Cue | None, memory: ArticleSpeakers) -> list[Report] | None:
    """A report inside another clause, its speaker at `cue.speaker_span`: an aside ('the barrage,
    which Russia claimed targeted only energy sites, was ...') reports up to the end of the aside;
    an object made to speak ('led Zelenskyy to call for ...') or a possessor ("Russia's explanation
    that ...") reports the rest of the clause."""
    masked = unit.masked
    who, kind = _speaker_at(unit, cue, memory)
    if who is None or kind == "pronoun":
        return None
    start = skip_adverbials(masked, cue.verb_end)
    start += THAT_OPENING.match(masked, start).end() - start
    if cue.aside:
        end = ASIDE_END.search(masked, start)
        end = end.start() if end else len(masked)
    else:
        end = content_end(masked, start, nxt)
    if count_words(masked[start:end]) < 2:
        return None
    rule = "aside" if cue.aside else "possessor" if cue.mode == "possessor" else "caused-to"
    return [make_report(unit, who, (start, end), cue_text(masked, cue), (cue.start, start), rule)]


def quoted_as_report(unit: Unit, cue: Cue, nxt: Cue | None, limit: int,
                     memory: ArticleSpeakers) -> list[Report] | None:
    """'X was quoted as saying ...': X reports what follows (or precedes) the cue."""
    who, _ = _speaker_at(unit, cue, memory)
    if who is None:
        return None
    return with_content(unit, cue, nxt, limit, who, cue.start, cue.verb_end, "quoted as saying", "quoted-as")
