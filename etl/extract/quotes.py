"""Find quotations: the spans of text between double quotation marks, straight or curly.

News text is messy: straight and curly marks are mixed (“...."), a quote running over several
paragraphs is reopened without being closed, and flattened text loses the paragraph breaks. A mark
is taken as opening or closing from the characters around it; an unclosed quotation ends where the
next one opens (or at a paragraph break), trimmed back to the last sentence end before it.

Some outlets (British papers especially) quote speech in single marks: 'We will fight,' he said.
Those marks are also apostrophes (don't, Russia's, the '90s, soldiers' pay), so they count as speech
marks only in an article that quotes in single marks rather than double ones, and only where they
open at a word boundary and close before a space or punctuation; `speech_marks` then rewrites them
as double marks so that everything downstream sees one convention.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_MARK = re.compile(r"[\"“”„«»]")
_OPENERS = "“„«"
_CLOSERS = "”»"
_LAST_SENTENCE_END = re.compile(r".*[.!?…](?=\s)", re.S)

_SINGLE = re.compile(r"['‘’]")
_BOUNDARY_BEFORE = "([{—–-/:"
_PUNCT_AFTER = ".,;:!?)]}—–-"
# An opening mark before these is an elision, not a quotation: the '90s, 'em, 'til, rock 'n' roll.
_ELISION = re.compile(r"['‘’](?:\d\ds?\b|em\b|til\b|n\b|cause\b)", re.I)
# An article quotes in single marks when they pair up at least this many times as often as double
# marks do: a Daily Mail story with one embedded tweet in double marks still counts.
_SINGLE_TO_DOUBLE = 3


@dataclass(frozen=True)
class Quote:
    """Text between quotation marks: text[start:end] is the content, marks excluded."""

    start: int
    end: int
    closed: bool = True


def _role(text: str, i: int) -> str:
    """'open', 'close' or '?' for the mark at text[i], judged from its neighbours."""
    char = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    space_before = before.isspace() or before in "([{—–-/:"
    space_after = after.isspace() or after in ".,;:!?)]}—–"
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    if char in _OPENERS:
        return "open"
    if char in _CLOSERS:
        return "close"
    return "?"


def find_quotes(text: str) -> list[Quote]:
    """Quotations in `text` in order; nested single-quoted passages stay inside their quote."""
    quotes: list[Quote] = []
    opened: int | None = None
    for m in _MARK.finditer(text):
        i = m.start()
        role = _role(text, i)
        if role == "?":
            role = "close" if opened is not None else "open"
        if role == "open":
            if opened is not None:
                quotes.append(_unclosed(text, opened, i))
            opened = i + 1
        elif opened is not None:
            quotes.append(Quote(opened, i))
            opened = None
    if opened is not None:
        quotes.append(_unclosed(text, opened, len(text)))
    return [q for q in quotes if q.end > q.start]


def speech_marks(text: str) -> str:
    """`text` with single quotation marks used as speech marks replaced by double ones (‘ and ' that
    open by “, ’ and ' that close by ”), when the article quotes speech in single marks; otherwise
    `text` itself. The length and every other character are unchanged, so offsets still hold."""
    if "'" not in text and "‘" not in text:
        return text
    opens, closes = _single_speech_marks(text)
    if not closes:
        return text
    double = find_quotes(text)
    if len(closes) < _SINGLE_TO_DOUBLE * len(double):
        # An article quoting in both styles: only the single-quoted passages a speech verb
        # introduces or follows ("Mr Hunt said: 'I understand ...'", "'...,' she said").
        opens, closes = _cued_pairs(text, opens, closes, double)
    chars = list(text)
    for i in opens:
        chars[i] = "“"
    for i in closes:
        chars[i] = "”"
    return "".join(chars)


_CUE_BEFORE = re.compile(r"\b(?:said|says|added|adds|explained|warned|stated|wrote|declared|insisted|"
                         r"continued|told [\w ]{1,30}?)\s*[:,]?\s*$", re.I)
_CUE_AFTER = re.compile(r"\s*(?:he|she|they|we|it|[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})\s+"
                        r"(?:said|says|added|adds|explained|warned|stated|wrote|declared|insisted|told)\b")


def _cued_pairs(text: str, opens: list[int], closes: list[int],
                double: list[Quote]) -> tuple[list[int], list[int]]:
    """The opening and closing marks of the single-quoted passages next to a speech verb, outside
    the double-quoted quotations (`double`), which may quote someone inside them. One pass over
    the sorted offsets."""
    kept_opens: list[int] = []
    kept_closes: list[int] = []
    c = q = 0
    for n, start in enumerate(opens):
        limit = opens[n + 1] if n + 1 < len(opens) else len(text)
        while c < len(closes) and closes[c] <= start:
            c += 1
        while q < len(double) and double[q].end <= start:
            q += 1
        if c == len(closes) or closes[c] >= limit or (q < len(double) and double[q].start <= start):
            continue
        end = closes[c]
        if _CUE_BEFORE.search(text, max(0, start - 60), start) or _CUE_AFTER.match(text, end + 1):
            kept_opens.append(start)
            kept_closes.append(end)
    return kept_opens, kept_closes


def _single_role(text: str, i: int) -> str | None:
    """'open', 'close', 'weak close' (a plural possessive could close here too: soldiers' pay) or
    None (an apostrophe) for the single mark at text[i]."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    boundary_before = before.isspace() or before in _BOUNDARY_BEFORE or before in "\"“"
    boundary_after = after.isspace() or after in _PUNCT_AFTER
    if boundary_before and not boundary_after:
        if text[i] == "’" or _ELISION.match(text, i):
            return None
        return "open"
    if boundary_after and not boundary_before:
        if before in "sS" and after.isspace():
            return "weak close"
        return "close"
    return None


def _single_speech_marks(text: str) -> tuple[list[int], list[int]]:
    """Offsets of the single marks that open and that close a quotation. An opener left open when
    the next opens stays in `opens` (a quotation running over paragraphs is reopened unclosed); a
    possible possessive closes only when no sure closing mark comes before the next opener."""
    marks = [(m.start(), role) for m in _SINGLE.finditer(text)
             if (role := _single_role(text, m.start())) is not None]
    # For each mark: does a sure closing mark follow before the next opener? (one pass from the end)
    sure_close_ahead = [False] * (len(marks) + 1)
    for n in range(len(marks) - 1, -1, -1):
        role = marks[n][1]
        sure_close_ahead[n] = role == "close" or (role != "open" and sure_close_ahead[n + 1])
    opens: list[int] = []
    closes: list[int] = []
    pending = False
    for n, (i, role) in enumerate(marks):
        if role == "open":
            opens.append(i)
            pending = True
        elif pending:
            if role == "weak close" and sure_close_ahead[n + 1]:
                continue
            closes.append(i)
            pending = False
    return opens, closes


def _unclosed(text: str, start: int, limit: int) -> Quote:
    """An opened quote never closed before `limit`: it ends at a paragraph break or the last
    sentence end before `limit`."""
    para = text.find("\n", start, limit)
    if para != -1:
        limit = para
    m = _LAST_SENTENCE_END.match(text, start, limit)
    end = m.end() if m else limit
    while end > start and text[end - 1].isspace():
        end -= 1
    return Quote(start, end, closed=False)
