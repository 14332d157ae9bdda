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


def test_a_list_of_days_takes_the_year_written_after_it():
    assert period("bombs fell on August 6 and 9, 1945, respectively") == Period(date(1945, 8, 6), date(1945, 8, 6))
    # Without a year after the list, "and 9 people" is a count, not a day.
    assert period("On August 6 and 9 people died.") == Period(date(2025, 8, 6), date(2025, 8, 6))


@pytest.mark.parametrize("sentence", [
    "4,000 troops were killed between August 6 and 10 in the south.",
    "From 6 to 10 August, 40 were killed.",
    "On August 6-10, 2025, 40 died.",
])
def test_a_span_of_days_is_all_of_them(sentence):
    assert period(sentence) == Period(date(2025, 8, 6), date(2025, 8, 10))


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


def test_the_intervening_years_are_a_span_up_to_publication():
    assert period("Over the intervening eight years, over 14,000 were killed.").start.year == 2017


@pytest.mark.parametrize("sentence, end", [
    ("Shoigu said on June 7 that 6,500 fighters have been detained since the start of the operation.",
     date(2025, 6, 7)),
    ("The UN said in an update last month that 2,345 civilians had been killed since February 24.",
     date(2025, 8, 31)),
])
def test_a_running_total_ends_when_the_sentence_says_it_was_given(sentence, end):
    assert period(sentence).end == end


def test_a_day_followed_by_a_comma_and_a_count_is_still_a_day():
    sentence = "72,000 troops were killed since the invasion on February 24, more than a thousand last weekend."
    assert period(sentence, date(2022, 11, 2), 0) == Period(date(2022, 2, 24), date(2022, 11, 2), True)
    assert period("In December 5,000 people died.") == Period(date(2024, 12, 1), date(2024, 12, 31))


def test_a_time_opening_the_next_clause_does_not_date_the_count_before_it():
    sentence = "Five people were killed and on Monday three more died."
    assert period(sentence, THU, 0) is None
    assert period(sentence, THU, sentence.index("three")) == Period(date(2025, 9, 1), date(2025, 9, 1))


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


MAY = date(2022, 5, 13)


@pytest.mark.parametrize("sentence, expected", [
    ("Since Russia invaded Ukraine on 24 February, at least 2,345 civilians were killed.",
     Period(INVASION_START, MAY, True)),
    ("5,587 civilians have been killed in the invasion of Ukraine that began on Feb. 24.",
     Period(INVASION_START, MAY, True)),
    ("The UN recorded 1,189 deaths as of March 28.", Period(INVASION_START, date(2022, 3, 28), True)),
    ("By mid-March, 1,000 people had been killed.", Period(INVASION_START, date(2022, 3, 31), True)),
    ("In the weeks after the invasion, police detained more than 15,000 people.",
     Period(INVASION_START, MAY, True)),
])
def test_running_totals_start_where_the_text_says_and_end_at_the_as_of_date(sentence, expected):
    assert period(sentence, MAY) == expected


def test_years_ago_decades_and_centuries_date_the_past():
    assert period("Seventy-five million people died 70 years ago.", MAY) == Period(
        date(1952, 1, 1), date(1952, 12, 31))
    assert period("The famine of the early 1930s killed millions.", MAY) == Period(
        date(1930, 1, 1), date(1933, 12, 31))
    assert period("In 1932-33, about 4 million people died.", MAY) == Period(
        date(1932, 1, 1), date(1933, 12, 31))
    assert period("100 million were killed over the last century.", MAY).start == date(1922, 1, 1)


def test_no_figure_period_ends_after_publication():
    from etl.extract.figure_periods import figure_period

    sentence = "The war, which killed more than 14,000 people between 2014 and 2022, went on."
    p = figure_period(sentence, MAY, sentence.index("14,000"), sentence.index(" people"), 14_000,
                      "killed")
    assert (p.start, p.end) == (date(2014, 1, 1), MAY)
    sentence = "Troops will rise to 1.15 million by the end of next year."
    assert figure_period(sentence, MAY, 20, 32, 1_150_000, "deployed") is None

def test_no_figure_of_this_war_is_dated_before_2014_or_after_its_article(tmp_path):
    """Over real articles (every fourth of the shared corpus): a period before 2014 means another
    conflict, and no figure describes a time after its article was published."""
    import csv
    from itertools import islice
    from pathlib import Path

    from etl.pipeline import run

    corpus = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "ukraine-media.jsonl"
    if not corpus.exists():
        pytest.skip("the shared corpus is not on this machine")
    sample = tmp_path / "sample.jsonl"
    with open(corpus, encoding="utf-8") as f:
        sample.write_text("".join(islice(f, 0, None, 4)), encoding="utf-8")
    run([sample], tmp_path / "out", workers=2, progress=False)
    with open(tmp_path / "out" / "figures.csv", newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["conflict"] == "russia-ukraine"]
    assert len(rows) > 400
    early = [r["sentence"] for r in rows if r["period_start"] and r["period_start"] < "2014-01-01"]
    late = [r["sentence"] for r in rows
            if r["period_end"] and r["published"] and r["period_end"] > r["published"]]
    assert early == [] and late == []
