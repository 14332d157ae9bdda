"""The dashboard in a real browser: charts render what the data says, filters and controls live in
the URL, tables and their CSV downloads agree, evidence links land on their sentence.

Runs `streamlit run dashboard.py` on three stores (the fixture store, the bundled sample built by
the ETL, and a slice of the real corpus when ../shared is there) and drives Debian's chromium
through Playwright. Charts are checked through the plotly figure's data in the page, not pixels.
Screenshots go to $ARTIFACTS_DIR (default tests/artifacts/) for a person to look at.
"""
from __future__ import annotations

import csv
import io
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Iterator

import duckdb
import pandas as pd
import pytest

CHROMIUM = Path("/usr/bin/chromium")
REPO_ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = Path(os.environ.get("ARTIFACTS_DIR") or REPO_ROOT / "tests" / "artifacts")
CORPUS = REPO_ROOT.parent / "shared" / "corpus" / "ukraine-media.jsonl"
CORPUS_STEP = 12  # every 12th corpus article: ~590 articles over 2019-11..2022-12
WAIT_MS = 20_000
OTHER_WAR_TOTAL = 777_777  # a running total of another conflict, written into the real stores
GENERAL_STAFF = "Ukraine's General Staff"
REFERENCE_LINE = "Ukraine's General Staff, daily report"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed")


# -- a real server ----------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"streamlit did not become healthy:\n{log.read_text()}")


@contextmanager
def streamlit_server(store_folder: Path, log: Path) -> Iterator[str]:
    """`streamlit run dashboard.py` on the store in `store_folder`; yields its address."""
    port = _free_port()
    env = {**os.environ, "WAR_NEWS_STORE": str(store_folder)}
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.headless", "true",
             "--server.port", str(port), "--server.address", "127.0.0.1",
             "--browser.gatherUsageStats", "false"],
            cwd=REPO_ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_healthy(url, proc, log)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def server(fixture_store, tmp_path_factory):
    with streamlit_server(fixture_store.folder, tmp_path_factory.mktemp("streamlit") / "server.log") as url:
        yield url


def _add_other_conflict_claim(folder: Path) -> None:
    """Write another conflict's running total into a built store, as the figures' conflict column
    would hold it: same claimant, category, side and dates as this war's General Staff claims, so
    only the conflict tells it apart."""
    from etl import store
    from etl.model import Figure

    con = duckdb.connect(str(folder / store.STORE_NAME))
    try:
        article_id, published = con.execute(
            "SELECT article_id, published FROM articles WHERE published IS NOT NULL "
            "ORDER BY published DESC, article_id LIMIT 1").fetchone()
        figure = Figure(f"{article_id}:other-war", article_id, published, OTHER_WAR_TOTAL, None, "exact", "killed",
                        "military", "russia", date(2022, 2, 24), published, True, GENERAL_STAFF, None,
                        "A war elsewhere has killed 777,777 soldiers, the General Staff said.", GENERAL_STAFF,
                        "other-war")
        row = store.figure_row(figure, 999)
        con.execute(f"INSERT INTO figures VALUES ({', '.join('?' * len(row))})", list(row))
    finally:
        con.close()


def _built_store(inputs: Path, folder: Path) -> Path:
    from etl.pipeline import run

    run([inputs], folder, progress=False, workers=1)
    _add_other_conflict_claim(folder)
    return folder


@pytest.fixture(scope="module", params=["sample", "corpus"])
def real(request, tmp_path_factory):
    """A server on a store the ETL built from real inputs: the bundled sample, or a corpus slice."""
    folder = tmp_path_factory.mktemp(f"{request.param}-store")
    if request.param == "sample":
        _built_store(REPO_ROOT / "data" / "articles", folder)
    else:
        if not CORPUS.exists():
            pytest.skip("the shared corpus is not on this machine")
        lines = CORPUS.read_text(encoding="utf-8").splitlines()[::CORPUS_STEP]
        (folder.parent / "slice.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        _built_store(folder.parent / "slice.jsonl", folder)
    with streamlit_server(folder, folder.parent / "server.log") as url:
        yield request.param, url, folder


# -- the browser ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"])
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser):
    from playwright.sync_api import expect

    expect.set_options(timeout=WAIT_MS)
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    try:
        yield context.new_page()
    finally:
        context.close()


def _shot(page, name: str, target=None) -> None:
    """A screenshot of the view (Streamlit scrolls inside its own container, so a full-page shot
    would show the first screen only): `target` is scrolled into view first."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    if target is not None:
        target.evaluate("e => e.scrollIntoView({block: 'start'})")
        time.sleep(0.5)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def _download_button(page, table: str):
    return page.get_by_role("button", name=re.compile(rf"^Download {re.escape(table)} \(CSV"))


def _chart(page, n: int = 0) -> dict:
    """The n-th plotly chart of the page as plotly.js holds it: each trace's name, x and y (decoded),
    and the x axis range."""
    page.locator(".js-plotly-plot").nth(n).wait_for()
    return page.evaluate("""n => {
        const plot = document.querySelectorAll('.js-plotly-plot')[n];
        return {range: plot._fullLayout.xaxis.range,
                traces: plot._fullData.map(t => ({name: t.name, x: Array.from(t.x || []),
                                                   y: Array.from(t.y || []).map(Number)}))};
    }""", n)


def _grid(page, n: int = 0) -> list[dict[str, str]]:
    """The visible rows of the n-th table, read from the grid's accessible cells."""
    grid = page.locator("[data-testid=stDataFrame]").nth(n)
    grid.locator("table[role=grid] td").first.wait_for(state="attached")
    return grid.evaluate("""g => {
        const t = g.querySelector('table[role=grid]');
        const head = Array.from(t.querySelectorAll('thead th')).map(h => h.textContent);
        return Array.from(t.querySelectorAll('tbody tr')).map(r => Object.fromEntries(
            Array.from(r.querySelectorAll('td')).map((c, i) => [head[i], c.textContent])));
    }""")


def _download(page, table: str) -> list[dict[str, str]]:
    with page.expect_download() as download:
        _download_button(page, table).click()
    return list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8"))))


def _article_months(folder: Path) -> tuple[pd.Timestamp, pd.Timestamp]:
    con = duckdb.connect(str(folder / "store.duckdb"), read_only=True)
    try:
        first, last = con.execute("SELECT min(published), max(published) FROM articles").fetchone()
    finally:
        con.close()
    return pd.Timestamp(first.year, first.month, 1), pd.Timestamp(last.year, last.month, 1) + pd.offsets.MonthBegin(1)


# -- the fixture store ----------------------------------------------------------------------------


def test_a_deep_link_renders_the_chart_and_a_box_selection_filters_the_table(server, page):
    from playwright.sync_api import expect

    # The module's first request goes straight to a page, as a shared link would after a restart.
    page.goto(f"{server}/casualties?view=incidents")
    chart = page.locator(".js-plotly-plot").first
    expect(chart).to_be_visible()
    expect(page.get_by_role("heading", name="Filters")).to_be_visible()
    # People killed per month and group: Mar (civilians 9, children 86), Apr (military 320),
    # May (civilians 3), Aug (civilians 5).
    expect(chart.locator(".barlayer .point")).to_have_count(5)
    table = _download_button(page, "figures-per_period")
    expect(table).to_contain_text("5 rows")
    _shot(page, "fixture-incidents")

    # Drag a box over the first two months (March and April 2022).
    area = chart.locator(".nsewdrag").first.bounding_box()
    page.mouse.move(area["x"] + 3, area["y"] + 3)
    page.mouse.down()
    page.mouse.move(area["x"] + area["width"] * 0.38, area["y"] + area["height"] - 2, steps=12)
    page.mouse.up()
    expect(page.get_by_role("heading", name="The claims you selected")).to_be_visible()
    expect(table).to_contain_text("3 rows")
    _shot(page, "fixture-incidents-selection")
    _double_click_until(page, chart.locator(".nsewdrag").first, table, "5 rows")


def _double_click_until(page, target, table, text: str) -> None:
    """Double-click clears a plotly selection; one landing while the chart redraws is lost."""
    from playwright.sync_api import expect

    for _ in range(3):
        target.dblclick()
        try:
            expect(table).to_contain_text(text, timeout=5_000)
            return
        except AssertionError:
            continue
    expect(table).to_contain_text(text)


def _pick(page, label: str, option: str) -> None:
    page.locator("[data-testid=stSidebar]").get_by_role("combobox", name=label, exact=True).click()
    page.get_by_role("option", name=option, exact=True).click()


def test_the_month_pickers_change_the_table_and_its_download(server, page):
    from playwright.sync_api import expect

    page.goto(f"{server}/statements")
    expect(page.locator(".js-plotly-plot").first).to_be_visible()
    table = _download_button(page, "statements")
    expect(table).to_contain_text("18 rows")

    _pick(page, "From", "May 2022")
    expect(page).to_have_url(re.compile(r"from=2022-05"))
    _pick(page, "To", "May 2022")
    expect(page).to_have_url(re.compile(r"from=2022-05&to=2022-05"))
    expect(table).to_contain_text("3 rows")
    _shot(page, "fixture-statements-may")

    rows = _download(page, "statements")
    assert sorted(r["statement_id"] for r in rows) == ["a05-s9", "a06-s10", "a06-s11"]
    assert {r["published"][:7] for r in rows} == {"2022-05"}


def test_an_article_shows_its_evidence_as_text(server, page):
    from playwright.sync_api import expect

    page.goto(f"{server}/articles?article=a03")
    expect(page.get_by_role("heading", name="Evacuation trains leave Donbas")).to_be_visible()
    # Escaped for Markdown, shown exactly as written: no backslashes, no formula, no markup.
    expect(page.get_by_text('Savchuk said: "=1+1 is not how you count people who lost their homes."',
                            exact=True)).to_be_visible()
    expect(_download_button(page, "article-statements")).to_contain_text("2 rows")
    _shot(page, "fixture-article")


# -- stores the ETL built: the bundled sample and a slice of the real corpus -----------------------


def test_the_default_casualties_view_draws_claimants_and_the_reference(real, page):
    name, url, folder = real
    page.goto(f"{url}/casualties")
    chart = _chart(page)
    first, end = _article_months(folder)
    start, stop = (pd.Timestamp(x) for x in chart["range"])
    assert first <= start < stop <= end, "the x range lies inside the articles' months"
    for trace in chart["traces"]:
        assert all(first <= pd.Timestamp(x) < end for x in trace["x"]), trace["name"]
    names = [t["name"] for t in chart["traces"]]
    claimants = [n for n in names if " — " in n and "military killed" in n]
    assert claimants, f"claimant series are drawn: {names}"
    reference = next(t for t in chart["traces"] if t["name"].startswith(REFERENCE_LINE))
    assert len(reference["x"]) > 30, "the General Staff's daily line"
    assert all(OTHER_WAR_TOTAL not in t["y"] for t in chart["traces"]), "no claim of another conflict"
    _shot(page, f"{name}-casualties")
    _shot(page, f"{name}-claimant-comparison", page.get_by_role("heading", name="Compare claimants"))
    _shot(page, f"{name}-reference-table", page.get_by_role("heading", name="Claims beside the reference series"))

    page.goto(f"{url}/casualties?conflict=all")
    assert any(OTHER_WAR_TOTAL in t["y"] for t in _chart(page)["traces"]), "widened, the other conflict shows"


def test_clicking_a_claim_lists_it_with_its_evidence(real, page):
    from playwright.sync_api import expect

    name, url, _ = real
    page.goto(f"{url}/casualties")
    chart = _chart(page)
    series = next(i for i, t in enumerate(chart["traces"]) if " — " in t["name"])
    # Where plotly drew the series' last claim, in page pixels.
    x, y = page.evaluate("""i => {
        const plot = document.querySelector('.js-plotly-plot'), layout = plot._fullLayout, trace = plot._fullData[i];
        const box = plot.getBoundingClientRect(), n = trace.x.length - 1;
        return [box.left + layout.xaxis._offset + layout.xaxis.d2p(trace.x[n]),
                box.top + layout.yaxis._offset + layout.yaxis.d2p(trace.y[n])];
    }""", series)
    # As a person clicks: the pointer rests on the point (plotly picks the hovered point), then
    # clicks; a click landing while the chart still settles is lost, so click again, as they would.
    selected = page.get_by_role("heading", name="The claims you selected")
    for _ in range(3):
        page.mouse.move(x - 20, y - 20)
        page.mouse.move(x, y, steps=4)
        page.wait_for_timeout(500)
        page.mouse.down()
        page.mouse.up()
        try:
            expect(selected).to_be_visible(timeout=5_000)
            break
        except AssertionError:
            continue
    expect(selected).to_be_visible()
    expect(page.get_by_role("button", name=re.compile(r"^Download figures-cumulative \(CSV, 1 row\)"))).to_be_visible()
    # Until the rerun ends, the table of all claims may still show below the new one.
    expect(_download_button(page, "figures-cumulative")).to_have_count(1)
    row = _grid(page, 0)[0]
    assert row["reported_by"] == chart["traces"][series]["name"].split(" — ")[0]
    assert row["sentence"] and row["evidence"].endswith("#marked-sentence")
    _shot(page, f"{name}-claim-clicked", page.get_by_role("heading", name="The claims you selected"))


def test_a_reopened_url_reproduces_the_view(real, page, browser):
    from playwright.sync_api import expect

    name, url, _ = real
    page.goto(f"{url}/casualties")
    page.get_by_text("Incidents per period").click()
    expect(page).to_have_url(re.compile(r"view=incidents"))
    page.get_by_text("side", exact=True).click()
    expect(page).to_have_url(re.compile(r"by=side"))
    page.get_by_text("Log scale").click()
    expect(page).to_have_url(re.compile(r"log=1"))
    time.sleep(1)  # let the last rerun's chart settle
    shown = _chart(page)
    label = _download_button(page, "figures-per_period").text_content()
    _shot(page, f"{name}-incidents-log")

    again = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    again.goto(page.url)
    assert _chart(again) == shown
    assert _download_button(again, "figures-per_period").text_content() == label
    again.context.close()


def test_a_downloaded_csv_matches_the_table(real, page):
    from app.texts import claim

    name, url, _ = real
    page.goto(f"{url}/casualties")
    heading = page.get_by_role("heading", name="Compare claimants")
    heading.scroll_into_view_if_needed()
    shown = _grid(page, 0)
    rows = _download(page, "claimants-latest")
    assert shown and len(rows) >= len(shown)
    for cells, row in zip(shown, rows):
        assert cells["claimant"] == row["claimant"]
        assert cells["as_of"] == row["as_of"]
        assert cells["claim"] == claim(int(row["value"]), int(row["value_high"]) if row["value_high"] else None,
                                       row["qualifier"])
    assert all(int(r["value"]) != OTHER_WAR_TOTAL for r in rows)


def test_an_evidence_link_opens_the_article_at_its_sentence(real, page):
    from playwright.sync_api import expect

    name, url, _ = real
    page.goto(f"{url}/casualties")
    link = _grid(page, 0)[0]["evidence"]
    assert link.endswith("#marked-sentence")
    page.goto(f"{url}/{link}")
    heading = page.get_by_role("heading", name="The sentence of the row you opened")
    expect(heading).to_be_in_viewport()
    _shot(page, f"{name}-article-marked")


@pytest.mark.parametrize("path", ["", "statements", "articles"])
def test_every_other_page_renders(real, page, path):
    from playwright.sync_api import expect

    name, url, _ = real
    page.goto(f"{url}/{path}")
    expect(page.locator("[data-testid=stDataFrame]").first).to_be_visible()
    if path == "statements":
        expect(page.locator(".js-plotly-plot").first).to_be_visible()
    expect(page.locator("[data-testid=stException]")).to_have_count(0)
    _shot(page, f"{name}-{path or 'overview'}")
