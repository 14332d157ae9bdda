"""The text the attribution rules read: units of narration with their quotations masked.

A unit is a sentence, or several while a quotation runs across their boundary. Quotations are
masked (each character replaced by MASK, so offsets hold) so that speech verbs and speaker phrases
are only looked for in the narrator's words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from etl.extract.quotes import Quote
from etl.extract.sentences import Sentence

MASK = "\x00"
# A unit spans at most this many characters: quotations that run on for pages (a transcript, an
# unclosed mark) are cut at a sentence, so that the rules' work per unit stays bounded.
MAX_UNIT = 4000


@dataclass
class Unit:
    start: int
    end: int
    text: str
    masked: str


def mask_quotes(text: str, quotes: list[Quote]) -> str:
    parts, last = [], 0
    for q in quotes:
        parts.append(text[last:q.start])
        parts.append(MASK * (q.end - q.start))
        last = q.end
    parts.append(text[last:])
    return "".join(parts)


def build_units(text: str, masked: str, sentences: list[Sentence], quotes: list[Quote]) -> list[Unit]:
    """Sentences merged while a quotation runs across their boundary."""
    units: list[Unit] = []
    qi = 0
    start = end = None
    for s in sentences:
        if start is None:
            start, end = s.start, s.end
            continue
        while qi < len(quotes) and quotes[qi].end <= end:
            qi += 1
        if qi < len(quotes) and quotes[qi].start < end and quotes[qi].end > end and s.end - start <= MAX_UNIT:
            end = s.end
            continue
        units.append(Unit(start, end, text[start:end], masked[start:end]))
        start, end = s.start, s.end
    if start is not None:
        units.append(Unit(start, end, text[start:end], masked[start:end]))
    return units


def is_blank(unit: Unit) -> bool:
    return not unit.text.strip()


_WORD = re.compile(r"[\w\x00]+")


def count_words(s: str) -> int:
    return len(_WORD.findall(s))


_OPENING_MARK = re.compile(r"\s*[\"“”„«]")
_AFTER_QUOTATION = re.compile(r"[\"”“»]?[\s,.;:!?]*(?:\s(?:in|on|at|to)\s[^\x00]{0,40})?")


def single_quote(unit: Unit, start: int, end: int) -> tuple[int, int] | None:
    """Inner span when text[start:end] is one quotation (marks and stray punctuation aside)."""
    masked = unit.masked
    m = _OPENING_MARK.match(masked, start, end)
    if not m:
        return None
    q_start = m.end()
    q_end = q_start
    while q_end < end and masked[q_end] == MASK:
        q_end += 1
    if q_end > q_start and _AFTER_QUOTATION.fullmatch(masked, q_end, end):
        return q_start, q_end
    return None


def is_quote_span(unit: Unit, content: tuple[int, int]) -> bool:
    return single_quote(unit, *content) is not None


def starts_with_quote_at(masked: str, pos: int) -> bool:
    return bool(_OPENING_MARK.match(masked, pos, pos + 3))


def starts_with_quote(unit: Unit, span: tuple[int, int]) -> bool:
    return bool(_OPENING_MARK.match(unit.masked, span[0], span[1]))
