"""Who a figure is attributed to.

The attribution engine (etl/extract/attribution/) answers for the figure's sentence: the report
whose content holds the count ("..., 14 people were injured, according to the regional police"),
else the sentence's first report. A source the sentence names in full wins; otherwise the
statement made in that sentence, whose speaker the statement extractor resolved against the whole
article ("the city's mayor" -> the mayor's name); for "he said" / "it said", the source named in
the few sentences before. What is specific to figures stays here: a lede's "a local official said"
named in the next sentences, and a surname in the fullest form the article writes it.

Every look-up is bounded or indexed once per article, so the cost stays linear in its length.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from etl.actors import ActorRegistry
from etl.extract.attribution.engine import attribute_span, opening_subject
from etl.extract.attribution.phrases import (HONORIFICS, ORGANISATION_HEADS, TITLE_WORDS, plural,
                                             split_mention, undot)
from etl.extract.attribution.report import Report
from etl.extract.attribution.resolve import Resolved, actor_of
from etl.extract.sentences import Sentence
from etl.model import Article, Statement

_NAME = re.compile(r"(?:[A-Z][\w.’'´-]+\s+){0,3}[A-Z][\w’'´-]+")
_WORDS = re.compile(r"\w+")
_CAPITALISED = re.compile(r"[A-Z]\w+(?:-\w+)*")
# "Western estimates", "The U.N.'s tally", "UN data" opening a sentence: the source of its numbers.
_DOCUMENT_SUBJECT = re.compile(r"(?:The\s+)?((?:[\w.’'´-]+\s+){0,3}?(?:estimates?|figures|data|tally|count))\b"
                               r"(?=\s+(?:of|for|on|put|puts|show|shows|showed|suggest|suggests|includes?|have|has|"
                               r"range|ranged|say|says|indicate|indicates)\b)")
_BACKSHIFT = re.compile(r"\bhad\s+(?:been\s+)?[a-z]+(?:ed|en)\b")
_ORG_PRONOUNS = frozenset({"it", "they", "them"})
_LOOK_BACK = 3  # sentences before a figure searched for the source of "he said"


@dataclass(frozen=True)
class Reporter:
    """Who a figure is attributed to: as the article writes them, and as the registry names them."""

    name: str
    actor: str | None  # None for an unnamed description ("officials"): no actor to group by


def figure_reporter(sentence: Sentence, statements: list[Statement], number_text: str,
                    before: Sequence[Sentence], article: Article,
                    actors: ActorRegistry, after: Sequence[Sentence] = ()) -> Reporter | None:
    """Who the count `number_text` of `sentence` is attributed to, if anyone; `before` are the few
    sentences before it (only the last three are read), `after` the next few."""
    said = _ArticleStatements.of(statements, article)
    source = _source(sentence, said, number_text, before, article, actors)
    if source is None:
        return None
    source = _named_next(source, after, said) or source
    if isinstance(source, Statement):
        return Reporter(source.speaker, source.actor or actor_of(actors.canonical(source.speaker, on=article.published)))
    return Reporter(said.fullest(source.speaker, actors), actor_of(source.actor or source.speaker))


def _source(sentence: Sentence, said: _ArticleStatements, number_text: str, before: Sequence[Sentence],
            article: Article, actors: ActorRegistry) -> Statement | Resolved | None:
    """The sentence's own named source first; else the statement made in it; for a pronoun, the
    sentence's subject ("Moscow has not updated its figure since March, when it said") or the
    source named in the sentences before."""
    report = _own_report(sentence.text, number_text, said, actors)
    own = report.speaker if report is not None else None
    if own is not None and own.kind == "pronoun" and own.speaker.lower() in _ORG_PRONOUNS \
            and report.rule == "verb-content":
        # "Moscow has not updated its figure since March, when it said that ...": the subject of
        # the clause the pronoun's report hangs from.
        subject = opening_subject(sentence.text, actors, article.published)
        if subject is not None and (subject.kind == "organisation" or subject.kind == "group"
                                    and subject.speaker.split()[-1].lower() in ORGANISATION_HEADS):
            return subject
    if own is None:
        own = _source_as_subject(sentence.text, actors, article.published)
    if own is not None and own.kind in ("person", "organisation") and _named(own.speaker):
        return own
    here = said.in_sentence(sentence, number_text)
    if here is not None:
        return here
    if own is not None and own.kind == "pronoun" or own is None and before and _BACKSHIFT.search(sentence.text):
        # "he said" / "it said"; or "..., said the statement. The attacks had killed one person":
        # a past perfect goes on with the report of the sentence before.
        return _recent_source(before[-1:] if own is None else before, said, article, actors)
    return own


def _own_report(text: str, number_text: str, said: _ArticleStatements, actors: ActorRegistry) -> Report | None:
    """The report whose content holds the count, else the sentence's first one."""
    if text not in said.reports:
        said.reports[text] = attribute_span(text, actors, said.published)  # once per sentence
    reports = said.reports[text]
    if not reports:
        return None
    m = re.search(rf"(?<!\w){re.escape(number_text)}(?!\w)", text) if number_text else None
    at = m.start() if m else -1
    holding = [r for r in reports if r.content[0] <= at < r.content[1]]
    return (holding or reports)[0]


def _source_as_subject(text: str, actors: ActorRegistry, published) -> Resolved | None:
    """ "Western estimates of Russian dead have ranged from ...", "The U.N.'s tally includes ...":
    figures whose sentence opens with the source of their numbers."""
    m = _DOCUMENT_SUBJECT.match(text)
    if m is None:
        return None
    mention = split_mention(m.group(1), actors)
    if mention is None or mention.kind == "pronoun":
        return None
    name = undot(mention.name)
    return Resolved(name, None, mention.kind, actors.canonical(name, on=published))


def _recent_source(before: Sequence[Sentence], said: _ArticleStatements, article: Article,
                   actors: ActorRegistry) -> Statement | Resolved | None:
    """The last source named in the few sentences before, for "he said" / "it said"."""
    for sentence in reversed(before[-_LOOK_BACK:]):
        source = said.in_sentence(sentence, "")
        if source is None:
            report = _own_report(sentence.text, "", said, actors)
            source = report.speaker if report is not None and report.speaker.kind != "pronoun" else None
        if source is not None:
            return source
    return None


def _named(reporter: str) -> bool:
    """Does the reporter phrase name someone ("Valentyn Reznichenko", "United Nations")
    rather than describe them ("the city's mayor", "Ukrainian officials")?"""
    return sum(1 for w in reporter.split() if w[0].isupper() and not re.search(r"['’´]s$", w)) >= 2


def _one_titled(described: str) -> bool:
    """One person described by title alone ("a local official said"), whom the article may name next."""
    words = described.lower().split()
    return bool(words) and words[-1] in TITLE_WORDS and words[-1] not in HONORIFICS and not plural(words[-1])


def _named_next(source: Statement | Resolved, after: Sequence[Sentence],
                said: _ArticleStatements) -> Statement | None:
    """A lede's "a local official said", named in the next sentences as a new person introduced
    with a title: "Ivan Petrenko, head of the region, also told ..." -> Ivan Petrenko."""
    described = source.speaker
    if _named(described) or not _one_titled(described):
        return None
    for sentence in after:
        for statement in said.within(sentence):
            name = statement.speaker
            if statement.speaker_role and sentence.text.startswith(name) and " " in name \
                    and _NAME.fullmatch(name) and not said.written_before(name.split()[-1], sentence.start):
                return statement
    return None


class _ArticleStatements:
    """The article's statements indexed by position, built once per article (figures are
    attributed one by one, each asking about its own sentence)."""

    _last: tuple[list[Statement], Article, _ArticleStatements] | None = None

    @classmethod
    def of(cls, statements: list[Statement], article: Article) -> _ArticleStatements:
        last = cls._last
        if last is None or last[0] is not statements or last[1] is not article:
            cls._last = last = (statements, article, cls(statements, article))
        return last[2]

    def __init__(self, statements: list[Statement], article: Article):
        text = article.text
        self.text = text
        self.published = article.published
        self.spans: list[tuple[int, int, Statement]] = []
        cursor = 0
        for s in statements:  # in text order; a unit's statements share its sentence
            at = text.find(s.sentence, cursor)
            if at == -1:
                at = text.find(s.sentence)
            if at == -1:
                continue
            cursor = at
            self.spans.append((at, at + len(s.sentence), s))
        self.spans.sort(key=lambda span: span[0])
        self.starts = [start for start, _, _ in self.spans]
        self.fuller: dict[str, str] = {}  # surname -> the longest name the statements write with it
        for s in statements:
            if _NAME.fullmatch(s.speaker) and " " in s.speaker:
                surname = s.speaker.split()[-1]
                if len(s.speaker) > len(self.fuller.get(surname, "")):
                    self.fuller[surname] = s.speaker
        self.first_seen: dict[str, int] = {}
        for m in _CAPITALISED.finditer(text):
            self.first_seen.setdefault(m.group(0), m.start())
        self._in_text: dict[str, bool] = {}
        self._words: set[str] | None = None
        self.reports: dict[str, list[Report]] = {}  # a sentence's own reports, read on their own

    def within(self, sentence: Sentence) -> list[Statement]:
        """Statements whose sentence is, or holds, `sentence` (units never overlap)."""
        i = bisect.bisect_right(self.starts, sentence.start)
        if i == 0:
            return []
        first = bisect.bisect_left(self.starts, self.starts[i - 1])
        return [s for _, end, s in self.spans[first:i] if end >= sentence.end]

    def in_sentence(self, sentence: Sentence, number_text: str) -> Statement | None:
        """The statement made in this sentence (the one quoting the count, if several), when the
        article itself names its speaker that way: a name the statement extractor resolved from a
        title but the article never writes stays out, and the figure keeps the article's own words
        ("Ukraine's prosecutor general")."""
        mine = self.within(sentence)
        if not mine:
            return None
        said = ([s for s in mine if number_text in s.quote] or mine)[0]
        surname = said.speaker.split()[-1] if said.speaker.split() else ""
        return said if surname and self.written(surname) else None

    def written(self, words: str) -> bool:
        """Does the article write `words` (a name) as whole words? Each name is searched for once,
        and only when every word of it occurs in the article."""
        if words not in self._in_text:
            if self._words is None:
                self._words = set(_WORDS.findall(self.text))
            self._in_text[words] = all(w in self._words for w in _WORDS.findall(words)) and \
                re.search(rf"\b{re.escape(words)}\b", self.text) is not None
        return self._in_text[words]

    def written_before(self, surname: str, position: int) -> bool:
        return self.first_seen.get(surname, position) < position

    def fullest(self, name: str, actors: ActorRegistry) -> str:
        """A surname alone or after a title ("Zelenskiy", "President Biden") in the fullest form the
        article writes it: a statement's speaker or one of the registry's names for that person."""
        words = name.split()
        while len(words) > 1 and words[0].lower().rstrip(".") in TITLE_WORDS:
            words = words[1:]
        if len(words) != 1:
            return name
        surname = words[0]
        best = self.fuller.get(surname, name)
        known = actors.lookup(name, on=self.published)
        if known is not None and known.kind == "person":
            for n in (known.canonical, *known.aliases):
                if n.endswith(f" {surname}") and _NAME.fullmatch(n) and len(n) > len(best) and self.written(n):
                    best = n
        return best
