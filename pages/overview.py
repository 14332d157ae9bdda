"""Overview: what the data holds, what it is and is not, and the latest figures and statements."""
import json

import pandas as pd
import streamlit as st

from app import db, queries, router, tables, view
from app.paths import shown
from app.texts import CAVEATS, WHAT_IT_IS, WHAT_IT_IS_NOT

router.enter_page()

st.title("War news: reported figures and statements")
current = view.with_data()
store, filters = current.store, current.filters

summary = db.fetch(store, queries.overview(filters)).iloc[0]
cols = st.columns(4)
cols[0].metric("Articles", f"{summary['articles']:,}")
cols[1].metric("Distinct figures", f"{summary['claims']:,}",
               help=f"{summary['figures']:,} figure mentions; a claim repeated by several articles counts once.")
cols[2].metric("Statements", f"{summary['statements']:,}")
cols[3].metric("Outlets", f"{summary['sources']:,}")
if summary["articles"] and not pd.isna(summary["first"]):
    st.caption(f"Articles published from {summary['first']:%d %B %Y} to {summary['last']:%d %B %Y}"
               + (" (with the filters in the sidebar)." if filters.to_params() else "."))

left, right = st.columns(2)
with left:
    st.subheader("What this data is")
    st.markdown(WHAT_IT_IS)
with right:
    st.subheader("What it is not")
    st.markdown(WHAT_IT_IS_NOT)
with st.expander("Caveats, in plain words"):
    st.markdown("\n".join(f"- {c}" for c in CAVEATS))

st.subheader("Latest figures")
tables.show(store, queries.claims(filters, latest_first=True), name="figures-latest",
            about="Reported figures, newest first; a claim repeated by several articles is one row.",
            filters=filters, key="latest-figures", shown=10, total=int(summary["claims"]),
            columns=["claim", "what", "reported_by", "first_published", "sentence", "cumulative"])
st.subheader("Latest statements")
tables.show(store, queries.statements(filters), name="statements-latest",
            about="Statements, newest first.", filters=filters, key="latest-statements", shown=10,
            total=int(summary["statements"]),
            columns=["actor", "published", "quote", "speaker_role", "kind"])

meta = db.meta(store)
with st.expander("About this version of the data"):
    st.text(f"Data version: {meta.get('version', 'unknown')}\nGenerated: {meta.get('generated_at', 'unknown')}")
    inputs = json.loads(meta.get("inputs") or "[]")
    st.text("Inputs read: " + ", ".join(shown(i, inputs) for i in inputs))  # not the server's folders
    st.markdown("**Input items that could not be loaded**")
    tables.show(store, queries.rejected(), name="rejected", about="Input items the ETL could not load, and why.",
                filters=filters, key="rejected", link=False)
