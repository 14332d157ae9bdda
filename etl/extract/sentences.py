"""Split article text into sentences that keep their character offsets.

Offsets matter: evidence sentences are copied from the text exactly, and the article page
highlights them, so a sentence is always a slice text[start:end].
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Tokens that end with a full stop without ending a sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt sgt cpl pvt adm rep sen gov st mt ft no nos vs etc
    jan feb mar apr jun jul aug sep sept oct nov dec inc ltd co corp jr sr rev hon pres approx est
    fig u.s u.k u.n e.g i.e a.m p.m d.c""".split()
)

_CANDIDATE = re.compile(r"[.!?]+[\"'”’)\]]*\s+|\n\s*")
_NEXT_START = re.compile(r"[\"'“‘(\[]?[A-Z0-9ÀÉ—–-]")


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int


def _ends_with_abbreviation(chunk: str) -> bool:
    tokens = chunk.rstrip(".!?\"'”’)]").split()
    word = tokens[-1] if tokens else ""
    word = word.lstrip("(\"'“‘").lower()
    if not word:
        return False
    if word in ABBREVIATIONS:
        return True
    # Initials such as "J." or "U.S." in names and acronyms.
    return bool(re.fullmatch(r"(?:[a-z]\.)*[a-z]", word))


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` in order, each stripped of surrounding whitespace."""
    out: list[Sentence] = []
    start = 0
    for m in _CANDIDATE.finditer(text):
        end = m.end()
        boundary = m.group(0)
        if "\n" not in boundary:
            if not _NEXT_START.match(text, end):
                continue
            if boundary.lstrip(".").startswith(("!", "?")) is False and boundary[0] == "." \
                    and _ends_with_abbreviation(text[start:m.start() + 1]):
                continue
        _append(out, text, start, m.end())
        start = m.end()
    _append(out, text, start, len(text))
    return out


# Extraction looks around each number and cue within its sentence, so a garbled "sentence" of many
# kilobytes (no punctuation) would cost quadratic time; such runs are cut at a space instead.
MAX_SENTENCE = 1500


def _append(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        _append(out, text, start, cut)
        _append(out, text, cut, end)
        return
    if end > start:
        out.append(Sentence(text[start:end], start, end))
