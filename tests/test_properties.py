"""Whatever text an article holds, extraction never raises and its evidence is the article's own text.

Hypothesis builds text from the words the extractors look for (counts, casualty words, speech verbs,
quotation marks, dates, titles) mixed with arbitrary characters, so it reaches the grammar's corners
that uniform noise never does.
"""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from etl.actors import ActorRegistry
from etl.extract.article import extract_article
from etl.extract.numbers import QUALIFIERS as QUALIFIER_WORDS
from etl.extract.numbers import find_numbers, parse_number, words_to_int
from etl.extract.periods import parse_date, resolve_period, statement_day
from etl.extract.sentences import split_sentences
from etl.model import CATEGORIES, GROUPS, KINDS, QUALIFIERS, SIDES, Article
from etl.readers.fields import date_from_name, published_date

SETTINGS = settings(max_examples=300, deadline=None)
# The store keeps counts as BIGINT.
BIGINT_MAX = 2**63 - 1

WORDS = st.sampled_from([
    "killed", "were killed", "injured", "wounded", "died", "dead", "missing", "captured", "evacuated",
    "displaced", "civilians", "soldiers", "troops", "people", "children", "residents", "prisoners",
    "said", "says", "told reporters", "according to", "added", "denied", "claimed", "wrote on Telegram",
    "President", "Volodymyr Zelensky", "Zelenskyy", "the Ukrainian president", "the General Staff",
    "regional governor", "Oleh Syniehubov", "Mr.", "Dr.", "U.S.", "he", "she", "they", "it", "who",
    "at least", "about", "more than", "up to", "nearly", "between", "and", "to", "or", "of", "from",
    "dozens of", "hundreds", "thousands of", "tens of thousands", "a dozen", "Thirty-one",
    "two hundred and fifty", "one", "1,152", "1.5 million", "15k", "zero", "$5 million", "50%",
    "since the invasion began", "so far", "on Tuesday", "Tuesday night into Wednesday", "yesterday",
    "in March", "May", "March 5", "5 March 2024", "Feb. 30", "31 April", "from 2014 to 2016",
    "from 2020 to 2014", "as of Aug. 21", "last week", "last month", "over the past 3 days", "each day",
    "in 2030", "since 2014", "the deadliest since May", "Kharkiv", "in Kyiv", "Russia", "Ukraine's",
    "Moscow", "Donetsk region", "which", "when",
])
MARKS = st.sampled_from([
    ".", ". ", ", ", "\n", "\n\n", '"', "“", "”", "'", "‘", "’", "«", "»", "(", ")", "[", "]", ":",
    ";", "—", " - ", "?", "!", "...", "…", " ", "\t", "\u00a0", "\u2028", "#",
])
DIGITS = st.from_regex(r"[0-9][0-9,.]{0,30}", fullmatch=True)
PIECES = st.one_of(WORDS, MARKS, DIGITS, st.text(max_size=12))
NEWSY = st.lists(st.tuples(PIECES, st.sampled_from(["", " ", " "])), max_size=60).map(
    lambda parts: "".join(p + sep for p, sep in parts))
ANY_TEXT = NEWSY | st.text(max_size=300)
# Readers only give publication dates from 1900 to today (etl/readers/fields.py); None is "no date".
PUBLISHED = st.none() | st.dates(min_value=date(1900, 1, 1), max_value=date.today())


# -- sentences ------------------------------------------------------------------------------------


@SETTINGS
@given(text=ANY_TEXT)
def test_every_sentence_is_the_exact_slice_of_the_text(text):
    sentences = split_sentences(text)
    previous_end = 0
    for s in sentences:
        assert s.text == text[s.start:s.end]
        assert s.text and s.text == s.text.strip()
        assert previous_end <= s.start < s.end <= len(text)
        previous_end = s.end
    # Only whitespace lies between and around sentences: nothing of the text is lost.
    covered = "".join(text[a:b] for a, b in zip([0] + [s.end for s in sentences],
                                                [s.start for s in sentences] + [len(text)]))
    assert not covered.strip()


# -- numbers --------------------------------------------------------------------------------------


@SETTINGS
@given(text=ANY_TEXT)
def test_counts_found_in_any_text_are_positive_spans_of_it(text):
    for n in find_numbers(text):
        assert 0 <= n.start < n.end <= len(text)
        assert isinstance(n.value, int) and n.value > 0
        assert n.value_high is None or n.value_high > n.value
        assert n.qualifier in {"exact", "vague", *QUALIFIER_WORDS.values()}


@SETTINGS
@example(text="Officials said 99999999999999999999999 people died.")
@given(text=ANY_TEXT)
def test_counts_found_in_any_text_fit_the_store(text):
    for n in find_numbers(text):
        assert n.value <= BIGINT_MAX and (n.value_high or 0) <= BIGINT_MAX


@SETTINGS
@given(text=ANY_TEXT | st.from_regex(r"[0-9,]{1,40}(\.[0-9]{1,5})?( ?(million|k|bn|hundred))?", fullmatch=True))
def test_parsing_a_number_gives_an_int_or_none(text):
    for parse in (parse_number, words_to_int):
        value = parse(text)
        assert value is None or isinstance(value, int)


def test_a_run_of_400_digits_is_no_count_and_no_crash():
    assert find_numbers("1" * 400 + " people were killed") == []


def test_words_to_int_of_many_dozens_does_not_recurse_without_end():
    words_to_int("dozen " * 1200)


# -- periods and dates ----------------------------------------------------------------------------


@SETTINGS
@given(text=ANY_TEXT, published=PUBLISHED, at=st.none() | st.integers(0, 400))
def test_a_resolved_period_is_two_dates_and_needs_a_publication_date(text, published, at):
    period = resolve_period(text, published, at)
    if published is None:
        assert period is None
    elif period is not None:
        assert isinstance(period.start, date) and isinstance(period.end, date)
    day = statement_day(text, published)
    assert day is None or (published is not None and day <= published)


@SETTINGS
@example(text="From 2020 to 2014, 300 civilians were killed.", published=date(2024, 5, 1), at=None)
@given(text=ANY_TEXT, published=PUBLISHED, at=st.none() | st.integers(0, 400))
def test_a_resolved_period_never_ends_before_it_starts(text, published, at):
    period = resolve_period(text, published, at)
    assert period is None or period.start <= period.end


@SETTINGS
@given(text=ANY_TEXT | st.from_regex(r"\d{1,5}[./ -]\d{1,3}[./ -]\d{1,5}", fullmatch=True))
def test_parsing_a_date_gives_a_date_or_none(text):
    found = parse_date(text)
    assert found is None or isinstance(found, date)


@SETTINGS
@given(value=ANY_TEXT | st.dates().map(str) | st.from_regex(
    r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}(T\d\d:\d\d(:\d\d)?Z?)?", fullmatch=True) | st.none() | st.integers())
def test_a_publication_date_is_plausible_or_none(value):
    # Impossible, pre-1900 and future dates are no date: the article loads without one.
    for found in (published_date(value), date_from_name(value) if isinstance(value, str) else None):
        assert found is None or date(1900, 1, 1) <= found <= date.today()


# -- whole articles -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def actors() -> ActorRegistry:
    return ActorRegistry.load()


@SETTINGS
@given(text=ANY_TEXT, title=st.text(max_size=40), published=PUBLISHED)
def test_every_figure_and_statement_comes_from_the_article_text(actors, text, title, published):
    article = Article("p-1", published, title, "Example Wire", (), "", "p.txt", text)
    figures, statements = extract_article(article, actors)
    for f in figures:
        assert f.sentence and f.sentence in text
        assert f.value > 0 and (f.value_high is None or f.value_high > f.value)
        assert f.category in CATEGORIES and f.group in GROUPS and f.side in SIDES
        assert f.qualifier in QUALIFIERS
        assert (f.period_start is None) == (f.period_end is None)
        assert f.published == published
    for s in statements:
        assert s.sentence and s.sentence in text
        assert s.quote and s.quote in text, f"quote {s.quote!r} is not in the text"
        assert s.quote in s.sentence
        assert s.speaker and s.speaker.strip() == s.speaker
        assert s.kind in KINDS
        assert s.said_on is None or (published is not None and s.said_on <= published)
    ids = [f.figure_id for f in figures] + [s.statement_id for s in statements]
    assert len(ids) == len(set(ids))
