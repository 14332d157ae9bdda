"""The dashboard's entry point: `streamlit run dashboard.py`.

It routes between the pages in pages/ (st.navigation, see app/router.py) and draws the filters
every page shares; the pages stay thin and call app/ for their logic.
"""
import streamlit as st

from app import router

st.set_page_config(page_title="War news: reported figures and statements", page_icon=":material/newspaper:",
                   layout="wide")
router.route()
