"""Very long articles are extracted in parts, so no article can cost more than linear time.

Extraction looks at each sentence in the light of the article around it (who was named, who spoke
last), and some of that costs more than linear time in the article's length. An article longer than
PART_CHARS characters (a book-length report, a transcript, a concatenated export) is therefore
extracted in parts of at most that size, cut at a paragraph break where there is one (else at a
line break, a sentence end, a space). The article itself stays whole: one row, one id, its whole
text; its figures and statements are numbered on across the parts in text order. A part is the
whole article's fields with a slice of its text, so evidence sentences are still the article's own.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from etl.model import Article

# Larger than any article of the real corpus (the longest is 123 KiB), so ordinary articles are
# extracted whole; small enough that one part takes well under a second.
PART_CHARS = 128 * 1024
_SEPARATORS = ("\n\n", "\n", ". ", " ")


@dataclass(frozen=True)
class Part:
    article: Article  # the part as an article: the whole article's id and fields, a slice of its text
    index: int  # 0-based
    total: int
    start: int  # where the slice starts in the whole text
    end: int

    def describe(self) -> str:
        """'' for a whole article, else which part this is, for messages."""
        if self.total == 1:
            return ""
        return f"part {self.index + 1} of {self.total} (characters {self.start:,}-{self.end:,})"


def split(article: Article, limit: int = PART_CHARS) -> Iterator[Part]:
    """The article as one Part, or as parts of at most `limit` characters; slices are made lazily."""
    bounds = _bounds(article.text, limit)
    if len(bounds) == 1:
        yield Part(article, 0, 1, 0, len(article.text))
        return
    for index, (start, end) in enumerate(bounds):
        yield Part(replace(article, text=article.text[start:end]), index, len(bounds), start, end)


def _bounds(text: str, limit: int) -> list[tuple[int, int]]:
    out, start = [], 0
    while len(text) - start > limit:
        cut = _cut(text, start, start + limit)
        out.append((start, cut))
        start = cut
    out.append((start, len(text)))
    return out


def _cut(text: str, start: int, stop: int) -> int:
    """Where to end a part that starts at `start`: the last separator in its second half."""
    low = start + (stop - start) // 2
    for separator in _SEPARATORS:
        at = text.rfind(separator, low, stop)
        if at >= 0:
            return at + len(separator)
    return stop
