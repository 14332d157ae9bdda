"""The dashboard in a real browser: a chart renders, filters change the table, a CSV downloads.

Runs `streamlit run dashboard.py` on the fixture store and drives Debian's chromium through
Playwright. Screenshots go to $ARTIFACTS_DIR (default tests/artifacts/) for a person to look at.
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
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
REPO_ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = Path(os.environ.get("ARTIFACTS_DIR") or REPO_ROOT / "tests" / "artifacts")
WAIT_MS = 20_000

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"streamlit exited with {proc.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"streamlit did not become healthy:\n{log.read_text()}")


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


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def _download_button(page, table: str):
    return page.get_by_role("button", name=re.compile(rf"^Download {re.escape(table)} \(CSV"))


def test_a_deep_link_renders_the_chart_and_a_box_selection_filters_the_table(server, page):
    from playwright.sync_api import expect

    # The module's first request goes straight to a page, as a shared link would after a restart.
    page.goto(f"{server}/casualties")
    chart = page.locator(".js-plotly-plot").first
    expect(chart).to_be_visible()
    expect(page.get_by_role("heading", name="Filters")).to_be_visible()
    expect(chart.locator(".barlayer .point")).to_have_count(10)
    table = _download_button(page, "figures-per_period")
    expect(table).to_contain_text("11 rows")
    _shot(page, "casualties")

    # Drag a box over the first two months (March and April 2022).
    area = chart.locator(".nsewdrag").first.bounding_box()
    page.mouse.move(area["x"] + 3, area["y"] + 3)
    page.mouse.down()
    page.mouse.move(area["x"] + area["width"] * 0.38, area["y"] + area["height"] - 2, steps=12)
    page.mouse.up()
    expect(page.get_by_role("heading", name="The claims in the selection")).to_be_visible()
    expect(table).to_contain_text("5 rows")
    _shot(page, "casualties-selection")
    _double_click_until(page, chart.locator(".nsewdrag").first, table, "11 rows")


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


def test_a_month_filter_changes_the_table_and_its_download(server, page):
    from playwright.sync_api import expect

    page.goto(f"{server}/statements")
    expect(page.locator(".js-plotly-plot").first).to_be_visible()
    table = _download_button(page, "statements")
    expect(table).to_contain_text("18 rows")

    start, end = page.locator("[data-testid=stSidebar] input[type=range]").all()
    start.focus()
    for _ in range(2):  # Mar -> May
        page.keyboard.press("ArrowRight")
    expect(page).to_have_url(re.compile(r"from=2022-05"))
    end.focus()
    for _ in range(3):  # Aug -> May
        page.keyboard.press("ArrowLeft")
    expect(page).to_have_url(re.compile(r"from=2022-05&to=2022-05"))
    expect(table).to_contain_text("3 rows")
    _shot(page, "statements-may")

    with page.expect_download() as download:
        table.click()
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8"))))
    assert download.value.suggested_filename == "statements.csv"
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
    _shot(page, "article")
