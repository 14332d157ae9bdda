"""Statements (who said what) of one article.

The text is cut into quote-aware units (sentences merged while a quotation is open), with the
quotations masked, and the attribution engine (etl/extract/attribution/) finds in each unit who
said what. What is specific to quotations stays here: a unit that is only a quotation continues
the last speaker, up to two units of narration later unless someone else was named in between;
statements by the article's own outlet are left out; and each statement gets the day it was made
("said on Tuesday"), read from its attribution with the reported content masked.
"""
from __future__ import annotations

import re
from collections import Counter

from etl.actors import ActorRegistry, normalise
from etl.extract.attribution.according import outlet_self
from etl.extract.attribution.engine import attribute_unit
from etl.extract.attribution.report import Report
from etl.extract.attribution.resolve import ArticleSpeakers, actor_of
from etl.extract.attribution.units import MASK, Unit, build_units, is_blank, mask_quotes
from etl.extract.calendar_words import WEEKDAY
from etl.extract.periods import statement_day
from etl.extract.quotes import find_quotes, speech_marks
from etl.extract.sentences import Sentence
from etl.model import Article, Statement

_CONTINUATION_GAP = 2  # units of narration a speaker's quotations may continue across
_OPENING_MARK = re.compile(r"\s*[\"“”„«]")
_WORD = re.compile(r"\w")
# Two words that say nothing: a preposition or a time ("on 'sabotage'", "Last year"), or a verb
# left over from the clause ("aired Wednesday", "went viral").
_NOT_A_CLAIM = re.compile(r"(?:on|as|of|for|to|in|at|about|with|from|by|last|this|next|earlier|later|today|"
                          r"yesterday|shortly|soon|went|mid-[a-z]+|[a-z]+ed|" + WEEKDAY + r")\b", re.I)
# Words that answer or greet without saying anything a reader could attribute.
_INTERJECTIONS = frozenset("""yes no ok okay sorry thanks thank you but and so well oh umm um hmm bye hi hello
perhaps maybe right sure exactly absolutely indeed""".split())
# The narrator asking: "Will the government announce more support?", "Why did Putin say ...?"
_NARRATOR_QUESTION = re.compile(r"^\s*(?:Will|Would|Does|Did|Do|Is|Are|Was|Were|Can|Could|Should|Has|Have|Why|What|"
                                r"How|When|Where|Who)\b[^\x00]*\?\s*$")


def extract_statements(article: Article, sentences: list[Sentence], actors: ActorRegistry) -> list[Statement]:
    """Statements of `article` in text order, with speakers resolved through `actors`."""
    text = article.text
    marked = speech_marks(text)
    quotes = find_quotes(marked)
    masked = mask_quotes(marked, quotes)
    memory = ArticleSpeakers(masked, actors, article.published)
    outlets = _outlet_names(article)
    found: list[tuple[Unit, list[Report]]] = []
    previous: Report | None = None
    previous_at = gap = 0
    for unit in build_units(text, masked, sentences, quotes):
        # A quotation standing alone continues the last speaker, even a sentence or two of
        # narration later, unless someone else has been named since.
        goes_on = previous is not None and gap <= _CONTINUATION_GAP and not \
            memory.other_person_between(previous_at, unit.start, previous.speaker)
        reports, cued = attribute_unit(unit, memory)
        if not reports and not cued and goes_on:
            reports = _continuation(unit, previous, gap)
        for report in reports:
            memory.remember(unit.start + report.at, report.speaker)
        kept = [r for r in _worth_keeping(reports, unit) if not _is_outlet(r, outlets)]
        if kept:
            found.append((unit, kept))
            previous, previous_at, gap = kept[-1], unit.start + kept[-1].attribution[1], 0
        elif not is_blank(unit):
            gap += 1
    return _rows(article, found)


def _worth_keeping(reports: list[Report], unit: Unit) -> list[Report]:
    """The unit's reports that are statements: not a count ("has recorded 726 deaths"), not the
    narrator's own question ("Will the government announce more support?"), and not two words or
    fewer that say nothing: a leftover of the clause ("on 'sabotage'", " ."), a bare object whose
    speaker goes on in the same sentence ("hailed the decision, saying that ..."), an answer or a
    question ('"No," he said') or the opening of a quotation split by its attribution."""
    if not reports:
        return reports
    if unit.masked.rstrip().endswith("?") and _NARRATOR_QUESTION.search(unit.masked):
        reports = [r for r in reports if r.kind == "direct"]
    speakers = Counter(r.speaker.speaker for r in reports)
    split_after = any(r.rule == "split-quote" for r in reports)
    out = []
    for r in reports:
        words = r.quote.split()
        if r.rule == "count" or not _WORD.search(r.quote):
            continue
        if len(words) <= 2 and r.kind != "direct" and (
                _NOT_A_CLAIM.match(r.quote) or r.rule == "aside" or speakers[r.speaker.speaker] > 1):
            continue
        if len(words) <= 2 and r.kind == "direct" and (
                r.quote.rstrip(' "”’').endswith("?") or all(w.strip(",.!;:").lower() in _INTERJECTIONS for w in words)
                or split_after and r.rule == "content-verb"):
            continue  # "No," he said; "To whom?"; '"But," he added, "that's a subset ..."' (the rest stays)
        out.append(r)
    return out


def _rows(article: Article, found: list[tuple[Unit, list[Report]]]) -> list[Statement]:
    out = []
    # The same words credited twice in one article: a repeated paragraph, or '..., he said,
    # adding: "..."' read once for each cue. The first stays.
    seen: set[tuple[str, str]] = set()
    for unit, reports in found:
        # The day is read from the attributions only: "said on Tuesday", not a day in the quote.
        attribution = unit.masked
        for r in reports:
            a, b = r.content
            attribution = attribution[:a] + MASK * (b - a) + attribution[b:]
        for r in reports:
            keys = ((r.quote, r.speaker.speaker), (r.quote, str(unit.start)))
            if keys[0] in seen or keys[1] in seen:
                continue
            seen.update(keys)
            said_on = statement_day(attribution, article.published) if r.cue else None
            out.append(Statement(
                statement_id=f"{article.article_id}:s{len(out) + 1}", article_id=article.article_id,
                published=article.published, speaker=r.speaker.speaker, speaker_role=r.speaker.role,
                kind=r.kind, quote=r.quote, cue=r.cue, said_on=said_on, sentence=unit.text,
                actor=actor_of(r.speaker.actor or r.speaker.speaker), rule=r.rule))
    return out


def _continuation(unit: Unit, previous: Report, gap: int) -> list[Report]:
    """A unit made of a quotation after a statement (`gap` units of narration between): the same
    speaker goes on."""
    masked = unit.masked
    m = _OPENING_MARK.match(masked)
    if not m:
        return []
    start = m.end()
    end = start
    while end < len(masked) and masked[end] == MASK:
        end += 1
    if end - start < 0.6 * len(masked.strip()) or len(unit.text[start:end].split()) < (2 if gap == 0 else 5):
        return []
    return [Report(0, previous.speaker, "direct", unit.text[start:end], None, (0, 0), (start, end),
                   "continuation")]


def _outlet_names(article: Article) -> set[str]:
    names = set()
    for raw in (article.source or "",):
        spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", raw)
        for n in (raw, spaced):
            key = normalise(n)
            if key:
                names.update({key, key + " news", key.replace(" ", "")})
    m = re.match(r"https?://(?:www\.)?([^/]+)", article.url or "")
    if m:
        host = m.group(1).split(".")
        core = host[-2] if len(host) >= 2 else host[0]
        names.update({core, core.replace("news", "").strip(), re.sub(r"^the", "", core)})
    m = re.match(r"\s*([A-Z][\w .&'-]{1,40}):\s", article.title or "")
    if m:
        names.add(normalise(m.group(1)))
    return {n for n in names if n}


def _is_outlet(found: Report, outlets: set[str]) -> bool:
    key = normalise(found.speaker.speaker)
    if outlet_self(found.speaker.speaker):
        return True
    compact = {key, key.replace(" ", ""), re.sub(r"\s+news$", "", key), "the" + key.replace(" ", "")}
    return bool(compact & outlets) and (found.cue is None or not found.cue.startswith("told"))
