"""The shared filters in the sidebar, kept in step with the URL's query parameters.

A new session (an opened link) takes the widgets' values from the URL; from then on the widgets
are the state, and every run writes their values back to the URL, so the address bar always holds
a link to the current view.
"""
from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from app import db, place_queries, queries
from app.filters import Filters, from_query_params
from etl.model import CATEGORIES, GROUPS, SIDES

# widget key -> (URL parameter, Filters field)
_LISTS = {
    "f_actors": ("actor", "actors"), "f_categories": ("category", "categories"),
    "f_groups": ("group", "groups"), "f_sides": ("side", "sides"),
    "f_sources": ("source", "sources"), "f_tags": ("tag", "tags"),
    "f_regions": ("region", "regions"),
}
_MONTHS, _TEXT = "f_months", "f_text"
_SPAN = "f_months_span"  # the month options last shown, to tell "all months" from a chosen range
SIDEBAR_PARAMS = ("from", "to", "q") + tuple(param for param, _ in _LISTS.values())


def _month_label(month: str) -> str:
    return pd.Timestamp(f"{month}-01").strftime("%b %Y")


def _months_between(first: date, last: date) -> list[str]:
    return [p.strftime("%Y-%m") for p in pd.period_range(first, last, freq="M")]


def _options(store: db.Store) -> dict[str, list[str]]:
    contents = db.fetch(store, queries.store_contents()).iloc[0]
    months = [] if pd.isna(contents["first"]) else _months_between(contents["first"], contents["last"])
    return {"months": months, "actors": list(contents["actors"]), "categories": list(CATEGORIES),
            "groups": list(GROUPS), "sides": list(SIDES), "sources": list(contents["sources"]),
            "tags": list(contents["tags"])}


def _month_range(filters: Filters, months: list[str]) -> tuple[str, str]:
    first = filters.month_from if filters.month_from in months else months[0]
    last = filters.month_to if filters.month_to in months else months[-1]
    return (first, last) if first <= last else (last, first)


def _sync_state(options: dict[str, list[str]], url: Filters) -> None:
    """Seed widgets from the URL in a new session; drop values the options no longer hold."""
    state = st.session_state
    for key, (_, name) in _LISTS.items():
        current = state[key] if key in state else list(getattr(url, name))
        allowed = set(options[name])
        kept = [v for v in current if v in allowed]
        if key not in state or kept != current:
            state[key] = kept
    if _TEXT not in state:
        state[_TEXT] = url.text
    months = options["months"]
    if len(months) > 1:
        got, span = state.get(_MONTHS), (months[0], months[-1])
        if not (isinstance(got, (tuple, list)) and len(got) == 2 and set(got) <= set(months)):
            state[_MONTHS] = _month_range(url, months)
        elif tuple(got) == state.get(_SPAN) != span:
            state[_MONTHS] = span  # "all months" stays all months when new data widens the span
        state[_SPAN] = span


def _filters(options: dict[str, list[str]]) -> Filters:
    state = st.session_state
    month_from = month_to = None
    months = options["months"]
    if len(months) > 1 and tuple(state[_MONTHS]) != (months[0], months[-1]):
        month_from, month_to = state[_MONTHS]
    return Filters(month_from=month_from, month_to=month_to, text=state[_TEXT].strip(),
                   **{name: tuple(state[key]) for key, (_, name) in _LISTS.items()})


def _write_url(filters: Filters) -> None:
    wanted = filters.to_params()
    for param in SIDEBAR_PARAMS:
        value = wanted.get(param)
        if value is None:
            if param in st.query_params:
                del st.query_params[param]
        elif st.query_params.get_all(param) != value:
            st.query_params[param] = value


def _reset(options: dict[str, list[str]]) -> None:
    for key in _LISTS:
        st.session_state[key] = []
    st.session_state[_TEXT] = ""
    if len(options["months"]) > 1:
        st.session_state[_MONTHS] = (options["months"][0], options["months"][-1])


def render(store: db.Store | None) -> None:
    """Draw the filters (when there is data) and write them to the URL."""
    if store is None:
        st.sidebar.caption("Filters appear here once articles are loaded.")
        return
    url = from_query_params(st.query_params)
    options = _options(store)
    # An actor named in a link stays selectable even beyond the option list's length limit.
    options["actors"] = list(dict.fromkeys(options["actors"] + list(url.actors)))
    regions = db.fetch(store, place_queries.regions())
    options["regions"] = list(regions["name"])
    _sync_state(options, url)
    with st.sidebar:
        st.header("Filters")
        months = options["months"]
        if len(months) > 1:
            # `value` makes it a range slider; the session state (seeded from the URL) sets the range.
            st.select_slider("Months", options=months, value=(months[0], months[-1]), key=_MONTHS,
                             format_func=_month_label,
                             help="Figures are placed by the period they describe (see Casualties); "
                                  "articles and statements by publication date.")
        elif months:
            st.caption(f"All data is from {_month_label(months[0])}.")
        st.text_input("Search text", key=_TEXT, placeholder="words in titles, sentences, quotes",
                      help="Matches article titles and text, figure sentences, quotes and speakers.")
        st.multiselect("Actors", options=options["actors"], key="f_actors",
                       placeholder="All speakers and reporters",
                       help="People and organisations quoted, or credited with a figure.")
        st.multiselect("Category", options=options["categories"], key="f_categories",
                       placeholder="All categories", help="Applies to figures.")
        st.multiselect("Group", options=options["groups"], key="f_groups", placeholder="All groups",
                       help="Applies to figures.")
        st.multiselect("Side", options=options["sides"], key="f_sides", placeholder="Both sides and others",
                       help="Applies to figures.")
        st.multiselect("Region", options=options["regions"], key="f_regions", placeholder="All oblasts",
                       format_func=dict(zip(regions["name"], regions["name"] + regions["country"].map(
                           lambda c: "" if c == "UA" else f" ({c})"))).get,
                       help="Figures placed in these oblasts (see Where); statements and articles of the "
                            "articles that report such figures.")
        st.multiselect("Source", options=options["sources"], key="f_sources", placeholder="All outlets")
        st.multiselect("Tags", options=options["tags"], key="f_tags", placeholder="All tags")
        st.button("Clear filters", on_click=_reset, args=(options,), icon=":material/filter_alt_off:")
    _write_url(_filters(options))
