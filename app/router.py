"""The dashboard's pages and the frame every page shares (the filters in the sidebar).

Streamlit serves a `pages/` folder on its own (its older multipage mode) until the first run of
`st.navigation` in the process: the first visitor to a deep link after a server start would get
the page without the router. `enter_page` catches that and re-runs through the router.
"""
from __future__ import annotations

import threading

import streamlit as st

from app import sidebar, view

_run = threading.local()


def pages() -> list[st.Page]:
    # url_path equals each file's stem, which is what the older mode names the page too, so a
    # re-run through the router lands on the same page.
    return [
        st.Page("pages/overview.py", title="Overview", icon=":material/dashboard:", default=True),
        st.Page("pages/casualties.py", title="Casualties", icon=":material/bar_chart:", url_path="casualties"),
        st.Page("pages/statements.py", title="Statements", icon=":material/record_voice_over:",
                url_path="statements"),
        st.Page("pages/articles.py", title="Articles", icon=":material/article:", url_path="articles"),
        st.Page("pages/where.py", title="Where", icon=":material/map:", url_path="where"),
        st.Page("pages/add_articles.py", title="Add articles", icon=":material/upload_file:",
                url_path="add_articles"),
    ]


def route() -> None:
    """Run the current page inside the shared frame (the entry point's whole job)."""
    page = st.navigation(pages())
    sidebar.render(view.current().store)
    _run.routed = True
    try:
        page.run()
    finally:
        _run.routed = False


def enter_page() -> None:
    """Called first by every page: a page run without the router re-runs through it."""
    if not getattr(_run, "routed", False):
        st.navigation(pages(), position="hidden")  # switches Streamlit to st.navigation routing
        st.rerun()
