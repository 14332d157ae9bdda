"""Filters live in the URL, are set in the sidebar, and change what every page shows."""
from __future__ import annotations

from datetime import date

import pytest

from app.filters import Filters, from_query_params


@pytest.mark.parametrize("conflicts", [(), ("other-war", "russia-ukraine")])
def test_filters_round_trip_through_query_params(conflicts):
    f = Filters(month_from="2022-04", month_to="2022-06", actors=("Ivan Petrenko", "UN, Geneva"),
                categories=("killed",), sources=("Kyiv Ledger",), tags=("shelling",), text="Kharkiv",
                dated_by="published", conflicts=conflicts, vague=True)
    assert from_query_params(f.to_params()) == f
    assert Filters().to_params() == {}, "an unfiltered view has a clean URL"


def test_by_default_figures_are_of_this_war_and_not_vague():
    assert (Filters().conflicts, Filters().vague) == (("russia-ukraine",), False)
    assert from_query_params({"conflict": "all"}).conflicts == ()


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
    assert (at.sidebar.selectbox(key="f_month_from").value, at.sidebar.selectbox(key="f_month_to").value) == (
        "2022-04", "2022-08")
    assert set(_rows(at)["actor"]) == {"Olena Savchuk"}
    assert len(_rows(at)) == 3
    assert at.query_params["actor"] == "Olena Savchuk"


def test_sidebar_category_filter_changes_the_claims_table_and_the_url(open_app, fixture_store):
    at = open_app(fixture_store.folder, "pages/casualties.py", view="incidents", what="all")
    before = _rows(at)
    assert {"killed", "injured"} <= set(before["category"])
    at.sidebar.multiselect(key="f_categories").set_value(["injured"]).run()
    after = _rows(at)
    assert set(after["category"]) == {"injured"}
    assert len(after) < len(before)
    assert at.query_params["category"] == "injured"


def test_month_range_filters_statements_by_publication(open_app, fixture_store):
    at = open_app(fixture_store.folder, "pages/statements.py")
    at.sidebar.selectbox(key="f_month_from").set_value("2022-05").run()
    at.sidebar.selectbox(key="f_month_to").set_value("2022-05").run()
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
    at = open_app(fixture_store.folder, "pages/casualties.py", view="incidents", what="all")
    claims = _claims(at)
    # 86 children killed in March: reported by a05 and a09 (once as "the UN mission").
    row = claims.loc[(86, "killed")]
    assert row["reported_in"] == "2 articles"
    assert row["reported_by"] == "UN monitoring mission"
    assert claims.loc[(320, "killed")]["reported_in"] == "1 article"
    assert not claims.index.duplicated().any()


def _last_rows(at):
    return at.dataframe[-1].value


def test_running_totals_and_period_counts_are_separate_views(open_app, fixture_store):
    at = open_app(fixture_store.folder, "pages/casualties.py")
    assert _last_rows(at)["cumulative"].all()
    assert set(_last_rows(at)["value"]) == {1200}, "running totals of people killed, the default"
    at.selectbox(key="c_what").set_value("casualties").run()
    assert set(_last_rows(at)["value"]) == {20000, 45000}
    at.radio(key="c_view").set_value("incidents").run()
    at.selectbox(key="c_what").set_value("killed").run()
    assert not _last_rows(at)["cumulative"].any()
    assert at.query_params["view"] == "incidents"


def test_figures_are_placed_by_their_period_or_by_publication(open_app, fixture_store):
    at = open_app(fixture_store.folder, "pages/casualties.py", view="incidents", what="all")
    claims = _claims(at)
    assert claims.loc[(86, "killed")]["month"].month == 3, "the period it describes: March"
    undated = claims.loc[(60, "missing")]
    assert (undated["month"].month, undated["placed_by"]) == (6, "publication")
    assert undated["evidence"] == "articles?article=a08&mark=a08-f12#marked-sentence"
    assert "placed in the month they were first published" in " ".join(c.value for c in at.caption)
    at.radio(key="c_dated_by").set_value("published").run()
    assert _claims(at).loc[(86, "killed")]["month"].month == 5, "first published in May"


@pytest.mark.parametrize("view", ["claimants", "incidents"])
def test_month_axis_is_labelled_by_month_over_the_articles_months(open_app, fixture_store, view):
    import json

    at = open_app(fixture_store.folder, "pages/casualties.py", view=view)
    chart = json.loads(at.get("plotly_chart")[0].proto.spec)
    axis = chart["layout"]["xaxis"]
    assert (axis["dtick"], axis["tickformat"]) == ("M1", "%b %Y")
    start, end = (a[:10] for a in axis["range"])
    # The months the claims fall in, inside the articles' months, on month boundaries.
    assert "2022-03-01" <= start < end <= "2022-09-01" and start.endswith("-01") and end.endswith("-01")
    # A month range the user chose is the axis, whatever the claims span.
    at = open_app(fixture_store.folder, "pages/casualties.py", view=view, **{"from": "2022-03", "to": "2022-07"})
    axis = json.loads(at.get("plotly_chart")[0].proto.spec)["layout"]["xaxis"]
    assert [a[:10] for a in axis["range"]] == ["2022-03-01", "2022-08-01"]


def test_every_table_row_links_to_its_article_under_the_same_filters(open_app, fixture_store):
    at = open_app(fixture_store.folder, "pages/statements.py", category="killed")
    links = _rows(at)["evidence"]
    assert links.iloc[0].startswith("articles?category=killed&article=")


@pytest.mark.parametrize("breakdown", ["side", "group"])
def test_chart_buckets_match_the_table_rows_they_select(fixture_store, breakdown):
    """A bar's bucket, used as the table filter, selects exactly that bar's claims."""
    import duckdb

    from app import queries

    con = duckdb.connect(str(fixture_store.folder / "store.duckdb"), read_only=True)

    def run(q):
        return con.execute(q.text(), q.param_dict()).df()

    bars = run(queries.claims_by_month(Filters(), breakdown))
    assert len(bars) > 3
    for _, bar in bars.iterrows():
        rows = run(queries.claims(Filters(), "per_period", breakdown, (bar["bucket"],)))
        assert len(rows) == bar["claims"]
        assert rows["value"].sum() == bar["people"]
        assert set(rows["category"]) == {bar["category"]}
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
