"""Find quotations: the spans of text between double quotation marks, straight or curly.

News text is messy: straight and curly marks are mixed (“...."), a quote running over several
paragraphs is reopened without being closed, and flattened text loses the paragraph breaks. A mark
is taken as opening or closing from the characters around it; an unclosed quotation ends where the
next one opens (or at a paragraph break), trimmed back to the last sentence end before it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_MARK = re.compile(r"[\"“”„«»]")
_OPENERS = "“„«"
_CLOSERS = "”»"
_LAST_SENTENCE_END = re.compile(r".*[.!?…](?=\s)", re.S)


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
