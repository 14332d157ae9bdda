"""Speech cues: where a unit of narration reports speech, and how.

`find_cues` reads the masked unit (quotations hidden) and returns, in text order, every speech
verb that reports speech here ("said", "has since admitted", "is warning", "declared the blast a
terrorist act") but not a participle or passive that does not ("regions claimed by Russia", "to
falsely accuse"), with the modes whose speaker stands elsewhere: "according to X", "X was quoted as
saying", passives with their agent ("condemned as illegal by Ukraine"), asides ("which Russia
claimed"), objects made to speak ("led Zelenskyy to call for") and possessors ("Russia's claim
that").
"""
from __future__ import annotations

import re

from etl import rules
from etl.extract.attribution.adverbials import AUX, AUX_LAST, THAT_AFTER_PP, attribution_only, clause_ends
from etl.extract.attribution.phrases import PRONOUNS
from etl.extract.attribution.units import MASK
from etl.extract.attribution.verbs import (BESIDE_QUOTE_ONLY, CONDITIONAL, COUNT_ONLY, DIRECT_ONLY,
                                           DOCUMENT_ONLY, NEEDS, NOUN_TOO, PASSIVE_SUBJECT, PASSIVE_TO,
                                           PREDICATE_ONLY, PREDICATIVE_VERBS, PROGRESSIVE_SPEECH, PROMISSIVE,
                                           QUOTE_ONLY, SPEECH_VERBS, THAT_ONLY, Cue)

_WORD = re.compile(r"\b[a-z]+\b")
_ACCORDING = re.compile(r"\b[Aa]ccording to\b")
_QUOTED_AS = re.compile(r"\bquoted\s+((?:[^\s,.;\x00]+\s+){1,6}?)as saying\b")
# "X was quoted as saying", "X were quoted telling media": the subject speaks, as with "said"/"told".
_QUOTED_PASSIVE = re.compile(r"\b(?:is|are|was|were|been|being)\s+quoted\s+(?:as\s+)?$")
_QUOTED_VERB = {"saying": "said", "telling": "told"}
# A judgement reported as object + predicate ("declared the blast a terrorist act", "called the
# protests "extremist""): only then are predicative verbs speech. The habitual "Moscow calls the
# war a ..." names a thing rather than reports a statement.
PREDICATIVE = re.compile(
    r"\s+(?:(?:the|this|these|those|his|her|its|their)\s+(?:[\w'’-]+\s+){1,4}?|(?:it|them|him|her)\s+|"
    r"(?:[A-Z][\w'’.-]*\s+){1,3})(?:an?\s+(?!(?:hour|day|week|month|year|few|minute|second|number|lot|"
    r"couple|time|total|halt|stop|end|meeting|press|news|briefing|session|vote|referendum|ceasefire|"
    r"truce|state)s?\b)[a-z]|[\"“«„](?=\x00|\w))")
# "which Kyiv labelled a fake": an aside's predicate without its object.
_DIRECT_PREDICATE = re.compile(r"\s+(?:an?\s+[a-z]|[\"“«„]\x00)")
PREDICATION_END = re.compile(r"\s+(?:and|but)\s+(?=[a-z])")
_PROGRESSIVE = re.compile(r"\b(?:(?:has|have|had)\s+been|is|are|was|were)\s+(?:(?:also|still|now|again)\s+)?$")
_BREAK = re.compile(r"[,.;:!?\x00]")
_PROGRESSIVE_LAST = frozenset("been is are was were also still now again".split())
_MODAL = re.compile(r"\b(?:would|will|could|should|may|might)\b")
# A later attribution set off by a comma ("..., she said"): the predication is part of its report.
_LATER_ATTRIBUTION = re.compile(r"(?:,|[\"”»])\s*(?!(?:and|but|or)\b)(?:[^\s,]+\s+){1,4}$")
REQUEST = re.compile(r"\s+(?:[\w'’-]+\s+){1,4}?to\s+[a-z]+")  # "asked businesses to close"
# A last word before a verb that makes it no report: an infinitive, a negation, a passive, a noun.
_NEGATING = frozenset("""to not never be been being was were is are what if the a an his her its their
our my your this these those such any no so-called""".split())
_AFTER_DOCUMENT = re.compile(r"\b(?:report|study|survey|investigation|inquiry|assessment|review|analysis|poll|"
                             r"audit|census|data|figures|estimates?)\s+(?:(?:also|has|have|had)\s+)?$")
_VERB_AFTER = re.compile(r"\s+(?:[a-z]+ed|said|say|says|showed|show|shows|were|are|have|had|suggest|suggested)\b")
_DETERMINER_NAME = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Tt]his|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Nn]ew|[Ll]atest)\s+"
                               r"(?:[A-Z][\w.'’´-]*\s+){1,3}$")
_BEFORE_PLURAL_NOUN = frozenset("""made make makes ignored rejected dismissed received renewed repeated issued heard
security top new fresh such many several other all some more few both earlier recent latest
similar further public verbal written""".split())
# "which Russia claimed", "what experts warn": a reported aside inside another clause.
_EMBEDDED = re.compile(r"\b(?:what|which|whom)\s+((?:(?:the\s+)?[\w'’´.-]+\s+){1,3}?)(?:has\s+|had\s+|have\s+)?$")
_PASSIVE_BY = re.compile(r"\s+by\b")
THAT_OPENING = re.compile(r"\s*(?:that\b)?\s*")
# "led President Zelenskyy to call for", "prompting the ministry to warn": the object speaks.
_CAUSED_TO = re.compile(r"\b(?:led|leading|prompted|prompting|spurred|spurring)\s+((?:[\w.'’-]+\s+){1,5}?)to\s+$")
# "Russia's explanation that": a possessor and a noun of saying before a that-clause.
_NOMINAL = re.compile(
    r"\b((?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*)['’´]s\s+(?:[a-z]+\s+)?(" + rules.alternation(rules.words("speech_nouns"))[3:-1] + r")\s+that\b")


# "By the U.N.'s most recent count": the possessor is the source of what the sentence says.
_BY_COUNT = re.compile(r"\b[Bb]y\s+(?:the\s+)?((?:[\w.-]+\s+){0,3}?[\w.-]+?)['’´]s?\s+(?:[a-z]+\s+){0,2}?(?:count|tally|"
                       r"estimates?|figures|data|calculations?|records)\b")
_BY_COUNT_WORDS = ("count", "tally", "estimate", "figures", "data", "calculation", "records")
ASIDE_END = re.compile(r"[,;:]|[.!?](?=\s|$)|\s[-—–]+\s")
REPORT_FOLLOWS = re.compile(r"\s*(?:that\b|:?\s*[\"“„«])")
_FROM_PLACE = re.compile(r"\s+from\s+[A-Z]")


def _mentions(text: str, words: tuple[str, ...]) -> bool:
    """A cheap test before a costly pattern: does `text` hold any of `words`?"""
    return any(word in text for word in words)


def _last_word(text: str) -> str:
    """The word `text` ends with, lower case, when a space follows it; else ''."""
    if not text[-1:].isspace():
        return ""
    words = text[-40:].split()
    return words[-1].lower() if words else ""


def _negated(last: str) -> bool:
    return last in _NEGATING or last.endswith(("n't", "'s", "’s", "´s"))


def _noun_use(word: str, last: str, before: str) -> bool:
    """ "made promises", "Russia's top security demands", "issued warnings": a plural noun, not a
    verb, after a verb, an adjective or a noun modifier; "a U.N. report", "the Pentagon's
    estimate": a noun after a determiner and a name."""
    if word not in NOUN_TOO:
        return False
    if word.endswith("s") and (last in _BEFORE_PLURAL_NOUN or last.endswith("ed") or last.isdigit()):
        return True
    tail = before.rstrip()
    return bool(tail) and tail[tail.rfind(" ") + 1:][:1].isupper() and bool(_DETERMINER_NAME.search(before[-60:]))


def _embedded(before: str) -> re.Match | None:
    tail = before[-60:]
    return _EMBEDDED.search(tail) if "what" in tail or "which" in tail or "whom" in tail else None


_BE = frozenset("is are was were been being be".split())
_RELATIVE_WORD = re.compile(r"\b(?:which|that|who)\s+(?:\w+\s+)?$")
_TO_BE = re.compile(r"\s+to\s+(?:be|have)\b")
_PASSIVE_AGENT = re.compile(
    r"\s+(?:as\s+(?P<as>[^,.;:\x00]{1,80}?)\s+)?by\s+(?P<agent>(?:[^,.;:\x00\s]+\s+){0,6}?[^,.;:\x00\s]+)"
    r"(?=\s*[,.;:]|\s*$|\s+(?:to|on|in|at|after|for|over|amid|during|as|which|who)\b)")


SUBJECT_REPORTED = (-1, -1)
TRAILING_AUX = re.compile(r"(?:[\s,]+(?:has|have|had|also|first|previously|since|already|now))+\s*$")
_AS_AFTER_AGENT = re.compile(r"(?:\s+(?:on|in|last|this)\s+\w+)?\s+as\s+(?P<as>[^,.;:]{1,120}?)(?=\s*[,.;:]|\s*$)")


def _passive(masked: str, end: int, word: str, before: str) -> tuple[int, tuple[int, int], tuple[int, int]] | None:
    """(start of the "be" word in `before`, agent span, reported span) of a passive report:
    'condemned as illegal by Ukraine' or 'described by the Kremlin as "adding fuel"' (the "as"
    complement), 'were said by Zelenskiy to be sheltering' (an empty span: the whole clause),
    'the death of X was reported by officials' (SUBJECT_REPORTED: the subject)."""
    if not (word.endswith("ed") or word in ("said", "told")) or not before[-1:].isspace():
        return None
    stripped = before.rstrip()
    be_start = max(stripped.rfind(" "), stripped.rfind("\n"), stripped.rfind("\t")) + 1
    if stripped[be_start:].lower() not in _BE:
        return None
    if _negated(_last_word(before[:be_start])) or _RELATIVE_WORD.search(before, 0, be_start):
        return None  # "which haven't been confirmed by Moscow"
    m = _PASSIVE_AGENT.match(masked, end)
    if not m:
        return None
    if m.group("as"):
        return be_start, m.span("agent"), m.span("as")
    after = _AS_AFTER_AGENT.match(masked, m.end())
    if after:
        return be_start, m.span("agent"), after.span("as")
    if word in PASSIVE_TO and _TO_BE.match(masked, m.end()):
        return be_start, m.span("agent"), (m.end(), m.end())
    if word in PASSIVE_SUBJECT and not _TO_BE.match(masked, m.end()):
        return be_start, m.span("agent"), SUBJECT_REPORTED
    return None


def find_cues(masked: str, counts: bool = False) -> list[Cue]:
    """The unit's speech cues in text order; with `counts`, also counts that attribute a figure
    without making a statement ("the UN has recorded 726 deaths")."""
    cues: list[Cue] = []
    for m in _WORD.finditer(masked):
        word = m.group(0)
        if word not in SPEECH_VERBS or word in COUNT_ONLY and not counts:
            continue
        if word in DOCUMENT_ONLY and not _AFTER_DOCUMENT.search(masked, max(0, m.start() - 20), m.start()):
            continue  # "found", "shows" speak only after a report or a study
        if word in PREDICATE_ONLY and not (PREDICATIVE.match(masked, m.end())
                                            or _DIRECT_PREDICATE.match(masked, m.end())):
            continue  # "what the government deems to be", "a brand called"
        window = max(0, m.start() - 120)
        before = masked[window:m.start()]
        last = _last_word(before)
        if word in _QUOTED_VERB and last in ("quoted", "as"):
            quoted = _QUOTED_PASSIVE.search(before)
            if quoted:
                cues.append(Cue(window + quoted.start(), m.end(), _QUOTED_VERB[word], "verb"))
                continue
        progressive = _PROGRESSIVE.search(before) if last in _PROGRESSIVE_LAST and word in PROGRESSIVE_SPEECH else None
        if progressive and cues and cues[-1].mode == "verb" and not _BREAK.search(masked, cues[-1].verb_end, m.start()):
            continue  # "He said Russia had been saying ...": part of the outer report
        if progressive:
            last = ""  # "has been complaining that": a report in progress, not a passive
        aux = AUX.search(before) if last in AUX_LAST or last.isdigit() else None
        bare = before[:aux.start()] if aux else before
        passive = _passive(masked, m.end(), word, bare)
        if passive is not None:
            # "were said by Zelenskiy to be", "have been condemned as illegal by Ukraine"
            be_start, agent, reported = passive
            cues.append(Cue(window + be_start, m.end(), word, "passive", agent, reported))
            continue
        if not aux and (_noun_use(word, last, before) and not REPORT_FOLLOWS.match(masked, m.end())
                        or word in NOUN_TOO and word.endswith("s") and _VERB_AFTER.match(masked, m.end())):
            # "Social media posts showed ...": the subject of a verb, not one
            continue
        if _negated(last) or aux and _negated(_last_word(bare)):
            caused = _CAUSED_TO.search(bare[-90:]) if last == "to" or _last_word(bare) == "to" else None
            if caused and (word not in NEEDS or NEEDS[word].match(masked, m.end())):
                # "fighting led President Zelenskyy to call for ...": the object speaks.
                offset = window + len(bare) - len(bare[-90:])
                end = NEEDS[word].match(masked, m.end()).end() if word in NEEDS else m.end()
                cues.append(Cue(m.start(), end, word, "embedded",
                                 (offset + caused.start(1), offset + caused.end(1))))
            continue  # "to falsely accuse", "was not said"
        aside = _embedded(bare)
        if aside is not None:
            # "which Russia claimed" is its own report; "what he said was" repeats the speaker
            # whose report holds it, and "what it calls" names.
            if aside.group(1).split()[0].lower() not in PRONOUNS and not word.startswith("call"):
                offset = window + len(bare) - len(bare[-60:])
                cues.append(Cue(offset + aside.start(), m.end(), word, "embedded",
                                 (offset + aside.start(1), offset + aside.end(1)), aside=True))
            continue
        if _PASSIVE_BY.match(masked, m.end()) or word.startswith("report") and _FROM_PLACE.match(masked, m.end()):
            continue  # "regions claimed by Russia", "Daryna Mayer reported from Kyiv"
        if word in PREDICATIVE_VERBS and PREDICATIVE.match(masked, m.end()):
            if not (aux and _MODAL.search(aux.group())):  # "would declare Putin a war criminal"
                cues.append(Cue(window + aux.start() if aux else m.start(), m.end(), word, "verb",
                                 weak=True))
            continue
        if word in PREDICATE_ONLY:
            continue
        need = NEEDS.get(word)
        if need is not None:
            n = need.match(masked, m.end())
            if not n:
                continue
            end = n.end()
        else:
            end = m.end()
        if word in CONDITIONAL and not _speech_follows(masked, m.start(), end, word):
            continue  # "it had continued its attack": not speech, and no boundary for the cue before
        start = window + (progressive or aux).start() if progressive or aux else m.start()
        cues.append(Cue(start, end, word, "verb", weak=bool(progressive)))
    for m in _ACCORDING.finditer(masked):
        cues.append(Cue(m.start(), m.end(), "according to", "according"))
    for m in _BY_COUNT.finditer(masked) if _mentions(masked, _BY_COUNT_WORDS) else ():
        cues.append(Cue(m.start(), m.end(), "by count", "by_count", m.span(1)))
    for m in _NOMINAL.finditer(masked) if " that" in masked else ():
        # "Russia's explanation that a careless smoker ...": the possessor reports the clause.
        cues.append(Cue(m.start(2), m.end(), m.group(2), "possessor", m.span(1)))
    for m in _QUOTED_AS.finditer(masked) if "quoted" in masked else ():
        cues = [c for c in cues if not (m.start() <= c.start < m.end())]
        cues.append(Cue(m.start(), m.end(), "quoted as saying", "quoted_as",
                         (m.start(1), m.start(1) + len(m.group(1).rstrip()))))
    cues.sort(key=lambda c: c.start)
    return [c for i, c in enumerate(cues) if not c.weak or not any(
        o.mode == "verb" and not o.weak and not o.word.endswith("ing")
        and _LATER_ATTRIBUTION.search(masked, 0, o.start)
        and attribution_only(masked, o, None) for o in cues[i + 1:])]


# What opens a reported clause: "that", a colon or comma, a quotation, or a pronoun subject
# ("signaled he sees ...").
CLAUSE_OBJECT = re.compile(r"\s*(?:that\b|[:,]|[\"“„«])|\s+(?:he|she|they|we|it)\s+[a-z]+")
# '"...," Oleksandr Starukh, the governor of the region, posted': a quotation, then the subject.
_TO_INFINITIVE = re.compile(r"\s+to\s+[a-z]")
_AFTER_QUOTE = re.compile(r"\x00[\"”»]\s*,?\s+(?:(?!\band\b|\bbut\b)[^\x00.;:!?]){0,120}$")


def _speech_follows(masked: str, start: int, end: int, word: str) -> bool:
    """A verb that reports speech only in some uses has one here: after a quotation ('"...," he
    continued'), before a "that" clause or a colon, or (for QUOTE_ONLY verbs) before a quotation
    in the same clause."""
    if (re.search(r"[,\"”»]\s*$", masked[max(0, start - 4):start])
            or word in THAT_ONLY and _AFTER_QUOTE.search(masked, max(0, start - 150), start)) \
            and clause_ends(masked, end):
        return True  # '"...," he continued.', '"...," the governor posted on Telegram.'

    if word in BESIDE_QUOTE_ONLY or word in DIRECT_ONLY:
        return bool(re.match(r"\s*[:,]?\s*[\"“„«]", masked[end:end + 8])) or \
            word in DIRECT_ONLY and bool(REQUEST.match(masked, end))
    if word.startswith("recall") and re.match(r"\s+[a-z]+ing\b", masked[end:end + 20]):
        return True  # "recalled hearing a roar"
    if word in QUOTE_ONLY:
        clause = re.match(r"[^.;]*", masked[end:end + 200]).group(0)
        return MASK in clause
    if word in PROMISSIVE and _TO_INFINITIVE.match(masked, end):
        return True  # "threatened to cut off gas"
    return bool(THAT_AFTER_PP.match(masked, end) or CLAUSE_OBJECT.match(masked, end))
