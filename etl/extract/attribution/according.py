"""Reports credited with "according to X": the content before it ("Three houses burned down,
according to local officials") or after it ("According to the regional police, 14 people were
injured"), the source being the body behind a document ("according to the army's Facebook page" ->
the army) and a person named in apposition ("according to the head of the water company, Serhiy
Malyavko")."""
from __future__ import annotations

import re

from etl import rules
from etl.actors import normalise
from etl.extract.attribution.content import content_end, left_content, parenthetical_rest
from etl.extract.attribution.phrases import SPEAKER_HEADS, Mention, split_mention
from etl.extract.attribution.report import Report, make_report
from etl.extract.attribution.resolve import ArticleSpeakers, Resolved
from etl.extract.attribution.units import Unit, count_words
from etl.extract.attribution.verbs import Cue

_OUTLET_SELF = frozenset(rules.phrases("outlet_self"))


def outlet_self(name: str) -> bool:
    """Is `name` the article's own voice ("told us", "this reporter")? Written in capitals ("US",
    "U.S.") it is the country."""
    return normalise(name) in _OUTLET_SELF and not (name.isupper() and len(name) > 1 or "." in name)
# "the army's Facebook page", "the ministry's latest update": the body behind the medium.
_SOURCE_MEDIUM = re.compile(
    r"['’]s?\s+(?:(?:official|latest|daily|new|own)\s+)?(?:" + rules.alternation(rules.phrases("source_nouns", "platform")) +
    r"\s+)?" + rules.alternation(rules.phrases("source_nouns", "medium")) + "$")
# "a new report from", "figures by": the document before its source.
_DOCUMENT_FROM = re.compile(
    r"^(?:(?:a|an|the)\s+)?(?:(?:new|newly|latest|recent|preliminary|official|updated|released|published|"
    r"most\s+recent|joint|separate|final)\s+)*" + rules.alternation(rules.phrases("source_nouns", "document")) +
    r"\s+(?:(?:released|published|compiled|issued|provided|gathered)\s+)?(?:from|by|of)\s+")


# The source after "according to": up to a comma or the end, keeping the dots of "U.N." and "James W."
_SOURCE = re.compile(r"\s*((?:[^,.;:()\x00\"“”]|\([A-Z][\w.-]*\)|\.(?=[\w,])|(?:(?<=\b[A-Z])|(?<=\bGov)|(?<=\bGen)|(?<=\bSen)|"
                     r"(?<=\bRep)|(?<=\bCol)|(?<=\bLt)|(?<=\bDr)|(?<=\bMr)|(?<=\bMrs)|(?<=\bMs)|(?<=\bSt))\.(?=\s))+?)"
                     r"(?=,|\.\s*$|\.$|;|:|\)|$| - | — )")
_NAMED_AFTER = re.compile(r",\s+([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3})(?=,|\.|$)")
_PARTICIPLE = re.compile(r"[a-z]{2,}ing")


def _drop_participle(phrase: str) -> str:
    """'a video report circulating widely' -> 'a video report' (not 'the ruling party')."""
    words = phrase.split()
    if words and words[-1].lower() in SPEAKER_HEADS:
        return phrase  # "an independent protest monitoring group"
    for i in range(1, len(words)):
        if _PARTICIPLE.fullmatch(words[i]) and words[i - 1].lower() not in ("the", "a", "an"):
            return " ".join(words[:i])
    return phrase


def according_report(unit: Unit, cue: Cue, nxt: Cue | None, limit: int,
                     memory: ArticleSpeakers) -> list[Report] | None:
    masked = unit.masked
    m = _SOURCE.match(masked, cue.verb_end)
    if not m:
        return None
    phrase = _SOURCE_MEDIUM.sub("", _drop_participle(m.group(1)))
    phrase = _DOCUMENT_FROM.sub("", phrase.strip())
    span_end = m.end()
    app = _NAMED_AFTER.match(masked, span_end)
    mention = split_mention(phrase, memory.registry)
    if app and mention is not None and mention.kind in ("title", "group"):
        # "according to the head of the water company, Serhiy Malyavko, ..."
        person = split_mention(app.group(1).rstrip("."), memory.registry)
        if person is not None and person.kind.startswith("person"):
            role = re.sub(r"^(?:the|a|an)\s+", "", phrase)
            mention = Mention(app.group(1).rstrip("."), person.name, role, person.kind)
            span_end = app.end()
    if mention is None:
        return _source_without_comma(unit, cue, nxt, m, memory)
    who = memory.resolve(mention, unit.start + cue.start)
    if who is None or outlet_self(who.speaker):
        return None
    return _around(unit, cue, nxt, limit, who, span_end, "according-to")


def by_count_report(unit: Unit, cue: Cue, nxt: Cue | None, limit: int,
                    memory: ArticleSpeakers) -> list[Report] | None:
    """'By the U.N.'s most recent count, 13,400 civilians ...': the possessor is the source."""
    a, b = cue.speaker_span
    mention = split_mention(unit.masked[a:b], memory.registry)
    who = memory.resolve(mention, unit.start + cue.start) if mention is not None else None
    if who is None or who.kind == "pronoun":
        return None
    return _around(unit, cue, nxt, limit, who, cue.verb_end, "by-count")


# "According to the ONS the amount parents pay has risen": a name, then its clause with no comma.
_NAME_THEN_CLAUSE = re.compile(r"\s*((?:the\s+)?(?:[A-Z][\w.&'’-]*\s+){0,3}[A-Z][\w.&'’-]*)\s+"
                               r"(?=(?:the|a|an|this|its|their|his|her|some|many|most|about|nearly|over|"
                               r"more|\d)\b)")


def _source_without_comma(unit: Unit, cue: Cue, nxt: Cue | None, source: re.Match,
                          memory: ArticleSpeakers) -> list[Report] | None:
    """An opening "According to" whose source runs into its clause with no comma between."""
    masked = unit.masked
    if masked[:cue.start].strip(" \"“”") or source.group(1) != source.group(1).strip():
        return None
    cut = _NAME_THEN_CLAUSE.match(masked, source.start(1), source.end(1))
    if cut is None or count_words(masked[cut.end():source.end(1)]) < 4:
        return None
    mention = split_mention(cut.group(1), memory.registry)
    who = memory.resolve(mention, unit.start + cue.start) if mention is not None else None
    if who is None or outlet_self(who.speaker):
        return None
    end = content_end(masked, cut.end(), nxt)
    return [make_report(unit, who, (cut.end(), end), masked[cue.start:cue.verb_end], (cue.start, cut.end()),
                        "according-to")]


def _around(unit: Unit, cue: Cue, nxt: Cue | None, limit: int, who: Resolved, span_end: int,
            rule: str) -> list[Report] | None:
    """The content before a source phrase that ends its clause, else the clause after its comma."""
    masked = unit.masked
    said = masked[cue.start:cue.verb_end]
    colon = re.match(r"\s*:\s*", masked[span_end:])
    if colon and count_words(masked[span_end + colon.end():]) >= 1:
        # 'He added, according to Interfax: "..."': what follows the colon is the report.
        start = span_end + colon.end()
        return [make_report(unit, who, (start, content_end(masked, start, nxt)), said, (cue.start, span_end), rule)]
    if re.search(r"[,(]\s*$", masked[:cue.start]) or re.search(r"[.)]?\s*$", masked[span_end:]).start() == 0:
        content = left_content(unit, limit, cue.start)
        if content is not None and count_words(masked[content[0]:content[1]]) <= 2:
            # "That number, according to the authorities, pales in comparison ...": the clause around it.
            content = parenthetical_rest(masked, content, span_end, nxt) or content
        if content is not None:
            return [make_report(unit, who, content, said, (cue.start, span_end), rule)]
    after_comma = re.match(r"\s*,\s*", masked[span_end:])
    if after_comma:
        start = span_end + after_comma.end()
        end = content_end(masked, start, nxt)
        if count_words(masked[start:end]) >= 2:
            return [make_report(unit, who, (start, end), said, (cue.start, span_end), rule)]
    return None
