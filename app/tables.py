"""A table on a page: the first rows, a note when there are more, a link to each row's article,
and downloads of the full filtered table with its metadata."""
from __future__ import annotations

from typing import Sequence

import pandas as pd
import streamlit as st

from app import db, downloads, empty
from app.filters import Filters
from app.queries import Query

SHOWN = 1000
ARTICLES_PAGE = "articles"
_DATES = ("published", "first_published", "said_on", "period_start", "period_end", "placed_on")
_WIDE = ("quote", "sentence", "title", "reason")


def _column_config(frame: pd.DataFrame) -> dict:
    config: dict = {"evidence": st.column_config.LinkColumn(
        "evidence", display_text="open article", help="The article, with this row's sentence highlighted")}
    for col in frame.columns:
        if col == "month":
            config[col] = st.column_config.DateColumn(col, format="MMM YYYY")
        elif col in _DATES:
            config[col] = st.column_config.DateColumn(col, format="YYYY-MM-DD")
        elif col in ("value", "value_high"):
            config[col] = st.column_config.NumberColumn(col, format="localized")
        elif col in _WIDE:
            config[col] = st.column_config.TextColumn(col, width="large")
    return config


def with_article_links(frame: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """Add an 'evidence' column linking each row to its article (under the same filters)."""
    if "article_id" not in frame.columns:
        return frame
    return frame.assign(evidence=[filters.link(ARTICLES_PAGE, article=a) for a in frame["article_id"]])


def show(store: db.Store, query: Query, *, name: str, about: str, filters: Filters, key: str,
         columns: Sequence[str] | None = None, shown: int = SHOWN, selection: Sequence[str] = (),
         link: bool = True, derived: dict | None = None, total: int | None = None) -> None:
    """Render the table: its first `shown` rows, and downloads of all of them.

    `columns` picks and orders what is shown (the download keeps every column); `derived` maps a
    new display column to a function of the frame. `total` is the query's row count when the page
    already knows it; otherwise it is counted, unless the rows fit on the page.
    """
    # One row beyond those shown tells whether there are more, so a short table needs no count.
    frame = db.fetch(store, query, shown + 1)
    if len(frame) <= shown:
        total = len(frame)
    elif total is None:
        total = db.count(store, query)
    if total == 0:
        empty.no_match()
        return
    frame = frame.head(shown)
    for column, make in (derived or {}).items():
        frame[column] = make(frame)
    if link:
        frame = with_article_links(frame, filters)
    order = list(columns or frame.columns)
    if "evidence" in frame:  # second, so the link is in view without scrolling sideways
        order.insert(1, "evidence")
    st.dataframe(frame, hide_index=True, column_order=order, column_config=_column_config(frame),
                 key=f"{key}-table")
    if total > shown:
        st.caption(f"Showing the first {shown:,} of {total:,} rows; the download holds all {total:,}.")
    left, right = st.columns(2)
    left.download_button(f"Download {name} (CSV, {total:,} row{'s' if total != 1 else ''})",
                         data=lambda: downloads.csv_bytes(store, query),
                         file_name=f"{name}.csv", mime="text/csv", on_click="ignore",
                         key=f"{key}-csv", icon=":material/download:")
    right.download_button("Download its metadata (JSON)",
                          data=lambda: downloads.metadata_bytes(store, query, name, about, filters, selection),
                          file_name=f"{name}.metadata.json", mime="application/json",
                          on_click="ignore", key=f"{key}-meta", icon=":material/description:")
