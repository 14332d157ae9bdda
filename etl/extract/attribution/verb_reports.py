"""Reports made with a speech verb whose subject is the speaker.

Four shapes, each its own rule:
- `participle`: the verb continues a clause (", saying ...", "and said ..."): the clause's subject
  or the speaker just attributed speaks;
- `inverted`: the speaker follows the verb ('"...," said German Chancellor Friedrich Merz');
- `verb-content`: the content follows the verb ("Zelensky said (that) ...", "X told reporters ...");
- `content-verb`: the content precedes the attribution ('"...," he said', "..., the ministry
  said"), or follows it when the attribution stands between commas (`parenthetical`: "After that,
  the governor said, he hoped ...").
A quotation split by its attribution ('"We will win," he said, "and rebuild."') gives two reports,
the second one's rule being `split-quote`.
"""
from __future__ import annotations

import re

from etl.extract.attribution.adverbials import attribution_only
from etl.extract.attribution.content import (RELATIVE_CLOSE, attribution_end, left_content,
                                             parenthetical_rest, right_content)


from etl.extract.attribution.cues import CLAUSE_OBJECT, PREDICATION_END, PREDICATIVE, REQUEST
from etl.extract.attribution.report import Report, cue_text, make_report, recipient_text, trailing_quote
from etl.extract.attribution.resolve import ArticleSpeakers, Resolved
from etl.extract.attribution.subjects import clause_subject, inverted_speaker, subject_left
from etl.extract.attribution.units import MASK, Unit, count_words, is_quote_span, starts_with_quote
from etl.extract.attribution.verbs import (DIRECT_ONLY, DOCUMENT_ONLY, INVERTIBLE, PREDICATIVE_VERBS, PROMISSIVE,
                                           QUOTE_ONLY, RETELL, THAT_ONLY, Cue)

_DOCUMENT_SUBJECT = re.compile(r"\b(?:report|study|survey|investigation|inquiry|assessment|review|analysis|poll|"
                               r"audit|census|data|figures|estimates?)\s*$")
# A participle after a comma, "and", or a quotation just closed ('... Europe,” declaring that': the
# American comma sits inside the closing mark).
_PARTICIPLE = re.compile(r"(?:,|\band|\bbut|\bwhile|[\"”])\s+(?:(?:also|later|then|again)\s+)?$")
_COORDINATE = re.compile(r"\b(?:and|but)\s+(?:(?:also|later|then|again|instead|has|have|had)\s+)*$")
_PROGRESSIVE_AUX = re.compile(r"(?:has|have|had|is|are|was|were)\s")
_CLAUSE_OPENS = re.compile(r"[.:]\s*$|^\s*$")
_NAME_OPENS = re.compile(r"^\s*(?:[A-Z]\w*\s+)?$")
_AFTER_COMMA_OR_QUOTE = re.compile(r"(?:,|[\"”])\s*$")
_AFTER_COMMA_OR_CLOSING = re.compile(r"(?:,|[\"”»])\s*$")
_RELATIVE_CLAUSE = re.compile(r",\s+(?:who|which)\s+(?:\w+\s+){0,2}$")
_OPENING_SUBORDINATE = re.compile(r"^\s*(?:[A-Z][a-z]+\s+)?(?:[Bb]efore|[Aa]fter|[Ww]hen|[Aa]s|[Ss]ince|[Uu]ntil|"
                                  r"[Bb]ecause|[Ww]hile|[Ii]f|[Oo]nce|[Aa]lthough|[Tt]hough)\s+$")


_QUOTE_BEFORE = re.compile(r"[\"”»]\s*,?\s*$")
_INTRODUCED = re.compile(r"\bthat\s*$|:\s*$")
_TO_INFINITIVE = re.compile(r"to\s+[a-z]")
# A prepositional phrase after the verb qualifies it: '"...," Anatoly said of the Russians.'
_QUALIFIER = re.compile(r"(?:of|about(?!\s+(?:\d|a\s+(?:dozen|hundred|thousand|million)\b|(?:one|two|three|four|"
                        r"five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|half|a\s+third|dozens|hundreds|"
                        r"thousands)\b))|in|at(?!\s+(?:least|most)\b)|on|to|after|during|while|from|with|as|"
                        r"before|when)\b")


_THAT_OR_MARK = re.compile(r"(?:\bthat|[:,])\s*$")
_GERUND = re.compile(r"[a-z]+ing\b")
# A lone connective before a parenthetical attribution ("However, he added, ...").
_OPENING_WORD = re.compile(r"[\s.;:]*(?:(?:However|But|Still|Yet|Otherwise|Instead|Now|Then|So|And|Also|Meanwhile|"
                           r"Moreover|Indeed|Nevertheless|Nonetheless|Therefore|Thus|Finally|Ultimately|"
                           r"Besides|Rather|Overall|[A-Z][a-z]+ly)\s*,\s*)?")


def verb_report(unit: Unit, cue: Cue, nxt: Cue | None, limit: int, memory: ArticleSpeakers,
                last_speaker: Resolved | None, last_right: tuple[int, int] | None) -> list[Report] | None:
    """The reports of one speech-verb cue of the unit (`nxt`: the next cue; `limit`: where the
    previous attribution ended; `last_speaker`, `last_right`: the unit's previous report)."""
    masked = unit.masked
    before = masked[:cue.start]
    verb = cue.word
    # ", saying ...", "and said ...": the subject is the clause's.
    if (verb.endswith("ing") and _PARTICIPLE.search(before)) or _COORDINATE.search(before[-40:]):
        return _participle(unit, cue, nxt, memory, last_speaker, before)
    progressive = _PROGRESSIVE_AUX.match(masked, cue.start, cue.verb_end)  # "is warning"
    if verb.endswith("ing") and not progressive and not before.strip(" ,") == "" \
            and not _CLAUSE_OPENS.search(before) and not _NAME_OPENS.match(before):
        return None
    if _AFTER_COMMA_OR_QUOTE.search(before) and verb in INVERTIBLE:
        inverted = inverted_speaker(unit, cue, memory)
        if inverted is not None:
            return _inverted(unit, cue, limit, *inverted)
    subject = subject_left(unit, limit, cue.start, memory, last_speaker)
    if subject is None:
        return None
    s0, who = subject
    if verb in DOCUMENT_ONLY and not _DOCUMENT_SUBJECT.search(masked, s0, cue.start):
        return None  # "they found bodies"; but "A U.N. report found that ..."
    right = _content_after_verb(unit, cue, nxt, s0)
    if right is not None and (starts_with_quote(unit, right) or count_words(masked[right[0]:right[1]]) >= 2):
        return _content_after(unit, cue, limit, s0, who, right)
    if _AFTER_COMMA_OR_CLOSING.search(masked, 0, s0) and attribution_only(masked, cue, nxt):
        return _content_before(unit, cue, nxt, limit, s0, who, right, last_right)
    return None


def _participle(unit: Unit, cue: Cue, nxt: Cue | None, memory: ArticleSpeakers,
                last_speaker: Resolved | None, before: str) -> list[Report] | None:
    who = last_speaker or clause_subject(unit, memory)
    if who is None:
        return None
    boundary = _PARTICIPLE.search(before) or _COORDINATE.search(before[-40:])
    att_start = boundary.start() + (len(before) - 40 if len(before) > 40 and boundary.re is _COORDINATE else 0)
    return right_only(unit, cue, nxt, who, att_start)


def _inverted(unit: Unit, cue: Cue, limit: int, who: Resolved, att_end: int) -> list[Report] | None:
    """'"...," said German Chancellor Friedrich Merz.'"""
    content = left_content(unit, limit, cue.start)
    if content is None:
        return None
    if cue.word in RETELL and who.kind != "person":
        return None  # '..., writes Bloomberg': the outlet retelling its source
    said = cue_text(unit.masked, cue)
    after = parenthetical_rest(unit.masked, content, att_end, None) if count_words(
        unit.masked[content[0]:content[1]]) <= 2 else None
    if after is not None:
        return [make_report(unit, who, after, said, (cue.start, att_end), "parenthetical")]  # "But now, says X, ..."
    out = [make_report(unit, who, content, said, (cue.start, att_end), "inverted")]
    return out + trailing_quote(unit, att_end, who, said)


def _content_after_verb(unit: Unit, cue: Cue, nxt: Cue | None, s0: int) -> tuple[int, int] | None:
    """The content on the right of the verb, bounded by the clause the attribution sits in; None
    when what follows the verb only qualifies it."""
    masked = unit.masked
    right = right_content(unit, cue, nxt)
    if right is None:
        return None
    if _RELATIVE_CLAUSE.search(masked, 0, cue.start):
        # "Moscow, which says it launched ..., has not updated": the aside ends at its comma.
        close = RELATIVE_CLOSE.search(masked, right[0], right[1])
        right = (right[0], close.start()) if close else right
    elif _OPENING_SUBORDINATE.search(masked, 0, s0):
        # "Just before Putin ordered his troops in, the two leaders ...": the clause ends at its comma.
        comma = masked.find(", ", right[0], right[1])
        right = (right[0], comma) if comma != -1 else right
    introduced = _INTRODUCED.search(masked, cue.verb_end, right[0]) \
        or cue.word in PROMISSIVE and _TO_INFINITIVE.match(masked, right[0])
    if not starts_with_quote(unit, right) and not introduced and (
            _QUOTE_BEFORE.search(masked, 0, s0) and MASK not in masked[right[0]:right[1]]
            or _QUALIFIER.match(masked, right[0], right[1])):
        return None  # '"...," Anatoly said of the Russians.'
    if cue.weak and cue.word in PREDICATIVE_VERBS:
        # "called the attack "an atrocity" but stopped short of ...": the predication only.
        more = PREDICATION_END.search(masked, right[0], right[1])
        right = (right[0], more.start()) if more else right
    return right


def _content_after(unit: Unit, cue: Cue, limit: int, s0: int, who: Resolved,
                   right: tuple[int, int]) -> list[Report] | None:
    """'Zelensky said (that) ...': the content on the right, if the verb reports speech here."""
    masked = unit.masked
    verb = cue.word
    if verb in QUOTE_ONLY and MASK not in masked[right[0]:right[1]]:
        return None
    if verb in DIRECT_ONLY and not starts_with_quote(unit, right) and not REQUEST.match(masked, cue.verb_end):
        return None
    if verb in THAT_ONLY and not (starts_with_quote(unit, right) or
                                  verb in PREDICATIVE_VERBS and PREDICATIVE.match(masked, cue.verb_end) or
                                  _THAT_OR_MARK.search(masked, cue.verb_end, right[0]) or
                                  CLAUSE_OBJECT.match(masked, cue.verb_end) or
                                  verb in PROMISSIVE and _TO_INFINITIVE.match(masked, right[0]) or
                                  verb.startswith("recall") and _GERUND.match(masked, right[0])):
        return None
    said = cue_text(masked, cue) + recipient_text(masked, cue, right)
    if _QUOTE_BEFORE.search(masked, 0, s0) and starts_with_quote(unit, right) \
            and "," in masked[cue.verb_end:right[0]]:
        # '"We will win," he said, "and rebuild."': both parts, in text order.
        content = left_content(unit, limit, s0)
        if content is not None:
            return [make_report(unit, who, content, said, (s0, right[0]), "content-verb"),
                    make_report(unit, who, right, said, (s0, right[0]), "split-quote")]
    return [make_report(unit, who, right, said, (s0, right[0]), "verb-content")]


# A few words with no punctuation, then a quotation that runs up to the attribution: a section
# heading a flattened page glued to the quote ('Cease-fire talks "We want ...," the official said').
_HEADING_THEN_QUOTE = re.compile(r"[A-Z][\w’'-]*(?: [\w’'-]+){0,5} (?=[\"“]\x00)")


def _past_heading(unit: Unit, content: tuple[int, int]) -> tuple[int, int]:
    """The content without a heading glued before its quotation: at the start of the unit, a few
    words and then a quotation that opens a sentence of its own (a capital) and runs up to the
    attribution."""
    masked = unit.masked
    m = _HEADING_THEN_QUOTE.match(masked, content[0], content[1])
    if m is None or masked[:content[0]].strip() or not unit.text[m.end() + 1:m.end() + 2].isupper():
        return content
    if masked[m.end() + 1:content[1]].rstrip(" ,\"”").strip("\x00"):
        return content  # words after the quotation: the quotation is part of a sentence
    return m.end(), content[1]


def _content_before(unit: Unit, cue: Cue, nxt: Cue | None, limit: int, s0: int, who: Resolved,
                    right: tuple[int, int] | None, last_right: tuple[int, int] | None) -> list[Report] | None:
    """'"...," he said.' / "..., the ministry said on Telegram.": the content on the left, or
    after an attribution set off by commas."""
    masked = unit.masked
    said = cue_text(masked, cue)
    content = left_content(unit, limit, s0)
    att_end = right[0] if right else cue.verb_end
    att_end = max(att_end, attribution_end(masked, cue.verb_end, nxt))
    if content is None and _OPENING_WORD.fullmatch(masked, limit, s0) \
            and count_words(masked[cue.verb_end:att_end]) <= 3:
        # "However, he added, it was up to ...": the clause after the attribution.
        after = parenthetical_rest(masked, (s0, s0), att_end, nxt)
        if after and after[0] >= att_end:
            return [make_report(unit, who, after, said, (s0, after[0]), "parenthetical")]
        return None
    if content is None or (last_right is not None and content[0] <= last_right[1] and
                           content[1] <= last_right[1] + 2):
        return None
    if cue.word in DIRECT_ONLY and not is_quote_span(unit, content):
        return None
    after = parenthetical_rest(masked, content, att_end, nxt)
    if after is not None:
        return [make_report(unit, who, after, said, (s0, after[0]), "parenthetical")]
    content = _past_heading(unit, content)
    out = [make_report(unit, who, content, said, (s0, att_end), "content-verb")]
    return out + trailing_quote(unit, att_end, who, said)


def with_content(unit: Unit, cue: Cue, nxt: Cue | None, limit: int, who: Resolved,
                 att_start: int, att_end: int, said: str, rule: str) -> list[Report] | None:
    """The content on the right of the cue if it has two words or more, else on its left."""
    masked = unit.masked
    right = right_content(unit, cue, nxt)
    if right is not None and count_words(masked[right[0]:right[1]]) >= 2:
        return [make_report(unit, who, right, said, (att_start, right[0]), rule)]
    content = left_content(unit, limit, att_start)
    if content is None:
        return None
    return [make_report(unit, who, content, said, (att_start, att_end), rule)]


def right_only(unit: Unit, cue: Cue, nxt: Cue | None, who: Resolved, att_start: int) -> list[Report] | None:
    right = right_content(unit, cue, nxt)
    if right is None or count_words(unit.masked[right[0]:right[1]]) < 1:
        return None
    if cue.word in QUOTE_ONLY and MASK not in unit.masked[right[0]:right[1]]:
        return None
    if cue.word in DIRECT_ONLY and not starts_with_quote(unit, right) and not REQUEST.match(unit.masked, cue.verb_end):
        return None
    return [make_report(unit, who, right, cue_text(unit.masked, cue), (att_start, right[0]), "participle")]
