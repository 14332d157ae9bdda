"""Statements: who said what, per month for the most quoted speakers, and a searchable table of quotes."""
import streamlit as st

from app import charts, db, queries, router, tables, view

TOP = 8

router.enter_page()
st.title("Statements")
st.caption("Who said what, as the articles report it. Search quotes with the sidebar's text search; "
           "the category, group, side and conflict filters apply to figures only.")
current = view.with_data()
store, filters = current.store, current.filters

by_month = db.fetch(store, queries.statements_by_month(filters, TOP))
top = db.fetch(store, queries.top_speakers(filters))
if not by_month.empty and current.months():
    coverage = db.fetch(store, queries.speaker_coverage(filters, TOP)).iloc[0]
    left, right = st.columns([3, 2])
    with left:
        st.subheader(f"The {TOP} most quoted speakers, per month")
        st.plotly_chart(charts.statements_by_month(by_month, current.months()), width="stretch",
                        key="statements-by-month")
    with right:
        st.subheader("Most quoted")
        st.plotly_chart(charts.top_speakers(top), width="stretch", key="top-speakers")
    total, named, shown = (int(coverage[c]) for c in ("statements", "by_named", "by_top"))
    st.caption(f"The chart shows {shown:,} of {total:,} statements ({shown / total:.0%}), those of the {TOP} "
               f"named speakers quoted most. {total - named:,} statements whose speaker is a common noun "
               "(\"officials\", \"experts\") are left out of both charts; every statement is in the table.")

st.subheader("Quotes")
tables.show(store, queries.statements(filters), name="statements",
            about="Statements (who said what), newest first, with the sentence that attributes them.",
            filters=filters, key="statements",
            columns=["actor", "published", "quote", "speaker", "speaker_role", "kind", "cue", "said_on", "source"])
