"""Statements: who said what, per month and per actor, and a searchable table of quotes."""
import streamlit as st

from app import charts, db, queries, router, tables, view

router.enter_page()

st.title("Statements")
st.caption("Who said what, as the articles report it. Search quotes with the sidebar's text search; "
           "the category, group and side filters apply to figures only.")
current = view.with_data()
store, filters = current.store, current.filters

by_month = db.fetch(store, queries.statements_by_month(filters))
top = db.fetch(store, queries.top_speakers(filters))
if not by_month.empty:
    left, right = st.columns([3, 2])
    with left:
        st.subheader("Statements per month, by speaker")
        st.plotly_chart(charts.statements_by_month(by_month), width="stretch", key="statements-by-month")
    with right:
        st.subheader("Most quoted")
        st.plotly_chart(charts.top_speakers(top), width="stretch", key="top-speakers")

st.subheader("Quotes")
tables.show(store, queries.statements(filters), name="statements",
            about="Statements (who said what), newest first, with the sentence that attributes them.",
            filters=filters, key="statements",
            columns=["published", "said_on", "actor", "speaker", "speaker_role", "kind", "quote", "cue", "source"])
