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
# Marker areas follow the values up to this quantile; the few claims above it are drawn at the
# largest size, so one outsized claim does not shrink every other marker to a dot.
SIZE_QUANTILE = 0.95
SENTENCE_CHARS = 280
MAX_MARKERS = 3000  # more would make the page slow to draw, and no clearer
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
    the area of one of 100) up to `largest`, at least 5 px so a single death stays visible."""
    return [max(5.0, MAX_MARKER * math.sqrt(min(v, largest) / largest)) if largest > 0 else 5.0 for v in values]


# Oblast shades by their number of claims: the upper bound of each step, and its fill (Ukraine's
# oblasts without claims white, its neighbours' grey).
SHADES = ((0, None), (4, "#dce7f3"), (19, "#b7cde8"), (49, "#8aafd9"), (float("inf"), "#5b8fc9"))
EMPTY = {True: "#ffffff", False: "#ebebeb"}
BORDER = {True: ("#6b6b6b", 0.8), False: ("#b5b5b5", 0.4)}


def _rings(feature: dict) -> tuple[list, list]:
    """A feature's outer rings as one line with gaps (None) between them, for a filled trace."""
    lats: list = []
    lons: list = []
    for polygon in feature["geometry"]["coordinates"]:
        lons += [x for x, _ in polygon[0]] + [None]
        lats += [y for _, y in polygon[0]] + [None]
    return lats, lons


def _outline_traces(counts: dict[str, int], streets: bool) -> list:
    """The oblasts as filled outlines, one trace per shade, and an invisible point at each
    oblast's centre for its hover. Lines and points only: no trace asks plotly for base maps."""
    geo = outlines()
    steps: dict[tuple[bool, int], tuple[list, list]] = {}
    centres = []
    for feature in geo["features"]:
        props = feature["properties"]
        n = counts.get(props["key"], 0)
        step = (props["country"] == "UA", next(i for i, (upper, _) in enumerate(SHADES) if n <= upper))
        lats, lons = _rings(feature)
        steps.setdefault(step, ([], []))[0].extend(lats)
        steps[step][1].extend(lons)
        place = divisions().get(feature["id"])
        if place is not None:
            name = props["name"] + ("" if props["country"] == "UA" else f" ({props['country']})")
            centres.append((place.lat, place.lon, f"{plot_text(name)}: {n:,} claim{'s' if n != 1 else ''}"))
    trace = go.Scattermap if streets else go.Scattergeo
    # Neighbours first, so Ukraine's darker borders are drawn over the shared ones.
    traces = [trace(lat=lats, lon=lons, mode="lines", fill="toself",
                    fillcolor=SHADES[step][1] or EMPTY[ukraine],
                    line=dict(color=BORDER[ukraine][0], width=BORDER[ukraine][1]), hoverinfo="skip",
                    showlegend=False, name=f"oblasts-{'UA' if ukraine else 'neighbours'}-{step}")
              for (ukraine, step), (lats, lons) in sorted(steps.items())]
    lat, lon, text = zip(*centres)
    traces.append(trace(lat=lat, lon=lon, text=text, mode="markers", marker=dict(size=12, opacity=0),
                        hovertemplate="%{text}<extra></extra>", showlegend=False, name="oblasts"))
    return traces


def where_map(claims: pd.DataFrame, oblasts: pd.DataFrame, streets: bool = False) -> go.Figure:
    """Oblasts shaded by their claims, a marker per placed claim (not those placed only at
    country level) sized by value and coloured by category."""
    counts = {f"{r.country}:{r.oblast}": int(r.claims) for r in oblasts.itertuples(index=False)}
    fig = go.Figure(_outline_traces(counts, streets))
    shown = claims[claims["place_precision"] != "country"]
    largest = float(shown["value"].quantile(SIZE_QUANTILE)) if len(shown) else 0.0
    for category, part in shown.groupby("category", sort=False):
        marker = dict(size=_sizes(part["value"], largest), color=COLORS.get(str(category)), opacity=0.7)
        points = dict(lat=part["lat"].tolist(), lon=part["lon"].tolist(), name=plot_text(category),
                      mode="markers", customdata=_hover_rows(part), hovertemplate=_HOVER)
        if streets:
            fig.add_trace(go.Scattermap(marker=marker, **points))
        else:
            symbols = ["square" if p == "oblast" else "circle" for p in part["place_precision"]]
            fig.add_trace(go.Scattergeo(marker=dict(marker, symbol=symbols, line=dict(width=0.5, color="white")),
                                        **points))
    layout = dict(margin=dict(l=0, r=0, t=10, b=0), height=560, legend_title_text="category",
                  legend=dict(orientation="h", y=-0.02), hovermode="closest")
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
