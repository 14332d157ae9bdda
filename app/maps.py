"""The map of Ukraine and its neighbours: oblast outlines shipped in data/geo, claims as markers.

Drawn with plotly's geo traces from the GeoJSON alone: every base layer plotly would fetch from
the internet (coastlines, land, countries) is off, so the map renders offline. A street-map
background is an option the user turns on; only then are tiles loaded from the internet.
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from app.charts import COLORS, plot_text
from etl.gazetteer.index import divisions

OUTLINES = Path(__file__).resolve().parent.parent / "data" / "geo" / "ukraine-oblasts.geojson"
# Longitude and latitude the map opens on: Ukraine, with its neighbours' border regions.
LON_RANGE, LAT_RANGE = (21.5, 41.5), (43.8, 53.0)
CENTER = {"lat": 48.6, "lon": 31.5}
MAX_MARKER = 44  # px, the largest claim's marker
SENTENCE_CHARS = 280
STREET_STYLE = "open-street-map"


@lru_cache(maxsize=1)
def outlines() -> dict:
    """The GeoJSON, each feature keyed by 'country:oblast' under the names the figures carry."""
    doc = json.loads(OUTLINES.read_text(encoding="utf-8"))
    names = divisions()
    for feature in doc["features"]:
        place = names.get(feature["id"])
        name = place.name if place else feature["properties"]["name"]
        feature["properties"] = {**feature["properties"], "name": name,
                                 "key": f"{feature['properties']['country']}:{name}"}
    return doc


def _hover_rows(claims: pd.DataFrame) -> list[list[str]]:
    rows = []
    for r in claims.itertuples(index=False):
        value = f"{r.value:,}" + (f"–{int(r.value_high):,}" if pd.notna(r.value_high) else "")
        where = r.place if r.place == r.admin1 or pd.isna(r.admin1) else f"{r.place}, {r.admin1}"
        sentence = str(r.sentence).replace("\n", " ")
        if len(sentence) > SENTENCE_CHARS:
            sentence = sentence[:SENTENCE_CHARS].rsplit(" ", 1)[0] + " …"
        date = "" if pd.isna(r.placed_on) else pd.Timestamp(r.placed_on).strftime("%d %b %Y")
        rows.append([plot_text(value), plot_text(r.category), plot_text(r.reported_by or "not given"), date,
                     plot_text(f"{where} ({r.place_precision})"), plot_text(sentence), r.article_id])
    return rows


_HOVER = ("<b>%{customdata[0]} %{customdata[1]}</b><br>%{customdata[4]}<br>claimed by %{customdata[2]}"
          "<br>%{customdata[3]}<br><i>%{customdata[5]}</i><extra></extra>")


def _sizes(values: pd.Series, largest: float) -> list[float]:
    """Marker diameters with areas proportional to the value (a claim of 400 covers four times
    the area of one of 100), at least 5 px so a single death stays visible."""
    return [max(5.0, MAX_MARKER * math.sqrt(v / largest)) if largest > 0 else 5.0 for v in values]


def where_map(claims: pd.DataFrame, oblasts: pd.DataFrame, streets: bool = False) -> go.Figure:
    """Oblasts shaded by their claims, a marker per placed claim (not those placed only at
    country level) sized by value and coloured by category."""
    geo = outlines()
    counts = {f"{r.country}:{r.oblast}": r.claims for r in oblasts.itertuples(index=False)}
    keys = [f["properties"]["key"] for f in geo["features"]]
    names = [plot_text(f["properties"]["name"]) + ("" if f["properties"]["country"] == "UA"
                                                   else f" ({f['properties']['country']})") for f in geo["features"]]
    z = [counts.get(k, 0) for k in keys]
    shade = dict(geojson=geo, featureidkey="properties.key", locations=keys, z=z, text=names,
                 colorscale=[[0, "#f4f4f2"], [1e-9, "#e3ecf6"], [1, "#5b8fc9"]], zmin=0, zmax=max(max(z), 1),
                 showscale=False, marker_line_color="#8a8a8a", marker_line_width=0.6, name="oblasts",
                 hovertemplate="%{text}: %{z} claims<extra></extra>")
    fig = go.Figure(go.Choroplethmap(**shade) if streets else go.Choropleth(**shade))
    shown = claims[claims["place_precision"] != "country"]
    largest = float(shown["value"].max()) if len(shown) else 0.0
    for category, part in shown.groupby("category", sort=False):
        marker = dict(size=_sizes(part["value"], largest), color=COLORS.get(str(category)), opacity=0.7,
                      symbol=["square" if p == "oblast" else "circle" for p in part["place_precision"]]
                      if not streets else None)
        points = dict(lat=part["lat"], lon=part["lon"], name=plot_text(category), mode="markers",
                      customdata=_hover_rows(part), hovertemplate=_HOVER)
        if streets:
            fig.add_trace(go.Scattermap(marker={k: v for k, v in marker.items() if v is not None}, **points))
        else:
            fig.add_trace(go.Scattergeo(marker=dict(marker, line=dict(width=0.5, color="white")), **points))
    layout = dict(margin=dict(l=0, r=0, t=10, b=0), height=560, legend_title_text="category",
                  legend=dict(orientation="h", y=-0.02))
    if streets:
        fig.update_layout(map=dict(style=STREET_STYLE, center=CENTER, zoom=4.6), **layout)
    else:
        # Every base layer off: plotly would fetch them from its CDN. The outlines are the map.
        fig.update_geos(projection_type="mercator", lonaxis_range=list(LON_RANGE), lataxis_range=list(LAT_RANGE),
                        showcoastlines=False, showland=False, showocean=False, showlakes=False,
                        showrivers=False, showcountries=False, showsubunits=False, showframe=False,
                        bgcolor="#dfe9f2")
        fig.update_layout(**layout)
    return fig
