"""Time to the first chart in a real browser: python3 bench/browser_pages.py [--store DIR] [--runs 3]

Starts `streamlit run dashboard.py` on a store (default: one the ETL builds from
../shared/corpus/ukraine-media.jsonl, as the README's corpus store) and opens each page in
Debian's chromium through Playwright, each time in a fresh browser context (no cache). It measures
from navigation until the page's first chart is visible (the first table for Articles, which has
no chart) and prints the first load (the server's caches cold) and the median of --runs loads,
with the median time to the page's title beside them (what the chart itself adds), then the
median with the browser's cache warm (one context that has already shown every page: a person
moving between pages or coming back).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(REPO / "tests"))

from machine import describe  # noqa: E402
from test_browser import CHROMIUM, CORPUS, streamlit_server  # noqa: E402 - the browser test's own launcher

# (page, what appears first)
PAGES = [("overview", "", "[data-testid=stDataFrame]"), ("casualties", "casualties", ".js-plotly-plot"),
         ("casualties: incidents", "casualties?view=incidents", ".js-plotly-plot"),
         ("statements", "statements", ".js-plotly-plot"), ("articles", "articles", "[data-testid=stDataFrame]")]


def time_page(browser, url: str, selector: str) -> tuple[float, float]:
    """Seconds from navigation until the page's title, then its first chart, is visible, in a
    fresh browser context: nothing cached, as on a first visit."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        return _time_load(context.new_page(), url, selector)
    finally:
        context.close()


def _time_load(page, url: str, selector: str) -> tuple[float, float]:
    started = time.perf_counter()
    page.goto(url)
    page.locator("h1").first.wait_for(state="visible", timeout=60_000)
    title = time.perf_counter() - started
    page.locator(selector).first.wait_for(state="visible", timeout=60_000)
    return title, time.perf_counter() - started


def warm_times(browser, url: str, runs: int) -> dict[str, float]:
    """Median seconds to each page's first chart in one browser context that has shown every page
    once: the dashboard's scripts (plotly.js alone is 4.7 MB) come from the browser's cache, as
    for a person moving between pages or coming back."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        for _, path, selector in PAGES:
            _time_load(page, f"{url}/{path}", selector)
        return {name: statistics.median(_time_load(page, f"{url}/{path}", selector)[1] for _ in range(runs))
                for name, path, selector in PAGES}
    finally:
        context.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--store", type=Path, help="a store folder (default: build one from the shared corpus)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(describe())
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        store = args.store
        if store is None:
            from etl.pipeline import run

            started = time.perf_counter()
            store = Path(tmp) / "corpus"
            run([CORPUS], store, progress=False)
            print(f"corpus store: {CORPUS.name} (built in {time.perf_counter() - started:.1f} s)")
        with streamlit_server(store, Path(tmp) / "server.log") as url, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--headless"])
            time_page(browser, url, PAGES[0][2])  # the server's first session: imports, the shared frame
            print(f"{'page':24} {'first load':>11} {'median':>8} {'title':>8} {'cached':>8}   "
                  f"(of {args.runs}; navigation to first chart visible in a fresh browser, to the page "
                  f"title, and to the chart with the browser's cache warm)")
            cold = {name: [time_page(browser, f"{url}/{path}", selector) for _ in range(args.runs)]
                    for name, path, selector in PAGES}
            warm = warm_times(browser, url, args.runs)
            for name, times in cold.items():
                charts = [chart for _, chart in times]
                print(f"{name:24} {charts[0]:10.2f}s {statistics.median(charts):7.2f}s "
                      f"{statistics.median(title for title, _ in times):7.2f}s {warm[name]:7.2f}s")
            browser.close()


if __name__ == "__main__":
    main()
