"""The contract's rows as typed records.

Every table's column names, order and meaning live here; the CSV header, the store schema and the
documentation are derived from these classes, so a column is renamed in one place only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from datetime import date

CATEGORIES = ("killed", "injured", "casualties", "missing", "captured", "displaced", "deployed")
GROUPS = ("civilians", "children", "military", "people", "other")
SIDES = ("ukraine", "russia", "other", "unknown")
QUALIFIERS = ("exact", "at_least", "about", "up_to", "vague")
THIS_WAR = "russia-ukraine"
PRECISIONS = ("settlement", "district", "oblast", "country")
KINDS = ("direct", "indirect", "mixed")


@dataclass(frozen=True)
class Article:
    """One news article as read from an input file (text is kept for extraction, not exported)."""

    article_id: str
    published: date | None
    title: str
    source: str
    tags: tuple[str, ...]
    url: str
    path: str
    text: str = field(repr=False)

    @property
    def words(self) -> int:
        return count_words(self.text)


_SPACE = re.compile(r"\s")
_WORDS_AT_ONCE = 1 << 20


def count_words(text: str) -> int:
    """len(text.split()), read a megabyte at a time: a book-length text split at once would be
    millions of strings in memory just to be counted."""
    if len(text) <= _WORDS_AT_ONCE:
        return len(text.split())
    count = start = 0
    while start < len(text):
        space = _SPACE.search(text, min(start + _WORDS_AT_ONCE, len(text)))
        end = space.start() if space else len(text)
        count += len(text[start:end].split())
        start = end
    return count


@dataclass(frozen=True)
class Figure:
    """A number of people affected by the war, as reported in one sentence of one article."""

    figure_id: str
    article_id: str
    published: date | None
    value: int
    value_high: int | None
    qualifier: str
    category: str
    group: str
    side: str
    period_start: date | None
    period_end: date | None
    cumulative: bool
    reported_by: str | None
    location: str | None
    sentence: str
    # reported_by as written in the article (its fullest form there); this is the registry's one
    # name for that actor, so "Zelenskyy" and "the Ukrainian president" filter together.
    reported_by_actor: str | None = None
    # Which conflict the people counted belong to: "russia-ukraine" for this war, a slug from
    # data/conflicts.csv for another one, "none" for counts of no conflict (accidents, the pandemic).
    conflict: str = THIS_WAR
    # The extraction rule that produced the row, so a wrong row can be traced to its rule.
    rule: str | None = None
    # Where: `location` resolved against the gazetteer; empty when it names no known place.
    place: str | None = None
    admin1: str | None = None  # oblast (or the country's first-level division)
    country: str | None = None  # ISO 3166-1 alpha-2
    lat: float | None = None
    lon: float | None = None
    place_precision: str | None = None  # settlement, district, oblast, country


@dataclass(frozen=True)
class Statement:
    """What a person or organisation said, with the sentence that attributes it."""

    statement_id: str
    article_id: str
    published: date | None
    speaker: str
    speaker_role: str | None
    kind: str
    quote: str
    cue: str | None
    said_on: date | None
    sentence: str
    # speaker as written in the article (its fullest form there); actor is the registry's one
    # name for that speaker, or the speaker itself when the registry does not know them.
    actor: str | None = None
    # The extraction rule that produced the row, so a wrong row can be traced to its rule.
    rule: str | None = None


@dataclass(frozen=True)
class Rejection:
    """An input item that could not be loaded, and why, in words a person understands."""

    path: str
    line: int | None
    reason: str


ARTICLE_COLUMNS = ("article_id", "published", "title", "source", "tags", "url", "path", "words")
FIGURE_COLUMNS = tuple(f.name for f in fields(Figure))
STATEMENT_COLUMNS = tuple(f.name for f in fields(Statement))
REJECTION_COLUMNS = tuple(f.name for f in fields(Rejection))
