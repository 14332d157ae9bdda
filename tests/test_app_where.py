"""The Where page and the region filter, under Streamlit's AppTest, on a store whose figures were
placed by the real gazetteer."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.filters import Filters, from_query_params
from conftest import REJECTED, _records, build_store
from etl.gazetteer import place_figures

WHERE = "pages/where.py"


def placed_records():
    """The shared fixture's records, each figure placed as the ETL would place it."""
    articles, figures, statements = _records()
    by_id = {a.article_id: a for a in articles}
    return articles, [place_figures([f], by_id[f.article_id])[0] for f in figures], statements


@pytest.fixture(scope="module")
def placed_store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("placed-store")
    articles, figures, statements = placed_records()
    build_store(folder, articles, figures, statements, REJECTED)
    return folder


def _chart(at) -> list[dict]:
    return json.loads(at.get("plotly_chart")[0].proto.spec)["data"]


def _markers(traces: list[dict]) -> list[tuple[float, float, str]]:
    """(lat, lon, category) of every claim marker (the outline traces carry no category)."""
    return [(lat, lon, t["name"]) for t in traces if t.get("customdata")
            for lat, lon in zip(t["lat"], t["lon"])]


def test_the_fixture_figures_are_placed():
    _, figures, _ = placed_records()
    placed = {(f.location, f.admin1, f.country, f.place_precision) for f in figures if f.location}
    assert placed == {("Kharkiv", "Kharkiv", "UA", "settlement"), ("Donetsk region", "Donetsk", "UA", "oblast"),
                      ("Zaporizhzhia", "Zaporizhzhia", "UA", "settlement")}


def test_the_map_draws_each_placed_claim_once_and_the_table_sums_them_per_oblast(open_app, placed_store):
    at = open_app(placed_store, WHERE)
    assert not at.exception
    markers = _markers(_chart(at))
    # Kharkiv: 9 killed (reported twice), 14 injured, 5 killed (reported twice); Zaporizhzhia: 41
    # captured; the Donetsk oblast: 30,000 displaced, at its centre.
    assert sorted(m[2] for m in markers) == ["captured", "displaced", "injured", "killed", "killed"]
    kharkiv = [m for m in markers if abs(m[0] - 49.98) < 0.1 and abs(m[1] - 36.25) < 0.1]
    assert len(kharkiv) == 3
    oblasts = at.dataframe[0].value.set_index("oblast")
    assert oblasts.loc["Kharkiv", "claims"] == 3
    # Each category its own column: never killed and injured in one number.
    assert (oblasts.loc["Kharkiv", "killed"], oblasts.loc["Kharkiv", "injured"]) == (9 + 5, 14)
    assert oblasts.loc["Kharkiv", "articles"] == 4
    assert set(oblasts.index) == {"Kharkiv", "Donetsk", "Zaporizhzhia"}
    assert len(at.dataframe[1].value) == 5


def test_the_map_needs_no_base_map_from_the_internet(open_app, placed_store):
    at = open_app(placed_store, WHERE)
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    geo = spec["layout"]["geo"]
    assert not any(geo.get(f"show{layer}") for layer in ("coastlines", "land", "ocean", "lakes", "rivers",
                                                         "countries", "subunits"))
    assert {t["type"] for t in spec["data"]} == {"scattergeo"}
    assert not any("locationmode" in t or "locations" in t for t in spec["data"])


def test_running_totals_and_counts_are_separate_maps(open_app, placed_store):
    at = open_app(placed_store, WHERE, view="cumulative")
    assert not at.exception
    assert not at.get("plotly_chart"), "no placed running total in the fixture: nothing to draw"
    assert "Nothing matches" in "\n".join(i.value for i in at.info)


def test_the_region_filter_is_in_the_sidebar_and_the_url(open_app, placed_store):
    at = open_app(placed_store, WHERE)
    region = at.sidebar.multiselect(key="f_regions")
    assert region.options[0] == "Kharkiv", "most placed figures first"
    region.set_value(["Zaporizhzhia"]).run()
    assert at.query_params["region"] == "Zaporizhzhia"
    assert [m[2] for m in _markers(_chart(at))] == ["captured"]
    assert list(at.dataframe[0].value["oblast"]) == ["Zaporizhzhia"]


def test_a_region_link_filters_every_page(open_app, placed_store):
    at = open_app(placed_store, "pages/casualties.py", region="Kharkiv", view="incidents", what="all")
    assert at.sidebar.multiselect(key="f_regions").value == ["Kharkiv"]
    claims = at.dataframe[0].value
    assert set(claims["location"]) == {"Kharkiv"} and len(claims) == 3
    # Statements and articles: those of the articles reporting a figure placed there.
    at = open_app(placed_store, "pages/statements.py", region="Kharkiv")
    assert set(at.dataframe[0].value["article_id"]) == {"a01", "a02", "a11", "a12"}
    at = open_app(placed_store, "pages/articles.py", region="Donetsk")
    assert list(at.dataframe[0].value["article_id"]) == ["a03"]


def test_the_region_filter_round_trips_through_the_url():
    f = Filters(regions=("Kharkiv", "Belgorod"))
    assert f.to_params() == {"region": ["Kharkiv", "Belgorod"]}
    assert from_query_params(f.to_params()) == f


@pytest.mark.parametrize("store", ["empty_store", "missing_store"])
def test_without_data_the_page_explains_how_to_add_articles(open_app, request, store):
    at = open_app(request.getfixturevalue(store), WHERE)
    assert not at.exception
    assert not at.get("plotly_chart")
    assert any("python3 -m etl --input" in c.value for c in at.code)


def test_text_from_articles_reaches_the_map_as_text_only(open_app, tmp_path):
    articles, figures, statements = placed_records()
    hostile = figures[0].__class__(**{**figures[0].__dict__, "figure_id": "x1", "value": 77,
                                      "sentence": "<b>77</b> killed <img src=x onerror=alert(1)> in Kharkiv",
                                      "reported_by": "<script>alert(1)</script>"})
    build_store(tmp_path, articles, [hostile], statements)
    at = open_app(tmp_path, WHERE)
    spec = at.get("plotly_chart")[0].proto.spec
    assert "<img" not in spec.replace("\\u003c", "<") and "<script>" not in spec.replace("\\u003c", "<")
    assert "&lt;img src=x" in spec


def test_the_street_map_is_a_switch_the_user_turns_on(open_app, placed_store):
    at = open_app(placed_store, WHERE)
    assert json.loads(at.get("plotly_chart")[0].proto.spec)["layout"].get("map") is None
    at.toggle(key="where-streets").set_value(True).run()
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert spec["layout"]["map"]["style"] == "open-street-map"
    assert {t["type"] for t in spec["data"]} == {"scattermap"}
    assert sorted(m[2] for m in _markers(spec["data"])) == ["captured", "displaced", "injured", "killed", "killed"]
