"""Casualties: running totals claim by claimant beside reference series, or incidents per period;
select points or bars to see their claims and evidence."""
import hashlib
from dataclasses import replace

import pandas as pd
import streamlit as st

from app import charts, controls, db, empty, queries, reference, router, tables, view
from app.evidence import escape_markdown
from etl.model import CATEGORIES

CLAIM_COLUMNS = ["claim", "what", "reported_by", "placed_on", "sentence", "reported_in", "period_start",
                 "period_end", "location", "placed_by", "first_published", "value", "value_high", "qualifier"]
ALL_CATEGORIES = "all"

router.enter_page()
st.title("Casualties and other reported figures")
st.caption("Reported figures, not verified counts. A claim repeated by several articles counts once; "
           "claims by different claimants are compared, never added.")
current = view.with_data()
store, months = current.store, current.months()

c1, c2, c3, c4 = st.columns([3, 2, 2, 1])
with c1:
    shown = controls.choice("Show", {"claimants": "Claims by claimant (running totals)",
                                     "incidents": "Incidents per period"}, "view",
                            help="Running totals (\"since the invasion began\") are drawn claim by claimant; "
                                 "counts over a period are summed per month. The two are never added.")
categories = list(current.filters.categories or CATEGORIES)
what_options = {c: c for c in categories}
if shown == "incidents" and len(categories) > 1:
    what_options[ALL_CATEGORIES] = "all, one panel each"
with c2:
    category = controls.select("What is counted", what_options, "what")
with c3:
    dated_by = controls.choice("Place figures by", {"period": "period described", "published": "publication"},
                               "dated_by", help="The date a figure describes (\"in July\"), or the day it "
                                                "was first published.")
with c4:
    log = controls.switch("Log scale", "log")
chosen = tuple(categories) if category == ALL_CATEGORIES else (category,)
filters = replace(current.filters, dated_by=dated_by, categories=chosen)


def _key(*parts: object) -> str:
    """A new chart key whenever its data changes, so an old selection never filters a new chart."""
    return hashlib.blake2b(repr((filters, *parts)).encode(), digest_size=6).hexdigest()


def _reported_in(frame: pd.DataFrame) -> list[str]:
    return [f"{n} article{'s' if n != 1 else ''}" for n in frame["articles"]]


def _claims_table(view_name: str, total: int, **selection) -> None:
    picked = selection.get("selected") or selection.get("keys")
    st.subheader("The claims" + (" you selected" if picked else ""))
    tables.show(store, queries.claims(filters, view_name, **selection), name=f"figures-{view_name}",
                about="Reported figures (running totals or per-period counts), one row per distinct claim.",
                filters=filters, links=current.filters, key="claims", selection=tuple(picked or ()), total=total,
                columns=CLAIM_COLUMNS, derived={"reported_in": _reported_in})


def claimants_view() -> None:
    points = db.fetch(store, queries.claim_points(filters))
    dated = points[points["placed_on"].notna()]
    if dated.empty:
        empty.no_match()
        return
    military = dated[dated["group"] == "military"]
    sides = tuple(sorted(set(military["side"]) & {"russia", "ukraine"}))
    ref = db.fetch(store, reference.in_view(filters, category, sides)) if sides else pd.DataFrame()
    event = st.plotly_chart(charts.claimants(dated, ref, current.chart_months(dated["placed_on"]), log), key=f"claimants-{_key(log)}",
                            on_select="rerun", selection_mode=("points", "box", "lasso"), width="stretch")
    keys = charts.selected_claims(event)
    notes = [f"{len(dated):,} running-total claims of people {escape_markdown(category)}, each a point at the "
             "day it runs up to; a claimant's successive claims are joined by a line (a claim under half of "
             "what the claimant had already claimed, a part of it, is a point off the line), ranges drawn as "
             "error bars, vague claims hollow. Claims by different claimants are never added."]
    if not ref.empty:
        notes.append("Grey: reference series from data/reference (Ukraine's General Staff daily report, dotted; "
                     "estimates collected by The Economist, diamonds), drawn under the matching claims.")
    if len(points) > len(dated):
        notes.append(f"{len(points) - len(dated):,} claims have no date and are only in the table.")
    undrawn = len(dated) - len(charts.drawn_claims(dated))
    if undrawn:
        notes.append(f"Of the grey claims, the {charts.BACKGROUND_POINTS:,} largest of each kind are drawn; "
                     f"{undrawn:,} smaller ones are only in the table.")
    st.caption(" ".join(notes) + " Click a point, or drag a box, to see its claims and evidence below.")

    if keys:
        _claims_table("cumulative", len(keys), keys=keys)
    st.subheader("Compare claimants")
    st.caption(f"The latest running total of people {escape_markdown(category)} each claimant claimed, "
               "side by side with its date, for each thing counted.")
    tables.show(store, queries.claimant_latest(filters), name="claimants-latest", key="claimants",
                about="Per claimant and what is counted: the latest running total claimed, and its evidence.",
                filters=filters, links=current.filters,
                columns=["what", "claimant", "claim", "as_of", "sentence", "claims", "highest", "first_claim_on"])
    if category in ("killed", "casualties"):
        st.subheader("Claims beside the reference series")
        st.caption("Each claim about soldiers killed or casualties, next to Ukraine's General Staff figure for "
                   "the same day and the latest estimate The Economist collected by then (data/reference).")
        tables.show(store, reference.comparison(filters), name="claims-vs-reference", key="reference",
                    about="Running-total claims about military losses beside the reference series of the same day.",
                    when_empty="No claim in view is about soldiers of a side a reference series counts.",
                    filters=filters, links=current.filters,
                    columns=["claim", "what", "claimant", "claim_date", "general_staff", "claim_to_general_staff",
                             "economist", "economist_low", "economist_high", "economist_source", "economist_day",
                             "sentence"])
    if not keys:
        _claims_table("cumulative", len(points))


def incidents_view() -> None:
    breakdown = controls.choice("Break down by", {b: b for b in queries.BREAKDOWNS}, "by")
    data = db.fetch(store, queries.claims_by_month(filters, breakdown))
    dated = data[data["month"].notna()]
    if dated.empty:
        empty.no_match()
        return
    event = st.plotly_chart(charts.incidents(dated, breakdown, current.chart_months(dated["month"]), log), key=f"incidents-{_key(breakdown, log)}",
                            on_select="rerun", selection_mode=("points", "box"), width="stretch")
    selected = charts.selected_buckets(event)
    claims = int(data["claims"].sum())
    notes = ["Bars add up distinct claims of people counted over a period (\"12 killed on Tuesday\"), one "
             "category per panel; an incident reported by several articles or reporters counts once."]
    if filters.dated_by == "period" and dated["by_publication"].sum():
        notes.append(f"{dated['by_publication'].sum():,} of {claims:,} claims give no period and are placed in "
                     "the month they were first published.")
    if dated["vague"].sum():
        notes.append(f"{dated['vague'].sum():,} vague claims count at their floor value.")
    if claims > dated["claims"].sum():
        notes.append(f"{claims - int(dated['claims'].sum()):,} claims have no date at all and are not in the chart.")
    st.caption(" ".join(notes) + " Drag a box over bars to filter the table below; double-click the chart "
               "to clear the selection.")
    if selected:
        st.caption("Filtered by the chart selection ("
                   + escape_markdown("; ".join(map(charts.bucket_label, selected))) + ").")
    # The chart's data counts the claims the table lists, per bucket: no need to count them again.
    listed = data[data["bucket"].isin(selected)] if selected else data
    _claims_table("per_period", int(listed["claims"].sum()), breakdown=breakdown, selected=selected)


if months is None:
    empty.no_match()
elif shown == "claimants":
    claimants_view()
else:
    incidents_view()
