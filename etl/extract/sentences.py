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

# The look-behind and possessive runs keep this linear on a megabyte of "!!!!" or ".....": a match is
# tried once per run of punctuation, not again from every character inside it.
_CANDIDATE = re.compile(r"(?<![.!?])[.!?]++[\"'”’)\]]*+\s+|\n\s*")
_NEXT_START = re.compile(r"[\"'“‘(\[]?[A-Z0-9ÀÉ—–-]")
_INITIALS = re.compile(r"(?:[a-z]\.)*[a-z]")
_LONGEST_WORD = 48


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int


def _ends_with_abbreviation(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] (a chunk ending in its full stop) ends with an abbreviation.

    Only the chunk's last few characters are looked at: copying the whole chunk for each full stop
    would cost quadratic time in a long run of "a. b. c." without capitals.
    """
    low = max(start, end - _LONGEST_WORD)
    tokens = text[low:end].rstrip(".!?\"'”’)]").split()
    if not tokens or (len(tokens) == 1 and low > start and not text[low - 1].isspace()):
        return False  # no word, or one longer than any abbreviation
    word = tokens[-1].lstrip("(\"'“‘").lower()
    if not word:
        return False
    if word in ABBREVIATIONS:
        return True
    # Initials such as "J." or "U.S." in names and acronyms.
    return bool(_INITIALS.fullmatch(word))


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
                    and _ends_with_abbreviation(text, start, m.start() + 1):
                continue
        _append(out, text, start, m.end())
        start = m.end()
    _append(out, text, start, len(text))
    return out


# Extraction looks around each number and cue within its sentence, so a garbled "sentence" of many
# kilobytes (no punctuation) would cost quadratic time; such runs are cut at a space instead.
MAX_SENTENCE = 1500


def _append(out: list[Sentence], text: str, start: int, end: int) -> None:
    """Add text[start:end] stripped, cut into pieces of at most MAX_SENTENCE characters.

    A loop, not recursion: a run of megabytes without punctuation must not hit the stack limit.
    """
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        _append_piece(out, text, start, cut)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    _append_piece(out, text, start, end)


def _append_piece(out: list[Sentence], text: str, start: int, end: int) -> None:
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(text[start:end], start, end))
