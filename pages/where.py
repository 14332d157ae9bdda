"""Where: the filtered figures on a map of Ukraine and its neighbours, and a summary per oblast."""
import streamlit as st

from app import controls, db, empty, maps, place_queries, router, tables, view
from etl.model import CATEGORIES

router.enter_page()

st.title("Where")
st.caption("Reported figures at the place their sentence names, resolved offline against GeoNames and "
           "Natural Earth. A claim repeated by several articles is one marker.")
current = view.with_data()
store, filters = current.store, current.filters

c1, c2 = st.columns([3, 2])
with c1:
    shown = controls.choice("Show", {"per_period": "Counts per period", "cumulative": "Running totals"}, "view",
                            help="Running totals (\"since the invasion began\") and counts over a period are "
                                 "never mixed on one map.")
with c2:
    streets = st.toggle("Street map background", key="where-streets",
                        help="Loads map tiles from OpenStreetMap over the internet. Off, the map is drawn "
                             "from the oblast outlines shipped with the tool and needs no connection.")

counts = db.fetch(store, place_queries.placement(filters, shown)).iloc[0]
# The largest claims first: at a million figures the map draws the largest MAX_MARKERS.
claims = db.fetch(store, place_queries.map_claims(filters, shown), maps.MAX_MARKERS + 1)
oblasts = db.fetch(store, place_queries.by_oblast(filters, shown))

left, right = st.columns([3, 2])
with left:
    if claims.empty:
        empty.no_match()
    else:
        st.plotly_chart(maps.where_map(claims.head(maps.MAX_MARKERS), oblasts, streets), key="where-map",
                        width="stretch")
    if len(claims) > maps.MAX_MARKERS:
        st.caption(f"The map draws the {maps.MAX_MARKERS:,} largest claims; the table below lists all of them.")
    st.caption(
        f"{int(counts['on_map']):,} of {int(counts['figures']):,} figure mentions are on the map "
        f"(circles: a town or district; squares: only the oblast is known). "
        f"{int(counts['country_only']):,} are placed only in a country and are listed in the table, not drawn; "
        f"{int(counts['unplaced']):,} name a place the gazetteer could not place with confidence; "
        f"{int(counts['no_location']):,} name no place. Marker areas are proportional to the number; "
        "oblasts are shaded by their number of claims.")
with right:
    st.subheader("By oblast")
    tables.show(store, place_queries.by_oblast(filters, shown), name=f"oblasts-{shown}",
                about="Per oblast: distinct claims placed there, the people they count in each category "
                      "(per-period claims summed; for running totals the highest), and the articles reporting them.",
                filters=filters, key="oblasts", link=False, shown=100,
                columns=["oblast", "country", "claims", *CATEGORIES, "articles"])

st.subheader("The claims on the map")
tables.show(store, place_queries.map_claims(filters, shown), name=f"placed-figures-{shown}",
            about="Reported figures with a place, one row per distinct claim and place, largest first.",
            filters=filters, key="placed",
            columns=["placed_on", "value", "value_high", "category", "group", "side", "reported_by", "place",
                     "admin1", "country", "place_precision", "articles", "sentence"])
