"""Extract statements (who said what) from an article.

The text is cut into quote-aware units (sentences merged while a quotation is open), and the
quotations are masked so that speech verbs are only looked for in the narrator's words. Each
speech cue ("said", "told reporters", "according to", ", adding that") gets a speaker phrase on its
left ("Mayor X said"), on its right ("said X") or from the clause it continues (", saying"), and a
content: the clause on the other side of the attribution. The content is direct when it is one
quotation, mixed when it holds one, indirect otherwise. Asides with their own subject ("which
Russia claimed ...") and passive reports ("condemned as illegal by Ukraine") are reports too. A
unit that is only a quotation continues the last speaker, up to two units of narration later
unless someone else was named in between.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from etl.actors import ActorRegistry, normalise
from etl.extract.periods import statement_day
from etl.extract.quotes import Quote, find_quotes, speech_marks
from etl.extract.sentences import Sentence
from etl.extract.speakers import (CONNECTIVES, MODIFIERS, NAME_PARTICLES, SPEAKER_HEADS,
                                  TITLE_WORDS, PRONOUNS, ArticleSpeakers, Mention, Resolved, clean_role,
                                  role_like, split_mention)
from etl.model import Article, Statement

MASK = "\x00"
_CONTINUATION_GAP = 2  # units of narration a speaker's quotations may continue across

_VERB_FORMS = """
say says said saying | tell tells told telling | add adds added adding | stated stating
| note notes noted noting | write writes wrote writing | post posts posted | tweet tweets tweeted
| announce announces announced announcing | claim claims claimed claiming | warn warns warned
warning | insist insists insisted insisting | confirm confirms confirmed confirming | report
reports reported | acknowledge acknowledges acknowledged acknowledging | admit admits admitted
admitting | explain explains explained explaining | argue argues argued arguing | emphasise
emphasises emphasised emphasising emphasize emphasizes emphasized emphasizing | stress stresses
stressed stressing | predict predicts predicted predicting | estimate estimates estimated | allege
alleges alleged alleging | suggest suggests suggested | speculate speculates speculated |
reiterate reiterates reiterated reiterating | recall recalls recalled recalling | conclude
concludes concluded | declare declares declared declaring | assert asserts asserted | contend
contends contended | concede concedes conceded | reveal reveals revealed | disclose discloses
disclosed | complain complains complained complaining | lament laments lamented | recount
recounts recounted | reply replies replied | counter counters countered | quip quipped | joke
joked | boast boasts boasted | shout shouted | scream screamed | yell yelled | whisper whispered |
promise promises promised promising | vow vows vowed vowing | pledge pledges pledged pledging |
threaten threatens threatened threatening | deny denies denied denying | demand demands demanded
demanding | urge urges urged urging | accuse accuses accused accusing | blame blames blamed
blaming | describe describes described describing | call calls called calling | condemn condemns
condemned condemning | denounce denounces denounced denouncing | cite cites cited citing | hail hails hailed |
herald heralded | praise praises praised | expressed | appeal appeals appealed | order orders ordered |
assess assesses assessed | testify testified | affirm affirmed | inform informs informed | assure
assures assured | ask asks asked | point pointed | continue continues continued | observe observed
| caution cautioned | advise advised | propose proposed | recommend recommended | signal signals
signaled signalled signaling signalling | brand brands branded | label labels labelled labeled |
deem deems deemed
"""
SPEECH_VERBS = frozenset(_VERB_FORMS.split()) - {"|"}
_WORD = re.compile(r"\b[a-z]+\b")
_ACCORDING = re.compile(r"\b[Aa]ccording to\b")
_QUOTED_AS = re.compile(r"\bquoted\s+((?:[^\s,.;\x00]+\s+){1,6}?)as saying\b")
# "X was quoted as saying", "X were quoted telling media": the subject speaks, as with "said"/"told".
_QUOTED_PASSIVE = re.compile(r"\b(?:is|are|was|were|been|being)\s+quoted\s+(?:as\s+)?$")
_QUOTED_VERB = {"saying": "said", "telling": "told"}
# Verbs that report a judgement as object + predicate ("declared the blast a terrorist act",
# "called the protests \"extremist\""); only then are they speech. The habitual "Moscow calls the
# war a ..." names a thing rather than reports a statement.
_PREDICATIVE_VERBS = frozenset("""declare declares declared called brand brands branded
label labels labelled labeled deem deems deemed""".split())
_PREDICATIVE = re.compile(
    r"\s+(?:(?:the|this|these|those|his|her|its|their)\s+(?:[\w'’-]+\s+){1,4}?|(?:it|them|him|her)\s+|"
    r"(?:[A-Z][\w'’.-]*\s+){1,3})(?:an?\s+(?!(?:hour|day|week|month|year|few|minute|second|number|lot|"
    r"couple|time|total|halt|stop|end|meeting|press|news|briefing|session|vote|referendum|ceasefire|"
    r"truce|state)s?\b)[a-z]|[\"“«„](?=\x00|\w))")
_PREDICATE_ONLY = frozenset("brand brands branded label labels labelled labeled deem deems deemed".split())
# "which Kyiv labelled a fake": an aside's predicate without its object.
_DIRECT_PREDICATE = re.compile(r"\s+(?:an?\s+[a-z]|[\"“«„]\x00)")
_PREDICATION_END = re.compile(r"\s+(?:and|but)\s+(?=[a-z])")
_PROGRESSIVE = re.compile(r"\b(?:(?:has|have|had)\s+been|is|are|was|were)\s+(?:(?:also|still|now|again)\s+)?$")
_BREAK = re.compile(r"[,.;:!?\x00]")
_PROGRESSIVE_LAST = frozenset("been is are was were also still now again".split())
# Participles that report speech in the progressive ("is warning"), unlike "is adding to concerns".
_PROGRESSIVE_SPEECH = frozenset("""saying warning claiming arguing urging complaining demanding telling
blaming accusing denying predicting calling asking pledging vowing promising""".split())
_MODAL = re.compile(r"\b(?:would|will|could|should|may|might)\b")
# A later attribution set off by a comma ("..., she said"): the predication is part of its report.
_LATER_ATTRIBUTION = re.compile(r"(?:,|[\"”»])\s*(?!(?:and|but|or)\b)(?:[^\s,]+\s+){1,4}$")

# Verbs that need something after them to be speech ("pointed out", "called for").
_NEEDS = {"point": re.compile(r"\s+(?:out|to)\b"), "pointed": re.compile(r"\s+(?:out|to)\b"),
          "call": re.compile(r"\s+(?:for|on)\b"), "calls": re.compile(r"\s+(?:for|on)\b"),
          "called": re.compile(r"\s+(?:for|on)\b"), "appeal": re.compile(r"\s+(?:to|for)\b"),
          "appeals": re.compile(r"\s+(?:to|for)\b"), "appealed": re.compile(r"\s+(?:to|for)\b")}
# Verbs whose object is content only when it holds a quotation ("calling them a "fantasy"").
_QUOTE_ONLY = frozenset("calling".split())
# Verbs that report speech only next to a quotation ('"...," he continued'; 'continued: "..."').
_BESIDE_QUOTE_ONLY = frozenset("continue continues continued".split())
# Verbs that report speech only before a quotation or a request ("ordered troops to withdraw",
# not "ordered an invasion").
_DIRECT_ONLY = frozenset("ask asks asked order orders ordered".split())
_REQUEST = re.compile(r"\s+(?:[\w'’-]+\s+){1,4}?to\s+[a-z]+")  # "asked businesses to close"
# Verbs that report speech only with a "that" clause or a quotation after them.
_THAT_ONLY = frozenset("""conclude concludes concluded suggest suggests suggested reveal reveals
revealed disclose discloses disclosed observe observed advise advised propose proposed recommend
recommended affirm affirmed assess assesses assessed testify testified declare declares declared
declaring recall recalls recalled recalling post posted signal signals signaled signalled signaling
signalling""".split())
_AUX = re.compile(
    r"(?:\b(?:has|have|had|also|later|previously|earlier|initially|repeatedly|long|vehemently|"
    r"cryptically|reportedly|publicly|officially|again|then|now|still|further|separately|recently|"
    r"already|subsequently|quickly|sarcastically|would|will|could|may|might|did|does|do|just|first|"
    r"once|never|always|often|since|(?:last|this|earlier\s+this|late\s+last|early\s+last)\s+(?:week|"
    r"weekend|month|year|morning|evening|night|spring|summer|autumn|fall|winter)|today|yesterday|"
    r"tonight|overnight|previously|specifically|explicitly|flatly|"
    r"falsely|wrongly|strongly|firmly|openly|angrily|privately|initially|immediately|"
    r"(?:in|on|at|by|during)\s+(?:early\s+|mid-|late\s+)?(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December)(?:\s+\d{1,2})?|on\s+"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?:Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday))\s+)+$"
)
# The last word of an _AUX phrase: only then is the (costly) _AUX search run.
_AUX_LAST = frozenset("""has have had also later previously earlier initially repeatedly long vehemently
cryptically reportedly publicly officially again then now still further separately recently already
subsequently quickly sarcastically would will could may might did does do just first once never
always often since week weekend month year morning evening night spring summer autumn fall winter today
yesterday tonight overnight specifically explicitly flatly falsely wrongly strongly firmly openly
angrily privately immediately january february march april may june july august september october
november december monday tuesday wednesday thursday friday saturday sunday""".split())
# A last word before a verb that makes it no report: an infinitive, a negation, a passive, a noun.
_NEGATING = frozenset("""to not never be been being was were is are what if the a an his her its their
our my your these those such any no so-called""".split())
# "which Russia claimed", "what experts warn": a reported aside inside another clause.
_EMBEDDED = re.compile(r"\b(?:what|which|whom)\s+((?:(?:the\s+)?[\w'’´.-]+\s+){1,3}?)(?:has\s+|had\s+|have\s+)?$")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_ADVERBIAL = re.compile(
    r"(?:\s*,?\s*(?:(?:on|late|early|earlier|later|last|this|next|overnight)\s+)?(?:" + _WEEKDAY +
    r"|today|tonight|yesterday|overnight|week|month|year)\b(?:\s+(?:morning|evening|night|afternoon))?"
    r"|\s*(?:in|on|via|during|at|through|to|over)\s+(?:a|an|the|his|her|its|their)?\s*"
    r"(?:[\w'’-]+\s+){0,4}?(?:statement|statements|interview|video|address|post|posts|message|"
    r"tweet|briefing|conference|call|comment|comments|remarks|speech|report|update|channel|account|"
    r"broadcast|appearance|letter|article|television|TV|radio|Telegram|Twitter|X|Facebook|"
    r"Instagram|YouTube|media|app|phone|email|e-mail|reporters|journalists)\b(?:\s+(?:channel|"
    r"account|page|post|message|app|call))?(?:\s+(?:posted|published|shared|released)\s+(?:on|to)\s+"
    r"(?:a|an|the|his|her|its|their)?\s*(?:[\w'’-]+\s+){0,2}?(?:channel|account|page|Telegram|"
    r"Twitter|Facebook))?"
    r"|\s*(?:also|again|previously|later|earlier|separately|repeatedly|then|too|publicly|"
    r"cryptically|sarcastically|bluntly|flatly|instead|recently|on\s+Twitter|on\s+Telegram))\b"
)
_THAT_AFTER_PP = re.compile(
    r"\s*(?:for(?:\s+[\w'’-]+){1,3}|(?:in|on|at|during|via|through|from|after|before|late|early|earlier|last|this|"
    r"while|when|with|without|by|as|repeatedly|also|to(?=\s+(?:the|a|an|his|her|their|its|[A-Z]|reporters|"
    r"journalists|me|us|him|them)\b))\b[^,.;:\"“”\x00]{0,90}?|" + _WEEKDAY +
    r"[^,.;:\"“”\x00]{0,40}?)\s+that\b"
)
_RECIPIENT = re.compile(
    r"\s*(?:(?:[\w'’-]+\s+){0,2}?(?:officials|officers|lawmakers|legislators|diplomats|commanders|"
    r"troops|soldiers|ministers|leaders|delegates|envoys|senators|students|residents|investors|"
    r"supporters|donors|allies|counterparts|colleagues|veterans|executives)\b"
    r"(?!\s+(?:to|in|on|at|from|across|near)\s+(?:the\s+)?[a-z])|"
    r"(?:us|them|him|her|me|reporters|journalists|lawmakers|parliament|the\s+press|"
    r"(?:a|an|the)\s+(?:[\w'’-]+\s+){0,3}?(?:audience|crowd|gathering|meeting|conference|"
    r"reporters|journalists|briefing|station|broadcaster|channel|outlet|newspaper|agency|"
    r"agencies|television|TV|radio|news\s+agencies|summit|session))\b|"
    r"(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:television|TV|radio|broadcaster|newspaper|news\s+agencies|"
    r"media|news\s+service)(?:\s*,?\s*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)?\b|"
    r"(?:(?:the\s+)?[A-Z][\w.-]*['’]s|his|her|its|their|the)\s+(?:[\w-]+\s+){0,2}?(?:citizens|people|"
    r"supporters|troops|soldiers|nation|country|parliament|lawmakers|counterparts?|audience|followers|"
    r"viewers|readers|listeners|colleagues|allies|partners|ministers|leaders|officials|compatriots|"
    r"countrymen|subscribers|congress|senate|council|assembly|cabinet)\b|"
    r"(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})"
)
_LEADING_CLAUSE = re.compile(
    r"^(?:(?:Once|When|While|After|Before|As|Although|Though|If|Despite|Amid|Meanwhile|Elsewhere|"
    r"However|In other developments|At the same time|For (?:his|her|its|their) part|Less than|More "
    r"than|Hours|Days|Minutes)\b[^,\x00]{0,120},\s+)"
)
_CUT = re.compile(
    r",\s+which\b|;\s|\s+[-—–]+\s+(?=(?:a|an|the|still|only|just|and|but)\b)|,\s+according to\b|"
    r",\s+(?:citing|quoting)\b"
)
# Verbs whose content may be a to-infinitive ("vowed to retake Crimea").
_PROMISSIVE = frozenset("""vow vows vowed vowing promise promises promised promising pledge pledges
pledged pledging threaten threatens threatened threatening""".split())
_CONDITIONAL = _THAT_ONLY | _QUOTE_ONLY | _BESIDE_QUOTE_ONLY | _DIRECT_ONLY
# Verbs that may stand before their subject ('"...," said Merz').
_INVERTIBLE = frozenset("""say says said add adds added write writes wrote ask asks asked continue
continues continued explain explains explained note notes noted recall recalls recalled insist
insists insisted warn warns warned state states stated declare declares declared reply replies
replied tweet tweeted post posted report reports reported argue argues argued""".split())
_CITING = frozenset("cite cites cited citing".split())
_RECIPIENT_VERBS = frozenset("tell tells told telling inform informs informed assure assures assured".split())
_OUTLET_SELF = frozenset(["agency sources", "the publication", "publication", "the newspaper",
                          "newspaper", "the outlet", "outlet", "media outlet", "we", "i", "us",
                          "our correspondent", "this reporter", "reporter", "reporters",
                          "journalist", "journalists", "correspondent", "interviewer"])
_PARTICIPLE = re.compile(r"(?:,|\band|\bbut|\bwhile)\s+(?:(?:also|later|then|again)\s+)?$")
_COORDINATE = re.compile(r"\b(?:and|but)\s+(?:(?:also|later|then|again|instead|has|have|had)\s+)*$")


@dataclass
class _Unit:
    start: int
    end: int
    text: str
    masked: str


@dataclass
class _Found:
    """One statement found in a unit, in unit coordinates."""

    at: int
    speaker: Resolved
    kind: str
    quote: str
    cue: str | None
    attribution: tuple[int, int]
    content: tuple[int, int]


def extract_statements(article: Article, sentences: list[Sentence], actors: ActorRegistry) -> list[Statement]:
    """Statements of `article` in text order, with speakers resolved through `actors`."""
    text = article.text
    marked = speech_marks(text)
    quotes = find_quotes(marked)
    masked = _mask(marked, quotes)
    units = _units(text, masked, sentences, quotes)
    memory = ArticleSpeakers(masked, actors, article.published)
    outlets = _outlet_names(article)
    found: list[tuple[_Unit, _Found]] = []
    previous: _Found | None = None
    previous_at = gap = 0
    for unit in units:
        # A quotation standing alone continues the last speaker, even a sentence or two of
        # narration later, unless someone else has been named since.
        goes_on = previous if previous is not None and gap <= _CONTINUATION_GAP and not \
            memory.other_person_between(previous_at, unit.start, previous.speaker) else None
        in_unit = _statements_in_unit(unit, memory, goes_on, gap)
        kept = [f for f in in_unit if not _is_outlet(f, outlets)]
        found.extend((unit, f) for f in kept)
        if kept:
            previous, previous_at, gap = kept[-1], unit.start + kept[-1].attribution[1], 0
        elif not _is_blank(unit):
            gap += 1
    out = []
    for n, (unit, f) in enumerate(found, 1):
        attribution = unit.masked
        for _, other in (x for x in found if x[0] is unit):
            a, b = other.content
            attribution = attribution[:a] + MASK * (b - a) + attribution[b:]
        said_on = statement_day(attribution, article.published) if f.cue else None
        out.append(Statement(
            statement_id=f"{article.article_id}:s{n}", article_id=article.article_id,
            published=article.published, speaker=f.speaker.speaker, speaker_role=f.speaker.role,
            kind=f.kind, quote=f.quote, cue=f.cue, said_on=said_on, sentence=unit.text,
            actor=f.speaker.actor or f.speaker.speaker))
    return out


# ---- units -------------------------------------------------------------------------------------

def _mask(text: str, quotes: list[Quote]) -> str:
    parts, last = [], 0
    for q in quotes:
        parts.append(text[last:q.start])
        parts.append(MASK * (q.end - q.start))
        last = q.end
    parts.append(text[last:])
    return "".join(parts)


def _units(text: str, masked: str, sentences: list[Sentence], quotes: list[Quote]) -> list[_Unit]:
    """Sentences merged while a quotation runs across their boundary."""
    units: list[_Unit] = []
    qi = 0
    start = end = None
    for s in sentences:
        if start is None:
            start, end = s.start, s.end
            continue
        while qi < len(quotes) and quotes[qi].end <= end:
            qi += 1
        if qi < len(quotes) and quotes[qi].start < end and quotes[qi].end > end:
            end = s.end
            continue
        units.append(_Unit(start, end, text[start:end], masked[start:end]))
        start, end = s.start, s.end
    if start is not None:
        units.append(_Unit(start, end, text[start:end], masked[start:end]))
    return units


def _is_blank(unit: _Unit) -> bool:
    return not unit.text.strip()


# ---- cues --------------------------------------------------------------------------------------

@dataclass
class _Cue:
    start: int        # first character of the cue words (auxiliaries included)
    verb_end: int     # end of the verb
    word: str
    mode: str         # verb | according | quoted_as | embedded | passive
    speaker_span: tuple[int, int] | None = None
    content_span: tuple[int, int] | None = None  # a passive's reported span ("as ..." complement)
    aside: bool = False  # an embedded report that ends with its aside ("which Russia claimed ...")
    # A predication ("called the protests "extremist"") or a report in progress ("have been urging"):
    # it yields to an attribution after it ('..., the sources added').
    weak: bool = False


_PASSIVE_BY = re.compile(r"\s+by\b")
_THAT_OPENING = re.compile(r"\s*(?:that\b)?\s*")
# "led President Zelenskyy to call for", "prompting the ministry to warn": the object speaks.
_CAUSED_TO = re.compile(r"\b(?:led|leading|prompted|prompting|spurred|spurring)\s+((?:[\w.'’-]+\s+){1,5}?)to\s+$")
# "Russia's explanation that": a possessor and a noun of saying before a that-clause.
_NOMINAL = re.compile(
    r"\b((?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*)['’´]s\s+(?:[a-z]+\s+)?(explanation|claims?|assertion|insistence|"
    r"warnings?|allegations?|statement|suggestion|argument|admission|denial|contention|assessment|"
    r"accusations?|announcement|assurances?|promise|pledge|threat)\s+that\b")
_ASIDE_END = re.compile(r"[,;:]|[.!?](?=\s|$)|\s[-—–]+\s")
_REPORT_FOLLOWS = re.compile(r"\s*(?:that\b|:?\s*[\"“„«])")
_FROM_PLACE = re.compile(r"\s+from\s+[A-Z]")


def _last_word(text: str) -> str:
    """The word `text` ends with, lower case, when a space follows it; else ''."""
    if not text[-1:].isspace():
        return ""
    words = text[-40:].split()
    return words[-1].lower() if words else ""


def _negated(last: str) -> bool:
    return last in _NEGATING or last.endswith(("n't", "'s", "’s", "´s"))


def _embedded(before: str) -> re.Match | None:
    tail = before[-60:]
    return _EMBEDDED.search(tail) if "what" in tail or "which" in tail or "whom" in tail else None


_BE = frozenset("is are was were been being be".split())
_PASSIVE_TO = frozenset("said reported believed claimed estimated thought alleged told".split())
_RELATIVE_WORD = re.compile(r"\b(?:which|that|who)\s+(?:\w+\s+)?$")
_LAST_TOKEN = re.compile(r"(\S+)\s+$")
_TO_BE = re.compile(r"\s+to\s+(?:be|have)\b")
_PASSIVE_AGENT = re.compile(
    r"\s+(?:as\s+(?P<as>[^,.;:\x00]{1,80}?)\s+)?by\s+(?P<agent>(?:[^,.;:\x00\s]+\s+){0,6}?[^,.;:\x00\s]+)"
    r"(?=\s*[,.;:]|\s*$|\s+(?:to|on|in|at|after|for|over|amid|during|as|which|who)\b)")
# "The death of X was reported by local authorities": the agent reports the subject itself.
_PASSIVE_SUBJECT = frozenset("reported announced confirmed".split())
_SUBJECT_REPORTED = (-1, -1)
_TRAILING_AUX = re.compile(r"(?:[\s,]+(?:has|have|had|also|first|previously|since|already|now))+\s*$")
_AS_AFTER_AGENT = re.compile(r"(?:\s+(?:on|in|last|this)\s+\w+)?\s+as\s+(?P<as>[^,.;:]{1,120}?)(?=\s*[,.;:]|\s*$)")


def _passive(masked: str, end: int, word: str, before: str) -> tuple[int, tuple[int, int], tuple[int, int]] | None:
    """(start of the "be" word in `before`, agent span, reported span) of a passive report:
    'condemned as illegal by Ukraine' or 'described by the Kremlin as "adding fuel"' (the "as"
    complement), 'were said by Zelenskiy to be sheltering' (an empty span: the whole clause),
    'the death of X was reported by officials' (_SUBJECT_REPORTED: the subject)."""
    be = _LAST_TOKEN.search(before)
    if be is None or be.group(1).lower() not in _BE or not (word.endswith("ed") or word in ("said", "told")):
        return None
    if _negated(_last_word(before[:be.start()])) or _RELATIVE_WORD.search(before[:be.start()]):
        return None  # "which haven't been confirmed by Moscow"
    m = _PASSIVE_AGENT.match(masked, end)
    if not m:
        return None
    if m.group("as"):
        return be.start(), m.span("agent"), m.span("as")
    after = _AS_AFTER_AGENT.match(masked, m.end())
    if after:
        return be.start(), m.span("agent"), after.span("as")
    if word in _PASSIVE_TO and _TO_BE.match(masked, m.end()):
        return be.start(), m.span("agent"), (m.end(), m.end())
    if word in _PASSIVE_SUBJECT and not _TO_BE.match(masked, m.end()):
        return be.start(), m.span("agent"), _SUBJECT_REPORTED
    return None


def _cues(masked: str) -> list[_Cue]:
    cues: list[_Cue] = []
    for m in _WORD.finditer(masked):
        word = m.group(0)
        if word not in SPEECH_VERBS:
            continue
        if word in _PREDICATE_ONLY and not (_PREDICATIVE.match(masked, m.end())
                                            or _DIRECT_PREDICATE.match(masked, m.end())):
            continue  # "what the government deems to be", "a brand called"
        window = max(0, m.start() - 120)
        before = masked[window:m.start()]
        last = _last_word(before)
        if word in _QUOTED_VERB and last in ("quoted", "as"):
            quoted = _QUOTED_PASSIVE.search(before)
            if quoted:
                cues.append(_Cue(window + quoted.start(), m.end(), _QUOTED_VERB[word], "verb"))
                continue
        progressive = _PROGRESSIVE.search(before) if last in _PROGRESSIVE_LAST and word in _PROGRESSIVE_SPEECH else None
        if progressive and cues and cues[-1].mode == "verb" and not _BREAK.search(masked, cues[-1].verb_end, m.start()):
            continue  # "He said Russia had been saying ...": part of the outer report
        if progressive:
            last = ""  # "has been complaining that": a report in progress, not a passive
        aux = _AUX.search(before) if last in _AUX_LAST or last.isdigit() else None
        bare = before[:aux.start()] if aux else before
        passive = _passive(masked, m.end(), word, bare)
        if passive is not None:
            # "were said by Zelenskiy to be", "have been condemned as illegal by Ukraine"
            be_start, agent, reported = passive
            cues.append(_Cue(window + be_start, m.end(), word, "passive", agent, reported))
            continue
        if _negated(last) or aux and _negated(_last_word(bare)):
            caused = _CAUSED_TO.search(bare[-90:]) if last == "to" or _last_word(bare) == "to" else None
            if caused and (word not in _NEEDS or _NEEDS[word].match(masked, m.end())):
                # "fighting led President Zelenskyy to call for ...": the object speaks.
                offset = window + len(bare) - len(bare[-90:])
                end = _NEEDS[word].match(masked, m.end()).end() if word in _NEEDS else m.end()
                cues.append(_Cue(m.start(), end, word, "embedded",
                                 (offset + caused.start(1), offset + caused.end(1))))
            continue  # "to falsely accuse", "was not said"
        aside = _embedded(bare)
        if aside is not None:
            # "which Russia claimed" is its own report; "what he said was" repeats the speaker
            # whose report holds it, and "what it calls" names.
            if aside.group(1).split()[0].lower() not in PRONOUNS and not word.startswith("call"):
                offset = window + len(bare) - len(bare[-60:])
                cues.append(_Cue(offset + aside.start(), m.end(), word, "embedded",
                                 (offset + aside.start(1), offset + aside.end(1)), aside=True))
            continue
        if _PASSIVE_BY.match(masked, m.end()) or word.startswith("report") and _FROM_PLACE.match(masked, m.end()):
            continue  # "regions claimed by Russia", "Daryna Mayer reported from Kyiv"
        if word in _PREDICATIVE_VERBS and _PREDICATIVE.match(masked, m.end()):
            if not (aux and _MODAL.search(aux.group())):  # "would declare Putin a war criminal"
                cues.append(_Cue(window + aux.start() if aux else m.start(), m.end(), word, "verb",
                                 weak=True))
            continue
        if word in _PREDICATE_ONLY:
            continue
        need = _NEEDS.get(word)
        if need is not None:
            n = need.match(masked, m.end())
            if not n:
                continue
            end = n.end()
        else:
            end = m.end()
        if word in _CONDITIONAL and not _speech_follows(masked, m.start(), end, word):
            continue  # "it had continued its attack": not speech, and no boundary for the cue before
        start = window + (progressive or aux).start() if progressive or aux else m.start()
        cues.append(_Cue(start, end, word, "verb", weak=bool(progressive)))
    for m in _ACCORDING.finditer(masked):
        cues.append(_Cue(m.start(), m.end(), "according to", "according"))
    for m in _NOMINAL.finditer(masked):
        # "Russia's explanation that a careless smoker ...": the possessor reports the clause.
        cues.append(_Cue(m.start(2), m.end(), m.group(2), "embedded", m.span(1)))
    for m in _QUOTED_AS.finditer(masked):
        cues = [c for c in cues if not (m.start() <= c.start < m.end())]
        cues.append(_Cue(m.start(), m.end(), "quoted as saying", "quoted_as",
                         (m.start(1), m.start(1) + len(m.group(1).rstrip()))))
    cues.sort(key=lambda c: c.start)
    return [c for i, c in enumerate(cues) if not c.weak or not any(
        o.mode == "verb" and not o.weak and not o.word.endswith("ing")
        and _LATER_ATTRIBUTION.search(masked, 0, o.start)
        and _attribution_only(masked, o, None) for o in cues[i + 1:])]


# What opens a reported clause: "that", a colon or comma, a quotation, or a pronoun subject
# ("signaled he sees ...").
_CLAUSE_OBJECT = re.compile(r"\s*(?:that\b|[:,]|[\"“„«])|\s+(?:he|she|they|we|it)\s+[a-z]+")
# '"...," Oleksandr Starukh, the governor of the region, posted': a quotation, then the subject.
_AFTER_QUOTE = re.compile(r"\x00[\"”»]\s*,?\s+(?:(?!\band\b|\bbut\b)[^\x00.;:!?]){0,120}$")


_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?\"“]|$)")


def _skip_adverbials(masked: str, pos: int) -> int:
    """`pos` moved past adverbials ("on Telegram", "late on Monday")."""
    while True:
        adv = _ADVERBIAL.match(masked, pos)
        if not adv or adv.end() == pos:
            return pos
        pos = adv.end()


def _clause_ends(masked: str, pos: int) -> bool:
    """Only adverbials stand between `pos` and the end of the clause ("on his Telegram channel.")."""
    return bool(_CLAUSE_END.match(masked, _skip_adverbials(masked, pos)))


def _speech_follows(masked: str, start: int, end: int, word: str) -> bool:
    """A verb that reports speech only in some uses has one here: after a quotation ('"...," he
    continued'), before a "that" clause or a colon, or (for _QUOTE_ONLY verbs) before a quotation
    in the same clause."""
    if (re.search(r"[,\"”»]\s*$", masked[max(0, start - 4):start])
            or word in _THAT_ONLY and _AFTER_QUOTE.search(masked, max(0, start - 150), start)) \
            and _clause_ends(masked, end):
        return True  # '"...," he continued.', '"...," the governor posted on Telegram.'

    if word in _BESIDE_QUOTE_ONLY or word in _DIRECT_ONLY:
        return bool(re.match(r"\s*[:,]?\s*[\"“„«]", masked[end:end + 8])) or \
            word in _DIRECT_ONLY and bool(_REQUEST.match(masked, end))
    if word.startswith("recall") and re.match(r"\s+[a-z]+ing\b", masked[end:end + 20]):
        return True  # "recalled hearing a roar"
    if word in _QUOTE_ONLY:
        clause = re.match(r"[^.;]*", masked[end:end + 200]).group(0)
        return MASK in clause
    return bool(_THAT_AFTER_PP.match(masked, end) or _CLAUSE_OBJECT.match(masked, end))


def _statements_in_unit(unit: _Unit, memory: ArticleSpeakers, previous: _Found | None, gap: int) -> list[_Found]:
    masked = unit.masked
    cues = _cues(masked)
    found: list[_Found] = []
    limit = 0  # content on the left of a cue starts after the previous attribution
    last_speaker: Resolved | None = None
    last_right: tuple[int, int] | None = None
    for i, cue in enumerate(cues):
        # An aside ("which Russia claimed") does not end the content of the report around it.
        nxt = next((c for c in cues[i + 1:] if not c.aside), None)
        result = _attribute(unit, cue, nxt, limit, memory, last_speaker, last_right)
        if result is None:
            continue
        found.extend(result)
        last_speaker = result[-1].speaker
        limit = max(limit, result[-1].attribution[1])
        last_right = result[-1].content if result[-1].content[0] >= result[-1].attribution[1] else None
    found = _without_sourcing(found)
    if not found and not cues:
        found = _continuation(unit, previous, gap)
    for f in found:
        memory.remember(unit.start + f.at, f.speaker)
    return found


def _without_sourcing(found: list[_Found]) -> list[_Found]:
    """'Zelenskyy said he wants a compromise, according to Reuters': the outlet (or anyone) after
    "according to" only sources a report that already has its speaker, so it is no statement."""
    said = [f for f in found if f.cue is not None and f.cue != "according to"]
    return [f for f in found if not _cites_source(f) and (f.cue != "according to" or not any(
        o.content[0] < f.content[1] and f.content[0] < o.content[1] for o in said))]


def _cites_source(found: _Found) -> bool:
    """'..., citing local officials': a short object of "citing" names a source, not a claim
    ('citing Kyiv's failure to implement the agreements')."""
    return bool(found.cue and found.cue.split()[-1] in _CITING) and len(found.quote.split()) < 5


def _attribute(unit: _Unit, cue: _Cue, nxt: _Cue | None, limit: int, memory: ArticleSpeakers,
               last_speaker: Resolved | None, last_right: tuple[int, int] | None) -> list[_Found] | None:
    masked = unit.masked
    if cue.mode == "according":
        return _according(unit, cue, nxt, limit, memory)
    if cue.mode == "embedded":
        return _embedded_report(unit, cue, nxt, memory)
    if cue.mode == "passive":
        return _passive_report(unit, cue, nxt, limit, memory)
    if cue.mode == "quoted_as":
        mention = split_mention(masked[cue.speaker_span[0]:cue.speaker_span[1]], memory.registry)
        who = memory.resolve(mention, unit.start + cue.start) if mention else None
        if who is None:
            return None
        return _with_content(unit, cue, nxt, limit, who, cue.start, cue.verb_end, "quoted as saying")
    before = masked[:cue.start]
    verb = cue.word
    # ", saying ...", "and said ...": the subject is the clause's.
    if (verb.endswith("ing") and _PARTICIPLE.search(before)) or _COORDINATE.search(before[-40:]):
        who = last_speaker or _clause_subject(unit, memory)
        if who is None:
            return None
        boundary = _PARTICIPLE.search(before) or _COORDINATE.search(before[-40:])
        att_start = boundary.start() + (len(before) - 40 if len(before) > 40 and boundary.re is _COORDINATE else 0)
        return _right_only(unit, cue, nxt, who, att_start)
    progressive = re.match(r"(?:has|have|had|is|are|was|were)\s", masked[cue.start:cue.verb_end])  # "is warning"
    if verb.endswith("ing") and not progressive and not before.strip(" ,") == "" \
            and not re.search(r"[.:]\s*$|^\s*$", before):
        if not re.match(r"^\s*(?:[A-Z]\w*\s+)?$", before):
            return None
    # Inverted: '"...," said German Chancellor Friedrich Merz.'
    if re.search(r"(?:,|[\"”])\s*$", before) and verb in _INVERTIBLE:
        inverted = _inverted(unit, cue, memory)
        if inverted is not None:
            who, att_end = inverted
            content = _left_content(unit, limit, cue.start)
            if content is None:
                return None
            if verb in ("write", "writes", "wrote") and who.kind != "person":
                return None  # '..., writes Bloomberg': the outlet retelling its source
            out = [_make(unit, who, content, _cue_text(masked, cue), (cue.start, att_end))]
            return out + _trailing_quote(unit, att_end, who, out[0].cue)
    subject = _subject_left(unit, limit, cue.start, memory, last_speaker)
    if subject is None:
        return None
    s0, who = subject
    cue_text = _cue_text(masked, cue)
    right = _right_content(unit, cue, nxt)
    if right is not None and _RELATIVE_CLAUSE.search(masked[:cue.start]):
        # "Moscow, which says it launched ..., has not updated": the aside ends at its comma.
        close = _RELATIVE_CLOSE.search(masked, right[0], right[1])
        right = (right[0], close.start()) if close else right
    elif right is not None and _OPENING_SUBORDINATE.search(masked[:s0]):
        # "Just before Putin ordered his troops in, the two leaders ...": the clause ends at its comma.
        comma = masked.find(", ", right[0], right[1])
        right = (right[0], comma) if comma != -1 else right
    quote_before = re.search(r"[\"”»]\s*,?\s*$", masked[:s0])
    introduced = right is not None and (re.search(r"\bthat\s*$|:\s*$", masked[cue.verb_end:right[0]])
                                        or verb in _PROMISSIVE and re.match(r"to\s+[a-z]", masked[right[0]:]))
    if right is not None and not _starts_with_quote(unit, right) and not introduced and (
            quote_before and MASK not in masked[right[0]:right[1]]
            or re.match(r"(?:of|about|in|at(?!\s+(?:least|most)\b)|on|to|after|during|while|from|with|as|"
                        r"before|when)\b",
                        masked[right[0]:right[1]])):
        right = None  # '"...," Anatoly said of the Russians.'
    if right is not None and cue.weak and cue.word in _PREDICATIVE_VERBS:
        # "called the attack "an atrocity" but stopped short of ...": the predication only.
        more = _PREDICATION_END.search(masked, right[0], right[1])
        right = (right[0], more.start()) if more else right
    if right is not None and (_starts_with_quote(unit, right) or _words(masked[right[0]:right[1]]) >= 2):
        if verb in _QUOTE_ONLY and MASK not in masked[right[0]:right[1]]:
            return None
        if verb in _DIRECT_ONLY and not _starts_with_quote(unit, right) and not _REQUEST.match(masked, cue.verb_end):
            return None
        if verb in _THAT_ONLY and not (_starts_with_quote(unit, right) or
                                       verb in _PREDICATIVE_VERBS and _PREDICATIVE.match(masked, cue.verb_end) or
                                       re.search(r"(?:\bthat|[:,])\s*$", masked[cue.verb_end:right[0]]) or
                                       _CLAUSE_OBJECT.match(masked, cue.verb_end) or
                                       verb.startswith("recall") and re.match(r"[a-z]+ing\b", masked[right[0]:])):
            return None
        full_cue = cue_text + _recipient_text(masked, cue, right)
        if quote_before and _starts_with_quote(unit, right) and "," in masked[cue.verb_end:right[0]]:
            # '"We will win," he said, "and rebuild."': both parts, in text order.
            content = _left_content(unit, limit, s0)
            if content is not None:
                return [_make(unit, who, content, full_cue, (s0, right[0])),
                        _make(unit, who, right, full_cue, (s0, right[0]))]
        return [_make(unit, who, right, full_cue, (s0, right[0]))]
    if re.search(r"(?:,|[\"”»])\s*$", masked[:s0]) and _attribution_only(masked, cue, nxt):
        content = _left_content(unit, limit, s0)
        att_end = right[0] if right else cue.verb_end
        att_end = max(att_end, _attribution_end(masked, cue.verb_end, nxt))
        if content is None and _OPENING_WORD.fullmatch(masked, limit, s0) and _words(masked[cue.verb_end:att_end]) <= 3:
            # "However, he added, it was up to ...": the clause after the attribution.
            after = _parenthetical_rest(masked, (s0, s0), att_end, nxt)
            return [_make(unit, who, after, cue_text, (s0, after[0]))] if after and after[0] >= att_end else None
        if content is None or (last_right is not None and content[0] <= last_right[1] and
                               content[1] <= last_right[1] + 2):
            return None
        if verb in _DIRECT_ONLY and not _is_quote_span(unit, content):
            return None
        after = _parenthetical_rest(masked, content, att_end, nxt)
        if after is not None:
            return [_make(unit, who, after, cue_text, (s0, after[0]))]
        out = [_make(unit, who, content, cue_text, (s0, att_end))]
        return out + _trailing_quote(unit, att_end, who, cue_text)
    return None


# A lone connective before a parenthetical attribution ("However, he added, ...").
_OPENING_WORD = re.compile(r"[\s.;:]*(?:(?:However|But|Still|Yet|Otherwise|Instead|Now|Then|So|And|Also|Meanwhile|"
                           r"Moreover|Indeed|Nevertheless|Nonetheless|Therefore|Thus|Finally|Ultimately|"
                           r"Besides|Rather|Overall)\s*,\s*)?")


# "the army's Facebook page", "the ministry's latest update": the body behind the medium.
_SOURCE_MEDIUM = re.compile(
    r"['’]s?\s+(?:(?:official|latest|daily|new|own)\s+)?(?:(?:Facebook|Telegram|Twitter|X|Instagram|"
    r"YouTube|social\s+media|VKontakte|WhatsApp)\s+)?(?:page|account|channel|post|posts|statement|report|"
    r"data|figures|estimate|estimates|update|website|site|tally|count|assessment|briefing)$")


def _drop_participle(phrase: str) -> str:
    """'a video report circulating widely' -> 'a video report' (not 'the ruling party')."""
    words = phrase.split()
    for i in range(1, len(words)):
        if re.fullmatch(r"[a-z]{2,}ing", words[i]) and words[i - 1].lower() not in ("the", "a", "an"):
            return " ".join(words[:i])
    return phrase


def _according(unit: _Unit, cue: _Cue, nxt: _Cue | None, limit: int,
               memory: ArticleSpeakers) -> list[_Found] | None:
    masked = unit.masked
    rest = masked[cue.verb_end:]
    m = re.match(r"\s*((?:[^,.;:\x00\"“”]|\.(?=[\w,]))+?)(?=,|\.\s*$|\.$|;|:|$| - | — )", rest)
    if not m:
        return None
    phrase = _SOURCE_MEDIUM.sub("", _drop_participle(m.group(1)))
    phrase = re.sub(r"^(?:(?:a|an|the)\s+)?(?:(?:new|latest|recent|preliminary|official|updated|"
                    r"most\s+recent|joint|separate)\s+)*(?:statement|report|assessment|estimate|"
                    r"estimates|data|figures|count|tally|analysis|survey|study|post|update|"
                    r"information|statistics)\s+(?:from|by|of)\s+", "", phrase.strip())
    span_end = cue.verb_end + m.end()
    role = None
    after = masked[span_end:]
    app = re.match(r",\s+([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3})(?=,|\.|$)", after)
    mention = split_mention(phrase, memory.registry)
    if app and mention is not None and mention.kind in ("title", "group"):
        # "according to the head of the water company, Serhiy Malyavko, ..."
        person = split_mention(app.group(1), memory.registry)
        if person is not None and person.kind.startswith("person"):
            role = re.sub(r"^(?:the|a|an)\s+", "", phrase)
            mention = Mention(app.group(1), person.name, role, person.kind)
            span_end += app.end()
    if mention is None:
        return None
    who = memory.resolve(mention, unit.start + cue.start)
    if who is None:
        return None
    if normalise(who.speaker) in _OUTLET_SELF:
        return None
    cue_text = masked[cue.start:cue.verb_end]
    if re.search(r",\s*$", masked[:cue.start]) or re.search(r"[.]?\s*$", masked[span_end:]).start() == 0:
        content = _left_content(unit, limit, cue.start)
        if content is not None:
            return [_make(unit, who, content, cue_text, (cue.start, span_end))]
    after_comma = re.match(r"\s*,\s*", masked[span_end:])
    if after_comma:
        start = span_end + after_comma.end()
        end = _content_end(masked, start, nxt)
        if _words(masked[start:end]) >= 2:
            return [_make(unit, who, (start, end), cue_text, (cue.start, span_end))]
    return None


def _passive_report(unit: _Unit, cue: _Cue, nxt: _Cue | None, limit: int,
                    memory: ArticleSpeakers) -> list[_Found] | None:
    """The agent reports the "as" complement ('condemned as illegal by Ukraine') or the whole
    clause ('300 people were said by Zelenskiy to be sheltering ...')."""
    masked = unit.masked
    a, b = cue.speaker_span
    mention = split_mention(masked[a:b], memory.registry)
    who = memory.resolve(mention, unit.start + cue.start) if mention is not None else None
    if who is None or who.kind == "pronoun":
        return None
    cue_text = _cue_text(masked, cue)
    start, end = cue.content_span
    if start < end:
        return [_make(unit, who, (start, end), cue_text, (cue.start, b))]
    left = _left_content(unit, limit, cue.start)
    if left is None:
        return None
    if cue.content_span == _SUBJECT_REPORTED:
        left = (left[0], left[0] + len(_TRAILING_AUX.sub("", masked[left[0]:left[1]])))
        if _words(masked[left[0]:left[1]]) < 3 or who.kind == "pronoun":
            return None  # "It was reported by ...", "The attack was confirmed by ..."
        return [_make(unit, who, left, cue_text, (cue.start, b))]
    return [_make(unit, who, (left[0], _content_end(masked, b, nxt)), cue_text, (cue.start, b))]


def _embedded_report(unit: _Unit, cue: _Cue, nxt: _Cue | None, memory: ArticleSpeakers) -> list[_Found] | None:
    """A report inside another clause, its speaker at `cue.speaker_span`: an aside ('the barrage,
    which Russia claimed targeted only energy sites, was ...') reports up to the end of the aside;
    an object made to speak ('led Zelenskyy to call for ...') or a possessor ("Russia's explanation
    that ...") reports the rest of the clause."""
    masked = unit.masked
    mention = split_mention(masked[cue.speaker_span[0]:cue.speaker_span[1]], memory.registry)
    who = memory.resolve(mention, unit.start + cue.start) if mention is not None else None
    if who is None or mention.kind == "pronoun":
        return None
    start = _skip_adverbials(masked, cue.verb_end)
    start += _THAT_OPENING.match(masked, start).end() - start
    if cue.aside:
        end = _ASIDE_END.search(masked, start)
        end = end.start() if end else len(masked)
    else:
        end = _content_end(masked, start, nxt)
    if _words(masked[start:end]) < 2:
        return None
    return [_make(unit, who, (start, end), _cue_text(masked, cue), (cue.start, start))]


def _with_content(unit: _Unit, cue: _Cue, nxt: _Cue | None, limit: int, who: Resolved,
                  att_start: int, att_end: int, cue_text: str) -> list[_Found] | None:
    masked = unit.masked
    right = _right_content(unit, cue, nxt)
    if right is not None and _words(masked[right[0]:right[1]]) >= 2:
        return [_make(unit, who, right, cue_text, (att_start, right[0]))]
    content = _left_content(unit, limit, att_start)
    if content is None:
        return None
    return [_make(unit, who, content, cue_text, (att_start, att_end))]


def _right_only(unit: _Unit, cue: _Cue, nxt: _Cue | None, who: Resolved, att_start: int) -> list[_Found] | None:
    right = _right_content(unit, cue, nxt)
    if right is None or _words(unit.masked[right[0]:right[1]]) < 1:
        return None
    if cue.word in _QUOTE_ONLY and MASK not in unit.masked[right[0]:right[1]]:
        return None
    if cue.word in _DIRECT_ONLY and not _starts_with_quote(unit, right) and not _REQUEST.match(unit.masked, cue.verb_end):
        return None
    return [_make(unit, who, right, _cue_text(unit.masked, cue), (att_start, right[0]))]


# ---- speakers ------------------------------------------------------------------------------------

# An aside between dashes just before the verb ("Local authorities — from Kharkiv to Lviv — have
# warned"): the subject is before it.
_DASH_ASIDE = re.compile(r"\s[—–]\s[^—–\x00]{1,150}?\s[—–]\s*$")


def _subject_left(unit: _Unit, limit: int, end: int, memory: ArticleSpeakers,
                  last_speaker: Resolved | None) -> tuple[int, Resolved] | None:
    """The speaker phrase ending just before the cue at `end`: (start, resolved speaker).

    Handles appositions on either side ("Natalia Humeniuk, a spokesperson for ..., told",
    "the governor of the region, Vitaliy Kim, said") and relative or participial clauses between
    the subject and the verb ("Russia, which invaded ..., denies")."""
    masked = unit.masked
    seg_start = max(limit, masked.rfind(MASK, 0, end) + 1)
    close = re.match(r"[\"”»’]?\s*,?\s*", masked[seg_start:end]) if seg_start > 0 else None
    if close:
        seg_start += close.end()
    seg = masked[seg_start:end]
    aside = _DASH_ASIDE.search(seg)
    if aside:
        seg = seg[:aside.start()]
    pieces = [(m.start(), m.group(0)) for m in re.finditer(r"[^,]+", seg) if m.group(0).strip()]
    if not pieces:
        return None
    parsed = [_piece_mention(p, memory) for _, p in pieces]
    choice = _relative_antecedent(pieces, memory) or _choose_subject(pieces, parsed, last_speaker)
    if choice is None:
        return None
    if isinstance(choice, Resolved):
        return seg_start + pieces[-1][0], choice
    start, mention = choice
    who = memory.resolve(mention, unit.start + seg_start + start)
    return (seg_start + start, who) if who is not None else None


_RELATIVE_CLAUSE = re.compile(r",\s+(?:who|which)\s+(?:\w+\s+){0,2}$")
_RELATIVE_CLOSE = re.compile(r",\s+(?:(?:on|last|this|earlier|later|in)\s+[A-Za-z]+\s+)?(?:has|have|had|is|was|"
                             r"are|were|will|would|could|can|did|does|remains?|[a-z]{3,}ed)\b")
_PARTICIPLE_MODIFIER = re.compile(r"\s[a-z]{2,}ing\s+(?:on|in|at|near|from|for|with|under|along|inside|"
                                  r"outside|across|around|as)\b[^\x00]*$")
_OPENING_SUBORDINATE = re.compile(r"^\s*(?:[A-Z][a-z]+\s+)?(?:[Bb]efore|[Aa]fter|[Ww]hen|[Aa]s|[Ss]ince|[Uu]ntil|"
                                  r"[Bb]ecause|[Ww]hile|[Ii]f|[Oo]nce|[Aa]lthough|[Tt]hough)\s+$")
_RELATIVE_END = re.compile(r"(?<=\w)\s+(?:who|which)\s+$")


def _piece_mention(piece: str, memory: ArticleSpeakers) -> tuple[int, Mention | None, bool]:
    """(offset, mention, whole) for the noun phrase ending `piece`; whole when it is all of it."""
    relative = _RELATIVE_END.search(piece)
    if relative:
        # "denied by Moscow who said": the antecedent speaks, even after a preposition.
        off, phrase = _np_tail(piece[:relative.start()])
        mention = split_mention(phrase, memory.registry) if phrase else None
        return off, mention, False
    participle = _PARTICIPLE_MODIFIER.search(piece)
    if participle:
        # "Ukrainians fighting on the eastern frontline estimated": the noun before the participle.
        off, phrase = _np_tail(piece[:participle.start()])
        mention = split_mention(phrase, memory.registry) if phrase else None
        if mention is not None and mention.kind != "pronoun" and not _after_preposition(piece[:off]):
            lead = piece[:off].split()
            return off, mention, all(w.lower().strip(",") in CONNECTIVES for w in lead)
    off, phrase = _np_tail(piece)
    if not phrase:
        return off, None, False
    if _after_preposition(piece[:off]):
        return off, None, False
    mention = split_mention(phrase, memory.registry)
    lead = piece[:off].split()
    whole = all(w.lower().strip(",") in CONNECTIVES or w in ("Also", "Now", "Then") for w in lead)
    return off, mention, whole


def _relative_antecedent(pieces: list[tuple[int, str]], memory: ArticleSpeakers) -> tuple[int, Mention] | None:
    """'an interview with a masked soldier, who said': the noun phrase before ', who' speaks,
    even as the object of a preposition."""
    if len(pieces) < 2 or not re.fullmatch(r"\s*who\s*", pieces[-1][1]):
        return None
    p_off, prev = pieces[-2]
    off, phrase = _np_tail(prev)
    mention = split_mention(phrase, memory.registry) if phrase else None
    if mention is None or mention.kind == "pronoun":
        return None
    return p_off + off, mention


def _choose_subject(pieces, parsed, last_speaker):
    n = len(pieces)
    off, mention, whole = parsed[-1]
    last = pieces[-1][1]
    is_person = mention is not None and mention.kind.startswith("person")
    if n >= 2:
        p_off, prev = pieces[-2]
        q_off, q_mention, q_whole = parsed[-2]
        q_person = q_mention is not None and q_mention.kind.startswith("person")
        # "Natalia Humeniuk, a spokesperson for the southern command, told"
        if (role_like(last) or mention is not None and mention.kind == "title" and whole) \
                and not is_person and q_person and q_whole:
            return p_off + q_off, Mention(q_mention.text, q_mention.name,
                                          q_mention.role or clean_role(last), q_mention.kind)
        # "the governor of the region, Vitaliy Kim, said"
        if is_person and whole and role_like(prev) and not q_person:
            role_start = len(prev) - len(prev.lstrip())
            lead = prev.split()
            while lead and lead[0].lower() in CONNECTIVES:
                role_start = prev.index(lead[1]) if len(lead) > 1 else role_start
                lead = lead[1:]
            return p_off + role_start, Mention(mention.text, mention.name,
                                               mention.role or clean_role(prev), mention.kind)
        # "The mayor of Kharkiv, Ukraine's second largest city, said": an apposition to the place.
        if q_mention is not None and q_whole and mention is None and _apposition(last):
            return p_off + q_off, q_mention
        # "Russia, which invaded Ukraine, denies"; "Myroslava, walking past ..., told us"
        if re.match(r"\s*(?:who|which|whose)\b", last) or mention is None and last.strip()[:1].islower():
            if re.fullmatch(r"\s*who\s*", last) and last_speaker is not None:
                return last_speaker
            for (p_off, _), (q_off, q_mention, q_whole) in zip(pieces[:-1], parsed[:-1]):
                if q_mention is not None and q_whole:
                    later = [p for _, p in pieces[pieces.index((p_off, _)) + 1:]]
                    if all(p.strip()[:1].islower() for p in later):
                        return p_off + q_off, q_mention
            return None
    if mention is None:
        return None
    return pieces[-1][0] + off, mention


_PARTY_LABEL = re.compile(r"[RDI]-[A-Z][A-Za-z.]*$")


def _apposition(piece: str) -> bool:
    """A short noun phrase set off by commas ("Ukraine's second largest city", "a port city")."""
    words = piece.split()
    if len(words) == 1 and _PARTY_LABEL.match(words[0]):
        return True  # "Rep. Lee Zeldin, R-N.Y., said"
    if not 1 <= len(words) <= 8 or not re.match(r"(?:the|a|an|its|his|her|their|[A-Z][\w.-]*['’´]s)$", words[0]):
        return False
    return not any(w.lower() in _NOT_IN_NP or re.search(r"\w(?:ed|ing|ly)$", w) for w in words)


_NOT_IN_NP = frozenset("""is are was were has have had will would can could did do does said says be been
being that which who whom when while because if but as than""".split())
_PREPS = frozenset("of for at in to from with on".split())


def _description(tokens: list[re.Match]) -> int | None:
    """Start index when the tokens are one descriptive noun phrase: 'the head of the water
    company', 'foreign ministers of the Group of Seven industrialized democracies'."""
    words = [t.group(0) for t in tokens]
    i = 0
    while i < len(words) and (words[i].lower() in CONNECTIVES or words[i] in ("Also", "Now")):
        i += 1
    p = next((k for k in range(i + 1, len(words)) if words[k] in _PREPS), None)
    if p is None or len(words) - p > 10 or any(w.lower() in _NOT_IN_NP or MASK in w for w in words[i:]):
        return None
    head = words[p - 1].lower()
    if head not in SPEAKER_HEADS and head not in TITLE_WORDS:
        return None
    for w in words[i:p - 1]:
        low = w.lower()
        if not (w[:1].isupper() or low in MODIFIERS or low in SPEAKER_HEADS or low in TITLE_WORDS
                or re.search(r"['’´]s$|-year-old$|-(?:installed|backed|based|appointed|led)$", low)):
            return None
    return i


def _after_preposition(text: str) -> bool:
    """The phrase follows a preposition, so it is an object, not a subject ("living in Kyiv")."""
    return bool(re.search(r"\b(?:in|at|from|of|to|near|with|by|for|on|into|across|about|against|"
                          r"over|under|between|than|like)\s+$", text))


def _np_tail(piece: str) -> tuple[int, str]:
    """Offset and text of the noun phrase that ends `piece`."""
    tokens = list(re.finditer(r"\S+", piece))
    if len(tokens) >= 2 and tokens[-1].group(0).lower() in ("itself", "himself", "herself", "themselves"):
        tokens.pop()  # "the Kremlin itself has admitted"
    if tokens and tokens[-1].group(0).lower() in PRONOUNS:
        return tokens[-1].start(), tokens[-1].group(0).lower()
    whole = _description(tokens)
    if whole is not None:
        return tokens[whole].start(), piece[tokens[whole].start():tokens[-1].end()]
    i = len(tokens)
    while i > 0:
        tok = tokens[i - 1].group(0)
        if MASK in tok or any(c in tok for c in "\"“”«»:;()"):
            break
        low = tok.lower().strip(".")
        if tok[0].isupper() or tok[0].isdigit() and i < len(tokens):
            i -= 1
            continue
        base = re.sub(r"['’´]s$|s['’´]$", "", low)
        if low in MODIFIERS or low in SPEAKER_HEADS or low in TITLE_WORDS or low in NAME_PARTICLES \
                or base in SPEAKER_HEADS or base in MODIFIERS \
                or re.search(r"-(?:installed|backed|based|appointed|led|held|run|owned|born)$", low):
            i -= 1
            continue
        break
    while i < len(tokens) and tokens[i].group(0).lower() in ("of", "for", "to", "in", "at", "and", "on"):
        i += 1
    while i < len(tokens) and (tokens[i].group(0).lower().strip(",") in CONNECTIVES
                               or tokens[i].group(0) in ("Also", "Now", "Then")):
        i += 1
    if i >= len(tokens):
        return len(piece), ""
    # A lone lower-case modifier is not a speaker ("and", "the").
    phrase = piece[tokens[i].start():tokens[-1].end()]
    return tokens[i].start(), phrase


# A word that can open a predicate: an auxiliary, an adverb, a regular or a common irregular verb.
_FINITE = (r"(?:on|in|at|last|this|earlier|late|early|has|have|had|is|was|are|were|will|would|could|"
           r"can|may|might|must|should|did|does|do|"
           r"also|then|later|quickly|[a-z]+ly|[a-z]+ed|[a-z]+s|went|sought|took|made|gave|came|said|told|"
           r"kept|held|left|met|began|ran|sent|spent|stood|brought|thought|felt|fought|found|got|led|"
           r"lost|put|saw|set|won|wrote|spoke|struck|hit|cut|let|knew|grew|drew|threw|flew|rose|fell|"
           r"chose|broke|drove|shook|shot|paid|sold|built|meant|heard|sat|stuck|say|tell|insist|claim|"
           r"warn|deny|accuse|urge)\b")
# "But", then an opening adverbial with its comma ("On Monday, "), before a clause's subject.
_CLAUSE_LEAD = re.compile(
    r"\s*(?:(?:But|And|Yet|So|Also|Still)\s+)?(?:(?:In|On|At|After|Before|During|For|With|By|Two|Three|"
    r"Several|Hours|Days|Weeks|Earlier|Later|Meanwhile|However|Elsewhere|Last|This|Since)\b[^,\x00]{0,60},\s*)?")
_CLAUSE_SUBJECT = re.compile(
    r"\s*((?:(?:[A-Z][\w'’´.-]*|the|of|and|a|an|[a-z]+['’´]s|(?:" +
    "|".join(sorted(SPEAKER_HEADS | {"local", "regional", "military"})) + r"))\s+){0,5})(?=" + _FINITE + ")")


def _clause_subject(unit: _Unit, memory: ArticleSpeakers) -> Resolved | None:
    """The subject opening the unit ("Russian authorities sought to ..., saying ...")."""
    lead = _CLAUSE_LEAD.match(unit.masked)
    m = _CLAUSE_SUBJECT.match(unit.masked, lead.end())
    if not m or not m.group(1).strip():
        return None
    phrase = m.group(1).strip()
    words = phrase.split()
    while words and words[0].lower().strip(",") in CONNECTIVES:
        words = words[1:]
    if not words:
        return None
    mention = split_mention(" ".join(words), memory.registry)
    return memory.resolve(mention, unit.start) if mention else None


# The speaker phrase after an inverted verb, up to a comma, the sentence end or a date ("said
# U.N. spokesman Stephane Dujarric on Monday"); dots inside abbreviations belong to it.
_INVERTED_SPEAKER = re.compile(
    r"\s+((?:the|a|an|his|her|its|their|one|another|some|two|three|several|[A-Z](?:[\w'’´-]|\.(?=\w))*"
    r"(?:\.(?!\s*$))?)(?:\s+(?:(?:[\w'’´-]|\.(?=\w))+(?:\.(?!\s*$))?))*?)"
    r"(?=,|\.\s*$|\.$|\s*$|\s+(?:on|in|at|late|early)\s|\s+" + _WEEKDAY + ")")


def _inverted(unit: _Unit, cue: _Cue, memory: ArticleSpeakers) -> tuple[Resolved, int] | None:
    """Speaker written after the verb: 'said Valentyn Reznichenko, the governor of ...'."""
    masked = unit.masked
    pos = cue.verb_end
    adv = _ADVERBIAL.match(masked, pos)
    if adv and adv.end() > pos:
        pos = adv.end()
    m = _INVERTED_SPEAKER.match(masked, pos)
    if not m:
        return None
    phrase = m.group(1)
    if len(phrase.split()) > 7:
        return None
    mention = split_mention(phrase, memory.registry)
    if mention is None or _REPORT_FOLLOWS.match(masked, _skip_adverbials(masked, m.end())):
        return None  # '..., Rafael Grossi, warned the U.N. Security Council that ...': a recipient
    end = m.end()
    rest = masked[end:]
    app = re.match(r",\s+((?:(?:who|which)\s+(?:is|was)\s+)?(?:the|a|an|[a-z])[^\x00]*?)(?=\s*[.,]?\s*$|,\s+[\"“])",
                   rest)
    if app and mention.kind.startswith("person"):
        mention = Mention(phrase, mention.name, mention.role or clean_role(app.group(1)), mention.kind)
        end += app.end()
    elif mention.kind in ("group", "title") and (named := re.match(
            r",\s+([A-Z][\w'’´.-]*(?:\s+[A-Z][\w'’´.-]*){1,3})(?=\s*[.,]?\s*$|,)", rest)):
        person = split_mention(named.group(1).rstrip("."), memory.registry)
        if person is not None and person.kind.startswith("person"):
            mention = Mention(named.group(1), person.name, clean_role(phrase), person.kind)
            end += named.end()
    else:
        app2 = re.match(r",\s+([A-Z][^,\x00]*?)(?=\s*[.]?\s*$)", rest)
        if app2 and mention.kind.startswith("person") and role_like(app2.group(1)):
            mention = Mention(phrase, mention.name, mention.role or clean_role(app2.group(1)), mention.kind)
            end += app2.end()
    who = memory.resolve(mention, unit.start + cue.start)
    return (who, end) if who is not None else None


# ---- content -------------------------------------------------------------------------------------

def _right_content(unit: _Unit, cue: _Cue, nxt: _Cue | None) -> tuple[int, int] | None:
    masked = unit.masked
    pos = cue.verb_end
    m = _THAT_AFTER_PP.match(masked, pos)
    if m:
        pos = m.end()
    else:
        if cue.word in ("tell", "tells", "told", "telling", "inform", "informs", "informed",
                        "assure", "assures", "assured", "warn", "warns", "warned", "warning"):
            that = re.match(r"\s+(?:[^\s,;:\x00\"“”]+\s+){1,9}?that\b", masked[pos:])
            if that:
                pos += that.end()
            elif cue.word.startswith(("tel", "tol", "inf", "ass")):
                r = _RECIPIENT.match(masked, pos)
                if r:
                    pos = r.end()
        while True:
            adv = _ADVERBIAL.match(masked, pos)
            if not adv or adv.end() == pos:
                break
            pos = adv.end()
        that = re.match(r"\s*(?:,\s*)?(?:that\b|:|,(?=\s*[\"“”„«]))", masked[pos:])
        if that:
            pos += that.end()
    while pos < len(masked) and masked[pos] == " ":
        pos += 1
    end = _content_end(masked, pos, nxt)
    if end <= pos:
        return None
    if masked[pos:end].startswith(","):
        return None
    if re.match(r",|\s*[.;]", masked[cue.verb_end:pos + 1].strip() or "x") and not _starts_with_quote_at(masked, pos):
        return None
    return pos, end


def _content_end(masked: str, pos: int, nxt: _Cue | None) -> int:
    end = len(masked)
    if nxt is not None and nxt.start > pos:
        boundary = _boundary_before(masked, pos, nxt)
        end = min(end, boundary)
    for cut in _CUT.finditer(masked, pos, end):
        if cut.group(0).startswith(", which") and _RELATIVE_CLOSE.search(masked, cut.end(), end):
            continue  # "the barrage, which Russia claimed ..., was retaliation": inside the subject
        end = cut.start()
        break
    while end > pos and masked[end - 1] in " ,;:.—–-" and not (masked[end - 1] == "." and end >= 2
                                                              and masked[end - 2] == MASK):
        end -= 1
    return end


def _boundary_before(masked: str, pos: int, nxt: _Cue) -> int:
    """Where the next cue's attribution starts: its subject, or the comma/'and' before it."""
    before = masked[pos:nxt.start]
    m = re.search(r"(?:,\s*|\s+(?:and|but|while)\s+(?:(?:also|later|then)\s+)?)$", before)
    if m:
        return pos + m.start()
    if nxt.mode == "according":
        return nxt.start
    # "TASS reported that the ministry confirmed ...": the inner report is the statement.
    if len(before.split()) <= 6 and _np_tail(before)[0] == len(before) - len(before.lstrip()):
        return pos
    # "..., the ministry said" / "... and Armenia said": back over the subject to a comma.
    closing = max(before.rfind(MASK + '"'), before.rfind(MASK + "”"), before.rfind(MASK + "»"))
    comma = max(before.rfind(","), before.rfind(" and "), before.rfind(" but "),
                closing + 2 if closing != -1 else -1)
    if comma != -1 and len(before[comma:].split()) <= 9:
        return pos + comma
    if nxt.word.endswith("ing"):
        return nxt.start
    return len(masked)


def _left_content(unit: _Unit, limit: int, end: int) -> tuple[int, int] | None:
    masked = unit.masked
    stop = end
    while stop > limit and masked[stop - 1] in " ,":
        stop -= 1
    start = limit
    while start < stop and masked[start] in " ,;:.—–-":
        start += 1
    m = _LEADING_CLAUSE.match(masked[start:stop])
    if m and _words(masked[start + m.end():stop]) >= 3:
        start += m.end()
    if _words(masked[start:stop]) < 2 and MASK not in masked[start:stop]:
        return None
    return start, stop


# A clause or phrase that qualifies the attribution, not reported content ("said as their forces
# fought", "said in a statement after the strike").
_SUBORDINATE = re.compile(r"(?:as|while|when|after|before|because|since|amid|despite|though|although|"
                          r"without|in|on|at|during|following|ahead|from|with|via|through|to|for|by|of|"
                          r"about|under|over|into|near|outside|inside|across|against|late|early|earlier|"
                          r"later|shortly|hours|days|weeks|minutes)\b")


def _attribution_only(masked: str, cue: _Cue, nxt: _Cue | None) -> bool:
    """Nothing but adverbials, a recipient or a participle follows the verb: '..., X said on
    Telegram.' (unlike 'As part of its proposal, Russia insisted on the repatriation ...')."""
    end = len(masked) if nxt is None else nxt.start
    pos = cue.verb_end
    if cue.word in _RECIPIENT_VERBS:
        r = _RECIPIENT.match(masked, pos)
        pos = r.end() if r else pos
    while True:
        adv = _ADVERBIAL.match(masked, pos)
        if not adv or adv.end() == pos:
            break
        pos = adv.end()
    rest = masked[pos:end].strip(" .")
    # 'said of the bombing', 'said as ...' qualify the attribution; 'confirmed the "massive
    # strike"' has a quoted object, which is content however short.
    return not rest or rest.startswith(",") or bool(_SUBORDINATE.match(rest)) \
        or _words(rest) <= 4 and MASK not in rest


_PREDICATE_START = re.compile(r"(?:is|was|are|were|has|have|had|will|would|can|could|should|may|might|"
                              r"must|remains?|remained|seems?|seemed)\b")


def _parenthetical_rest(masked: str, left: tuple[int, int], att_end: int, nxt: _Cue | None) -> tuple[int, int] | None:
    """'After that, the governor said, he hoped ...': an attribution set off by commas after a
    short opening phrase reports the clause that follows it."""
    if _words(masked[left[0]:left[1]]) > 6 or MASK in masked[left[0]:left[1]]:
        return None
    m = re.match(r",\s+", masked[att_end:])
    if not m:
        return None
    start = att_end + m.end()
    end = _content_end(masked, start, nxt)
    rest = masked[start:end]
    if _words(rest) < 4 or _SUBORDINATE.match(rest) or re.match(r"(?:who|which|[a-z]+ing)\b", rest):
        return None
    if _PREDICATE_START.match(rest):
        return left[0], end  # "Her best hope, experts say, is that ...": one clause around the attribution
    return start, end


def _attribution_end(masked: str, pos: int, nxt: _Cue | None) -> int:
    end = len(masked) if nxt is None else nxt.start
    m = re.search(r"[,.]", masked[pos:end])
    return pos + (m.start() if m else end - pos)


def _trailing_quote(unit: _Unit, att_end: int, who: Resolved, cue_text: str) -> list[_Found]:
    """'"We will win," he said, "and rebuild."' -> the part after the attribution."""
    m = re.match(r"[^\x00\"“”]{0,40}?[,:]\s*[\"“]?(?=\x00)", unit.masked[att_end:])
    if not m:
        return []
    start = att_end + m.end()
    end = start
    while end < len(unit.masked) and unit.masked[end] == MASK:
        end += 1
    return [_Found(start, who, "direct", unit.text[start:end], cue_text, (att_end, start), (start, end))]


def _make(unit: _Unit, who: Resolved, content: tuple[int, int], cue: str | None,
          attribution: tuple[int, int]) -> _Found:
    start, end = content
    text, masked = unit.text, unit.masked
    while start < end and text[start] in " ,":
        start += 1
    while end > start and text[end - 1] in " ,;:" :
        end -= 1
    inner = _single_quote(unit, start, end)
    if inner is not None:
        return _Found(attribution[0], who, "direct", text[inner[0]:inner[1]], cue, attribution, content)
    body = text[start:end]
    if MASK in masked[start:end]:
        return _Found(attribution[0], who, "mixed", body, cue, attribution, content)
    return _Found(attribution[0], who, "indirect", body.rstrip("."), cue, attribution, content)


def _single_quote(unit: _Unit, start: int, end: int) -> tuple[int, int] | None:
    """Inner span when text[start:end] is one quotation (marks and stray punctuation aside)."""
    masked = unit.masked
    m = re.match(r"\s*[\"“”„«]", masked[start:end])
    if not m:
        return None
    q_start = start + m.end()
    q_end = q_start
    while q_end < end and masked[q_end] == MASK:
        q_end += 1
    tail = masked[q_end:end]
    if q_end > q_start and re.fullmatch(r"[\"”“»]?[\s,.;:!?]*(?:\s(?:in|on|at|to)\s[^\x00]{0,40})?", tail):
        return q_start, q_end
    return None


def _is_quote_span(unit: _Unit, content: tuple[int, int]) -> bool:
    return _single_quote(unit, *content) is not None


def _starts_with_quote_at(masked: str, pos: int) -> bool:
    return bool(re.match(r"\s*[\"“”„«]", masked[pos:pos + 3]))


def _starts_with_quote(unit: _Unit, span: tuple[int, int]) -> bool:
    return bool(re.match(r"\s*[\"“”„«]", unit.masked[span[0]:span[1]]))


def _cue_text(masked: str, cue: _Cue) -> str:
    return re.sub(r"\s+", " ", masked[cue.start:cue.verb_end]).strip()


def _recipient_text(masked: str, cue: _Cue, right: tuple[int, int]) -> str:
    if cue.word not in ("told", "tells", "tell"):
        return ""
    between = masked[cue.verb_end:right[0]]
    between = re.sub(r"\s+that\s*$|[,:]\s*$", "", between).rstrip()
    return between if len(between.split()) <= 6 else ""


def _continuation(unit: _Unit, previous: _Found | None, gap: int) -> list[_Found]:
    """A unit made of a quotation after a statement (`gap` units of narration between): the same
    speaker goes on."""
    if previous is None:
        return []
    masked = unit.masked
    m = re.match(r"\s*[\"“”„«]", masked)
    if not m:
        return []
    start = m.end()
    end = start
    while end < len(masked) and masked[end] == MASK:
        end += 1
    if end - start < 0.6 * len(masked.strip()) or len(unit.text[start:end].split()) < (2 if gap == 0 else 5):
        return []
    who = previous.speaker
    return [_Found(0, who, "direct", unit.text[start:end], None, (0, 0), (start, end))]


def _words(s: str) -> int:
    return len(re.findall(r"[\w\x00]+", s))


# ---- outlet ----------------------------------------------------------------------------------------

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


def _is_outlet(found: _Found, outlets: set[str]) -> bool:
    key = normalise(found.speaker.speaker)
    if key in _OUTLET_SELF:
        return True
    compact = {key, key.replace(" ", ""), re.sub(r"\s+news$", "", key), "the" + key.replace(" ", "")}
    return bool(compact & outlets) and (found.cue is None or not found.cue.startswith("told"))
