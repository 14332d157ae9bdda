"""What a page is showing: the store version and the filters in the URL."""
from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from app import db, empty, queries
from app.filters import Filters, from_query_params


@dataclass(frozen=True)
class View:
    store: db.Store | None
    filters: Filters
    problem: str | None  # why there is nothing to show, in words


def current() -> View:
    filters = from_query_params(st.query_params)
    store = db.current_store()
    if store is None:
        return View(None, filters, f"There is no data yet: no store in {db.store_dir()}.")
    problem = db.problem(store)
    if problem:
        return View(None, filters, f"The store in {store.folder} cannot be read: {problem}. "
                                   "Rebuild it with the ETL.")
    # The sidebar's query (cached) counts the articles too, so this check costs no query of its own.
    if db.fetch(store, queries.store_contents())["articles"].iloc[0] == 0:
        return View(None, filters, "The store holds no articles yet.")
    return View(store, filters, None)


def with_data() -> View:
    """The current view; when there is no data, explain how to add some and end the page."""
    view = current()
    if view.store is None:
        empty.how_to_add_articles(view.problem or "There is no data yet.")
        st.stop()
    return view
