"""Time expressions resolved against the publication date."""
from __future__ import annotations

from datetime import date

import pytest

from etl.extract.periods import INVASION_START, Period, parse_date, resolve_period, statement_day

THU = date(2025, 9, 4)  # a Thursday


def period(sentence: str, published: date = THU, at: int | None = None) -> Period | None:
    return resolve_period(sentence, published, at)


def test_a_month_is_the_whole_month_of_the_publication_year():
    assert period("In July 589 people were killed.") == Period(date(2025, 7, 1), date(2025, 7, 31))


def test_a_month_after_the_publication_month_rolls_back_a_year():
    assert period("In December 40 people were killed.") == Period(date(2024, 12, 1), date(2024, 12, 31))


def test_a_month_with_its_year_keeps_it():
    assert period("in March 2022 hundreds died") == Period(date(2022, 3, 1), date(2022, 3, 31))


def test_a_weekday_is_the_last_such_day_up_to_publication():
    assert period("Three people died on Tuesday.") == Period(date(2025, 9, 2), date(2025, 9, 2))
    assert period("Three people died on Thursday.") == Period(THU, THU)
    assert period("Sunday's shelling killed two.") == Period(date(2025, 8, 31), date(2025, 8, 31))


def test_a_night_spanning_two_weekdays():
    assert period("Strikes on Tuesday night into Wednesday killed 13.") == Period(
        date(2025, 9, 2), date(2025, 9, 3))


def test_since_the_invasion_is_a_running_total_up_to_publication():
    p = period("Since the invasion began, 5,000 civilians have been killed.")
    assert p == Period(INVASION_START, THU, cumulative=True)
    assert period("So far 200 children have been killed.") == Period(INVASION_START, THU, True)
    assert period("in six months of war 9,000 died") == Period(INVASION_START, THU, True)


def test_a_running_total_since_a_month_or_the_new_year():
    assert period("Since the start of August, 40 people have died.") == Period(
        date(2025, 8, 1), THU, True)
    assert period("Since May 2024 the town has lost 300 residents.") == Period(
        date(2024, 5, 1), THU, True)
    assert period("300 have died since the beginning of the year.") == Period(
        date(2025, 1, 1), THU, True)


def test_a_running_total_can_end_at_an_as_of_date():
    p = period("As of Aug. 21, 13,400 civilian casualties were recorded since Feb. 24.",
               date(2022, 8, 22))
    assert p == Period(INVASION_START, date(2022, 8, 21), True)


def test_a_total_dated_by_a_when_clause_ends_in_that_month():
    p = period("Moscow has not updated its figure since March, when it said 1,351 troops died.",
               date(2022, 5, 23))
    assert p == Period(INVASION_START, date(2022, 3, 31), True)


def test_a_superlative_since_compares_and_does_not_date():
    p = period("July was the deadliest month since May 2022: 589 people were killed.")
    assert p == Period(date(2025, 7, 1), date(2025, 7, 31))


def test_a_since_inside_someone_elses_relative_clause_is_ignored():
    sentence = "In Donetsk, which has been held by separatists since 2014, shelling killed one."
    assert period(sentence, date(2022, 8, 10), at=sentence.index("one")) is None


def test_relative_days_and_weeks():
    assert period("Overnight, 4 people died.") == Period(date(2025, 9, 3), THU)
    assert period("Yesterday two died.") == Period(date(2025, 9, 3), date(2025, 9, 3))
    assert period("Over the past day three died.") == Period(date(2025, 9, 3), THU)
    assert period("Last week 12 soldiers died.") == Period(date(2025, 8, 25), date(2025, 8, 31))
    assert period("Last month 30 died.") == Period(date(2025, 8, 1), date(2025, 8, 31))


def test_a_day_named_inside_a_week_dates_the_figure():
    assert period("Three officers died in last week's strike on the city on August 28.") == Period(
        date(2025, 8, 28), date(2025, 8, 28))


def test_an_explicit_day_and_a_span_of_years():
    assert period("On March 1, five people died.", date(2022, 6, 1)) == Period(
        date(2022, 3, 1), date(2022, 3, 1))
    assert period("From 2014 to 2016, up to 2,000 civilians were killed.") == Period(
        date(2014, 1, 1), date(2016, 12, 31))


def test_wording_that_looks_ahead_resolves_forward():
    assert period("troops rise to 1.15 million by the end of the year", date(2022, 8, 25)) == Period(
        date(2022, 8, 25), date(2022, 12, 31))


def test_a_rate_has_no_period():
    assert period("Between 60 and 100 soldiers are dying each day.") is None


def test_the_time_nearest_the_figure_wins():
    sentence = "On Monday officials said that on Sunday 7 people were killed."
    assert period(sentence, at=sentence.index("7")) == Period(date(2025, 8, 31), date(2025, 8, 31))


def test_no_time_gives_none():
    assert period("Five people were killed.") is None


@pytest.mark.parametrize("sentence, day", [
    ("She said on Wednesday that it was over.", date(2025, 9, 3)),
    ("He said yesterday.", date(2025, 9, 3)),
    ("He said.", None),
])
def test_statement_day(sentence, day):
    assert statement_day(sentence, THU) == day


def test_parse_date_reads_usual_formats():
    assert parse_date("2025.09.04") == THU
    assert parse_date("4 September 2025") == THU
