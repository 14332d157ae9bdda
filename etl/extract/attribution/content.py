"""What is reported: the content span on either side of an attribution.

On the right of the verb ("said (that) ...", "told reporters on Monday that ..."), the content runs
to the next attribution or to a cut (", which", "; ", ", according to"); on its left ('"...," he
said', "Three houses burned down, according to officials") it starts after the previous
attribution, past an opening subordinate clause. An attribution between commas ("After that, the
governor said, he hoped ...") reports the clause after it.
"""
from __future__ import annotations

import re

from etl.extract.attribution.adverbials import RECIPIENT, SUBORDINATE, THAT_AFTER_PP, separator, skip_adverbials
from etl.extract.attribution.phrases import PRONOUNS
from etl.extract.attribution.subjects import np_tail
from etl.extract.attribution.units import MASK, Unit, count_words, starts_with_quote_at
from etl.extract.attribution.verbs import OBJECT_THAT, RECIPIENT_VERBS, Cue

_LEADING_CLAUSE = re.compile(
    r"^(?:(?:Once|When|While|After|Before|As|Although|Though|If|Despite|Amid|Meanwhile|Elsewhere|"
    r"However|In other developments|At the same time|For (?:his|her|its|their) part|Less than|More "
    r"than|Hours|Days|Minutes)\b[^,\x00]{0,120},\s+)"
)
_CUT = re.compile(
    r",\s+which\b|;\s|\s+[-—–]+\s+(?=(?:a|an|the|still|only|just|and|but)\b)|,\s+according to\b|"
    r",\s+(?:citing|quoting)\b"
)
RELATIVE_CLOSE = re.compile(r",\s+(?:(?:on|last|this|earlier|later|in)\s+[A-Za-z]+\s+)?(?:has|have|had|is|was|"
                             r"are|were|will|would|could|can|did|does|remains?|[a-z]{3,}ed)\b")


_OBJECT_THEN_THAT = re.compile(r"\s+(?:[^\s,;:\x00\"“”]+\s+){1,9}?that\b")
_INTRODUCER = re.compile(r"\s*(?:,\s*)?(?:that\b|:|,(?=\s*[\"“”„«]))")
_COMMA = re.compile(r"\s*,?\s*")


def right_content(unit: Unit, cue: Cue, nxt: Cue | None) -> tuple[int, int] | None:
    masked = unit.masked
    pos = cue.verb_end
    m = THAT_AFTER_PP.match(masked, pos)
    if m:
        pos = m.end()
    else:
        if cue.word in OBJECT_THAT:
            that = _OBJECT_THEN_THAT.match(masked, pos)
            if that:
                pos = that.end()
            elif cue.word in RECIPIENT_VERBS:
                r = RECIPIENT.match(masked, pos)
                if r:
                    pos = r.end()
        pos = skip_adverbials(masked, pos)
        that = _INTRODUCER.match(masked, pos)
        if that:
            pos = that.end()
    if masked.endswith("that", 0, pos):
        # "said that, as of 1 June, more than ...": an aside right after "that" opens the content.
        pos = _COMMA.match(masked, pos).end()
    while pos < len(masked) and masked[pos] == " ":
        pos += 1
    end = content_end(masked, pos, nxt)
    if end <= pos:
        return None
    if masked[pos:end].startswith(","):
        return None
    if re.match(r",|\s*[.;]", masked[cue.verb_end:pos + 1].strip() or "x") and not starts_with_quote_at(masked, pos):
        return None
    return pos, end


def content_end(masked: str, pos: int, nxt: Cue | None) -> int:
    end = len(masked)
    if nxt is not None and nxt.start > pos:
        boundary = _boundary_before(masked, pos, nxt)
        end = min(end, boundary)
    sep = separator(masked, pos, end)
    if sep is not None:
        end = sep.start()  # a credit, caption or section break ends what anyone said
    for cut in _CUT.finditer(masked, pos, end):
        if cut.group(0).startswith(", which") and RELATIVE_CLOSE.search(masked, cut.end(), end):
            continue  # "the barrage, which Russia claimed ..., was retaliation": inside the subject
        end = cut.start()
        break
    while end > pos and masked[end - 1] in " ,;:.—–-" and not (masked[end - 1] == "." and end >= 2
                                                              and masked[end - 2] == MASK):
        end -= 1
    return end


_CLAUSE_COMMA = re.compile(r",(?!\d)")


def _boundary_before(masked: str, pos: int, nxt: Cue) -> int:
    """Where the next cue's attribution starts: its subject, or the comma/'and' before it."""
    before = masked[pos:nxt.start]
    m = re.search(r"(?:,\s*|\s+(?:and|but|while)\s+(?:(?:also|later|then)\s+)?)$", before)
    if m:
        return pos + m.start()
    if nxt.mode == "according":
        return nxt.start
    # "TASS reported that the ministry confirmed ...": the inner report is the statement (but
    # "the ministry said it had confirmed ..." is one report).
    if len(before.split()) <= 6:
        offset, phrase = np_tail(before)
        if offset == len(before) - len(before.lstrip()) and phrase not in PRONOUNS \
                and any(w[:1].isupper() for w in phrase.split()):
            return pos  # but 'Crimea Today News said that witnesses reported ...' is the outlet's report
    # "..., the ministry said" / "... and Armenia said": back over the subject to a comma.
    closing = max(before.rfind(MASK + '"'), before.rfind(MASK + "”"), before.rfind(MASK + "»"))
    if closing != -1:
        subject = before[closing + 2:]
        if not subject.strip(" ,") or np_tail(subject)[0] > len(subject) - len(subject.lstrip(" ,")):
            # 'that Washington "unequivocally" condemns': a quoted word inside the clause, not
            # '"...," the ministry said' with the next speaker right after the quotation.
            closing = -1
    last_comma = max((m.start() for m in _CLAUSE_COMMA.finditer(before)), default=-1)  # not "230,000"
    comma = max(last_comma, before.rfind(" and "), before.rfind(" but "), closing + 2 if closing != -1 else -1)
    if comma != -1 and len(before[comma:].split()) <= 9:
        return pos + comma
    if nxt.word.endswith("ing"):
        return nxt.start
    return len(masked)


def left_content(unit: Unit, limit: int, end: int) -> tuple[int, int] | None:
    masked = unit.masked
    stop = end
    while stop > limit and masked[stop - 1] in " ,(":
        stop -= 1
    start = limit
    sep = separator(masked, limit, stop)
    while sep is not None:
        start = sep.end()  # "___ Associated Press writers ... contributed": a credit line, not the report
        sep = separator(masked, start, stop)
    while start < stop and masked[start] in " ,;:.—–-":
        start += 1
    m = _LEADING_CLAUSE.match(masked[start:stop])
    if m and count_words(masked[start + m.end():stop]) >= 3:
        start += m.end()
    if count_words(masked[start:stop]) < 2 and MASK not in masked[start:stop]:
        return None
    return start, stop


_PREDICATE_START = re.compile(r"(?:is|was|are|were|has|have|had|will|would|can|could|should|may|might|"
                              r"must|remains?|remained|seems?|seemed)\b")


def parenthetical_rest(masked: str, left: tuple[int, int], att_end: int, nxt: Cue | None) -> tuple[int, int] | None:
    """'After that, the governor said, he hoped ...': an attribution set off by commas after a
    short opening phrase reports the clause that follows it."""
    if count_words(masked[left[0]:left[1]]) > 6 or MASK in masked[left[0]:left[1]]:
        return None
    m = re.match(r",\s+", masked[att_end:])
    if not m:
        return None
    start = att_end + m.end()
    end = content_end(masked, start, nxt)
    rest = masked[start:end]
    short = count_words(masked[left[0]:left[1]]) <= 2  # "The message, she said, is that ..."
    if count_words(rest) < (2 if short else 4) and MASK not in rest or SUBORDINATE.match(rest) \
            or re.match(r"who|which", rest) or re.match(r"[a-z]+ing\b", rest) and not short:
        return None
    if _PREDICATE_START.match(rest) or short and re.match(r"[a-z]+ing\b", rest):
        return left[0], end  # "Her best hope, experts say, is that ...": one clause around the attribution
    return start, end


def attribution_end(masked: str, pos: int, nxt: Cue | None) -> int:
    end = len(masked) if nxt is None else nxt.start
    m = re.search(r"[,.]", masked[pos:end])
    return pos + (m.start() if m else end - pos)
