"""The dashboard's entry point: `streamlit run dashboard.py`.

It routes between the pages in pages/ (st.navigation, see app/router.py) and draws the filters
every page shares; the pages stay thin and call app/ for their logic.
"""
from pathlib import Path

import streamlit as st

from app import router

# The icon is served from here: a Material icon as the page icon would be fetched from a font CDN on
# every page load, a request leaving the machine.
st.set_page_config(page_title="War news: reported figures and statements",
                   page_icon=str(Path(__file__).resolve().parent / "app" / "icon.png"), layout="wide")
router.route()
