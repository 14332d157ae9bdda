"""The Casualties page: claims by claimant beside the reference series, incidents per period, and
the defaults that keep its sums honest (this war only, no vague figures, the articles' months)."""
from __future__ import annotations

import base64
import json
from datetime import date

import numpy as np
import pandas as pd
import pytest

from conftest import FAR_AWAY_TOTAL, GS, MOD

CASUALTIES = "pages/casualties.py"
ARTICLE_MONTHS = (pd.Timestamp(2022, 3, 1), pd.Timestamp(2022, 9, 1))  # Mar - Aug 2022, end exclusive


def _chart(at, n: int = 0) -> dict:
    return json.loads(at.get("plotly_chart")[n].proto.spec)


def values(array) -> list:
    """A plotly data array as a list (plotly sends numbers as typed arrays: dtype + base64 bytes)."""
    if isinstance(array, dict) and "bdata" in array:
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=np.dtype(array["dtype"])).tolist()
    return list(array or [])


def _traces(at) -> dict[str, dict]:
    return {t.get("name", ""): t for t in _chart(at)["data"]}


def _ys(at) -> set[int]:
    return {int(y) for t in _chart(at)["data"] for y in values(t.get("y")) if y is not None}


def _table(at, heading: str) -> pd.DataFrame:
    """The table under a subheading (tables follow their headings in page order)."""
    titles = [s.value for s in at.subheader]
    return at.dataframe[titles.index(heading)].value


def _captions(at) -> str:
    return " ".join(c.value for c in at.caption)


def test_the_default_is_killed_claim_by_claimant_inside_the_articles_months(open_app, claims_store):
    at = open_app(claims_store.folder, CASUALTIES)
    assert not at.exception
    chart = _chart(at)
    start, end = (pd.Timestamp(x) for x in chart["layout"]["xaxis"]["range"])
    # Inside the articles' months, and no wider than the months the claims fall in.
    assert ARTICLE_MONTHS[0] <= start < end <= ARTICLE_MONTHS[1]
    claimed = [pd.Timestamp(x) for t in chart["data"] if t.get("customdata") for x in t["x"]]
    assert start == min(claimed).to_period("M").start_time
    assert end == max(claimed).to_period("M").end_time.normalize() + pd.Timedelta(days=1)
    traces = _traces(at)
    assert f"{GS} — Russian military killed" in traces
    assert f"{MOD} — Ukrainian military killed" in traces
    general_staff = traces[f"{GS} — Russian military killed"]
    assert values(general_staff["y"]) == [32750, 44900], "each claim a point, in date order"
    assert general_staff["x"][0].startswith("2022-06-15"), "a running total sits at the day it runs up to"
    for trace in chart["data"]:
        assert all(start <= pd.Timestamp(x) < end for x in trace.get("x", [])), trace["name"]


def test_no_claim_of_another_conflict_or_vague_claim_is_drawn_by_default(open_app, claims_store):
    at = open_app(claims_store.folder, CASUALTIES)
    assert FAR_AWAY_TOTAL not in _ys(at)
    assert FAR_AWAY_TOTAL not in set(_table(at, "The claims")["value"])
    wider = open_app(claims_store.folder, CASUALTIES, conflict="all")
    assert FAR_AWAY_TOTAL in _ys(wider), "widening the conflict filter brings it in"
    assert wider.sidebar.multiselect(key="f_conflicts").value == []


def test_the_reference_series_is_drawn_under_the_matching_claims(open_app, claims_store):
    at = open_app(claims_store.folder, CASUALTIES)
    traces = _chart(at)["data"]
    line = next(t for t in traces if t.get("name", "").startswith("Ukraine's General Staff, daily report"))
    assert line["zorder"] < 0, "drawn underneath the claims"
    days = [pd.Timestamp(x) for x in line["x"]]
    assert days[0] == pd.Timestamp(2022, 3, 1) and days[-1] == pd.Timestamp(2022, 8, 31), "the view's months"
    assert dict(zip(days, values(line["y"])))[pd.Timestamp(2022, 6, 15)] == 32750
    claims = _traces(at)[f"{GS} — Russian military killed"]
    assert "as of 15 Jun 2022<br>Ukraine's General Staff that day: 32,750<br>" in claims["text"][0], \
        "compared in the hover"
    assert all("that day" not in text for text in _traces(at)[f"{MOD} — Ukrainian military killed"]["text"])


def test_claims_sit_beside_the_reference_of_the_same_day(open_app, claims_store):
    at = open_app(claims_store.folder, CASUALTIES)
    table = _table(at, "Claims beside the reference series").set_index(["claimant", "value"])
    general_staff = table.loc[(GS, 44900)]
    assert general_staff["general_staff"] == 44900 and general_staff["claim_to_general_staff"] == 1.0
    assert table.loc[("Kyiv", 45000)]["general_staff_day"] == pd.Timestamp(2022, 8, 20)
    # The Russian ministry's claim about Ukrainian soldiers has no General Staff figure to compare with.
    assert pd.isna(table.loc[(MOD, 23000)]["general_staff"]) if (MOD, 23000) in table.index else True


def test_compare_claimants_lists_each_claimants_latest_claim(open_app, claims_store):
    at = open_app(claims_store.folder, CASUALTIES)
    table = _table(at, "Compare claimants")
    russian = table[table["what"] == "Russian military killed"].set_index("claimant")
    assert russian.loc[GS, "value"] == 44900 and russian.loc[GS, "claims"] == 2
    assert russian.loc[GS, "as_of"] == pd.Timestamp(2022, 8, 20)
    assert russian.loc["Kyiv", "value"] == 45000
    assert table["what"].iloc[0] == "Russian military killed", "this war's two sides first"


def test_a_log_scale_switch_and_the_view_live_in_the_url(open_app, claims_store):
    at = open_app(claims_store.folder, CASUALTIES)
    at.toggle(key="c_log").set_value(True).run()
    assert _chart(at)["layout"]["yaxis"]["type"] == "log"
    at.radio(key="c_view").set_value("incidents").run()
    assert (at.query_params["log"], at.query_params["view"]) == ("1", "incidents")
    reopened = open_app(claims_store.folder, CASUALTIES, log="1", view="incidents")
    assert _chart(reopened) == _chart(at)


def test_incidents_show_one_category_and_count_an_incident_once(open_app, claims_store):
    at = open_app(claims_store.folder, CASUALTIES, view="incidents")
    chart = _chart(at)
    buckets = [c[0] for t in chart["data"] for c in t["customdata"]]
    assert {b.split("|")[1] for b in buckets} == {"killed"}, "one category at a time"
    table = _table(at, "The claims")
    # "9 civilians killed on 4 March": Petrenko in two articles, unattributed in a third: one incident.
    nine = table.set_index(["value", "category"]).loc[(9, "killed")]
    assert nine["reported_in"] == "3 articles" and nine["reported_by"] == "Ivan Petrenko"
    assert not table["value"].isin([150, 14000, 100]).any(), "another war, 2014-2021 and vague stay out"
    assert not table["cumulative"].any()


def test_small_multiples_give_each_category_its_own_panel(open_app, claims_store):
    at = open_app(claims_store.folder, CASUALTIES, view="incidents", what="all")
    chart = _chart(at)
    panels = {t.get("yaxis", "y") for t in chart["data"]}
    per_panel = {}
    for t in chart["data"]:
        per_panel.setdefault(t.get("yaxis", "y"), set()).update(c[0].split("|")[1] for c in t["customdata"])
    assert len(panels) == len(per_panel) > 1
    assert all(len(categories) == 1 for categories in per_panel.values()), per_panel


def test_vague_figures_come_in_at_their_floor_marked_vague(open_app, claims_store):
    at = open_app(claims_store.folder, CASUALTIES, view="incidents", vague="1")
    assert at.sidebar.toggle(key="f_vague").value
    row = _table(at, "The claims").set_index("value").loc[100]
    assert row["qualifier"] == "vague" and row["claim"] == "100 (vague: floor)"
    assert "1 vague claims count at their floor value" in _captions(at)


def test_a_period_before_the_articles_shows_by_publication_date(open_app, claims_store):
    at = open_app(claims_store.folder, CASUALTIES, view="incidents", dated_by="published")
    table = _table(at, "The claims").set_index("value")
    assert table.loc[14000, "placed_on"] == pd.Timestamp(2022, 8, 20)


@pytest.mark.parametrize("page", ["pages/overview.py", CASUALTIES])
def test_overview_and_casualties_leave_other_conflicts_out(open_app, claims_store, page):
    at = open_app(claims_store.folder, page)
    for frame in at.dataframe:
        if "value" in frame.value:
            assert FAR_AWAY_TOTAL not in set(frame.value["value"]) and 150 not in set(frame.value["value"])


def test_the_claimant_table_rows_link_to_their_sentence(open_app, claims_store):
    at = open_app(claims_store.folder, CASUALTIES)
    links = _table(at, "The claims").set_index("value")["evidence"]
    assert links.loc[44900] == "articles?article=b03&mark=b03-f7#marked-sentence", "under the sidebar's filters"


def test_an_article_opened_from_a_row_marks_its_sentence(open_app, claims_store):
    at = open_app(claims_store.folder, "pages/articles.py", article="b03", mark="b03-f7")
    assert not at.exception
    marked = [m.value for m in at.markdown if ":green-background[" in m.value]
    assert any("44\\,900 Russian troops" in m for m in marked[1:]), "the row's sentence, marked"
    heading = next(h for h in at.subheader if "row you opened" in h.value)
    assert heading.proto.anchor == "marked-sentence", "the link's #fragment scrolls to it"
    plain = open_app(claims_store.folder, "pages/articles.py", article="b03")
    assert not any(":green-background[" in m.value for m in plain.markdown)


def test_the_claims_in_view_count_claims_not_mentions(fixture_store, claims_store):
    points = _claim_points(claims_store)
    assert not points["claim_key"].duplicated().any()
    assert set(points["reported_by"]) >= {GS, MOD, "Kyiv", "UN monitoring mission"}
    assert (points["placed_on"] >= pd.Timestamp(date(2022, 3, 1))).all()


def test_the_claimant_chart_draws_every_named_series_and_the_largest_grey_claims():
    from datetime import date as day

    from app import charts

    # Eight claimants with ten claims each fill the named series; 3,000 claimants of one claim each are grey.
    named = pd.DataFrame({"reported_by": [f"Source {i // 10}" for i in range(80)], "category": "killed",
                          "group": "military", "side": "russia", "value": range(5000, 5080),
                          "placed_on": day(2022, 5, 1)})
    others = pd.DataFrame({"reported_by": [f"claimant {i}" for i in range(3000)], "category": "killed",
                           "group": "civilians", "side": "ukraine", "value": range(3000), "placed_on": day(2022, 6, 1)})
    drawn = charts.drawn_claims(pd.concat([named, others], ignore_index=True))
    assert len(drawn) == 80 + charts.BACKGROUND_POINTS
    assert set(named["value"]) <= set(drawn["value"]), "the named series whole"
    grey = drawn[drawn["value"] < 5000]["value"]
    assert (grey.min(), grey.max()) == (3000 - charts.BACKGROUND_POINTS, 2999), "the largest grey ones"


def _claim_points(claims_store) -> pd.DataFrame:
    """The claimant chart's points for the default filters, read from the store file."""
    import duckdb

    from app import queries
    from app.filters import Filters

    con = duckdb.connect(str(claims_store.folder / "store.duckdb"), read_only=True)
    try:
        q = queries.claim_points(Filters())
        return con.execute(q.text(), q.param_dict()).df()
    finally:
        con.close()


def _killed_points(claims_store) -> pd.DataFrame:
    points = _claim_points(claims_store)
    return points[points["category"] == "killed"]


def _claimant_traces(points: pd.DataFrame, claimant: str) -> tuple[list, list]:
    """The claimant's line trace(s) and its traces of points off the line."""
    from app import charts

    fig = charts.claimants(points, pd.DataFrame(), ARTICLE_MONTHS)
    series = [t for t in fig.data if t.legendgroup and claimant in t.legendgroup]
    return [t for t in series if t.mode == "lines+markers"], [t for t in series if t.mode == "markers"]


def test_a_claim_far_below_what_its_claimant_claimed_before_is_a_point_off_the_line(claims_store):
    points = _killed_points(claims_store)
    gs = points[points["reported_by"] == GS].sort_values("placed_on")
    # The claimant's last claim turned into a part of its total ("2,000 mercenaries" of 61,207 troops).
    points.loc[gs.index[-1], "value"] = 7
    line, off = _claimant_traces(points, GS)
    assert len(line) == 1 and 7 not in list(line[0].y), "the line passes the part by"
    assert any(7 in list(t.y) for t in off), "the part is still drawn"
    assert len(list(line[0].y)) == len(gs) - 1


def test_a_part_claimed_the_same_day_as_the_total_is_off_the_line_too(claims_store):
    points = _killed_points(claims_store)
    gs = points[points["reported_by"] == GS].sort_values("placed_on")
    # On its last day the claimant claims a total ten times its last, and a part of it as large as
    # that last claim (listed first).
    total = int(gs["value"].max()) * 10
    points.loc[gs.index[-1], "value"] = total
    part = points.loc[[gs.index[-1]]].assign(value=int(gs["value"].max()), claim_key="part")
    line, off = _claimant_traces(pd.concat([part, points], ignore_index=True), GS)
    assert list(line[0].y)[-1] == total, "the line ends at the total, not at the part below it"
    assert any(int(part["value"].iloc[0]) in list(t.y) for t in off)
