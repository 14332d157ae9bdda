"""Filters live in the URL, are set in the sidebar, and change what every page shows."""
from __future__ import annotations

from datetime import date

import pytest

from app.filters import Filters, from_query_params


def test_filters_round_trip_through_query_params():
    f = Filters(month_from="2022-04", month_to="2022-06", actors=("Ivan Petrenko", "UN, Geneva"),
                categories=("killed",), sources=("Kyiv Ledger",), tags=("shelling",), text="Kharkiv",
                dated_by="published")
    assert from_query_params(f.to_params()) == f
    assert Filters().to_params() == {}, "an unfiltered view has a clean URL"


def test_malformed_query_params_are_dropped_not_raised():
    f = from_query_params({"from": "2022-13", "to": "March", "dated_by": "whenever",
                           "actor": ["A", "A", ""], "q": "  x  "})
    assert f == Filters(actors=("A",), text="x")


def test_month_bounds_cover_whole_months():
    assert Filters(month_from="2022-11", month_to="2022-12").month_bounds() == (
        date(2022, 11, 1), date(2023, 1, 1))


def _rows(at, n=0):
    return at.dataframe[n].value


def test_a_link_reopens_the_same_view(open_app, fixture_store):
    at = open_app(fixture_store.folder, "pages/statements.py", actor="Olena Savchuk", **{"from": "2022-04"})
    assert at.sidebar.multiselect(key="f_actors").value == ["Olena Savchuk"]
    assert at.sidebar.select_slider(key="f_months").value == ("2022-04", "2022-08")
    assert set(_rows(at)["actor"]) == {"Olena Savchuk"}
    assert len(_rows(at)) == 3
    assert at.query_params["actor"] == "Olena Savchuk"


def test_sidebar_category_filter_changes_the_claims_table_and_the_url(open_app, fixture_store):
    at = open_app(fixture_store.folder, "pages/casualties.py")
    before = _rows(at)
    assert {"killed", "injured"} <= set(before["category"])
    at.sidebar.multiselect(key="f_categories").set_value(["injured"]).run()
    after = _rows(at)
    assert set(after["category"]) == {"injured"}
    assert len(after) < len(before)
    assert at.query_params["category"] == "injured"


def test_month_range_filters_statements_by_publication(open_app, fixture_store):
    at = open_app(fixture_store.folder, "pages/statements.py")
    at.sidebar.select_slider(key="f_months").set_range("2022-05", "2022-05").run()
    published = _rows(at)["published"]
    assert len(published) == 3
    assert all(p.month == 5 and p.year == 2022 for p in published)
    assert (at.query_params["from"], at.query_params["to"]) == ("2022-05", "2022-05")


def test_text_search_finds_articles_by_their_text(open_app, fixture_store):
    at = open_app(fixture_store.folder, "pages/articles.py")
    at.sidebar.text_input(key="f_text").set_value("evacuat").run()
    assert list(_rows(at)["article_id"]) == ["a03"]


def test_clear_filters_restores_everything(open_app, fixture_store):
    at = open_app(fixture_store.folder, "pages/articles.py", source="Kyiv Ledger", tag="energy")
    assert list(_rows(at)["article_id"]) == ["a07"]
    at.sidebar.button[0].click().run()
    assert len(_rows(at)) == 12
    assert "source" not in at.query_params and "tag" not in at.query_params


def test_actor_filter_uses_one_name_per_actor(open_app, fixture_store):
    # "Orlov" is written short in one article; the registry's name finds it with the others.
    at = open_app(fixture_store.folder, "pages/statements.py", actor="Dmitry Orlov")
    assert set(_rows(at)["speaker"]) == {"Dmitry Orlov", "Orlov"}


def _claims(at):
    return _rows(at).set_index(["value", "category"])


def test_a_claim_repeated_by_several_articles_counts_once(open_app, fixture_store):
    at = open_app(fixture_store.folder, "pages/casualties.py")
    claims = _claims(at)
    # 86 children killed in March: reported by a05 and a09 (once as "the UN mission").
    row = claims.loc[(86, "killed")]
    assert row["reported_in"] == "reported in 2 articles"
    assert row["reported_by"] == "UN monitoring mission"
    assert claims.loc[(320, "killed")]["reported_in"] == "reported in 1 article"
    assert not claims.index.duplicated().any()


def test_running_totals_and_period_counts_are_separate_views(open_app, fixture_store):
    at = open_app(fixture_store.folder, "pages/casualties.py")
    assert not _rows(at)["cumulative"].any()
    at.radio(key="c_view").set_value("cumulative").run()
    assert _rows(at)["cumulative"].all()
    assert set(_rows(at)["value"]) == {1200, 20000, 4700, 45000}
    assert at.query_params["view"] == "cumulative"


def test_figures_are_placed_by_their_period_or_by_publication(open_app, fixture_store):
    at = open_app(fixture_store.folder, "pages/casualties.py")
    claims = _claims(at)
    assert claims.loc[(86, "killed")]["month"].month == 3, "the period it describes: March"
    undated = claims.loc[(60, "missing")]
    assert (undated["month"].month, undated["placed_by"]) == (6, "publication")
    assert "placed in the month they were first published" in " ".join(c.value for c in at.caption)
    at.radio(key="c_dated_by").set_value("published").run()
    assert _claims(at).loc[(86, "killed")]["month"].month == 5, "first published in May"


def test_month_axis_is_labelled_by_month(open_app, fixture_store):
    import json

    at = open_app(fixture_store.folder, "pages/casualties.py")
    chart = json.loads(at.get("plotly_chart")[0].proto.spec)
    axis = chart["layout"]["xaxis"]
    assert (axis["dtick"], axis["tickformat"]) == ("M1", "%b %Y")


def test_every_table_row_links_to_its_article_under_the_same_filters(open_app, fixture_store):
    at = open_app(fixture_store.folder, "pages/statements.py", category="killed")
    links = _rows(at)["evidence"]
    assert links.iloc[0].startswith("articles?category=killed&article=")


@pytest.mark.parametrize("view", ["per_period", "cumulative"])
def test_chart_buckets_match_the_table_rows_they_select(fixture_store, view):
    """A chart point's bucket, used as the table filter, selects exactly that point's claims."""
    import duckdb

    from app import queries

    con = duckdb.connect(str(fixture_store.folder / "store.duckdb"), read_only=True)

    def run(q):
        return con.execute(q.sql, q.param_dict()).df()

    points = run(queries.claims_by_month(Filters(), view, "side"))
    for _, point in points.iterrows():
        rows = run(queries.claims(Filters(), view, "side", (point["bucket"],)))
        assert len(rows) == point["claims"]
        total = rows["value"].max() if view == "cumulative" else rows["value"].sum()
        assert total == point["people"]
    con.close()


@pytest.mark.parametrize("text, found", [
    ("'; DROP TABLE articles; --", []),
    ("%", []),  # a wildcard in SQL, a plain character here
    ("_", []),
    ("EVACUAT", ["a03"]),
])
def test_search_text_is_data_not_sql(open_app, fixture_store, text, found):
    at = open_app(fixture_store.folder, "pages/articles.py", q=text)
    assert not at.exception
    assert [r for r in (_rows(at)["article_id"] if at.dataframe else [])] == found


def test_a_filter_matching_nothing_says_how_to_add_articles(open_app, fixture_store):
    at = open_app(fixture_store.folder, "pages/statements.py", q="no article says this")
    assert not at.exception and not at.dataframe
    assert "python3 -m etl --input" in at.info[0].value
