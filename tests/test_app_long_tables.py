"""Tables longer than a page: the first rows shown are the first rows of the whole table, and the
row counts in captions and download labels count every row, not just those shown."""
from __future__ import annotations

from datetime import date, timedelta

import duckdb
import pytest

from app import queries
from app.filters import Filters
from conftest import build_store
from etl.model import Article, Figure, Statement

DAYS = 60
CLAIMS_PER_DAY = 30  # many claims placed on the same day: ties at the display limit's edge
START = date(2023, 1, 2)


def _records() -> tuple[list[Article], list[Figure], list[Statement]]:
    articles, figures, statements = [], [], []
    for day in range(DAYS):
        published = START + timedelta(days=day) if day % 9 else None  # some articles have no date
        aid = f"n{day:03d}"
        articles.append(Article(aid, published, f"Daily report {day}", ("Wire A", "Wire B")[day % 2],
                                ("daily",), f"https://news.example/{aid}", "inputs/daily.jsonl",
                                "Officials counted the toll again."))
        for n in range(CLAIMS_PER_DAY):
            period = published if n % 4 else None  # undated figures take their publication month
            for repeat in range(1 + (n % 5 == 0)):  # some claims repeated in the next day's article
                source = articles[-1 - repeat] if len(articles) > repeat else articles[-1]
                figures.append(Figure(
                    f"{source.article_id}-f{day}-{n}-{repeat}", source.article_id, source.published,
                    10 + n, None, "exact", ("killed", "injured")[n % 2], "civilians",
                    ("ukraine", "russia")[n % 3 == 0], period, period, n % 6 == 0,
                    f"Official {n % 4}", None, "Officials counted the toll again."))
        statements.extend(Statement(f"{aid}-s{n}", aid, published, f"Official {n % 4}", None, "direct",
                                    f"Quote {day}-{n}", "said", None, "Officials counted the toll again.")
                          for n in range(30))
    return articles, figures, statements


@pytest.fixture(scope="module")
def long_store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("long-store")
    build_store(folder, *_records())
    return folder


def _count(store, query) -> int:
    query = query.counter or query
    con = duckdb.connect(str(store / "store.duckdb"), read_only=True)
    try:
        return con.execute(f"SELECT count(*) FROM ({query.text()})", query.param_dict()).fetchone()[0]
    finally:
        con.close()


@pytest.mark.parametrize("filters", [Filters(), Filters(dated_by="published"),
                                     Filters(month_from="2023-01", month_to="2023-01"),
                                     Filters(actors=("Official 2",), categories=("killed",))])
@pytest.mark.parametrize("view", [None, "per_period", "cumulative"])
@pytest.mark.parametrize("latest_first", [False, True])
def test_the_first_claims_shown_are_the_first_of_the_whole_table(long_store, filters, view, latest_first):
    query = queries.claims(filters, view, "side", latest_first=latest_first)
    con = duckdb.connect(str(long_store / "store.duckdb"), read_only=True)
    try:
        everything = con.execute(query.text(), query.param_dict()).df()
        assert len(everything) == _count(long_store, query) > 40
        for limit in (1, 10, 29, 31, 100, len(everything) - 1, len(everything) + 5):
            first = con.execute(query.text(limit), query.param_dict()).df()
            assert first.equals(everything.head(limit)), f"the first {limit} rows"
    finally:
        con.close()


def test_claims_without_any_date_come_last(long_store):
    for latest_first, column in ((False, "placed_on"), (True, "first_published")):
        query = queries.claims(Filters(), latest_first=latest_first)
        con = duckdb.connect(str(long_store / "store.duckdb"), read_only=True)
        try:
            dates = con.execute(query.text(), query.param_dict()).df()[column]
        finally:
            con.close()
        undated = dates.isna()
        assert undated.any() and not undated[:-undated.sum()].any()


def test_captions_and_downloads_count_every_claim_and_statement(open_app, long_store):
    claims = _count(long_store, queries.claims(Filters(), "per_period"))
    assert claims > 1000
    at = open_app(long_store, "pages/casualties.py", view="incidents", what="all")
    assert len(at.dataframe[0].value) == 1000
    assert f"Showing the first 1,000 of {claims:,} rows" in " ".join(c.value for c in at.caption)
    assert any(b.label == f"Download figures-per_period (CSV, {claims:,} rows)" for b in at.download_button)

    at = open_app(long_store)
    captions = " ".join(c.value for c in at.caption)
    assert f"Showing the first 10 of {_count(long_store, queries.claims(Filters())):,} rows" in captions
    assert f"Showing the first 10 of {_count(long_store, queries.statements(Filters())):,} rows" in captions
