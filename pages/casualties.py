"""Casualties: reported figures per month, by category, group or side; select bars to filter the table."""
import hashlib
from dataclasses import replace

import streamlit as st

from app import charts, controls, db, empty, queries, router, tables, view
from app.evidence import escape_markdown

router.enter_page()

st.title("Casualties and other reported figures")
st.caption("Reported figures, not verified counts. A claim repeated by several articles counts once.")
current = view.with_data()
store = current.store

c1, c2, c3 = st.columns(3)
with c1:
    shown = controls.choice("Show", {"per_period": "Counts per period", "cumulative": "Running totals"}, "view",
                            help="Running totals (\"since the invasion began\") and counts over a period "
                                 "are never added together.")
with c2:
    breakdown = controls.choice("Break down by", {b: b for b in queries.BREAKDOWNS}, "by")
with c3:
    dated_by = controls.choice("Place figures by", {"period": "period described", "published": "publication date"},
                               "dated_by")
filters = replace(current.filters, dated_by=dated_by)

data = db.fetch(store, queries.claims_by_month(filters, shown, breakdown))
dated = data[data["month"].notna()]
selected: tuple[str, ...] = ()
if dated.empty:
    empty.no_match()
else:
    # A new key whenever the chart's data changes, so an old selection never filters a new chart.
    digest = hashlib.blake2b(repr((filters, shown, breakdown)).encode(), digest_size=6).hexdigest()
    event = st.plotly_chart(charts.claims_by_month(dated, breakdown, shown), key=f"claims-{digest}",
                            on_select="rerun", selection_mode=("points", "box"), width="stretch")
    selected = charts.selected_buckets(event)
    claims, undated = data["claims"].sum(), data["claims"].sum() - dated["claims"].sum()
    notes = []
    if dated_by == "period" and dated["by_publication"].sum():
        notes.append(f"{dated['by_publication'].sum():,} of {claims:,} claims give no period and are "
                     "placed in the month they were first published.")
    if dated_by == "published":
        notes.append("Claims are placed in the month they were first published.")
    if undated:
        notes.append(f"{undated:,} claims have no date at all and are not in the chart.")
    if shown == "cumulative":
        notes.append("Each point is the highest running total reported that month; totals from different "
                     "reporters are never added.")
    else:
        notes.append("Bars add up distinct per-period claims; different reporters of one event are not merged.")
    st.caption(" ".join(notes) + " Drag a box over bars or points to filter the table below; double-click "
               "the chart to clear the selection.")

st.subheader("The claims" + (" in the selection" if selected else ""))
if selected:
    st.caption("Filtered by the chart selection (" + escape_markdown("; ".join(map(charts.bucket_label, selected)))
               + "). Double-click the chart to clear it.")
# The chart's data counts the claims the table lists, per bucket: no need to count them again.
listed = data[data["bucket"].isin(selected)] if selected else data
tables.show(store, queries.claims(filters, shown, breakdown, selected), name=f"figures-{shown}",
            about="Reported figures (per-period counts or running totals), one row per distinct claim.",
            filters=filters, key="claims", selection=selected, total=int(listed["claims"].sum()),
            columns=["month", "value", "value_high", "qualifier", "category", "group", "side", "period_start",
                     "period_end", "placed_by", "reported_by", "location", "reported_in", "sentence"],
            derived={"reported_in": lambda f: [f"reported in {n} article{'s' if n != 1 else ''}"
                                               for n in f["articles"]]})
