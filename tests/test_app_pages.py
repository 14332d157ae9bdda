"""Every page runs on a full store, an empty one and none at all, and never shows a traceback."""
from __future__ import annotations

import pytest

PAGES = ["pages/overview.py", "pages/casualties.py", "pages/statements.py", "pages/articles.py",
         "pages/add_articles.py"]
DATA_PAGES = PAGES[:4]


def _texts(at) -> str:
    parts = [e.value for kind in ("markdown", "caption", "info", "warning", "code", "title", "subheader")
             for e in getattr(at, kind)]
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_the_fixture_store(open_app, fixture_store, page):
    at = open_app(fixture_store.folder, page)
    assert not at.exception
    assert at.sidebar.multiselect, "the shared filters are in the sidebar on every page"
    if page in DATA_PAGES:
        assert at.dataframe, "a data page shows a table"


@pytest.mark.parametrize("page", DATA_PAGES)
@pytest.mark.parametrize("store", ["empty_store", "missing_store"])
def test_without_data_pages_explain_how_to_add_articles(open_app, request, page, store):
    at = open_app(request.getfixturevalue(store), page)
    assert not at.exception
    assert not at.dataframe
    assert "python3 -m etl --input" in _texts(at)
    assert not at.sidebar.multiselect, "no filters without data"


def test_add_page_runs_without_a_store(open_app, missing_store):
    at = open_app(missing_store, "pages/add_articles.py")
    assert not at.exception
    assert at.file_uploader


def test_a_damaged_store_is_explained_not_raised(open_app, tmp_path):
    (tmp_path / "store.duckdb").write_bytes(b"this is not a database")
    at = open_app(tmp_path, "pages/casualties.py")
    assert not at.exception
    assert "cannot be read" in _texts(at)


def test_overview_counts_distinct_claims_and_states_the_caveats(open_app, fixture_store):
    at = open_app(fixture_store.folder)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Articles"] == "12"
    assert metrics["Statements"] == "18"
    # 18 figure mentions, three of them repeat a claim another article made.
    assert metrics["Distinct figures"] == "15"
    text = _texts(at)
    assert "not verified counts" in text
    assert "Running totals (cumulative figures) and per-period counts are never added together" in text


def test_a_page_opened_directly_still_gets_the_shared_frame(open_app, fixture_store):
    # Streamlit serves pages/ files on their own until st.navigation first runs in the process;
    # AppTest starts every run in that mode, like a server's first visitor on a deep link.
    at = open_app(fixture_store.folder, "pages/statements.py")
    at.run()
    assert [t.value for t in at.title] == ["Statements"]
    assert at.sidebar.multiselect


def test_a_new_etl_run_shows_up_without_a_restart(open_app, fixture_store, tmp_path):
    from conftest import build_store

    build_store(tmp_path, fixture_store.articles[:5], [], [], version="run-1")
    at = open_app(tmp_path, "pages/articles.py")
    assert len(at.dataframe[0].value) == 5
    build_store(tmp_path, fixture_store.articles, [], [], version="run-2")  # replaces the file atomically
    at.run()
    assert len(at.dataframe[0].value) == 12
