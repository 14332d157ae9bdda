"""Dashboard page run times at scale: python3 bench/dashboard_pages.py [--store DIR] [--runs 5]

Builds (unless --store is given) a synthetic store of 100,000 articles, 1,000,000 figures and
500,000 statements (bench/synthetic_store.py), then times each page's script run with Streamlit's
AppTest: the first run after clearing the caches (what a new filter costs) and a rerun (what a
widget change on an already-computed view costs), each the median of --runs runs, with default
filters and with a one-month, one-actor filter. The Casualties page is timed in each of its views:
claims by claimant (the default), incidents per period, and incidents of every category in small
multiples. The first run's CPU time (the process's, all threads) is printed beside it: on a busy
machine the wall time waits for the CPU, and on an idle one it is no more than this CPU time.
Last, the time to build the full figures CSV download of the Casualties page.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from machine import describe  # noqa: E402
from synthetic_store import build  # noqa: E402

# (label, page, the page's own URL parameters)
PAGES = [("overview", "pages/overview.py", {}), ("casualties: claimants", "pages/casualties.py", {}),
         ("casualties: incidents", "pages/casualties.py", {"view": "incidents"}),
         ("casualties: all panels", "pages/casualties.py", {"view": "incidents", "what": "all"}),
         ("statements", "pages/statements.py", {}), ("articles", "pages/articles.py", {}),
         ("add articles", "pages/add_articles.py", {})]
ONE_MONTH_ONE_ACTOR = {"from": "2023-05", "to": "2023-05", "actor": "Volodymyr Zelensky"}


def time_page(page: str, query: dict[str, str], runs: int) -> tuple[float, float, float]:
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    cold, cold_cpu, warm = [], [], []
    for _ in range(runs):
        st.cache_data.clear()
        at = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=120)
        for key, value in query.items():
            at.query_params[key] = value
        at.run()
        # The router lands on the first page; clear again so every page is timed from cold caches,
        # sidebar queries included.
        st.cache_data.clear()
        started, cpu = time.perf_counter(), time.process_time()
        at.switch_page(page).run()
        cold.append(time.perf_counter() - started)
        cold_cpu.append(time.process_time() - cpu)
        if at.exception:
            raise SystemExit(f"{page} raised: {at.exception[0].value}")
        started = time.perf_counter()
        at.run()
        warm.append(time.perf_counter() - started)
    return statistics.median(cold), statistics.median(cold_cpu), statistics.median(warm)


def time_download(runs: int) -> tuple[float, int]:
    from app import db, downloads, queries
    from app.filters import Filters

    store = db.current_store()
    times, size = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        size = len(downloads.csv_bytes(store, queries.claims(Filters())))
        times.append(time.perf_counter() - started)
    return statistics.median(times), size


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--store", type=Path, help="an existing store folder (default: build a synthetic one)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(describe())
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.store or Path(tmp)
        if args.store is None:
            started = time.perf_counter()
            build(folder, 100_000, 1_000_000, 500_000)
            print(f"synthetic store: 100,000 articles, 1,000,000 figures, 500,000 statements "
                  f"(built in {time.perf_counter() - started:.1f} s)")
        os.environ["WAR_NEWS_STORE"] = str(folder)
        print(f"{'page':24} {'filters':22} {'first run':>10} {'its CPU':>8} {'rerun':>8}   (median of {args.runs})")
        for label, query in (("default", {}), ("one month, one actor", ONE_MONTH_ONE_ACTOR)):
            for name, page, own in PAGES:
                cold, cpu, warm = time_page(page, {**query, **own}, args.runs)
                print(f"{name:24} {label:22} {cold:9.3f}s {cpu:7.3f}s {warm:7.3f}s")
        seconds, size = time_download(max(1, args.runs // 2))
        print(f"full figures CSV download (Casualties, default filters): {seconds:.2f} s, {size / 2**20:.1f} MiB")


if __name__ == "__main__":
    main()
