"""The layout of an article saved as plain lines: tag lines, a title, a date line, the body.

    #War
    #Russia/USA
    Bloomberg: Amid peace agreement talks, Russia prepares a new offensive
    2025.09.04
    Despite ... (body paragraphs)
    Photo: Bloomberg
    a

Lines that are never prose (hashtag lines, a date on its own line, photo credits, "Read also:"
promos, stray one-character lines) are taken out of the body wherever they stand. Used by the
.txt reader and, after markup is stripped, by the .md reader.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from etl.model import Article, Rejection
from etl.readers.fields import (FieldError, article_from_record, clean_tag, date_from_match,
                                date_from_name, match_date)
from etl.readers.outlets import source_from_title

MAX_TITLE_CHARS = 250
SHORT_TITLE_CHARS = 120
# A line this long that does not end a sentence was wrapped by an editor, not ended by the author.
WRAPPED_LINE_CHARS = 40

# "#War", "#Russia/USA", "#Kharkiv Oblast", "#War #Ukraine": short, and not a sentence.
_TAG_LINE = re.compile(r"(?:#[^\s#][^#]*)+")
MAX_TAG_LINE_CHARS = 60
_DATE_WORDS = frozenset(
    """published updated posted modified date on at am pm a m p utc gmt eet eest cet cest msk est
    edt pst pdt bst kyiv kiev moscow time local monday tuesday wednesday thursday friday saturday
    sunday mon tue tues wed thu thur thurs fri sat sun""".split()
)
_WORD = re.compile(r"[^\W\d_]+")
_CREDIT = re.compile(
    r"(?:(?:cover|main|illustrative|featured|lead|top)\s+)?"
    r"(?:photos?|images?|pictures?|videos?|illustrations?|graphics?|credits?|sources?)"
    r"(?:\s+credits?)?\s*(?:[:©—–|/-]|by\b)\s*\S"
    r"|(?:©|\(c\))\s*\S"
    r"|(?:(?:read|see|watch)\s+(?:also|more|too)|also\s+read)\b"
    r"|related(?:\s+(?:news|stories|articles?))?\s*[:—–-]",
    re.I,
)
# "By Jane Doe", "Reporting by ...": a byline names the author, it does not report anything.
_BYLINE = re.compile(r"(?:by|written by|reporting by|text by|author:)\s+\S.{0,60}", re.I)
MAX_CREDIT_CHARS = 100
_SENTENCE_END = re.compile(r"[.!?…:;\"”’»)\]]\s*$")
_LIST_ITEM = re.compile(r"(?:[-*•·–—]|\d{1,3}[.)])\s")


@dataclass(frozen=True)
class Layout:
    title: str
    published: date | None
    tags: tuple[str, ...]
    source: str
    text: str


def _is_date_line(line: str) -> tuple[bool, date | None]:
    """Whether the line is just a date (with words like "Published", a weekday, a time)."""
    if len(line) > 60:
        return False, None
    m = match_date(line)
    if m is None:
        return False, None
    rest = line[:m.start()] + " " + line[m.end():]
    if all(word.lower() in _DATE_WORDS for word in _WORD.findall(rest)):
        return True, date_from_match(m)
    return False, None


def _is_noise(line: str) -> bool:
    """Stray characters, credits and bylines: "a", "***", "Photo: Bloomberg", "Read also: ..."."""
    if len(line) <= 1 or not any(ch.isalnum() for ch in line):
        return True
    if _BYLINE.fullmatch(line) and not _SENTENCE_END.search(line):
        return True
    return len(line) <= MAX_CREDIT_CHARS and _CREDIT.match(line) is not None


def _join_wrapped(block: list[str]) -> list[str]:
    """Paragraphs of a block of consecutive lines, re-joining lines an editor hard-wrapped: a line
    continues the paragraph before it while that paragraph is long and does not end a sentence.

    Each paragraph's lines are collected and joined once (its end is its last line's end): joining
    the growing paragraph at every line would cost quadratic time in a long block wrapped without
    full stops.
    """
    out: list[list[str]] = [[block[0]]]
    length = len(block[0])  # of the paragraph being collected, as joined
    for line in block[1:]:
        if length >= WRAPPED_LINE_CHARS and not _SENTENCE_END.search(out[-1][-1]) \
                and not _LIST_ITEM.match(line):
            out[-1].append(line)
            length += 1 + len(line)
        else:
            out.append([line])
            length = len(line)
    return [" ".join(lines) for lines in out]


def _lines(text: str) -> Iterator[str]:
    """text.split("\n") one line at a time: a book-length text is not held twice as a list."""
    start = 0
    while (end := text.find("\n", start)) >= 0:
        yield text[start:end]
        start = end + 1
    yield text[start:]


def _short_title(line: str) -> str:
    cut = line[:SHORT_TITLE_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip(",;:–— ") + "…"


def parse_layout(text: str, title: str | None = None) -> Layout:
    """Split plain article text into title, date, tags and body; `title` if already known."""
    tags: list[str] = []
    published: date | None = None
    seen_date = False
    paragraphs: list[str] = []
    block: list[str] = []

    def end_block() -> None:
        if block:
            paragraphs.extend(_join_wrapped(block))
            block.clear()

    for raw in _lines(text):
        line = raw.strip()
        if not line:
            end_block()
            continue
        if len(line) <= MAX_TAG_LINE_CHARS and _TAG_LINE.fullmatch(line) \
                and not _SENTENCE_END.search(line):
            tags.extend(t for t in (clean_tag(word) for word in line.split("#")) if t)
            end_block()
            continue
        is_date, found = _is_date_line(line)
        if is_date:
            if not seen_date:
                seen_date, published = True, found
            end_block()
            continue
        if _is_noise(line):
            end_block()
            continue
        if title is None:
            if len(line) <= MAX_TITLE_CHARS:
                title = line
                continue
            title = _short_title(line)  # a first line this long is body text, not a headline
        block.append(line)
    end_block()
    body = "\n\n".join(paragraphs)
    title = title or ""
    return Layout(
        title=title,
        published=published,
        tags=tuple(dict.fromkeys(tags)),
        source=source_from_title(title, body),
        text=body,
    )


def article_from_layout(layout: Layout, path: Path, meta: Mapping[str, object] | None = None
                        ) -> Article | Rejection:
    """The article of one text file; `meta` (front matter) wins over what the layout found.

    The date falls back to one in the file name (2024-03-05_kyiv.txt).
    """
    if not layout.text:
        return Rejection(str(path), None, "no article text")
    try:
        article = article_from_record({**(meta or {}), "text": layout.text},
                                      default_id=path.stem, path=str(path))
    except FieldError as problem:
        return Rejection(str(path), None, f"front matter: {problem}")
    return replace(
        article,
        title=article.title or layout.title,
        published=article.published or layout.published or date_from_name(path.stem),
        tags=tuple(dict.fromkeys(article.tags + layout.tags)),
        source=article.source or layout.source,
    )
