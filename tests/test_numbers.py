"""Counts read from sentences: digits, words, ranges, qualifiers, vague plurals, and what is not a count."""
from __future__ import annotations

import pytest

from etl.extract.numbers import find_numbers, parse_number, words_to_int


def counts(sentence: str) -> list[tuple[int, int | None, str]]:
    return [(n.value, n.value_high, n.qualifier) for n in find_numbers(sentence)]


@pytest.mark.parametrize("text, value", [
    ("1152", 1152), ("1,152", 1152), ("100,000", 100_000), ("1.5 million", 1_500_000),
    ("2.04 million", 2_040_000), ("15 thousand", 15_000), ("two", 2), ("Thirty-one", 31),
    ("a dozen", 12), ("two dozen", 24), ("two hundred and fifty", 250), ("three thousand five hundred", 3500),
    ("a hundred", 100),
])
def test_a_number_written_in_digits_or_words_reads_as_its_value(text, value):
    assert parse_number(text) == value


def test_words_that_are_not_numbers_are_refused():
    assert words_to_int("several") is None


def test_every_count_in_a_sentence_is_found_in_order():
    assert counts("In all, 589 people were killed and 1152 injured, and two more died later.") == [
        (589, None, "exact"), (1152, None, "exact"), (2, None, "exact")]


@pytest.mark.parametrize("sentence, expected", [
    ("between 15,000 and 20,000 soldiers", (15_000, 20_000, "exact")),
    ("6,000 to 7,000 troops", (6000, 7000, "exact")),
    ("6,000-7,000 troops", (6000, 7000, "exact")),
    ("about 40 or 50 children", (40, 50, "about")),
    ("from more than 15,000 to over 20,000 dead", (15_000, 20_000, "at_least")),
    ("two or three people", (2, 3, "exact")),
    ("between 8 and 12 million people", (8_000_000, 12_000_000, "exact")),
    ("1.5-2 million refugees", (1_500_000, 2_000_000, "exact")),
    ("two or three hundred people", (200, 300, "exact")),
])
def test_ranges_keep_both_ends(sentence, expected):
    assert counts(sentence) == [expected]


def test_a_toll_that_rose_from_one_count_to_another_is_two_counts():
    assert counts("The toll rose from 10 to 25.") == [(10, None, "exact"), (25, None, "exact")]


def test_a_coordination_is_not_a_range():
    assert counts("killing 7 and wounding 11") == [(7, None, "exact"), (11, None, "exact")]


@pytest.mark.parametrize("words, qualifier", [
    ("at least", "at_least"), ("more than", "at_least"), ("over", "at_least"),
    ("upwards of", "at_least"), ("about", "about"), ("around", "about"), ("roughly", "about"),
    ("some", "about"), ("an estimated", "about"), ("nearly", "about"), ("almost", "about"),
    ("up to", "up_to"), ("as many as", "up_to"),
])
def test_qualifiers_before_a_count(words, qualifier):
    assert counts(f"Officials said {words} 40 people were hurt.") == [(40, None, qualifier)]


@pytest.mark.parametrize("words, value", [
    ("dozens", 12), ("scores", 20), ("hundreds", 100), ("thousands", 1000),
    ("tens of thousands", 10_000), ("hundreds of thousands", 100_000), ("several hundred", 100),
    ("millions", 1_000_000),
])
def test_vague_plurals_are_kept_as_vague_with_a_conservative_floor(words, value):
    assert counts(f"{words} of people fled") == [(value, None, "vague")]


@pytest.mark.parametrize("sentence", [
    "The package is worth $5 million.",
    "It cost 300 million euros and 40 billion rubles.",
    "The war began in 2022 and the first clashes were in 2014.",
    "A 45-year-old man and his 12-year-old son were hurt.",
    "Two children aged 4 and 16 were hurt.",
    "Ivan, 24, a mechanic, was hurt.",
    "Turnout was 13% and support 40 percent.",
    "The front is 20 km away, or 12 miles, and the convoy carried 300 tons.",
    "The strike came at 10:30 on March 1, and again on 24 February and Aug. 21.",
    "The Su-25 and S-300 systems were hit.",
    "Around two thirds of the country's 7.8 million children have left.",
    "Men under 60 must stay.",
    "The siege lasted 18 months, and shelling went on for 24 hours.",
])
def test_numbers_that_cannot_count_people_are_left_out(sentence):
    exact = [c for c in counts(sentence) if c[2] != "vague"]
    assert exact in ([], [(2, None, "exact")])  # only "Two children" may remain


def test_zero_counts_nobody():
    assert counts("after 18 months of zero casualties") == []


def test_a_four_digit_count_of_people_is_not_taken_for_a_year():
    assert counts("Some 2000 people fled.") == [(2000, None, "about")]
    assert counts("In 2000 people fled.") == [(2000, None, "exact")]


def test_offsets_cover_the_qualifier_and_the_range():
    sentence = "Officials said between 60 and 100 soldiers died."
    (n,) = find_numbers(sentence)
    assert sentence[n.start:n.end] == "between 60 and 100"


@pytest.mark.parametrize("sentence", [
    "It was the worst fighting since World War Two.",
    "Leaders of the Group of Seven met in Germany.",
    "Over half the population of 100,000 fled the city.",
    "Ukraine, a nation of 44 million, was invaded.",
    "The city is home to 1.5 million people.",
    "The average age of the reservists called up was 35.",
    "She was sentenced to 9 1/2 years in prison.",
    "He got seven and a half years.",
    "The mother of two was arrested.",
    "Men between the ages of 18 and 60 may not leave.",
    "It would draft 300,000 out of 25 million.",
])
def test_numbers_in_names_populations_ages_and_terms_are_not_counts(sentence):
    assert [c for c in counts(sentence) if c[0] not in (300_000,)] == []


def test_tens_and_units_written_apart_are_one_number():
    assert counts("Eighty six people have been killed.") == [(86, None, "exact")]


def test_a_home_to_a_few_people_is_no_population():
    assert counts("He opened his home to 19 refugees.") == [(19, None, "exact")]
