"""A table on a page: the first rows, a note when there are more, a link to each row's article,
and downloads of the full filtered table with its metadata."""
from __future__ import annotations

from typing import Sequence

import pandas as pd
import streamlit as st

from app import db, downloads, empty
from app.filters import Filters
from app.queries import Query
from app.texts import claim, what

SHOWN = 1000
ARTICLES_PAGE = "articles"
MARK_PARAM = "mark"  # the article page marks, and scrolls to, the sentence of this figure or statement
MARK_ANCHOR = "marked-sentence"  # ...under a heading with this anchor, which the link's fragment names
_DATES = ("published", "first_published", "said_on", "period_start", "period_end", "placed_on", "as_of",
          "first_claim_on", "claim_date", "general_staff_day", "economist_day")
# Counts of people: wide enough that no digit is ever clipped (1,000,000,000 included).
_COUNTS = ("value", "value_high", "highest", "general_staff", "economist", "economist_low", "economist_high")
_COUNT_WIDTH = 110
_WIDE = ("quote", "sentence", "title", "reason")
_WIDE_WIDTH = 360
# Short texts, in pixels: a figure's claim ("at least 5,000–7,000 (vague: floor)"), what it counts, who.
_WIDTHS = {"claim": 115, "what": 160, "reported_by": 130, "claimant": 130, "actor": 130, "speaker": 130}
_DATE_WIDTH = 104
_TEXT_AFTER = ("sentence", "quote")  # the evidence link follows the evidence text
# Rows tall enough for four lines: Streamlit wraps cell text only in rows taller than 4rem.
_WRAPPED_ROW = 92


def _column_config(frame: pd.DataFrame) -> dict:
    config: dict = {"evidence": st.column_config.LinkColumn(
        "evidence", display_text="open ↗", width=70,
        help="The article, scrolled to this row's sentence, which is marked")}
    for col in frame.columns:
        if col == "month":
            config[col] = st.column_config.DateColumn(col, format="MMM YYYY")
        elif col in _DATES:
            config[col] = st.column_config.DateColumn(col, format="YYYY-MM-DD", width=_DATE_WIDTH)
        elif col in _COUNTS:
            config[col] = st.column_config.NumberColumn(col, format="localized", width=_COUNT_WIDTH)
        elif col in _WIDE:
            config[col] = st.column_config.TextColumn(col, width=_WIDE_WIDTH)
        elif col in _WIDTHS:
            config[col] = st.column_config.TextColumn(col, width=_WIDTHS[col])
    return config


def _mark(frame: pd.DataFrame) -> pd.Series | None:
    for column in ("figure_id", "statement_id"):
        if column in frame.columns:
            return frame[column]
    return None


def with_article_links(frame: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """Add an 'evidence' column linking each row to its article (under the same filters), at the
    row's own sentence when the row is a figure or a statement."""
    if "article_id" not in frame.columns:
        return frame
    marks = _mark(frame)
    links = [filters.link(ARTICLES_PAGE, article=a) if not isinstance(m, str)
             else filters.link(ARTICLES_PAGE, article=a, **{MARK_PARAM: m}) + f"#{MARK_ANCHOR}"
             for a, m in zip(frame["article_id"], marks if marks is not None else [None] * len(frame))]
    return frame.assign(evidence=links)


def in_words(frame: pd.DataFrame) -> pd.DataFrame:
    """Add what a figure's row says in words: 'claim' ('about 100,000') and 'what' ('Russian
    military killed'), when the row has the columns they come from."""
    columns = set(frame.columns)
    if {"category", "group", "side"} <= columns:
        frame = frame.assign(what=[what(c, g, s) for c, g, s in zip(frame["category"], frame["group"], frame["side"])])
    if "value" in columns:
        highs = frame["value_high"] if "value_high" in columns else [None] * len(frame)
        qualifiers = frame["qualifier"] if "qualifier" in columns else [None] * len(frame)
        frame = frame.assign(claim=[claim(v, h, q) for v, h, q in zip(frame["value"], highs, qualifiers)])
    return frame


def show(store: db.Store, query: Query, *, name: str, about: str, filters: Filters, key: str,
         columns: Sequence[str] | None = None, shown: int = SHOWN, selection: Sequence[str] = (),
         link: bool = True, derived: dict | None = None, total: int | None = None,
         when_empty: str | None = None, links: Filters | None = None) -> None:
    """Render the table: its first `shown` rows, and downloads of all of them.

    `columns` picks and orders what is shown (the download keeps every column); `derived` maps a
    new display column to a function of the frame. `total` is the query's row count when the page
    already knows it; otherwise it is counted, unless the rows fit on the page. `when_empty` is what
    to say when there are no rows, for a table that is often empty where others on the page are not.
    `links` are the filters the article links carry, when the page narrowed `filters` itself.
    """
    # One row beyond those shown tells whether there are more, so a short table needs no count.
    frame = db.fetch(store, query, shown + 1)
    if len(frame) <= shown:
        total = len(frame)
    elif total is None:
        total = db.count(store, query)
    if total == 0:
        if when_empty:
            st.caption(when_empty)
        else:
            empty.no_match()
        return
    frame = in_words(frame.head(shown))
    for column, make in (derived or {}).items():
        frame[column] = make(frame)
    if link:
        frame = with_article_links(frame, links or filters)
    order = list(columns or frame.columns)
    if "evidence" in frame:
        # Right after the evidence text, else second: in view without scrolling sideways.
        after = [order.index(c) + 1 for c in _TEXT_AFTER if c in order]
        order.insert(after[0] if after else 1, "evidence")
    wrapped = any(c in _WIDE for c in order)
    st.dataframe(frame, hide_index=True, column_order=order, column_config=_column_config(frame),
                 key=f"{key}-table", row_height=_WRAPPED_ROW if wrapped else None,
                 placeholder=" ")  # a space: an empty string would leave "None" showing
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
