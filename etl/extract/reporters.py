"""Who a figure is attributed to: the sentence's own source, the statement made in it, or the
source named just before for "he said"."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from etl.actors import ActorRegistry
from etl.extract.sentences import Sentence
from etl.model import Article, Statement

_REPORT_VERB = (r"(?:said|says|say|reported|reports|told|tells|claimed|claims|claim|estimated|"
                r"estimates|estimate|announced|announces|confirmed|confirms|stated|wrote|writes|"
                r"posted|added|noted|acknowledged|alleged|alleging|accused|published|warned|insisted|"
                r"believes|believe|recorded|counted|documented|denounced|condemned)")
_ACRONYM = r"(?:[A-Z]\.){2,}"
# "according to new figures released by the IOM" -> IOM.
_DATA_FROM = (r"(?:(?:new|newly|latest|official|preliminary|updated|recent|released|published|"
              r"compiled)\s+){0,2}(?:statement|report|figures|data|estimates?|tally|count|post|"
              r"list(?: of names)?)\s+(?:(?:released|published|compiled|issued|provided)\s+)?"
              r"(?:from|by|of)\s+")
_ACCORDING = re.compile(
    rf"\b[Aa]ccording to (?:a |an |the )?(?:{_DATA_FROM})?(?P<x>(?:{_ACRONYM}|[^,.;:()“”\"])+?)"
    r"(?=\s*(?:[,.;:()“”\"]|$)|\s+(?:who|which|though|but|as of|on|in (?:a|an|the|his|her|its))\b)")
_BY_COUNT = re.compile(rf"\b[Bb]y (?:the )?(?P<x>(?:{_ACRONYM}|[A-Z][\w’'´.]*)(?: [A-Z][\w’'´.]*)*?)"
                       r"(?:'s|’s|´s) (?:\w+ ){0,2}(?:count|tally|estimates?|figures|data|toll)\b")
_VERB = re.compile(rf"\b{_REPORT_VERB}\b")
# Words between a speaker and the speech verb: "Zelensky previously stated", "the ministry on
# Tuesday said", "police later reported".
_BEFORE_VERB = re.compile(
    r"(?:\s+(?:\w+ly|also|later|earlier|previously|had|has|have|again|then|already|first|since|now|"
    r"still|just|"
    r"on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?:on|in) (?:a|its|his|her) "
    r"\w+|last week|this week|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))+$")
_LEAD_IN = re.compile(r"^.*\b(?:[Aa]nd|[Bb]ut|[Ww]hile|[Ww]hen|[Aa]s|[Aa]fter|that|which|where|"
                      r"[Bb]ecause|[Tt]hough|[Aa]lthough|[Ss]o)\s+(?=\S)", re.S)
_PARENTHETICAL = re.compile(r",\s*(?:meanwhile|however|also|too|in turn|for (?:his|her|its|their) "
                            r"part|in a statement|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|"
                            r"Saturday|Sunday)),")
_NAME = re.compile(r"(?:[A-Z][\w.’'´-]+\s+){0,3}[A-Z][\w’'´-]+")
_ROLE_WORD = re.compile(r"\b(?:minister|president|governor|mayor|head|chief|spokes\w+|secretary|"
                        r"commander|leader|official|adviser|advisor|undersecretary|director|"
                        r"ambassador|soldier|general|prosecutor|ombudsman|member|chairman)\b", re.I)
# "Ukrainian President Volodymyr Zelenskyy", "Gov. Pavlo Kyrylenko" -> the name.
_TITLED_NAME = re.compile(
    r"(?:\b(?:[Mm]inister|[Pp]resident|[Gg]overnor|[Mm]ayor|[Ss]ecretary|[Cc]hancellor|[Ss]pokes\w+|"
    r"[Cc]ommander|[Cc]hief|[Hh]ead|[Aa]dviser|[Aa]dvisor|[Aa]mbassador|[Gg]eneral|[Pp]rosecutor|"
    r"[Oo]mbudsman|[Ll]eader|[Dd]irector|Gov\.|Gen\.|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Sen\.|Rep\.|Col\.|"
    r"Lt\.|Maj\.)\s+)((?:[A-Z][\w’'´-]+\s+){1,2}[A-Z][\w’'´-]+)$")
_SENTENCE_SUBJECT = re.compile(r"^(?:(?P<x>(?:[A-Z][\w.’'´-]*\s+){0,3}[A-Z][\w.’'´-]*)|The (?P<body>(?:[A-Z]"
                               r"[\w.’'´-]*\s+){1,3}(?:government|ministry|military|army|authorities|"
                               r"police|office|administration)))\s+(?:has|have|had|is|was|says|said|\w+ed)\b")
_REPORT_NOUN = re.compile(rf"\b(?:An? |The )?(?P<x>(?:{_ACRONYM}|[A-Z][\w’'´.]*)(?: [A-Z][\w’'´.]*)*) "
                          r"(?:report|study|survey|assessment|tally)\b")
_LEADING_TITLE = re.compile(r"^(?:(?:President|Prime Minister|Minister|Chancellor|Secretary|Governor|"
                            r"Gov\.|Mayor|General|Gen\.|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Sen\.|Senator)\s+)+")
_PRONOUN_WORDS = frozenset({"he", "she", "it", "they", "him", "her", "them"})
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "this",
                       "that", "who", "which", "there", "one"})
_SPEAKER_TRIM = re.compile(
    r"^(?:the |a |an |also |meanwhile,? |earlier,? |later,? |(?:on|in|by) (?:monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|"
    r"october|november|december|\d{4})(?: \d{1,2})?,? )+|(?:['’´]s)? (?:official )?(?:facebook|"
    r"telegram|twitter|website|instagram) (?:page|channel|account|site|post)$|"
    r"\s+(?:on|in|via) (?:telegram|facebook|twitter|a statement|social media)$|"
    r"\s+(?:on|in|last) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week)$", re.I)
_GENERIC_REPORTERS = frozenset(
    """officials authorities police doctors witnesses prosecutors prosecutor medics rescuers governor
    mayor ministry military army source sources estimates analysts experts spokesman spokeswoman
    officer commander staff monitors observers office service administration government council
    agency committee department command"""
    .split()
)
_NOT_SPEAKER = re.compile(r"\b(?:were|was|is|are|have|has|been|killed|wounded|injured|died|people|"
                          r"civilians|losses|casualties)\b", re.I)
# Words no source's name begins with, and words that alone name no source ("according to
# reports", "..., said Thursday", "Ukrainian" alone is an adjective).
_NOT_SOURCE_START = frozenset("of in on at for with from by upon it it's it’s an another".split())
_NOT_SOURCE_ALONE = re.compile(r"(?:reports?|media|figures|data|estimates|statistics|today|yesterday|"
                               r"tonight|earlier|later|recently|unofficial|initial|official|"
                               r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                               r"[\w-]*(?:ian|ean|ese|ish|ern)|soviet)", re.I)


def _clean_speaker(x: str, strict: bool) -> str | None:
    x = re.sub(r"^\([^)]*\)\s*", "", x.strip().lstrip("0123456789,.:- "))
    x = re.sub(_ACRONYM, lambda m: m.group(0).replace(".", ""), x)
    x = re.sub(r"\b([A-Z])\.([A-Z])\b", r"\1\2", x).strip(" ,.;:\"“”'’")
    previous = None
    while previous != x:
        previous = x
        x = _SPEAKER_TRIM.sub("", x).strip(" ,")
    if "," in x:
        # "the governor of the Mykolaiv region, Vitaliy Kim" -> the name.
        parts = [p.strip() for p in x.split(",") if p.strip()]
        named = [p for p in parts if re.fullmatch(r"(?:[A-Z][\w.’'´-]+\s*){1,4}", p)]
        x = named[-1] if named else parts[-1]
    words = x.split()
    if not words or len(words) > 8 or words[0].lower() in _PRONOUNS or _NOT_SPEAKER.search(x) \
            or words[0].lower() in _NOT_SOURCE_START \
            or len(words) == 1 and _NOT_SOURCE_ALONE.fullmatch(words[0]):
        return None
    titled = _TITLED_NAME.search(x)
    if titled:
        return titled.group(1)
    last = words[-1].lower().strip("'’´")
    if strict and not (x[0].isupper() or last in _GENERIC_REPORTERS or last.rstrip("s") in
                       _GENERIC_REPORTERS):
        return None
    return x


def _subject_before(sentence: str, verb_start: int) -> str | None:
    """The speaker standing before a speech verb, with appositions resolved to the name:
    "Crimea's regional leader, Sergei Aksyonov, said" and "Slava Vladimirovich, a soldier with
    the Donbas battalion, said" both give the name."""
    left = _BEFORE_VERB.sub("", sentence[:verb_start].rstrip())
    segments = [seg.strip(" “”\"'‘’") for seg in left.split(",")]
    while segments and not segments[-1]:
        segments.pop()
    if not segments:
        return None
    last = _LEAD_IN.sub("", segments[-1])
    if len(segments) >= 2 and (_ROLE_WORD.search(last) or re.match(r"(?:a|an|the)\s", last)) \
            and not _NAME.fullmatch(last):
        earlier = _LEAD_IN.sub("", segments[-2])
        if _NAME.fullmatch(earlier):
            return earlier
    return last


_INVERTED = re.compile(r"[,“”\"]\s*(?:said|says|reported|added|wrote)\s+(?P<x>[^,.;“”\"]+?)\s*(?:[,.]|$)")


def reporter_in_sentence(sentence: str) -> str | None:
    """Who the sentence attributes its content to ("according to the UN", "..., police said").

    A pronoun speaker ("when it said") is returned as the pronoun, for the caller to resolve.
    """
    sentence = _PARENTHETICAL.sub(",", sentence)
    m = _ACCORDING.search(sentence)
    if m:
        after = re.match(r",\s*(" + _NAME.pattern + r")\s*(?:[,.]|$)", sentence[m.end():])
        if after and not _NAME.fullmatch(m.group("x").strip()):
            return after.group(1)  # "according to the region's governor, Valentyn Reznichenko"
        return _clean_speaker(m.group("x"), strict=False) or _pronoun(m.group("x"))
    for rx in (_BY_COUNT, _REPORT_NOUN, _INVERTED):
        m = rx.search(sentence)
        if m:
            name = _clean_speaker(m.group("x"), strict=True)
            if name:
                return name
    for m in _VERB.finditer(sentence):
        if re.search(r"\b(?:been|be|being|was|were|is|are)\s+$", sentence[max(0, m.start() - 8):m.start()]):
            continue  # passive: "losses have been estimated by insiders"
        subject = _subject_before(sentence, m.start())
        if subject is None:
            continue
        if m.group(0) in ("estimates", "reports", "claims") and _NOT_SOURCE_ALONE.fullmatch(subject):
            return f"{subject} {m.group(0)}"  # "Western estimates" name a source; "Western" does not
        name = _clean_speaker(subject, strict=True) or _pronoun(subject)
        if name:
            return name
    return None


def _pronoun(text: str) -> str | None:
    word = text.strip().lower()
    return word if word in _PRONOUN_WORDS else None


def _sentence_subject(pronoun: str, sentence: str) -> str | None:
    """ "Moscow has not updated its figure since March, when it said" -> Moscow."""
    if pronoun in ("it", "they", "them"):
        m = _SENTENCE_SUBJECT.match(sentence)
        if m and m.end() < sentence.lower().find(f" {pronoun} ") and (m.group("body") or m.group(
                "x").split()[0] not in ("The", "A", "An", "In", "On", "At")):
            return m.group("body") or m.group("x")
    return None


@dataclass(frozen=True)
class Reporter:
    """Who a figure is attributed to: as the article writes them, and as the registry names them."""

    name: str
    actor: str


def _said_here(sentence: Sentence, statements: list[Statement], number_text: str,
               article_text: str) -> Statement | None:
    """The statement made in this sentence (the one quoting the count, if several), when the
    article itself names its speaker that way: a name the statement extractor resolved from a
    title but the article never writes stays out, and the figure keeps the article's own words
    ("Ukraine's prosecutor general")."""
    mine = [s for s in statements if s.sentence in sentence.text or sentence.text in s.sentence]
    if not mine:
        return None
    said = ([s for s in mine if number_text in s.quote] or mine)[0]
    surname = said.speaker.split()[-1] if said.speaker.split() else ""
    return said if surname and re.search(rf"\b{re.escape(surname)}\b", article_text) else None


def _named(reporter: str) -> bool:
    """Does the reporter phrase name someone ("Valentyn Reznichenko", "United Nations")
    rather than describe them ("the city's mayor", "Ukrainian officials")?"""
    return sum(1 for w in reporter.split() if w[0].isupper() and not re.search(r"['’´]s$", w)) >= 2


def _recent_source(before: list[Sentence], statements: list[Statement],
                   article_text: str) -> Statement | str | None:
    """The last source named in the few sentences before, for "he said" / "it said"."""
    for sentence in reversed(before[-3:]):
        source = _said_here(sentence, statements, "", article_text) or reporter_in_sentence(sentence.text)
        if source and source not in _PRONOUN_WORDS:
            return source
    return None


def _source(sentence: Sentence, statements: list[Statement], number_text: str,
            before: list[Sentence], article_text: str) -> Statement | str | None:
    """The sentence's own named source first; else the statement extractor's statement, whose
    speaker has resolved titles and pronouns against the article ("the city's mayor" -> the
    mayor's name)."""
    own = reporter_in_sentence(sentence.text)
    subject = _sentence_subject(own, sentence.text) if own in _PRONOUN_WORDS else None
    if subject or own and own not in _PRONOUN_WORDS and _named(own):
        return subject or own
    said = _said_here(sentence, statements, number_text, article_text)
    if said:
        return said
    if own in _PRONOUN_WORDS:
        return _recent_source(before, statements, article_text)
    return own


def figure_reporter(sentence: Sentence, statements: list[Statement], number_text: str,
                    before: list[Sentence], article: Article,
                    actors: ActorRegistry, after: Sequence[Sentence] = ()) -> Reporter | None:
    """Who the count `number_text` of `sentence` is attributed to, if anyone; `before` are the
    article's earlier sentences, `after` the next few."""
    source = _source(sentence, statements, number_text, before, article.text)
    if source:
        source = _named_next(source, after, statements, article.text) or source
    if isinstance(source, Statement):
        actor = source.actor or actors.canonical(source.speaker, on=article.published)
        return Reporter(source.speaker, actor)
    if not source:
        return None
    return Reporter(_fullest(source, statements, article, actors),
                    actors.canonical(source, on=article.published))


# One person described by title alone ("a local official said"), whom the article may name next.
_ONE_TITLED = re.compile(r"\b(?:official|governor|mayor|head|chief|spokes(?:man|woman|person)|adviser|"
                         r"advisor|commander|minister|leader)$", re.I)


def _named_next(source: Statement | str, after: Sequence[Sentence], statements: list[Statement],
                article_text: str) -> Statement | None:
    """A lede's "a local official said", named in the next sentences as a new person introduced
    with a title: "Ivan Petrenko, head of the region, also told ..." -> Ivan Petrenko."""
    described = source.speaker if isinstance(source, Statement) else source
    if _named(described) or not _ONE_TITLED.search(described):
        return None
    for sentence in after:
        for said in statements:
            name = said.speaker
            if said.speaker_role and said.sentence == sentence.text and sentence.text.startswith(name) \
                    and " " in name and _NAME.fullmatch(name) \
                    and name.split()[-1] not in article_text[:sentence.start]:
                return said
    return None


def _fullest(name: str, statements: list[Statement], article: Article, actors: ActorRegistry) -> str:
    """A surname alone or after a title ("Zelenskiy", "President Biden") in the fullest form the
    article writes it: a statement's speaker or one of the registry's names for that person."""
    surname = _LEADING_TITLE.sub("", name)
    if not surname or " " in surname:
        return name
    fuller = [s.speaker for s in statements]
    known = actors.lookup(name, on=article.published)
    if known is not None and known.kind == "person":
        fuller += [n for n in (known.canonical, *known.aliases) if n in article.text]
    names = (_LEADING_TITLE.sub("", n) for n in fuller)
    return max((n for n in names if n.endswith(f" {surname}") and _NAME.fullmatch(n)),
               key=len, default=name)
