"""What a page is showing: the store version and the filters in the URL."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
import streamlit as st

from app import db, empty, queries
from app.filters import Filters, from_query_params


@dataclass(frozen=True)
class View:
    store: db.Store | None
    filters: Filters
    problem: str | None  # why there is nothing to show, in words
    # The first and last publication day of the store's articles (None when no article has a date).
    published: tuple[date, date] | None = None

    def months(self) -> tuple[date, date] | None:
        """The view's month range as (first day, first day after it): the filters' months, else
        the months the articles were published in."""
        if self.published is None:
            return None
        start, end = self.filters.month_bounds()
        first, last = self.published
        start = start or date(first.year, first.month, 1)
        end = end or (pd.Timestamp(last.year, last.month, 1) + pd.offsets.MonthBegin(1)).date()
        return start, end

    def chart_months(self, days: pd.Series) -> tuple[date, date] | None:
        """The months a chart of these `days` spans: the months the user chose, else the months the
        days fall in within the view (a corpus published over three years may hold claims of one)."""
        months = self.months()
        start, end = self.filters.month_bounds()
        days = pd.to_datetime(days.dropna())
        if months is None or (start and end) or days.empty:
            return months
        first, last = days.min(), days.max()
        return (start or max(months[0], date(first.year, first.month, 1)),
                end or min(months[1], (pd.Timestamp(last.year, last.month, 1) + pd.offsets.MonthBegin(1)).date()))


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
    contents = db.fetch(store, queries.store_contents()).iloc[0]
    if contents["articles"] == 0:
        return View(None, filters, "The store holds no articles yet.")
    published = None if pd.isna(contents["first"]) else (contents["first"], contents["last"])
    return View(store, filters, None, published)


def with_data() -> View:
    """The current view; when there is no data, explain how to add some and end the page."""
    view = current()
    if view.store is None:
        empty.how_to_add_articles(view.problem or "There is no data yet.")
        st.stop()
    return view
