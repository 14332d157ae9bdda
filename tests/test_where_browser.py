"""The Where page in a real browser with no internet: the map draws from the shipped outlines.

Starts `streamlit run dashboard.py` on a store whose figures the gazetteer placed, blocks every
request that leaves the machine, and reads the plotly figure the page drew (not its pixels).
The screenshot goes to $ARTIFACTS_DIR (default tests/artifacts/where.png).
"""
from __future__ import annotations

import pytest

from conftest import REJECTED, build_store
from test_app_where import placed_records
from test_browser import CHROMIUM, WAIT_MS, _shot, browser, streamlit_server  # noqa: F401

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed")

# The figure's data as plotly holds it in the page: every trace's type, name and points.
_TRACES = """() => document.querySelector('.js-plotly-plot').data.map(t => ({
    type: t.type, name: t.name, lat: Array.from(t.lat || []), lon: Array.from(t.lon || []),
    claimant: (t.customdata || []).map(c => c[2]), locationmode: t.locationmode || null}))"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("placed-store")
    build_store(folder, *placed_records(), REJECTED)
    with streamlit_server(folder, tmp_path_factory.mktemp("streamlit") / "server.log") as url:
        yield url


@pytest.fixture
def offline_page(browser):  # noqa: F811 (the shared browser fixture)
    """A page whose requests beyond this machine fail, as on a machine without internet; the
    addresses it tried are in `page.outside`."""
    from playwright.sync_api import expect

    expect.set_options(timeout=WAIT_MS)
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.outside = []

    def route(r):
        if r.request.url.startswith("http://127.0.0.1"):
            r.continue_()
        else:
            page.outside.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    try:
        yield page
    finally:
        context.close()


def _markers(traces: list[dict]) -> list[tuple[str, float, float, str]]:
    return [(t["name"], lat, lon, who) for t in traces if t["claimant"]
            for lat, lon, who in zip(t["lat"], t["lon"], t["claimant"])]


def test_the_map_draws_offline_from_the_shipped_outlines(server, offline_page):
    from playwright.sync_api import expect

    page = offline_page
    page.goto(f"{server}/where")
    chart = page.locator(".js-plotly-plot").first
    expect(chart).to_be_visible()
    # Drawn: the oblast outlines and the claim markers are paths in the map's SVG.
    expect(chart.locator(".geo .scatterlayer .trace").first).to_be_attached()
    assert chart.locator(".geo .scatterlayer path.point").count() >= 5
    traces = page.evaluate(_TRACES)
    assert not any(t["locationmode"] for t in traces)
    markers = _markers(traces)
    assert sorted(m[0] for m in markers) == ["captured", "displaced", "injured", "killed", "killed"]
    kharkiv = [m for m in markers if abs(m[1] - 49.98) < 0.1 and abs(m[2] - 36.25) < 0.1]
    assert {m[3] for m in kharkiv} == {"Ivan Petrenko"} and len(kharkiv) == 3
    ukraine = [x for t in traces if t["name"].startswith("oblasts-UA") for x in t["lon"] if x is not None]
    assert 22.0 < min(ukraine) < 22.3 and 40.0 < max(ukraine) < 40.3, "Ukraine's outline, west to east"
    assert any(t["name"].startswith("oblasts-neighbours") and t["lon"] for t in traces)
    assert not [u for u in page.outside if "plot.ly" in u], "plotly asked its CDN for a base map"
    _shot(page, "where")


def test_a_region_in_the_link_keeps_only_its_claims_on_the_map(server, offline_page):
    from playwright.sync_api import expect

    page = offline_page
    page.goto(f"{server}/where?region=Zaporizhzhia")
    expect(page.locator(".js-plotly-plot").first).to_be_visible()
    expect(page.locator("[data-testid=stSidebar]").get_by_text("Zaporizhzhia")).to_be_visible()
    page.wait_for_function("() => document.querySelector('.js-plotly-plot').data.filter(t => t.customdata)"
                           ".length === 1")
    markers = _markers(page.evaluate(_TRACES))
    assert [(m[0], m[3]) for m in markers] == [("captured", "Dmitry Orlov")]
