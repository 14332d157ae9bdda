"""The shared filters in the sidebar, kept in step with the URL's query parameters.

A new session (an opened link) takes the widgets' values from the URL; from then on the widgets
are the state, and every run writes their values back to the URL, so the address bar always holds
a link to the current view. A new filter is a Filters field (app/filters.py), a widget here and a
condition in app/queries.py.
"""
from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from app import db, place_queries, queries
from app.filters import Filters, from_query_params
from etl.model import CATEGORIES, GROUPS, SIDES, THIS_WAR

# widget key -> (URL parameter, Filters field)
_LISTS = {
    "f_actors": ("actor", "actors"), "f_categories": ("category", "categories"),
    "f_groups": ("group", "groups"), "f_sides": ("side", "sides"),
    "f_sources": ("source", "sources"), "f_tags": ("tag", "tags"),
    "f_regions": ("region", "regions"),
    "f_conflicts": ("conflict", "conflicts"),
}
_FROM, _TO, _TEXT, _VAGUE = "f_month_from", "f_month_to", "f_text", "f_vague"
_SPAN = "f_months_span"  # the month options last shown, to tell "all months" from a chosen range
SIDEBAR_PARAMS = ("from", "to", "q", "vague") + tuple(param for param, _ in _LISTS.values())


def month_label(month: str) -> str:
    return pd.Timestamp(f"{month}-01").strftime("%b %Y")


def _months_between(first: date, last: date) -> list[str]:
    return [p.strftime("%Y-%m") for p in pd.period_range(first, last, freq="M")]


def _options(store: db.Store) -> dict[str, list[str]]:
    contents = db.fetch(store, queries.store_contents()).iloc[0]
    months = [] if pd.isna(contents["first"]) else _months_between(contents["first"], contents["last"])
    return {"months": months, "actors": list(contents["actors"]), "categories": list(CATEGORIES),
            "groups": list(GROUPS), "sides": list(SIDES), "sources": list(contents["sources"]),
            "tags": list(contents["tags"]),
            "conflicts": list(dict.fromkeys([THIS_WAR, *contents["conflicts"]]))}


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
    if _VAGUE not in state:
        state[_VAGUE] = url.vague
    months = options["months"]
    if months:
        span = (months[0], months[-1])
        old = state.get(_SPAN)
        for key, asked, end in ((_FROM, url.month_from, 0), (_TO, url.month_to, 1)):
            got = state.get(key)
            if got not in months:
                state[key] = asked if asked in months else span[end]
            elif old and got == old[end] != span[end]:
                state[key] = span[end]  # "up to the last month" stays so when new data widens the span
        state[_SPAN] = span


def _filters(options: dict[str, list[str]]) -> Filters:
    state = st.session_state
    month_from = month_to = None
    months = options["months"]
    if months:
        first, last = sorted((state[_FROM], state[_TO]))
        month_from = first if first != months[0] else None
        month_to = last if last != months[-1] else None
    return Filters(month_from=month_from, month_to=month_to, text=state[_TEXT].strip(), vague=bool(state[_VAGUE]),
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
    default = Filters()
    for key, (_, name) in _LISTS.items():
        st.session_state[key] = list(getattr(default, name))
    st.session_state[_TEXT] = default.text
    st.session_state[_VAGUE] = default.vague
    if options["months"]:
        st.session_state[_FROM], st.session_state[_TO] = options["months"][0], options["months"][-1]


def _month_pickers(months: list[str]) -> None:
    if len(months) == 1:
        st.caption(f"All articles are from {month_label(months[0])}.")
        return
    left, right = st.columns(2)
    about = ("The months the articles were published in. Figures are placed by the period they "
             "describe (see Casualties); articles and statements by publication date.")
    left.selectbox("From", months, key=_FROM, format_func=month_label, help=about)
    right.selectbox("To", months, key=_TO, format_func=month_label)


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
        if options["months"]:
            _month_pickers(options["months"])
        st.text_input("Search text", key=_TEXT, placeholder='words, names, "a phrase"',
                      help="Finds every word (any spelling of a known actor: Zelensky, Zelenskyy…) in "
                           "titles, texts, figure sentences, quotes and speakers; put a phrase in quotes.")
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
        st.multiselect("Conflict", options=options["conflicts"], key="f_conflicts", placeholder="All conflicts",
                       help=f"Applies to figures. '{THIS_WAR}' is this war; articles also count the dead "
                            "of other wars and disasters, which are left out unless chosen here.")
        st.toggle("Include vague figures", key=_VAGUE,
                  help="'Hundreds', 'dozens', 'thousands' of people are left out of every sum and table "
                       "by default. Switched on, they count at their floor value (dozens 12, hundreds "
                       "100, thousands 1,000) and are marked vague.")
        st.multiselect("Source", options=options["sources"], key="f_sources", placeholder="All outlets")
        st.multiselect("Tags", options=options["tags"], key="f_tags", placeholder="All tags")
        st.button("Clear filters", on_click=_reset, args=(options,), icon=":material/filter_alt_off:")
    _write_url(_filters(options))
