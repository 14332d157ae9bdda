"""The dask engine writes the same tables as the local one; a Parquet-only store serves the dashboard."""
from __future__ import annotations

import itertools
import json
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from app import db, queries
from app.filters import Filters
from etl import store
from etl.pipeline import run

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "data" / "articles"
CORPUS = REPO.parent / "shared" / "corpus" / "ukraine-media.jsonl"
TABLES = ("articles.csv", "figures.csv", "statements.csv", "rejected.csv")

FEED = [
    {"id": "n1", "title": "Strike on a port", "date": "2024-03-12", "source": "Example Wire",
     "text": "At least 12 people were killed and 30 injured in a missile strike on the port on Tuesday, "
             "the regional governor said. \"This was a deliberate attack,\" said Governor Oleh Petrenko."},
    {"id": "n2", "title": "Exchange", "date": "2024-05-02", "source": "Example Daily",
     "text": "Ukraine and Russia exchanged 75 prisoners of war on Wednesday, officials said."},
    {"id": "n3", "title": "Undated evacuation", "source": "Example Daily",
     "text": "About 2,000 residents were evacuated from the town, the mayor said."},
]


def tables(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in TABLES}


def write_feed(path: Path, records: list[dict]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def cluster():
    """A LocalCluster inside the test process (threads, not processes), reached by its address."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as c:
        yield c


def test_dask_and_local_engines_write_identical_tables_for_the_sample(tmp_path, cluster):
    local = run([SAMPLE], tmp_path / "local", progress=False)
    remote = run([SAMPLE], tmp_path / "dask", progress=False, engine="dask",
                 scheduler=cluster.scheduler_address)
    assert local.extracted == remote.extracted == local.articles > 0
    assert tables(tmp_path / "local") == tables(tmp_path / "dask")


def test_dask_and_local_engines_write_identical_tables_for_a_corpus_slice(tmp_path, cluster):
    if not CORPUS.exists():
        pytest.skip("the shared corpus is not on this machine")
    with open(CORPUS, encoding="utf-8") as f:
        (tmp_path / "slice.jsonl").write_text("".join(itertools.islice(f, 300)), encoding="utf-8")
    run([tmp_path / "slice.jsonl"], tmp_path / "local", progress=False, workers=1)
    run([tmp_path / "slice.jsonl"], tmp_path / "dask", progress=False, engine="dask",
        scheduler=cluster.scheduler_address)
    assert tables(tmp_path / "local") == tables(tmp_path / "dask")


def etl(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "etl", "--quiet", *args], cwd=REPO, capture_output=True,
                          text=True, timeout=300)


def test_command_line_dask_engine_on_its_own_local_cluster(tmp_path):
    feed = write_feed(tmp_path / "in" / "feed.jsonl", FEED)
    local = etl("--input", str(feed), "--output", str(tmp_path / "local"))
    remote = etl("--input", str(feed), "--output", str(tmp_path / "dask"), "--engine", "dask", "--workers", "1")
    assert local.returncode == remote.returncode == 0, remote.stderr
    assert remote.stdout.startswith("articles=3 ")
    assert tables(tmp_path / "local") == tables(tmp_path / "dask")


def test_scheduler_without_the_dask_engine_is_a_usage_error(tmp_path):
    proc = etl("--input", str(SAMPLE), "--output", str(tmp_path / "out"), "--scheduler", "tcp://127.0.0.1:8786")
    assert proc.returncode == 2
    assert "--engine dask" in proc.stderr


def test_a_rerun_with_nothing_to_extract_needs_no_cluster(tmp_path):
    feed = write_feed(tmp_path / "in" / "feed.jsonl", FEED)
    run([feed], tmp_path / "out", progress=False)
    # Nothing listens there; the rerun must not try to reach it.
    again = run([feed], tmp_path / "out", progress=False, engine="dask", scheduler="tcp://127.0.0.1:9")
    assert again.extracted == 0 and again.articles == 3


# -- the store as partitioned Parquet ------------------------------------------------------------


def test_figures_are_filed_under_the_month_they_describe(tmp_path, fixture_store):
    folder = tmp_path / "out"
    folder.mkdir()
    shutil.copy(fixture_store.folder / store.STORE_NAME, folder)
    store.export(folder)
    con = duckdb.connect()
    rows = con.execute(
        "SELECT figure_id, month FROM read_parquet(?, hive_partitioning = true)",
        [str(folder / "parquet" / "figures" / "**" / "*.parquet")]).fetchall()
    filed = dict(rows)
    assert len(filed) == len(fixture_store.figures)
    for fig in fixture_store.figures:
        day = fig.period_start or fig.published
        assert filed[fig.figure_id] == (f"{day:%Y-%m}" if day else "unknown")


def test_an_article_without_a_date_is_filed_under_unknown(tmp_path):
    out = tmp_path / "out"
    run([write_feed(tmp_path / "in" / "feed.jsonl", FEED)], out, progress=False)
    months = {p.name for p in (out / "parquet" / "articles").iterdir()}
    assert months == {"month=2024-03", "month=2024-05", "month=unknown"}


def parquet_only_copy(source: Path, target: Path) -> Path:
    """What a copy of the ETL's output on shared storage holds when store.duckdb is left out."""
    shutil.copytree(source / "parquet", target / "parquet")
    return target


DASHBOARD_QUERIES = [
    queries.claims(Filters()),
    queries.claims(Filters(month_from="2022-04", text="killed"), view="per_period", latest_first=True),
    queries.claims_by_month(Filters(), "category"),
    queries.claims_by_month(Filters(sources=("Northern Wire",)), "side"),
    queries.claim_points(Filters()),
    queries.statements(Filters(actors=("Dmitry Orlov",))),
    queries.statements_by_month(Filters()),
    queries.top_speakers(Filters()),
    queries.articles(Filters(tags=("civilians",))),
    queries.article("a01"),
    queries.article_figures("a02"),
    queries.article_statements("a06"),
    queries.overview(Filters()),
    queries.month_span(),
    queries.actors(),
    queries.sources(),
    queries.tags(),
    queries.rejected(),
]


def test_the_dashboard_reads_a_parquet_only_copy_like_the_store(tmp_path, fixture_store, monkeypatch):
    built = tmp_path / "built"
    built.mkdir()
    shutil.copy(fixture_store.folder / store.STORE_NAME, built)
    store.export(built)
    monkeypatch.setenv(db.STORE_ENV, str(built))
    original = db.current_store()
    monkeypatch.setenv(db.STORE_ENV, str(parquet_only_copy(built, tmp_path / "shared")))
    copy = db.current_store()
    assert copy is not None and copy.parquet and copy.folder == tmp_path / "shared"
    assert db.problem(copy) is None
    assert db.meta(copy) == db.meta(original)
    for query in DASHBOARD_QUERIES:
        expected = db.fetch(original, query)
        pd.testing.assert_frame_equal(db.fetch(copy, query), expected)
        assert db.count(copy, query) == len(expected)
    assert not db.fetch(copy, queries.article("a01"))["text"].iloc[0] == ""


def test_every_page_runs_on_a_parquet_only_copy(tmp_path, fixture_store, open_app):
    built = tmp_path / "built"
    built.mkdir()
    shutil.copy(fixture_store.folder / store.STORE_NAME, built)
    store.export(built)
    shared = parquet_only_copy(built, tmp_path / "shared")
    for page in ("pages/overview.py", "pages/casualties.py", "pages/statements.py", "pages/articles.py"):
        at = open_app(shared, page)
        assert not at.exception, page
        assert at.dataframe, f"{page} shows a table"
    add = open_app(shared, "pages/add_articles.py")
    assert not add.exception and not add.get("file_uploader"), "a Parquet copy is not written to"
    assert any("Parquet copy" in i.value for i in add.info)


def test_a_parquet_only_copy_of_an_empty_store_reads_as_empty(tmp_path, empty_store, monkeypatch):
    built = tmp_path / "built"
    built.mkdir()
    shutil.copy(empty_store / store.STORE_NAME, built)
    store.export(built)
    monkeypatch.setenv(db.STORE_ENV, str(parquet_only_copy(built, tmp_path / "shared")))
    copy = db.current_store()
    assert db.problem(copy) is None
    assert db.fetch(copy, queries.articles(Filters())).empty
    assert db.fetch(copy, queries.claims(Filters())).empty


def test_a_new_export_shows_up_in_the_parquet_only_copy(tmp_path, monkeypatch):
    out, shared = tmp_path / "out", tmp_path / "shared"
    run([write_feed(tmp_path / "in" / "feed.jsonl", FEED[:2])], out, progress=False)
    parquet_only_copy(out, shared)
    monkeypatch.setenv(db.STORE_ENV, str(shared))
    before = db.current_store()
    assert len(db.fetch(before, queries.articles(Filters()))) == 2
    run([write_feed(tmp_path / "in" / "feed.jsonl", FEED)], out, progress=False)
    shutil.rmtree(shared)
    parquet_only_copy(out, shared)
    after = db.current_store()
    assert after != before
    assert len(db.fetch(after, queries.articles(Filters()))) == 3
